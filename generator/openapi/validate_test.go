package openapi

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/generator/par"
)

// buildDocs builds the model of a docs folder.
func buildDocs(t testing.TB, dir, label string) *model.API {
	api, _ := buildDocsDiags(t, dir, label)
	return api
}

// buildDocsDiags builds the model of a docs folder as a run does, with
// its diagnostics.
func buildDocsDiags(t testing.TB, dir, label string) (*model.API, diag.List) {
	t.Helper()
	opt := generator.Options{DocsLabel: label}
	sources, err := generator.ReadSources(os.DirFS(dir), opt)
	if err != nil {
		t.Fatal(err)
	}
	api, diags, err := generator.BuildModel(sources, opt)
	if err != nil {
		t.Fatal(err)
	}
	return api, diags
}

// load loads and validates a document with kin-openapi.
func load(t testing.TB, api *model.API) *openapi3.T {
	t.Helper()
	data, err := Marshal(Build(api, Settings{}))
	if err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		t.Fatalf("loading the document: %v", err)
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Fatalf("validating the document: %v", err)
	}
	return doc
}

// exampleFailure is an example that does not validate against its
// operation, and why.
type exampleFailure struct {
	source, name, why string
	at                []diag.Pos // the example's request and response
	// until is the line of the page's next example after this one's
	// response (or the page's end): the example's blocks are the lines
	// from its request on, up to it.
	until int
}

// explainedBy lists the codes of the diagnostics at the example, which
// say where the docs contradict themselves: at its annotations, or at a
// line of its blocks, where a member of its body is.
func (f exampleFailure) explainedBy(diags diag.List) string {
	var codes []string
	inside := func(d diag.Diagnostic) bool {
		return d.Pos.File == f.at[0].File && d.Pos.Line >= f.at[0].Line && d.Pos.Line < f.until
	}
	for _, d := range diags {
		at := slices.ContainsFunc(f.at, func(p diag.Pos) bool { return p.File == d.Pos.File && p.Line == d.Pos.Line })
		if (at || inside(d)) && !slices.Contains(codes, string(d.Code)) {
			codes = append(codes, string(d.Code))
		}
	}
	if len(codes) == 0 {
		return "no diagnostic"
	}
	return strings.Join(codes, ",")
}

// validateExamples validates every documented request and response
// against the operation that serves it, as openapi3filter does, in
// parallel: kin-openapi compiles a schema for each validation.
func validateExamples(doc *openapi3.T, api *model.API) (checked int, failures []exampleFailure) {
	// Every example the description shows, at the operation that shows
	// it: its own, or the one that serves its URL.
	type placed struct {
		ex *model.Example
		op *model.Operation // the operation the example documents
		v  *model.Variant   // the URL of the description's operation
	}
	var examples []placed
	for _, d := range describe(api) {
		for _, op := range d.ops {
			for _, ex := range d.examples[op] {
				examples = append(examples, placed{ex, op, d.v})
			}
		}
	}
	whys := make([]string, len(examples))
	par.Do(len(examples), 0, func(i int) { whys[i] = validateExample(doc, examples[i].ex, examples[i].op, examples[i].v) })
	starts := exampleStarts(api)
	for i, p := range examples {
		ex := p.ex
		if whys[i] != "" {
			until := math.MaxInt
			for _, line := range starts[ex.Source.File] {
				if line > max(ex.Source.Line, ex.ResponseSource.Line) {
					until = line
					break
				}
			}
			failures = append(failures, exampleFailure{fmt.Sprintf("%s:%d", ex.Source.File, ex.Source.Line), ex.Name, whys[i], []diag.Pos{ex.Source, ex.ResponseSource}, until})
		}
	}
	return len(examples), failures
}

// exampleStarts are the lines of every example's request, by page, in
// order: where an example's blocks end, the next one's begin.
func exampleStarts(api *model.API) map[string][]int {
	starts := map[string][]int{}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			starts[ex.Source.File] = append(starts[ex.Source.File], ex.Source.Line)
		}
	}
	for _, lines := range starts {
		slices.Sort(lines)
	}
	return starts
}

func validateExample(doc *openapi3.T, ex *model.Example, op *model.Operation, v *model.Variant) string {
	path := template(v)
	written := path
	for p, item := range doc.Paths.Map() {
		// The description writes a URL the docs spell in two cases once.
		if strings.EqualFold(shapeOf(p), shapeOf(path)) && item.GetOperation(ex.Method) != nil {
			written = p
		}
	}
	item := doc.Paths.Find(written)
	if item == nil {
		return "no path item " + written
	}
	method := ex.Method
	operation := item.GetOperation(method)
	if operation == nil {
		return "no operation " + method + " " + written
	}
	target := "http://example.com" + ex.Path
	if len(ex.Query) > 0 {
		q := url.Values{}
		for _, kv := range ex.Query {
			q.Add(kv[0], kv[1])
		}
		target += "?" + q.Encode()
	}
	req := httptest.NewRequest(method, target, strings.NewReader(ex.RequestBody))
	if ex.RequestBody != "" {
		req.Header.Set("Content-Type", "application/json")
		if ex.ContentType != "" {
			req.Header.Set("Content-Type", ex.ContentType)
		}
	}
	params := pathParams(written, ex.Path)
	input := &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: params,
		Route:      &routers.Route{Spec: doc, Path: written, PathItem: item, Method: method, Operation: operation},
		Options:    &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	if op.BodyKind == model.BodyStream {
		input.Options.ExcludeRequestBody = true
	}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		return "request: " + err.Error()
	}
	header := http.Header{}
	body := ex.ResponseBody
	if body != "" {
		header.Set("Content-Type", "application/json")
	}
	for _, h := range ex.ResponseHeader {
		header.Set(h[0], h[1])
	}
	resp := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input,
		Status:                 ex.Status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader([]byte(body))),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	if op.Result.Kind == model.ResultContent || ex.IsError && strings.TrimSpace(body) == "" {
		// Content is bytes, and an error the docs show without its body
		// says nothing of the body the description gives errors.
		resp.Options.ExcludeResponseBody = true
	}
	if err := openapi3filter.ValidateResponse(context.Background(), resp); err != nil {
		return "response: " + err.Error()
	}
	return ""
}

var graphExamples = flag.Bool("openapi.graph", false, "TestCorporaValidate: also validate every Graph example against its operation (about 30 s on 2 cores)")

// TestSeedDocumentValidates loads and validates the seed's document, and
// every documented request and response against its operation.
func TestSeedDocumentValidates(t *testing.T) {
	api := buildDocs(t, "../../docs", "docs")
	checked, failures := validateExamples(load(t, api), api)
	if checked != 1 || len(failures) > 0 {
		t.Errorf("%d examples checked; failures: %v", checked, failures)
	}
}

// TestCasesValidate does the same for each test case's docs: every
// document loads and validates, and so does every example but those whose
// docs contradict themselves on purpose, which a diagnostic reports.
func TestCasesValidate(t *testing.T) {
	forEachCase(t, func(t *testing.T, dir string) {
		api, diags := buildDocsDiags(t, dir, "docs")
		checked, failures := validateExamples(load(t, api), api)
		for _, f := range failures {
			if why := f.explainedBy(diags); why == "no diagnostic" {
				t.Errorf("%s %s does not validate, and no diagnostic says why: %s", f.source, f.name, firstLine(f.why))
			} else {
				t.Logf("%s %s (%s): %s", f.source, f.name, why, firstLine(f.why))
			}
		}
		t.Logf("%d of %d examples validate", checked-len(failures), checked)
	})
}

// forEachCase runs test as a subtest on the docs folder of each golden
// test case but malformed, whose docs have errors: no model, no document.
func forEachCase(t *testing.T, test func(t *testing.T, dir string)) {
	dirs, err := filepath.Glob("../testdata/cases/*/docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if name := filepath.Base(filepath.Dir(dir)); name != "malformed" {
			t.Run(name, func(t *testing.T) { test(t, dir) })
		}
	}
}

// TestCorporaValidate loads and validates the document of each corpus in
// ../shared, and validates OneDrive's examples against their operations
// (all of them must), and with -openapi.graph Graph's (at least 97%).
func TestCorporaValidate(t *testing.T) {
	for _, tt := range []struct {
		name     string
		examples bool
		want     float64
	}{{"onedrive", true, 1}, {"graph-v1.0", *graphExamples, 0.97}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join("../../..", "shared", "corpus", tt.name)
			if _, err := os.Stat(dir); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("%s is missing under CI", dir)
				}
				t.Skipf("%s is absent: the corpus is beside the checkout on the team's machines and in CI", dir)
			}
			api, diags := buildDocsDiags(t, dir, tt.name)
			doc := load(t, api)
			if !tt.examples {
				return
			}
			checked, failures := validateExamples(doc, api)
			share := float64(checked-len(failures)) / float64(checked)
			t.Logf("%d of %d examples validate against their operations (%.1f%%)", checked-len(failures), checked, 100*share)
			classes := map[string]int{}
			for _, f := range failures {
				classes[classify(f.why)]++
				t.Logf("%s %s (%s): %s", f.source, f.name, f.explainedBy(diags), firstLine(f.why))
			}
			for _, c := range slices.Sorted(maps.Keys(classes)) {
				t.Logf("%4d %s", classes[c], c)
			}
			if share < tt.want {
				t.Errorf("%.1f%% of the examples validate, want at least %.0f%%", 100*share, 100*tt.want)
			}
		})
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

var digits = regexp.MustCompile(`"[^"]*"|[0-9]+`)

// classify is a failure's reason without its particulars.
func classify(why string) string {
	why = firstLine(why)
	if i := strings.LastIndex(why, "due to: "); i >= 0 && len(why) > i+8 {
		why = why[:20] + "..." + why[i:]
	}
	return digits.ReplaceAllString(why, "X")
}

// pathParams matches a path against an OpenAPI template: a parameter
// takes the text up to the next literal.
func pathParams(template, path string) map[string]string {
	var pattern strings.Builder
	var names []string
	pattern.WriteString("(?i)^") // a URL spelled in two cases is described once
	for rest := template; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			pattern.WriteString(regexp.QuoteMeta(rest))
			break
		}
		j := strings.IndexByte(rest, '}')
		pattern.WriteString(regexp.QuoteMeta(rest[:i]) + "(.+?)")
		names = append(names, rest[i+1:j])
		rest = rest[j+1:]
	}
	pattern.WriteString("$")
	m := regexp.MustCompile(pattern.String()).FindStringSubmatch(path)
	params := map[string]string{}
	for i, n := range names {
		if i+1 < len(m) {
			v, err := url.PathUnescape(m[i+1])
			if err != nil {
				v = m[i+1]
			}
			params[n] = v
		}
	}
	return params
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
