package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// TestFormatJSON checks -format json: stdout is JSON lines only, one a
// diagnostic, with positions as the text shows them; everything else goes
// to stderr.
func TestFormatJSON(t *testing.T) {
	more := strings.NewReplacer(`"get"`, `"more"`, "/thing", "/more").Replace(notedPage)
	root, _ := docsOf(t, map[string]string{"get.md": warnedPage, "api/more.md": more})
	t.Chdir(root)
	for _, args := range [][]string{{"-lint"}, {"-out", "pkg"}} {
		code, stdout, stderr := docbindStreams(append(args, "-docs", "docs", "-format", "json")...)
		got := parseJSONLines(t, stdout)
		want := []jsonDiagnostic{
			{File: "docs/api/more.md", Line: 11, Column: 8, Severity: "note", Code: "DB204", Message: "JSON body: removed a trailing comma to read it", Related: []jsonRelated{}},
			{File: "docs/get.md", Line: 11, Column: 1, Severity: "warning", Code: "DB209", Related: []jsonRelated{}},
		}
		if len(got) != len(want) {
			t.Fatalf("%v: %d diagnostics, want %d:\n%s", args, len(got), len(want), stdout)
		}
		for i, w := range want {
			g := got[i]
			if g.File != w.File || g.Line != w.Line || g.Column != w.Column || g.Severity != w.Severity || g.Code != w.Code || w.Message != "" && g.Message != w.Message || g.Related == nil || len(g.Related) != 0 {
				t.Errorf("%v: diagnostic %d is %+v, want %+v", args, i, g, w)
			}
		}
		if !strings.Contains(stdout, `"related":[]`) {
			t.Errorf("%v: no related array where there is none:\n%s", args, stdout)
		}
		if !strings.HasPrefix(stderr, "docbind: 2 pages") || strings.Contains(stderr, "DB20") {
			t.Errorf("%v: exit %d; stderr should be the summary only:\n%s", args, code, stderr)
		}
	}
}

// parseJSONLines decodes a JSON-lines stream strictly: every line one
// object of the documented fields, and nothing else.
func parseJSONLines(t *testing.T, s string) []jsonDiagnostic {
	t.Helper()
	var out []jsonDiagnostic
	for line := range strings.Lines(s) {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var d jsonDiagnostic
		if err := dec.Decode(&d); err != nil || dec.More() {
			t.Fatalf("not one JSON object: %q: %v", line, err)
		}
		out = append(out, d)
	}
	return out
}

// TestFormatJSONRelated checks the related positions of a diagnostic in
// JSON, named from the working folder as the diagnostic's own position.
func TestFormatJSONRelated(t *testing.T) {
	paths := docsPaths{generated: "../docs", shown: "docs"}
	list := paths.diags(diag.List{{
		Pos: diag.Pos{File: "../docs/a.md", Line: 3, Col: 5}, Severity: diag.Warning, Code: "DB311",
		Message: `member "x" is not declared by ../docs/b.md's type`,
		Related: []diag.Related{{Pos: diag.Pos{File: "../docs/b.md", Line: 9, Col: 1}, Message: "the type, declared in ../docs/b.md"}},
	}})
	var b strings.Builder
	formatJSON.print(&b, list[0])
	want := `{"file":"docs/a.md","line":3,"column":5,"severity":"warning","code":"DB311","message":"member \"x\" is not declared by docs/b.md's type","related":[{"file":"docs/b.md","line":9,"column":1,"message":"the type, declared in docs/b.md"}]}` + "\n"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
	// A diagnostic of a whole folder has no line: 0, as no position.
	b.Reset()
	formatJSON.print(&b, diag.Diagnostic{Pos: diag.Pos{File: "docs"}, Severity: diag.Error, Code: "DB501", Message: "no <pages> & more"})
	if want := `{"file":"docs","line":0,"column":0,"severity":"error","code":"DB501","message":"no <pages> & more","related":[]}` + "\n"; b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// TestFormatGitHub checks the workflow commands and their escaping.
func TestFormatGitHub(t *testing.T) {
	tests := []struct {
		name string
		d    diag.Diagnostic
		want string
	}{
		{"warning", diag.Diagnostic{Pos: diag.Pos{File: "docs/a.md", Line: 3, Col: 5}, Severity: diag.Warning, Code: "DB209", Message: "status 204 has no body"},
			"::warning file=docs/a.md,line=3,col=5,title=DB209::status 204 has no body"},
		{"error", diag.Diagnostic{Pos: diag.Pos{File: "docs/a.md", Line: 1, Col: 1}, Severity: diag.Error, Code: "DB101", Message: "cannot read annotation"},
			"::error file=docs/a.md,line=1,col=1,title=DB101::cannot read annotation"},
		{"note", diag.Diagnostic{Pos: diag.Pos{File: "docs/a.md", Line: 2, Col: 8}, Severity: diag.Note, Code: "DB204", Message: "removed a trailing comma"},
			"::notice file=docs/a.md,line=2,col=8,title=DB204::removed a trailing comma"},
		{"no line", diag.Diagnostic{Pos: diag.Pos{File: "docs"}, Severity: diag.Error, Code: "DB501", Message: "no Markdown pages found"},
			"::error file=docs,title=DB501::no Markdown pages found"},
		{"message escaped", diag.Diagnostic{Pos: diag.Pos{File: "docs/a.md", Line: 3, Col: 5}, Severity: diag.Warning, Code: "DB203", Message: "100% wrong:\r\nline two, a::b"},
			"::warning file=docs/a.md,line=3,col=5,title=DB203::100%25 wrong:%0D%0Aline two, a::b"},
		{"file escaped", diag.Diagnostic{Pos: diag.Pos{File: "docs/a,b:c%d.md", Line: 3, Col: 5}, Severity: diag.Warning, Code: "DB203", Message: "m"},
			"::warning file=docs/a%2Cb%3Ac%25d.md,line=3,col=5,title=DB203::m"},
		{"related", diag.Diagnostic{Pos: diag.Pos{File: "docs/a.md", Line: 3, Col: 5}, Severity: diag.Warning, Code: "DB311", Message: "not declared",
			Related: []diag.Related{{Pos: diag.Pos{File: "docs/b.md", Line: 9, Col: 1}, Message: "the type"}, {Pos: diag.Pos{File: "docs/c.md"}}}},
			"::warning file=docs/a.md,line=3,col=5,title=DB311::not declared (see docs/b.md:9:1: the type) (see docs/c.md)"},
	}
	for _, tt := range tests {
		var b strings.Builder
		formatGitHub.print(&b, tt.d)
		if b.String() != tt.want+"\n" {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, b.String(), tt.want+"\n")
		}
	}
}

// TestFormatGitHubRun checks that -format github puts one command a
// diagnostic on stdout, capped as text is, the rest on stderr.
func TestFormatGitHubRun(t *testing.T) {
	bad := strings.Repeat("<!-- { \"blockType\": \"response\" } -->\n```http\nnot a status line\n```\n\n", 60)
	root, _ := docsOf(t, map[string]string{"get.md": warnedPage, "a,b:c.md": bad})
	t.Chdir(root)
	code, stdout, stderr := docbindStreams("-lint", "-docs", "docs", "-format", "github")
	if code != ExitFail {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 50 {
		t.Errorf("%d lines on stdout, want the 50 of -maxdiags", len(lines))
	}
	for _, line := range lines {
		if !strings.HasPrefix(line, "::warning file=docs/") {
			t.Errorf("not a workflow command: %q", line)
		}
	}
	if want := "::warning file=docs/a%2Cb%3Ac.md,line=3,col=1,title=DB202::response: status line \"not a status line\" is not \"HTTP/1.1 STATUS\"; example ignored"; lines[0] != want {
		t.Errorf("first command %q, want %q", lines[0], want)
	}
	for _, want := range []string{"docbind: 11 more diagnostics not shown", "docbind: 2 pages, 1 operations"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestFormatJSONCap checks that -format json prints every diagnostic
// unless -maxdiags is given, and that -check's diffs stay off its stdout.
func TestFormatJSONCap(t *testing.T) {
	_, docs, out := seedDocs(t)
	if code, msg := docbind("-docs", docs, "-out", out); code != ExitOK {
		t.Fatal(msg)
	}
	bad := strings.Repeat("<!-- { \"blockType\": \"response\" } -->\n```http\nnot a status line\n```\n\n", 80)
	if err := os.WriteFile(filepath.Join(docs, "bad.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(docs, "create-version.md")
	src, _ := os.ReadFile(page)
	_ = os.WriteFile(page, bytes.Replace(src, []byte(`"description-value"`), []byte(`"new words"`), 1), 0o644)
	tests := []struct {
		args     []string
		lines    int
		wantMore string
	}{
		// -check first, while the output is stale: its diff goes to stderr.
		{[]string{"-check"}, 80, `+  "description": "new words",`},
		{nil, 80, ""},
		{[]string{"-maxdiags", "5"}, 5, "docbind: 75 more diagnostics not shown"},
	}
	for _, tt := range tests {
		args := append([]string{"-docs", docs, "-out", out, "-format", "json"}, tt.args...)
		_, stdout, stderr := docbindStreams(args...)
		if got := len(parseJSONLines(t, stdout)); got != tt.lines {
			t.Errorf("%v: %d diagnostics, want %d", tt.args, got, tt.lines)
		}
		if tt.wantMore != "" && !strings.Contains(stderr, tt.wantMore) {
			t.Errorf("%v: stderr lacks %q:\n%s", tt.args, tt.wantMore, stderr)
		}
		if tt.wantMore == "" && strings.Contains(stderr, "more diagnostics") {
			t.Errorf("%v: says diagnostics were left out:\n%s", tt.args, stderr)
		}
	}
}

// TestFormatUsage checks that an unknown -format is a usage error said in
// one line, and that text, the default, is the output of old.
func TestFormatUsage(t *testing.T) {
	code, msg := docbind("-format", "xml")
	if code != ExitUsage || msg != "docbind: invalid value \"xml\" for flag -format: want text, json or github\nrun 'docbind -h' for usage\n" {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	_, docs := docsOf(t, map[string]string{"get.md": warnedPage})
	_, stdout, stderr := docbindStreams("-lint", "-docs", docs, "-format", "text")
	_, _, plain := docbindStreams("-lint", "-docs", docs)
	if stdout != "" || diagLines(stderr) != diagLines(plain) || !strings.Contains(stderr, "get.md:11:1: warning DB209: ") {
		t.Errorf("-format text: stdout %q, stderr:\n%s", stdout, stderr)
	}
}
