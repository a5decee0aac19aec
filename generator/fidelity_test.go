package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/fake"
)

// The fake's fidelity: every request the docs show, sent exactly as they
// write it, must get the documented status and body. The exchanges are
// read here by an extractor of their own, which shares nothing with
// docbind's readers (docparse, httpmsg, the model): a pair docbind misreads
// counts against it.

var fidelityVerbose = flag.Bool("fidelity.v", false, "TestFakeFidelity: log every miss, not only the first of each class")

// fidelityGoal is the shares of a corpus's documented requests the fake
// must answer with the documented status and body.
type fidelityGoal struct {
	corpus       string
	status, body float64
}

// fidelityGoals are the shares of documented requests the fake must
// answer with the documented status and body, by corpus.
var fidelityGoals = []fidelityGoal{
	{"onedrive", 0.995, 0.98},
	{"graph-v1.0", 0.995, 0.98},
}

// TestFakeFidelity sends each documented request of the corpora to the fake
// docbind serve runs, as the docs write it (method, path and query, headers,
// body), and checks the documented status and, where the documented body is
// JSON, the body, links masked. Each miss must be explained by a diagnostic
// at its example. It reports the misses by class.
func TestFakeFidelity(t *testing.T) {
	for _, goal := range fidelityGoals {
		t.Run(goal.corpus, func(t *testing.T) {
			dir := sharedCorpus(t, goal.corpus)
			label := strings.TrimSuffix(goal.corpus, "-v1.0")
			opt := Options{DocsLabel: label, Package: label}
			sources, err := ReadSources(os.DirFS(dir), opt)
			if err != nil {
				t.Fatal(err)
			}
			api, diags, err := BuildModel(sources, opt)
			if err != nil {
				t.Fatal(err)
			}
			pairs := documentedPairs(t, dir)
			// Strict matching, for doc authors, and lenient, the test double's
			// default, must both answer the docs' own requests as documented.
			for _, mode := range []struct {
				name string
				opts []fake.Option
			}{{"strict", []fake.Option{fake.Strict()}}, {"lenient", nil}} {
				t.Run(mode.name, func(t *testing.T) {
					checkFidelity(t, goal, fake.New(api, nil, mode.opts...), pairs, diags, label)
				})
			}
		})
	}
}

// checkFidelity sends the corpus's documented requests to h and checks
// its answers against goal.
func checkFidelity(t *testing.T, goal fidelityGoal, h http.Handler, pairs []docPair, diags diag.List, label string) {
	var r fidelityReport
	for _, p := range pairs {
		r.check(h, p, diags, label)
	}
	r.log(t, *fidelityVerbose)
	statusShare, bodyShare := r.shares()
	t.Logf("%s: %d documented pairs; the documented status for %d (%.2f%%), the documented body for %d of %d with a JSON body (%.2f%%; %d more show a JSON body with a status that has none in HTTP)",
		goal.corpus, r.pairs, r.pairs-r.statusMisses, 100*statusShare, r.bodied-r.bodyMisses, r.bodied, 100*bodyShare, r.bodiless)
	if statusShare < goal.status {
		t.Errorf("the documented status for %.2f%%, want at least %.1f%%", 100*statusShare, 100*goal.status)
	}
	if bodyShare < goal.body {
		t.Errorf("the documented body for %.2f%%, want at least %.1f%%", 100*bodyShare, 100*goal.body)
	}
	for _, m := range r.unexplained {
		t.Errorf("no diagnostic explains %s", m)
	}
}

// docPair is a documented request and its response, as written.
type docPair struct {
	file                 string // relative to the corpus
	line, endLine        int    // the request's annotation, the response block's end
	name                 string
	method, target, body string
	header               http.Header
	status               int
	responseBody         string
}

func (p docPair) String() string {
	return fmt.Sprintf("%s:%d (%s) %s %s", p.file, p.line, p.name, p.method, p.target)
}

// annotationRE finds an HTML comment holding a JSON object, as the docs
// annotate their example blocks.
var annotationRE = regexp.MustCompile(`(?s)<!--\s*(\{.*?\})\s*-->`)

var (
	blockTypeRE = regexp.MustCompile(`"blockType"\s*:\s*"([^"]*)"`)
	nameRE      = regexp.MustCompile(`"name"\s*:\s*("[^"]*"|\[[^\]]*\])`)
	fenceRE     = regexp.MustCompile("^[ \t]*(```+|~~~+)")
	versionRE   = regexp.MustCompile(`(?i)^/(v\d+(\.\d+)?|beta)(/|$)`)
)

// documentedPairs reads every annotated request and response block of the
// corpus and pairs them: a response naming requests goes to those of the
// page, else to the last request before it without a response.
func documentedPairs(t *testing.T, dir string) []docPair {
	var pairs []docPair
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		pairs = append(pairs, pagePairs(filepath.ToSlash(rel), string(src))...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

type docBlock struct {
	kind          string
	names         []string
	line, endLine int
	code          string
	paired        bool
}

func pagePairs(file, src string) []docPair {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var blocks []*docBlock
	for _, m := range annotationRE.FindAllStringSubmatchIndex(src, -1) {
		annotation := strings.ReplaceAll(src[m[2]:m[3]], "&quot;", `"`)
		kind := blockTypeRE.FindStringSubmatch(annotation)
		if kind == nil || kind[1] != "request" && kind[1] != "response" {
			continue
		}
		code, endLine, ok := fenceAfter(src, m[1])
		if !ok {
			continue
		}
		b := &docBlock{kind: kind[1], line: strings.Count(src[:m[0]], "\n") + 1, endLine: endLine, code: code}
		if n := nameRE.FindStringSubmatch(annotation); n != nil {
			var names []string
			if json.Unmarshal([]byte(n[1]), &names) != nil {
				var name string
				_ = json.Unmarshal([]byte(n[1]), &name)
				names = []string{name}
			}
			b.names = names
		}
		blocks = append(blocks, b)
	}
	var pairs []docPair
	for i, resp := range blocks {
		if resp.kind != "response" {
			continue
		}
		var reqs []*docBlock
		for _, req := range blocks[:i] {
			if req.kind == "request" && !req.paired && len(req.names) > 0 && slices.Contains(resp.names, req.names[0]) {
				reqs = append(reqs, req)
			}
		}
		if len(reqs) == 0 {
			for j := i - 1; j >= 0; j-- {
				if blocks[j].kind == "request" && !blocks[j].paired {
					reqs = append(reqs, blocks[j])
					break
				}
			}
		}
		for _, req := range reqs {
			req.paired = true
			if p, ok := readPair(file, req, resp); ok {
				pairs = append(pairs, p)
			}
		}
	}
	return pairs
}

// fenceAfter is the code of the fenced block that follows offset after
// white space only, and the line its closing fence is on.
func fenceAfter(src string, offset int) (code string, endLine int, ok bool) {
	rest := src[offset:]
	line := strings.Count(src[:offset], "\n") + 1
	var open string
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(rest))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for first := true; sc.Scan(); first = false {
		text := sc.Text()
		if !first {
			line++
		}
		switch {
		case open == "":
			if m := fenceRE.FindStringSubmatch(text); m != nil {
				open = m[1]
				continue
			}
			if strings.TrimSpace(text) != "" {
				return "", 0, false
			}
		case strings.HasPrefix(strings.TrimSpace(text), open[:3]) && strings.Trim(strings.TrimSpace(text), open[:1]) == "":
			return strings.Join(lines, "\n"), line, true
		default:
			lines = append(lines, text)
		}
	}
	return "", 0, false
}

// readPair reads a request block and its response block as HTTP messages.
func readPair(file string, req, resp *docBlock) (docPair, bool) {
	p := docPair{file: file, line: req.line, endLine: max(req.endLine, resp.endLine), header: http.Header{}}
	if len(req.names) > 0 {
		p.name = req.names[0]
	}
	lines := strings.Split(strings.TrimSpace(req.code), "\n")
	method, rest, _ := strings.Cut(strings.TrimSpace(lines[0]), " ")
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "HTTP/") { // a version before the URL
		_, rest, _ = strings.Cut(rest, " ")
	}
	if i := strings.LastIndex(rest, " HTTP/"); i >= 0 {
		rest = rest[:i]
	}
	p.method, p.target = strings.ToUpper(method), wireTarget(strings.TrimSpace(rest))
	if p.target == "" || !slices.Contains([]string{"GET", "POST", "PUT", "PATCH", "DELETE"}, p.method) {
		return p, false
	}
	p.body = readHeaders(lines[1:], p.header)
	status, respHeader := readStatus(resp.code)
	if status == 0 {
		return p, false
	}
	p.status = status
	p.responseBody = readHeaders(strings.Split(strings.TrimSpace(resp.code), "\n")[1:], respHeader)
	return p, true
}

// wireTarget is a documented URL's path and query as a client sends them to
// another host: without scheme, host and version segment, and with only the
// bytes that cannot go on the wire escaped (space, controls, non-ASCII).
func wireTarget(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		slash := strings.IndexAny(rest, "/?")
		if slash < 0 {
			return "/"
		}
		u = rest[slash:]
	}
	if !strings.HasPrefix(u, "/") {
		return ""
	}
	if m := versionRE.FindStringSubmatchIndex(u); m != nil {
		u = "/" + u[m[1]:]
		if m[6] == m[7] { // the version alone
			u = "/"
		}
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// readHeaders reads "Name: value" lines into h up to the first other line,
// and returns the body after them. A block whose only lines after a blank
// one are such lines shows headers there too, not a body.
func readHeaders(lines []string, h http.Header) string {
	i := 0
	for ; i < len(lines); i++ {
		if name, value, ok := headerLine(lines[i]); ok {
			h.Add(name, value)
			continue
		}
		if strings.TrimSpace(lines[i]) == "" && allHeaders(lines[i+1:]) {
			continue
		}
		break
	}
	return strings.TrimSpace(strings.Join(lines[i:], "\n"))
}

// headerLine reads a "Name: value" line.
func headerLine(line string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(line, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t{}[]\"") {
		return "", "", false
	}
	return name, strings.TrimSpace(value), true
}

// allHeaders reports whether lines are header lines (and blank ones), at
// least one.
func allHeaders(lines []string) bool {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if _, _, ok := headerLine(l); !ok {
			return false
		}
		n++
	}
	return n > 0
}

// readStatus reads a response's status line and headers.
func readStatus(code string) (int, http.Header) {
	lines := strings.Split(strings.TrimSpace(code), "\n")
	fields := strings.Fields(lines[0])
	if len(fields) < 2 || !strings.HasPrefix(fields[0], "HTTP/") {
		return 0, nil
	}
	status, err := strconv.Atoi(fields[1])
	if err != nil {
		return 0, nil
	}
	return status, http.Header{}
}

// fidelityReport counts the fake's answers and classifies its misses.
type fidelityReport struct {
	pairs, bodied, bodiless  int
	statusMisses, bodyMisses int
	classes                  map[string][]string
	unexplained              []string
}

func (r *fidelityReport) check(h http.Handler, p docPair, diags diag.List, label string) {
	r.pairs++
	wantJSON := jsonBody(p.responseBody)
	if wantJSON != nil && bodiless(p.status) {
		// No HTTP server can answer this body (DB209 says so at the example).
		r.bodiless++
		wantJSON = nil
	}
	if wantJSON != nil {
		r.bodied++
	}
	req := httptest.NewRequest(p.method, p.target, strings.NewReader(p.body))
	for name, values := range p.header {
		if name == "Host" || name == "Content-Length" {
			continue
		}
		req.Header[name] = values
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	miss := ""
	switch {
	case rec.Code != p.status:
		r.statusMisses++
		if wantJSON != nil {
			r.bodyMisses++
		}
		miss = fmt.Sprintf("status %d, want %d", rec.Code, p.status)
		if rec.Code >= 400 {
			miss += ": " + errorMessage(body)
		}
	case wantJSON != nil:
		got := jsonBody(string(body))
		if got == nil || !reflect.DeepEqual(maskLinks(got), maskLinks(wantJSON)) {
			r.bodyMisses++
			miss = "another body: " + firstDifference("", maskLinks(wantJSON), maskLinks(got))
		}
	}
	if miss == "" {
		return
	}
	class := missClass(miss)
	if r.classes == nil {
		r.classes = map[string][]string{}
	}
	r.classes[class] = append(r.classes[class], fmt.Sprintf("%s: %s", p, miss))
	if !fidelityExplained(diags, p, label) {
		r.unexplained = append(r.unexplained, fmt.Sprintf("%s: %s", p, miss))
	}
}

// bodiless reports a status whose response has no body in HTTP.
func bodiless(status int) bool {
	return status < 200 || status == http.StatusNoContent || status == http.StatusNotModified
}

func (r *fidelityReport) shares() (status, body float64) {
	status, body = 1, 1
	if r.pairs > 0 {
		status = float64(r.pairs-r.statusMisses) / float64(r.pairs)
	}
	if r.bodied > 0 {
		body = float64(r.bodied-r.bodyMisses) / float64(r.bodied)
	}
	return status, body
}

func (r *fidelityReport) log(t *testing.T, all bool) {
	for _, class := range mapsKeys(r.classes) {
		misses := r.classes[class]
		t.Logf("%d misses: %s", len(misses), class)
		shown := misses
		if !all && len(shown) > 3 {
			shown = shown[:3]
		}
		for _, m := range shown {
			t.Logf("    %s", m)
		}
	}
}

func mapsKeys(m map[string][]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// missClass is the kind of a miss, from what the fake answered.
func missClass(miss string) string {
	if strings.HasPrefix(miss, "another body") {
		return "another body"
	}
	status, _, _ := strings.Cut(miss, ",")
	return status
}

// errorMessage is the message of an error envelope, cut short.
func errorMessage(body []byte) string {
	var e struct {
		Error struct{ Code, Message string }
	}
	if json.Unmarshal(body, &e) != nil {
		return string(body)
	}
	return e.Error.Code + ": " + e.Error.Message
}

// jsonBody decodes a body when it is JSON, nil otherwise.
func jsonBody(text string) any {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return nil
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil
	}
	return v
}

// maskLinks blanks the values of link members (@odata.nextLink,
// @odata.deltaLink and the like), which the fake points at itself.
func maskLinks(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			if strings.HasSuffix(k, "@odata.nextLink") || strings.HasSuffix(k, "@odata.deltaLink") {
				e = "<link>"
			}
			out[k] = maskLinks(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = maskLinks(e)
		}
		return out
	}
	return v
}

// firstDifference says where two decoded JSON values first differ.
func firstDifference(at string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s is not an object", cmpOr(at, "the body"))
		}
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range w {
				if !yield(k) {
					return
				}
			}
		}) {
			if !reflect.DeepEqual(w[k], g[k]) {
				return firstDifference(at+"."+k, w[k], g[k])
			}
		}
		return fmt.Sprintf("%s has more members", cmpOr(at, "the body"))
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s is not an array of %d", cmpOr(at, "the body"), len(w))
		}
		for i := range w {
			if !reflect.DeepEqual(w[i], g[i]) {
				return firstDifference(fmt.Sprintf("%s[%d]", at, i), w[i], g[i])
			}
		}
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	return fmt.Sprintf("%s is %s, documented %s", cmpOr(at, "the body"), clipText(gj), clipText(wj))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func clipText(b []byte) string {
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(bytes.TrimSpace(b))
}

// fidelityExplained reports whether a diagnostic sits in the pair's blocks
// (from the request's annotation to the response block's end) or names its
// example.
func fidelityExplained(diags diag.List, p docPair, label string) bool {
	file := label + "/" + p.file
	for _, d := range diags {
		if d.Pos.File == file && d.Pos.Line >= p.line && d.Pos.Line <= p.endLine {
			return true
		}
		if p.name != "" && strings.Contains(d.Message, strconv.Quote(p.name)) {
			return true
		}
	}
	return false
}
