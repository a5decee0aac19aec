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

// TestParseEscapedAnnotation reads annotations a translation pipeline
// HTML-escaped, and reports that it decoded them; an annotation readable as
// written is never decoded.
func TestParseEscapedAnnotation(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		want          Annotation
		wantUnescaped bool
	}{
		{"partly escaped", `{ "blockType": "resource", "@type&quot;: &quot;microsoft.graph.list" }`,
			Annotation{BlockType: Resource, ODataType: "microsoft.graph.list"}, true},
		{"fully escaped", `{&quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: &quot;get_list&quot;}`,
			Annotation{BlockType: Request, Names: []string{"get_list"}}, true},
		{"numeric quotes", `{ &#34;blockType&#34;: &#34;response&#34;, &#34;truncated&#34;: true }`,
			Annotation{BlockType: Response, Truncated: true}, true},
		{"hex quotes", `{ &#x22;blockType&#x22;: &#x22;example&#x22; }`, Annotation{BlockType: Example}, true},
		{"escaped single quotes, then repaired", `{ &#39;blockType&#39;: &#39;request&#39;, &#39;name&#39;: [&#39;a&#39;, &#39;b&#39;], }`,
			Annotation{BlockType: Request, Names: []string{"a", "b"}}, true},
		{"ampersand, less and greater than", `{ &quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: &quot;a&amp;&lt;b&gt;&quot; }`,
			Annotation{BlockType: Request, Names: []string{"a&<b>"}}, true},
		{"escaped twice", `{ &amp;quot;blockType&amp;quot;: &amp;quot;ignored&amp;quot; }`, Annotation{BlockType: Ignored}, true},
		{"valid as written: entities kept", `{ "blockType": "request", "name": "a&amp;b" }`,
			Annotation{BlockType: Request, Names: []string{"a&amp;b"}}, false},
		{"lenient as written: entities kept", `{ blockType: 'request', "name": "&quot;x&quot;", }`,
			Annotation{BlockType: Request, Names: []string{"&quot;x&quot;"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unescaped, err := parseAnnotation(tt.text)
			if err != nil {
				t.Fatalf("parseAnnotation(%q): %v", tt.text, err)
			}
			if !reflect.DeepEqual(got, tt.want) || unescaped != tt.wantUnescaped {
				t.Errorf("parseAnnotation(%q)\n got %+v, unescaped %v\nwant %+v, unescaped %v", tt.text, got, unescaped, tt.want, tt.wantUnescaped)
			}
			if pub, err := ParseAnnotation(tt.text); err != nil || !reflect.DeepEqual(pub, tt.want) {
				t.Errorf("ParseAnnotation(%q) = %+v, %v", tt.text, pub, err)
			}
		})
	}
}

func TestParseEscapedAnnotationErrors(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		wantOffset int // in the text as written
		wantErr    error
	}{
		{"broken once decoded too", `{ &quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: broken }`, 2, nil},
		{"escaped page annotation is prose", `{ &quot;type&quot;: &quot;#page.annotation&quot; }`, 0, errNotBlockAnnotation},
		{"entities that are not JSON's quotes", `{ "blockType": "request" &amp; }`, 25, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, unescaped, err := parseAnnotation(tt.text)
			if unescaped {
				t.Errorf("unescaped is true with error %v", err)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("got %v, want %v", err, tt.wantErr)
				}
				return
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("parseAnnotation(%q) = %v, want a SyntaxError", tt.text, err)
			}
			if se.Offset != tt.wantOffset {
				t.Errorf("offset %d, want %d (%v)", se.Offset, tt.wantOffset, se)
			}
		})
	}
}
