package generator

import (
	"bytes"
	"errors"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/templates"
)

// Regenerate the golden files with `go test ./generator -run TestGolden -update`.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/cases/*/want")

// caseNames lists the end-to-end cases: testdata/cases/NAME/docs is the
// input; NAME/want holds the generated files as NAME.golden, or stderr.golden
// with the diagnostics of a case that must fail.
func caseNames(t *testing.T) []string {
	entries, err := os.ReadDir("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

func generateCase(t *testing.T, name string) (*Result, error) {
	t.Helper()
	return Generate(os.DirFS(filepath.Join("testdata/cases", name, "docs")), Options{DocsLabel: "docs", Package: name})
}

func TestGolden(t *testing.T) {
	for _, name := range caseNames(t) {
		t.Run(name, func(t *testing.T) {
			res, err := generateCase(t, name)
			want := map[string][]byte{}
			var list diag.ErrorList
			switch {
			case errors.As(err, &list):
				want["stderr.golden"] = []byte(list.Error() + "\n")
			case err != nil:
				t.Fatal(err)
			default:
				for _, f := range res.Files {
					want[f.Name+".golden"] = f.Content
				}
				if len(res.Diags) > 0 {
					want["stderr.golden"] = []byte(diag.ErrorList(res.Diags).Error() + "\n")
				}
			}
			compareGolden(t, filepath.Join("testdata/cases", name, "want"), want)
		})
	}
}

func compareGolden(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, content := range want {
			if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("%s holds %d files, the run produced %d; run with -update", dir, len(entries), len(want))
	}
	for name, content := range want {
		golden, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v; run with -update", err)
			continue
		}
		if !bytes.Equal(golden, content) {
			t.Errorf("%s differs from the generated output; run `go test ./generator -run TestGolden -update` and review the diff", filepath.Join(dir, name))
		}
	}
}

// TestOutUpToDate fails when out/ is not what docs/ generates now.
func TestOutUpToDate(t *testing.T) {
	// As `go run ./cmd/docbind` writes it: out/ names the docs from itself.
	res, err := Generate(os.DirFS("../docs"), Options{DocsLabel: "../docs", Package: "out"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		got, err := os.ReadFile(filepath.Join("../out", f.Name))
		if err != nil || !bytes.Equal(got, f.Content) {
			t.Errorf("out/%s is stale; run `go run ./cmd/docbind`", f.Name)
		}
	}
	entries, _ := os.ReadDir("../out")
	if len(entries) != len(res.Files) {
		t.Errorf("out/ holds %d files, docbind generates %d", len(entries), len(res.Files))
	}
}

// TestFilesAreWellFormed checks every generated file: the header before the
// package clause (go/ast.IsGenerated), valid Go, and gofmt-clean.
func TestFilesAreWellFormed(t *testing.T) {
	for _, name := range caseNames(t) {
		res, err := generateCase(t, name)
		if err != nil {
			continue
		}
		for _, f := range res.Files {
			checkWellFormed(t, name+"/"+f.Name, f)
		}
	}
}

func checkWellFormed(t *testing.T, label string, f templates.File) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.ParseComments)
	if err != nil {
		t.Errorf("%s: %v", label, err)
		return
	}
	if !ast.IsGenerated(file) || !strings.HasPrefix(string(f.Content), "// "+templates.Header+"\n") {
		t.Errorf("%s: does not start with the generated-code header", label)
	}
	formatted, err := format.Source(f.Content)
	if err != nil || !bytes.Equal(formatted, f.Content) {
		t.Errorf("%s: not gofmt-clean", label)
	}
}

// TestDeterministic generates twice, and from a copy of the docs elsewhere,
// and expects the same bytes.
func TestDeterministic(t *testing.T) {
	first, err := generateCase(t, "several")
	if err != nil {
		t.Fatal(err)
	}
	copyDir := t.TempDir()
	src, _ := os.ReadFile("testdata/cases/several/docs/items.md")
	if err := os.WriteFile(filepath.Join(copyDir, "items.md"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, fsys := range []string{"testdata/cases/several/docs", copyDir} {
		again, err := Generate(os.DirFS(fsys), Options{DocsLabel: "docs", Package: "several"})
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range again.Files {
			if f.Name != first.Files[i].Name || !bytes.Equal(f.Content, first.Files[i].Content) {
				t.Errorf("%s differs between runs on %s", f.Name, fsys)
			}
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name string
		docs map[string]string
		pkg  string
		want string
	}{
		{"bad package", map[string]string{"a.md": "# A\n"}, "not-ident", `package name "not-ident" is not a Go identifier`},
		{"no pages", map[string]string{"a.txt": "x"}, "p", "docs: error DB501: no Markdown pages found"},
		{"no operations", map[string]string{"a.md": "# A\n\nprose\n"}, "p", "docs: error DB502: the docs document no operation"},
		{"malformed annotation", map[string]string{"a.md": "# A\n<!-- { \"blockType\": \"request\", \"name\": broken -->\n```http\nGET /x\n```\n"}, "p", "docs/a.md:2:40: error DB101: cannot read annotation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.docs {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Generate(os.DirFS(dir), Options{DocsLabel: "docs", Package: tt.pkg})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
