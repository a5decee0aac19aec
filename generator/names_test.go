package generator

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/model"
)

// buildModel parses and builds sources into the API model, without
// rendering: what the naming tests look at.
func buildModel(tb testing.TB, sources []Source, label string) (*model.API, diag.List) {
	tb.Helper()
	pages, diags := parsePages(sources, label, nil)
	api, more := model.Build(pages, model.Config{DocsLabel: label})
	return api, append(diags, more...)
}

// graphModel is the Graph corpus's model, built once for the tests that
// only read it.
func graphModel(t *testing.T) (*model.API, diag.List) {
	sources := graphSources(t)
	graphBuilt.Do(func() { graphBuilt.api, graphBuilt.diags = buildModel(t, sources, "graph") })
	return graphBuilt.api, graphBuilt.diags
}

var graphBuilt struct {
	sync.Once
	api   *model.API
	diags diag.List
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
	api, diags := graphModel(t)
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
	all, _ := graphModel(t)
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

// translation is how an edition translates a page: headings become
// prefix and filler words (in Latin letters or another script) after the
// English anchor, table header cells become cell, prose becomes prefix and
// filler around its links and code, and the well-known request headers
// take the edition's names, their values keeping the token or media type.
type translation struct {
	lang, prefix, filler, cell string
	// headers maps a well-known request header's English name to the
	// edition's. A name translated into a token ("Inhaltstyp") is told
	// from an option only by a value that keeps a token or media type, so
	// the German edition here keeps Content-Type, whose rows in these
	// pages may hold prose alone.
	headers map[string]string
	values  *strings.Replacer
}

var translations = []translation{
	{"Chinese", "列出", "的", "列", map[string]string{"Accept": "接受", "Content-Type": "内容类型"}, strings.NewReplacer()},
	{"Japanese", "取得する", "の", "列", map[string]string{"Authorization": "承認"}, strings.NewReplacer("Bearer {token}", "ベアラー {token}")},
	{"German", "Abrufen", " Daten", "Spalte", map[string]string{"Authorization": "Autorisierung", "Accept": "Akzeptieren"}, strings.NewReplacer()},
	{"Portuguese", "Obter", " dados", "Coluna", map[string]string{"Authorization": "Autorização", "Accept": "Aceitar"}, strings.NewReplacer("Bearer {token}", "{token} de portador", "Bearer &lt;token&gt;", "&lt;Token&gt; de portador")},
	{"Spanish", "Obtener", " datos", "Columna", map[string]string{"Authorization": "Autorización", "Accept": "Aceptar"}, strings.NewReplacer("Bearer {token}", "{token} de portador")},
	{"French", "Obtenir", " donnees", "Colonne", map[string]string{"Authorization": "Autorisation", "Accept": "Accepter", "Content-Type": "Type de contenu"}, strings.NewReplacer("Bearer {token}", "Porteur {token}")},
	{"Russian", "Получить", " данные", "Столбец", map[string]string{"Authorization": "Авторизация", "Accept": "Принять", "Content-Type": "Тип контента"}, strings.NewReplacer()},
}

var headerRowRE = regexp.MustCompile(`^(\|\s*)(Authorization|Accept|Content-Type)(\s*\|)`)

// row translates a table row: a well-known request header's name and the
// prose of its value.
func (tr translation) row(line string) string {
	line = headerRowRE.ReplaceAllStringFunc(line, func(cell string) string {
		m := headerRowRE.FindStringSubmatch(cell)
		if name, ok := tr.headers[m[2]]; ok {
			return m[1] + name + m[3]
		}
		return cell
	})
	return tr.values.Replace(line)
}

var headingRE = regexp.MustCompile(`(?m)^(#{1,6})[ \t]+(.+?)[ \t]*$`)
var keptRE = regexp.MustCompile("\\[[^\\]]*\\]\\([^)]*\\)|`[^`]*`")
var tableHeaderRE = regexp.MustCompile(`(?m)^(\|[^\n]*\|)\n(\|[ :|-]+\|)$`)

// translate rewrites a page as a translated edition does: every heading
// gets its English slug as an anchor and a translated text, table header
// rows, well-known request header names and prose are translated; code
// blocks, annotations, paths and member names stay English.
func translate(page string, tr translation) string {
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
		case inCode || inComment || wasComment || strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "<!--") || strings.HasPrefix(trimmed, "---"):
			out.WriteString(line)
		case strings.HasPrefix(trimmed, "|"):
			out.WriteString(tr.row(line))
		case headingRE.MatchString(trimmed):
			m := headingRE.FindStringSubmatch(trimmed)
			fmt.Fprintf(&out, "%s <a name=%q></a>%s%s\n", m[1], slug(m[2]), tr.prefix, strings.Repeat(tr.filler, len(m[2])%5+1))
		case trimmed != "" && !strings.Contains(trimmed, ":") && !strings.HasPrefix(trimmed, "[") && !strings.HasPrefix(trimmed, "-"):
			// Prose is translated; its links and code spans stay.
			out.WriteString(tr.prefix + tr.filler + " " + strings.Join(keptRE.FindAllString(trimmed, -1), " ") + ".\n")
		default:
			out.WriteString(line)
		}
	}
	return tableHeaderRE.ReplaceAllStringFunc(out.String(), func(s string) string {
		rows := strings.SplitN(s, "\n", 2)
		cells := strings.Count(rows[0], "|") - 1
		return "|" + strings.Repeat(" "+tr.cell+" |", cells) + "\n" + rows[1]
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

// translatedPages are the corpus pages TestTranslatedPagesKeepNames and
// TestTranslatedEditionPasses translate: operations of several kinds
// (lists, gets with options, plain Intune examples) and the resources they
// return.
func translatedPages(t *testing.T) []Source {
	t.Helper()
	var picked []Source
	for _, s := range graphSources(t) {
		switch s.Path {
		case "api/user-list.md", "api/user-get.md", "api/driveitem-get.md", "api/event-get.md", "api/group-list-members.md",
			"api/intune-devices-manageddevice-get.md", "resources/user.md", "resources/driveitem.md", "api/driveitem-list-children.md",
			"api/user-update.md", "api/event-accept.md", "api/driveitem-copy.md", "api/intune-onboarding-organization-setmobiledevicemanagementauthority.md",
			"resources/intune-devices-manageddevice.md", "resources/event.md":
			picked = append(picked, s)
		}
	}
	if len(picked) < 15 {
		t.Fatalf("found %d of the pages to translate", len(picked))
	}
	return picked
}

// translateAll translates every page as tr's edition does.
func translateAll(pages []Source, tr translation) []Source {
	var out []Source
	for _, s := range pages {
		out = append(out, Source{Path: s.Path, Data: []byte(translate(string(s.Data), tr))})
	}
	return out
}

// TestTranslatedPagesKeepNames translates a handful of corpus pages as
// translated editions do, in Latin letters and in other scripts, and
// requires the same Go API as the originals: the same names, all of them
// ASCII, and the same operations (method, options, body, result).
func TestTranslatedPagesKeepNames(t *testing.T) {
	picked := translatedPages(t)
	original, _ := buildModel(t, picked, "graph")
	want, wantOps := modelNames(original), modelOperations(original)
	for _, tr := range translations {
		t.Run(tr.lang, func(t *testing.T) {
			api, _ := buildModel(t, translateAll(picked, tr), "graph")
			got, gotOps := modelNames(api), modelOperations(api)
			for _, key := range sortedNameKeys(want) {
				if got[key] != want[key] {
					t.Errorf("%s is %q in translation, %q in English", key, got[key], want[key])
				}
			}
			for _, key := range sortedNameKeys(wantOps) {
				if gotOps[key] != wantOps[key] {
					t.Errorf("%s in translation:\n%s\nin English:\n%s", key, gotOps[key], wantOps[key])
				}
			}
			for _, key := range sortedNameKeys(got) {
				if strings.IndexFunc(got[key], func(r rune) bool { return r > 127 }) >= 0 {
					t.Errorf("%s is named %q, not ASCII", key, got[key])
				}
			}
		})
	}
}

// modelOperations describes each operation as its user sees it, keyed by
// its first URL: method and name, options and what they send, body and
// result.
func modelOperations(api *model.API) map[string]string {
	ops := map[string]string{}
	for _, op := range api.Operations {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s options=%s body=%s result=%d %s", op.Method, op.Name, op.OptionsType, refName(op.Body), op.Result.Status, refName(op.Result.Type))
		for _, p := range slices.Concat(op.HeaderParams, op.QueryParams) {
			fmt.Fprintf(&b, " %s=%s", p.FieldName, p.WireName)
		}
		ops[op.Variants[0].Pattern] = b.String()
	}
	return ops
}

// refName names a type reference for modelOperations.
func refName(r *model.TypeRef) string {
	switch {
	case r == nil:
		return "none"
	case r.Named != nil:
		return r.Named.Name
	case r.Elem != nil:
		return "[]" + refName(r.Elem)
	}
	return fmt.Sprint(r.Kind)
}

// TestGraphTypedResults requires that a client method returns only error
// only where its docs show no successful response body: every example of
// such an operation with a body is an error, except those the docs
// annotate as empty (get-delta-latest's "isEmpty").
func TestGraphTypedResults(t *testing.T) {
	api, _ := graphModel(t)
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
