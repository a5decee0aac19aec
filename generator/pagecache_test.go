package generator

import (
	"path"
	"reflect"
	"testing"

	"github.com/docbind/docbind/generator/bincode"
	"github.com/docbind/docbind/generator/docparse"
)

// TestParsedPagesRoundTrip checks that every OneDrive page, as the Cache
// keeps it, decodes to what parsing it gives: every field, nil and empty
// slices told apart.
func TestParsedPagesRoundTrip(t *testing.T) {
	for _, s := range readCorpusSources(t, corpusDir(t)) {
		page, diags := docparse.Parse(path.Join("onedrive", s.Path), s.Data)
		want := parsedPage{page, diags}
		data, err := bincode.Marshal(want)
		if err != nil {
			t.Fatalf("%s: %v", s.Path, err)
		}
		var got parsedPage
		if err := bincode.Unmarshal(data, &got); err != nil {
			t.Fatalf("%s: %v", s.Path, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s decodes to another page than it parses to", s.Path)
		}
	}
}

// TestCachedPageKeys checks what a parsed page is keyed by: its name
// (positions carry it) and its bytes.
func TestCachedPageKeys(t *testing.T) {
	src := []byte("# Title\n\nText.\n")
	c := NewCache()
	c.parse("docs/a.md", src)
	c.parse("docs/a.md", src)
	c.parse("other/a.md", src)
	c.parse("docs/a.md", append(src, '\n'))
	if c.parses != 3 {
		t.Errorf("parsed %d times, want 3: once for each name and bytes", c.parses)
	}
	page, _ := c.parse("other/a.md", src)
	if page.TitlePos.File != "other/a.md" {
		t.Errorf("the cached page is at %s, want other/a.md", page.TitlePos.File)
	}
}
