package writeout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/templates"
)

// batchFixture is an output folder and a document beside it, and the
// run that changes them: two files replaced, one kept, one created, one
// removed, a hand-written file left alone, and the document replaced.
type batchFixture struct {
	root, dir string
	changes   []Change
	docs      []Document
}

func newBatchFixture(t *testing.T) batchFixture {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	mkdir(t, dir)
	write(t, dir, "a_gen.go", hdr+"// a old\n")
	write(t, dir, "b_gen.go", hdr+"// b old\n")
	write(t, dir, "same_gen.go", hdr)
	write(t, dir, "stale_gen.go", hdr+"// stale\n")
	write(t, dir, "mine.go", "package p\n")
	write(t, root, "api.json", `{"old": true}`)
	changes, err := Plan(dir, []templates.File{
		{Name: "a_gen.go", Content: []byte(hdr + "// a new\n")},
		{Name: "b_gen.go", Content: []byte(hdr + "// b new\n")},
		{Name: "new_gen.go", Content: []byte(hdr + "// new\n")},
		{Name: "same_gen.go", Content: []byte(hdr)},
	})
	if err != nil {
		t.Fatal(err)
	}
	docs := []Document{{Path: filepath.Join(root, "api.json"), Old: []byte(`{"old": true}`), New: []byte(`{"new": true}`)}}
	return batchFixture{root: root, dir: dir, changes: changes, docs: docs}
}

// failingRename is os.Rename but for its n-th call (from 1), which fails,
// and with always, every call from the n-th on.
func failingRename(n int64, always bool) func(string, string) error {
	var calls atomic.Int64
	return func(from, to string) error {
		if c := calls.Add(1); c == n || always && c > n {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("injected failure")}
		}
		return os.Rename(from, to)
	}
}

func noLinks(string, string) error { return errors.New("no hard links here") }

// TestApplyAllOrNothing fails each rename of a run in turn, with hard
// links and without: the folder and the document are then exactly as
// before (names and contents, no temporary file), Apply says it changed
// nothing, and its error names the file that could not be put in place.
func TestApplyAllOrNothing(t *testing.T) {
	steps := len(newBatchFixture(t).changes) + 1 // and the document
	if steps != 5 {
		t.Fatalf("the fixture plans %d steps, want 5", steps)
	}
	for _, link := range []struct {
		name string
		link func(string, string) error
	}{{"links", os.Link}, {"copies", noLinks}} {
		for n := 1; n <= steps; n++ {
			t.Run(fmt.Sprintf("%s/rename %d fails", link.name, n), func(t *testing.T) {
				f := newBatchFixture(t)
				before := tree(t, f.root)
				ops := fileOps{rename: failingRename(int64(n), false), link: link.link}
				written, err := ops.apply(f.dir, f.changes, f.docs)
				if written != 0 || !isCode(err, diag.OutputIO) || !strings.Contains(err.Error(), "injected failure; no file was changed") {
					t.Errorf("got %d written, %v; want 0 and a DB607 error saying no file changed", written, err)
				}
				if after := tree(t, f.root); after != before {
					t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
				}
			})
		}
		t.Run(link.name+"/no failure", func(t *testing.T) {
			f := newBatchFixture(t)
			written, err := fileOps{rename: os.Rename, link: link.link}.apply(f.dir, f.changes, f.docs)
			want := "api.json: {\"new\": true}\nout/a_gen.go: " + hdr + "// a new\n\nout/b_gen.go: " + hdr + "// b new\n\nout/mine.go: package p\n\nout/new_gen.go: " + hdr + "// new\n\nout/same_gen.go: " + hdr + "\n"
			if got := tree(t, f.root); err != nil || written != steps || got != want {
				t.Errorf("got %d written, %v, and:\n%s\nwant %d and:\n%s", written, err, got, steps, want)
			}
		})
	}
}

// TestApplyReportsWhatItCannotPutBack: when renames keep failing, the
// files already in place cannot be put back; each is named, and counted
// as written.
func TestApplyReportsWhatItCannotPutBack(t *testing.T) {
	f := newBatchFixture(t)
	ops := fileOps{rename: failingRename(3, true), link: os.Link}
	written, err := ops.apply(f.dir, f.changes, f.docs)
	if written != 2 || !isCode(err, diag.OutputIO) {
		t.Fatalf("got %d written, %v; want 2 and DB607", written, err)
	}
	for _, want := range []string{"a_gen.go: error DB607: was replaced but cannot be put back", "b_gen.go: error DB607: was replaced but cannot be put back", "new_gen.go: error DB607: cannot be created: injected failure"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "no file was changed") {
		t.Errorf("says nothing changed:\n%v", err)
	}
	if temps := leftovers(t, f.dir); len(temps) != 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}

// TestApplyWritesNothingWhenAFileCannotBeWritten: a document whose folder
// does not exist fails while files are written, before any is renamed.
func TestApplyWritesNothingWhenAFileCannotBeWritten(t *testing.T) {
	f := newBatchFixture(t)
	before := tree(t, f.root)
	missing := filepath.Join(f.root, "missing")
	written, err := Apply(f.dir, f.changes, Document{Path: filepath.Join(missing, "api.json"), New: []byte("{}")})
	if written != 0 || !isCode(err, diag.OutputIO) || !strings.HasPrefix(err.Error(), missing+": error DB607: cannot create files in this folder") {
		t.Errorf("got %d written, %v; want 0 and DB607 naming %s", written, err, missing)
	}
	if after := tree(t, f.root); after != before {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// tree lists every file under root, relative, with its content.
func tree(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(&b, "%s: %s\n", filepath.ToSlash(rel), data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var temps []string
	for _, name := range names(t, dir) {
		if IsLeftover(name) {
			temps = append(temps, name)
		}
	}
	return temps
}

func isCode(err error, code diag.Code) bool {
	var list diag.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return false
	}
	for _, d := range list {
		if d.Code != code {
			return false
		}
	}
	return true
}

// TestReadOnlyFolder: a folder docbind cannot create files in is named,
// with the system's reason, whether the lock or a file finds out first.
func TestReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	denied := &os.PathError{Op: "open", Path: filepath.Join(dir, LockName), Err: os.ErrPermission}
	checkProblem(t, lockProblem(dir, filepath.Join(dir, LockName), denied), diag.OutputIO, dir, dir+": error DB607: cannot create files in this folder: permission denied")

	// For real, where permissions bind (not for root).
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Skip("a read-only folder is writable here (running as root?)")
	}
	_, err := Lock(dir, 0)
	checkProblem(t, err, diag.OutputIO, dir, dir+": error DB607: cannot create files in this folder: permission denied")
	_, err = Apply(dir, []Change{{Name: "new_gen.go", Kind: Created, New: []byte(hdr)}})
	checkProblem(t, err, diag.OutputIO, dir, dir+": error DB607: cannot create files in this folder: permission denied")
}

// TestHasPackageDoc: only a comment right above the package clause of a
// hand-written, non-test file of the package documents it.
func TestHasPackageDoc(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                bool
	}{
		{"package comment", "graph.go", "// Package graph is our API.\npackage graph\n", true},
		{"no comment", "graph.go", "package graph\n", false},
		{"comment apart", "graph.go", "// Copyright 2025.\n\npackage graph\n", false},
		{"directive only", "graph.go", "//go:generate go tool docbind -docs ../docs -out .\npackage graph\n", false},
		{"in a test file", "graph_test.go", "// Package graph is our API.\npackage graph\n", false},
		{"in an ignored script", "gen.go", "//go:build ignore\n\n// Command gen generates.\npackage main\n", false},
		{"in a generated file", "doc_gen.go", "// " + templates.Header + "\n\n// Package graph is generated.\npackage graph\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.file, tt.content)
			if got, err := HasPackageDoc(dir); got != tt.want || err != nil {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if got, err := HasPackageDoc(filepath.Join(t.TempDir(), "new")); got || err != nil {
		t.Errorf("a folder to create: got %v, %v", got, err)
	}
}
