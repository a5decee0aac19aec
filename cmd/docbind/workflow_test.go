package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestGoGenerateWorkflow is the downstream workflow the README documents:
// a module adds docbind with `go get -tool`, a package holds a
// //go:generate line, and `go generate ./...` then `go test ./...` pass,
// and the CI step (-check from the module's root) finds the package up to
// date; after a doc page changes the CI step fails until go generate runs
// again, and then all pass again on the regenerated code. Last, the docs
// check (-lint -format github) passes, then fails on a page with a warning.
func TestGoGenerateWorkflow(t *testing.T) {
	if testing.Short() {
		t.Skip("builds docbind in a downstream module; skipped with -short")
	}
	_, here, _, _ := runtime.Caller(0)
	checkout := filepath.Join(filepath.Dir(here), "..", "..")
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/downstream\n\ngo 1.24\n\nrequire github.com/docbind/docbind v0.0.0\n\nreplace github.com/docbind/docbind => "+checkout+"\n")
	// The downstream module starts from the checkout's go.sum: docbind's
	// dependencies are the same modules at the same versions, so go checks
	// them against hashes this repository already trusts instead of asking
	// the checksum database, which a machine with only a module proxy (or
	// none, once the module cache is filled) cannot reach.
	sums, err := os.ReadFile(filepath.Join(checkout, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.sum"), string(sums))
	seed, err := os.ReadFile(filepath.Join(checkout, "docs", "create-version.md"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "apidocs", "create-version.md"), string(seed))
	write(t, filepath.Join(dir, "graph", "graph.go"), "// Package graph is generated from ../apidocs.\npackage graph\n\n//go:generate go tool docbind -docs ../apidocs -out .\n")

	goCmd(t, dir, "get", "-tool", "github.com/docbind/docbind/cmd/docbind")
	goCmd(t, dir, "generate", "./...")
	// The README's CI step, from the module's root: what go generate wrote
	// from the package's folder is up to date.
	ciCheck := []string{"tool", "docbind", "-docs", "apidocs", "-out", "graph", "-check"}
	goCmd(t, dir, ciCheck...)
	goCmd(t, dir, "test", "./...")
	first := read(t, filepath.Join(dir, "graph", "create_version_gen.go"))
	if !strings.Contains(first, "package graph") {
		t.Fatal("-package did not default to $GOPACKAGE")
	}

	page := filepath.Join(dir, "apidocs", "create-version.md")
	write(t, page, strings.Replace(string(seed), `"description-value"`, `"edited in the docs"`, 1))
	if code, out := goCmdExit(t, dir, ciCheck...); code != 1 || !strings.Contains(out, "graph/create_version_gen.go: changed") {
		t.Errorf("the CI step after the docs changed: exit %d, want 1 naming the stale file:\n%s", code, out)
	}
	goCmd(t, dir, "generate", "./...")
	goCmd(t, dir, ciCheck...)
	goCmd(t, dir, "test", "./...")
	if again := read(t, filepath.Join(dir, "graph", "create_version_gen.go")); again == first || !strings.Contains(again, "edited in the docs") {
		t.Error("regenerating after the edit did not change the examples the tests replay")
	}
	if !strings.Contains(read(t, filepath.Join(dir, "graph", "graph.go")), "//go:generate") {
		t.Error("the hand-written file was changed")
	}

	// The README's docs check of a pull request: clean docs pass; a page
	// with a warning fails it, as an annotation on the page's line.
	ciLint := []string{"tool", "docbind", "-docs", "apidocs", "-lint", "-format", "github"}
	goCmd(t, dir, ciLint...)
	write(t, filepath.Join(dir, "apidocs", "get-thing.md"), "# Get thing\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /thing\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n\n{\"a\": 1}\n```\n")
	if code, out := goCmdExit(t, dir, ciLint...); code != 1 || !strings.Contains(out, "::warning file=apidocs/get-thing.md,line=11,col=1,title=DB209::") {
		t.Errorf("the docs check of a page with a warning: exit %d, want 1 with its annotation:\n%s", code, out)
	}
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	if code, out := goCmdExit(t, dir, args...); code != 0 {
		t.Fatalf("go %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
}

// goCmdExit runs the go command in dir and returns its exit code and what
// it printed.
func goCmdExit(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	// GOPROXY=off: every module comes from the cache the checkout filled
	// (docbind itself through the replace), and the go.sum seeded from the
	// checkout's answers every checksum, so the test needs no network, not
	// even the checksum database. -mod=readonly is go's default, set so an
	// inherited GOFLAGS cannot hide a go.mod that `go get -tool` left
	// incomplete for the commands a downstream user runs next.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "GOPROXY=off", "DOCBIND_NOCACHE=1")
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

func write(t *testing.T, file, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
