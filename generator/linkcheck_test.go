package generator

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator/config"
	"github.com/docbind/docbind/generator/diag"
)

// linkDocs is a docs folder whose page links to an image, to a page the
// run leaves out, and to files that are not there.
func linkDocs() fstest.MapFS {
	page := "---\ntitle: Get note\ntitle: twice\n---\n# Get note\n\n" +
		"![diagram](../images/diagram.png) ![gone](../images/gone.png) [draft](draft.md) [missing](missing.md#x) [r][undefined]\n\n" +
		"## HTTP request\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"get-note\" } -->\n```http\nGET /notes/{id}\n```\n\n" +
		"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"1\"}\n```\n"
	return fstest.MapFS{
		"api/note-get.md":    {Data: []byte(page)},
		"api/draft.md":       {Data: []byte("# Draft\n")},
		"images/diagram.png": {Data: []byte("png")},
	}
}

func linkDiags(t *testing.T, res *Result) []string {
	t.Helper()
	var got []string
	for _, d := range res.Diags {
		if d.Code >= diag.BrokenPageLink && d.Code <= diag.BadFrontMatter {
			got = append(got, d.String())
		}
	}
	return got
}

// TestLinkCheckInRun: every run checks links against every file of the
// docs folder, the pages Exclude leaves out among them, and docbind.json
// suppresses what it checks by code.
func TestLinkCheckInRun(t *testing.T) {
	opt := Options{DocsLabel: "docs", Package: "notes", Exclude: []string{"api/draft.md"}}
	sources, err := ReadSources(linkDocs(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := FolderFiles(sources); !slices.Equal(got, []string{"api/draft.md", "api/note-get.md", "images/diagram.png"}) {
		t.Errorf("folder files %q", got)
	}
	res, err := GenerateFrom(sources, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`docs/api/note-get.md:3:1: warning DB109: YAML front matter: the key "title" is given twice (first on line 2); YAML keys are unique`,
		`docs/api/note-get.md:7:37: warning DB106: image "../images/gone.png" names images/gone.png, which is not in the docs folder`,
		`docs/api/note-get.md:7:82: warning DB106: link "missing.md#x" names api/missing.md, which is not in the docs folder`,
		`docs/api/note-get.md:7:106: warning DB108: reference link "[r][undefined]" names the link id "undefined", which no "[id]: destination" line of the page defines; it shows as plain text`,
	}
	if got := linkDiags(t, res); !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Sources built by hand say nothing of the folder: links to other
	// files than pages are not checked, nor pages the run did not read.
	res, err = GenerateFrom([]Source{{Path: sources[0].Path, Data: sources[0].Data}}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := linkDiags(t, res); len(got) != 4 || !strings.Contains(got[1], `link "draft.md" names api/draft.md`) {
		t.Errorf("without the folder's files: %q", got)
	}

	opt.Suppress = []config.Suppression{{Code: diag.BrokenPageLink}, {Code: diag.UndefinedLinkID, Files: "api/*.md"}, {Code: diag.BadFrontMatter}}
	if res, err = Generate(linkDocs(), opt); err != nil {
		t.Fatal(err)
	}
	if got := linkDiags(t, res); len(got) != 0 {
		t.Errorf("suppressed: %q", got)
	}
}
