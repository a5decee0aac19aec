package httpmsg

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// oneDriveUpload is the multipart/related upload of OneDrive's docs
// (driveitem_post_content.md), which ApiDoctor's MultipartMimeContent
// splits into a <metadata> and a <content> part.
const oneDriveUpload = `POST /drive/items/{folder-id}/children
Content-Type: multipart/related; boundary="A100x"

--A100x
Content-ID: <metadata>
Content-Type: application/json

{
  "name": "newfile.txt",
  "file": {}
}

--A100x
Content-ID: <content>
Content-Type: text/plain

Contents of the file to be uploaded.

--A100x--
`

// TestMultipart splits multipart bodies as ApiDoctor's MultipartMime
// does (parts between "--boundary" lines, up to "--boundary--"), and says
// what it cannot split.
func TestMultipart(t *testing.T) {
	type part struct {
		name, contentType string
		json              bool
		body              string
		bodyLine          int
	}
	tests := []struct {
		name     string
		block    string
		want     []part
		warnings []int // lines of the DB214 warnings
	}{
		{"related, quoted boundary", oneDriveUpload, []part{
			{"<metadata>", "application/json", true, "{\n  \"name\": \"newfile.txt\",\n  \"file\": {}\n}", 7},
			{"<content>", "text/plain", false, "Contents of the file to be uploaded.", 16},
		}, nil},
		{"form-data, bare boundary, headers without a space", "POST /pages\nContent-type: multipart/form-data; boundary=MyPartBoundary198374\n\n--MyPartBoundary198374\nContent-Disposition:form-data; name=\"Presentation\"\nContent-Type:text/html\n\n<html></html>\n\n--MyPartBoundary198374\nContent-Disposition:form-data; name=\"meta\"\nContent-Type:application/json; charset=utf-8\n\n{\"a\": 1}\n--MyPartBoundary198374--\n", []part{
			{"Presentation", "text/html", false, "<html></html>", 7},
			{"meta", "application/json; charset=utf-8", true, `{"a": 1}`, 13},
		}, nil},
		{"mixed: preamble, epilogue, padding, a folded header, a +json part", "POST /x\nContent-Type: multipart/mixed; boundary=b\n\nThis is the preamble.\n--b   \nContent-Type:\n  application/problem+json\n\n{}\n--b--\nThis is the epilogue.\n--b\n", []part{
			{"", "application/problem+json", true, "{}", 8},
		}, nil},
		{"a JSON part with no blank line after its headers", "POST /x\nContent-Type: multipart/related; boundary=b\n--b\nContent-Type: application/json\n{\"a\": 1}\n--b--\n", []part{
			{"", "application/json", true, `{"a": 1}`, 4},
		}, nil},
		{"a part with no headers is text", "POST /x\nContent-Type: multipart/related; boundary=b\n\n--b\n\n{\"a\": 1}\n--b--\n", []part{
			{"", "", false, `{"a": 1}`, 5},
		}, nil},
		{"an empty part", "POST /x\nContent-Type: multipart/related; boundary=b\n\n--b\n--b--\n", []part{
			{"", "", false, "", -1},
		}, nil},
		{"no closing delimiter: the last part runs to the end", "POST /x\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: application/json\n\n{\"a\": 1}\n\n", []part{
			{"", "application/json", true, `{"a": 1}`, 6},
		}, []int{6}},
		{"no boundary", "POST /x\nContent-Type: multipart/related\n\n--b\nContent-Type: application/json\n\n{}\n--b--\n", nil, []int{3}},
		{"no part opens", "POST /x\nContent-Type: multipart/form-data; boundary=b\n\n... binary data ...\n", nil, []int{3}},
		{"a boundary that no line opens", "POST /x\nContent-Type: multipart/related; boundary=\"A100x\"\n\n--A100y\nContent-Type: application/json\n\n{}\n--A100y--\n", nil, []int{3}},
		{"a header line that is none", "POST /x\nContent-Type: multipart/related; boundary=b\n\n--b\nthis is not a header\n\n{}\n--b\nContent-Type: application/json\n\n[]\n--b--\n", []part{
			{"", "application/json", true, "[]", 10},
		}, []int{4}},
		{"a stray semicolon in the Content-Type", "POST /x\nContent-Type: multipart/related; boundary=b;\n\n--b\nContent-Type: application/json\n\n{}\n--b--\n", []part{
			{"", "application/json", true, "{}", 6},
		}, nil},
		{"not multipart", "POST /x\nContent-Type: application/json\n\n--b\n", nil, nil},
		{"multipart with no body", "POST /x\nContent-Type: multipart/related; boundary=b\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := ParseRequest(tt.block)
			if err != nil {
				t.Fatal(err)
			}
			var got []part
			for _, p := range req.Parts {
				got = append(got, part{p.Name(), p.Header.Get("Content-Type"), p.IsJSON(), p.Body, p.BodyLine})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parts\n got %+v\nwant %+v", got, tt.want)
			}
			var lines []int
			for _, w := range req.Warnings {
				if w.Code != diag.BadMultipartJSON || w.Col != 1 {
					t.Errorf("warning %+v", w)
				}
				lines = append(lines, w.Line)
			}
			if !reflect.DeepEqual(lines, tt.warnings) {
				t.Errorf("warnings at lines %v, want %v: %+v", lines, tt.warnings, req.Warnings)
			}
		})
	}
}

func TestMultipartResponse(t *testing.T) {
	resp, err := ParseResponse("HTTP/1.1 200 OK\nContent-Type: multipart/related; boundary=r\n\n--r\nContent-Type: application/json\n\n{\"id\": 1}\n--r--\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Part{{Header: http.Header{"Content-Type": {"application/json"}}, Body: `{"id": 1}`, BodyLine: 6, Line: 3}}
	if !reflect.DeepEqual(resp.Parts, want) || len(resp.Warnings) != 0 {
		t.Errorf("got %+v, %+v", resp.Parts, resp.Warnings)
	}
}

// TestMultipartBounded reads a body of many delimiter lines in time linear
// in its size, up to maxParts parts.
func TestMultipartBounded(t *testing.T) {
	block := "POST /x\nContent-Type: multipart/mixed; boundary=b\n\n" + strings.Repeat("--b\n", 100_000)
	req, err := ParseRequest(block)
	if err != nil {
		t.Fatal(err)
	}
	if len(req.Parts) != maxParts {
		t.Errorf("%d parts, want %d", len(req.Parts), maxParts)
	}
}
