package generator

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/docbind/docbind/generator/par"
)

var cacheGraph = flag.Int("rendercache.graph", 0, "TestCacheSoundGraph edits this many Graph pages, chosen with -rendercache.seed")
var cacheSeed = flag.Uint64("rendercache.seed", 1, "the seed TestCacheSoundGraph chooses its pages with")
var cacheAll = flag.Bool("rendercache.all", false, "TestCacheSound edits every OneDrive page, not every fourth (CI sets it)")

// TestCacheSound edits each OneDrive page in turn, as a doc author would
// (a description sentence and a Properties table cell; on every third page
// an example's JSON value, on every fifth a member name), and requires
// that a run with the cache of the unedited docs generates the same files
// and diagnostics as a run without a cache. Each edit costs two runs of
// the corpus, so by default it edits every fourth page (a sample with
// every kind of edit: pages 0, 12, 24, ... take a JSON value, 0, 20,
// 40, ... a member name), and every page with -rendercache.all, which
// .ci/run sets.
func TestCacheSound(t *testing.T) {
	t.Parallel() // beside TestGraphCorpus, in .ci/run's corpus step
	sources := readCorpusSources(t, corpusDir(t))
	var pages []int
	for i := range sources {
		if *cacheAll || i%4 == 0 {
			pages = append(pages, i)
		}
	}
	checkCacheSound(t, sources, Options{DocsLabel: "onedrive", Package: "onedrive"}, pages)
}

// TestCacheSoundGraph is TestCacheSound on -rendercache.graph Graph pages
// chosen at random (with -rendercache.seed): each edit costs a cold and a
// warm run of the whole corpus, about 8 s. Run it with:
//
//	go test ./generator -run TestCacheSoundGraph -rendercache.graph 30 -timeout 30m
func TestCacheSoundGraph(t *testing.T) {
	if *cacheGraph == 0 {
		t.Skip("edits Graph pages only with -rendercache.graph N")
	}
	sources := readCorpusSources(t, graphDir(t))
	r := rand.New(rand.NewPCG(*cacheSeed, 0))
	pages := r.Perm(len(sources))[:min(*cacheGraph, len(sources))]
	slices.Sort(pages)
	checkCacheSound(t, sources, Options{DocsLabel: "graph", Package: "api"}, pages)
}

func readCorpusSources(t *testing.T, dir string) []Source {
	t.Helper()
	sources, err := ReadSources(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sources
}

// checkCacheSound generates the docs with a cache and saves it, then, for
// each page to edit, edits it and compares a run from the saved cache with
// a run without one.
func checkCacheSound(t *testing.T, sources []Source, opt Options, pages []int) {
	file := filepath.Join(t.TempDir(), "cache")
	warm := opt
	warm.Cache = NewCache()
	base, err := GenerateFrom(sources, warm)
	if err != nil {
		t.Fatal(err)
	}
	if err := warm.Cache.Save(file); err != nil {
		t.Fatal(err)
	}
	// Two edits at a time fill the stages of a run that use one core.
	var changed atomic.Int32
	par.Do(len(pages), 2, func(j int) {
		i := pages[j]
		edited, what := editPage(sources, i)
		if what == "" {
			return
		}
		cold, coldErr := GenerateFrom(edited, opt)
		hotOpt := opt
		hotOpt.Cache = LoadCache(file)
		hot, hotErr := GenerateFrom(edited, hotOpt)
		if msg := sameResults(cold, hot, coldErr, hotErr); msg != "" {
			t.Errorf("%s, %s: with the cache of the unedited docs, %s", sources[i].Path, what, msg)
		}
		if sameResults(base, cold, nil, coldErr) != "" {
			changed.Add(1)
		}
	})
	t.Logf("%d pages edited, %d of the edits changed generated files", len(pages), changed.Load())
}

// sameResults describes how two runs differ: files, diagnostics or errors.
func sameResults(a, b *Result, aErr, bErr error) string {
	if fmt.Sprint(aErr) != fmt.Sprint(bErr) {
		return fmt.Sprintf("the run fails with %v, without it with %v", bErr, aErr)
	}
	if a == nil || b == nil {
		return ""
	}
	if fmt.Sprint(a.Diags) != fmt.Sprint(b.Diags) {
		return fmt.Sprintf("the diagnostics differ:\n%v\nwithout it:\n%v", b.Diags, a.Diags)
	}
	if len(a.Files) != len(b.Files) {
		return fmt.Sprintf("%d files are generated, without it %d", len(b.Files), len(a.Files))
	}
	for j, f := range a.Files {
		g := b.Files[j]
		if f.Name != g.Name || f.Page != g.Page || !bytes.Equal(f.Content, g.Content) {
			return fmt.Sprintf("%s differs from %s without it", g.Name, f.Name)
		}
	}
	return ""
}

var (
	// a prose line: not a heading, table, list, fence, annotation or
	// front matter line
	editProse = regexp.MustCompile(`(?m)^[A-Z][^|\n]*\.$`)
	// a Properties table row: name, type, description
	editRow = regexp.MustCompile(`(?m)^\|\s*\w+\s*\|[^|\n]+\|\s*([A-Z][^|\n]*)\|\s*$`)
	// a JSON member with a string value, and its name
	jsonMember = regexp.MustCompile(`"([A-Za-z]\w*)"\s*:\s*"([^"\\\n]*)"`)
)

// editPage returns the sources with page i edited, and what was edited ("" when
// nothing matched).
func editPage(sources []Source, i int) ([]Source, string) {
	src := string(sources[i].Data)
	var what []string
	if loc := editProse.FindStringIndex(src); loc != nil {
		src = src[:loc[0]] + "Indeed, t" + strings.ToLower(src[loc[0]:loc[0]+1]) + src[loc[0]+1:]
		what = append(what, "a description sentence")
	}
	if loc := editRow.FindStringSubmatchIndex(src); loc != nil {
		src = src[:loc[2]] + "Edited: " + src[loc[2]:]
		what = append(what, "a table cell")
	}
	if i%3 == 0 {
		if loc := jsonMember.FindStringSubmatchIndex(src); loc != nil {
			src = src[:loc[5]] + "-edited" + src[loc[5]:]
			what = append(what, "an example value")
		}
	}
	if i%5 == 0 {
		if loc := jsonMember.FindStringSubmatchIndex(src); loc != nil {
			src = src[:loc[3]] + "Edited" + src[loc[3]:]
			what = append(what, "a member name")
		}
	}
	edited := slices.Clone(sources)
	edited[i] = Source{Path: sources[i].Path, Data: []byte(src)}
	return edited, strings.Join(what, ", ")
}

// TestCacheSkips checks that the cache saves work: a run on unchanged docs
// parses, formats and type-checks nothing, and one after an edit of
// comments only (a description in a Properties table) parses that page,
// formats the files of one page and does not type-check.
func TestCacheSkips(t *testing.T) {
	sources := readCorpusSources(t, corpusDir(t))
	file := filepath.Join(t.TempDir(), "cache")
	run := func(sources []Source) *Cache {
		t.Helper()
		opt := Options{DocsLabel: "onedrive", Package: "onedrive", Cache: LoadCache(file)}
		if _, err := GenerateFrom(sources, opt); err != nil {
			t.Fatal(err)
		}
		if err := opt.Cache.Save(file); err != nil {
			t.Fatal(err)
		}
		return opt.Cache
	}
	if c := run(sources); c.checks != 1 || c.parses != len(sources) {
		t.Fatalf("a cold run type-checked %d packages and parsed %d pages, want 1 and %d", c.checks, c.parses, len(sources))
	}
	if c := run(sources); c.changed || c.checks != 0 || c.parses != 0 {
		t.Errorf("a run on unchanged docs formatted, type-checked (%d checks) or parsed (%d pages)", c.checks, c.parses)
	}
	i := slices.IndexFunc(sources, func(s Source) bool { return s.Path == "resources/driveitem.md" })
	edited := slices.Clone(sources)
	edited[i].Data = bytes.Replace(sources[i].Data, []byte("Audio metadata, if the item is an audio file."), []byte("Audio metadata, when the item is an audio file."), 1)
	c := run(edited)
	if c.checks != 0 {
		t.Errorf("after a description edit, the package was type-checked again")
	}
	if c.parses != 1 {
		t.Errorf("after a description edit, %d pages were parsed, want 1", c.parses)
	}
	n := 0
	for key := range c.used {
		if _, ok := c.old[key]; !ok {
			n++
		}
	}
	if n < 1 || n > 2 {
		t.Errorf("after a description edit, %d files were formatted, want the page's", n)
	}
}

// TestCacheFile checks the cache file: what Save keeps, and that a corrupt
// or truncated file, or concurrent saves, give a cache that is empty or
// whole.
func TestCacheFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "docbind", "cache")
	c := NewCache()
	srcA, srcB := []byte("package p\n\nvar  a = 1\n"), []byte("package p\n\nvar  b = 2\n")
	for _, src := range [][]byte{srcA, srcB} {
		if _, err := newRound("p", c).format("a.go", src); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Save(file); err != nil {
		t.Fatal(err)
	}
	c = LoadCache(file)
	if len(c.old) != 2 {
		t.Fatalf("the saved cache has %d files, want 2", len(c.old))
	}
	// A run that uses only srcA keeps only srcA.
	if out, err := newRound("p", c).format("a.go", srcA); err != nil || string(out) != "package p\n\nvar a = 1\n" {
		t.Fatalf("format = %q, %v", out, err)
	}
	if err := c.Save(file); err != nil {
		t.Fatal(err)
	}
	if c := LoadCache(file); len(c.old) != 1 {
		t.Fatalf("after a run that used one file, the cache has %d, want 1", len(c.old))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := range data {
		corrupt := slices.Clone(data)
		corrupt[i] ^= 0x10
		if err := os.WriteFile(file, corrupt, 0o644); err != nil {
			t.Fatal(err)
		}
		if c := LoadCache(file); len(c.old) != 0 || len(c.checked) != 0 {
			t.Fatalf("a cache with byte %d flipped is not empty", i)
		}
		if c := NewCache(); c.decode(data[:i]) == nil {
			t.Fatalf("a cache cut at byte %d decodes", i)
		}
	}
	var wg sync.WaitGroup
	for n := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewCache()
			_, _ = newRound("p", c).format("a.go", fmt.Appendf(nil, "package p\n\nvar  a = %d\n", n))
			_ = c.Save(file)
		}()
	}
	wg.Wait()
	if c := LoadCache(file); len(c.old) != 1 {
		t.Fatalf("after concurrent saves, the cache has %d files, want 1", len(c.old))
	}
	if leftovers, _ := filepath.Glob(file + ".*"); len(leftovers) > 0 {
		t.Fatalf("saves left %v", leftovers)
	}
}
