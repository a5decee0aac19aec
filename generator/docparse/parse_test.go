package docparse

import (
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

func TestParseBlocks(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		wantTypes []BlockType
		wantDiags []string // "line:col: severity: message" substrings
	}{
		{
			name:      "annotation then fence",
			src:       "# T\n<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /x\n```\n",
			wantTypes: []BlockType{Request},
		},
		{
			name:      "blank line between annotation and fence, closing on its own line",
			src:       "# T\n\n<!-- {\n  \"blockType\": \"response\"\n}\n-->\n\n```\nHTTP/1.1 200 OK\n```\n",
			wantTypes: []BlockType{Response},
		},
		{
			name:      "annotation interrupts a paragraph",
			src:       "Here is an example.\n<!-- { \"blockType\": \"request\" }-->\n```HTTP\nGET /x\n```\n",
			wantTypes: []BlockType{Request},
		},
		{
			name:      "fence language is only a hint",
			src:       "<!-- { \"blockType\": \"request\" } -->\n```msgraph-interactive\nGET /x\n```\n",
			wantTypes: []BlockType{Request},
		},
		{
			name: "page annotation and plain comments are prose",
			src:  "<!-- uuid: 8fcb\n2015-10-25 -->\n<!-- {\n  \"type\": \"#page.annotation\"\n}-->\n",
		},
		{
			name:      "heading between annotation and fence",
			src:       "<!-- { \"blockType\": \"request\" } -->\n## Oops\n```http\nGET /x\n```\n",
			wantDiags: []string{"1:1: warning DB102: request annotation is not followed by a fenced code block"},
		},
		{
			name:      "malformed annotation",
			src:       "# T\n<!-- { \"blockType\": \"request\", \"name\": broken -->\n```http\nGET /x\n```\n",
			wantDiags: []string{"2:40: error DB101: cannot read annotation"},
		},
		{
			name:      "HTML-escaped annotation",
			src:       "# T\n\n<!-- { &quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: &quot;a&quot; } -->\n```http\nGET /x\n```\n",
			wantTypes: []BlockType{Request},
			wantDiags: []string{"3:1: warning DB105: request annotation's JSON is HTML-escaped"},
		},
		{
			name:      "partly escaped annotation, indented, closing on its own line",
			src:       "  <!-- {\n  \"blockType\": \"resource\",\n  \"@type&quot;: &quot;microsoft.graph.list\"\n}\n-->\n```json\n{}\n```\n",
			wantTypes: []BlockType{Resource},
			wantDiags: []string{"1:1: warning DB105: resource annotation's JSON is HTML-escaped"},
		},
		{
			name:      "escaped annotation followed by no fence",
			src:       "<!-- {&#39;blockType&#39;: &#39;request&#39;} -->\n## Oops\n",
			wantDiags: []string{"1:1: warning DB105", "1:1: warning DB102"},
		},
		{
			name:      "escaped and broken",
			src:       "<!-- { &quot;blockType&quot;: &quot;request&quot;, x } -->\n```http\nGET /x\n```\n",
			wantDiags: []string{"1:8: error DB101: cannot read annotation"},
		},
		{
			name: "escaped page annotation is prose",
			src:  "<!-- { &quot;type&quot;: &quot;#page.annotation&quot; } -->\n",
		},
		{
			name:      "fence never closes",
			src:       "<!-- { \"blockType\": \"request\" } -->\n```http\nGET /x\n",
			wantTypes: []BlockType{Request},
			wantDiags: []string{"2:1: warning DB103: code fence is never closed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, diags := Parse("p.md", []byte(tt.src))
			var got []BlockType
			for _, b := range page.Blocks {
				got = append(got, b.Annotation.BlockType)
			}
			if strings.Join(types(got), ",") != strings.Join(types(tt.wantTypes), ",") {
				t.Errorf("blocks %v, want %v", got, tt.wantTypes)
			}
			checkDiags(t, diags, tt.wantDiags)
		})
	}
}

func types(ts []BlockType) []string {
	var s []string
	for _, t := range ts {
		s = append(s, string(t))
	}
	return s
}

func checkDiags(t *testing.T, got diag.List, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("diagnostics %v, want %d like %q", got, len(want), want)
	}
	for i, d := range got {
		if !strings.Contains(d.String(), "p.md:"+want[i]) {
			t.Errorf("diagnostic %q, want it to contain %q", d, "p.md:"+want[i])
		}
	}
}

func TestParsePositionsAndContext(t *testing.T) {
	src := "---\ntitle: x\n---\n# Create version\n\nUse this API.\n\n### HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /a\n```\n### Request headers\n| Name | Type |\n|:--|:--|\n| X-H | string |\n\nSee [item](../resources/item.md).\n"
	page, diags := Parse("docs/p.md", []byte(src))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if page.Title != "Create version" || page.TitlePos.Line != 4 || page.Intro != "Use this API." {
		t.Errorf("title %q at %v, intro %q", page.Title, page.TitlePos, page.Intro)
	}
	b := page.Blocks[0]
	if b.AnnotationPos.String() != "docs/p.md:9:1" || b.CodePos.Line != 11 || b.Heading != "HTTP request" || b.Code != "POST /a\n" || b.Lang != "http" {
		t.Errorf("block %+v", b)
	}
	if len(page.Tables) != 1 || page.Tables[0].Heading != "Request headers" || page.Tables[0].Rows[0].Cells[0].Text != "X-H" || page.Tables[0].Rows[0].Pos.Line != 16 {
		t.Errorf("tables %+v", page.Tables)
	}
	if len(page.Links) != 1 || page.Links[0].Text != "item" || page.Links[0].Dest != "../resources/item.md" || page.Links[0].Heading != "Request headers" {
		t.Errorf("links %+v", page.Links)
	}
}

// TestHeadingAnchors records the anchors of the heading each block, table
// and link sits under: translated pages keep the English anchors.
func TestHeadingAnchors(t *testing.T) {
	tests := []struct {
		name        string
		heading     string
		wantText    string
		wantAnchors []string
	}{
		{"English, no anchor", "## Request headers", "Request headers", nil},
		{"German", `## <a name="request-headers"></a>Anforderungsheader`, "Anforderungsheader", []string{"request-headers"}},
		{"Japanese", `### <a name="request"></a>要求`, "要求", []string{"request"}},
		{"French, id attribute in single quotes", `## <a id='properties'></a>Propriétés`, "Propriétés", []string{"properties"}},
		{"unquoted, self-closing, after the text", `## Beziehungen <a name=relationships/>`, "Beziehungen", []string{"relationships"}},
		{"two anchors, one repeated", `## <a name="http-request"></a><a id="http-request"></a><a name="url"></a>HTTP-Anforderung`, "HTTP-Anforderung", []string{"http-request", "url"}},
		{"anchor inside emphasis", `## *<a name="example"></a>Beispiel*`, "Beispiel", []string{"example"}},
		{"a link is not an anchor", `## <a href="x.md">Eigenschaften</a>`, "Eigenschaften", nil},
		{"id after another attribute; data-id is not an id", `## <a class="x" data-id="no" id="properties"></a>Eigenschaften`, "Eigenschaften", []string{"properties"}},
		{"anchor on the line above", "<a name=\"request-headers\"></a>\n## Anforderungsheader", "Anforderungsheader", []string{"request-headers"}},
		{"anchor block above, a blank line between", "<a id=\"request-headers\"/>\n\n## <a name=\"headers\"></a>Anforderungsheader", "Anforderungsheader", []string{"headers", "request-headers"}},
		{"an anchor in prose names no heading", "Siehe <a name=\"request-headers\"></a> hier.\n\n## Anforderungsheader", "Anforderungsheader", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "# T\n\n" + tt.heading + "\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /x\n```\n\n| a | b |\n|--|--|\n| [l](x.md) | c |\n\nSee [m](y.md).\n"
			page, diags := Parse("p.md", []byte(src))
			if len(diags) > 0 {
				t.Fatalf("diagnostics %v", diags)
			}
			if len(page.Blocks) != 1 || len(page.Tables) != 1 || len(page.Links) != 1 {
				t.Fatalf("%d blocks, %d tables, %d links", len(page.Blocks), len(page.Tables), len(page.Links))
			}
			b, tb, l := page.Blocks[0], page.Tables[0], page.Links[0]
			for what, got := range map[string]string{"block": b.Heading, "table": tb.Heading, "link": l.Heading} {
				if got != tt.wantText {
					t.Errorf("%s heading %q, want %q", what, got, tt.wantText)
				}
			}
			for what, got := range map[string][]string{"block": b.HeadingAnchors, "table": tb.HeadingAnchors, "link": l.HeadingAnchors, "cell link": tb.Rows[0].Cells[0].Links[0].HeadingAnchors} {
				if strings.Join(got, " ") != strings.Join(tt.wantAnchors, " ") {
					t.Errorf("%s anchors %q, want %q", what, got, tt.wantAnchors)
				}
			}
		})
	}
}

func TestInSection(t *testing.T) {
	tests := []struct {
		heading string
		anchors []string
		words   []string
		want    bool
	}{
		{"Request headers", nil, []string{"request header"}, true},
		{"Optional request headers", nil, []string{"request header"}, true},
		{"HTTP Request", nil, []string{"http request"}, true},
		{"Anforderungsheader", []string{"request-headers"}, []string{"request header"}, true},
		{"リレーションシップ", []string{"Relationships"}, []string{"propert", "relationship"}, true},
		{"Corps de la demande", []string{"request_body"}, []string{"request body"}, true},
		{"Anforderungstext", []string{"request-body"}, []string{"request header"}, false},
		{"Eigenschaften", nil, []string{"propert"}, false},
		{"Antwort", []string{"response"}, []string{"request"}, false},
	}
	for _, tt := range tests {
		if got := InSection(tt.heading, tt.anchors, tt.words...); got != tt.want {
			t.Errorf("InSection(%q, %q, %q) = %v, want %v", tt.heading, tt.anchors, tt.words, got, tt.want)
		}
	}
}

func TestIsMetadataLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Namespace: microsoft.graph", true},
		{"命名空间：microsoft.graph", true},
		{"Namespace: microsoft.graph.beta", true},
		{"Retrieve the properties of a user.", false},
		{"Note: this API is in preview.", false},
		{"Use this API: see driveItem.", false},
		{"Applies to: OneDrive for Business", false},
	} {
		if got := isMetadataLine(tc.text); got != tc.want {
			t.Errorf("isMetadataLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
