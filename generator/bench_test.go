package generator

import (
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/model"
)

// corpusPages reads and parses every page of the OneDrive corpus.
func corpusPages(b *testing.B) ([]*docparse.Page, int64) {
	fsys := os.DirFS(corpusDir(b))
	var pages []*docparse.Page
	var size int64
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		src, _ := fs.ReadFile(fsys, p)
		size += int64(len(src))
		page, _ := docparse.Parse(p, src)
		pages = append(pages, page)
		return nil
	})
	return pages, size
}

// BenchmarkInferCorpus measures inference and modelling (model.Build) of
// the whole OneDrive corpus, from parsed pages.
func BenchmarkInferCorpus(b *testing.B) {
	pages, size := corpusPages(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		model.Build(pages, model.Config{})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages)), "ns/page")
}

// BenchmarkGenerateCorpus measures the whole pipeline on the corpus:
// Markdown to formatted Go files.
func BenchmarkGenerateCorpus(b *testing.B) {
	fsys := os.DirFS(corpusDir(b))
	_, size := corpusPages(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(fsys, Options{DocsLabel: "onedrive", Package: "onedrive"}); err != nil {
			b.Fatal(err)
		}
	}
}
