package docparse

import (
	"os"
	"strings"
	"testing"
)

func FuzzParseAnnotation(f *testing.F) {
	for _, s := range []string{
		`{ "blockType": "request", "name": "create-folder" }`,
		`{ blockType: 'response', "truncated": "true", "name": ["a", "b"], }`,
		`{ "blockType": "request", "name": broken`,
		`{"blockType":"resource","optionalProperties":["a"],"@odata.type":"x"}`,
		`{ "blockType": "resource", "@type&quot;: &quot;microsoft.graph.list" }`,
		`{&quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: [&#39;a&#39;, &#34;b&#34;], }`,
		`{ &amp;quot;blockType&amp;quot;: &amp;quot;response&amp;quot;, &quot;x&quot;: &quot;&lt;&gt;&quot; }`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := ParseAnnotation(text)
		var se *SyntaxError
		if err != nil && asSyntax(err, &se) && (se.Offset < 0 || se.Offset > len(text)) {
			t.Errorf("offset %d outside the text of %d bytes", se.Offset, len(text))
		}
	})
}

func asSyntax(err error, se **SyntaxError) bool {
	s, ok := err.(*SyntaxError)
	*se = s
	return ok
}

func FuzzParse(f *testing.F) {
	if seed, err := os.ReadFile("../../docs/create-version.md"); err == nil {
		f.Add(seed)
	}
	f.Add([]byte("<!-- { \"blockType\": \"request\" } -->\n```http\nGET /x\n"))
	f.Add([]byte("---\ntitle: x\n---\n# T\n| a | b |\n|--|--|\n| [l](x.md) | y |\n"))
	f.Add([]byte("# T\n## <a name=\"properties\"></a>Eigenschaften\n| Eigenschaft | Typ |\n|--|--|\n| id | String |\n<!-- {&quot;blockType&quot;: &quot;request&quot;} -->\n```http\nGET /x\n```\n"))
	// Front matter, links, anchors and reference links (links.go,
	// frontmatter.go).
	f.Add([]byte("--- \r\ntitle: \"a: b\"\r\nkeys:\r\n- x\r\n\tbad\r\ndescription: 'it''s\r\n  more'\r\n...\r\n# T\n"))
	f.Add([]byte("---\ntitle: x\ntitle: y: z\n- a\n@x: `y`\n\"k\": \"v\" w\nd: \"open\n"))
	f.Add([]byte("# [HTTP](#tab/http)\n## <a name=\"x\"></a>Ex &amp; ample\n## Ex & ample\n[a][b] [c][] [!INCLUDE [d](e.md)] x[0][1] \\[f\\][g] [h [i](j)][k]\n\n| [l][m] | ![n](o.png) |\n|--|--|\n\n[b]: p.md#q\n<span id='r'>s</span><!-- <a name=\"t\"> -->\n"))
	f.Add([]byte("[![x](y)][z]\n[a\nb][c] [`d`][e] [[f]][g] [h][\\]] [i]["))
	f.Fuzz(func(t *testing.T, src []byte) {
		page, diags := Parse("f.md", src)
		for _, d := range diags {
			if d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Errorf("bad position %v", d.Pos)
			}
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, h := range page.Hrefs {
			if h.Pos.Line < 1 || h.Pos.Line > lines || h.DefPos.Line > lines {
				t.Errorf("link %q at %v, defined at %v, in %d lines", h.Dest, h.Pos, h.DefPos, lines)
			}
		}
		for _, a := range page.Anchors {
			if a.ID == "" || a.Pos.Line < 1 || a.Pos.Line > lines {
				t.Errorf("anchor %q at %v, in %d lines", a.ID, a.Pos, lines)
			}
		}
		for _, b := range page.Blocks {
			if b.AnnotationPos.Line < 1 || b.CodePos.Line < b.AnnotationPos.Line {
				t.Errorf("block positions %v %v", b.AnnotationPos, b.CodePos)
			}
		}
	})
}
