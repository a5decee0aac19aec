package fake

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/model"
)

// testSchema is a small API's check tables: a drive item with a derived
// file type, an identity set, and an enum.
func testSchema(t *testing.T) *checkSchema {
	t.Helper()
	s, err := newCheckSchema([]string{
		`{"name":"Item","odata":"microsoft.graph.item","members":[{"name":"id","shape":"String","required":true},{"name":"size","shape":"Int64"},{"name":"name","shape":"String","required":true},{"name":"tags","shape":"[]String"},{"name":"by","shape":"#Identity","nullable":true},{"name":"kind","shape":"enum:Kind"},{"name":"props","shape":"{}Int32"},{"name":"score","shape":"Double"},{"name":"shared","shape":"Boolean"}]}`,
		`{"name":"File","odata":"microsoft.graph.file","base":"Item","members":[{"name":"mimeType","shape":"String","required":true}]}`,
		`{"name":"Identity","odata":"microsoft.graph.identity","open":true,"members":[{"name":"displayName","shape":"String"}]}`,
		`{"name":"ItemList","members":[{"name":"value","shape":"[]#Item"}]}`,
	}, []string{`{"name":"Kind","values":["folder","file"]}`})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCheckAnswer(t *testing.T) {
	jsonHeader := http.Header{"Content-Type": {"application/json; odata.metadata=minimal"}}
	get := exampleCase{source: "docs/item.md:10", name: "get", method: "GET", path: "/items/1", status: 200,
		responseBody: `{"id": "1", "name": "a"}`, shape: "#Item", shown: `{"Item": ["id", "name"]}`}
	whole := get
	whole.shown, whole.whole = "", true
	list := exampleCase{source: "docs/list.md:10", name: "list", method: "GET", path: "/items", status: 200,
		responseBody: `{"value": []}`, shape: "#ItemList"}
	created := exampleCase{source: "docs/create.md:10", name: "create", method: "POST", path: "/items", status: 201, statuses: []int{400},
		responseBody: `{"id": "1"}`, shape: "#Item", responseHeader: map[string]string{"Location": "https://x/items/1"}}
	download := exampleCase{source: "docs/content.md:10", name: "download", method: "GET", path: "/items/1/content", status: 200,
		responseBody: "hello", content: true, fakeHeader: map[string]string{"content-type": "text/plain"}}
	tests := []struct {
		name   string
		ex     exampleCase
		status int
		header http.Header
		body   string
		want   []string // code and difference, "W" before a warning's
	}{
		{"conforms", get, 200, jsonHeader, `{"id": "2", "name": "b", "size": 12}`, nil},
		{"instance annotations are no members", get, 200, jsonHeader, `{"@odata.context": "x", "id": "2", "name": "b", "tags@odata.count": 0}`, nil},
		{"member type", get, 200, jsonHeader, `{"id": "2", "name": "b", "size": "12"}`,
			[]string{`DB704 size: the docs say Int64, the service sent "12"`}},
		{"integer out of range", get, 200, jsonHeader, `{"id": "2", "name": "b", "props": {"a": 1, "b": 3000000000}}`,
			[]string{`DB704 props.b: the docs say Int32, the service sent 3000000000`}},
		{"collection item", get, 200, jsonHeader, `{"id": "2", "name": "b", "tags": ["a", 1]}`,
			[]string{`DB704 tags[1]: the docs say String, the service sent 1`}},
		{"not a collection", get, 200, jsonHeader, `{"id": "2", "name": "b", "tags": "a"}`,
			[]string{`DB704 tags: the docs say a collection of String, the service sent "a"`}},
		{"OData's special doubles", get, 200, jsonHeader, `{"id": "2", "name": "b", "score": "NaN"}`, nil},
		{"shown member missing", get, 200, jsonHeader, `{"id": "2"}`,
			[]string{`DB705 the service left out "name" of microsoft.graph.item, which the docs show`}},
		{"undeclared member", get, 200, jsonHeader, `{"id": "2", "name": "b", "colour": "red"}`,
			[]string{`W DB706 colour: the docs declare no member "colour" of microsoft.graph.item`}},
		{"open type", get, 200, jsonHeader, `{"id": "2", "name": "b", "by": {"displayName": "A", "email": "a@x"}}`, nil},
		{"null allowed", get, 200, jsonHeader, `{"id": "2", "name": "b", "by": null}`, nil},
		{"null not allowed", get, 200, jsonHeader, `{"id": "2", "name": "b", "size": null}`,
			[]string{`W DB707 size: the service sent null, which the docs do not say it may be`}},
		{"enum", get, 200, jsonHeader, `{"id": "2", "name": "b", "kind": "FILE"}`, nil},
		{"flags enum", get, 200, jsonHeader, `{"id": "2", "name": "b", "kind": "file, folder"}`, nil},
		{"enum value", get, 200, jsonHeader, `{"id": "2", "name": "b", "kind": "link"}`,
			[]string{`DB708 kind: the service sent "link", which is none of the values the docs list: folder, file`}},
		{"derived type by @odata.type", get, 200, jsonHeader, `{"@odata.type": "#microsoft.graph.file", "id": "2", "name": "b", "mimeType": 3}`,
			[]string{`DB704 mimeType: the docs say String, the service sent 3`}},
		{"a derived type the example shows as its base", get, 200, jsonHeader, `{"@odata.type": "#microsoft.graph.file", "id": "2", "name": "b"}`, nil},
		{"unrelated @odata.type", get, 200, jsonHeader, `{"@odata.type": "#microsoft.graph.identity", "id": "2", "name": "b"}`, nil},
		{"whole example: required members", whole, 200, jsonHeader, `{"id": "2"}`,
			[]string{`DB705 the service left out "name" of microsoft.graph.item, which the docs show`}},
		{"whole example: a derived type's required members", whole, 200, jsonHeader, `{"@odata.type": "#microsoft.graph.file", "id": "2", "name": "b"}`,
			[]string{`DB705 the service left out "mimeType" of microsoft.graph.file, which the docs show`}},
		{"truncated example: nothing more required", list, 200, jsonHeader, `{"value": [{"id": "2"}, {"name": "c"}]}`, nil},
		{"collection items", list, 200, jsonHeader, `{"value": [{"id": "2"}, {"id": 3}]}`,
			[]string{`DB704 value[1].id: the docs say String, the service sent 3`}},
		{"status", get, 404, jsonHeader, `{"error": {"code": "itemNotFound"}}`,
			[]string{`DB701 the docs say status 200, the service answered 404: {"error": {"code": "itemNotFound"}}`}},
		{"another documented status", created, 400, jsonHeader, `{"error": {}}`, nil},
		{"documented header", created, 201, jsonHeader, `{"id": "1"}`,
			[]string{`DB702 the docs show the header Location, the service sent none`}},
		{"content type", get, 200, http.Header{"Content-Type": {"text/plain"}}, `{"id": "2", "name": "b"}`,
			[]string{`DB703 the docs show a JSON body, the service sent Content-Type "text/plain"`}},
		{"documented content type", download, 200, http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, "hello", nil},
		{"another content type", download, 200, http.Header{"Content-Type": {"application/octet-stream"}}, "hello",
			[]string{`DB703 the docs show Content-Type "text/plain", the service sent "application/octet-stream"`}},
		{"not JSON", get, 200, jsonHeader, `{"id": `,
			[]string{`DB703 the docs show a JSON body, the service sent one that is not JSON (unexpected EOF)`}},
		{"null body", get, 200, jsonHeader, `null`,
			[]string{`DB704 the docs say an object of type Item, the service sent null`}},
	}
	s := testSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range s.checkAnswer(&tt.ex, tt.status, tt.header, []byte(tt.body)) {
				line := d.Code + " " + d.String()
				if d.Warning {
					line = "W " + line
				}
				got = append(got, line)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheckRequest(t *testing.T) {
	ex := &exampleCase{name: "update", method: "PATCH", path: "/drives/%7Bdrive-id%7D/items/{item-id}", query: map[string][]string{"select": {"{field}"}},
		header: map[string]string{"If-Match": "{etag}"}, requestBody: `{"name": "a", "parent": {"id": "x"}}`, sameAs: "update_first"}
	req, err := checkRequest("https://api.example.com/v1.0/", ex, map[string]string{
		"{drive-id}": "d1", "{item-id}": "i1", "{field}": "name", "If-Match:": `"e1"`, "$.parent.id": "p1", "$.size": "12", "$.tags[0]": "t",
	})
	if err == nil {
		t.Fatalf("a value for an item that is not there was put in: %v", req)
	}
	req, err = checkRequest("https://api.example.com/v1.0/", ex, map[string]string{
		"{drive-id}": "d1", "{item-id}": "i1", "{field}": "name", "If-Match:": `"e1"`, "$.parent.id": "p1", "$.size": "12",
	})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	got := []string{req.Method, req.URL.String(), req.Header.Get("If-Match"), req.Header.Get("Content-Type"), req.Header.Get(exampleHeader), string(body)}
	want := []string{"PATCH", "https://api.example.com/v1.0/drives/d1/items/i1?select=name", `"e1"`, "application/json", "update",
		`{"name":"a","parent":{"id":"p1"},"size":12}`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	req, err = checkRequest("http://x", ex, map[string]string{"!url": "/me", "!body": "raw", "Content-Type:": "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(req.Body)
	if req.URL.String() != "http://x/me" || string(body) != "raw" || req.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("!url, !body and a header: %s %q %q", req.URL, body, req.Header.Get("Content-Type"))
	}
}

func TestJSONPathSteps(t *testing.T) {
	tests := []struct {
		path string
		want []any
		err  string
	}{
		{"$.id", []any{"id"}, ""},
		{"$.value[0].id", []any{"value", 0, "id"}, ""},
		{"$['odd name'][2]", []any{"odd name", 2}, ""},
		{"$", nil, ""},
		{"$.", nil, "empty"},
		{"$[x]", nil, "no item index"},
		{"$[-1]", nil, "no item index"},
		{"$['a", nil, "not closed"},
		{"$[']", nil, "not closed"},
		{"$['']", []any{""}, ""},
		{"id", nil, "no JSONPath"},
	}
	for _, tt := range tests {
		got, err := jsonPathSteps(tt.path)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("jsonPathSteps(%q): error %v, want one saying %q", tt.path, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("jsonPathSteps(%q) = %v, %v; want %v", tt.path, got, err, tt.want)
		}
	}
}

// FuzzJSONPath requires a JSONPath from a scenario file, whatever it is, to
// be read or refused without a panic, and a member set at a path that
// reads to be found there.
func FuzzJSONPath(f *testing.F) {
	for _, seed := range []string{"$.id", "$.value[0].id", "$['a b'].c", "$[", "$..x", "$['']"} {
		f.Add(seed, `{"value": [{"id": 1}]}`)
	}
	f.Fuzz(func(t *testing.T, path, body string) {
		steps, err := jsonPathSteps(path)
		if err != nil {
			return
		}
		out, err := setJSONMember(body, path, `"v"`)
		// JSON writes a name that is not UTF-8 otherwise than it was given.
		if err != nil || len(steps) == 0 || !utf8.ValidString(path) {
			return
		}
		got, err := Captured(path, nil, []byte(out))
		if err != nil || got != "v" {
			t.Errorf("set %s of %q to \"v\": %s, which reads back %q, %v", path, body, out, got, err)
		}
	})
}

// TestCheckTablesRead requires the tables model.CheckTables writes to be
// what the engine's checkType and checkEnum read, member for member: each
// line of every case's docs decodes without an unknown member and encodes
// back to itself.
func TestCheckTablesRead(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "cases", "*", "docs"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	lines := 0
	for _, dir := range dirs {
		api, _, err := generator.ReadModel(os.DirFS(dir), generator.Options{DocsLabel: "docs"})
		if err != nil {
			continue // a case whose docs must fail
		}
		types, enums := model.CheckTables(api)
		for _, line := range types {
			lines += roundTrip(t, line, &checkType{})
		}
		for _, line := range enums {
			lines += roundTrip(t, line, &checkEnum{})
		}
	}
	if lines == 0 {
		t.Fatal("the cases hold no type")
	}
}

func roundTrip(t *testing.T, line string, into any) int {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Errorf("%s: %v", line, err)
		return 0
	}
	if back, _ := json.Marshal(into); string(back) != line {
		t.Errorf("read and written again, %s is %s", line, back)
	}
	return 1
}
