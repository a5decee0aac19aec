package model

import (
	"strconv"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// TestAnnotationContradictsBlock: an annotation that says what its block
// does not show ("isEmpty" over a body, "expectError" over a success) is
// DB212 at the annotation, and the block is read as it is, so the tests
// replay what the docs show.
func TestAnnotationContradictsBlock(t *testing.T) {
	tests := []struct {
		name, annotation, status, body string
		wantResult                     ResultKind
		wantError                      bool
	}{
		{"isEmpty over a body", `, "isEmpty": true`, "200 OK", `{ "id": "n1", "title": "Hi" }`, ResultJSON, false},
		{"expectError over a success", `, "expectError": true`, "200 OK", `{ "id": "n1", "title": "Hi" }`, ResultJSON, false},
		{"isEmpty and no body", `, "isEmpty": true`, "204 No Content", ``, ResultNone, false},
		{"isEmpty over a page of no items", `, "isEmpty": true, "isCollection": true`, "200 OK", `{ "value": [] }`, ResultJSON, false},
		{"expectError over an error", `, "expectError": true`, "404 Not Found", `{ "error": { "code": "itemNotFound", "message": "no" } }`, ResultNone, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "# Get note\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /notes/{id}\n```\n\n" +
				"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"get_note\" } -->\n```http\nGET https://api.example.com/v1.0/notes/n1\n```\n\n" +
				"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.note\"" + tt.annotation + " } -->\n```http\nHTTP/1.1 " + tt.status + "\nContent-Type: application/json\n\n" + tt.body + "\n```\n"
			api, diags := buildPages(t, map[string]string{"api/note-get.md": page, "resources/note.md": noteResource})
			got := warnings(diags, diag.AnnotationContradicts)
			contradicts := tt.name == "isEmpty over a body" || tt.name == "expectError over a success"
			if contradicts != (len(got) == 1) {
				t.Errorf("DB212: %q, want one: %v", got, contradicts)
			}
			if len(got) == 1 && !strings.HasPrefix(got[0], "api/note-get.md:"+strconv.Itoa(lineOf(t, page, `"blockType": "response"`))+":") {
				t.Errorf("DB212 at %s, want the response's annotation", got[0])
			}
			op := opNamed(api, "GetNote")
			if op == nil || len(op.Examples) != 1 {
				t.Fatalf("no GetNote with one example")
			}
			if !tt.wantError && op.Result.Kind != tt.wantResult {
				t.Errorf("result kind %v, want %v", op.Result.Kind, tt.wantResult)
			}
			if op.Examples[0].IsError != tt.wantError {
				t.Errorf("example IsError = %v, want %v", op.Examples[0].IsError, tt.wantError)
			}
		})
	}
}

// TestCaseOnlyMember: a member only an example shows, whose name differs
// from a declared member's only in letter case, is DB309 and no field;
// one in no other case is DB311 and no field either: the type's fields
// are the declared ones.
func TestCaseOnlyMember(t *testing.T) {
	page := "# Get note\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /notes/{id}\n```\n\n" +
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"get_note\" } -->\n```http\nGET https://api.example.com/v1.0/notes/n1\n```\n\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.note\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" +
		"{ \"id\": \"n1\", \"title\": \"Hi\", \"Title\": \"Hi again\", \"color\": \"red\" }\n```\n"
	api, diags := buildPages(t, map[string]string{"api/note-get.md": page, "resources/note.md": noteResource})
	got := warnings(diags, diag.CaseOnlyMember)
	if len(got) != 1 || !strings.Contains(got[0], `"Title"`) || !strings.Contains(got[0], `"title" declared at resources/note.md:`) {
		t.Errorf("DB309: %q", got)
	}
	var names []string
	for _, ty := range api.Types {
		if ty.ODataType == "example.note" {
			for _, f := range ty.Fields {
				names = append(names, f.JSONName)
			}
		}
	}
	if want := "id,title"; strings.Join(names, ",") != want {
		t.Errorf("fields %v, want %s (color is undeclared: DB311, no field)", names, want)
	}
	if got := warnings(diags, diag.UndeclaredMember); len(got) != 1 || !strings.Contains(got[0], `"color"`) {
		t.Errorf("DB311: %q, want one for color (Title is DB309's alone)", got)
	}
}
