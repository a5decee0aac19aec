package model

import (
	"sort"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// buildPages parses pages (path -> Markdown) in path order and builds them.
func buildPages(t *testing.T, pages map[string]string) (*API, diag.List) {
	t.Helper()
	var paths []string
	for p := range pages {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var parsed []*docparse.Page
	var diags diag.List
	for _, p := range paths {
		page, d := docparse.Parse(p, []byte(pages[p]))
		parsed = append(parsed, page)
		diags = append(diags, d...)
	}
	api, more := Build(parsed, Config{})
	return api, append(diags, more...)
}

func resource(odata, annotation, body string) string {
	return "# R\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"" + odata + "\"" + annotation + " } -->\n```json\n" + body + "\n```\n"
}

func typeNamed(api *API, name string) *Type {
	for _, t := range api.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func fieldNamed(t *Type, json string) *Field {
	for _, f := range t.AllFields() {
		if f.JSONName == json {
			return f
		}
	}
	return nil
}

func describe(f *Field) string {
	s := refString(f.Type)
	if f.Pointer {
		s = "*" + s
	}
	if f.Nullable {
		s = "Nullable[" + s + "]"
	}
	if f.Required {
		s += " required"
	}
	return s
}

func TestFieldTypes(t *testing.T) {
	api, diags := buildPages(t, map[string]string{
		"r.md": resource("example.widget", `, "optionalProperties": ["count", "flag"], "nullableProperties": ["note"]`, `{
  "name": "string", "created": "String (timestamp)", "day": "Date", "at": "String (time of day)",
  "span": "String (duration)", "size": "Int32", "count": "Int64", "ratio": "Double", "flag": "Boolean",
  "blob": "Binary", "any": "Json", "kind": "a | b", "note": "string", "tags": ["string"],
  "real": 85.0, "whole": 123, "id": "Guid"
}`),
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	w := typeNamed(api, "Widget")
	want := map[string]string{
		"name": "string required", "created": "time required", "day": "date required", "at": "timeOfDay required",
		"span": "duration required", "size": "int32 required", "count": "*int64", "ratio": "float64 required",
		"flag": "*bool", "blob": "bytes required", "any": "raw required", "kind": "enum:WidgetKind required",
		"note": "Nullable[string] required", "tags": "[]string required", "real": "float64 required",
		"whole": "int64 required", "id": "string required",
	}
	for member, w2 := range want {
		f := fieldNamed(w, member)
		if f == nil {
			t.Errorf("no field for %q", member)
			continue
		}
		if got := describe(f); got != w2 {
			t.Errorf("%s: %s, want %s", member, got, w2)
		}
	}
}

func TestTablesRefineAndDocument(t *testing.T) {
	page := resource("example.widget", "", `{"size": 1, "kind": "x | y", "owner": {"@odata.type": "example.person"}}`) + `
## Properties

| Property | Type | Description |
|:--|:--|:--|
| size | Int32 | The size. |
| kind | String | The kind. |
| owner | [person](person.md) | Who owns it. Nullable. |
| extra | Collection(String) | Only in the table. |
`
	api, _ := buildPages(t, map[string]string{"r.md": page, "p.md": resource("example.person", "", `{"name": "string"}`)})
	w := typeNamed(api, "Widget")
	for member, want := range map[string]string{"size": "int32 required", "kind": "enum:WidgetKind required", "owner": "Nullable[*Person] required", "extra": "[]string"} {
		if got := describe(fieldNamed(w, member)); got != want {
			t.Errorf("%s: %s, want %s", member, got, want)
		}
	}
	if doc := fieldNamed(w, "size").Doc; doc != "The size." {
		t.Errorf("doc %q", doc)
	}
}

func TestConflictReportsBothPositions(t *testing.T) {
	api := "# Get\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /w\n```\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.widget\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"size\": \"12\"}\n```\n"
	_, diags := buildPages(t, map[string]string{"a.md": api, "r.md": resource("example.widget", "", `{"size": "Int32"}`)})
	if len(diags) != 1 || !strings.Contains(diags[0].String(), `a.md:11:10: warning DB304: member "size" of example.widget: an example shows string "12", but the resource at r.md:5:10 declares int32`) {
		t.Errorf("diagnostics %v", diags)
	}
}

func TestTypeNames(t *testing.T) {
	pages := map[string]string{
		"a.md": resource("microsoft.graph.driveItem", "", `{"error": {"@odata.type": "odata.error"}, "parentReference": {"driveId": "x", "path": "y"}, "stock": {"8fcb5dbc-d5aa-4681-8e31-b001d5168d79": 1}}`),
		"b.md": resource("microsoft.graph.error", "", `{"code": "string"}`),
		"c.md": resource("odata.error", "", `{"code": "string", "message": "string"}`),
		"d.md": resource("microsoft.graph.type", "", `{"type": "string", "2fa": "Boolean", "x-y": "string", "xY": "string"}`),
	}
	api, _ := buildPages(t, pages)
	var names []string
	for _, ty := range api.Types {
		names = append(names, ty.Name)
	}
	if got := strings.Join(names, " "); got != "DriveItem DriveItemParentReference Error ODataError Type" {
		t.Errorf("types %s", got)
	}
	if f := fieldNamed(typeNamed(api, "DriveItem"), "stock"); f.Type.Kind != RefMap {
		t.Errorf("GUID-keyed object is %v, want a map", f.Type.Kind)
	}
	var fields []string
	for _, f := range typeNamed(api, "Type").Fields {
		fields = append(fields, f.Name+"="+f.JSONName)
	}
	if got := strings.Join(fields, " "); got != "Type=type N2fa=2fa XY=x-y XY2=xY" {
		t.Errorf("fields %s", got)
	}

	// Adding a page elsewhere renames nothing.
	pages["0.md"] = resource("microsoft.graph.aardvark", "", `{"parentReference": {"driveId": "x", "path": "y"}}`)
	again, _ := buildPages(t, pages)
	for _, n := range names {
		if typeNamed(again, n) == nil {
			t.Errorf("type %s was renamed by adding a page", n)
		}
	}
}

func TestBaseTypeEmbedding(t *testing.T) {
	api, diags := buildPages(t, map[string]string{
		"base.md":  resource("example.base", "", `{"id": "string", "name": "string"}`),
		"child.md": resource("example.child", `, "baseType": "example.base"`, `{"id": "string", "size": 1}`),
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	child := typeNamed(api, "Child")
	if child.Base != typeNamed(api, "Base") || len(child.Fields) != 1 || child.Fields[0].JSONName != "size" {
		t.Errorf("child base %v fields %v", child.Base, child.Fields)
	}
}

func TestExampleValuesAreSubstitutedWhenTheyDoNotDecode(t *testing.T) {
	api := "# Get\n\n<!-- { \"blockType\": \"request\", \"name\": \"get\" } -->\n```http\nGET /w\n```\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.widget\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"size\": \"Int32\", \"at\": \"datetime\", \"on\": true}\n```\n"
	got, _ := buildPages(t, map[string]string{"a.md": api, "r.md": resource("example.widget", "", `{"size": "Int32", "at": "datetime", "on": "Boolean"}`)})
	ex := got.Operations[0].Examples[0]
	if ex.ResponseBody != `{"size": 1, "at": "2006-01-02T15:04:05Z", "on": true}` {
		t.Errorf("body %s", ex.ResponseBody)
	}
	if len(ex.Substitutions) != 2 {
		t.Errorf("substitutions %+v", ex.Substitutions)
	}
}

// TestValuesShownBeforeTheirTypeIsDefined requires what an object shows
// under a member that declares an undocumented type (an empty string, a
// null) to inform that type even when the example that defines the type
// comes on a later page: a page left out of the docs must not make a
// documented value unrepresentable.
func TestValuesShownBeforeTheirTypeIsDefined(t *testing.T) {
	owner := `{ "blockType": "response", "@odata.type": "example.widget" }`
	person := `{ "blockType": "response", "@odata.type": "example.person" }`
	page := func(path, annotation, body string) string {
		return "# Get\n\n## Example\n\n" + fence(`{ "blockType": "request", "name": "get_`+strings.ReplaceAll(path[1:], "/", "_")+`" }`, "http", "GET https://api.example.com/v1.0"+path) +
			"\n" + fence(annotation, "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+body)
	}
	api, _ := buildPages(t, map[string]string{
		"a.md": resource("example.widget", "", `{"name": "string", "owner": {"@odata.type": "example.person"}}`),
		"b.md": page("/widgets/w1", owner, `{"name": "w", "owner": {"name": "", "nickname": null}}`),
		"c.md": page("/people/p1", person, `{"name": "Bob", "nickname": "Bobby"}`),
	})
	p := typeNamed(api, "Person")
	if p == nil {
		t.Fatal("no Person type")
	}
	for member, want := range map[string]string{"name": "*string", "nickname": "Nullable[string]"} {
		if f := fieldNamed(p, member); f == nil || describe(f) != want {
			t.Errorf("%s: %v, want %s", member, f, want)
		}
	}
}

// TestShapesSharedKeepWhatEachShows requires an anonymous type that
// objects of one shape share (two members of one type, here) to hold
// what every one of them shows, nested shapes too: the empty string and
// the null the second member's object shows.
func TestShapesSharedKeepWhatEachShows(t *testing.T) {
	page := "# Get\n\n## Example\n\n" + fence(`{ "blockType": "request", "name": "get_widget" }`, "http", "GET https://api.example.com/v1.0/widgets/w1") +
		"\n" + fence(`{ "blockType": "response", "@odata.type": "example.widget" }`, "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+
		`{"draft": {"code": "a", "items": [{"note": "x"}]}, "shared": {"code": "", "items": [{"note": null}]}}`)
	api, _ := buildPages(t, map[string]string{"b.md": page}) // no resource page: the examples define Widget
	w := typeNamed(api, "Widget")
	draft := fieldNamed(w, "draft")
	if draft == nil || draft.Type.Kind != RefNamed {
		t.Fatalf("draft: %v", draft)
	}
	if shared := fieldNamed(w, "shared"); shared == nil || shared.Type.Named != draft.Type.Named {
		t.Fatalf("shared does not share draft's type: %v", shared)
	}
	shape := draft.Type.Named
	if got := describe(fieldNamed(shape, "code")); got != "*string" {
		t.Errorf("code: %s, want *string", got)
	}
	items := fieldNamed(shape, "items")
	if items == nil || items.Type.Kind != RefSlice || items.Type.Elem.Kind != RefNamed {
		t.Fatalf("items: %v", items)
	}
	if got := describe(fieldNamed(items.Type.Elem.Named, "note")); got != "Nullable[string]" {
		t.Errorf("items' note: %s, want Nullable[string]", got)
	}
}
