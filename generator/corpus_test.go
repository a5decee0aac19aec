package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/docparse"
)

// corpusDir is the OneDrive docs corpus in ../shared, which a fresh clone
// does not have: tests that need it skip there, but never in CI.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "onedrive")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true but the OneDrive corpus is missing at %s: %v", dir, err)
		}
		tb.Skipf("the OneDrive corpus is not at %s (it is in ../shared on the team's machines and in CI)", dir)
	}
	return dir
}

func generateCorpus(tb testing.TB) *Result {
	tb.Helper()
	res, err := Generate(os.DirFS(corpusDir(tb)), Options{DocsLabel: "onedrive", Package: "onedrive"})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestCorpusModels generates the OneDrive corpus and checks that every
// resource page's type is a model, that the package passes go vet, and that
// every documented instance of each type round-trips through its model.
func TestCorpusModels(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests the generated corpus package; skipped with -short")
	}
	res := generateCorpus(t)
	documented := resourceTypes(t, corpusDir(t))
	generated := map[string]bool{}
	for _, ty := range res.API.Types {
		generated[strings.ToLower(ty.ODataType)] = true
	}
	for _, odata := range documented {
		if !generated[strings.ToLower(odata)] {
			t.Errorf("resource type %s has no model", odata)
		}
	}
	if len(documented) < 75 {
		t.Errorf("only %d resource types found in the corpus", len(documented))
	}
	dir := writeModule(t, "onedrive", res.Files)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "-run", "TestModelsRoundTrip|TestEnums", "./..."}} {
		if out, err := goCmd(dir, args...); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// resourceTypes lists the OData types of every resource block in dir.
func resourceTypes(t *testing.T, dir string) []string {
	var types []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		page, _ := docparse.Parse(path, src)
		for _, b := range page.Blocks {
			if b.Annotation.BlockType == docparse.Resource && b.Annotation.ODataType != "" {
				types = append(types, b.Annotation.ODataType)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return types
}
