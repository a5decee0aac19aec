package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// partResource is a documented resource with an annotation's extras
// (optionalProperties, nullableProperties) and its JSON representation.
func partResource(annotation, members string) string {
	return resource("example.part", annotation, "{ "+members+" }")
}

// getPartPage documents GET /widgets/{id} with one example, whose
// response has the annotation's extras and body.
func getPartPage(annotation, body string) string {
	return "# Get widget\n\n## HTTP request\n\n" + fence(`{ "blockType": "ignored" }`, "http", "GET /widgets/{id}") +
		"\n## Example\n\n" + fence(`{ "blockType": "request", "name": "get_widget" }`, "http", "GET https://api.example.com/v1.0/widgets/w1") +
		"\n" + fence(`{ "blockType": "response", "@odata.type": "example.part"`+annotation+` }`, "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+body)
}

// createPartPage documents POST /widgets with a request body.
func createPartPage(body string) string {
	return "# Create widget\n\n## HTTP request\n\n" + fence(`{ "blockType": "ignored" }`, "http", "POST /widgets") +
		"\n## Example\n\n" + fence(`{ "blockType": "request", "name": "create_widget", "@odata.type": "example.part" }`, "http", "POST https://api.example.com/v1.0/widgets\nContent-Type: application/json\n\n"+body) +
		"\n" + fence(`{ "blockType": "response" }`, "http", "HTTP/1.1 204 No Content")
}

// TestExamplesAgainstResources checks examples against their resources
// as ApiDoctor's SchemaValidatorTests, NullableTests and
// ResourceStringValidationTests do, each case valid or invalid.
func TestExamplesAgainstResources(t *testing.T) {
	const members = `"id": "string", "name": "string", "size": "Int32"`
	tests := []struct {
		name     string
		resource string
		page     string
		want     map[diag.Code]int // warnings of the conformance codes
		wantLine string            // a line of page the first warning points at
	}{
		// SchemaValidatorTests
		{"every member, as declared", partResource("", members), getPartPage("", `{"id": "w1", "name": "A", "size": 3}`), nil, ""},
		{"an undeclared member", partResource("", members), getPartPage("", "{\"id\": \"w1\", \"name\": \"A\", \"size\": 3,\n\"color\": \"red\"}"),
			map[diag.Code]int{diag.UndeclaredMember: 1}, `"color": "red"`},
		{"an undeclared member of an open type", partResource(`, "openType": true`, members), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "color": "red"}`), nil, ""},
		{"OData control information", partResource("", members), getPartPage("", `{"@odata.context": "https://x/$metadata#widgets/$entity", "@odata.etag": "W/\"1\"", "id": "w1", "name": "A", "size": 3}`), nil, ""},
		{"an annotation of an undeclared member", partResource("", members), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "owner@odata.bind": "https://x/users/1"}`),
			map[diag.Code]int{diag.UndeclaredMember: 1}, `"owner@odata.bind"`},
		{"an annotation of a declared member", partResource("", members), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "name@odata.type": "#String"}`), nil, ""},
		{"a member missing", partResource("", members), getPartPage("", "{\"id\": \"w1\",\n\"name\": \"A\"}"),
			map[diag.Code]int{diag.RequiredMemberMissing: 1}, `{"id": "w1",`},
		{"a member missing, truncated", partResource("", members), getPartPage(`, "truncated": true`, `{"id": "w1"}`), nil, ""},
		{"a member missing, optional", partResource(`, "optionalProperties": ["size"]`, members), getPartPage("", `{"id": "w1", "name": "A"}`), nil, ""},
		{"a member missing from an element of a collection", partResource("", members), getPartPage(`, "isCollection": true`, "{\"value\": [{\"id\": \"w1\", \"name\": \"A\", \"size\": 3},\n{\"id\": \"w2\"}]}"),
			map[diag.Code]int{diag.RequiredMemberMissing: 1}, `{"id": "w2"}`},
		{"a request leaves members out", partResource("", members), createPartPage(`{"name": "A"}`), nil, ""},
		{"a request with an undeclared member", partResource("", members), createPartPage("{\"name\": \"A\",\n\"color\": \"red\"}"),
			map[diag.Code]int{diag.UndeclaredMember: 1}, `"color": "red"`},
		// NullableTests
		{"null, no nullableProperties given", partResource("", members), getPartPage("", `{"id": "w1", "name": null, "size": 3}`), nil, ""},
		{"null, nullableProperties empty", partResource(`, "nullableProperties": []`, members), getPartPage("", "{\"id\": \"w1\",\n\"name\": null, \"size\": 3}"),
			map[diag.Code]int{diag.NullNotAllowed: 1}, `"name": null`},
		{"null, nullableProperties names it", partResource(`, "nullableProperties": ["name"]`, members), getPartPage("", `{"id": "w1", "name": null, "size": 3}`), nil, ""},
		{"null, nullableProperties does not name it", partResource(`, "nullableProperties": ["size"]`, members), getPartPage("", "{\"id\": \"w1\",\n\"name\": null, \"size\": 3}"),
			map[diag.Code]int{diag.NullNotAllowed: 1}, `"name": null`},
		// ResourceStringValidationTests
		{"a url member, absolute", partResource("", members+`, "webUrl": "url"`), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "webUrl": "https://example.com/w1"}`), nil, ""},
		{"a url member, relative", partResource("", members+`, "webUrl": "url"`), getPartPage("", "{\"id\": \"w1\", \"name\": \"A\", \"size\": 3,\n\"webUrl\": \"../something/another\"}"),
			map[diag.Code]int{diag.NotAnAbsoluteURL: 1}, `"webUrl": "../something/another"`},
		{"an absolute url member, relative", partResource("", members+`, "webUrl": "absolute url"`), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "webUrl": "/w1"}`),
			map[diag.Code]int{diag.NotAnAbsoluteURL: 1}, ""},
		{"a string member, relative", partResource("", members+`, "webUrl": "string"`), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "webUrl": "../w1"}`), nil, ""},
		{"an integer where a float is declared", partResource("", members+`, "weight": "Double"`), getPartPage("", `{"id": "w1", "name": "A", "size": 3, "weight": 2}`), nil, ""},
	}
	codes := []diag.Code{diag.UndeclaredMember, diag.RequiredMemberMissing, diag.NullNotAllowed, diag.NotAnAbsoluteURL}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := map[string]string{"resources/part.md": tt.resource, "api/widget.md": tt.page}
			_, diags := buildPages(t, pages)
			got := map[diag.Code]int{}
			var first *diag.Diagnostic
			for _, d := range diags.Sorted() {
				if slices.Contains(codes, d.Code) {
					got[d.Code]++
					if first == nil {
						first = &d
					}
				} else if d.Code == diag.TypeConflict {
					t.Errorf("unexpected %v", d)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %v, want %v: %v", got, tt.want, diags)
			}
			for code, n := range tt.want {
				if got[code] != n {
					t.Errorf("%s: %d, want %d: %v", code, got[code], n, diags)
				}
			}
			if tt.wantLine != "" && first != nil {
				if want := lineOf(t, tt.page, tt.wantLine); first.Pos.Line != want || first.Pos.File != "api/widget.md" {
					t.Errorf("%v at %s, want api/widget.md:%d", first.Code, first.Pos, want)
				}
				if len(first.Related) == 0 || first.Related[0].Pos.File != "resources/part.md" {
					t.Errorf("%v names no place in the resource: %+v", first.Code, first.Related)
				}
			}
		})
	}
}

// TestUndeclaredMembersAreNoFields: what only examples show of a
// documented type is kept in AdditionalProperties, and a member of a
// derived type that an example of its base's operation shows (by its
// own "@odata.type") goes to the derived type, never the base.
func TestUndeclaredMembersAreNoFields(t *testing.T) {
	base := resource("example.thing", "", `{ "id": "string" }`)
	derived := resource("example.gadget", `, "baseType": "example.thing"`, `{ "size": "Int32" }`)
	page := "# Get thing\n\n## HTTP request\n\n" + fence(`{ "blockType": "ignored" }`, "http", "GET /things/{id}") +
		"\n## Example\n\n" + fence(`{ "blockType": "request", "name": "get_thing" }`, "http", "GET https://api.example.com/v1.0/things/g1") +
		"\n" + fence(`{ "blockType": "response", "@odata.type": "example.thing" }`, "http",
		"HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+`{"@odata.type": "#example.gadget", "id": "g1", "size": 2, "color": "red"}`)
	api, diags := buildPages(t, map[string]string{"resources/thing.md": base, "resources/gadget.md": derived, "api/thing-get.md": page})
	fields := func(name string) string {
		var names []string
		if ty := typeNamed(api, name); ty != nil {
			for _, f := range ty.Fields {
				names = append(names, f.JSONName)
			}
		}
		return strings.Join(names, ",")
	}
	if got := fields("Thing"); got != "id" {
		t.Errorf("Thing's fields %q, want id", got)
	}
	// "@odata.type" is OData control information, which the gadget's
	// instances carry: a field, as the protocol declares it.
	if got := fields("Gadget"); got != "size,@odata.type" {
		t.Errorf("Gadget's fields %q, want size,@odata.type", got)
	}
	if got := warnings(diags, diag.UndeclaredMember); len(got) != 1 || !strings.Contains(got[0], `"color" is not declared by example.gadget`) {
		t.Errorf("DB311: %q, want color, of the gadget", got)
	}
}

// TestTableAndResourceSpellAMemberApart: a Properties table's "subUnit"
// for the JSON representation's "subunit" is one field, spelled as the
// JSON is, with a DB309 at the table's row.
func TestTableAndResourceSpellAMemberApart(t *testing.T) {
	page := "# location resource type\n\n## Properties\n\n| Property | Type | Description |\n|---|---|---|\n| subUnit | String | The part of the building. |\n\n" +
		"## JSON representation\n\n" + fence(`{ "blockType": "resource", "@odata.type": "example.location" }`, "json", `{ "subunit": "String" }`)
	api, diags := buildPages(t, map[string]string{"resources/location.md": page})
	ty := typeNamed(api, "Location")
	if ty == nil || len(ty.Fields) != 1 || ty.Fields[0].JSONName != "subunit" || ty.Fields[0].Doc != "The part of the building." {
		t.Fatalf("Location: %+v, want one field subunit with the table's doc", ty)
	}
	if got := warnings(diags, diag.CaseOnlyMember); len(got) != 1 || !strings.HasPrefix(got[0], "resources/location.md:7:") {
		t.Errorf("DB309: %q, want one at the table's row", got)
	}
}
