package generator

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"testing"
	"testing/fstest"

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

// BenchmarkBuildSynthetic25 measures modelling of the 25x corpus.
func BenchmarkBuildSynthetic25(b *testing.B) {
	fsys := synthCorpus(corpusFSB(b), 25)
	var pages []*docparse.Page
	for _, name := range sortedNames(fsys) {
		page, _ := docparse.Parse(name, fsys[name].Data)
		pages = append(pages, page)
	}
	b.ReportAllocs()
	for b.Loop() {
		model.Build(pages, model.Config{})
	}
}

func corpusFSB(b *testing.B) fstest.MapFS {
	dir := corpusDir(b)
	fsys := fstest.MapFS{}
	_ = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(dir, p))
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	return fsys
}

func sortedNames(fsys fstest.MapFS) []string {
	names := slices.Collect(maps.Keys(fsys))
	slices.Sort(names)
	return names
}
