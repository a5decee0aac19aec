package generator

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/templates"
)

// generatedModule is the module path of writeModule's modules.
const generatedModule = "example.com/generated"

// writeModule writes generated files as package pkg of a fresh module, the
// way a user's repository holds them, and returns the module folder; with
// pkg "" and no files, it writes the go.mod alone, for writePackage.
func writeModule(t *testing.T, pkg string, files []templates.File) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+generatedModule+"\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writePackage(t, filepath.Join(dir, pkg), files)
	return dir
}

// goCmd runs the go command in dir, outside any workspace of ours.
func goCmd(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestGeneratedPackagesPass compiles every case's generated package and
// runs go vet and its generated tests: a golden file alone proves nothing.
// The packages share one module, so that one go vet and one go test build
// them all.
func TestGeneratedPackagesPass(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated modules; skipped with -short")
	}
	dir := writeModule(t, "", nil)
	var names []string
	for _, name := range caseNames(t) {
		res, err := generateCase(t, name)
		if err != nil {
			continue // a case that must fail; TestGolden checks its diagnostics
		}
		writePackage(t, filepath.Join(dir, name), res.Files)
		writeCheckTests(t, filepath.Join(dir, name), name, res)
		names = append(names, name)
	}
	if out, err := goCmd(dir, "vet", "./..."); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	// go vet ran every check; go test's subset of them again would be time
	// spent for nothing.
	results := goTestPackages(t, dir)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if r := results[name]; r == nil || !r.passed {
				t.Errorf("go test of the generated package fails:\n%s", r.text())
			}
		})
	}
}

// packageResult is what go test -json said of one package.
type packageResult struct {
	passed      bool
	buildFailed bool     // it or its test did not compile, or setup failed
	failedTests []string // top-level tests that failed
	output      strings.Builder
}

func (r *packageResult) text() string {
	if r == nil {
		return "(go test did not report the package)"
	}
	return r.output.String()
}

// goTestPackages runs go test -count=1 -vet=off -json on every package of
// the module in dir, at once, and returns what it said of each, by its
// folder's path in the module: one go command plans and runs all the
// builds, rather than one for each package.
func goTestPackages(t *testing.T, dir string) map[string]*packageResult {
	t.Helper()
	out, _ := goCmd(dir, "test", "-count=1", "-vet=off", "-json", "./...")
	results := map[string]*packageResult{}
	result := func(importPath string) *packageResult {
		pkg, _, _ := strings.Cut(importPath, " ") // "p [p.test]" for a test build
		pkg = strings.TrimPrefix(strings.TrimPrefix(pkg, generatedModule), "/")
		if results[pkg] == nil {
			results[pkg] = &packageResult{}
		}
		return results[pkg]
	}
	// A line that is not an event (a warning of the go command's own) is
	// skipped: what the packages did is in the events.
	for _, line := range strings.Split(out, "\n") {
		var e struct {
			Action, Package, ImportPath, Test, Output, FailedBuild string
		}
		if json.Unmarshal([]byte(line), &e) != nil {
			continue
		}
		switch {
		case e.ImportPath != "": // build-output and build-fail
			r := result(e.ImportPath)
			r.output.WriteString(e.Output)
			r.buildFailed = r.buildFailed || e.Action == "build-fail"
		case e.Package != "":
			r := result(e.Package)
			r.output.WriteString(e.Output)
			switch {
			case e.Action == "fail" && e.Test != "" && !strings.Contains(e.Test, "/"):
				r.failedTests = append(r.failedTests, e.Test)
			case e.Action == "fail" && e.Test == "":
				r.buildFailed = r.buildFailed || e.FailedBuild != "" || strings.Contains(r.output.String(), "[setup failed]")
			case e.Action == "pass" && e.Test == "":
				r.passed = true
			}
		}
	}
	if len(results) == 0 {
		t.Fatalf("go test -json reported no package:\n%s", out)
	}
	return results
}

// TestGeneratedTestsCatchHandEdits edits the generated non-test code of the seed
// (and of the files case, for header and query options and template routes, and of the
// wire case, for what the client sends and returns)
// the ways a bad hand edit or a docbind bug would, and expects the generated
// tests to fail each time.
func TestGeneratedTestsCatchHandEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated modules; skipped with -short")
	}
	mutations := []struct {
		caseName, name, file, old, new string
	}{
		{"seed", "success status", "create_version_gen.go", "replyTo(w, r, 201)", "replyTo(w, r, 200)"},
		{"seed", "JSON member name of Item", "create_version_gen.go", `json:"cTag,omitzero"`, `json:"ctag,omitzero"`},
		{"seed", "route path", "server_gen.go", `{pattern: "POST /drive/items/{itemID}/versions"`, `{pattern: "POST /drive/item/{itemID}/versions"`},
		{"seed", "route method", "server_gen.go", `{pattern: "POST /drive/root/versions"`, `{pattern: "PUT /drive/root/versions"`},
		{"seed", "client path", "create_version_gen.go", `"/drive/root/versions", body, opts)`, `"/drive/roots/versions", body, opts)`},
		{"seed", "client method", "create_version_gen.go", `newRequest(ctx, "POST", urlPath`, `newRequest(ctx, "PUT", urlPath`},
		// Each defence removed in turn. The server's:
		{"seed", "panic recovery", "server_gen.go", "return recoverPanics(h.routes(serveAll))", "return h.routes(serveAll)"},
		{"seed", "415 for other media types", "helpers_gen.go", `if ct := r.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {`, `if ct := r.Header.Get("Content-Type"); false && ct != "" && !isJSON(ct) {`},
		{"seed", "413 for large bodies", "helpers_gen.go", "io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))", "io.ReadAll(r.Body)"},
		{"seed", "400 without internal detail", "helpers_gen.go", `"the request body is not valid JSON for this operation")`, `err.Error())`},
		{"seed", "paths decoded once by the mux", "server_gen.go", "return recoverPanics(h.routes(serveAll))", "mux := h.routes(serveAll)\n\treturn recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { r.URL.RawPath = \"\"; mux.ServeHTTP(w, r) }))"},
		{"files", "413 for streamed bodies", "upload_gen.go", "req.Body = http.MaxBytesReader(w, r.Body, h.maxBody)", "req.Body = r.Body"},
		{"files", "paths decoded once by the template matcher", "helpers_gen.go", "rt, values := routes.find(r.URL.EscapedPath())", "rt, values := routes.find(r.URL.Path)"},
		// The client's:
		{"seed", "header line breaks", "helpers_gen.go", `if strings.ContainsAny(value, "\r\n\x00") {`, `if false {`},
		{"seed", "path escaping", "client_gen.go", `escapeSegment(itemID)`, `itemID`},
		{"seed", "context honoured", "helpers_gen.go", "http.NewRequestWithContext(ctx, method, c.baseURL+path, reader)", "http.NewRequestWithContext(context.Background(), method, c.baseURL+path, reader)"},
		{"seed", "response bodies closed", "helpers_gen.go", "\tdefer resp.Body.Close()\n\tif resp.StatusCode < 200 || resp.StatusCode > 299 {", "\tif resp.StatusCode < 200 || resp.StatusCode > 299 {"},
		{"seed", "error bodies bounded", "helpers_gen.go", "io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))", "io.ReadAll(resp.Body)"},
		{"files", "query values encoded", "files_gen.go", "req.URL.RawQuery = v.Encode()", "req.URL.RawQuery, _ = url.QueryUnescape(v.Encode())"},
		// What the client sends and returns is what the docs show:
		{"wire", "query option 0 sent", "reviews_gen.go", "if o.Skip != nil {", "if o.Skip != nil && *o.Skip != 0 {"},
		{"files", "header option sent", "list_gen.go", `if o.Prefer != "" {`, `if false {`},
		{"files", "header option received", "list_gen.go", `o := ListFilesOptions{Prefer: r.Header.Get("Prefer")}`, `o := ListFilesOptions{}`},
		{"wire", "no User-Agent of Go's own", "report_gen.go", `} else if _, ok := req.Header["User-Agent"]; !ok {`, `} else if false {`},
		{"wire", "Location kept as the server sent it", "helpers_gen.go", "out.Location = resolveReference(req.URL.String(), loc)", "u, _ := req.URL.Parse(loc)\n\t\tout.Location = u.String()"},
		// The fake's:
		{"seed", "fake answers the documented status", "fake_gen.go", "w.WriteHeader(c.status)", "w.WriteHeader(http.StatusOK)"},
		{"files", "fake points its Location back at itself", "fake_gen.go", "value = fake.link(value, base)", "_ = base"},
		{"files", "fake points its next link back at itself", "fake_gen.go", "members[key], _ = json.Marshal(fake.link(link, base))", "members[key], _ = json.Marshal(link)"},
		{"seed", "fake routes as the handler", "server_gen.go", `{pattern: "POST /drive/root/versions", op:`, `{pattern: "POST /drive/root/version", op:`},
		{"wire", "Location resolved", "helpers_gen.go", "out.Location = resolveReference(req.URL.String(), loc)", "out.Location = loc"},
	}
	generated := map[string][]templates.File{}
	for _, name := range []string{"seed", "files", "wire"} {
		res, err := generateCase(t, name)
		if err != nil {
			t.Fatal(err)
		}
		generated[name] = res.Files
	}
	// Every edit is a package of one module, so that one go test builds and
	// runs them all. A generated test must catch the edit: vet's checks are
	// not the point, and would cost each edit a vet run.
	dir := writeModule(t, "", nil)
	for i, m := range mutations {
		writePackage(t, filepath.Join(dir, fmt.Sprintf("edit%02d", i)), mutate(t, generated[m.caseName], m.file, m.old, m.new))
	}
	results := goTestPackages(t, dir)
	for i, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			r := results[fmt.Sprintf("edit%02d", i)]
			switch {
			case r == nil || r.passed:
				t.Errorf("generated tests pass after changing the %s by hand:\n%s", m.name, r.text())
			case r.buildFailed:
				t.Errorf("the edit of the %s does not compile, so it proves nothing:\n%s", m.name, r.text())
			case len(r.failedTests) == 0:
				t.Errorf("no generated test failed after changing the %s:\n%s", m.name, r.text())
			}
		})
	}
}

func mutate(t *testing.T, files []templates.File, name, old, new string) []templates.File {
	t.Helper()
	out := make([]templates.File, len(files))
	copy(out, files)
	for i, f := range out {
		if f.Name != name {
			continue
		}
		if strings.Count(string(f.Content), old) == 0 {
			t.Fatalf("%s does not contain %q", name, old)
		}
		out[i].Content = []byte(strings.ReplaceAll(string(f.Content), old, new))
		return out
	}
	t.Fatalf("no generated file %s", name)
	return nil
}
