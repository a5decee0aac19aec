package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Pages of one kind of problem each, for -lint and -format.
const (
	// A 204 that shows a body: a warning (DB209).
	warnedPage = "# Get thing\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /thing\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n\n{\"a\": 1}\n```\n"
	// A trailing comma: a note (DB204).
	notedPage = "# Get thing\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /thing\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"a\": 1,}\n```\n"
	// An annotation that is not JSON: an error (DB101).
	brokenPage = "# Broken\n\n<!-- { \"blockType\": \"request\", \"name\": broken -->\n```http\nGET /x\n```\n"
	// A resource and no operation, which generation refuses (DB502).
	resourcePage = "# note resource type\n\nA note.\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.note\" } -->\n```json\n{\n  \"id\": \"string\",\n  \"title\": \"string\"\n}\n```\n"
)

// docsOf writes a docs folder of pages (name -> content) under a fresh
// root, and returns the root and the folder.
func docsOf(t *testing.T, pages map[string]string) (root, docs string) {
	t.Helper()
	root = t.TempDir()
	docs = filepath.Join(root, "docs")
	for name, content := range pages {
		writeFile(t, filepath.Join(docs, name), content)
	}
	return root, docs
}

// docbindStreams runs the CLI in-process, keeping stdout and stderr apart.
func docbindStreams(args ...string) (code int, stdout, stderr string) {
	var out, errs strings.Builder
	code = Run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// TestLintExitCodes checks that -lint fails on warnings as on errors, lets
// notes pass, and takes docs of resources only for docs to check.
func TestLintExitCodes(t *testing.T) {
	seed, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		pages map[string]string
		exit  int
		want  []string
	}{
		{"clean", map[string]string{"create-version.md": string(seed)}, ExitOK, []string{"docbind: 1 pages, 1 operations, 3 types, 0 warnings, 0 errors, 0 notes, ", "(-lint: nothing written)"}},
		{"a warning", map[string]string{"get.md": warnedPage}, ExitFail, []string{"get.md:11:1: warning DB209: ", "1 warnings, 0 errors, 0 notes"}},
		{"a note only", map[string]string{"get.md": notedPage}, ExitOK, []string{"get.md:11:8: note DB204: ", "0 warnings, 0 errors, 1 notes"}},
		{"an error", map[string]string{"broken.md": brokenPage}, ExitFail, []string{"broken.md:3:40: error DB101: cannot read annotation", "1 errors"}},
		{"an error and a warning elsewhere", map[string]string{"broken.md": brokenPage, "get.md": warnedPage}, ExitFail, []string{"error DB101", "warning DB209", "2 pages"}},
		{"resources only", map[string]string{"note.md": resourcePage}, ExitOK, []string{"0 operations, 1 types, 0 warnings, 0 errors"}},
		{"no pages", map[string]string{"README.txt": "not a page"}, ExitFail, []string{"error DB501: no Markdown pages found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, docs := docsOf(t, tt.pages)
			out := filepath.Join(root, "out")
			code, msg := docbind("-lint", "-docs", docs, "-out", out)
			if code != tt.exit {
				t.Errorf("exit %d, want %d:\n%s", code, tt.exit, msg)
			}
			for _, want := range tt.want {
				if !strings.Contains(msg, want) {
					t.Errorf("output lacks %q:\n%s", want, msg)
				}
			}
			if strings.Contains(msg, "DB502") {
				t.Errorf("-lint reports docs without operations:\n%s", msg)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("-lint created the output folder")
			}
		})
	}
}

// TestLintNeedsNoOutputFolder checks that -lint neither checks nor reads
// -out: a missing one, a file, one that cannot be created, even the docs
// folder itself, and leaves alone the folder it is given.
func TestLintNeedsNoOutputFolder(t *testing.T) {
	root, docs := docsOf(t, map[string]string{"get.md": notedPage})
	file := filepath.Join(root, "a-file")
	writeFile(t, file, "not a folder")
	handWritten := filepath.Join(root, "other")
	writeFile(t, filepath.Join(handWritten, "x.go"), "package other\n")
	for name, out := range map[string]string{
		"missing":              filepath.Join(root, "missing", "deeper"),
		"a file":               file,
		"under a file":         filepath.Join(file, "out"),
		"the docs folder":      docs,
		"another package's":    handWritten,
		"a folder not created": filepath.Join(root, "new"),
	} {
		t.Run(name, func(t *testing.T) {
			if code, msg := docbind("-lint", "-docs", docs, "-out", out); code != ExitOK || !strings.Contains(msg, "(-lint: nothing written)") {
				t.Errorf("exit %d, want 0:\n%s", code, msg)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(root, "new")); err == nil {
		t.Error("-lint created -out")
	}
	if entries, _ := os.ReadDir(handWritten); len(entries) != 1 {
		t.Errorf("-lint wrote into -out: %d entries", len(entries))
	}
	if entries, _ := os.ReadDir(docs); len(entries) != 1 {
		t.Errorf("-lint wrote into the docs: %d entries", len(entries))
	}
}

// TestLintNamesPagesFromTheWorkingFolder checks that -lint names pages as
// generation's diagnostics do, though it has no output folder to name
// them from, and that it reports what generation reports.
func TestLintNamesPagesFromTheWorkingFolder(t *testing.T) {
	root, _ := docsOf(t, map[string]string{"get.md": warnedPage, "api/more.md": notedPage})
	t.Chdir(root)
	_, _, generated := docbindStreams("-docs", "docs", "-out", "pkg/out")
	for _, want := range []string{"docs/get.md:11:1: warning DB209: ", "docs/api/more.md:11:8: note DB204: "} {
		if !strings.Contains(generated, want) {
			t.Errorf("generation does not say %q:\n%s", want, generated)
		}
	}
	_, _, lint := docbindStreams("-lint", "-docs", "docs")
	if diagLines(lint) != diagLines(generated) {
		t.Errorf("-lint reports\n%s\ngeneration reports\n%s", lint, generated)
	}
}

// diagLines are the lines of output that are diagnostics, not docbind's
// own messages.
func diagLines(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if !strings.HasPrefix(line, "docbind: ") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestLintUsage checks the flags -lint refuses beside it, and that a
// -docs that names no folder is still a usage error.
func TestLintUsage(t *testing.T) {
	root, docs := docsOf(t, map[string]string{"get.md": notedPage})
	tests := []struct {
		args []string
		exit int
		msg  string
	}{
		{[]string{"-lint", "-check"}, ExitUsage, "docbind: -lint and -check cannot be used together: -lint generates nothing\nrun 'docbind -h' for usage\n"},
		{[]string{"-lint", "-v"}, ExitUsage, "docbind: -lint and -v cannot be used together"},
		{[]string{"-lint", "-openapi", filepath.Join(root, "api.json")}, ExitUsage, "docbind: -lint and -openapi cannot be used together"},
		{[]string{"-lint", "-docs", filepath.Join(root, "missing")}, ExitUsage, "missing: error DB504: cannot be read: no such folder"},
		// -strict changes nothing; -q leaves out the summary on success.
		{[]string{"-lint", "-docs", docs, "-strict", "-q"}, ExitOK, "note DB204"},
	}
	for _, tt := range tests {
		code, msg := docbind(tt.args...)
		if code != tt.exit || !strings.Contains(msg, tt.msg) {
			t.Errorf("docbind %v: exit %d, want %d with %q:\n%s", tt.args, code, tt.exit, tt.msg, msg)
		}
		if code == ExitOK && strings.Contains(msg, "docbind: ") {
			t.Errorf("docbind %v: -q on success printed a summary:\n%s", tt.args, msg)
		}
	}
}

// TestLintConfig checks that -lint takes docbind.json's docs and
// suppressions, and does not mind its out.
func TestLintConfig(t *testing.T) {
	root, _ := docsOf(t, map[string]string{"get.md": warnedPage})
	writeFile(t, filepath.Join(root, "docbind.json"), `{"docs": "docs", "out": "gen", "suppress": [{"code": "DB209"}]}`)
	t.Chdir(root)
	if code, msg := docbind("-lint"); code != ExitOK || strings.Contains(msg, "DB209") || !strings.Contains(msg, "0 warnings") {
		t.Errorf("exit %d, want 0 with DB209 suppressed:\n%s", code, msg)
	}
	if _, err := os.Stat(filepath.Join(root, "gen")); err == nil {
		t.Error("-lint created the config's out")
	}
}
