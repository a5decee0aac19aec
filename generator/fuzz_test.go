package generator

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzGeneratePage runs the whole pipeline on one page: it must either
// return an error or produce Go that parses. Besides the pages here, its
// seeds are the OneDrive corpus pages in testdata/fuzz (TestWriteFuzzSeeds).
func FuzzGeneratePage(f *testing.F) {
	seeds := []string{"../docs/create-version.md"}
	for _, glob := range []string{"testdata/cases/*/docs/*.md", "testdata/cases/*/docs/*/*.md"} {
		more, _ := filepath.Glob(glob)
		seeds = append(seeds, more...)
	}
	for _, p := range seeds {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := Generate(fstest.MapFS{"page.md": {Data: page}}, Options{DocsLabel: "docs", Package: "p"})
		if err != nil {
			return
		}
		for _, file := range res.Files {
			if _, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Content, 0); err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Content)
			}
		}
	})
}
