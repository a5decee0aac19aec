package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerboseExplains checks that -v traces each declaration to its docs,
// even when the cache says nothing changed.
func TestVerboseExplains(t *testing.T) {
	_, docs, out := seedDocs(t)
	for _, run := range []string{"first", "unchanged"} {
		code, msg := docbind("-docs", docs, "-out", out, "-v")
		if code != ExitOK {
			t.Fatalf("%s run: exit %d: %s", run, code, msg)
		}
		for _, want := range []string{
			"create-version.md -> create_version_gen.go, create_version_gen_test.go",
			// The docs as the working folder reaches them: absolute, here.
			"operation CreateVersion from " + filepath.ToSlash(docs) + "/create-version.md:9:1 (1 example tested)",
			"client DriveItem(itemID).CreateVersion: POST /drive/items/{itemID}/versions (served as CreateVersion) from",
			"type Item (microsoft.graph.item) from",
			"shared -> check_gen.go, client_gen.go, doc_gen.go, fake_gen.go, helpers_gen.go, helpers_gen_test.go, server_gen.go, values_gen.go (Server: 1 method, 3 routes)",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s run: -v output lacks %q:\n%s", run, want, msg)
			}
		}
	}
}

// TestDiagnosticsCapped checks that a page with many problems prints at
// most -maxdiags diagnostics and says how many more there were.
func TestDiagnosticsCapped(t *testing.T) {
	_, docs, out := seedDocs(t)
	bad := strings.Repeat("<!-- { \"blockType\": \"response\" } -->\n```http\nnot a status line\n```\n\n", 80)
	if err := os.WriteFile(filepath.Join(docs, "bad.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args      []string
		wantLines int
		wantMore  string
	}{
		{nil, 50, "docbind: 30 more diagnostics not shown (-maxdiags 0 shows all)"},
		{[]string{"-maxdiags", "5"}, 5, "docbind: 75 more diagnostics not shown"},
		{[]string{"-maxdiags", "0"}, 80, ""},
	}
	for _, tt := range tests {
		_, msg := docbind(append([]string{"-docs", docs, "-out", out}, tt.args...)...)
		if got := strings.Count(msg, ": warning DB202: "); got != tt.wantLines {
			t.Errorf("%v: %d diagnostics printed, want %d", tt.args, got, tt.wantLines)
		}
		if tt.wantMore != "" && !strings.Contains(msg, tt.wantMore) {
			t.Errorf("%v: no %q in:\n%s", tt.args, tt.wantMore, msg)
		}
		if tt.wantMore == "" && strings.Contains(msg, "more diagnostics") {
			t.Errorf("%v: says diagnostics were left out:\n%s", tt.args, msg)
		}
	}
}

// TestFailuresAreDiagnostics checks that failures outside the pages' text
// are reported as diagnostics with a stable code too.
func TestFailuresAreDiagnostics(t *testing.T) {
	root, docs, out := seedDocs(t)
	tests := []struct {
		name string
		args []string
		exit int
		want string
	}{
		{"missing docs folder", []string{"-docs", filepath.Join(root, "missing"), "-out", out}, ExitUsage, "missing: error DB504: cannot be read: no such folder (-docs names the folder of Markdown pages)"},
		{"docs is a file", []string{"-docs", filepath.Join(docs, "create-version.md"), "-out", out}, ExitUsage, "create-version.md: error DB504: is a file, not a folder"},
		{"package name", []string{"-docs", docs, "-out", out, "-package", "9lives"}, ExitFail, ": error DB505: package name \"9lives\" is not a Go identifier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := docbind(tt.args...)
			if code != tt.exit || !strings.Contains(msg, tt.want) {
				t.Errorf("exit %d, output:\n%s\nwant exit %d and %q", code, msg, tt.exit, tt.want)
			}
		})
	}
}
