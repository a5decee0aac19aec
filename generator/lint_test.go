package generator

import (
	"errors"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator/config"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/model"
)

// lintPages are pages of one kind of problem each.
var lintPages = map[string]string{
	// An annotation that is not JSON: an error (DB101).
	"broken.md": "# Broken\n\n<!-- { \"blockType\": \"request\", \"name\": broken -->\n```http\nGET /x\n```\n",
	// A 204 that shows a body: a warning (DB209).
	"warned.md": "# Get thing\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /thing\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n\n{\"a\": 1}\n```\n",
	// A trailing comma: a note (DB204).
	"noted.md": "# Get other\n\n<!-- { \"blockType\": \"request\", \"name\": \"other\" } -->\n```http\nGET /other\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"a\": 1,}\n```\n",
	// A resource, and no operation.
	"note.md": "# note resource type\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.note\" } -->\n```json\n{\n  \"id\": \"string\",\n  \"title\": \"string\"\n}\n```\n",
}

func lintSources(names ...string) []Source {
	var sources []Source
	for _, name := range names {
		sources = append(sources, Source{Path: name, Data: []byte(lintPages[name])})
	}
	return sources
}

// codesOf are a list's codes with their severities, in order.
func codesOf(list diag.List) []string {
	var out []string
	for _, d := range list {
		out = append(out, d.Severity.String()+" "+string(d.Code))
	}
	return out
}

// TestLint checks that Lint reports every diagnostic, past errors too,
// counts what it modelled, does not mind docs without operations, and
// keeps suppressions and the settings' own errors.
func TestLint(t *testing.T) {
	tests := []struct {
		name      string
		pages     []string
		opt       Options
		want      []string
		err       bool
		ops, typs int
	}{
		{"every severity, past the error", []string{"broken.md", "noted.md", "warned.md"}, Options{},
			[]string{"error DB101", "warning DB210", "note DB204", "warning DB209"}, true, 2, 1},
		{"resources only", []string{"note.md"}, Options{}, nil, false, 0, 1},
		{"no pages", nil, Options{}, []string{"error DB501"}, true, 0, 0},
		{"suppressed", []string{"noted.md", "warned.md"}, Options{Suppress: []config.Suppression{{Code: diag.BodyNotAllowed}, {Code: diag.RepairedJSON, Files: "noted.md"}}}, nil, false, 2, 1},
		{"bad settings", []string{"warned.md"}, Options{Model: model.Config{TypeNames: map[string]string{"x": "not exported"}}}, []string{"error DB503"}, true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.DocsLabel = "docs"
			res, err := Lint(lintSources(tt.pages...), tt.opt)
			var list diag.ErrorList
			if tt.err != errors.As(err, &list) || !tt.err && err != nil {
				t.Errorf("error %v, want one: %v", err, tt.err)
			}
			if got := codesOf(res.Diags); !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics %q, want %q:\n%v", got, tt.want, res.Diags)
			}
			if res.Operations != tt.ops || res.Types != tt.typs || res.Files != nil || res.API != nil {
				t.Errorf("%d operations, %d types, %d files, API %v; want %d, %d, none", res.Operations, res.Types, len(res.Files), res.API != nil, tt.ops, tt.typs)
			}
		})
	}
}

// TestLintAsGenerate checks that Lint reports on the OneDrive corpus what
// generation reports, the type-check's DB507 aside.
func TestLintAsGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the OneDrive corpus; skipped with -short")
	}
	sources, err := ReadSources(corpusFSB(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{DocsLabel: "onedrive", Package: "onedrive"}
	gen, err := GenerateFrom(sources, opt)
	if err != nil {
		t.Fatal(err)
	}
	lint, err := Lint(sources, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.DeleteFunc(slices.Clone(gen.Diags), func(d diag.Diagnostic) bool { return d.Code == diag.PageLeftOut })
	if len(want) == 0 {
		t.Fatal("generation reports nothing to compare with")
	}
	if !slices.EqualFunc(lint.Diags, want, diag.Diagnostic.Equal) {
		t.Errorf("Lint reports %d diagnostics, generation %d", len(lint.Diags), len(want))
	}
	if lint.Operations != gen.Operations || lint.Types != gen.Types {
		t.Errorf("Lint counts %d operations and %d types, generation %d and %d", lint.Operations, lint.Types, gen.Operations, gen.Types)
	}
}

// BenchmarkLint is -lint's work, Markdown to diagnostics, over the seed
// page, the OneDrive corpus and the Microsoft Graph v1.0 docs: what a
// docs check costs on every push.
func BenchmarkLint(b *testing.B) {
	cs := corpora(b)
	graph := fstest.MapFS{}
	for _, s := range graphSources(b) {
		graph[s.Path] = &fstest.MapFile{Data: s.Data}
	}
	cs = append(cs, corpus{"graph", graph})
	for _, c := range cs {
		b.Run(c.name, func(b *testing.B) {
			sources, err := ReadSources(c.fsys, Options{})
			if err != nil {
				b.Fatal(err)
			}
			bytes, pages := size(c.fsys)
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Lint(sources, Options{DocsLabel: "docs"}); err != nil {
					b.Fatal(err)
				}
			}
			perPage(b, pages)
		})
	}
}
