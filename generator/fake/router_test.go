package fake

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRouterEquivalences checks the router every generated handler and
// docbind serve route by: the spellings the API takes for one URL reach its
// route, with the path values as sent, and nothing else changes.
func TestRouterEquivalences(t *testing.T) {
	rt := newRouter()
	echo := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Route", name)
			w.Header().Set("X-Values", r.PathValue("id")+"|"+r.PathValue("q")+"|"+r.URL.Path)
		}
	}
	rt.handle("GET /auditLogs/directoryAudits", echo("audits"))
	rt.handle("GET /users/{id}", echo("user"))
	rt.handle("DELETE /users/{id}", echo("delete"))
	rt.handle("GET /teams/{id}/channels", echo("channels"))
	// Two spellings of one URL, on two pages: each routes as spelled.
	rt.handle("GET /directoryRoles/{id}/members", echo("members"))
	rt.handle("GET /directoryroles/{id}/scopedMembers", echo("scoped"))
	rt.handle("GET /Directoryroles/{id}/owners", echo("owners"))
	rt.handle("GET /drive/{docbindRest...}", templateRoutes{
		{pattern: "GET /drive/search(q='{q}')", literals: []string{"/drive/search(q='", "')"}, names: []string{"q"}, multi: []bool{false}, serve: echo("search")},
	})
	// Patterns whose lower-case forms conflict route as spelled.
	rt.handle("GET /Conflict/{a}", echo("conflict-a"))
	rt.handle("GET /conflict/{b}", echo("conflict-b"))
	tests := []struct {
		method, target  string
		route, values   string
		status          int
		allow, location string
	}{
		{method: "GET", target: "/auditLogs/directoryAudits", route: "audits", values: "||/auditLogs/directoryAudits"},
		{method: "GET", target: "/auditLogs/directoryaudits", route: "audits", values: "||/auditLogs/directoryAudits"},
		{method: "GET", target: "/AUDITLOGS/DIRECTORYAUDITS/", route: "audits", values: "||/auditLogs/directoryAudits"},
		{method: "HEAD", target: "/auditlogs/directoryaudits", route: "audits", values: "||/auditLogs/directoryAudits"},
		{method: "GET", target: "/Users/Alice", route: "user", values: "Alice||/users/Alice"},
		{method: "GET", target: "/users/Alice/", route: "user", values: "Alice||/users/Alice"},
		{method: "GET", target: "/users/19%3Aabc%40thread.skype", route: "user", values: "19:abc@thread.skype||/users/19:abc@thread.skype"},
		{method: "GET", target: "/users/a%2Fb", route: "user", values: "a/b||/users/a/b"},
		{method: "DELETE", target: "/USERS/x/", route: "delete", values: "x||/users/x"},
		{method: "GET", target: "/Teams/t%201/Channels", route: "channels", values: "t 1||/teams/t 1/channels"},
		{method: "GET", target: "/directoryRoles/r/scopedMembers", route: "scoped", values: "r||/directoryroles/r/scopedMembers"},
		{method: "GET", target: "/directoryRoles/r/members", route: "members", values: "r||/directoryRoles/r/members"},
		{method: "GET", target: "/directoryRoles/r/owners", route: "owners", values: "r||/Directoryroles/r/owners"},
		{method: "GET", target: "/drive/search(q='x')", route: "search", values: "|x|/drive/search(q='x')"},
		{method: "GET", target: "/drive/search%28q=%27a%20b%27%29", route: "search", values: "|a b|/drive/search(q='a b')"},
		{method: "GET", target: "/drive/Search(q='X')/", route: "search", values: "|X|/drive/Search(q='X')"},
		{method: "GET", target: "/Conflict/1", route: "conflict-a", values: "||/Conflict/1"},
		{method: "GET", target: "/conflict/2", route: "conflict-b", values: "||/conflict/2"},
		{method: "GET", target: "/nowhere", status: 404},
		{method: "GET", target: "/users/a/b", status: 404},
		{method: "GET", target: "/drive/other", status: 404},
		{method: "PUT", target: "/Users/x", status: 405, allow: "DELETE, GET, HEAD"},
		{method: "GET", target: "/users//x", status: 307, location: "/users/x"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		rt.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.target, nil))
		status := tt.status
		if status == 0 {
			status = 200
		}
		if rec.Code != status || rec.Header().Get("X-Route") != tt.route || rec.Header().Get("X-Values") != tt.values {
			t.Errorf("%s %s: %d %q %q, want %d %q %q", tt.method, tt.target, rec.Code, rec.Header().Get("X-Route"), rec.Header().Get("X-Values"), status, tt.route, tt.values)
		}
		if tt.allow != "" && rec.Header().Get("Allow") != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.target, rec.Header().Get("Allow"), tt.allow)
		}
		if tt.location != "" && rec.Header().Get("Location") != tt.location {
			t.Errorf("%s %s: Location %q, want %q", tt.method, tt.target, rec.Header().Get("Location"), tt.location)
		}
	}
}

// TestCanonicalPath checks the path the templates and the fake compare.
func TestCanonicalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/a/b":                   "/a/b",
		"/a%3Ab%40c":             "/a:b@c",
		"/search%28q=%27x%27%29": "/search(q='x')",
		"/a%2fb/%25":             "/a%2Fb/%25",
		"/a%zz/%4":               "/a%zz/%4",
		"/%7Bid%7D/%C3%A9":       "/{id}/é",
	} {
		if got := canonicalPath(in); got != want {
			t.Errorf("canonicalPath(%q) = %q, want %q", in, got, want)
		}
	}
}
