package httpmsg

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/docbind/docbind/generator/diag"
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
			Request{Method: "GET", Path: "/me/drive/root", Query: url.Values{}, Header: http.Header{"Accept": {"application/json"}, "If-None-Match": {"abc"}}, HeaderNames: map[string]string{"Accept": "Accept", "If-None-Match": "if-none-match"}, BodyLine: -1, Version: "HTTP/1.1"}},
		{"version written v1", "PUT https://graph.microsoft.com/v1/teams/{id}/schedule\n",
			Request{Method: "PUT", BaseURL: "https://graph.microsoft.com/v1", Path: "/teams/{id}/schedule", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"placeholder with spaces", "GET https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/users/{id | userPrincipalName}", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"query with spaces", "GET https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName, 'a') and x eq 1 HTTP/1.1\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/users", RawQuery: "$filter=startswith(displayName, 'a') and x eq 1", Query: url.Values{"$filter": {"startswith(displayName, 'a') and x eq 1"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1, Version: "HTTP/1.1"}},
		{"function argument with a space", "GET /me/drive/root/search(q='Contoso Project')\n",
			Request{Method: "GET", Path: "/me/drive/root/search(q='Contoso Project')", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"absolute URL keeps a function call as written", "GET https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/worksheets/{sheet-id}/range(address='A1:B2') HTTP/1.1\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/me/drive/items/{id}/workbook/worksheets/{sheet-id}/range(address='A1:B2')", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1, Version: "HTTP/1.1"}},
		{"version before the URL", "GET HTTP/2.0 https://graph.microsoft.com/v1.0/identityProtection/riskyUsers?$filter=riskLevel eq 'medium'\n",
			Request{Method: "GET", BaseURL: "https://graph.microsoft.com/v1.0", Path: "/identityProtection/riskyUsers", RawQuery: "$filter=riskLevel eq 'medium'", Query: url.Values{"$filter": {"riskLevel eq 'medium'"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1, Version: "HTTP/2.0",
				Warnings: []Warning{VersionBeforeURL(0, RequestLine{Version: "HTTP/2.0", VersionCol: 5})}}},
		{"function arguments spaced for reading", "POST /me/drive/root/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})\n",
			Request{Method: "POST", Path: "/me/drive/root/workbook/worksheets/{id}/range/resizedRange(deltaRows={n},deltaColumns={n})", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"query", "GET /me/drive/root/children?$select=id,name&$top=2\n",
			Request{Method: "GET", Path: "/me/drive/root/children", RawQuery: "$select=id,name&$top=2", Query: url.Values{"$select": {"id,name"}, "$top": {"2"}}, Header: http.Header{}, HeaderNames: map[string]string{}, BodyLine: -1}},
		{"body after blank line", "PATCH /me/drive/items/1\nContent-Type: application/json\n\n{\n  \"name\": \"x\"\n}\n",
			Request{Method: "PATCH", Path: "/me/drive/items/1", Query: url.Values{}, Header: http.Header{"Content-Type": {"application/json"}}, HeaderNames: map[string]string{"Content-Type": "Content-Type"}, Body: "{\n  \"name\": \"x\"\n}", BodyLine: 3}},
		{"body without blank line", "POST /x\nContent-Type: application/json\n{ \"a\": 1 }\n",
			Request{Method: "POST", Path: "/x", Query: url.Values{}, Header: http.Header{"Content-Type": {"application/json"}}, HeaderNames: map[string]string{"Content-Type": "Content-Type"}, Body: `{ "a": 1 }`, BodyLine: 2}},
		{"a blank line before the headers", "POST /x\n\nContent-type: application/json\nContent-length: 8\n\n{\"a\": 1}\n",
			Request{Method: "POST", Path: "/x", Query: url.Values{}, Header: http.Header{"Content-Type": {"application/json"}, "Content-Length": {"8"}}, HeaderNames: map[string]string{"Content-Type": "Content-type", "Content-Length": "Content-length"}, Body: `{"a": 1}`, BodyLine: 5,
				Warnings: []Warning{{Line: 2, Col: 1, Code: diag.HeadersAfterBlank, Msg: "a blank line separates the request line from its header lines, which read as the body in HTTP; they are read as headers: remove the blank line"}}}},
		{"a blank line before headers alone", "GET /x\n\nPrefer: odata.maxpagesize=2\n",
			Request{Method: "GET", Path: "/x", Query: url.Values{}, Header: http.Header{"Prefer": {"odata.maxpagesize=2"}}, HeaderNames: map[string]string{"Prefer": "Prefer"}, BodyLine: -1,
				Warnings: []Warning{{Line: 2, Col: 1, Code: diag.HeadersAfterBlank, Msg: "a blank line separates the request line from its header lines, which read as the body in HTTP; they are read as headers: remove the blank line"}}}},
		{"a text body that is no header run stays a body", "POST /x\n\nSubject: hi\nthe text\n",
			Request{Method: "POST", Path: "/x", Query: url.Values{}, Header: http.Header{}, HeaderNames: map[string]string{}, Body: "Subject: hi\nthe text", BodyLine: 2}},
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
		{"version but no URL", req, "GET HTTP/1.1\n", 0, 1},
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

// TestParseRequestLine reads request lines as ApiDoctor's HttpParserTests
// do (ParseOdataUrl, ParseOdataMethod, ParseDefaultHttpVersion,
// ParseHttpVersion), the version before the URL included; the URL is the
// URL, where ApiDoctor's parser takes such a version into it.
func TestParseRequestLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want RequestLine
		ok   bool
	}{
		{"OData URL with spaces", `GET https://graph.microsoft.com/beta/riskyUsers?$filter=riskLevel eq microsoft.graph.riskLevel'medium'`,
			RequestLine{Method: "GET", Target: `https://graph.microsoft.com/beta/riskyUsers?$filter=riskLevel eq microsoft.graph.riskLevel'medium'`, TargetCol: 5}, true},
		{"version after the URL", "GET /me/drive HTTP/1.1",
			RequestLine{Method: "GET", Target: "/me/drive", TargetCol: 5, Version: "HTTP/1.1", VersionCol: 15}, true},
		{"version before the URL", `GET HTTP/1.1 https://graph.microsoft.com/beta/riskyUsers?$filter=riskLevel eq microsoft.graph.riskLevel'medium'`,
			RequestLine{Method: "GET", Target: `https://graph.microsoft.com/beta/riskyUsers?$filter=riskLevel eq microsoft.graph.riskLevel'medium'`, TargetCol: 14, Version: "HTTP/1.1", VersionCol: 5, VersionBeforeURL: true}, true},
		{"version before a URL without spaces", "GET HTTP/1.1  https://graph.microsoft.com/beta/accessReviews('2b83cc42')",
			RequestLine{Method: "GET", Target: "https://graph.microsoft.com/beta/accessReviews('2b83cc42')", TargetCol: 15, Version: "HTTP/1.1", VersionCol: 5, VersionBeforeURL: true}, true},
		{"version on both sides", "post http/2 /x HTTP/2",
			RequestLine{Method: "POST", Target: "/x", TargetCol: 13, Version: "http/2", VersionCol: 6, VersionBeforeURL: true}, true},
		{"indented", "  DELETE\t/x/{id | name}  ",
			RequestLine{Method: "DELETE", Target: "/x/{id | name}", TargetCol: 10}, true},
		{"URL whose scheme is http", "GET http://example.com/x",
			RequestLine{Method: "GET", Target: "http://example.com/x", TargetCol: 5}, true},
		{"a version is no URL", "GET HTTP/1.1", RequestLine{}, false},
		{"two versions are no URL", "GET HTTP/1.1 HTTP/1.1", RequestLine{}, false},
		{"no URL", "GET", RequestLine{}, false},
		{"not a method", "FETCH /x", RequestLine{}, false},
		{"a response line", "HTTP/1.1 200 OK", RequestLine{}, false},
		{"empty", "", RequestLine{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseRequestLine(tt.line)
			if ok != tt.ok || got != tt.want {
				t.Errorf("got %+v, %v\nwant %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseRequestVersionBeforeURL(t *testing.T) {
	req, err := ParseRequest("\nGET HTTP/2.0 https://graph.microsoft.com/v1.0/identityProtection/riskyUsers?$filter=riskLevel eq 'medium'\n")
	if err != nil {
		t.Fatal(err)
	}
	if req.Path != "/identityProtection/riskyUsers" || req.Version != "HTTP/2.0" {
		t.Errorf("path %q, version %q", req.Path, req.Version)
	}
	if len(req.Warnings) != 1 || req.Warnings[0].Code != diag.VersionBeforeURL || req.Warnings[0].Line != 1 || req.Warnings[0].Col != 5 {
		t.Errorf("warnings %+v, want one DB213 at 1:5", req.Warnings)
	}
}
