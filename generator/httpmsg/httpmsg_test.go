package httpmsg

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name  string
		block string
		want  Request
	}{
		{"absolute URL", "POST https://graph.microsoft.com/v1.0/drive/root/versions\n",
			Request{Method: "POST", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/drive/root/versions", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"relative path with protocol and headers", "get /me/drive/root HTTP/1.1\nAccept: application/json\nif-none-match: abc\n",
			Request{Method: "GET", Path: "/me/drive/root", Query: url.Values{}, Header: http.Header{"Accept": {"application/json"}, "If-None-Match": {"abc"}}, HeaderNames: map[string]string{"Accept": "Accept", "If-None-Match": "if-none-match"}, BodyLine: -1}},
		{"version written v1", "PUT https://graph.microsoft.com/v1/teams/{id}/schedule\n",
			Request{Method: "PUT", BaseURL: "https://graph.microsoft.com/v1", Path: "/teams/{id}/schedule", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"placeholder with spaces", "GET https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/users/{id | userPrincipalName}", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"query with spaces", "GET https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName, 'a') and x eq 1 HTTP/1.1\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/users", RawQuery: "$filter=startswith(displayName, 'a') and x eq 1", Query: url.Values{"$filter": {"startswith(displayName, 'a') and x eq 1"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"function argument with a space", "GET /me/drive/root/search(q='Contoso Project')\n",
			Request{Method: "GET", Path: "/me/drive/root/search(q='Contoso Project')", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"absolute URL keeps a function call as written", "GET https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/worksheets/{sheet-id}/range(address='A1:B2') HTTP/1.1\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/me/drive/items/{id}/workbook/worksheets/{sheet-id}/range(address='A1:B2')", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"version before the URL", "GET HTTP/2.0 https://graph.microsoft.com/v1.0/identityProtection/riskyUsers?$filter=riskLevel eq 'medium'\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/identityProtection/riskyUsers", RawQuery: "$filter=riskLevel eq 'medium'", Query: url.Values{"$filter": {"riskLevel eq 'medium'"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"function arguments spaced for reading", "POST /me/drive/root/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})\n",
			Request{Method: "POST", Path: "/me/drive/root/workbook/worksheets/{id}/range/resizedRange(deltaRows={n},deltaColumns={n})", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"query", "GET /me/drive/root/children?$select=id,name&$top=2\n",
			Request{Method: "GET", Path: "/me/drive/root/children", RawQuery: "$select=id,name&$top=2", Query: url.Values{"$select": {"id,name"}, "$top": {"2"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"body after blank line", "PATCH /me/drive/items/1\nContent-Type: application/json\n\n{\n  \"name\": \"x\"\n}\n",
			Request{Method: "PATCH", Path: "/me/drive/items/1", Query: url.Values{}, Header: http.Header{"Content-Type": {"application/json"}}, HeaderNames: map[string]string{"Content-Type": "Content-Type"}, Body: "{\n  \"name\": \"x\"\n}", BodyLine: 3}},
		{"body without blank line", "POST /x\nContent-Type: application/json\n{ \"a\": 1 }\n",
			Request{Method: "POST", Path: "/x", Query: url.Values{}, Header: http.Header{"Content-Type": {"application/json"}}, HeaderNames: map[string]string{"Content-Type": "Content-Type"}, Body: `{ "a": 1 }`, BodyLine: 2}},
		{"leading blank lines", "\n\nDELETE /x\n",
			Request{Method: "DELETE", Path: "/x", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseRequest(tt.block)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestParseResponse(t *testing.T) {
	want := Response{Status: 201, Reason: "Created", Header: http.Header{"Content-Type": {"application/json"}, "Content-Length": {"445"}}, Body: `{"a": 1}`, BodyLine: 4}
	for _, proto := range []string{"HTTP/1.1", "HTTP/2", "HTTP", "http"} {
		got, err := ParseResponse(proto + " 201 Created\nContent-type: application/json\nContent-length: 445\n\n{\"a\": 1}\n")
		if err != nil {
			t.Fatalf("%s: %v", proto, err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", proto, *got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		parse    func(string) error
		block    string
		wantLine int
		wantCol  int
	}{
		{"empty request", req, "\n", 0, 0},
		{"no method", req, "/drive/root\n", 0, 1},
		{"bad header", req, "GET /x\nthis is not a header\n", 1, 1},
		{"bad status", resp, "HTTP/1.1 abc OK\n", 0, 10},
		{"not a status line", resp, "200 OK\n", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *Error
			if err := tt.parse(tt.block); !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if e.Line != tt.wantLine || e.Col != tt.wantCol {
				t.Errorf("at %d:%d, want %d:%d (%v)", e.Line, e.Col, tt.wantLine, tt.wantCol, e)
			}
		})
	}
}

func req(s string) error  { _, err := ParseRequest(s); return err }
func resp(s string) error { _, err := ParseResponse(s); return err }
