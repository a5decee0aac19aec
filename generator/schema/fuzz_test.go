package schema

import "testing"

func FuzzInfer(f *testing.F) {
	f.Add(`{"a": "datetime-value", "b": [1, 2.5], "c": {"@odata.type": "x"}, "d": null}`)
	f.Add(`[[[]]]`)
	f.Add(`{"a": 1,}`)
	f.Fuzz(func(t *testing.T, example string) {
		n, err := Infer(example)
		if err != nil {
			if se, ok := err.(*SyntaxError); ok && (se.Offset < 0 || se.Offset > len(example)) {
				t.Errorf("offset %d outside %d bytes", se.Offset, len(example))
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
