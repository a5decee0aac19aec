package docparse

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestHrefs: every link and image is recorded, wherever it stands, at its
// text; a DocFX tab heading is no link.
func TestHrefs(t *testing.T) {
	src := "# [Title](t.md)\n" + // 1
		"\n" +
		"See [a **b**](a.md#x) and ![alt](../images/i.png) and [`code`](c.md).\n" + // 3
		"\n" +
		"| Name | Type |\n" + // 5
		"|--|--|\n" +
		"| x | [user](../resources/user.md) |\n" + // 7
		"\n" +
		"# [HTTP](#tab/http)\n" + // 9
		"\n" +
		"Reference [Item][item] and [item][] and [e]().\n" + // 11
		"\n" +
		"[item]: ../resources/item.md\n" + // 13
		"\n" +
		"- [in a list](l.md)\n" // 15
	page, diags := Parse("p.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics %v", diags)
	}
	var got []string
	for _, h := range page.Hrefs {
		s := fmt.Sprintf("%d:%d %s %q", h.Pos.Line, h.Pos.Col, h.Dest, h.Text)
		if h.Image {
			s += " image"
		}
		if h.DefPos.Line > 0 {
			s += fmt.Sprintf(" defined on %d", h.DefPos.Line)
		}
		got = append(got, s)
	}
	want := []string{
		`1:4 t.md "Title"`,
		`3:6 a.md#x "a b"`,
		`3:29 ../images/i.png "alt" image`,
		`3:57 c.md "code"`,
		`7:8 ../resources/user.md "user"`,
		`11:12 ../resources/item.md "Item" defined on 13`,
		`11:29 ../resources/item.md "item" defined on 13`,
		`11:42  "e"`,
		`15:4 l.md "in a list"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("hrefs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(page.Definitions) != 1 || page.Definitions[0].Label != "item" || page.Definitions[0].Dest != "../resources/item.md" || page.Definitions[0].Pos.Line != 13 {
		t.Errorf("definitions %+v", page.Definitions)
	}
}

// TestAnchors: a heading's anchor is its text as docs sites make it, and
// HTML gives anchors too.
func TestAnchors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"words", "## Request headers", []string{"request-headers"}},
		{"punctuation dropped, hyphens and underscores kept", "## What's new? (v1.0) -- a_b", []string{"whats-new-v10----a_b"}},
		{"code and emphasis are text", "## The `driveItem` *resource*", []string{"the-driveitem-resource"}},
		{"link text is text", "## See [user](user.md)", []string{"see-user"}},
		{"entities decoded, then dropped", "## Get &amp; set", []string{"get--set"}},
		{"letters of any script", "## Propriétés 要求", []string{"propriétés-要求"}},
		{"a repeated heading is numbered", "## Example\n\n## Example\n\n## Example", []string{"example", "example-1", "example-2"}},
		{"an HTML anchor in the heading", `## <a name="request-headers"></a>Anforderungsheader`, []string{"anforderungsheader", "request-headers"}},
		{"an anchor block above", "<a id=\"req\"></a>\n\n## Anforderung", []string{"req", "anforderung"}},
		{"an anchor in prose, an id on any element", "Text <a name=\"here\"></a> and <span id='there'>x</span>.", []string{"here", "there"}},
		{"a name on another element is no anchor; an href is none", "<input name=\"x\"> <a href=\"#y\">y</a>", nil},
		{"an anchor in a table cell", "| a |\n|--|\n| <a id=\"cell\"></a>x |", []string{"cell"}},
		{"not in a comment", "<!-- <a name=\"old\"></a> -->\n\nText.", nil},
		{"not in code", "```html\n<a name=\"code\"></a>\n```\n\nUse `<a id=\"span\">`.", nil},
		{"a heading of punctuation has none", "## ???", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, _ := Parse("p.md", []byte(tt.src+"\n"))
			var got []string
			for _, a := range page.Anchors {
				if a.Pos.Line < 1 {
					t.Errorf("anchor %q at %v", a.ID, a.Pos)
				}
				got = append(got, a.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("anchors %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUndefinedLinkIDs: a reference link whose id no definition gives is
// reported (DB108, ApiDoctor's MissingLinkSourceId); what only looks like
// one is not. The cases of ApiDoctor's BrokenLinkTests come first.
func TestUndefinedLinkIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"defined (NoBrokenLinks)", "[ID-based link][microsoft]\n\n[microsoft]: http://www.microsoft.com", nil},
		{
			"undefined (BrokenLinkInvalidId)", "This is a link to a named resource [ID-based link][microsoft-foo]\n\n[microsoft]: http://www.microsoft.com",
			[]string{`1:37: warning DB108: reference link "[ID-based link][microsoft-foo]" names the link id "microsoft-foo", which no "[id]: destination" line of the page defines`},
		},
		{"collapsed, defined in another case", "A [Drive][] item.\n\n[drive]: ../resources/drive.md", nil},
		{"collapsed, undefined", "A [drive][] item.", []string{`1:4: warning DB108: reference link "[drive][]" names the link id "drive"`}},
		{"in a table cell and a heading", "## [x][h]\n\n| a |\n|--|\n| [y][c] |", []string{`1:5: warning DB108`, `5:4: warning DB108`}},
		{"in a list, with emphasis and code in the text", "- [**bold** `code`][id]", []string{`1:6: warning DB108: reference link "[**bold** ` + "`code`" + `][id]"`}},
		{"over a line break", "[two\nlines][id]", []string{`1:2: warning DB108`}},
		{"a linked image", "[![alt](i.png)][id]", []string{`1:2: warning DB108: reference link "[![alt](i.png)][id]"`}},
		{"shortcut brackets are not reported", "See [this] and [that].", nil},
		{"a space between is no reference link", "[text] [id]", nil},
		{"DocFX include", "[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]", nil},
		{"DocFX include, not a link inside", "[!INCLUDE [beta][x]]", nil},
		{"DocFX alert", "> [!NOTE]\n> [!div class=\"x\"]", nil},
		{"checkboxes", "- [ ] todo\n- [x] done", nil},
		{"code span", "Use `[a][b]` here.", nil},
		{"code block", "```\n[a][b]\n```", nil},
		{"HTML block", "<div>\n[a][b]\n</div>", nil},
		{"escaped brackets", `\[a\]\[b\] and [a\][b]`, nil},
		{"brackets after a word are code as text", "items[0][name] and x[1][]", nil},
		{"an empty label is no label", "[a][ ]", nil},
		{"a link in the text", "[a [b](c.md)][d]", nil},
		{"nested brackets in the text", "[a [b] c][id]", []string{`1:2: warning DB108: reference link "[a [b] c][id]"`}},
		{"the second pair of three", "[a] [b][c]", []string{`1:6: warning DB108: reference link "[b][c]"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("p.md", []byte(tt.src+"\n"))
			checkDiags(t, diags, tt.want)
		})
	}
}
