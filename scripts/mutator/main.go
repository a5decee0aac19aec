// Command mutator measures how much of a generated package's behaviour its
// generated tests pin down: it makes single edits (mutants) to the package's
// non-test code (*_gen.go, not *_test.go), runs go test -count=1 ./... on
// each alone, and reports the share the tests notice.
//
// The edits are of the kinds a wrong reading of the docs would make:
//
//	json    a JSON member name in a struct tag: one letter's case changed, or a letter added
//	status  the status a handler answers with: replyTo(w, r, 201) -> 200
//	method  an HTTP method, in new...Request(ctx, "POST", ... or a route pattern "POST /path"
//	path    a literal segment of a route pattern or a client path: "versions" <-> "version"
//	query   a query parameter name in v.Set/v.Get: "$select" <-> "select"
//	header  a header name in setHeader(req, "X", ...) or Header.Set/Get("X"): a letter dropped
//	example the route or method a documented example is served by (or a
//	        template route's pattern, which is spelled alike):
//	        pattern: "POST /drive/root/versions" -> "PUT /drive/root/versions"
//
// A mutant is killed when a test fails, survives when the tests pass, and is
// invalid (not counted) when the package no longer builds or vets. The score
// is killed/(killed+survived). The sample is chosen by -seed, so a seed and
// a generated package give the same mutants and the same report. The tests
// build in a GOCACHE of their own (-gocache to share one), so that a cache
// trimmed by other work cannot fail a build.
//
// Usage (scripts/mutate wraps it and can generate the package first):
//
//	go run ./scripts/mutator [-n 36] [-seed 1] [-j 2] [-kinds json,status] [-list] [-gocache DIR] PACKAGE_DIR
package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// A site is a place in the package's code that one edit of a kind changes.
type site struct {
	file string // base name in the package folder
	line int
	off  int    // byte offset of old in the file
	old  string // the text the edit replaces
	kind string
	text string // the line, trimmed
}

// A mutant is a site with its edit.
type mutant struct {
	site
	new    string
	result string // killed, survived, invalid
	detail string // for killed, the first failing test
}

func (m *mutant) String() string {
	return fmt.Sprintf("%s:%d: %s %q -> %q", m.file, m.line, m.kind, m.old, m.new)
}

var kinds = []string{"json", "status", "method", "path", "query", "header", "example"}

// patterns find sites on one line of code; group 1 is what an edit changes.
var patterns = []struct {
	kind string
	re   *regexp.Regexp
	when *regexp.Regexp // if set, the line must match it
}{
	{"json", regexp.MustCompile(`json:"([^",]+)`), regexp.MustCompile("`")},
	{"status", regexp.MustCompile(`replyTo\(w, r, (\d{3})\)`), nil},
	{"method", regexp.MustCompile(`new\w*Request\(ctx, "([A-Z]+)"`), nil},
	{"method", regexp.MustCompile(`\{pattern: "([A-Z]+) /`), nil},
	{"path", regexp.MustCompile(`\{pattern: "[A-Z]+ (/[^"]*)"`), nil},
	{"path", regexp.MustCompile(`"(/[^"]*)"`), regexp.MustCompile(`new\w*Request\(|\bc\.send\w*\(|^\s*prefix:`)},
	{"query", regexp.MustCompile(`\bv\.(?:Set|Get|Add|Del|Has)\("([^"]+)"`), nil},
	{"header", regexp.MustCompile(`setHeader\(req, "([^"]+)"`), nil},
	{"header", regexp.MustCompile(`Header(?:\(\))?\.(?:Set|Get|Add|Del|Values)\("([^"]+)"`), nil},
	// The route and method a documented example (an exampleCase) is served by.
	{"example", regexp.MustCompile(`^\s*(?:pattern|method):\s+"([A-Z]+(?: /[^"]*)?)"`), nil},
}

// findSites lists the sites of every non-test generated file in dir, in file
// and offset order.
func findSites(dir string) ([]site, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_gen.go"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var sites []site
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		sites = append(sites, fileSites(filepath.Base(path), data)...)
	}
	return sites, nil
}

func fileSites(name string, data []byte) []site {
	var sites []site
	off := 0
	for i, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed != "" && !strings.HasPrefix(trimmed, "//") {
			for _, p := range patterns {
				if p.when != nil && !p.when.MatchString(line) {
					continue
				}
				for _, m := range p.re.FindAllStringSubmatchIndex(line, -1) {
					old := line[m[2]:m[3]]
					if p.kind == "json" && old == "-" || p.kind == "path" && len(literalSegments(old)) == 0 {
						continue
					}
					sites = append(sites, site{file: name, line: i + 1, off: off + m[2], old: old, kind: p.kind, text: trimmed})
				}
			}
		}
		off += len(line)
	}
	slices.SortStableFunc(sites, func(a, b site) int { return cmp.Compare(a.off, b.off) })
	return sites
}

// literalSegments are the indexes of the segments of a path that are neither
// empty nor a {wildcard}.
func literalSegments(path string) []int {
	var idx []int
	for i, s := range strings.Split(path, "/") {
		if s != "" && !strings.Contains(s, "{") {
			idx = append(idx, i)
		}
	}
	return idx
}

// edit picks the replacement of a site's text; rng decides where a kind
// leaves a choice.
func edit(s site, rng *rand.Rand) string {
	switch s.kind {
	case "json":
		var letters []int
		for i, r := range s.old {
			if unicode.IsLetter(r) && r < unicode.MaxASCII {
				letters = append(letters, i)
			}
		}
		if len(letters) > 0 && rng.IntN(2) == 0 {
			i := letters[rng.IntN(len(letters))]
			c := s.old[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			} else {
				c += 'a' - 'A'
			}
			return s.old[:i] + string(c) + s.old[i+1:]
		}
		i := rng.IntN(len(s.old) + 1)
		return s.old[:i] + string(rune('a'+rng.IntN(26))) + s.old[i:]
	case "status":
		if s.old == "200" {
			return "201"
		}
		return "200"
	case "method":
		return cmp.Or(map[string]string{"GET": "POST", "POST": "PUT", "PUT": "POST", "PATCH": "PUT", "DELETE": "POST"}[s.old], "GET")
	case "path":
		segs := strings.Split(s.old, "/")
		idx := literalSegments(s.old)
		i := idx[rng.IntN(len(idx))]
		if seg := segs[i]; len(seg) > 1 && strings.HasSuffix(seg, "s") {
			segs[i] = seg[:len(seg)-1]
		} else {
			segs[i] = seg + "s"
		}
		return strings.Join(segs, "/")
	case "example":
		method, path, _ := strings.Cut(s.old, " ")
		if path == "" || rng.IntN(2) == 0 {
			return strings.TrimSpace(edit(site{kind: "method", old: method}, rng) + " " + path)
		}
		if len(literalSegments(path)) == 0 {
			return s.old + "s"
		}
		return method + " " + edit(site{kind: "path", old: path}, rng)
	case "query":
		if rest, ok := strings.CutPrefix(s.old, "$"); ok {
			return rest
		}
		return "$" + s.old
	case "header":
		var letters []int
		for i, r := range s.old {
			if r != '-' {
				letters = append(letters, i)
			}
		}
		if len(letters) < 2 {
			return s.old + "x"
		}
		i := letters[rng.IntN(len(letters))]
		return s.old[:i] + s.old[i+1:]
	}
	panic("unknown kind " + s.kind)
}

// sample picks n sites at random (all when there are fewer) and their edits,
// in file and line order.
func sample(sites []site, n int, seed uint64) []*mutant {
	rng := rand.New(rand.NewPCG(seed, 0x6d75746174650a))
	idx := make([]int, len(sites))
	for i := range idx {
		idx[i] = i
	}
	n = min(n, len(sites))
	var ms []*mutant
	for i := range n { // a partial Fisher-Yates shuffle
		j := i + rng.IntN(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
		s := sites[idx[i]]
		ms = append(ms, &mutant{site: s, new: edit(s, rng)})
	}
	slices.SortFunc(ms, func(a, b *mutant) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.off, b.off))
	})
	return ms
}

// workspace is a copy of the package in a module of its own path, where
// mutants are applied one at a time and restored.
type workspace struct {
	root, pkg string
	gocache   string // GOCACHE of its go commands, if set
}

// newWorkspace copies the package's files into dir as a module with the
// package's module path, so that tests importing the package still build.
// The generated code imports only the standard library.
func newWorkspace(pkgDir, dir string) (*workspace, error) {
	modFile, modPath, goLine, err := enclosingModule(pkgDir)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(filepath.Dir(modFile), pkgDir)
	if err != nil {
		return nil, err
	}
	w := &workspace{root: dir, pkg: filepath.Join(dir, rel)}
	if err := os.MkdirAll(w.pkg, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+modPath+"\n\n"+goLine+"\n"), 0o644); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(pkgDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			return nil, fmt.Errorf("%s: the package has a subfolder %s: not supported", pkgDir, e.Name())
		}
		data, err := os.ReadFile(filepath.Join(pkgDir, e.Name()))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(w.pkg, e.Name()), data, 0o644); err != nil {
			return nil, err
		}
	}
	return w, nil
}

var (
	moduleLine = regexp.MustCompile(`(?m)^module\s+(\S+)`)
	goLine     = regexp.MustCompile(`(?m)^go\s+\S+`)
)

func enclosingModule(dir string) (file, path, goDirective string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			m := moduleLine.FindSubmatch(data)
			if m == nil {
				return "", "", "", fmt.Errorf("%s: no module line", filepath.Join(d, "go.mod"))
			}
			return filepath.Join(d, "go.mod"), string(m[1]), cmp.Or(string(goLine.Find(data)), "go 1.24"), nil
		}
		if filepath.Dir(d) == d {
			return "", "", "", fmt.Errorf("%s: in no module (no go.mod above it)", dir)
		}
	}
}

// test runs go test -count=1 ./... in the workspace.
func (w *workspace) test(timeout time.Duration) (ok bool, out []byte, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "./...")
	cmd.Dir = w.root
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if w.gocache != "" {
		cmd.Env = append(cmd.Env, "GOCACHE="+w.gocache)
	}
	out, err = cmd.CombinedOutput()
	if ctx.Err() != nil {
		return false, append(out, "\n--- FAIL: timed out\n"...), nil
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return false, out, nil
	}
	return err == nil, out, err
}

var failLine = regexp.MustCompile(`(?m)^\s*--- FAIL: (\S+)|^panic: .*`)

// run applies m alone, tests, and restores the file.
func (w *workspace) run(m *mutant, timeout time.Duration) error {
	path := filepath.Join(w.pkg, m.file)
	orig, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if string(orig[m.off:m.off+len(m.old)]) != m.old {
		return fmt.Errorf("%s: %q is not at offset %d", path, m.old, m.off)
	}
	mutated := slices.Concat(orig[:m.off], []byte(m.new), orig[m.off+len(m.old):])
	if err := os.WriteFile(path, mutated, 0o644); err != nil {
		return err
	}
	var (
		ok  bool
		out []byte
	)
	// A build that fails without naming the mutated file failed for another
	// reason (a build cache trimmed under it): it gets a second try.
	for try := 0; try < 2; try++ {
		ok, out, err = w.test(timeout)
		if err != nil || ok || !buildFailed(out) || bytes.Contains(out, []byte(m.file)) {
			break
		}
	}
	if rerr := os.WriteFile(path, orig, 0o644); rerr != nil && err == nil {
		err = rerr
	}
	if err != nil {
		return err
	}
	switch {
	case ok:
		m.result = "survived"
	case buildFailed(out):
		m.result = "invalid"
		m.detail = firstLine(out)
	default:
		m.result = "killed"
		if f := failLine.Find(out); f != nil {
			m.detail = strings.TrimSpace(string(f))
		}
	}
	return nil
}

func buildFailed(out []byte) bool {
	return bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]"))
}

func firstLine(out []byte) string {
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return ""
}

func main() {
	if err := mainErr(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mutator:", err)
		os.Exit(1)
	}
}

func mainErr(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("mutator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 36, "how many mutants to run")
	seed := fs.Uint64("seed", 1, "seed of the random choice of mutants and edits")
	jobs := fs.Int("j", 2, "how many mutants to test at once")
	kindList := fs.String("kinds", strings.Join(kinds, ","), "kinds of edit to choose from, comma-separated")
	list := fs.Bool("list", false, "print the chosen mutants and run nothing")
	timeout := fs.Duration("timeout", 10*time.Minute, "time limit of one go test; a mutant that reaches it is killed")
	gocache := fs.String("gocache", "", "GOCACHE of the tests (default a fresh one, removed at the end, so that nothing else trims it mid-run)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: mutator [flags] PACKAGE_DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("want one package folder")
	}
	pkgDir, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return err
	}
	want := strings.Split(*kindList, ",")
	for _, k := range want {
		if !slices.Contains(kinds, k) {
			return fmt.Errorf("unknown kind %q (kinds: %s)", k, strings.Join(kinds, ", "))
		}
	}
	all, err := findSites(pkgDir)
	if err != nil {
		return err
	}
	sites := slices.DeleteFunc(all, func(s site) bool { return !slices.Contains(want, s.kind) })
	if len(sites) == 0 {
		return fmt.Errorf("%s: no sites to mutate (is it a generated package?)", pkgDir)
	}
	count := map[string]int{}
	for _, s := range sites {
		count[s.kind]++
	}
	var counts []string
	for _, k := range kinds {
		if count[k] > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", k, count[k]))
		}
	}
	fmt.Fprintf(stdout, "%s: %d sites (%s)\n", pkgDir, len(sites), strings.Join(counts, ", "))
	ms := sample(sites, *n, *seed)
	fmt.Fprintf(stdout, "seed %d: %d mutants\n", *seed, len(ms))
	if *list {
		for _, m := range ms {
			fmt.Fprintf(stdout, "  %s\n", m)
		}
		return nil
	}

	tmp, err := os.MkdirTemp("", "mutator")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *gocache == "" {
		*gocache = filepath.Join(tmp, "gocache")
	}
	j := max(1, min(*jobs, len(ms)))
	spaces := make([]*workspace, j)
	for i := range spaces {
		if spaces[i], err = newWorkspace(pkgDir, filepath.Join(tmp, fmt.Sprint(i))); err != nil {
			return err
		}
		spaces[i].gocache = *gocache
	}
	start := time.Now()
	ok, out, err := spaces[0].test(*timeout)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the unmutated package fails its tests:\n%s", out)
	}
	fmt.Fprintf(stdout, "unmutated: tests pass (%.1fs, with the standard library when GOCACHE is fresh)\n", time.Since(start).Seconds())

	next := make(chan *mutant)
	var (
		mu    sync.Mutex
		done  int
		first error
		wg    sync.WaitGroup
	)
	for _, w := range spaces {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range next {
				err := w.run(m, *timeout)
				mu.Lock()
				done++
				if err != nil {
					first = cmp.Or(first, err)
				} else {
					fmt.Fprintf(stderr, "[%d/%d] %-8s %s", done, len(ms), m.result, m)
					if m.detail != "" {
						fmt.Fprintf(stderr, " (%s)", m.detail)
					}
					fmt.Fprintln(stderr)
				}
				mu.Unlock()
			}
		}()
	}
	for _, m := range ms {
		next <- m
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	report(stdout, ms)
	fmt.Fprintf(stdout, "(%d mutants in %.0fs, %d at once)\n", len(ms), time.Since(start).Seconds(), j)
	return nil
}

// report prints the score, the score of each kind, then every survivor and
// invalid mutant.
func report(w io.Writer, ms []*mutant) {
	type tally struct{ killed, survived, invalid int }
	byKind := map[string]*tally{}
	var all tally
	for _, m := range ms {
		t := byKind[m.kind]
		if t == nil {
			t = &tally{}
			byKind[m.kind] = t
		}
		for _, t := range []*tally{t, &all} {
			switch m.result {
			case "killed":
				t.killed++
			case "survived":
				t.survived++
			default:
				t.invalid++
			}
		}
	}
	score := func(t *tally) string {
		if t.killed+t.survived == 0 {
			return "no valid mutants"
		}
		s := fmt.Sprintf("%d/%d killed (%.0f%%)", t.killed, t.killed+t.survived, 100*float64(t.killed)/float64(t.killed+t.survived))
		if t.invalid > 0 {
			s += fmt.Sprintf(", %d invalid", t.invalid)
		}
		return s
	}
	fmt.Fprintf(w, "score: %s\n", score(&all))
	for _, k := range kinds {
		if t := byKind[k]; t != nil {
			fmt.Fprintf(w, "  %-7s %s\n", k, score(t))
		}
	}
	for _, res := range []string{"survived", "invalid"} {
		var lines []string
		for _, m := range ms {
			if m.result == res {
				line := "  " + m.String() + "\n      " + m.text
				if m.detail != "" {
					line += "\n      " + m.detail
				}
				lines = append(lines, line)
			}
		}
		if len(lines) > 0 {
			fmt.Fprintf(w, "%s:\n%s\n", res, strings.Join(lines, "\n"))
		}
	}
}
