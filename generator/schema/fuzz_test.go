package schema

import "testing"

func FuzzInfer(f *testing.F) {
	f.Add(`{"a": "datetime-value", "b": [1, 2.5], "c": {"@odata.type": "x"}, "d": null}`)
	f.Add(`[[[]]]`)
	f.Add(`{"a": 1,}`)
	f.Add("{\n  \"value\": [\n    {\n      \"id\": \"c2b6c2b9\"\n    }\n}")
	f.Add("{\n  \"a\": {\n    \"b\": [\n      1\n  \"c\": 2\n}")
	f.Add("{\n  \"id\":\"492c\"\n  \"accountEnabled\":true\n}")
	f.Add("{\n\t\"a\": {\n\t\t\"b\": 1\n}")
	f.Add(`[[[[[1`)
	f.Add(`{"a": [1, 2}`)
	f.Fuzz(func(t *testing.T, example string) {
		n, err := Infer(example)
		if err != nil {
			if se, ok := err.(*SyntaxError); ok {
				if se.Offset < 0 || se.Offset > len(example) {
					t.Errorf("offset %d outside %d bytes", se.Offset, len(example))
				}
				if len(se.Related) > maxRelated+1 {
					t.Errorf("%d related", len(se.Related))
				}
				for _, r := range se.Related {
					if r.Offset < 0 || r.Offset > len(example) || r.Message == "" {
						t.Errorf("related %+v outside %d bytes", r, len(example))
					}
				}
			}
			return
		}
		walk(t, n, example, 0)
	})
}

func walk(t *testing.T, n *Node, src string, depth int) {
	if depth > MaxDepth+1 {
		t.Fatalf("depth %d beyond the bound", depth)
	}
	if n.Offset < 0 || n.Offset+len(n.Raw) > len(src) || src[n.Offset:n.Offset+len(n.Raw)] != n.Raw {
		t.Errorf("node at %d does not point at its text %q", n.Offset, n.Raw)
	}
	for _, f := range n.Fields {
		walk(t, f.Value, src, depth+1)
	}
	for _, it := range n.Items {
		walk(t, it, src, depth+1)
	}
}
