package httpmsg

import (
	"fmt"
	"mime"
	"net/http"
	"net/textproto"
	"strings"

	"github.com/docbind/docbind/generator/diag"
)

// Part is one part of a multipart body (RFC 2046): its headers and body.
type Part struct {
	Header http.Header
	Body   string
	// BodyLine is the 0-based line of the block where Body starts, or -1
	// when the part has no body.
	BodyLine int
	Line     int // 0-based line of the block of the delimiter that opens the part
}

// Name is how the docs name the part: its Content-ID ("<metadata>"), else
// the name of its Content-Disposition (form-data; name="file"), else "".
func (p Part) Name() string {
	if id := p.Header.Get("Content-ID"); id != "" {
		return id
	}
	if _, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil {
		return params["name"]
	}
	return ""
}

// IsJSON reports a part whose Content-Type is JSON (application/json, or
// any +json type). A part that names no Content-Type is text/plain (RFC
// 2046), as ApiDoctor reads it too.
func (p Part) IsJSON() bool {
	mt, _ := mediaType(p.Header.Get("Content-Type"))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// mediaType is the lower-case media type of a Content-Type value and its
// parameters. A value mime.ParseMediaType refuses (a stray ";", say) is
// split as ApiDoctor's MimeContentType splits it: at ";", then at "=".
func mediaType(value string) (string, map[string]string) {
	if mt, params, err := mime.ParseMediaType(value); err == nil {
		return mt, params
	}
	pieces := strings.Split(value, ";")
	params := map[string]string{}
	for _, p := range pieces[1:] {
		if k, v, ok := strings.Cut(p, "="); ok && strings.TrimSpace(k) != "" {
			params[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return strings.ToLower(strings.TrimSpace(pieces[0])), params
}

// maxParts bounds the parts read of one body, so that a hostile body of
// delimiter lines costs no more than its size.
const maxParts = 1000

// readMultipart splits the body of a message, the block's lines from line
// from on (-1 for no body), into its parts when contentType is
// multipart/*: at the lines "--boundary" that open each part, up to the
// line "--boundary--" that closes the body (RFC 2046 section 5.1.1), as
// ApiDoctor's MultipartMimeContent does. Text before the first delimiter
// (the preamble) and after the last (the epilogue) is no part. What cannot
// be split as written is a BadMultipartJSON warning: the parts whose JSON
// it would check cannot be found.
func readMultipart(contentType string, lines []string, from int) ([]Part, []Warning) {
	mt, params := mediaType(contentType)
	if !strings.HasPrefix(mt, "multipart/") || from < 0 {
		return nil, nil
	}
	warn := func(line int, format string, args ...any) []Warning {
		return []Warning{{Line: line, Col: 1, Code: diag.BadMultipartJSON, Msg: "multipart body: " + fmt.Sprintf(format, args...)}}
	}
	boundary := params["boundary"]
	if boundary == "" {
		return nil, warn(from, "the Content-Type %q names no boundary, so its parts cannot be told apart and are not checked; add one (%s; boundary=...)", contentType, mt)
	}
	open, closing := "--"+boundary, "--"+boundary+"--"
	var parts []Part
	var warnings []Warning
	closed := false
	start := -1 // the line of the delimiter that opens the current part
	last := from
	for i := from; i < len(lines) && !closed; i++ {
		// A delimiter line may end in white space ("transport padding").
		switch strings.TrimSpace(lines[i]) {
		case closing:
			closed = true
		case open:
		default:
			if strings.TrimSpace(lines[i]) != "" {
				last = i
			}
			continue
		}
		if start >= 0 {
			parts, warnings = appendPart(parts, warnings, lines, start, i)
		}
		start = i
		if len(parts) >= maxParts {
			return parts, warnings
		}
	}
	switch {
	case start < 0:
		return nil, warn(from, "no line %q opens a part, so its parts are not checked; open each part with a line \"--\" and the boundary of the Content-Type", open)
	case !closed:
		parts, warnings = appendPart(parts, warnings, lines, start, len(lines))
		warnings = append(warnings, warn(last, "no line %q closes the body after its last part; the last part is read to the end of the block", closing)...)
	}
	return parts, warnings
}

// appendPart reads the part between the delimiter lines at and end: its
// header lines up to a blank line (a header may continue on lines that
// start with white space), then its body.
func appendPart(parts []Part, warnings []Warning, lines []string, at, end int) ([]Part, []Warning) {
	p := Part{Header: http.Header{}, Line: at, BodyLine: -1}
	i := at + 1
	key := ""
headers:
	for ; i < end; i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		switch {
		case strings.TrimSpace(line) == "":
			i++
			break headers
		case key != "" && (line[0] == ' ' || line[0] == '\t'):
			values := p.Header[key]
			values[len(values)-1] = strings.TrimSpace(values[len(values)-1] + " " + strings.TrimSpace(line))
			continue
		case line[0] == '{' || line[0] == '[':
			break headers // a body with no blank line before it
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
			warnings = append(warnings, Warning{Line: i, Col: 1, Code: diag.BadMultipartJSON,
				Msg: fmt.Sprintf("multipart body: the part's header line %q is not \"Name: value\", so the part is not checked; end its headers with a blank line", clipLine(line))})
			return parts, warnings
		}
		key = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		p.Header.Add(key, strings.TrimSpace(value))
	}
	p.Body, p.BodyLine = body(lines[:end], i)
	return append(parts, p), warnings
}

// clipLine shortens a line quoted in a message.
func clipLine(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
