package generator

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/model"
)

// buildModel parses and builds sources into the API model, without
// rendering: what the naming tests look at.
func buildModel(tb testing.TB, sources []Source, label string) (*model.API, diag.List) {
	tb.Helper()
	pages, diags := parsePages(sources, label)
	api, more := model.Build(pages, model.Config{DocsLabel: label})
	return api, append(diags, more...)
}

func graphSources(tb testing.TB) []Source {
	tb.Helper()
	sources, err := ReadSources(os.DirFS(graphDir(tb)), Options{DocsLabel: "graph"})
	if err != nil {
		tb.Fatal(err)
	}
	return sources
}

var hexRun = regexp.MustCompile(`[0-9A-Fa-f]{8,}`)

// carriesValue reports a name with a run of 8 or more hex digits, some of
// them digits: a GUID or id copied from an example ("Feedback" is hex
// letters only).
func carriesValue(name string) bool {
	for _, run := range hexRun.FindAllString(name, -1) {
		if strings.ContainsAny(run, "0123456789") {
			return true
		}
	}
	return false
}

// TestGraphNames checks the names of the Graph corpus against what a Go
// programmer would guess: GET /users is ListUsers, GET /me is a variant
// of GetUser named GetMe, no name carries a number that only tells it from another or
// a documented example value, and client methods are short.
func TestGraphNames(t *testing.T) {
	api, diags := buildModel(t, graphSources(t), "graph")
	for _, d := range diags {
		if d.Code == diag.NameNumbered {
			t.Errorf("a number tells names apart: %s", d)
		}
	}
	methodOf := map[string]string{}
	var lengths []int
	var methods []string
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			methods = append(methods, v.ClientMethod)
			methodOf[v.Pattern] = v.QualifiedMethod()
			lengths = append(lengths, len(v.ClientMethod))
			if carriesValue(v.ClientMethod) {
				t.Errorf("%s (%s) carries an example value", v.ClientMethod, v.Pattern)
			}
			if len(v.ClientMethod) > 60 {
				t.Errorf("%s (%s) is longer than 60 characters", v.ClientMethod, v.Pattern)
			}
		}
	}
	for pattern, want := range map[string]string{"GET /users": "ListUsers", "GET /me": "GetMe", "GET /users/{userID}": "GetUser"} {
		if got := methodOf[pattern]; got != want {
			t.Errorf("%s is %q, want %q", pattern, got, want)
		}
	}
	for _, ty := range api.Types {
		for _, f := range ty.Fields {
			if carriesValue(f.Name) {
				t.Errorf("field %s.%s carries an example value", ty.Name, f.Name)
			}
		}
		if carriesValue(ty.Name) {
			t.Errorf("type %s carries an example value", ty.Name)
		}
	}
	slices.SortStableFunc(methods, func(a, b string) int { return len(b) - len(a) })
	t.Logf("the 20 longest: %s", strings.Join(methods[:min(20, len(methods))], ", "))
	slices.Sort(lengths)
	median := lengths[len(lengths)/2]
	t.Logf("%d client methods: median %d characters, longest %d", len(lengths), median, lengths[len(lengths)-1])
	if median > 25 {
		t.Errorf("median client method name is %d characters, want at most 25", median)
	}
}

// TestGraphNamesStable generates the Graph corpus twice, once with 50
// pages left out at random, and requires that every operation and type in
// both runs keeps its name, except where a left-out page documented the
// other half of a name collision: at most 1% of names.
func TestGraphNamesStable(t *testing.T) {
	sources := graphSources(t)
	rng := rand.New(rand.NewPCG(11, uint64(len(sources))))
	left := map[int]bool{}
	for len(left) < 50 {
		left[rng.IntN(len(sources))] = true
	}
	var fewer []Source
	for i, s := range sources {
		if !left[i] {
			fewer = append(fewer, s)
		}
	}
	all, _ := buildModel(t, sources, "graph")
	some, _ := buildModel(t, fewer, "graph")
	before, after := modelNames(all), modelNames(some)
	var renamed []string
	common := 0
	for _, key := range sortedNameKeys(before) {
		if now, ok := after[key]; ok {
			common++
			if now != before[key] {
				renamed = append(renamed, fmt.Sprintf("%s: %s -> %s", key, before[key], now))
			}
		}
	}
	t.Logf("%d names in both runs, %d renamed:\n%s", common, len(renamed), strings.Join(renamed, "\n"))
	if len(renamed)*100 > common {
		t.Errorf("%d of %d names changed when 50 pages were left out; want at most 1%%", len(renamed), common)
	}
}

// modelNames are the names of a model's client methods, keyed by their
// method and URL, and of its documented types, keyed by OData name.
func modelNames(api *model.API) map[string]string {
	names := map[string]string{}
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			names[v.Pattern] = v.QualifiedMethod()
		}
	}
	for _, ty := range api.Types {
		if ty.ODataType != "" {
			names[ty.ODataType] = ty.Name
		}
	}
	return names
}

func sortedNameKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

// translations are headings as a translated edition writes them: the
// English anchor kept, the text translated.
var translations = []struct{ lang, prefix string }{
	{"Chinese", "列出"},
	{"Japanese", "取得する"},
	{"German", "Übersicht über"},
}

var headingRE = regexp.MustCompile(`(?m)^(#{1,6})[ \t]+(.+?)[ \t]*$`)
var tableHeaderRE = regexp.MustCompile(`(?m)^(\|[^\n]*\|)\n(\|[ :|-]+\|)$`)

// translate rewrites a page as a translated edition does: every heading
// gets its English slug as an anchor and a translated text, table header
// rows and prose are translated; code blocks, annotations, paths and
// member names stay English.
func translate(page, prefix string) string {
	var out strings.Builder
	inCode, inComment := false, false
	for _, line := range strings.SplitAfter(page, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inCode = !inCode
		}
		wasComment := inComment
		if strings.Contains(trimmed, "<!--") {
			inComment = true
		}
		if strings.Contains(trimmed, "-->") {
			inComment, wasComment = false, true
		}
		switch {
		case inCode || inComment || wasComment || strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "<!--") || strings.HasPrefix(trimmed, "|") || strings.HasPrefix(trimmed, "---"):
			out.WriteString(line)
		case headingRE.MatchString(trimmed):
			m := headingRE.FindStringSubmatch(trimmed)
			fmt.Fprintf(&out, "%s <a name=%q></a>%s%s\n", m[1], slug(m[2]), prefix, strings.Repeat("の", len(m[2])%5+1))
		case trimmed != "" && !strings.Contains(trimmed, ":") && !strings.HasPrefix(trimmed, "[") && !strings.HasPrefix(trimmed, "-"):
			out.WriteString(prefix + " 本文。\n")
		default:
			out.WriteString(line)
		}
	}
	return tableHeaderRE.ReplaceAllStringFunc(out.String(), func(s string) string {
		rows := strings.SplitN(s, "\n", 2)
		cells := strings.Count(rows[0], "|") - 1
		return "|" + strings.Repeat(" 列 |", cells) + "\n" + rows[1]
	})
}

// slug is a heading's anchor as the docs' tooling writes it.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// TestTranslatedPagesKeepNames translates a handful of corpus pages as
// translated editions do and requires the same Go names as the originals,
// all of them ASCII.
func TestTranslatedPagesKeepNames(t *testing.T) {
	var picked []Source
	for _, s := range graphSources(t) {
		switch s.Path {
		case "api/user-list.md", "api/user-get.md", "api/driveitem-get.md", "api/event-get.md", "api/group-list-members.md",
			"api/intune-devices-manageddevice-get.md", "resources/user.md", "resources/driveitem.md", "api/driveitem-list-children.md":
			picked = append(picked, s)
		}
	}
	if len(picked) < 8 {
		t.Fatalf("found %d of the pages to translate", len(picked))
	}
	original, _ := buildModel(t, picked, "graph")
	want := modelNames(original)
	for _, tr := range translations {
		var translated []Source
		for _, s := range picked {
			translated = append(translated, Source{Path: s.Path, Data: []byte(translate(string(s.Data), tr.prefix))})
		}
		api, _ := buildModel(t, translated, "graph")
		got := modelNames(api)
		for _, key := range sortedNameKeys(want) {
			if got[key] != want[key] {
				t.Errorf("%s: %s is %q in translation, %q in English", tr.lang, key, got[key], want[key])
			}
		}
		for _, key := range sortedNameKeys(got) {
			if strings.IndexFunc(got[key], func(r rune) bool { return r > 127 }) >= 0 {
				t.Errorf("%s: %s is named %q, not ASCII", tr.lang, key, got[key])
			}
		}
	}
}

// TestGraphTypedResults requires that a client method returns only error
// only where its docs show no successful response body: every example of
// such an operation with a body is an error, except those the docs
// annotate as empty (get-delta-latest's "isEmpty").
func TestGraphTypedResults(t *testing.T) {
	api, _ := buildModel(t, graphSources(t), "graph")
	untyped := 0
	for _, op := range api.Operations {
		if op.Result.Kind != model.ResultNone {
			continue
		}
		untyped++
		for _, ex := range op.Examples {
			if ex.ResponseBody != "" && !ex.IsError && ex.Name != "get-delta-latest" {
				t.Errorf("%s (%s) returns only error, but example %s shows a %d response with a body", op.Name, op.Source, ex.Name, ex.Status)
			}
		}
	}
	t.Logf("%d of %d operations return only error; none shows a successful response body", untyped, len(api.Operations))
}
