package writeout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

func TestCheckTarget(t *testing.T) {
	tests := []struct {
		name string
		// setup builds a fixture under root and returns -out and -docs.
		setup func(t *testing.T, root string) (out, docs string)
		want  diag.Code // "" for accepted
		msg   string
	}{
		{"new sibling folder", func(t *testing.T, root string) (string, string) {
			return filepath.Join(root, "out"), mkdir(t, root, "docs")
		}, "", ""},
		{"no docs folder", func(t *testing.T, root string) (string, string) {
			return filepath.Join(root, "out"), filepath.Join(root, "missing")
		}, "", ""},
		{"a regular file", func(t *testing.T, root string) (string, string) {
			write(t, root, "out.go", "package p\n")
			return filepath.Join(root, "out.go"), mkdir(t, root, "docs")
		}, diag.OutputNotFolder, "is a file"},
		{"a link to a regular file", func(t *testing.T, root string) (string, string) {
			write(t, root, "file", "x")
			return symlink(t, filepath.Join(root, "file"), filepath.Join(root, "out")), mkdir(t, root, "docs")
		}, diag.OutputNotFolder, "is a file"},
		{"the docs folder", func(t *testing.T, root string) (string, string) {
			docs := mkdir(t, root, "docs")
			return docs, docs
		}, diag.OutputOverlapsDocs, "is the docs folder"},
		{"the docs folder spelled another way", func(t *testing.T, root string) (string, string) {
			docs := mkdir(t, root, "docs")
			return filepath.Join(root, "docs", "..", "docs"), docs
		}, diag.OutputOverlapsDocs, "is the docs folder"},
		{"a link to the docs folder", func(t *testing.T, root string) (string, string) {
			docs := mkdir(t, root, "docs")
			return symlink(t, docs, filepath.Join(root, "out")), docs
		}, diag.OutputOverlapsDocs, "is the docs folder"},
		{"a new folder inside the docs", func(t *testing.T, root string) (string, string) {
			docs := mkdir(t, root, "docs")
			return filepath.Join(docs, "gen", "api"), docs
		}, "", ""},
		{"inside the docs through a link", func(t *testing.T, root string) (string, string) {
			docs := mkdir(t, root, "docs")
			mkdir(t, docs, "gen")
			link := symlink(t, docs, filepath.Join(root, "link"))
			return filepath.Join(link, "gen"), docs
		}, "", ""},
		// The package's folder may hold its docs (-docs apidocs -out .):
		// docbind writes only *_gen.go files at the top of the folder.
		{"a folder holding the docs", func(t *testing.T, root string) (string, string) {
			return root, mkdir(t, root, "apidocs")
		}, "", ""},
		{"hand-written Go of another package", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "server.go", "// Server.\npackage server\n")
			return out, mkdir(t, root, "docs")
		}, diag.OutputOtherPackage, "server.go"},
		{"another package after a long comment", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "server.go", strings.Repeat("// Licensed under the terms of...\n", 100)+"\npackage server\n")
			return out, mkdir(t, root, "docs")
		}, diag.OutputOtherPackage, "package server"},
		{"another external test package", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "x_test.go", "package server_test\n")
			return out, mkdir(t, root, "docs")
		}, diag.OutputOtherPackage, "x_test.go"},
		{"hand-written Go of the same package", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "graph.go", "// Package graph.\npackage graph\n\n//go:generate go tool docbind -docs ../docs -out .\n")
			write(t, out, "graph_test.go", "package graph_test\n")
			return out, mkdir(t, root, "docs")
		}, "", ""},
		{"generated Go of another package", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "client_gen.go", hdr) // package p: docbind rewrites it
			return out, mkdir(t, root, "docs")
		}, "", ""},
		{"generated Go with CRLF line ends", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "client_gen.go", strings.ReplaceAll(hdr, "\n", "\r\n"))
			return out, mkdir(t, root, "docs")
		}, "", ""},
		{"an ignored generator script", func(t *testing.T, root string) (string, string) {
			out := mkdir(t, root, "out")
			write(t, out, "gen.go", "//go:build ignore\n\npackage main\n")
			return out, mkdir(t, root, "docs")
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, docs := tt.setup(t, t.TempDir())
			err := CheckTarget(out, docs, "graph")
			checkProblem(t, err, tt.want, out, tt.msg)
		})
	}
}

// checkProblem checks that err is one diagnostic with code, naming a path
// that starts with path, with msg in its text; or nil when code is "".
func checkProblem(t *testing.T, err error, code diag.Code, path, msg string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	list, ok := err.(diag.ErrorList)
	if !ok || len(list) != 1 {
		t.Fatalf("got %v, want one %s diagnostic", err, code)
	}
	if d := list[0]; d.Code != code || !strings.HasPrefix(d.Pos.File, path) || !strings.Contains(d.String(), msg) {
		t.Errorf("got %q, want %s about %s with %q", d, code, path, msg)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("not one line: %q", err)
	}
}

func mkdir(t *testing.T, elem ...string) string {
	t.Helper()
	dir := filepath.Join(elem...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func symlink(t *testing.T, target, link string) string {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	return link
}

// TestVanishedFilesHoldNoPackage: CheckTarget runs without the lock, so
// another run may remove a file it listed before it reads it.
func TestVanishedFilesHoldNoPackage(t *testing.T) {
	if name, err := handWrittenPackage(filepath.Join(t.TempDir(), "gone_gen.go")); name != "" || err != nil {
		t.Errorf("got %q, %v; want nothing", name, err)
	}
}
