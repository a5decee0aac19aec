package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
)

// checkService runs docbind check-service and returns its exit code and
// what it printed on stdout and stderr.
func checkService(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := CheckService(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

var checkSummaryLine = regexp.MustCompile(`(\d+) examples checked: (\d+) conform, (\d+) differ; (\d+) skipped; (\d+) warnings`)

// counts reads the summary line: checked, conforming, differing, skipped
// and warnings.
func counts(t *testing.T, stderr string) [5]int {
	t.Helper()
	m := checkSummaryLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line in:\n%s", stderr)
	}
	var c [5]int
	for i := range c {
		fmt.Sscan(m[i+1], &c[i])
	}
	return c
}

// TestCheckServiceAgainstServe checks the corpora's examples against
// docbind serve on the same docs: OneDrive's all conform; Graph's that
// differ each differ where the docs' own example contradicts its type,
// which generating the package reports.
func TestCheckServiceAgainstServe(t *testing.T) {
	for _, tc := range []struct {
		name      string
		docs      string
		differing int
	}{
		{"onedrive", filepath.Join("..", "..", "..", "..", "..", "shared", "corpus", "onedrive"), 0},
		{"graph", filepath.Join("..", "..", "..", "..", "..", "shared", "corpus", "graph-v1.0"), 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := sharedDocs(t, tc.docs)
			base, _ := startServe(t, docs, 0, io.Discard)
			code, _, stderr := checkService("-docs", docs, "-url", base, "-methods", "all", "-rate", "1000000")
			c := counts(t, stderr)
			t.Logf("%s: %d examples checked: %d conform, %d differ, %d skipped, %d warnings", tc.name, c[0], c[1], c[2], c[3], c[4])
			if c[2] > tc.differing || c[0] == 0 || c[3] != 0 {
				t.Errorf("exit %d; want every example checked and at most %d differing:\n%s", code, tc.differing, stderr)
			}
			explained := docsContradictions(t, docs)
			for _, line := range strings.Split(stderr, "\n") {
				file, _, _ := strings.Cut(line, ":")
				if strings.Contains(line, ": error DB") && !explained[file] && !showsSent(t, file, line) {
					t.Errorf("a difference neither generating explains (DB304, DB307) nor the page's own example shows: %s", line)
				}
			}
		})
	}
}

// docsContradictions are the pages where generating the package reports
// an example that contradicts its documented type (DB304) or enum (DB307).
func docsContradictions(t *testing.T, docs string) map[string]bool {
	t.Helper()
	_, diags, err := generator.ReadModel(os.DirFS(docs), generator.Options{DocsLabel: docsShown(docs)})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]bool{}
	for _, d := range diags {
		if d.Code == diag.TypeConflict || d.Code == diag.UnlistedEnumValue {
			pages[d.Pos.File] = true
		}
	}
	return pages
}

var sentValue = regexp.MustCompile(`([^ .\[\]]+)(?:\[\d+\])*: the docs say [^,]+, the service sent (.+)$`)

// showsSent reports whether a difference's member holds on its page the
// value the service sent: the fake of docbind serve answers the docs'
// examples as written, and the example itself is not of its type (a
// placeholder such as "Boolean" where a value belongs).
func showsSent(t *testing.T, page, line string) bool {
	m := sentValue.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(regexp.QuoteMeta(strconv.Quote(m[1])) + `\s*:\s*` + regexp.QuoteMeta(m[2])).Match(text)
}

// sharedDocs is a corpus in ../shared, which a fresh clone lacks: the test
// skips without it, except in CI.
func sharedDocs(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the corpus is missing at %s: %v", dir, err)
		}
		t.Skipf("the corpus is not at %s (it is in ../shared on the team's machines and in CI)", dir)
	}
	return dir
}

// widgetService is a service of the widget docs below that answers as
// told, and records the requests it gets.
type widgetService struct {
	mu       sync.Mutex
	requests []string
	headers  []http.Header
	answer   func(w http.ResponseWriter, r *http.Request)
}

func (s *widgetService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.Method+" "+r.URL.RequestURI())
	s.headers = append(s.headers, r.Header.Clone())
	s.mu.Unlock()
	s.answer(w, r)
}

const widgetPage = "# Get widget\n\n## HTTP request\n\n" +
	"<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /widgets/{id}\nPOST /widgets\n```\n\n## Example\n\n" +
	"<!-- { \"blockType\": \"request\", \"name\": \"get_widget\" } -->\n" +
	"```http\nGET /widgets/{id}\n```\n\n" +
	"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n" +
	"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"id\": \"w1\",\n  \"size\": 1024\n}\n```\n\n" +
	"<!-- { \"blockType\": \"request\", \"name\": \"create_widget\" } -->\n" +
	"```http\nPOST /widgets\nContent-Type: application/json\n\n{\n  \"size\": 1\n}\n```\n\n" +
	"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n" +
	"```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{\n  \"id\": \"w2\",\n  \"size\": 1\n}\n```\n"

// widgetDocs writes the widget docs and returns their folder.
func widgetDocs(t *testing.T) string {
	t.Helper()
	docs := filepath.Join(t.TempDir(), "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "widget.md"), []byte(widgetPage), 0o644); err != nil {
		t.Fatal(err)
	}
	return docs
}

func answerJSON(status int, body string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// TestCheckServiceReports runs check-service against a service that
// answers a member of the wrong type: the difference is at the example's
// line, exit status 1; only GET runs without -methods all; the token is
// sent and never printed; each -format prints it.
func TestCheckServiceReports(t *testing.T) {
	docs := widgetDocs(t)
	svc := &widgetService{answer: answerJSON(200, `{"id": "w1", "size": "big"}`)}
	srv := httptest.NewServer(svc)
	defer srv.Close()
	t.Setenv("DOCBIND_CHECK_TOKEN", "s3cret-token")
	code, stdout, stderr := checkService("-docs", docs, "-url", srv.URL+"/v1.0", "-header", "X-Tenant: t-secret")
	want := `widget.md:13:1: error DB704: example "get_widget": size: the docs say Int64, the service sent "big"`
	if code != ExitFail || !strings.Contains(stderr, want) || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 1 and %s", code, stdout, stderr, want)
	}
	if c := counts(t, stderr); c != [5]int{1, 0, 1, 1, 0} {
		t.Errorf("counts %v, want 1 checked, 1 differing, the POST skipped", c)
	}
	if len(svc.requests) != 1 || svc.requests[0] != "GET /v1.0/widgets/%7Bid%7D" {
		t.Errorf("requests %q, want the GET alone, below the base URL's path", svc.requests)
	}
	if got := svc.headers[0]; got.Get("Authorization") != "Bearer s3cret-token" || got.Get("X-Tenant") != "t-secret" {
		t.Errorf("the service got Authorization %q and X-Tenant %q", got.Get("Authorization"), got.Get("X-Tenant"))
	}
	if strings.Contains(stderr, "secret") {
		t.Errorf("a header's value was printed:\n%s", stderr)
	}
	code, stdout, _ = checkService("-docs", docs, "-url", srv.URL, "-format", "json")
	var d jsonDiagnostic
	if err := json.Unmarshal([]byte(strings.TrimSpace(stdout)), &d); err != nil || code != ExitFail || d.Code != "DB704" || d.Line != 13 {
		t.Errorf("-format json: exit %d, %q (%v)", code, stdout, err)
	}
	_, stdout, _ = checkService("-docs", docs, "-url", srv.URL, "-format", "github")
	if !strings.HasPrefix(stdout, "::error file=") || !strings.Contains(stdout, "line=13,col=1,title=DB704::") {
		t.Errorf("-format github: %q", stdout)
	}
	svc.answer = answerJSON(404, `{"error": {"code": "itemNotFound"}}`)
	_, _, stderr = checkService("-docs", docs, "-url", srv.URL)
	if !strings.Contains(stderr, `the docs say status 200, the service answered 404: {"error": {"code": "itemNotFound"}} (the request's path holds the placeholder {id}: give it a value in a -scenarios file)`) {
		t.Errorf("a placeholder left in the path is not named:\n%s", stderr)
	}
	svc.answer = answerJSON(200, `{"id": "w1", "size": 2}`)
	code, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-methods", "all", "-run", "widget$")
	if code != ExitFail || counts(t, stderr) != [5]int{2, 1, 1, 0, 0} || !strings.Contains(stderr, "the docs say status 201, the service answered 200") {
		t.Errorf("-methods all: exit %d:\n%s", code, stderr)
	}
}

// TestCheckServiceScenarios puts in values from an ApiDoctor scenario
// file, one of them captured from a setup request's answer, and runs a
// POST the scenario enables.
func TestCheckServiceScenarios(t *testing.T) {
	docs := widgetDocs(t)
	svc := &widgetService{}
	svc.answer = func(w http.ResponseWriter, r *http.Request) {
		switch r.Method + " " + r.URL.Path {
		case "GET /widgets":
			answerJSON(200, `{"value": [{"id": "w42"}]}`)(w, r)
		case "GET /widgets/w42":
			answerJSON(200, `{"id": "w42", "size": 7}`)(w, r)
		case "POST /widgets":
			body, _ := io.ReadAll(r.Body)
			answerJSON(201, `{"id": "w43", "size": 5, "echo": `+string(body)+`}`)(w, r)
		default:
			http.NotFound(w, r)
		}
	}
	srv := httptest.NewServer(svc)
	defer srv.Close()
	scenarios := filepath.Join(t.TempDir(), "scenarios.json")
	os.WriteFile(scenarios, []byte(`[
  {"name": "an existing widget", "method": "get_widget", "enabled": true,
   "test-setup": [{"http-request": "GET /widgets", "capture": {"[first]": "$.value[0].id"}}],
   "request-parameters": {"{id}": "[first]"}},
  {"name": "a widget of size 5", "method": "create_widget", "enabled": true, "request-parameters": {"$.size": 5}}
]`), 0o644)
	code, _, stderr := checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if code != ExitOK || counts(t, stderr) != [5]int{2, 2, 0, 0, 1} {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	want := []string{"GET /widgets", "GET /widgets/w42", "POST /widgets"}
	if strings.Join(svc.requests, ", ") != strings.Join(want, ", ") {
		t.Errorf("requests %q, want %q", svc.requests, want)
	}
	if !strings.Contains(stderr, `warning DB706: example "create_widget" (scenario "a widget of size 5"): echo: the docs declare no member "echo"`) {
		t.Errorf("the undeclared member is no warning:\n%s", stderr)
	}
	os.WriteFile(scenarios, []byte(`[{"name": "x", "method": "get_widget", "enabled": true, "request-parameters": {"{id}": "[never]"}}]`), 0o644)
	code, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if code != ExitFail || !strings.Contains(stderr, "DB709") || !strings.Contains(stderr, "no setup request captured [never]") {
		t.Errorf("a value nothing captured: exit %d:\n%s", code, stderr)
	}
	os.WriteFile(scenarios, []byte(`[{"name": "x", "method": "get_widget", "enabled": true, "request-parameters": {"{widget-id}": "w1"}}]`), 0o644)
	code, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if code != ExitFail || !strings.Contains(stderr, `DB709: example "get_widget": the request (scenario "x"): its URL has no placeholder {widget-id} for the scenario's value`) {
		t.Errorf("a value for a placeholder the request lacks: exit %d:\n%s", code, stderr)
	}
	os.WriteFile(scenarios, []byte(`[{"name": "x", "method": "get_widgets", "enabled": true}]`), 0o644)
	_, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if !strings.Contains(stderr, `scenarios.json: warning: scenario "x" is of example "get_widgets", which the docs do not have`) {
		t.Errorf("a scenario of no example:\n%s", stderr)
	}
	os.WriteFile(scenarios, []byte(`[{"name": "x"}]`), 0o644)
	code, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if code != ExitUsage || !strings.Contains(stderr, `scenarios.json: scenario 1 ("x"): it names no example`) {
		t.Errorf("a scenario without example: exit %d:\n%s", code, stderr)
	}
	os.WriteFile(scenarios, []byte("[\n  {\"method\": 3}\n]"), 0o644)
	code, _, stderr = checkService("-docs", docs, "-url", srv.URL, "-scenarios", scenarios)
	if code != ExitUsage || !strings.Contains(stderr, "scenarios.json:2:14: ") {
		t.Errorf("a bad scenario file: exit %d:\n%s", code, stderr)
	}
}

// TestCheckServiceUsage: bad flags and a service that cannot be reached
// are exit status 2.
func TestCheckServiceUsage(t *testing.T) {
	docs := widgetDocs(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-docs", docs}, "-url is required"},
		{[]string{"-docs", docs, "-url", "ftp://x"}, "is not an http or https URL"},
		{[]string{"-docs", docs, "-url", closed, "-methods", "some"}, "-methods is get or all"},
		{[]string{"-docs", docs, "-url", closed, "-run", "("}, "-run: "},
		{[]string{"-docs", docs, "-url", closed, "-header", "no colon"}, `want "Name: value"`},
		{[]string{"-docs", filepath.Join(docs, "nowhere"), "-url", closed}, "no such folder"},
		{[]string{"-docs", docs, "-url", closed}, "the service cannot be reached"},
	} {
		code, _, stderr := checkService(tc.args...)
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, want 2 and %q:\n%s", tc.args, code, tc.want, stderr)
		}
	}
}
