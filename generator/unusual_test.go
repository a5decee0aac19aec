package generator

import (
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/docbind/docbind/generator/gocheck"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/templates"
)

var (
	unusualN     = flag.Int("unusual.n", 200, "how many folders TestUnusualDocsTypeCheck generates")
	unusualKnown = flag.Bool("unusual.known", false, "TestFailureRepros runs the repros of the known failures too")
	unusualStart = flag.Int("unusual.start", 0, "the seed of the first folder TestUnusualDocsTypeCheck generates")
	unusualWrite = flag.String("unusual.write", "", "TestUnusualDocsTypeCheck writes each folder it generates under this folder, as seed<i>/")
)

// TestUnusualDocsTypeCheck generates -unusual.n deterministic folders of
// valid but unusual docs (unusualDocs) and requires each to generate a
// package that type-checks with no page left out, or to fail on the docs.
func TestUnusualDocsTypeCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and type-checks hundreds of packages")
	}
	start := time.Now()
	failed := 0
	for i := *unusualStart; i < *unusualStart+*unusualN; i++ {
		docs, cfg := unusualFolder(newChooser(uint64(i), nil))
		if *unusualWrite != "" {
			if cfg.TypeNames != nil || cfg.OperationNames != nil {
				docs = maps.Clone(docs)
				js, _ := json.Marshal(map[string]any{"types": cfg.TypeNames, "operations": cfg.OperationNames})
				docs["docbind.json"] = &fstest.MapFile{Data: js}
			}
			for name, f := range docs {
				p := filepath.Join(*unusualWrite, "seed"+strconv.Itoa(i), filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Run("seed"+strconv.Itoa(i), func(t *testing.T) {
			if !checkTypeChecksWith(t, docs, cfg, false) {
				failed++
			}
		})
	}
	t.Logf("%d folders in %v; %d failed on their docs", *unusualN, time.Since(start).Round(time.Millisecond), failed)
}

// FuzzGenerateUnusual turns the fuzzer's bytes into a folder of valid but
// unusual docs (unusualDocs: the bytes are its choices, then a PCG stream
// from seed) and requires what FuzzGeneratePage does of one page.
func FuzzGenerateUnusual(f *testing.F) {
	for i := range 32 {
		f.Add(uint64(i), []byte{})
	}
	f.Add(uint64(0), []byte{3, 7, 1, 0, 2, 5, 4, 6, 8, 9})
	f.Fuzz(func(t *testing.T, seed uint64, choices []byte) {
		docs, cfg := unusualFolder(newChooser(seed, choices))
		checkTypeChecksWith(t, docs, cfg, false)
	})
}

var (
	unusualRepro    = flag.String("unusual.repro", "", "TestUnusualRepro prints every type error of the code generated from this docs folder, before any page is left out")
	unusualReproOut = flag.String("unusual.reproout", "", "TestUnusualRepro writes the generated files, broken or not, to this existing folder")
)

// TestUnusualRepro shows what the safety net hides: every type error of
// the first round of generation of a docs folder, for reporting a DB507.
func TestUnusualRepro(t *testing.T) {
	if *unusualRepro == "" {
		t.Skip("needs -unusual.repro DIR")
	}
	opt := Options{DocsLabel: "docs", Package: "p"}
	sources, err := ReadSources(os.DirFS(*unusualRepro), opt)
	if err != nil {
		t.Fatal(err)
	}
	pages, diags := parsePages(sources, opt.DocsLabel, nil)
	api, more := model.Build(pages, opt.modelConfig())
	for _, d := range append(diags, more...) {
		t.Log(d)
	}
	files, err := templates.Files(api, templates.Options{Package: opt.Package, DocsDir: opt.DocsLabel})
	if err != nil {
		t.Fatal(err)
	}
	if *unusualReproOut != "" {
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(*unusualReproOut, f.Name), f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	errs, err := gocheck.Check(opt.Package, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		line := ""
		for _, f := range files {
			if lines := strings.Split(string(f.Content), "\n"); f.Name == e.File && e.Line <= len(lines) {
				line = strings.TrimSpace(lines[e.Line-1])
			}
		}
		t.Errorf("%s\n\t%s", e, line)
	}
}

// failureRepros are the smallest docs found for each failure class the
// fuzzers found: until a class is fixed it is in knownFailures and its
// repro is skipped; once its entry is removed, the repro checks the fix.
var failureRepros = []struct {
	class string
	pages map[string]string
	cfg   model.Config
}{
	{"body-bytes", map[string]string{"page.md": "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\n\xff\n```\n"}, model.Config{}},
	{"body-bytes", map[string]string{"page.md": "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nx\x00\n```\n"}, model.Config{}},
	{"body-bytes", map[string]string{"page.md": "# T\xff\n\n<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"}, model.Config{}},
	{"duplicate-header-row", map[string]string{"page.md": `# Op

## HTTP request

<!-- { "blockType": "ignored" } -->
` + "```http\nGET /a\n```" + `

## Request headers

| Name | Description |
|:--|:--|
| Req | A header. |
| Req | A header. |

## Example

<!-- { "blockType": "request", "name": "a" } -->
` + "```http\nGET /a\nReq: x\n```" + `

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```\n"}, model.Config{}},
	{"body-parameter", map[string]string{"page.md": `<!-- { "blockType": "request", "name": "a" } -->
` + "```http\nPATCH /a\nBody: v\nContent-Type: application/json\n\n{ \"x\": 1 }\n```" + `

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```\n"}, model.Config{}},
	{"body-parameter", map[string]string{"page.md": `<!-- { "blockType": "request", "name": "a" } -->
` + "```http\nPUT /a/x\nContent-Type: text/plain\n\nhello\n```" + `

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```" + `

## HTTP request

<!-- { "blockType": "ignored" } -->
` + "```http\nPUT /a/{body}\n```\n"}, model.Config{}},
	{"duplicate-enum-value", map[string]string{"page.md": `<!-- { "blockType": "resource", "@odata.type": "x.t" } -->
` + "```json\n{ \"kind\": \"a | b | a\" }\n```" + `

<!-- { "blockType": "request", "name": "get" } -->
` + "```http\nGET /t\n```" + `

<!-- { "blockType": "response", "@odata.type": "x.t" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"kind\": \"a\" }\n```\n"}, model.Config{}},
	{"duplicate-json-key", map[string]string{"page.md": `<!-- { "blockType": "request", "name": "a" } -->
` + "```http\nGET /a\n```" + `

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"a\": \"x\", \"a\": \"y\" }\n```\n"}, model.Config{}},
	{"operation-named-unimplemented", map[string]string{"page.md": `<!-- { "blockType": "request", "name": "unimplemented" } -->
` + "```http\nDELETE /a\n```" + `

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```" + `

## HTTP request

<!-- { "blockType": "ignored" } -->
` + "```http\nPUT /a\n```\n"}, model.Config{}},
	{"rename-not-identifier", map[string]string{"page.md": `<!-- { "blockType": "request", "name": "get" } -->
` + "```http\nGET /t\n```" + `

<!-- { "blockType": "response", "@odata.type": "x.t" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"a\": \"b\" }\n```\n"}, model.Config{TypeNames: map[string]string{"x.t": "type"}}},
}

// TestFailureRepros runs the smallest repro of every failure class found.
func TestFailureRepros(t *testing.T) {
	for i, r := range failureRepros {
		t.Run(r.class+"/"+strconv.Itoa(i), func(t *testing.T) {
			if avoids(r.class) && !*unusualKnown {
				t.Skipf("TODO(%s): a known failure, not fixed yet (knownFailures)", r.class)
			}
			docs := fstest.MapFS{}
			for name, text := range r.pages {
				docs[name] = &fstest.MapFile{Data: []byte(text)}
			}
			checkTypeChecksWith(t, docs, r.cfg, false)
		})
	}
}
