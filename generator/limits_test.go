package generator

import (
	"fmt"
	"go/parser"
	"go/token"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// A documented request and its response, the unit the hostile pages below
// are built from. %d names the example; %s is the response body.
const limitExample = "<!-- { \"blockType\": \"request\", \"name\": \"get-thing-%d\" } -->\n" +
	"```http\nGET /things/{id}\n```\n\n" +
	"<!-- { \"blockType\": \"response\", \"@odata.type\": \"thing\" } -->\n" +
	"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n%s\n```\n\n"

// limitCase is a hostile page and what docbind must do with it: generate
// code that parses, or refuse it with a diagnostic of the given code at
// the given line (with a column), within allocBudget bytes of allocation.
type limitCase struct {
	name        string
	page        func() string
	wantCode    diag.Code // "" when the page generates without that diagnostic
	wantLine    int
	wantError   bool // wantCode stops generation
	allocBudget uint64
}

// The bounds the README states. Allocation, unlike time, does not depend
// on how busy the machine is, so the budgets are checked here and the
// times are measured by BenchmarkLimits.
var limitCases = []limitCase{
	{
		name:        "10 MB page of prose and 6,000 examples",
		page:        tenMegabytePage,
		allocBudget: 3 << 29, // measured: 1.0 GB
	},
	{
		name:        "page larger than MaxPageBytes",
		page:        func() string { return strings.Repeat("Prose.\n", docparse.MaxPageBytes/7+1) },
		wantCode:    diag.PageTooLarge,
		wantLine:    1,
		wantError:   true,
		allocBudget: 64 << 20,
	},
	{
		name:        "response body nested 10,000 arrays deep",
		page:        func() string { return example(0, strings.Repeat("[", 10000)+strings.Repeat("]", 10000)) },
		wantCode:    diag.BadJSON,
		wantLine:    11,
		allocBudget: 64 << 20,
	},
	{
		name:        "response body nested 10,000 objects deep",
		page:        func() string { return example(0, strings.Repeat(`{"a":`, 10000)+"1"+strings.Repeat("}", 10000)) },
		wantCode:    diag.BadJSON,
		wantLine:    11,
		allocBudget: 64 << 20,
	},
	{
		name: "resource nested 10,000 objects deep",
		page: func() string {
			return "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"deep\" } -->\n```json\n" +
				strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000) + "\n```\n\n" + example(0, "{}")
		},
		wantCode:    diag.BadJSON,
		wantLine:    3,
		allocBudget: 64 << 20,
	},
	{
		name: "annotation nested 10,000 objects deep",
		page: func() string {
			return "<!-- {\"blockType\": \"ignored\", \"x\": " + strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000) + "} -->\n```\nx\n```\n\n" + example(0, "{}")
		},
		wantCode:    diag.BadAnnotation,
		wantLine:    1,
		wantError:   true,
		allocBudget: 64 << 20,
	},
	{
		name: "100,000 annotations",
		page: func() string {
			return strings.Repeat("<!-- { \"blockType\": \"ignored\" } -->\n```\nx\n```\n", 100000) + example(0, "{}")
		},
		allocBudget: 512 << 20, // measured: 350 MB
	},
	{
		name: "annotation of 1 MB",
		page: func() string {
			return "<!-- { \"blockType\": \"ignored\", \"description\": \"" + strings.Repeat("x", 1<<20) + "\" } -->\n```\nx\n```\n\n" + example(0, "{}")
		},
		allocBudget: 128 << 20,
	},
	{
		name: "request path of 1,000 segments",
		page: func() string {
			return strings.Replace(example(0, "{}"), "/things/{id}", strings.Repeat("/a", 1000), 1) + example(1, "{}")
		},
		wantCode:    diag.BadPath,
		wantLine:    3,
		allocBudget: 64 << 20,
	},
	{
		name: "URL variant of 1,000 segments",
		page: func() string {
			return "## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET " + strings.Repeat("/a", 1000) + "\n```\n\n" + example(0, "{}")
		},
		wantCode:    diag.BadPath,
		wantLine:    5,
		allocBudget: 64 << 20,
	},
}

func example(n int, body string) string { return fmt.Sprintf(limitExample, n, body) }

// tenMegabytePage is prose, links and tables with an example every 1.7 KB.
func tenMegabytePage() string {
	var b strings.Builder
	b.WriteString("# A large page\n\n")
	for i := 0; b.Len() < 10<<20; i++ {
		b.WriteString(strings.Repeat("Prose with [a link](other.md), `code` and *emphasis*.\n\n", 20))
		b.WriteString("| Name | Type |\n|:--|:--|\n| id | String |\n\n")
		b.WriteString(example(i, fmt.Sprintf(`{"id": "%d", "name": "thing %d"}`, i, i)))
	}
	return b.String()
}

func TestLimits(t *testing.T) {
	for _, tc := range limitCases {
		t.Run(tc.name, func(t *testing.T) {
			page := []byte(tc.page())
			res, allocated, err := generateMeasured(page)
			if allocated > tc.allocBudget {
				t.Errorf("allocated %d MB for a page of %d KB; the bound is %d MB", allocated>>20, len(page)>>10, tc.allocBudget>>20)
			}
			if tc.wantError != (err != nil) {
				t.Fatalf("error %v, want an error: %v", err, tc.wantError)
			}
			if tc.wantCode != "" {
				checkDiagnostic(t, res.Diags, tc.wantCode, tc.wantLine)
			}
			if err == nil {
				checkFilesParse(t, res)
			}
		})
	}
}

// generateMeasured runs the pipeline on one page and returns the bytes it
// allocated.
func generateMeasured(page []byte) (*Result, uint64, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := Generate(fstest.MapFS{"page.md": {Data: page}}, Options{DocsLabel: "docs", Package: "p"})
	runtime.ReadMemStats(&after)
	return res, after.TotalAlloc - before.TotalAlloc, err
}

func checkDiagnostic(t *testing.T, diags diag.List, code diag.Code, line int) {
	t.Helper()
	for _, d := range diags {
		if d.Code == code {
			if d.Pos.File != "docs/page.md" || d.Pos.Line != line || d.Pos.Col < 1 {
				t.Errorf("%s at %s, want docs/page.md:%d with a column", code, d.Pos, line)
			}
			return
		}
	}
	t.Errorf("no %s among %v", code, diags)
}

func checkFilesParse(t *testing.T, res *Result) {
	t.Helper()
	for _, f := range res.Files {
		if _, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.SkipObjectResolution); err != nil {
			t.Errorf("%s does not parse: %v", f.Name, err)
		}
	}
}

// BenchmarkLimits times each hostile page (go test ./generator -run '^$'
// -bench Limits -benchtime 3x); the README quotes its numbers.
func BenchmarkLimits(b *testing.B) {
	for _, tc := range limitCases {
		page := []byte(tc.page())
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Generate(fstest.MapFS{"page.md": {Data: page}}, Options{DocsLabel: "docs", Package: "p"})
			}
		})
	}
}
