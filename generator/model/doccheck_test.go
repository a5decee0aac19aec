package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// Tests of doc mistakes that used to change the generated API silently:
// each is now read as the docs mean it, with a positioned warning.

const noteResource = "# note resource type\n\n## JSON representation\n\n" +
	"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"example.note\" } -->\n" +
	"```json\n{ \"id\": \"String\", \"title\": \"String\" }\n```\n"

// lineOf is the 1-based line of the first line of page that holds s.
func lineOf(t *testing.T, page, s string) int {
	t.Helper()
	i := strings.Index(page, s)
	if i < 0 {
		t.Fatalf("page lacks %q", s)
	}
	return strings.Count(page[:i], "\n") + 1
}

// warnings lists the diagnostics of code as "file:line: message".
func warnings(diags diag.List, code diag.Code) []string {
	var out []string
	for _, d := range diags.Sorted() {
		if d.Code == code {
			out = append(out, fmt.Sprintf("%s:%d: %s", d.Pos.File, d.Pos.Line, d.Message))
		}
	}
	return out
}

// othersThan fails on any diagnostic whose code is not one of codes.
func othersThan(t *testing.T, diags diag.List, codes ...diag.Code) {
	t.Helper()
	for _, d := range diags {
		if !slices.Contains(codes, d.Code) {
			t.Errorf("unexpected diagnostic %v", d)
		}
	}
}

func opNamed(api *API, name string) *Operation {
	for _, op := range api.Operations {
		if op.Name == name {
			return op
		}
	}
	return nil
}

// listNotesPage is a page that lists notes, its response annotated with
// annotation and answering body.
func listNotesPage(annotation, body string) string {
	return "# List notes\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /notes\n```\n\n" +
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"list_notes\" } -->\n```http\nGET https://api.example.com/v1.0/notes\n```\n\n" +
		"<!-- { \"blockType\": \"response\"" + annotation + " } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + body + "\n```\n"
}

func TestMissingIsCollection(t *testing.T) {
	const envelope = `{"@odata.context": "https://api.example.com/v1.0/$metadata#notes", "value": [{"id": "n1", "title": "a"}], "@odata.nextLink": "https://api.example.com/v1.0/notes?$skiptoken=2"}`
	valueNote := strings.Replace(noteResource, `"title": "String" }`, `"title": "String", "value": [{"@odata.type": "example.part"}] }`, 1)
	derivedNote := "# note resource type\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"example.note\", \"baseType\": \"example.base\" } -->\n```json\n{ \"id\": \"String\" }\n```\n"
	base := "# base resource type\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"example.base\" } -->\n```json\n{ \"value\": [{\"@odata.type\": \"example.part\"}] }\n```\n"
	tests := []struct {
		name       string
		pages      map[string]string
		wantResult string // the Go type ListNotes returns
		wantWarn   bool   // a DB308 at the response's annotation
		noteValue  bool   // Note has a value field
	}{
		{"isCollection missing", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, envelope)}, "*NoteCollectionResponse", true, false},
		{"isCollection given", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "example.note", "isCollection": true`, envelope)}, "*NoteCollectionResponse", false, false},
		{"Collection(type)", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "Collection(example.note)"`, envelope)}, "*NoteCollectionResponse", false, false},
		{"an empty page of the collection", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, `{"value": []}`)}, "*NoteCollectionResponse", true, false},
		{"the type declares value itself", map[string]string{"r/note.md": valueNote, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, envelope)}, "*Note", false, true},
		{"a base type declares value", map[string]string{"r/base.md": base, "r/note.md": derivedNote, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, envelope)}, "*Note", false, true},
		// The note's "value" is then a member its resource does not declare:
		// DB311, kept in AdditionalProperties, no field.
		{"a data member beside value: not an envelope", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, `{"value": [{"id": "n1"}], "title": "a"}`)}, "*Note", false, false},
		{"value holds strings: a primitive result (DB310), not notes", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(`, "@odata.type": "example.note"`, `{"value": ["a", "b"]}`)}, "*ListNotesResponse", false, false},
		{"an undocumented type", map[string]string{"api/list.md": listNotesPage(`, "@odata.type": "example.note"`, envelope)}, "*NoteCollectionResponse", true, false},
		{"no type named: the body's shape decides", map[string]string{"r/note.md": noteResource, "api/list.md": listNotesPage(``, envelope)}, "*ListNotesResponse", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, diags := buildPages(t, tt.pages)
			op := opNamed(api, "ListNotes")
			if op == nil {
				t.Fatalf("no ListNotes among %d operations", len(api.Operations))
			}
			if got := refString(op.Result.Type); got != tt.wantResult {
				t.Errorf("ListNotes returns %s, want %s", got, tt.wantResult)
			}
			var want []string
			if tt.wantWarn {
				at := lineOf(t, tt.pages["api/list.md"], `"blockType": "response"`)
				want = []string{fmt.Sprintf(`api/list.md:%d: response names example.note but not "isCollection": true, and its body is a collection of objects ("value": [...]) that example.note declares no member for; read as a collection of example.note`, at)}
			}
			if got := warnings(diags, diag.MissingIsCollection); !slices.Equal(got, want) {
				t.Errorf("DB308 warnings %q, want %q", got, want)
			}
			if note := typeNamed(api, "Note"); note != nil && (fieldNamed(note, "value") != nil) != tt.noteValue {
				t.Errorf("Note has a value field: %v, want %v", !tt.noteValue, tt.noteValue)
			}
			if note := typeNamed(api, "Note"); note != nil && !tt.noteValue && fieldNamed(note, "@odata.nextLink") != nil {
				t.Errorf("Note took the envelope's @odata.nextLink")
			}
		})
	}
}

// proseEdition writes a page's prose and headings in one language: a
// translated edition keeps the anchors, the code spans and the HTTP
// status lines, and translates the rest.
type proseEdition struct {
	name    string
	heading func(anchor, english string) string
	// returns is the Response section's sentence for a status written as
	// a code span ("`204 No Content`").
	returns func(status string) string
}

var proseEditions = []proseEdition{
	{"English", func(_, english string) string { return english },
		func(s string) string { return "If successful, this method returns a " + s + " response code." }},
	{"German", func(anchor, _ string) string {
		return `<a name="` + anchor + `"></a>` + map[string]string{"http-request": "HTTP-Anforderung", "response": "Antwort", "example": "Beispiel"}[anchor]
	}, func(s string) string { return "Bei Erfolg gibt diese Methode den Antwortcode " + s + " zurück." }},
	{"Chinese, the Response heading without its anchor", func(anchor, _ string) string {
		h := map[string]string{"http-request": "HTTP 请求", "response": "响应", "example": "示例"}[anchor]
		if anchor == "response" {
			return h // the prose counts wherever it stands
		}
		return `<a name="` + anchor + `"></a>` + h
	}, func(s string) string { return "如果成功，此方法返回 " + s + " 响应代码。" }},
	{"Portuguese", func(anchor, _ string) string {
		return `<a name="` + anchor + `"></a>` + map[string]string{"http-request": "Solicitação HTTP", "response": "Resposta", "example": "Exemplo"}[anchor]
	}, func(s string) string {
		return "Se bem-sucedido, este método retornará um código de resposta " + s + "."
	}},
}

// statusPage documents method at /notes/{id}, its Response section
// saying prose, then the examples.
func (e proseEdition) statusPage(method, prose, examples string) string {
	return "# Do note\n\nDoes something to a note.\n\n## " + e.heading("http-request", "HTTP request") + "\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + method + " /notes/{id}\n```\n\n" +
		"## " + e.heading("response", "Response") + "\n\n" + prose + "\n\n## " + e.heading("example", "Example") + "\n\n" + examples
}

// noteExample is an example of method on /notes/n1 answering status.
func noteExample(method, status string) string {
	return "<!-- { \"blockType\": \"request\", \"name\": \"do_note\" } -->\n```http\n" + method + " https://api.example.com/v1.0/notes/n1\n```\n\n" +
		"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 " + status + "\n```\n"
}

// requestOnly is an example of method whose response the page forgot.
func requestOnly(method string) string {
	return "<!-- { \"blockType\": \"request\", \"name\": \"do_note\" } -->\n```http\n" + method + " https://api.example.com/v1.0/notes/n1\n```\n"
}

func TestSuccessStatusFromProse(t *testing.T) {
	tests := []struct {
		name, method, prose, examples string
		want                          int
		fromProse                     bool     // Operation.StatusFrom is the prose's mention
		wantWarn                      []string // DB407 and DB408 messages, by code; the line is the marked one's
	}{
		{"DELETE whose example lacks its response", "DELETE", "`204 No Content`", requestOnly("DELETE"), 204, true,
			[]string{"DB407 204: no example shows DoNote succeeding; it answers 204 No Content, as the page's prose states here"}},
		{"POST without examples: 200 OK", "POST", "`200 OK`", "", 200, true,
			[]string{"DB407 200: no example shows DoNote succeeding; it answers 200 OK, as the page's prose states here"}},
		{"POST without examples: 202 Accepted", "POST", "`202 Accepted`", "", 202, true,
			[]string{"DB407 202: no example shows DoNote succeeding; it answers 202 Accepted, as the page's prose states here"}},
		{"the reason phrase in another case", "DELETE", "`204 no content`", "", 204, true,
			[]string{"DB407 204: no example shows DoNote succeeding; it answers 204 No Content, as the page's prose states here"}},
		{"prose equal to the default", "GET", "`200 OK`", "", 200, true,
			[]string{"DB407 200: no example shows DoNote succeeding; it answers 200 OK, the default for GET too, as the page's prose states here"}},
		{"several success statuses: no guess", "POST", "`200 OK`, or `202 Accepted` when asked to answer asynchronously,", "", 201, false,
			[]string{"DB407 200: no example shows DoNote succeeding, and the page's prose names several success statuses (200 OK, 202 Accepted); it answers 201 Created, the default for POST"}},
		{"an error status is no success status", "DELETE", "`404 Not Found` when the note is gone, else it succeeds with", "", 200, false, nil},
		{"a number without its reason phrase", "POST", "200 notes at most, and", "", 201, false, nil},
		{"no status in the prose", "DELETE", "nothing", "", 200, false, nil},
		{"the example decides, and agrees", "DELETE", "`204 No Content`", noteExample("DELETE", "204 No Content"), 204, false, nil},
		{"the example decides, and disagrees", "POST", "`201 Created`", noteExample("POST", "200 OK"), 200, false,
			[]string{`DB408 HTTP/1.1 200 OK: example "do_note" answers 200 OK, but the page's prose names 201 Created at api/note.md:LINE; the example's status is kept`}},
		{"an example among several statuses agrees", "POST", "`200 OK` or `202 Accepted`", noteExample("POST", "202 Accepted"), 202, false, nil},
		{"an error example says nothing of success", "POST", "`200 OK`", noteExample("POST", "400 Bad Request"), 200, true,
			[]string{"DB407 200: no example shows DoNote succeeding; it answers 200 OK, as the page's prose states here"}},
	}
	for _, e := range proseEditions {
		for _, tt := range tests {
			t.Run(e.name+"/"+tt.name, func(t *testing.T) {
				page := e.statusPage(tt.method, e.returns(tt.prose), tt.examples)
				api, diags := buildPages(t, map[string]string{"api/note.md": page})
				othersThan(t, diags, diag.StatusFromProse, diag.StatusDisagrees, diag.UnpairedRequest)
				op := opNamed(api, "DoNote")
				if op == nil {
					t.Fatalf("no DoNote among %d operations", len(api.Operations))
				}
				if op.Result.Status != tt.want {
					t.Errorf("status %d, want %d", op.Result.Status, tt.want)
				}
				proseLine := lineOf(t, page, e.returns(tt.prose))
				proseAt := fmt.Sprintf("%d:%d", proseLine, strings.Index(strings.Split(page, "\n")[proseLine-1], "`")+2)
				if got := op.StatusFrom.Line == proseLine; got != tt.fromProse || !tt.fromProse && op.StatusFrom != (diag.Pos{}) {
					t.Errorf("StatusFrom %v, want the prose's line %d: %v", op.StatusFrom, proseLine, tt.fromProse)
				}
				var want []string
				for _, w := range tt.wantWarn {
					code, rest, _ := strings.Cut(w, " ")
					marker, msg, _ := strings.Cut(rest, ": ")
					at := lineOf(t, page, marker)
					if code == "DB408" {
						at = lineOf(t, page, `"blockType": "response"`)
					}
					msg = strings.ReplaceAll(msg, "LINE", proseAt)
					want = append(want, fmt.Sprintf("%s api/note.md:%d: %s", code, at, msg))
				}
				var got []string
				for _, code := range []diag.Code{diag.StatusFromProse, diag.StatusDisagrees} {
					for _, w := range warnings(diags, code) {
						got = append(got, string(code)+" "+w)
					}
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("warnings\n%q\nwant\n%q", got, want)
				}
			})
		}
	}
}

// TestProseStatusOfSeveralMethods: a page that documents several methods
// (an upload session's POST and DELETE) speaks of several operations, so
// its prose gives none of them a status.
func TestProseStatusOfSeveralMethods(t *testing.T) {
	page := "# Upload session\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /sessions\nDELETE /sessions/{id}\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code.\n\n## Cancel\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"cancel\" } -->\n```http\nDELETE https://api.example.com/v1.0/sessions/s1\n```\n\n" +
		"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
	api, diags := buildPages(t, map[string]string{"api/session.md": page})
	othersThan(t, diags)
	for _, op := range api.Operations {
		if want := map[string]int{"POST": 201, "DELETE": 204}[op.Method]; op.Result.Status != want || op.StatusFrom != (diag.Pos{}) {
			t.Errorf("%s answers %d (from %v), want %d", op.Method, op.Result.Status, op.StatusFrom, want)
		}
	}
}

func TestDuplicateExampleNames(t *testing.T) {
	example := func(name, path string) string {
		return "<!-- { \"blockType\": \"request\", \"name\": [\"" + name + "\"] } -->\n```http\nGET https://api.example.com/v1.0" + path + "\n```\n\n" +
			"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.note\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"x\"}\n```\n\n"
	}
	page := func(title, url string, examples ...string) string {
		return "# " + title + "\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET " + url + "\n```\n\n## Examples\n\n" + strings.Join(examples, "")
	}
	plain := func(path string) string {
		return "```http\nGET https://api.example.com/v1.0" + path + "\n```\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"x\"}\n```\n\n"
	}
	tests := []struct {
		name  string
		pages map[string]string
		want  []string // example names, by page path then position
		warns []string // "page:request marker -> other page:request marker" of each DB211, and the new name
	}{
		{"twice on one page", map[string]string{
			"api/get.md": page("Get note", "/notes/{id}", example("get_note", "/notes/a"), example("get_note", "/notes/b")),
		}, []string{"get_note", "get_note_2"}, []string{"api/get.md:/notes/b -> api/get.md:/notes/a get_note_2"}},
		{"on two pages", map[string]string{
			"api/a.md": page("Get note", "/notes/{id}", example("get_note", "/notes/a")),
			"api/b.md": page("Get note archive", "/archive/{id}", example("get_note", "/archive/b")),
		}, []string{"get_note", "get_note_2"}, []string{"api/b.md:/archive/b -> api/a.md:/notes/a get_note_2"}},
		{"a space is an underscore in a subtest's name", map[string]string{
			"api/get.md": page("Get note", "/notes/{id}", example("get note", "/notes/a"), example("get_note", "/notes/b")),
		}, []string{"get note", "get_note_2"}, []string{"api/get.md:/notes/b -> api/get.md:/notes/a get_note_2"}},
		{"the numbered name is taken too", map[string]string{
			"api/get.md": page("Get note", "/notes/{id}", example("get_note", "/notes/a"), example("get_note", "/notes/b"), example("get_note_2", "/notes/c")),
		}, []string{"get_note", "get_note_3", "get_note_2"}, []string{"api/get.md:/notes/b -> api/get.md:/notes/a get_note_3"}},
		{"names docbind gave plain examples change without a warning", map[string]string{
			"v1/list.md": "# List notes\n\n" + plain("/v1notes"),
			"v2/list.md": "# List notes again\n\n" + plain("/v2notes"),
		}, []string{"list", "list_2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, diags := buildPages(t, tt.pages)
			othersThan(t, diags, diag.DuplicateExampleName, diag.StatusFromProse)
			var exs []*Example
			for _, op := range api.Operations {
				exs = append(exs, op.Examples...)
			}
			slices.SortFunc(exs, func(x, y *Example) int { return x.Source.Compare(y.Source) })
			var got []string
			for _, ex := range exs {
				got = append(got, ex.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("names %q, want %q", got, tt.want)
			}
			var want []string
			for _, w := range tt.warns {
				from, rest, _ := strings.Cut(w, " -> ")
				to, name, _ := strings.Cut(rest, " ")
				pos := func(s string) (string, int) {
					file, marker, _ := strings.Cut(s, ":")
					return file, lineOf(t, tt.pages[file], marker) - 2 // the request's annotation
				}
				file, line := pos(from)
				otherFile, otherLine := pos(to)
				where := "on this page"
				if file != otherFile {
					where = "on another page"
				}
				old := strings.TrimSuffix(strings.TrimSuffix(name, "_2"), "_3")
				want = append(want, fmt.Sprintf("%s:%d: example name %q is taken by the example at %s:%d:1 (%s); this one is named %q", file, line, old, otherFile, otherLine, where, name))
			}
			if got := warnings(diags, diag.DuplicateExampleName); !slices.Equal(got, want) {
				t.Errorf("DB211 warnings\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestQueryParamDocs(t *testing.T) {
	page := func(heading, table string) string {
		return "# List notes\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /notes\n```\n\n" + heading + "\n\n" + table + "\n\n## Example\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"list_notes\" } -->\n```http\nGET https://api.example.com/v1.0/notes?$top=2&$filter=x&color=red\n```\n\n" +
			"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.note\", \"isCollection\": true } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": []}\n```\n"
	}
	const generic = "$top=the page size; $filter=an OData filter expression; color="
	tests := []struct {
		name, heading, table string
		want                 string // WireName=Doc; ...
	}{
		{"English", "## Optional query parameters", "| Name | Value | Description |\n|:--|:--|:--|\n| `$top` | int | The number of notes on a page. |\n| color | string | Only notes of this color. |",
			"$top=The number of notes on a page.; $filter=an OData filter expression; color=Only notes of this color."},
		{"English, the name escaped and in another case", "## Query parameters", "| Parameter | Description | Example |\n|:--|:--|:--|\n| \\$Top | The number of notes on a page. | `$top=2` |",
			"$top=The number of notes on a page.; $filter=an OData filter expression; color="},
		{"German, by anchor and the widest column", `## <a name="optional-query-parameters"></a>Optionale Abfrageparameter`, "| Name | Wert | Beschreibung |\n|:--|:--|:--|\n| $top | int | Die Anzahl der Notizen auf einer Seite. |",
			"$top=Die Anzahl der Notizen auf einer Seite.; $filter=an OData filter expression; color="},
		{"Japanese, description before the type", `## <a name="query-parameters"></a>クエリ パラメーター`, "| 名前 | 説明 | 型 |\n|:--|:--|:--|\n| $top | 1 ページあたりのノートの数。 | Int32 |",
			"$top=1 ページあたりのノートの数。; $filter=an OData filter expression; color="},
		{"no table: generic words", "## Optional query parameters", "This method supports the OData query parameters.", generic},
		{"a translated heading without its anchor is not the section", "## Optionale Abfrageparameter", "| Name | Wert | Beschreibung |\n|:--|:--|:--|\n| $top | int | Die Anzahl. |", generic},
		{"a request headers table is not one of query parameters", "## Request headers", "| Name | Description |\n|:--|:--|\n| color | A header. |", generic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _ := buildPages(t, map[string]string{"r/note.md": noteResource, "api/list.md": page(tt.heading, tt.table)})
			op := opNamed(api, "ListNotes")
			if op == nil {
				t.Fatal("no ListNotes")
			}
			var got []string
			for _, p := range op.QueryParams {
				got = append(got, p.WireName+"="+p.Doc)
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("query params\n%s\nwant\n%s", strings.Join(got, "; "), tt.want)
			}
		})
	}
}

// TestProseStatusWithoutBody: a 204 from the prose has no body, whatever
// type the Response section links to.
func TestProseStatusWithoutBody(t *testing.T) {
	page := "# Archive note\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /notes/{id}/archive\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `204 No Content` response code; see [note](../r/note.md).\n"
	api, diags := buildPages(t, map[string]string{"r/note.md": noteResource, "api/archive.md": page})
	op := opNamed(api, "ArchiveNote")
	if op == nil {
		t.Fatal("no ArchiveNote")
	}
	if op.Result.Status != 204 || op.Result.Kind != ResultNone || op.Result.Type != nil {
		t.Errorf("result %+v, want 204 with no body", op.Result)
	}
	want := []string{fmt.Sprintf("api/archive.md:%d: no example shows ArchiveNote succeeding; it answers 204 No Content, with no body, as the page's prose states here", lineOf(t, page, "`204"))}
	if got := warnings(diags, diag.StatusFromProse); !slices.Equal(got, want) {
		t.Errorf("DB407 warnings %q, want %q", got, want)
	}
}
