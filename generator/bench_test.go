package generator

import (
	"fmt"
	"maps"
	"os"
	"path"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/generator/schema"
)

// The benchmarks measure each stage and the whole pipeline over corpora of
// growing size: the seed page, the OneDrive corpus (138 pages, 0.54 MB),
// and the OneDrive corpus grown 5x, 25x (the size of the Microsoft Graph
// v1.0 docs) and 50x. Run them with:
//
//	go test ./generator -run '^$' -bench . -benchtime 3x
//
// scripts/bench times the whole CLI the same way, with peak memory.

type corpus struct {
	name string
	fsys fstest.MapFS
}

func corpora(b testing.TB, scales ...int) []corpus {
	seed, err := os.ReadFile("../docs/create-version.md")
	if err != nil {
		b.Fatal(err)
	}
	out := []corpus{{"seed", fstest.MapFS{"create-version.md": {Data: seed}}}}
	onedrive := corpusFSB(b)
	out = append(out, corpus{"onedrive", onedrive})
	for _, s := range scales {
		out = append(out, corpus{fmt.Sprintf("synth%dx", s), synthCorpus(onedrive, s)})
	}
	return out
}

func size(fsys fstest.MapFS) (bytes int64, pages int) {
	for name, f := range fsys {
		if path.Ext(name) == ".md" {
			bytes += int64(len(f.Data))
			pages++
		}
	}
	return bytes, pages
}

// perPage reports ns per page, the figure that shows how cost grows.
func perPage(b *testing.B, pages int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
}

// BenchmarkGoldmarkFloor is the floor parsing cannot beat on one core:
// goldmark parsing every page and walking its tree, doing nothing else.
func BenchmarkGoldmarkFloor(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	for _, c := range corpora(b, 25) {
		b.Run(c.name, func(b *testing.B) {
			bytes, pages := size(c.fsys)
			b.SetBytes(bytes)
			for b.Loop() {
				for _, name := range sortedNames(c.fsys) {
					doc := md.Parser().Parse(text.NewReader(c.fsys[name].Data))
					_ = ast.Walk(doc, func(ast.Node, bool) (ast.WalkStatus, error) { return ast.WalkContinue, nil })
				}
			}
			perPage(b, pages)
		})
	}
}

// BenchmarkParse is docbind's first stage over every page: goldmark and
// the annotated blocks, pages parsed in parallel.
func BenchmarkParse(b *testing.B) {
	for _, c := range corpora(b, 25) {
		b.Run(c.name, func(b *testing.B) {
			bytes, pages := size(c.fsys)
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				sources, err := ReadSources(c.fsys, Options{})
				if err != nil {
					b.Fatal(err)
				}
				parsePages(sources, "docs", nil)
			}
			perPage(b, pages)
		})
	}
}

// BenchmarkInferBodies is schema inference (gjson) over every JSON body
// of the OneDrive corpus.
func BenchmarkInferBodies(b *testing.B) {
	sources, err := ReadSources(corpusFSB(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	pages, _ := parsePages(sources, "docs", nil)
	var bodies []string
	var total int64
	for _, p := range pages {
		for _, blk := range p.Blocks {
			repaired, _ := schema.Repair(blk.Code[max(0, indexBody(blk.Code)):])
			bodies = append(bodies, repaired)
			total += int64(len(repaired))
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			_, _ = schema.Infer(body)
		}
	}
}

// indexBody finds where a JSON body starts in a code block.
func indexBody(code string) int {
	for i, c := range code {
		if c == '{' || c == '[' {
			return i
		}
	}
	return len(code)
}

// BenchmarkInferCorpus measures inference and modelling (model.Build) of
// whole corpora, from parsed pages.
func BenchmarkInferCorpus(b *testing.B) {
	for _, c := range corpora(b, 25) {
		b.Run(c.name, func(b *testing.B) {
			sources, err := ReadSources(c.fsys, Options{})
			if err != nil {
				b.Fatal(err)
			}
			pages, _ := parsePages(sources, "docs", nil)
			bytes, _ := size(c.fsys)
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				model.Build(pages, model.Config{})
			}
			perPage(b, len(pages))
		})
	}
}

// BenchmarkGenerate is the whole pipeline, Markdown to formatted Go files
// in memory, over corpora of growing size.
func BenchmarkGenerate(b *testing.B) {
	for _, c := range corpora(b, 5, 25, 50) {
		b.Run(c.name, func(b *testing.B) {
			bytes, pages := size(c.fsys)
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(c.fsys, Options{DocsLabel: "docs", Package: "api"}); err != nil {
					b.Fatal(err)
				}
			}
			perPage(b, pages)
		})
	}
}

func corpusFSB(b testing.TB) fstest.MapFS { return folderFS(b, corpusDir(b)) }

func sortedNames(fsys fstest.MapFS) []string {
	names := slices.Collect(maps.Keys(fsys))
	slices.Sort(names)
	return names
}

// BenchmarkGenerateCached is the whole pipeline with a warm Cache after one
// page's description and a table cell were edited: what a run after a
// small docs change costs (formatting and, for a change of comments only,
// the type-check are skipped).
func BenchmarkGenerateCached(b *testing.B) {
	for _, c := range corpora(b, 25) {
		b.Run(c.name, func(b *testing.B) {
			sources, err := ReadSources(c.fsys, Options{})
			if err != nil {
				b.Fatal(err)
			}
			opt := Options{DocsLabel: "docs", Package: "api", Cache: NewCache()}
			if _, err := GenerateFrom(sources, opt); err != nil {
				b.Fatal(err)
			}
			edited, _ := editPage(sources, len(sources)/2)
			bytes, pages := size(c.fsys)
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := GenerateFrom(edited, opt); err != nil {
					b.Fatal(err)
				}
			}
			perPage(b, pages)
		})
	}
}
