package generator

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/gocheck"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/templates"
)

// breakPage renders as docbind does, then breaks the code of one page the
// way a bug would: a statement of the wrong type in the page's own file.
func breakPage(page string) renderFunc {
	return func(api *model.API, opt templates.Options) ([]templates.File, error) {
		files, err := templates.Files(api, opt)
		for i, f := range files {
			if f.Page == page && !strings.HasSuffix(f.Name, "_test.go") {
				files[i].Content = append(bytes.Clone(f.Content), "\nvar _ int = \"broken on purpose\"\n"...)
			}
		}
		return files, err
	}
}

// TestBrokenPageIsLeftOut breaks one page's generated code and expects
// the run to leave that page out with a positioned DB507 warning, and the
// rest of the package to type-check, vet and pass its tests.
func TestBrokenPageIsLeftOut(t *testing.T) {
	sources, err := ReadSources(os.DirFS("testdata/cases/files/docs"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const page = "docs/list.md"
	opt := Options{DocsLabel: "docs", Package: "files"}
	res, err := generateFrom(sources, opt, breakPage(page))
	if err != nil {
		t.Fatal(err)
	}
	var left []diag.Diagnostic
	for _, d := range res.Diags {
		if d.Code == diag.PageLeftOut {
			left = append(left, d)
		}
	}
	if len(left) != 1 || left[0].Pos.File != page || left[0].Pos.Line < 1 || left[0].Severity != diag.Warning {
		t.Fatalf("want one DB507 warning at a line of %s, got %v", page, left)
	}
	if !strings.Contains(left[0].Message, "broken on purpose") && !strings.Contains(left[0].Message, "cannot use") {
		t.Errorf("the warning does not give the compiler's error: %s", left[0].Message)
	}
	for _, f := range res.Files {
		if f.Page == page {
			t.Errorf("%s is still generated from the page left out", f.Name)
		}
	}
	if !slices.ContainsFunc(res.Files, func(f templates.File) bool { return f.Page == "docs/files.md" }) {
		t.Error("the other pages were left out too")
	}
	if errs, err := gocheck.Check(opt.Package, res.Files); err != nil || len(errs) > 0 {
		t.Fatalf("the package without the page does not type-check: %v %v", err, errs)
	}
	if testing.Short() {
		return
	}
	dir := writeModule(t, opt.Package, res.Files)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "-vet=off", "./..."}} {
		if out, err := goCmd(dir, args...); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestBrokenSharedCodeFails breaks a shared file in code that names no
// page: docbind cannot contain that, so it writes nothing and says so.
func TestBrokenSharedCodeFails(t *testing.T) {
	sources, err := ReadSources(os.DirFS("testdata/cases/seed/docs"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	render := func(api *model.API, opt templates.Options) ([]templates.File, error) {
		files, err := templates.Files(api, opt)
		for i, f := range files {
			if f.Name == "doc_gen.go" {
				files[i].Content = append(bytes.Clone(f.Content), "\nvar _ int = \"broken\"\n"...)
			}
		}
		return files, err
	}
	res, err := generateFrom(sources, Options{DocsLabel: "docs", Package: "seed"}, render)
	if err == nil || res.Files != nil {
		t.Fatalf("want an error and no files, got %v", err)
	}
	if !strings.Contains(err.Error(), string(diag.InternalError)) {
		t.Errorf("want %s, got %v", diag.InternalError, err)
	}
}

func TestSourceAbove(t *testing.T) {
	content := []byte(strings.Join([]string{
		"package p",
		"// Source: docs/a.md:12",
		"type A struct{}",
		"\t\t\t// Source: docs/sub/b.md:68 (request), docs/sub/b.md:80 (response)",
		"x := 1",
		"",
	}, "\n"))
	tests := []struct {
		line int
		want diag.Pos
		ok   bool
	}{
		{1, diag.Pos{}, false},
		{2, diag.Pos{File: "docs/a.md", Line: 12, Col: 1}, true},
		{3, diag.Pos{File: "docs/a.md", Line: 12, Col: 1}, true},
		{5, diag.Pos{File: "docs/sub/b.md", Line: 68, Col: 1}, true},
		{99, diag.Pos{File: "docs/sub/b.md", Line: 68, Col: 1}, true},
	}
	for _, tt := range tests {
		got, ok := sourceAbove(content, tt.line)
		if got != tt.want || ok != tt.ok {
			t.Errorf("line %d: got %v %v, want %v %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCasesTypeCheck: no case needs a page left out; docbind's own
// construction, not the safety net, makes their code compile.
func TestCasesTypeCheck(t *testing.T) {
	for _, name := range caseNames(t) {
		res, err := generateCase(t, name)
		if err != nil {
			continue
		}
		for _, d := range res.Diags {
			if d.Code == diag.PageLeftOut {
				t.Errorf("%s: %s", name, d)
			}
		}
		if errs, err := gocheck.Check(name, res.Files); err != nil || len(errs) > 0 {
			t.Errorf("%s does not type-check: %v %v", name, err, errs)
		}
	}
}
