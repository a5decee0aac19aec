package model

import (
	"reflect"
	"testing"

	"github.com/docbind/docbind/generator/docparse"
)

func TestPageLinks(t *testing.T) {
	page := func(path string, dests ...string) *docparse.Page {
		p := &docparse.Page{Path: path}
		for _, d := range dests {
			p.Hrefs = append(p.Hrefs, docparse.Href{Dest: d})
		}
		return p
	}
	got := pageLinks([]*docparse.Page{
		page("docs/resources/user.md", "../api/user-update.md", "../api/user-update.md#example", "user.md"),
		page("docs/api/user-get.md", "user-update.md", "./user-update.md?view=1", "../resources/user.md"),
		page("docs/api/intune-user-update.md", "../resources/intune-user.md", "https://example.com/a.md", "/abs.md", "mailto:a@b.md", "image.png"),
		page("docs/resources/intune-user.md", "..\\api\\intune-user-update.md", "../api/user%2Dupdate.md"),
	})
	want := map[string]int{"docs/api/user-update.md": 3, "docs/resources/user.md": 1, "docs/resources/intune-user.md": 1, "docs/api/intune-user-update.md": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pageLinks = %v, want %v: each other page that links to a page once", got, want)
	}
}
