package openapi

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOapiCodegenCompiles feeds the seed's document to oapi-codegen, the
// ecosystem's best-known Go generator, and compiles its client and types,
// so that users know the description works with it. oapi-codegen is never
// a dependency of this module: the test runs when it is installed
// (go install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2)
// and skips otherwise. Its output needs github.com/oapi-codegen/runtime,
// which the go command fetches through the module proxy.
func TestOapiCodegenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs oapi-codegen and go build; skipped with -short")
	}
	bin, err := exec.LookPath("oapi-codegen")
	if err != nil {
		t.Skip("oapi-codegen is not installed: go install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2")
	}
	data, err := Marshal(Build(buildDocs(t, "../../docs", "docs"), Settings{Title: "Seed", Version: "1.0.0"}))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "seed.openapi.json")
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	code := run(bin, "-generate", "types,client", "-package", "seed", doc)
	if err := os.WriteFile(filepath.Join(dir, "seed.gen.go"), []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	run("go", "mod", "init", "example.com/seed")
	run("go", "mod", "tidy")
	run("go", "vet", "./...")
	for _, want := range []string{"func (c *Client) CreateVersion(", "type Item struct"} {
		if !strings.Contains(code, want) {
			t.Errorf("oapi-codegen's output lacks %q", want)
		}
	}
}
