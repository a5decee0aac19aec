package generator

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
)

var (
	odataName   = regexp.MustCompile(`\b(microsoft\.graph|oneDrive)\.([A-Za-z]+)|\b(odata)\.(error)\b`)
	requestLine = regexp.MustCompile(`(?m)^(GET|POST|PUT|PATCH|DELETE|HEAD) (https?://[^/\s]+(?:/v1\.0|/beta|/v2\.0)?)?/`)
	firstTitle  = regexp.MustCompile(`(?m)^# (.+)$`)
)

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
		return append(m, []byte(" "+suffix)...)
	})
}

// TestWriteSyntheticCorpus writes the synthetic corpus for the bench
// script: go test ./generator -run TestWriteSyntheticCorpus -synth.out DIR.
func TestWriteSyntheticCorpus(t *testing.T) {
	if *synthOut == "" {
		t.Skip("writes the synthetic corpus only when -synth.out is given")
	}
	for name, f := range synthCorpus(corpusFS(t), *synthScale) {
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
