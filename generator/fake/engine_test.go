package fake

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// testExamples are a small API's examples, as a generated package lists
// them: the engine's table-driven tests ask its fake.
var testExamples = [][]exampleCase{
	{
		{source: "docs/list.md:10", name: "list", op: "ListUsers", pattern: "GET /users", method: "GET", path: "/users", status: 200,
			responseBody: `{"value": [{"id": "1"}], "@odata.nextLink": "https://api.example.com/v1/users?$skiptoken=abc"}`},
		{source: "docs/list.md:30", name: "list_top", op: "ListUsers", pattern: "GET /users", method: "GET", path: "/users",
			query: url.Values{"$top": {"2"}}, status: 200, responseBody: `{"value": []}`},
		{source: "docs/list.md:50", name: "list_again", op: "ListUsers", pattern: "GET /users", method: "GET", path: "/users", status: 200,
			responseBody: `{"value": [{"id": "2"}]}`, sameAs: "list"},
	},
	{
		{source: "docs/get.md:10", name: "get_alice", op: "GetUser", pattern: "GET /users/{userID}", method: "GET", path: "/users/alice", status: 200,
			responseBody: `{"id": "alice"}`, pinPath: true},
		{source: "docs/bob.md:30", name: "get_bob", op: "GetUser", pattern: "GET /users/{userID}", method: "GET", path: "/users/bob", status: 200,
			responseBody: `{"id": "bob"}`, pinPath: true, links: 3},
	},
	{
		{source: "docs/create.md:10", name: "create", op: "CreateUser", pattern: "POST /users", method: "POST", path: "/users",
			requestBody: `{"name": "Ann", "age": 30, "tags": ["a"]}`, status: 201, responseBody: `{"id": "3", "name": "Ann"}`,
			fakeHeader: map[string]string{"ETag": `"v1"`}, responseHeader: map[string]string{"Location": "https://api.example.com/v1/users/3"}},
		{source: "docs/create.md:30", name: "create_admin", op: "CreateUser", pattern: "POST /users", method: "POST", path: "/users",
			requestBody: `{"name": "Root", "role": {"admin": true}}`, status: 201, responseBody: `{"id": "0"}`},
	},
	{
		{source: "docs/copy.md:10", name: "copy", op: "CopyUser", pattern: "POST /users/{userID}/copy", method: "POST", path: "/users/alice/copy", status: 202,
			responseHeader: map[string]string{"Location": "https://monitor.example.com/jobs/7"}},
	},
	{
		{source: "docs/photo.md:10", name: "photo", op: "GetPhoto", pattern: "GET /users/{userID}/photo", method: "GET", path: "/users/alice/photo", status: 200,
			content: true, responseHeader: map[string]string{"Content-Type": "image/png"}, responseBody: "PNGDATA"},
	},
	{
		{source: "docs/odd.md:10", name: "odd", method: "GET", path: "/odd/path", status: 204},
		{source: "docs/odd.md:30", name: "odd_item", method: "GET", path: "/odd/%7Bitem-id%7D/x", status: 200, responseBody: `{"odd": true}`},
	},
	{
		{source: "docs/event.md:10", name: "event", op: "CreateEvent", pattern: "POST /events", method: "POST", path: "/events",
			requestBody: `{"subject": "Plan", "start": "2006-01-02T15:04:05Z", "allDay": true}`, docRequestBody: `{"subject": "Plan", "start": "datetime-value", "allDay": "Boolean"}`,
			status: 201, responseBody: `{"id": "e1", "start": "2006-01-02T15:04:05Z"}`, docResponseBody: `{"id": "e1", "start": "datetime-value"}`},
		{source: "docs/event.md:30", name: "event_shift", op: "CreateEvent", pattern: "POST /events", method: "POST", path: "/events",
			requestBody: `{"subject": "Shift", "end": "2006-01-02T15:04:05Z"}`, docRequestBody: "{\n  \"subject\": \"Shift\",\n  \"end\": \"2018-10-04T00:58:45.340Z\", // the end\n}",
			status: 201, responseBody: `{"id": "e2"}`},
		{source: "docs/event.md:50", name: "event_typed", op: "CreateEvent", pattern: "POST /events", method: "POST", path: "/events",
			requestBody: `{"subject": "Typed", "type": "string", "a": 1, "b": 2, "c": 3, "d": 4}`, docRequestBody: `{"subject": "Typed", "type": "Integer", "a": 1, "b": 2, "c": 3, "d": 4}`, status: 201, responseBody: `{"id": "e3"}`},
		{source: "docs/event.md:70", name: "event_typed_owned", op: "CreateEvent", pattern: "POST /events", method: "POST", path: "/events",
			requestBody:    `{"subject": "Typed", "type": "string", "a": 1, "b": 2, "c": 3, "d": 4, "owner": "o"}`,
			docRequestBody: `{"subject": "Typed", "type": "Integer", "a": 1, "b": 2, "c": 3, "d": 4, "owner": "o"}`, status: 201, responseBody: `{"id": "e4"}`},
	},
	{
		{source: "docs/channel.md:10", name: "channel_member", op: "DeleteMember", pattern: "DELETE /teams/{teamID}/channels/{channelID}/members/{memberID}", method: "DELETE",
			path: "/teams/t1/channels/19:abc@thread.skype/members/m1", status: 204, pinPath: true},
		{source: "docs/channel.md:30", name: "channel_member_2", op: "DeleteMember", pattern: "DELETE /teams/{teamID}/channels/{channelID}/members/{memberID}", method: "DELETE",
			path: "/teams/t1/channels/19:def@thread.skype/members/m1", status: 404, responseBody: `{"error": {"code": "notFound", "message": "gone"}}`, pinPath: true},
	},
	{
		{source: "docs/manager.md:10", name: "manager", op: "GetMe", pattern: "GET /me", method: "GET", path: "/me",
			query: url.Values{"$expand": {"manager($levels=max;$select=id)"}}, status: 200, responseBody: `{"id": "me", "manager": {"id": "boss"}}`},
		{source: "docs/me.md:10", name: "me", op: "GetMe", pattern: "GET /me", method: "GET", path: "/me", status: 200, responseBody: `{"id": "me"}`},
	},
	{
		{source: "docs/search.md:10", name: "search", op: "Search", pattern: "GET /drive/search(q='{q}')", method: "GET", path: "/drive/search(q='x')", status: 200, responseBody: `{"value": []}`},
	},
	{
		{source: "docs/audits.md:10", name: "audits", op: "ListAudits", pattern: "GET /auditLogs/directoryAudits", method: "GET", path: "/auditLogs/directoryAudits", status: 200, responseBody: `{"value": [{"id": "a"}]}`},
	},
}

// testFake routes the test API as a generated handler would.
func testFake(log func(string), opts ...Option) http.Handler {
	fake := newExampleFake("https://api.example.com/v1/", testExamples, log)
	for _, opt := range opts {
		opt(fake)
	}
	rt := newRouter()
	for _, pattern := range []struct{ pattern, op string }{
		{"GET /users", "ListUsers"}, {"POST /users", "CreateUser"}, {"GET /users/{userID}", "GetUser"},
		{"POST /users/{userID}/copy", "CopyUser"}, {"GET /users/{userID}/photo", "GetPhoto"}, {"DELETE /users/{userID}", "DeleteUser"},
		{"POST /events", "CreateEvent"}, {"DELETE /teams/{teamID}/channels/{channelID}/members/{memberID}", "DeleteMember"},
		{"GET /me", "GetMe"}, {"GET /auditLogs/directoryAudits", "ListAudits"},
	} {
		rt.handle(pattern.pattern, fake.answer(pattern.op))
	}
	rt.handle("GET /drive/{docbindRest...}", templateRoutes{
		{pattern: "GET /drive/search(q='{q}')", literals: []string{"/drive/search(q='", "')"}, names: []string{"q"}, multi: []bool{false}, serve: fake.answer("Search")},
	})
	return recoverPanics(fake.wrap(rt))
}

func TestFakeAnswers(t *testing.T) {
	tests := []struct {
		name, method, target, body string
		header                     map[string]string
		wantStatus                 int
		wantBody                   []string // substrings of the body
		wantNoBody                 bool
		wantHeader                 map[string]string
	}{
		{name: "first documented of equals", method: "GET", target: "/users", wantStatus: 200, wantBody: []string{`"id": "1"`}},
		{name: "query makes it specific", method: "GET", target: "/users?$top=2", wantStatus: 200, wantBody: []string{`"value": []`}},
		{name: "extra query allowed", method: "GET", target: "/users?$top=2&$select=id", wantStatus: 200, wantBody: []string{`"value": []`}},
		{name: "asked by name", method: "GET", target: "/users", header: map[string]string{"Docbind-Example": "list_again"}, wantStatus: 200, wantBody: []string{`"id": "2"`}},
		{name: "asked for an unknown name", method: "GET", target: "/users", header: map[string]string{"Docbind-Example": "nope"}, wantStatus: 501},
		{name: "next link points back", method: "GET", target: "/users", wantStatus: 200, wantBody: []string{`"@odata.nextLink": "http://example.com/users?$skiptoken=abc"`}},
		{name: "next link answers the last page", method: "GET", target: "/users?$skiptoken=abc", wantStatus: 200, wantBody: []string{`"id": "1"`}},
		{name: "pinned path", method: "GET", target: "/users/bob", wantStatus: 200, wantBody: []string{`"id": "bob"`}},
		{name: "pinned path, another value", method: "GET", target: "/users/carol", wantStatus: 400,
			wantBody: []string{"docs/get.md:10 (get_alice)", "the example's path is /users/alice"}},
		{name: "body members present, extra allowed", method: "POST", target: "/users", body: `{"age": 30.0, "name": "Ann", "tags": ["a"], "x": 1}`,
			wantStatus: 201, wantBody: []string{`"name": "Ann"`}, wantHeader: map[string]string{"ETag": `"v1"`, "Location": "http://example.com/users/3"}},
		{name: "nested body", method: "POST", target: "/users", body: `{"name": "Root", "role": {"admin": true, "since": 2}}`, wantStatus: 201, wantBody: []string{`"id": "0"`}},
		{name: "body differs", method: "POST", target: "/users", body: `{"name": "Bea", "age": 30, "tags": ["a"]}`, wantStatus: 400,
			wantBody: []string{"docs/create.md:10 (create)", `the body's \"name\" is \"Bea\", the example's \"Ann\"`}},
		{name: "body not JSON", method: "POST", target: "/users", body: `name=Ann`, wantStatus: 400, wantBody: []string{"the body is not an object"}},
		{name: "monitor", method: "POST", target: "/users/x/copy", wantStatus: 202, wantHeader: map[string]string{"Location": "http://example.com/jobs/7"}},
		{name: "monitor answers", method: "GET", target: "/jobs/7", wantStatus: 200, wantBody: []string{`"status": "completed"`}},
		{name: "content", method: "GET", target: "/users/x/photo", wantStatus: 200, wantBody: []string{"PNGDATA"}, wantHeader: map[string]string{"Content-Type": "image/png"}},
		{name: "content range", method: "GET", target: "/users/x/photo", header: map[string]string{"Range": "bytes=0-2"}, wantStatus: 206, wantBody: []string{"PNG"}},
		{name: "unrouted example at its path", method: "GET", target: "/odd/path", wantStatus: 204},
		{name: "unrouted example's placeholder, as written", method: "GET", target: "/odd/{item-id}/x", wantStatus: 200},
		{name: "unrouted example's placeholder is no wildcard when strict", method: "GET", target: "/odd/i1/x", wantStatus: 404},
		{name: "no example of the operation", method: "DELETE", target: "/users/x", wantStatus: 501, wantBody: []string{"DeleteUser has no documented example"}},
		{name: "no such URL", method: "GET", target: "/groups", wantStatus: 404, wantBody: []string{"no documented URL matches GET /groups", "closest documented example"}},
		{name: "wrong method", method: "PUT", target: "/users", wantStatus: 405, wantBody: []string{"PUT is not documented at /users"}},
		{name: "HEAD answers as GET", method: "HEAD", target: "/users?$top=2", wantStatus: 200, wantNoBody: true},
		{name: "JSON sent as text", method: "POST", target: "/users", body: `{"name": "Ann", "age": 30, "tags": ["a"]}`,
			header: map[string]string{"Content-Type": "text/plain"}, wantStatus: 415, wantBody: []string{"unsupportedMediaType", "not text/plain"}},
		{name: "JSON sent as JSON", method: "POST", target: "/users", body: `{"name": "Ann", "age": 30, "tags": ["a"]}`,
			header: map[string]string{"Content-Type": "application/json; charset=utf-8"}, wantStatus: 201},
		{name: "documented body, placeholders and all", method: "POST", target: "/events", body: `{"subject": "Plan", "start": "datetime-value", "allDay": "Boolean"}`,
			wantStatus: 201, wantBody: []string{`"start": "datetime-value"`}},
		{name: "documented body with more members", method: "POST", target: "/events", body: `{"subject": "Plan", "start": "datetime-value", "allDay": "Boolean", "x": 1}`,
			wantStatus: 201, wantBody: []string{`"id": "e1"`}},
		{name: "the tests' body", method: "POST", target: "/events", body: `{"subject": "Plan", "start": "2006-01-02T15:04:05Z", "allDay": true}`,
			wantStatus: 201, wantBody: []string{`"id": "e1"`}},
		{name: "documented text that is not JSON", method: "POST", target: "/events",
			body: "{\n  \"subject\": \"Shift\",\n  \"end\": \"2018-10-04T00:58:45.340Z\", // the end\n}\n", wantStatus: 201, wantBody: []string{`"id": "e2"`}},
		{name: "a timestamp is an instant", method: "POST", target: "/events", body: `{"subject": "Shift", "end": "2006-01-02T16:04:05+01:00"}`,
			wantStatus: 201, wantBody: []string{`"id": "e2"`}},
		{name: "the tests' body of the larger example", method: "POST", target: "/events", body: `{"subject": "Typed", "type": "string", "a": 1, "b": 2, "c": 3, "d": 4, "owner": "o"}`,
			wantStatus: 201, wantBody: []string{`"id": "e4"`}},
		{name: "the documented body of the larger example", method: "POST", target: "/events", body: `{"subject": "Typed", "type": "Integer", "a": 1, "b": 2, "c": 3, "d": 4, "owner": "o"}`,
			wantStatus: 201, wantBody: []string{`"id": "e4"`}},
		{name: "the documented body of the smaller example", method: "POST", target: "/events", body: `{"subject": "Typed", "type": "Integer", "a": 1, "b": 2, "c": 3, "d": 4}`,
			wantStatus: 201, wantBody: []string{`"id": "e3"`}},
		{name: "escaped path", method: "DELETE", target: "/teams/t1/channels/19%3Aabc%40thread.skype/members/m1", wantStatus: 204},
		{name: "plain path", method: "DELETE", target: "/teams/t1/channels/19:def@thread.skype/members/m1", wantStatus: 404, wantBody: []string{"gone"}},
		{name: "escaped letters", method: "GET", target: "/users/%62ob", wantStatus: 200, wantBody: []string{`"id": "bob"`}},
		{name: "trailing slash", method: "GET", target: "/users/bob/", wantStatus: 200, wantBody: []string{`"id": "bob"`}},
		{name: "literal segments in any case", method: "GET", target: "/auditlogs/DIRECTORYAUDITS/", wantStatus: 200, wantBody: []string{`"id": "a"`}},
		{name: "values keep their case", method: "GET", target: "/USERS/Bob", wantStatus: 400, wantBody: []string{"the example's path is /users/alice"}},
		{name: "unrouted in any case", method: "GET", target: "/Odd/Path/", wantStatus: 204},
		{name: "a query option holding ;", method: "GET", target: "/me?$expand=manager($levels=max;$select=id)", wantStatus: 200, wantBody: []string{`"boss"`}},
		{name: "function call as written", method: "GET", target: "/drive/search(q='x')", wantStatus: 200},
		{name: "function call escaped", method: "GET", target: "/drive/search%28q=%27x%27%29", wantStatus: 200},
		{name: "function call in another case", method: "GET", target: "/Drive/Search(q='x')", wantStatus: 200},
	}
	h := testFake(nil, Strict())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.wantStatus, body)
			}
			for _, want := range tt.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("body %s lacks %s", body, want)
				}
			}
			for k, want := range tt.wantHeader {
				if got := rec.Header().Get(k); got != want {
					t.Errorf("header %s: %q, want %q", k, got, want)
				}
			}
			if tt.wantNoBody && body != "" {
				t.Errorf("body %q, want none", body)
			}
			if rec.Code >= 400 && !json.Valid(rec.Body.Bytes()) {
				t.Errorf("error body is not JSON: %s", body)
			}
		})
	}
}

// TestFakeLastPageHasNoNextLink follows a next link to its end.
func TestFakeLastPageHasNoNextLink(t *testing.T) {
	srv := httptest.NewServer(testFake(nil))
	defer srv.Close()
	link := srv.URL + "/users"
	for pages := 0; link != ""; pages++ {
		if pages > 2 {
			t.Fatal("the next links do not end")
		}
		resp, err := http.Get(link)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Next string `json:"@odata.nextLink"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if page.Next != "" && !strings.HasPrefix(page.Next, srv.URL+"/") {
			t.Fatalf("the next link %s does not point at the fake %s", page.Next, srv.URL)
		}
		link = page.Next
	}
}

// TestFakeLenient: without Strict, a request of an operation's route that
// matches no example exactly gets the closest one's answer, and the log
// says what differed; a compressed body is read, and the docs' base path
// may start the path.
func TestFakeLenient(t *testing.T) {
	var lines []string
	aliases := func(f *exampleFake) {
		f.setAliases([][]string{{"/drive", "/users/{userID}/drive", "/groups/{groupID}/drive"}})
	}
	h := testFake(func(line string) { lines = append(lines, line) }, aliases)
	create := `{"name": "Ann", "age": 30, "tags": ["a"]}`
	var gz, zl, fl bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write([]byte(create))
	gw.Close()
	zw := zlib.NewWriter(&zl)
	zw.Write([]byte(create))
	zw.Close()
	fw, _ := flate.NewWriter(&fl, flate.DefaultCompression)
	fw.Write([]byte(create))
	fw.Close()
	tests := []struct {
		name, method, target, body, encoding string
		wantStatus                           int
		wantBody                             string
	}{
		{"another value in a pinned path: the most linked page answers", "GET", "/users/carol", "", "", 200, `"id": "bob"`},
		{"the docs' own request: its example answers", "GET", "/users/alice", "", "", 200, `"id": "alice"`},
		{"another body", "POST", "/users", `{"name": "Bea", "age": 30, "tags": ["a"]}`, "", 201, `"name": "Ann"`},
		{"the closest of several", "POST", "/users", `{"name": "Root", "role": {"admin": false}}`, "", 201, `"id": "0"`},
		{"names and strings in any case, a number as a string", "POST", "/users", `{"NAME": "ann", "Age": "30", "tags": ["A"]}`, "", 201, `"id": "3"`},
		{"gzip", "POST", "/users", gz.String(), "gzip", 201, `"id": "3"`},
		{"deflate, zlib's format", "POST", "/users", zl.String(), "deflate", 201, `"id": "3"`},
		{"deflate, raw", "POST", "/users", fl.String(), "Deflate", 201, `"id": "3"`},
		{"gzip that is not", "POST", "/users", create, "gzip", 400, "the gzip request body cannot be read"},
		{"an encoding clients do not send", "POST", "/users", create, "br", 400, `Content-Encoding \"br\" is none of gzip and deflate`},
		{"the docs' base path", "GET", "/v1/users?$top=2", "", "", 200, `"value": []`},
		{"the docs' base path, then a pinned path", "GET", "/v1/users/bob", "", "", 200, `"id": "bob"`},
		{"no such URL still", "GET", "/v1/groups", "", "", 404, "no documented URL matches GET /groups"},
		{"another method still", "PUT", "/users", "", "", 405, "PUT is not documented at /users"},
		{"a placeholder in a path no route serves", "GET", "/odd/i1/X", "", "", 200, `"odd": true`},
		{"another spelling of a resource", "GET", "/users/ann/drive/search(q='x')", "", "", 200, ""},
		{"another spelling of a resource, under the docs' base path", "GET", "/v1/USERS/ann/drive/search(q='x')", "", "", 200, ""},
		{"a spelling whose wildcards lack values", "GET", "/drive/x/search(q='x')", "", "", 404, "no documented URL matches"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			if tt.encoding != "" {
				req.Header.Set("Content-Encoding", tt.encoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %s, want %d and %s", rec.Code, rec.Body, tt.wantStatus, tt.wantBody)
			}
			if ct := rec.Header().Get("Content-Type"); rec.Body.Len() > 0 && !isJSON(ct) {
				t.Errorf("Content-Type %q of a JSON answer", ct)
			}
		})
	}
	for _, want := range []string{
		`GET /users/carol: no example matches exactly; the closest answers (the example's path is /users/bob)`,
		`GET /users/ann/drive/search(q='x'): served as /drive/search(q='x'), which the docs document as the same resource`,
		`POST /users -> 201 example docs/create.md:10 (create)`, // the folded body matched
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("the log lacks %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
}

// TestFakeLogs checks the log line of an answer and of a refusal.
func TestFakeLogs(t *testing.T) {
	var lines []string
	h := testFake(func(line string) { lines = append(lines, line) })
	for _, target := range []string{"/users?$top=2", "/nowhere"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
	}
	want := []string{
		"GET /users?$top=2 -> 200 example docs/list.md:30 (list_top)",
		"GET /nowhere -> 404 no documented URL matches GET /nowhere",
	}
	if len(lines) != len(want) {
		t.Fatalf("logged %q, want %d lines", lines, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("line %d: %q, want it to start %q", i, lines[i], want[i])
		}
	}
}

// FuzzFake sends the fake any request: it must answer without panicking,
// and every error it answers must be the API's JSON envelope.
func FuzzFake(f *testing.F) {
	f.Add("GET", "/users?$top=2", "", "")
	f.Add("POST", "/users", `{"name": "Ann", "age": 30, "tags": ["a"]}`, "")
	f.Add("POST", "/users", `{"name": [1, {"a": null}], "age": 1e400}`, "create")
	f.Add("GET", "/users/%2e%2e/x", "", "")
	f.Add("GET", "/users?$skiptoken=abc&%zz", "", "list_again")
	h := testFake(nil)
	f.Fuzz(func(t *testing.T, method, target, body, example string) {
		req, err := http.NewRequest(method, "http://example.com"+target, strings.NewReader(body))
		if err != nil || req.URL.Path == "" || !strings.HasPrefix(target, "/") {
			return
		}
		req.RequestURI = req.URL.RequestURI()
		if example != "" {
			req.Header["Docbind-Example"] = []string{example}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		data, _ := io.ReadAll(rec.Result().Body)
		if rec.Code >= 400 && !json.Valid(data) {
			t.Fatalf("%s %s answered %d with %q", method, target, rec.Code, data)
		}
	})
}
