package generator

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/templates"
)

// failingFS is fstest.MapFS but for the names in fail, which cannot be
// opened.
type failingFS struct {
	fstest.MapFS
	fail []string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if slices.Contains(f.fail, name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failingFS) ReadFile(name string) ([]byte, error) {
	if slices.Contains(f.fail, name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

// TestReadSourcesNamesEveryUnreadablePage: one run names every page it
// cannot read, and returns those it could.
func TestReadSourcesNamesEveryUnreadablePage(t *testing.T) {
	docs := failingFS{MapFS: fstest.MapFS{
		"a.md":     {Data: []byte("# A\n")},
		"b.md":     {Data: []byte("# B\n")},
		"sub/c.md": {Data: []byte("# C\n")},
		"sub/d.md": {Data: []byte("# D\n")},
	}, fail: []string{"b.md", "sub/d.md"}}
	sources, err := ReadSources(docs, Options{DocsLabel: "../docs"})
	want := "../docs/b.md: error DB504: cannot be read: permission denied\n../docs/sub/d.md: error DB504: cannot be read: permission denied"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want:\n%s", err, want)
	}
	var read []string
	for _, s := range sources {
		read = append(read, s.Path)
	}
	if !slices.Equal(read, []string{"a.md", "sub/c.md"}) {
		t.Errorf("read %v", read)
	}
}

// TestResultCountsAfterErrors: docs with errors still say what was
// modelled of them.
func TestResultCountsAfterErrors(t *testing.T) {
	seed, err := os.ReadFile("../docs/create-version.md")
	if err != nil {
		t.Fatal(err)
	}
	broken := "# Broken\n\n<!-- { \"blockType\": \"request\", \"name\": broken -->\n```http\nGET /x\n```\n"
	res, err := Generate(fstest.MapFS{"seed.md": {Data: seed}, "broken.md": {Data: []byte(broken)}}, Options{DocsLabel: "docs", Package: "p"})
	if err == nil || res == nil || res.API != nil || res.Files != nil {
		t.Fatalf("got %v, %v; want an error and no API", res, err)
	}
	if res.Pages != 2 || res.Operations != 1 || res.Types != 3 {
		t.Errorf("counted %d pages, %d operations, %d types; want 2, 1, 3", res.Pages, res.Operations, res.Types)
	}
}

// TestOmitPackageDoc: without doc_gen.go the package is the same, less
// its package comment, and still type-checks.
func TestOmitPackageDoc(t *testing.T) {
	docs := os.DirFS("../docs")
	with, err := Generate(docs, Options{DocsLabel: "../docs", Package: "out"})
	if err != nil {
		t.Fatal(err)
	}
	without, err := Generate(docs, Options{DocsLabel: "../docs", Package: "out", OmitPackageDoc: true})
	if err != nil {
		t.Fatal(err)
	}
	kept := slices.DeleteFunc(slices.Clone(with.Files), func(f templates.File) bool { return f.Name == "doc_gen.go" })
	same := func(a, b templates.File) bool { return a.Name == b.Name && string(a.Content) == string(b.Content) }
	if len(kept) != len(with.Files)-1 || !slices.EqualFunc(kept, without.Files, same) {
		t.Errorf("with OmitPackageDoc: %d files; want the %d but doc_gen.go", len(without.Files), len(with.Files))
	}
	for _, f := range without.Files {
		if strings.Contains(string(f.Content), "\n// Package out ") {
			t.Errorf("%s documents the package", f.Name)
		}
	}
	if broken, err := brokenPages("out", without.Files, newRound("out", nil)); err != nil || len(broken) > 0 {
		t.Errorf("the package does not type-check: %v %v", broken, err)
	}
}
