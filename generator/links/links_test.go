package links

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// The pages of the docs folder the tests check links against: a page's
// anchors are its headings'.
var folder = map[string]string{
	"api/user-get.md":         "# Get user\n\n## HTTP request\n\n## Request headers\n\n## <a name=\"response-anchor\"></a>Antwort\n",
	"api/user-list.md":        "# List users\n",
	"resources/user.md":       "# user resource type\n\n## Properties\n\n## JSON representation\n",
	"resources/Mixed Case.md": "# Mixed\n\n## Étape 1\n",
	"index.md":                "# Index\n",
}

// files are every file of the docs folder: the pages, an image, an
// include, and a page the run leaves out.
var files = []string{"api/user-get.md", "api/user-list.md", "resources/user.md", "resources/Mixed Case.md", "index.md", "images/diagram.png", "includes/note.md", "api/left-out.md"}

// check parses the folder's pages with the page under test as api/x.md,
// under the label "docs", and checks their links.
func check(t *testing.T, markdown string, files []string) diag.List {
	t.Helper()
	var pages []*docparse.Page
	srcs := map[string]string{"api/x.md": markdown}
	for p, src := range folder {
		srcs[p] = src
	}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range srcs {
			if !yield(p) {
				return
			}
		}
	}) {
		page, _ := docparse.Parse(path.Join("docs", p), []byte(srcs[p]))
		pages = append(pages, page)
	}
	if files != nil {
		files = append(slices.Clone(files), "api/x.md")
	}
	return Check("docs", pages, files)
}

// TestCheck follows ApiDoctor's BrokenLinkTests and its VerifyLink: each
// case is a line of api/x.md and what the check says of it.
func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string // "line:col code: message" substrings
	}{
		// ApiDoctor's NoBrokenLinks and BrokenLinkNotFound.
		{"external links are not checked", "[Basic Link](http://www.microsoft.com/) [s](https://x.example/a.md) [m](mailto:a@b.example) [x](xref:microsoft.graph.user) [p](//cdn.example/x.png)", nil},
		{"site-absolute links are not checked", "[Graph](/graph/api/user-get?view=graph-rest-1.0)", nil},
		{"up one level, found", "[Up one level](../index.md)", nil},
		{"up one level, not found", "[Up one level](../anotherfile.md)", []string{`1:2 DB106: link "../anotherfile.md" names anotherfile.md, which is not in the docs folder`}},
		{"a sibling page", "[u](user-get.md) [l](./user-list.md)", nil},
		{"another folder", "[user](../resources/user.md)", nil},
		{"a reference link's destination", "[user][u] and [gone][g]\n\n[u]: ../resources/user.md\n[g]: ../resources/gone.md", []string{`1:16 DB106: link "../resources/gone.md" names resources/gone.md`}},
		{"query and anchor split off", "[u](user-get.md?view=graph-rest-1.0#http-request) [v](user-get.md?tabs=http)", nil},
		{"%-escapes decoded", "[m](../resources/Mixed%20Case.md#%C3%A9tape-1)", nil},
		{"backslashes read as slashes", `[u](..\resources\user.md)`, nil},
		{"letter case does not matter in paths", "[u](../resources/User.md) [m](../resources/mixed case.md)", nil},
		{"an extension-less path names the page", "[u](user-get) [v](../resources/user#properties)", nil},
		{"a folder", "[api](../api/) [res](../resources)", nil},
		{"a typo is suggested", "[u](user-gte.md)", []string{`1:2 DB106: link "user-gte.md" names api/user-gte.md, which is not in the docs folder; did you mean api/user-get.md?`}},
		{"an image", "![diagram](../images/diagram.png) ![gone](../images/gone.png)", []string{`1:37 DB106: image "../images/gone.png" names images/gone.png`}},
		{"an include", "[!INCLUDE [note](../includes/note.md)] [!INCLUDE [gone](../includes/gone.md)]", []string{`1:51 DB106: link "../includes/gone.md" names includes/gone.md`}},
		{"a page the run leaves out", "[l](left-out.md#anything)", nil},
		{"out of the docs folder: not checked", "[c](../../concepts/overview.md)", nil},
		{"links in headings and tables", "## See [g](gone.md)\n\n| a |\n|--|\n| [h](gone2.md) |", []string{`1:9 DB106`, `5:4 DB106`}},
		{"a DocFX tab heading is no link", "# [HTTP](#tab/http)\n\n---", nil},
		{"an empty destination is not checked", "[e]()", nil},

		// Anchors: ApiDoctor's BookmarkMissing.
		{"an anchor of this page", "## Examples\n\n[e](#examples) [x](x.md#examples)", nil},
		{"an anchor this page lacks", "## Examples\n\n[e](#example)", []string{`3:2 DB107: link "#example" names the anchor #example, which no heading or anchor of this page has; did you mean #examples?`}},
		{"an anchor of another page", "[h](user-get.md#request-headers) [p](../resources/user.md#json-representation)", nil},
		{"an anchor another page lacks", "[h](user-get.md#request-header)", []string{`1:2 DB107: link "user-get.md#request-header" names the anchor #request-header, which no heading or anchor of the page api/user-get.md has; did you mean #request-headers?`}},
		{"an HTML anchor counts", "[r](user-get.md#response-anchor)", nil},
		{"anchors match with case", "[h](user-get.md#Request-Headers)", []string{`1:2 DB107: link "user-get.md#Request-Headers" names the anchor #Request-Headers, which no heading or anchor of the page api/user-get.md has; did you mean #request-headers?`}},
		{"an anchor with no suggestion", "[h](user-get.md#zzz)", []string{`1:2 DB107: link "user-get.md#zzz" names the anchor #zzz, which no heading or anchor of the page api/user-get.md has`}},
		{"an anchor of a file that is no page is not checked", "[d](../images/diagram.png#x)", nil},
		{"a broken page's anchor is not checked", "[g](gone.md#x)", []string{`1:2 DB106`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDiags(t, check(t, tt.md, files), tt.want)
		})
	}
}

func checkDiags(t *testing.T, got diag.List, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("diagnostics\n%v\nwant %d like %q", got, len(want), want)
	}
	for i, d := range got {
		s := strings.TrimPrefix(d.Pos.String(), "docs/api/x.md:") + " " + string(d.Code) + ": " + d.Message
		if !strings.HasPrefix(d.Pos.File, "docs/api/x.md") || !strings.Contains(s, want[i]) || d.Severity != diag.Warning {
			t.Errorf("diagnostic %q, want a warning at docs/api/x.md with %q", d, want[i])
		}
	}
}

// TestCheckRelated: a broken anchor names its page and the suggested
// anchor; a broken reference link names its definition.
func TestCheckRelated(t *testing.T) {
	diags := check(t, "[h](user-get.md#request-header) [g][id]\n\n[id]: gone.md", files)
	if len(diags) != 2 {
		t.Fatalf("diagnostics %v", diags)
	}
	var got []string
	for _, d := range diags {
		for _, r := range d.Related {
			got = append(got, string(d.Code)+" "+r.Pos.String()+" "+r.Message)
		}
	}
	want := []string{
		"DB107 docs/api/user-get.md:1:1 the page the link names",
		"DB107 docs/api/user-get.md:5:1 the anchor #request-headers",
		"DB106 docs/api/x.md:3:1 the definition the link takes its destination from",
	}
	if !slices.Equal(got, want) {
		t.Errorf("related\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckMissingFolder: links into a folder the docs folder does not
// have at all are one problem, reported once at the first, counted.
func TestCheckMissingFolder(t *testing.T) {
	md := "[a](../snippets/csharp/a.md) [b](../snippets/js/b.md)\n\n[c](../snippets/csharp/c.md) [d](../resources/gone/d.md)"
	checkDiags(t, check(t, md, files), []string{
		`1:2 DB106: link "../snippets/csharp/a.md" names snippets/csharp/a.md, which is not in the docs folder: it has no folder snippets (3 links on 1 page name files in it; this is the first)`,
		`3:31 DB106: link "../resources/gone/d.md" names resources/gone/d.md, which is not in the docs folder: it has no folder resources/gone`,
	})
	if d := check(t, md, files)[0]; len(d.Related) != 2 || d.Related[1].Pos.Line != 3 {
		t.Errorf("related %v", d.Related)
	}
}

// TestCheckFilesUnknown: without the folder's list of files, links to
// pages are checked against the pages, and links to other files not.
func TestCheckFilesUnknown(t *testing.T) {
	checkDiags(t, check(t, "[u](user-get.md) [g](gone.md) ![i](../images/gone.png) [n](user-get) [x](gone)", nil), []string{
		`1:19 DB106: link "gone.md" names api/gone.md`,
	})
}

// TestCheckLabels: a page's path in the folder is its path without the
// docs label, whatever the label.
func TestCheckLabels(t *testing.T) {
	for _, label := range []string{"", ".", "../docs", "a/b/"} {
		p, _ := docparse.Parse(path.Join(label, "api/x.md"), []byte("[u](user.md) [g](gone.md)"))
		u, _ := docparse.Parse(path.Join(label, "api/user.md"), []byte("# U"))
		diags := Check(label, []*docparse.Page{p, u}, []string{"api/x.md", "api/user.md"})
		if len(diags) != 1 || !strings.Contains(diags[0].Message, "names api/gone.md") {
			t.Errorf("label %q: %v", label, diags)
		}
	}
}
