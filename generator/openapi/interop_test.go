package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/docbind/docbind/generator/par"
)

var interopPeers = flag.Bool("openapi.interop", false, "TestInterop: also build oapi-codegen and ogen and run them on the seed's and OneDrive's descriptions (a minute or two on a fresh build cache; .ci/run sets it)")
var interopGraph = flag.Bool("openapi.interop.graph", false, "TestInterop: also run kin-openapi, oapi-codegen and ogen on Graph's description (minutes; see README)")

// TestInterop runs the tools people use on docbind's own description of
// the seed, of OneDrive and, with -openapi.interop.graph, of Graph:
//
//   - kin-openapi: the document validates as a whole, every example
//     included (openapi3's Validate with its defaults, examples on);
//   - oapi-codegen v2.8.2: its types and client, generated from the
//     document, type-check and vet cleanly;
//   - ogen v1.25.0: it generates from the document (no feature it refuses)
//     and its client and server type-check and vet cleanly.
//
// The peers are pinned by the modules in testdata/peers (a tool
// dependency each, with the runtime its output imports) and built with
// `go tool -n` from there, so nothing is installed globally; their output
// compiles in a temporary module with a copy of that go.mod and go.sum,
// so no checksum database is asked. They are separate modules because
// ogen needs Go 1.26 and each tool builds from its own requirements, as
// `go install tool@version` would, without moving docbind's.
// A failure lists what the peer reports, by class, with examples. Building
// the peers is most of the test's time, so it runs them only with
// -openapi.interop (or -openapi.interop.graph), which .ci/run sets;
// kin-openapi, a library, always runs.
func TestInterop(t *testing.T) {
	for _, c := range []struct {
		name, dir string
		run       bool
	}{
		{"docs", "../../docs", true},
		{"onedrive", filepath.Join("../../..", "shared", "corpus", "onedrive"), true},
		{"graph-v1.0", filepath.Join("../../..", "shared", "corpus", "graph-v1.0"), *interopGraph},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !c.run {
				t.Skip("the peers take minutes on Graph: go test ./generator/openapi -run '^TestInterop$/graph' -openapi.interop.graph -timeout 30m -v")
			}
			if c.name != "docs" {
				if _, err := os.Stat(c.dir); err != nil {
					if os.Getenv("CI") == "true" {
						t.Fatalf("%s is missing under CI", c.dir)
					}
					t.Skipf("%s is absent: the corpus is beside the checkout on the team's machines and in CI", c.dir)
				}
			}
			start := time.Now()
			api := buildDocs(t, c.dir, c.name)
			data, err := Marshal(Build(api, Settings{}))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), c.name+".openapi.json")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("the description: %d operations, %d bytes, built in %v", len(api.Operations), len(data), time.Since(start).Round(time.Millisecond))
			t.Run("kin-openapi", func(t *testing.T) { interopKinOpenAPI(t, data) })
			t.Run("oapi-codegen", func(t *testing.T) { interopOapiCodegen(t, file) })
			t.Run("ogen", func(t *testing.T) { interopOgen(t, file) })
		})
	}
}

// TestInteropCases validates the document of every test case with
// kin-openapi, examples on, as TestInterop does the seed's and the
// corpora's (validate_test.go's load leaves examples out: on Graph they
// take kin-openapi minutes).
func TestInteropCases(t *testing.T) {
	forEachCase(t, func(t *testing.T, dir string) {
		data, err := Marshal(Build(buildDocs(t, dir, "docs"), Settings{}))
		if err != nil {
			t.Fatal(err)
		}
		interopKinOpenAPI(t, data)
	})
}

// interopKinOpenAPI validates the document with kin-openapi's defaults,
// examples on. On an error, the test lists every example that does not
// validate, by class.
func interopKinOpenAPI(t *testing.T, data []byte) {
	start := time.Now()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi does not load the document: %v", err)
	}
	ctx := context.Background()
	err = doc.Validate(ctx)
	t.Logf("loaded and validated in %v", time.Since(start).Round(time.Millisecond))
	if err == nil {
		return
	}
	t.Errorf("kin-openapi: the document does not validate with its examples: %s", kinShow(err.Error()))
	if err := doc.Validate(ctx, openapi3.DisableExamplesValidation()); err != nil {
		t.Logf("it does not validate without its examples either: %s", firstLine(err.Error()))
		return
	}
	// Validate stops at its first error, and EnableMultiError does not
	// go on past a path's: each example is validated as Validate does,
	// to list them all.
	examples := documentExamples(doc)
	whys := make([]string, len(examples))
	par.Do(len(examples), 0, func(i int) { whys[i] = examples[i].validate(doc) })
	var errs []string
	for i, why := range whys {
		if why != "" {
			errs = append(errs, examples[i].place+": "+why)
		}
	}
	t.Logf("%d of %d examples do not validate against their schemas", len(errs), len(examples))
	logClasses(t, errs, func(e string) string {
		_, why, _ := strings.Cut(e, ": ")
		return normalize(why)
	}, func(e string) string { return e })
}

// docExample is an example of the document with the schema it must
// match: a parameter's, or a request or response body's.
type docExample struct {
	place   string
	value   any
	schema  *openapi3.Schema
	request bool // a request body's, which kin-openapi validates as a request
	body    bool
}

// validate validates the example against its schema as openapi3's
// Validate does (validateExampleValue), and returns why it fails.
func (e docExample) validate(doc *openapi3.T) string {
	opts := append(doc.GetSchemaValidationOptions(), openapi3.MultiErrors(), openapi3.EnableJSONSchema2020())
	if e.body && e.request {
		opts = append(opts, openapi3.VisitAsRequest())
	} else if e.body {
		opts = append(opts, openapi3.VisitAsResponse())
	}
	if err := e.schema.VisitJSON(e.value, opts...); err != nil {
		why := firstLine(err.Error())
		for {
			rest, ok := strings.CutPrefix(why, "doesn't match schema due to: ")
			if !ok {
				return why
			}
			why = rest
		}
	}
	return ""
}

// documentExamples are the examples of every operation's parameters,
// request body and responses, in the document's order.
func documentExamples(doc *openapi3.T) []docExample {
	var out []docExample
	media := func(place string, content openapi3.Content, request bool) {
		for _, mt := range slices.Sorted(maps.Keys(content)) {
			m := content[mt]
			if m == nil || m.Schema == nil || m.Schema.Value == nil {
				continue
			}
			if m.Example != nil {
				out = append(out, docExample{place + " " + mt + " example", m.Example, m.Schema.Value, request, true})
			}
			for _, name := range slices.Sorted(maps.Keys(m.Examples)) {
				if ex := m.Examples[name]; ex != nil && ex.Value != nil {
					out = append(out, docExample{place + " " + mt + " example " + name, ex.Value.Value, m.Schema.Value, request, true})
				}
			}
		}
	}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
		item := doc.Paths.Value(path)
		ops := item.Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op := ops[method]
			place := method + " " + path
			for _, p := range append(slices.Clone(item.Parameters), op.Parameters...) {
				if p == nil || p.Value == nil || p.Value.Schema == nil || p.Value.Schema.Value == nil {
					continue
				}
				if p.Value.Example != nil {
					out = append(out, docExample{place + " parameter " + p.Value.Name, p.Value.Example, p.Value.Schema.Value, false, false})
				}
				for _, name := range slices.Sorted(maps.Keys(p.Value.Examples)) {
					if ex := p.Value.Examples[name]; ex != nil && ex.Value != nil {
						out = append(out, docExample{place + " parameter " + p.Value.Name + " example " + name, ex.Value.Value, p.Value.Schema.Value, false, false})
					}
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				media(place+" request", op.RequestBody.Value.Content, true)
			}
			if op.Responses != nil {
				for _, status := range slices.Sorted(maps.Keys(op.Responses.Map())) {
					if r := op.Responses.Value(status); r != nil && r.Value != nil {
						media(place+" "+status, r.Value.Content, false)
					}
				}
			}
		}
	}
	return out
}

var (
	kinPath      = regexp.MustCompile(`invalid path (\S+): `)
	kinOperation = regexp.MustCompile(`invalid operation (\w+): `)
	kinExample   = regexp.MustCompile(`invalid example: example (\S+): `)
	kinReason    = regexp.MustCompile(`(?:doesn't match schema due to: )?(Error at .*)$`)
)

// kinShow is a kin-openapi error as METHOD PATH, the example, the reason.
func kinShow(e string) string {
	e = firstLine(e)
	var where []string
	for _, re := range []*regexp.Regexp{kinOperation, kinPath, kinExample} {
		if m := re.FindStringSubmatch(e); m != nil {
			where = append(where, m[1])
		}
	}
	if m := kinReason.FindStringSubmatch(e); m != nil && len(where) > 0 {
		return strings.Join(where, " ") + ": " + m[1]
	}
	return e
}

var (
	quoted  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'|` + "`[^`]*`" + `|\[[^\]]+\]`)
	namey   = regexp.MustCompile(`\b(?:[A-Z_][A-Za-z0-9_.]*|[a-z][A-Za-z0-9_.]*[A-Z0-9_][A-Za-z0-9_.]*|[0-9]+)\b`)
	spacing = regexp.MustCompile(`\s+`)
)

// normalize replaces quoted text and lists, names with capitals, digits
// or underscores (Go's and the schemas') and numbers with X.
func normalize(s string) string {
	s = quoted.ReplaceAllString(s, "X")
	s = namey.ReplaceAllStringFunc(s, func(name string) string {
		if name == "Error" { // kin-openapi's "Error at"
			return name
		}
		return "X"
	})
	s = spacing.ReplaceAllString(s, " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// logClasses logs how many of the errors fall in each class, most first,
// with up to three examples of each.
func logClasses(t *testing.T, errs []string, class func(string) string, show func(string) string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	examples := map[string][]string{}
	for _, e := range errs {
		c := class(e)
		counts[c]++
		if len(examples[c]) < 3 {
			examples[c] = append(examples[c], show(e))
		}
	}
	classes := slices.Collect(maps.Keys(counts))
	slices.SortFunc(classes, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	for _, c := range classes {
		fmt.Fprintf(&b, "\n%5d × %s", counts[c], c)
		for _, e := range examples[c] {
			fmt.Fprintf(&b, "\n        e.g. %s", e)
		}
	}
	t.Logf("%d in %d classes:%s", len(errs), len(classes), b.String())
	return counts
}

// interopOapiCodegen generates oapi-codegen's types and client from the
// document and requires them to type-check and vet cleanly.
func interopOapiCodegen(t *testing.T, file string) {
	if testing.Short() || !*interopPeers && !*interopGraph {
		t.Skip("builds oapi-codegen and its output: go test ./generator/openapi -run TestInterop -openapi.interop")
	}
	peer := peerModule(t, "oapi-codegen")
	bin := peerTool(t, peer, "oapi-codegen")
	mod := tempModule(t, peer)
	start := time.Now()
	code, stderr, err := run(peer, bin, "-generate", "types,client", "-package", "api", file)
	if err != nil {
		t.Fatalf("oapi-codegen v2.8.2 refuses the document (%v):\n%s", err, tail(stderr, 40))
	}
	if err := os.WriteFile(filepath.Join(mod, "api", "api.gen.go"), []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("oapi-codegen: %d lines of Go in %v", strings.Count(code, "\n"), time.Since(start).Round(time.Millisecond))
	vetClean(t, "oapi-codegen", mod)
}

// interopOgen generates ogen's client and server from the document, with
// ogen's defaults (a feature it does not implement is an error), and
// requires them to type-check and vet cleanly (go vet, not go build:
// compiling ogen's 2.4 million lines for Graph takes minutes more).
func interopOgen(t *testing.T, file string) {
	if testing.Short() || !*interopPeers && !*interopGraph {
		t.Skip("builds ogen and its output: go test ./generator/openapi -run TestInterop -openapi.interop")
	}
	peer := peerModule(t, "ogen")
	bin := peerTool(t, peer, "ogen")
	mod := tempModule(t, peer)
	start := time.Now()
	target := filepath.Join(mod, "api")
	_, stderr, err := run(peer, bin, "-target", target, "-package", "api", "-clean", file)
	if err != nil {
		t.Errorf("ogen v1.25.0 refuses the document (%v):\n%s", err, tail(ogenError(stderr), 30))
		ogenSkips(t, bin, file)
		return
	}
	files, _ := filepath.Glob(filepath.Join(target, "*.go"))
	lines := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines += bytes.Count(data, []byte("\n"))
	}
	t.Logf("ogen: %d files, %d lines of Go in %v", len(files), lines, time.Since(start).Round(time.Millisecond))
	vetClean(t, "ogen", mod)
}

// ogenSkips runs ogen again ignoring every feature it does not implement,
// and logs what it would then leave out, by reason: which of the
// document's constructs it refuses.
func ogenSkips(t *testing.T, bin, file string) {
	config := filepath.Join(t.TempDir(), "ogen.yml")
	if err := os.WriteFile(config, []byte("generator:\n  ignore_not_implemented: [\"all\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t.TempDir(), bin, "-config", config, "-target", filepath.Join(t.TempDir(), "api"), "-package", "api", "-clean", file)
	var reasons []string
	for line := range strings.Lines(stderr) {
		if !strings.Contains(line, "Skipping") {
			continue
		}
		i := strings.Index(line, "{")
		var fields struct {
			At     string `json:"at"`
			Reason string `json:"reason_error"`
		}
		if i < 0 || json.Unmarshal([]byte(line[i:]), &fields) != nil {
			reasons = append(reasons, strings.TrimSpace(line))
			continue
		}
		reasons = append(reasons, fields.Reason+" (at "+fields.At+")")
	}
	if err != nil {
		t.Logf("ogen with ignore_not_implemented: all refuses it too (%v):\n%s", err, tail(ogenError(stderr), 10))
	} else {
		t.Logf("ogen with ignore_not_implemented: all accepts it, leaving out %d operations or schemas", len(reasons))
	}
	if len(reasons) > 0 {
		logClasses(t, reasons, func(r string) string {
			r, _, _ = strings.Cut(r, " (at ")
			return normalize(r)
		}, func(r string) string { return r })
	}
}

// goFrame is a line of the stack that ogen prints with its error: a
// function, or its file and line.
var goFrame = regexp.MustCompile(`^\s+(\S+\.go:\d+|[\w./*()-]+\.[\w*()]+(\.func\d+)?)$`)

// ogenError is what ogen printed without its stack and its logs.
func ogenError(stderr string) string {
	var b strings.Builder
	for line := range strings.Lines(stderr) {
		if !goFrame.MatchString(strings.TrimRight(line, "\n")) && !strings.HasPrefix(line, "INFO\t") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// buildErr is a compiler or vet message at a line of the generated code
// (not the indented "other declaration of" that follows some).
var buildErr = regexp.MustCompile(`^(?:vet: )?(\S+\.go):(\d+):(\d+): (.*)$`)

// vetClean vets the generated package: it must type-check and vet
// cleanly. vet names one type error only; when it fails on one, the
// package is built with every type error listed (-gcflags=-e). A failure
// lists the errors by class, each example with the generated line it is at.
func vetClean(t *testing.T, peer, mod string) {
	t.Helper()
	start := time.Now()
	stdout, stderr, err := goRun(mod, "vet", "./...")
	t.Logf("go vet: %v", time.Since(start).Round(time.Millisecond))
	if err == nil {
		return
	}
	out, what := stdout+stderr, "go vet reports"
	if strings.Contains("\n"+out, "\nvet: ") {
		start = time.Now()
		stdout, stderr, _ = goRun(mod, "build", "-gcflags=-e", "./...")
		t.Logf("go build -gcflags=-e: %v", time.Since(start).Round(time.Millisecond))
		out, what = stdout+stderr, "the Go does not compile: go build -gcflags=-e reports"
	}
	var errs []string
	for line := range strings.Lines(out) {
		if line = strings.TrimRight(line, "\n"); buildErr.MatchString(line) {
			errs = append(errs, line)
		}
	}
	if len(errs) == 0 {
		t.Fatalf("%s's output: go vet: %v\n%s", peer, err, tail(out, 30))
	}
	t.Errorf("%s's output: %s %d errors", peer, what, len(errs))
	logClasses(t, errs, func(e string) string {
		return normalize(buildErr.FindStringSubmatch(e)[4])
	}, func(e string) string { return withSource(mod, e) })
}

// withSource is a compiler message with the line of code it is at.
func withSource(mod, e string) string {
	m := buildErr.FindStringSubmatch(e)
	file := m[1]
	if !filepath.IsAbs(file) {
		file = filepath.Join(mod, file)
	}
	n, _ := strconv.Atoi(m[2])
	data, err := os.ReadFile(file)
	if err != nil {
		return e
	}
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return e
	}
	code := strings.TrimSpace(lines[n-1])
	if len(code) > 160 {
		code = code[:160] + "…"
	}
	return fmt.Sprintf("%s:%s: %s  «%s»", filepath.Base(m[1]), m[2], m[4], code)
}

// peerModule is the module that pins a peer (testdata/peers/NAME).
func peerModule(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "peers", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// tempModule is a new module with a copy of a peer module's go.mod and
// go.sum, and an empty folder api for the peer's output: the output
// builds with the versions the peer module pins, checked against its
// go.sum (a fresh clone downloads them through the module proxy; the
// checksum database is never asked).
func tempModule(t *testing.T, peer string) string {
	t.Helper()
	mod := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(peer, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(mod, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	return mod
}

// peerTool builds a peer with `go tool -n` in its module (from the
// module cache; a fresh clone downloads its modules through the proxy)
// and returns the path of the binary.
func peerTool(t *testing.T, peer, name string) string {
	t.Helper()
	start := time.Now()
	path, stderr, err := goRun(peer, "tool", "-n", name)
	if err != nil {
		msg := fmt.Sprintf("building %s from %s: %v\n%s", name, peer, err, tail(stderr, 10))
		if strings.Contains(stderr, "GOTOOLCHAIN=local") && os.Getenv("CI") != "true" {
			t.Skip(msg + "\n(the peer module's go line needs a newer Go than this one, which GOTOOLCHAIN=local forbids fetching)")
		}
		t.Fatal(msg)
	}
	if d := time.Since(start); d > time.Second {
		t.Logf("built %s in %v", name, d.Round(time.Millisecond))
	}
	return strings.TrimSpace(path)
}

// goRun runs the go command in dir with the module's go.mod and go.sum
// as they are (-mod=readonly: go fails rather than change them or ask the
// checksum database), no workspace, and no VCS stamp (a peer module is
// inside docbind's checkout).
func goRun(dir string, args ...string) (stdout, stderr string, err error) {
	return run(dir, "go", args...)
}

// run runs a command in dir, with goRun's environment.
func run(dir, name string, args ...string) (stdout, stderr string, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly -buildvcs=false")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("… %d lines before", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
