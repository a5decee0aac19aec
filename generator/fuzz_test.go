package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/gocheck"
	"github.com/docbind/docbind/generator/model"
)

// FuzzGeneratePage runs the whole pipeline on one page: it must either
// return an error or produce a package that type-checks, without leaving
// any page out (checkTypeChecks). Besides the case pages and folders of
// unusual docs joined into one page here, its seeds are the OneDrive
// corpus pages in testdata/fuzz (TestWriteFuzzSeeds) and every failure
// found.
func FuzzGeneratePage(f *testing.F) {
	seeds := []string{"../docs/create-version.md"}
	for _, glob := range []string{"testdata/cases/*/docs/*.md", "testdata/cases/*/docs/*/*.md"} {
		more, _ := filepath.Glob(glob)
		seeds = append(seeds, more...)
	}
	for _, p := range seeds {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	// Folders of unusual docs (unusualDocs), each joined into one page.
	for i := range 16 {
		docs := unusualSeed(i)
		var page []byte
		for _, name := range sortedKeys(docs) {
			page = append(append(page, docs[name].Data...), '\n')
		}
		f.Add(page)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkTypeChecks(t, fstest.MapFS{"page.md": {Data: page}}, true)
	})
}

// checkTypeChecks is the property of the whole-pipeline fuzzers: Generate
// either fails on the docs (with no page left out for not compiling), or
// returns a package that type-checks. A DB507 (a page left out because its
// code does not compile) is the safety net working: acceptable to a user,
// but a bug in docbind that the fuzzers are here to find; so is DB506.
// With skipKnown, it skips the inputs of the known failure classes
// (knownFailures). It reports whether a package was generated.
func checkTypeChecks(t *testing.T, docs fstest.MapFS, skipKnown bool) bool {
	t.Helper()
	return checkTypeChecksWith(t, docs, model.Config{}, skipKnown)
}

// checkTypeChecksWith is checkTypeChecks with docbind.json's renames.
func checkTypeChecksWith(t *testing.T, docs fstest.MapFS, cfg model.Config, skipKnown bool) bool {
	t.Helper()
	res, err := Generate(docs, Options{DocsLabel: "docs", Package: "p", Model: cfg})
	if res != nil {
		for _, d := range res.Diags {
			if d.Code == diag.PageLeftOut || d.Code == diag.InternalError {
				if skipKnown && skipKnownFailure(d) {
					t.Skipf("a known failure (TODO in knownFailures): %s", clipped(d.String()))
				}
				t.Fatalf("%s\n%s%s", clipped(d.String()), renamesText(cfg), docsText(docs))
			}
		}
	}
	if err != nil {
		return false
	}
	errs, err := gocheck.Check("p", res.Files)
	if errors.Is(err, gocheck.ErrUnavailable) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatalf("generated code does not parse: %v\n%s%s", err, renamesText(cfg), docsText(docs))
	}
	if len(errs) > 0 {
		t.Fatalf("generated code does not type-check: %s\n%s%s", errs[0], renamesText(cfg), docsText(docs))
	}
	return true
}

// knownFailure is a class of failures the fuzzers found, reported and not
// fixed yet. While it is listed, checkTypeChecks skips the inputs whose
// DB506/DB507 message has one of its messages, and unusualDocs steers
// clear of it, so that fuzzing goes on to find other classes.
type knownFailure struct {
	class    string   // its name, which unusualDocs asks avoids about
	messages []string // substrings of its DB506/DB507 messages
}

// knownFailures: TODO remove each entry once its class is fixed; its seeds
// in testdata/fuzz/FuzzGeneratePage (repro-<class>-*) and its repros in
// TestFailureRepros then check the fix (go test ./generator -run
// TestFailureRepros -unusual.known runs them all now).
var knownFailures = []knownFailure{
	// Fixed in d478000, found by these fuzzers (their repros stay in
	// TestFailureRepros and testdata/fuzz/FuzzGeneratePage/repro-*):
	// body-bytes, duplicate-header-row, body-parameter,
	// duplicate-enum-value, duplicate-json-key,
	// operation-named-unimplemented.

	// None now: every class found so far is fixed, and its seeds are tests.
}

func skipKnownFailure(d diag.Diagnostic) bool {
	for _, k := range knownFailures {
		for _, m := range k.messages {
			if strings.Contains(d.Message, m) {
				return true
			}
		}
	}
	return false
}

// avoids reports whether unusualDocs is to steer clear of a known class.
func avoids(class string) bool {
	return slices.ContainsFunc(knownFailures, func(k knownFailure) bool { return k.class == class })
}

// clipped shortens a DB506 message, which quotes the whole generated file.
func clipped(s string) string {
	const max = 2000
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}

// renamesText shows docbind.json's renames, if any.
func renamesText(cfg model.Config) string {
	if len(cfg.TypeNames) == 0 && len(cfg.OperationNames) == 0 {
		return ""
	}
	return fmt.Sprintf("==> docbind.json <==\n{\"types\": %q, \"operations\": %q}\n", cfg.TypeNames, cfg.OperationNames)
}

// docsText shows the docs that failed, page by page.
func docsText(docs fstest.MapFS) string {
	var b strings.Builder
	for _, name := range sortedKeys(docs) {
		b.WriteString("==> " + name + " <==\n")
		b.Write(docs[name].Data)
		b.WriteString("\n")
	}
	return b.String()
}

func sortedKeys(docs fstest.MapFS) []string {
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
