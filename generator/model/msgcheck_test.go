package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// TestVersionBeforeURL reads "GET HTTP/2.0 https://..." as ApiDoctor's
// HttpParser does, the version as the version, in the URL lines of the
// "HTTP request" section and in the request example alike: one route,
// the documented one, and a DB213 at each version.
func TestVersionBeforeURL(t *testing.T) {
	api, diags := buildPages(t, map[string]string{"api/riskyuser-list.md": "# List riskyUsers\n\n## HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET HTTP/1.1 /identityProtection/riskyUsers\n```\n\n## Example\n<!-- { \"blockType\": \"request\", \"name\": \"list_riskyusers\" } -->\n```http\nGET HTTP/2.0 https://graph.microsoft.com/v1.0/identityProtection/riskyUsers?$filter=riskLevel eq 'medium'\n```\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"})
	var routes []string
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			routes = append(routes, v.Pattern)
		}
	}
	if !slices.Equal(routes, []string{"GET /identityProtection/riskyUsers"}) {
		t.Errorf("routes %v", routes)
	}
	var at []string
	for _, d := range diags {
		if d.Code == diag.VersionBeforeURL {
			at = append(at, d.Pos.String())
		} else if d.Severity != diag.Note {
			t.Errorf("unexpected %v", d)
		}
	}
	if !slices.Equal(at, []string{"api/riskyuser-list.md:6:5", "api/riskyuser-list.md:12:5"}) {
		t.Errorf("DB213 at %v", at)
	}
}

// TestMessageChecks checks the JSON parts of multipart bodies (DB214) and
// reports a JSON body's missing delimiter where it is missing (DB203),
// with the places the message speaks of as related positions.
func TestMessageChecks(t *testing.T) {
	page := `# Upload thing

## HTTP request
<!-- { "blockType": "ignored" } -->
` + "```http\nPOST /things\n```" + `

## Example
<!-- { "blockType": "request", "name": "upload_thing" } -->
` + "```http" + `
POST https://graph.microsoft.com/v1.0/things
Content-Type: multipart/related; boundary="A100x"

--A100x
Content-ID: <metadata>
Content-Type: application/json

{
  "name": "newfile.txt",
  "file": {},
}

--A100x
Content-Type: application/json

{ "a": 1 "b": 2 }
--A100x--
` + "```" + `

<!-- { "blockType": "response" } -->
` + "```http" + `
HTTP/1.1 201 Created
Content-type: application/json

{
  "id": "1",
  "file": {
    "size": 3,
  "name": "newfile.txt"
}
` + "```\n"
	_, diags := buildPages(t, map[string]string{"api/thing-upload.md": page})
	type want struct {
		code    diag.Code
		pos     string
		msg     string
		related []string
	}
	wants := []want{
		{diag.RepairedJSON, "api/thing-upload.md:21:13", "JSON of multipart part 1 (<metadata>): removed a trailing comma to read it", nil},
		{diag.BadMultipartJSON, "api/thing-upload.md:27:9", `request "upload_thing": multipart part 2 is application/json but does not parse: invalid JSON: "," is missing after this value; the parser stops on this line: invalid character '"' after object key:value pair`,
			[]string{"api/thing-upload.md:27:10"}},
		{diag.BadJSON, "api/thing-upload.md:39:14", `invalid JSON: "}" is missing here to close the object opened 1 line above; the parser stops at the end: unexpected end of JSON input; body ignored`,
			[]string{"api/thing-upload.md:38:11", "api/thing-upload.md:41:2"}},
	}
	var got []want
	for _, d := range diags {
		w := want{d.Code, d.Pos.String(), d.Message, nil}
		for _, r := range d.Related {
			w.related = append(w.related, r.Pos.String())
		}
		got = append(got, w)
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(got), len(wants), diags)
	}
	for i := range wants {
		g, w := got[i], wants[i]
		if g.code != w.code || g.pos != w.pos || g.msg != w.msg || strings.Join(g.related, " ") != strings.Join(w.related, " ") {
			t.Errorf("got  %+v\nwant %+v", g, w)
		}
	}
}
