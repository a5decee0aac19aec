package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
)

var writeFuzzSeeds = flag.Bool("fuzzseeds", false, "write the fuzz seed corpora under */testdata/fuzz from the OneDrive corpus")

// TestWriteFuzzSeeds turns the real docs into the seed corpus of every
// fuzz target, in the files `go test -fuzz` reads (testdata/fuzz/FuzzX
// of each package), so the fuzzers start from the shapes docs really have
// and the seeds run as unit tests on every machine, ../shared or not:
//
//	go test ./generator -run TestWriteFuzzSeeds -fuzzseeds
func TestWriteFuzzSeeds(t *testing.T) {
	if !*writeFuzzSeeds {
		t.Skip("writes seed files only with -fuzzseeds")
	}
	pages := corpusPages(t)
	var annotations, messages, bodies, paths []string
	for _, p := range pages {
		annotations = append(annotations, annotationTexts(p.data)...)
		page, _ := docparse.Parse(p.name, p.data)
		for _, b := range page.Blocks {
			messages = append(messages, b.Code)
			if req, err := httpmsg.ParseRequest(b.Code); err == nil {
				paths = append(paths, req.Path)
				bodies = append(bodies, req.Body)
			}
			if resp, err := httpmsg.ParseResponse(b.Code); err == nil {
				bodies = append(bodies, resp.Body)
			}
			if b.Annotation.BlockType == docparse.Resource {
				bodies = append(bodies, b.Code)
			}
		}
	}
	for _, p := range pages {
		writeSeeds(t, "docparse/testdata/fuzz/FuzzParse", seedBytes(p.data))
		writeSeeds(t, "testdata/fuzz/FuzzGeneratePage", seedBytes(p.data))
		old, edited := editedPage(string(p.data))
		writeSeeds(t, "writeout/testdata/fuzz/FuzzUnified", seedStrings(old, edited))
	}
	for _, a := range annotations {
		writeSeeds(t, "docparse/testdata/fuzz/FuzzParseAnnotation", seedStrings(a))
	}
	for _, m := range messages {
		writeSeeds(t, "httpmsg/testdata/fuzz/FuzzParseMessages", seedStrings(m))
	}
	for _, b := range bodies {
		if strings.TrimSpace(b) != "" {
			writeSeeds(t, "schema/testdata/fuzz/FuzzInfer", seedStrings(b))
		}
	}
	for _, p := range paths {
		writeSeeds(t, "model/testdata/fuzz/FuzzParsePath", seedStrings(p, "value/../x?#"))
	}
}

type corpusPage struct {
	name string
	data []byte
}

func corpusPages(t *testing.T) []corpusPage {
	root := corpusDir(t)
	var pages []corpusPage
	for _, dir := range []string{"api", "resources", "templates"} {
		names, _ := filepath.Glob(filepath.Join(root, dir, "*.md"))
		slices.Sort(names)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, corpusPage{name: filepath.Join(dir, filepath.Base(name)), data: data})
		}
	}
	return pages
}

// annotationTexts finds the JSON of each annotation comment. A plain scan
// is enough here: the seeds need only be plausible, not exact.
func annotationTexts(page []byte) []string {
	var texts []string
	rest := string(page)
	for {
		start := strings.Index(rest, "<!--")
		if start < 0 {
			return texts
		}
		end := strings.Index(rest[start:], "-->")
		if end < 0 {
			return texts
		}
		if text := strings.TrimSpace(rest[start+4 : start+end]); strings.Contains(text, "blockType") {
			texts = append(texts, text)
		}
		rest = rest[start+end+3:]
	}
}

// editedPage returns a page and an edit of it (every seventh line dropped,
// every eleventh doubled), a realistic pair for the diff fuzzer.
func editedPage(page string) (string, string) {
	lines := strings.SplitAfter(page, "\n")
	var edited strings.Builder
	for i, l := range lines {
		if i%7 == 3 {
			continue
		}
		edited.WriteString(l)
		if i%11 == 5 {
			edited.WriteString(l)
		}
	}
	old, new := page, edited.String()
	if !strings.HasSuffix(old, "\n") {
		old += "\n"
	}
	if !strings.HasSuffix(new, "\n") {
		new += "\n"
	}
	return old, new
}

// seedBytes and seedStrings encode one input in the corpus file format of
// `go test -fuzz` ("go test fuzz v1", then one Go literal per argument).
func seedBytes(b []byte) string {
	return "go test fuzz v1\n[]byte(" + strconv.Quote(string(b)) + ")\n"
}

func seedStrings(args ...string) string {
	var b strings.Builder
	b.WriteString("go test fuzz v1\n")
	for _, a := range args {
		fmt.Fprintf(&b, "string(%s)\n", strconv.Quote(a))
	}
	return b.String()
}

// writeSeeds writes a seed file named, as the fuzzer names its own, by a
// hash of its content, so rewriting the seeds is idempotent.
func writeSeeds(t *testing.T, dir, content string) {
	sum := sha256.Sum256([]byte(content))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus-"+hex.EncodeToString(sum[:8])), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
