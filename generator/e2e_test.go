package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/templates"
)

// writeModule writes generated files as package pkg of a fresh module, the
// way a user's repository holds them, and returns the module folder.
func writeModule(t *testing.T, pkg string, files []templates.File) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/generated\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, pkg), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, pkg, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
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

// TestGeneratedPackagesPass compiles every case's generated package in a
// module of its own and runs go vet and its generated tests there: a golden
// file alone proves nothing.
func TestGeneratedPackagesPass(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated modules; skipped with -short")
	}
	for _, name := range caseNames(t) {
		res, err := generateCase(t, name)
		if err != nil {
			continue // a case that must fail; TestGolden checks its diagnostics
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := writeModule(t, name, res.Files)
			for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
				if out, err := goCmd(dir, args...); err != nil {
					t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
				}
			}
		})
	}
}

// TestGeneratedTestsCatchHandEdits edits the seed's generated non-test code
// the ways a bad hand edit or a docbind bug would, and expects the generated
// tests to fail each time.
func TestGeneratedTestsCatchHandEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated modules; skipped with -short")
	}
	res, err := generateCase(t, "seed")
	if err != nil {
		t.Fatal(err)
	}
	mutations := []struct {
		name, file, old, new string
	}{
		{"success status", "create_version_gen.go", "withStatus(r.Context(), 201)", "withStatus(r.Context(), 200)"},
		{"JSON member name of Item", "create_version_gen.go", `json:"cTag,omitzero"`, `json:"ctag,omitzero"`},
		{"route path", "server_gen.go", `HandleFunc("POST /drive/items/{itemID}/versions"`, `HandleFunc("POST /drive/item/{itemID}/versions"`},
		{"route method", "server_gen.go", `HandleFunc("POST /drive/root/versions"`, `HandleFunc("PUT /drive/root/versions"`},
		{"client path", "create_version_gen.go", `"/root/versions", bodyOf(body))`, `"/roots/versions", bodyOf(body))`},
		{"client method", "create_version_gen.go", `newRequest(ctx, "POST", "/drive/root/versions"`, `newRequest(ctx, "PUT", "/drive/root/versions"`},
		// Each defence removed in turn.
		{"panic recovery", "server_gen.go", "return recoverPanics(mux)", "return mux"},
		{"415 for other media types", "helpers_gen.go", `if ct := r.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {`, `if ct := r.Header.Get("Content-Type"); false && ct != "" && !isJSON(ct) {`},
		{"413 for large bodies", "helpers_gen.go", "io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))", "io.ReadAll(r.Body)"},
		{"header line breaks", "helpers_gen.go", `if strings.ContainsAny(value, "\r\n\x00") {`, `if false {`},
		{"path escaping", "create_version_gen.go", `escapeSegment(itemID)`, `itemID`},
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			files := mutate(t, res.Files, m.file, m.old, m.new)
			dir := writeModule(t, "seed", files)
			if out, err := goCmd(dir, "test", "-count=1", "./..."); err == nil {
				t.Errorf("generated tests pass after changing the %s by hand:\n%s", m.name, out)
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
