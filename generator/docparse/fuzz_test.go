package docparse

import (
	"os"
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
	f.Fuzz(func(t *testing.T, src []byte) {
		page, diags := Parse("f.md", src)
		for _, d := range diags {
			if d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Errorf("bad position %v", d.Pos)
			}
		}
		for _, b := range page.Blocks {
			if b.AnnotationPos.Line < 1 || b.CodePos.Line < b.AnnotationPos.Line {
				t.Errorf("block positions %v %v", b.AnnotationPos, b.CodePos)
			}
		}
	})
}
