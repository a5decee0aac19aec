package generator

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/templates"
)

// corpusDir is the OneDrive docs corpus in ../shared, which a fresh clone
// does not have: tests that need it skip there, but never in CI.
func corpusDir(tb testing.TB) string { return sharedCorpus(tb, "onedrive") }

// graphDir is the Microsoft Graph v1.0 reference in ../shared.
func graphDir(tb testing.TB) string { return sharedCorpus(tb, "graph-v1.0") }

func sharedCorpus(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", name)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true but the %s corpus is missing at %s: %v", name, dir, err)
		}
		tb.Skipf("the %s corpus is not at %s (it is in ../shared on the team's machines and in CI)", name, dir)
	}
	return dir
}

func generateCorpus(tb testing.TB) *Result {
	tb.Helper()
	res, err := Generate(os.DirFS(corpusDir(tb)), Options{DocsLabel: "onedrive", Package: "onedrive"})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestCorpus generates the OneDrive corpus as a user would, into a module
// of its own, and checks it: every resource page's type is a model, go vet
// and staticcheck are clean, the generated tests pass, and every
// documented request example is a passing subtest.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests the generated corpus package; skipped with -short")
	}
	res := generateCorpus(t)
	checkResourceModels(t, res)
	checkNothingLeftOut(t, res)
	dir := writeModule(t, "onedrive", res.Files)
	for _, args := range [][]string{{"vet", "./..."}} {
		if out, err := goCmd(dir, args...); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	checkExamplesPass(t, dir, res, corpusDir(t), "onedrive", 1.0)
	checkUnimplementedFails(t, dir, "onedrive")
}

var corpusStaticcheck = flag.Bool("corpus.staticcheck", false, "TestCorpusStaticcheck: run staticcheck on the generated OneDrive package")

// TestCorpusStaticcheck runs staticcheck on the generated OneDrive package.
// It needs -corpus.staticcheck, which .ci/run sets after its own
// staticcheck step has built the tool: building it on a fresh machine
// takes over a minute, most of a first go test ./....
func TestCorpusStaticcheck(t *testing.T) {
	if !*corpusStaticcheck {
		t.Skip("runs staticcheck on the generated OneDrive package only with -corpus.staticcheck (.ci/run sets it)")
	}
	res := generateCorpus(t)
	runStaticcheck(t, writeModule(t, "onedrive", res.Files))
}

// checkNothingLeftOut requires that no page needed the type-check safety
// net: the corpus compiles by docbind's construction.
func checkNothingLeftOut(t *testing.T, res *Result) {
	t.Helper()
	for _, d := range res.Diags {
		if d.Code == diag.PageLeftOut {
			t.Errorf("a page was left out: %s", d)
		}
	}
}

// checkExamplesPass runs the generated tests and requires them to pass
// (a generated test that fails is a docbind bug: what docbind can see
// failing it models right or skips with a diagnostic), at most maxSkipped
// of the example subtests to be skipped, each naming its diagnostic, at
// least the share want of the distinct documented example names to be
// passing subtests, and a diagnostic to explain each one that is not.
func checkExamplesPass(t *testing.T, dir string, res *Result, docs, label string, want float64) {
	t.Helper()
	writeCheckTests(t, filepath.Join(dir, label), label, res)
	out, err := goCmd(dir, "test", "-count=1", "-vet=off", "-v", "./...") // its callers run go vet
	passed, faked := passedSubtests(out, "examples"), passedSubtests(out, "fake")
	if err != nil {
		t.Errorf("go test of the generated package: %v\n%s", err, failures(out))
	}
	t.Logf("CheckHandler against NewExampleHandler: %d examples conform, %d skipped", strings.Count(out, "--- PASS: TestCheckFake/"), strings.Count(out, "--- SKIP: TestCheckFake/"))
	checkSkips(t, out, len(passed))
	var missing []string
	names := map[string]bool{}
	for _, r := range requestBlocks(t, docs) {
		if names[r.name] {
			continue
		}
		names[r.name] = true
		if !passed[r.name] {
			missing = append(missing, r.name)
			if !explained(res, r, label) {
				t.Logf("example %q (%s) is not a passing subtest and no diagnostic says why", r.name, r.pos)
			}
		}
	}
	ratio := float64(len(names)-len(missing)) / float64(len(names))
	t.Logf("%d of %d documented example names are passing subtests (%.1f%%); the rest: %v", len(names)-len(missing), len(names), 100*ratio, missing)
	checkFakeAnswers(t, passed, faked)
	if ratio < want {
		t.Errorf("%.1f%% of the examples pass, want at least %.1f%%\n%s", 100*ratio, 100*want, failures(out))
	}
	var plainMissing []string
	plain := plainPairs(t, docs)
	for _, name := range plain {
		if !passed[name] {
			plainMissing = append(plainMissing, name)
		}
	}
	if len(plain) > 0 {
		ratio := float64(len(plain)-len(plainMissing)) / float64(len(plain))
		t.Logf("%d of %d plain (unannotated) example pairs are passing subtests (%.1f%%); the rest: %v", len(plain)-len(plainMissing), len(plain), 100*ratio, plainMissing)
		if ratio < 0.9 {
			t.Errorf("%.1f%% of the plain example pairs pass, want at least 90%%", 100*ratio)
		}
	}
}

// writeCheckTests adds to a generated package the tests a team that
// implements its Server writes: CheckHandler against the fake must pass,
// but for the examples on pages where the docs' own example shows an
// enum value its table does not list (DB307), which the fake answers as
// shown; against Unimplemented, run by checkUnimplementedFails, it must
// fail.
func writeCheckTests(t *testing.T, dir, pkg string, res *Result) {
	t.Helper()
	unlisted := map[string]bool{}
	for _, d := range res.Diags {
		if d.Code == diag.UnlistedEnumValue {
			unlisted[d.Pos.File] = true
		}
	}
	var skip []string
	for _, op := range res.API.Operations {
		for _, ex := range op.Examples {
			if unlisted[ex.Source.File] {
				skip = append(skip, strconv.Quote(ex.Name))
			}
		}
	}
	src := "package " + pkg + "\n\n" + `import (
	"os"
	"testing"
)

func TestCheckFake(t *testing.T) {
	CheckHandler(t, NewExampleHandler(), CheckSkip(` + strings.Join(skip, ", ") + `))
}

func TestCheckUnimplemented(t *testing.T) {
	if os.Getenv("DOCBIND_CHECK_UNIMPLEMENTED") == "" {
		t.Skip("checkUnimplementedFails runs it, expecting it to fail")
	}
	CheckHandler(t, NewHandler(Unimplemented{}))
}
`
	if err := os.WriteFile(filepath.Join(dir, "check_docs_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkUnimplementedFails runs CheckHandler against NewHandler of
// Unimplemented (writeCheckTests's TestCheckUnimplemented) and requires
// every example the handler serves to fail with the 501 it answers, and
// the others to be skipped.
func checkUnimplementedFails(t *testing.T, dir, pkg string) {
	t.Helper()
	cmd := exec.Command("go", "test", "-count=1", "-vet=off", "-v", "-run", "^TestCheckUnimplemented$", "./"+pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "DOCBIND_CHECK_UNIMPLEMENTED=1")
	out, _ := cmd.CombinedOutput()
	failed := strings.Count(string(out), "--- FAIL: TestCheckUnimplemented/")
	skipped := strings.Count(string(out), "--- SKIP: TestCheckUnimplemented/")
	answered := strings.Count(string(out), "the service answered 501")
	t.Logf("CheckHandler against Unimplemented: %d examples fail with 501, %d skipped (served as no operation)", failed, skipped)
	if failed == 0 || answered != failed || strings.Contains(string(out), "--- PASS: TestCheckUnimplemented/") {
		t.Errorf("CheckHandler against Unimplemented: %d examples failed, %d of them with 501; want every one:\n%s", failed, answered, out)
	}
}

// plainPairs names the plain example pairs of the corpus as docbind must:
// a fence without annotation whose first line is "METHOD URL" and the
// next plain fence, "HTTP/x STATUS", outside "HTTP request", named after
// the page's file, then <stem>_2, <stem>_3. It is counted here apart from
// the model's reader, so that a pair the reader misses counts against it.
func plainPairs(t *testing.T, dir string) []string {
	var names []string
	walkPages(t, dir, func(page *docparse.Page) {
		stem := strings.TrimSuffix(filepath.Base(page.Path), ".md")
		count, pending := 0, false
		for _, b := range page.Plain {
			if docparse.InSection(b.Heading, b.HeadingAnchors, "http request") {
				continue
			}
			first := strings.Fields(strings.TrimSpace(b.Code) + " ")
			switch {
			case len(first) >= 2 && strings.HasPrefix(strings.ToUpper(first[0]), "HTTP/") && pending:
				count++
				name := stem
				if count > 1 {
					name = fmt.Sprintf("%s_%d", stem, count)
				}
				names = append(names, name)
				pending = false
			case len(first) >= 2 && (strings.HasPrefix(first[1], "/") || strings.Contains(first[1], "://")) && slices.Contains([]string{"GET", "POST", "PUT", "PATCH", "DELETE"}, strings.ToUpper(first[0])):
				pending = true
			}
		}
	})
	return names
}

// graphFull builds, vets and tests the whole Graph package, which takes
// minutes: .ci/run sets it. Without it TestGraphCorpus generates and
// type-checks the package.
var graphFull = flag.Bool("graph.full", false, "TestGraphCorpus: also vet the generated Graph package and run its tests")

// checkGofmtClean fails on a generated file that gofmt would change:
// formatting once is not always enough (gofmt re-indents the lines of a
// block comment on every pass), and users' CI runs gofmt -l.
func checkGofmtClean(t *testing.T, files []templates.File) {
	t.Helper()
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		formatted, err := format.Source(f.Content)
		if err != nil || !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt-clean (err %v)", f.Name, err)
		}
	}
}

// TestGraphCorpus generates the Microsoft Graph v1.0 reference: 3,341
// pages by many hands. Every page must generate (none left out by the
// type-check safety net); with -graph.full the package must vet cleanly
// and at least 97% of its 1,449 example names be passing subtests.
func TestGraphCorpus(t *testing.T) {
	// Most of its time with -graph.full is the go command building the
	// package; TestCacheSound, which .ci/run runs beside it, fills the gaps.
	t.Parallel()
	res, err := Generate(os.DirFS(graphDir(t)), Options{DocsLabel: "graph", Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	checkNothingLeftOut(t, res)
	checkGofmtClean(t, res.Files)
	if !*graphFull {
		return
	}
	dir := writeModule(t, "graph", res.Files)
	if out, err := goCmd(dir, "vet", "./..."); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	checkExamplesPass(t, dir, res, graphDir(t), "graph", 0.997)
}

func checkResourceModels(t *testing.T, res *Result) {
	documented := resourceTypes(t, corpusDir(t))
	generated := map[string]bool{}
	for _, ty := range res.API.Types {
		generated[strings.ToLower(ty.ODataType)] = true
	}
	for _, odata := range documented {
		if !generated[strings.ToLower(odata)] {
			t.Errorf("resource type %s has no model", odata)
		}
	}
	if len(documented) < 75 {
		t.Errorf("only %d resource types found in the corpus", len(documented))
	}
}

// runStaticcheck runs the staticcheck this module pins as a tool on the
// generated module.
func runStaticcheck(t *testing.T, dir string) {
	path, err := exec.Command("go", "tool", "-n", "staticcheck").Output()
	if err != nil {
		t.Fatalf("staticcheck is not available as a tool of this module: %v", err)
	}
	cmd := exec.Command(strings.TrimSpace(string(path)), "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("staticcheck: %v\n%s", err, out)
	}
}

// maxSkipped is the share of example subtests a corpus may skip.
const maxSkipped = 0.005

var skipLine = regexp.MustCompile(`(?m)^\s*--- SKIP: (Test\w+/(?:examples|fake)/\S+) .*\n\s*(.*)$`)

// checkSkips lists the skipped example subtests with their reasons, which
// must name a diagnostic code, and bounds their number.
func checkSkips(t *testing.T, out string, passed int) {
	t.Helper()
	skips := skipLine.FindAllStringSubmatch(out, -1)
	for _, m := range skips {
		t.Logf("skipped %s: %s", m[1], m[2])
		if !diagCode.MatchString(m[2]) {
			t.Errorf("%s is skipped without naming its diagnostic: %s", m[1], m[2])
		}
	}
	t.Logf("%d example and fake subtests skipped, %d example subtests pass", len(skips), passed)
	if float64(len(skips)) > maxSkipped*float64(passed+len(skips)) {
		t.Errorf("%d example subtests are skipped, more than %.1f%%", len(skips), 100*maxSkipped)
	}
}

var diagCode = regexp.MustCompile(`\bDB\d{3}\b`)

var passLine = regexp.MustCompile(`(?m)^\s*--- PASS: Test\w+/(examples|fake)/(\S+)`)

// passedSubtests are the example subtests of a group ("examples", the
// generated tests of the examples, or "fake", NewExampleHandler's answers
// to them) that go test -v reports passing, by name (go test writes
// spaces in names as underscores).
func passedSubtests(out, group string) map[string]bool {
	passed := map[string]bool{}
	for _, m := range passLine.FindAllStringSubmatch(out, -1) {
		if m[1] == group {
			passed[m[2]] = true
		}
	}
	return passed
}

// checkFakeAnswers requires the fake to answer correctly every example
// whose generated test passes, and reports both counts.
func checkFakeAnswers(t *testing.T, passed, faked map[string]bool) {
	t.Helper()
	var unanswered []string
	for _, name := range slices.Sorted(maps.Keys(passed)) {
		if !faked[name] {
			unanswered = append(unanswered, name)
		}
	}
	t.Logf("the fake answers %d of the %d example names whose generated test passes", len(passed)-len(unanswered), len(passed))
	if len(unanswered) > 0 {
		t.Errorf("the fake does not answer these examples, whose generated tests pass: %v", unanswered)
	}
}

func failures(out string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "FAIL") || strings.Contains(l, "_test.go:") || strings.Contains(l, "panic") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

type requestBlock struct {
	name string
	pos  diag.Pos
}

// requestBlocks lists every request example of the corpus, as go test
// names its subtest.
func requestBlocks(t *testing.T, dir string) []requestBlock {
	var blocks []requestBlock
	walkPages(t, dir, func(page *docparse.Page) {
		for _, b := range page.Blocks {
			if b.Annotation.BlockType == docparse.Request && len(b.Annotation.Names) > 0 {
				blocks = append(blocks, requestBlock{name: strings.ReplaceAll(b.Annotation.Names[0], " ", "_"), pos: b.AnnotationPos})
			}
		}
	})
	return blocks
}

// explained reports whether a diagnostic names the example or sits at it.
func explained(res *Result, r requestBlock, label string) bool {
	for _, d := range res.Diags {
		if strings.Contains(d.Message, strconv.Quote(r.name)) || d.Pos.Line == r.pos.Line && strings.HasSuffix(r.pos.File, strings.TrimPrefix(d.Pos.File, label+"/")) {
			return true
		}
	}
	return false
}

func walkPages(t *testing.T, dir string, visit func(*docparse.Page)) {
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		page, _ := docparse.Parse(path, src)
		visit(page)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// resourceTypes lists the OData types of every resource block in dir.
func resourceTypes(t *testing.T, dir string) []string {
	var types []string
	walkPages(t, dir, func(page *docparse.Page) {
		for _, b := range page.Blocks {
			if b.Annotation.BlockType == docparse.Resource && b.Annotation.ODataType != "" {
				types = append(types, b.Annotation.ODataType)
			}
		}
	})
	return types
}

// corpusFS loads the corpus into memory, so a test can edit a page.
func corpusFS(t *testing.T) fstest.MapFS { return folderFS(t, corpusDir(t)) }

// graphFS loads the Graph corpus into memory.
func graphFS(t *testing.T) fstest.MapFS { return folderFS(t, graphDir(t)) }

// folderFS loads a folder into memory.
func folderFS(t testing.TB, dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestCorpusSmallDiffs edits one page of the corpus and checks that only
// the files generated from that page change.
func TestCorpusSmallDiffs(t *testing.T) {
	tests := []struct {
		page, old, new string
		want           []string
	}{
		{"api/driveitem_get.md", `"name": "OneDrive"`, `"name": "MyDrive"`, []string{"api_driveitem_get_gen.go"}},
		{"resources/driveitem.md", "Audio metadata, if the item is an audio file.", "Audio metadata, when the item is an audio file.", []string{"resources_driveitem_gen.go"}},
	}
	fsys := corpusFS(t)
	opt := Options{DocsLabel: "onedrive", Package: "onedrive"}
	before, err := Generate(fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			edited := maps.Clone(fsys)
			src := string(fsys[tt.page].Data)
			if !strings.Contains(src, tt.old) {
				t.Fatalf("%s does not contain %q", tt.page, tt.old)
			}
			edited[tt.page] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.old, tt.new, 1))}
			after, err := Generate(edited, opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := changedFiles(before.Files, after.Files); !slices.Equal(got, tt.want) {
				t.Errorf("editing %s changed %v, want %v", tt.page, got, tt.want)
			}
		})
	}
}

func changedFiles(a, b []templates.File) []string {
	old := map[string][]byte{}
	for _, f := range a {
		old[f.Name] = f.Content
	}
	var changed []string
	for _, f := range b {
		if !bytes.Equal(old[f.Name], f.Content) {
			changed = append(changed, f.Name)
		}
		delete(old, f.Name)
	}
	for name := range old {
		changed = append(changed, name)
	}
	slices.Sort(changed)
	return changed
}
