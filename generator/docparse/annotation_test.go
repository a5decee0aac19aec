package docparse

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func TestParseAnnotation(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Annotation
	}{
		{"plain", `{ "blockType": "request", "name": "create-folder" }`,
			Annotation{BlockType: Request, Names: []string{"create-folder"}}},
		{"multi-line with odata type", "{\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.item\"\n}",
			Annotation{BlockType: Response, Truncated: true, ODataType: "microsoft.graph.item"}},
		{"trailing comma", `{ "blockType": "resource", "keyProperty": "id", }`,
			Annotation{BlockType: Resource, KeyProperty: "id"}},
		{"unquoted keys", `{ blockType: "ignored" }`, Annotation{BlockType: Ignored}},
		{"single quotes", `{ 'blockType': 'example' }`, Annotation{BlockType: Example}},
		{"boolean as string", `{ "blockType": "response", "isCollection": "true", "truncated": "False" }`,
			Annotation{BlockType: Response, IsCollection: true}},
		{"name as list", `{ "blockType": "response", "name": ["a", "b"] }`,
			Annotation{BlockType: Response, Names: []string{"a", "b"}}},
		{"older @type", `{ "blockType": "resource", "@type": "oneDrive.item", "optionalProperties": ["a","b"] }`,
			Annotation{BlockType: Resource, ODataType: "oneDrive.item", OptionalProperties: []string{"a", "b"}}},
		{"block type case", `{ "blockType": "Request" }`, Annotation{BlockType: Request}},
		{"scopes as a string", `{ "blockType": "request", "scopes": "files.read files.write" }`,
			Annotation{BlockType: Request, Scopes: []string{"files.read", "files.write"}}},
		{"unknown keys kept", `{ "blockType": "request", "tags": "service.graph" }`,
			Annotation{BlockType: Request, Other: map[string]json.RawMessage{"tags": json.RawMessage(`"service.graph"`)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnnotation(tt.text)
			if err != nil {
				t.Fatalf("ParseAnnotation(%q): %v", tt.text, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseAnnotation(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseAnnotationErrors(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		wantOffset int
	}{
		{"bare value", `{ "blockType": "request", "name": broken`, 34},
		{"unterminated", `{ "blockType": "request"`, 24},
		{"wrong type", `{ "blockType": "request", "truncated": 3 }`, 0},
		{"not an object", `{ "blockType" }`, 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnnotation(tt.text)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseAnnotation(%q) = %v, want a SyntaxError", tt.text, err)
			}
			if se.Offset != tt.wantOffset {
				t.Errorf("offset %d, want %d (%v)", se.Offset, tt.wantOffset, se)
			}
		})
	}
}

func TestParseAnnotationWithoutBlockType(t *testing.T) {
	_, err := ParseAnnotation(`{ "type": "#page.annotation", "description": "Create version" }`)
	if !errors.Is(err, errNotBlockAnnotation) {
		t.Errorf("got %v, want errNotBlockAnnotation", err)
	}
}
