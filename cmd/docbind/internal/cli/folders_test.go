package cli

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// notesModule lays out a downstream module as the README's worked example
// does: the docs in apidocs/, the package in notes/ with its hand-written
// file. It returns the module's root.
func notesModule(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	src, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "apidocs", "api", "create-version.md"), string(src))
	writeFile(t, filepath.Join(root, "notes", "notes.go"), "package notes\n\n//go:generate go tool docbind -docs ../apidocs -out .\n")
	return root
}

// invocation is one way of running docbind on a notesModule: from a
// folder (relative to the module's root, or "" for one outside it), with
// arguments given the module's root, and $GOPACKAGE.
type invocation struct {
	name      string
	dir       string
	args      func(root string) []string
	goPackage string
}

var notesInvocations = []invocation{
	{"module root", ".", func(string) []string {
		return []string{"-docs", "apidocs", "-out", "notes", "-openapi", "notes/openapi.json"}
	}, ""},
	{"package folder, as go generate", "notes", func(string) []string { return []string{"-docs", "../apidocs", "-out", ".", "-openapi", "openapi.json"} }, "notes"},
	{"another folder, absolute paths", "", func(root string) []string {
		return []string{"-docs", filepath.Join(root, "apidocs"), "-out", filepath.Join(root, "notes"), "-openapi", filepath.Join(root, "notes", "openapi.json")}
	}, ""},
}

// runIn runs docbind as inv says, adding extra arguments.
func (inv invocation) runIn(t *testing.T, root string, extra ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	if inv.dir != "" {
		dir = filepath.Join(root, inv.dir)
	}
	t.Chdir(dir)
	t.Setenv("GOPACKAGE", inv.goPackage)
	return docbind(append(inv.args(root), extra...)...)
}

// TestSameOutputFromEveryFolder generates one module from the module's
// root, from the package's folder as go generate does, and from an
// unrelated folder with absolute paths: the files must be byte-identical,
// naming the docs from the output folder; and -check, from each folder,
// must find the output of any other up to date, as the README's CI step
// does after go generate.
func TestSameOutputFromEveryFolder(t *testing.T) {
	for _, cache := range []string{"without cache", "with cache"} {
		t.Run(cache, func(t *testing.T) {
			if cache == "without cache" {
				t.Setenv("DOCBIND_NOCACHE", "1")
			}
			var outputs []map[string]string
			for _, inv := range notesInvocations {
				root := notesModule(t)
				if code, msg := inv.runIn(t, root); code != ExitOK {
					t.Fatalf("%s: exit %d:\n%s", inv.name, code, msg)
				}
				outputs = append(outputs, folderFiles(t, filepath.Join(root, "notes")))
				for _, check := range notesInvocations {
					if code, msg := check.runIn(t, root, "-check"); code != ExitOK {
						t.Errorf("generated from the %s, -check from the %s: exit %d:\n%s", inv.name, check.name, code, msg)
					}
				}
			}
			for i := range outputs[1:] {
				if !maps.Equal(outputs[0], outputs[i+1]) {
					t.Errorf("the %s and the %s generate different files: %s", notesInvocations[0].name, notesInvocations[i+1].name, filesDiff(outputs[i+1], outputs[0]))
				}
			}
			code := outputs[0]["api_create_version_gen.go"]
			if !strings.Contains(code, "// Source: ../apidocs/api/create-version.md:52\n") {
				t.Errorf("the generated code does not name the docs from the output folder:\n%.600s", code)
			}
			if doc := outputs[0]["openapi.json"]; !strings.Contains(doc, `"summary": "../apidocs/api/create-version.md:`) {
				t.Errorf("the OpenAPI document does not name the docs from the output folder:\n%.300s", doc)
			}
		})
	}
}

// TestDiagnosticsNameDocsFromTheWorkingFolder: the generated files name
// the docs from the output folder, but what docbind prints names them
// from the folder it runs in, positions in messages included, even when
// the diagnostics come from the cache of a run in another folder.
func TestDiagnosticsNameDocsFromTheWorkingFolder(t *testing.T) {
	root := notesModule(t)
	// A second page documents the seed's URL with another kind of result:
	// DB402 and DB405 name the other page in their messages.
	writeFile(t, filepath.Join(root, "apidocs", "api", "copy.md"), "# Copy version\n\n### HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /drive/root/versions\n```\n\n"+
		"<!-- { \"blockType\": \"request\", \"name\": \"copy_version\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/drive/root/versions\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n")
	for _, tt := range []struct {
		inv  invocation
		want string // the docs folder as diagnostics and -v name it
	}{
		{notesInvocations[0], "apidocs"},
		{notesInvocations[1], "../apidocs"},
		{notesInvocations[2], filepath.ToSlash(filepath.Join(root, "apidocs"))},
	} {
		code, msg := tt.inv.runIn(t, root, "-v")
		if code != ExitOK {
			t.Fatalf("%s: exit %d:\n%s", tt.inv.name, code, msg)
		}
		for _, want := range []string{
			"\n" + tt.want + "/api/create-version.md -> api_create_version_gen.go",
			"operation CopyVersion from " + tt.want + "/api/copy.md:6:1",
			tt.want + "/api/create-version.md:9:1: warning DB402: POST /drive/root/versions is also documented at " + tt.want + "/api/copy.md:6:1; ",
			tt.want + "/api/create-version.md:29:1: warning DB405: POST /drive/root/versions is documented at " + tt.want + "/api/copy.md:6:1 too, ",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: no %q in:\n%s", tt.inv.name, want, msg)
			}
		}
		code, msg = tt.inv.runIn(t, root)
		if code != ExitOK || !strings.Contains(msg, "inputs unchanged") || !strings.Contains(msg, tt.want+"/api/create-version.md:29:1: warning DB405: POST /drive/root/versions is documented at "+tt.want+"/api/copy.md:6:1 too") {
			t.Errorf("%s, cached: exit %d:\n%s", tt.inv.name, code, msg)
		}
	}
}

// TestDocsPaths: what is renamed in messages, and what is not.
func TestDocsPaths(t *testing.T) {
	p := docsPaths{generated: "../docs", shown: "docs"}
	tests := map[string]string{
		"defined again (first at ../docs/a.md:3:1)":   "defined again (first at docs/a.md:3:1)",
		"documented at ../docs/a.md:3:1 too, but ...": "documented at docs/a.md:3:1 too, but ...",
		"at ../docs/a.MD:1:1, ../docs/sub/b.md:2:2":   "at docs/a.MD:1:1, docs/sub/b.md:2:2",
		"path ../docs/x is not a page":                "path ../docs/x is not a page",
		"elsewhere ../../docs/a.md:1:1":               "elsewhere ../../docs/a.md:1:1",
		"other/../docs/a.md:1:1":                      "other/../docs/a.md:1:1",
		"../docs/a.md -> a_gen.go":                    "docs/a.md -> a_gen.go",
	}
	for in, want := range tests {
		if got := p.text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
	here := docsPaths{generated: "..", shown: "."}
	if got := here.file("../a.md"); got != "a.md" {
		t.Errorf("docs in the working folder: %q", got)
	}
	list := p.diags(diag.List{{Pos: diag.Pos{File: "docbind.json"}}, {Pos: diag.Pos{File: "../docs/a.md", Line: 1}}, {Pos: diag.Pos{File: "../docs"}}})
	var files []string
	for _, d := range list {
		files = append(files, d.Pos.File)
	}
	if want := []string{"docbind.json", "docs", "docs/a.md"}; !slices.Equal(files, want) {
		t.Errorf("diagnostics name %v, want %v, sorted", files, want)
	}
}

func TestDocsFromOut(t *testing.T) {
	t.Chdir(t.TempDir())
	wd, _ := os.Getwd()
	tests := []struct{ docs, out, want string }{
		{"docs", "out", "../docs"},
		{"../apidocs", ".", "../apidocs"},
		{"apidocs", ".", "apidocs"},
		{".", "gen/api", "../.."},
		{filepath.Join(wd, "docs"), filepath.Join(wd, "a", "out"), "../../docs"},
	}
	for _, tt := range tests {
		if got := docsFromOut(tt.docs, tt.out); got != tt.want {
			t.Errorf("docsFromOut(%q, %q) = %q, want %q", tt.docs, tt.out, got, tt.want)
		}
	}
}

// TestFixCommandFixes: the command -check suggests, run as printed from
// the same folder (by hand, so without $GOPACKAGE), brings the package up
// to date for every folder's -check.
func TestFixCommandFixes(t *testing.T) {
	t.Setenv("DOCBIND_NOCACHE", "1")
	for _, inv := range notesInvocations {
		root := notesModule(t)
		if code, msg := inv.runIn(t, root); code != ExitOK {
			t.Fatalf("%s: exit %d:\n%s", inv.name, code, msg)
		}
		page := filepath.Join(root, "apidocs", "api", "create-version.md")
		src, _ := os.ReadFile(page)
		writeFile(t, page, strings.Replace(string(src), "description-value", "edited", 1))
		code, msg := inv.runIn(t, root, "-check")
		_, fix, ok := strings.Cut(msg, "to update them run: docbind ")
		if code != ExitFail || !ok {
			t.Fatalf("%s: -check after an edit: exit %d:\n%s", inv.name, code, msg)
		}
		fix, _, _ = strings.Cut(fix, "\n")
		t.Setenv("GOPACKAGE", "")
		if code, msg := docbind(strings.Fields(fix)...); code != ExitOK {
			t.Fatalf("%s: the fix %q: exit %d:\n%s", inv.name, fix, code, msg)
		}
		for _, check := range notesInvocations {
			if code, msg := check.runIn(t, root, "-check"); code != ExitOK {
				t.Errorf("fixed from the %s, -check from the %s: exit %d:\n%s", inv.name, check.name, code, msg)
			}
		}
	}
}

func TestFixCommand(t *testing.T) {
	t.Setenv("GOPACKAGE", "")
	tests := []struct {
		opt  options
		want string
	}{
		{options{docs: "docs", out: "out", pkg: "out"}, "docbind"},
		{options{docs: "apidocs", out: "notes", pkg: "notes", set: map[string]bool{"docs": true, "out": true}}, "docbind -docs apidocs -out notes"},
		// $GOPACKAGE named another package than the folder's name.
		{options{docs: "../apidocs", out: "graph", pkg: "msgraph", set: map[string]bool{"docs": true, "out": true}}, "docbind -docs ../apidocs -out graph -package msgraph"},
		{options{docs: "my docs", out: "out", pkg: "out", set: map[string]bool{"docs": true}}, "docbind -docs 'my docs'"},
	}
	for _, tt := range tests {
		if tt.opt.set == nil {
			tt.opt.set = map[string]bool{}
		}
		if got := tt.opt.fixCommand(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
