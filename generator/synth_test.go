package generator

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"testing/fstest"
)

// The synthetic corpus grows the OneDrive pages to a Graph-size corpus:
// copy k of every page lives under k<k>/, its OData types are renamed
// (microsoft.graph.driveItem -> microsoft.graph.driveItemK3), its paths
// get a /k<k> prefix and its title a suffix, so that nothing collapses
// into what another copy defines.

var (
	synthOut   = flag.String("synth.out", "", "TestWriteSyntheticCorpus writes the synthetic corpus to this folder")
	synthScale = flag.Int("synth.scale", 25, "how many copies of the OneDrive corpus TestWriteSyntheticCorpus writes")
	// The Graph scale curve of scripts/bench: a quarter of the pages, a
	// half, all, two copies.
	synthGraph = flag.Int("synth.graphquarters", 0, "TestWriteSyntheticCorpus writes this many quarters of the Graph corpus instead: 1, 2 or 3 take every page whose index in path order is below that modulo 4; 4, 8, ... are whole copies")
)

var (
	odataName   = regexp.MustCompile(`\b(microsoft\.graph|oneDrive)\.([A-Za-z]+)|\b(odata)\.(error)\b`)
	requestLine = regexp.MustCompile(`(?m)^(GET|POST|PUT|PATCH|DELETE|HEAD) (https?://[^/\s]+(?:/v1\.0|/beta|/v2\.0)?)?/`)
	firstTitle  = regexp.MustCompile(`(?m)^# (.+)$`)
)

// quarterCorpus is quarters/4 of the pages of src: for fewer than four
// quarters every page whose index in path order modulo 4 is below
// quarters (a spread sample, every folder represented), otherwise
// quarters/4 copies (see synthCorpus). Graph's reference pages stand
// alone enough that a sample still generates.
func quarterCorpus(src fstest.MapFS, quarters int) fstest.MapFS {
	if quarters >= 4 {
		return synthCorpus(src, quarters/4)
	}
	out := fstest.MapFS{}
	for i, name := range sortedNames(src) {
		if filepath.Ext(name) == ".md" && i%4 < quarters {
			out[name] = src[name]
		}
	}
	return out
}

// synthCorpus returns scale copies of the pages in src.
func synthCorpus(src fstest.MapFS, scale int) fstest.MapFS {
	out := fstest.MapFS{}
	for k := range scale {
		for name, f := range src {
			if filepath.Ext(name) != ".md" {
				continue
			}
			out[fmt.Sprintf("k%d/%s", k, name)] = &fstest.MapFile{Data: renameCopy(f.Data, k)}
		}
	}
	return out
}

func renameCopy(page []byte, k int) []byte {
	suffix := fmt.Sprintf("K%d", k)
	page = odataName.ReplaceAll(page, []byte("${1}${3}.${2}${4}"+suffix))
	page = requestLine.ReplaceAll(page, []byte(fmt.Sprintf("${1} ${2}/k%d/", k)))
	done := false
	return firstTitle.ReplaceAllFunc(page, func(m []byte) []byte {
		if done {
			return m
		}
		done = true
		// m shares the page's array: appending to it in place would
		// overwrite the bytes after the title.
		return append(slices.Clip(m), " "+suffix...)
	})
}

// TestWriteSyntheticCorpus writes the synthetic corpus for the bench
// script: go test ./generator -run TestWriteSyntheticCorpus -synth.out DIR.
func TestWriteSyntheticCorpus(t *testing.T) {
	if *synthOut == "" {
		t.Skip("writes the synthetic corpus only when -synth.out is given")
	}
	corpus := synthCorpus(corpusFS(t), *synthScale)
	if *synthGraph > 0 {
		corpus = quarterCorpus(graphFS(t), *synthGraph)
	}
	for name, f := range corpus {
		file := filepath.Join(*synthOut, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSyntheticCorpusGenerates checks that a grown corpus still generates
// as many operations per copy as the original.
func TestSyntheticCorpusGenerates(t *testing.T) {
	fsys := corpusFS(t)
	one, err := Generate(fsys, Options{DocsLabel: "onedrive", Package: "onedrive"})
	if err != nil {
		t.Fatal(err)
	}
	three, err := Generate(synthCorpus(fsys, 3), Options{DocsLabel: "onedrive", Package: "onedrive"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(three.API.Operations), 3*len(one.API.Operations); got != want {
		t.Errorf("3 copies give %d operations, want %d", got, want)
	}
}
