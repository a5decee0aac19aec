// Package httpmsg is the second stage of docbind: it reads the text of a
// request or response code block as an HTTP message.
package httpmsg

import (
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/docbind/docbind/generator/diag"
)

// Request is a documented HTTP request.
type Request struct {
	Method   string
	BaseURL  string // scheme and host (and path prefix) of an absolute URL, else ""
	Path     string // the path as written, without the query
	Query    url.Values
	RawQuery string
	Header   http.Header // canonical names: documented names are case-insensitive
	// HeaderNames maps a canonical header name to the name as first
	// written, such as Consistencylevel to ConsistencyLevel.
	HeaderNames map[string]string
	Body        string
	BodyLine    int    // 0-based line of the body's first line within the block, or -1
	Version     string // the HTTP version the request line writes ("HTTP/1.1"), or ""
	// Parts are the parts of a multipart body (Content-Type multipart/...),
	// split at its boundary; nil for other bodies.
	Parts []Part
	// Warnings are what reading the block worked around.
	Warnings []Warning
}

// Response is a documented HTTP response.
type Response struct {
	Status   int
	Reason   string
	Header   http.Header
	Body     string
	BodyLine int
	Parts    []Part    // as a Request's
	Warnings []Warning // as a Request's
}

// Error is a parse failure at a 0-based line and column of the block.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return e.Msg }

// Warning is input the reader worked around, at a 0-based line and 1-based
// column of the block: the message is read, and the reader says how.
type Warning struct {
	Line, Col int
	Code      diag.Code
	Msg       string
	// Note marks what ApiDoctor accepts as written and docbind reads as
	// ApiDoctor does: said, at a severity that fails no run.
	Note bool
}

// RequestLine is the first line of a request, "METHOD URL [HTTP/x.y]".
type RequestLine struct {
	Method string // upper case
	// Target is the URL as written: everything after the method up to an
	// optional trailing version. Docs write URLs with spaces (filters such
	// as "?$filter=startswith(name, 'a')", function arguments such as
	// "search(q='Contoso Project')", placeholders such as
	// "{id | userPrincipalName}"), which a client sends escaped, so a
	// space does not end the URL.
	Target    string
	TargetCol int    // 1-based byte column of Target in the line
	Version   string // the HTTP version as written ("HTTP/1.1"), or ""
	// VersionCol is the 1-based byte column of Version, 0 when none.
	VersionCol int
	// VersionBeforeURL marks a version written between the method and the
	// URL ("GET HTTP/2.0 https://..."). ApiDoctor's HttpParser reads that
	// token as the version too, so it is read as one, not as the path
	// (ApiDoctor also keeps it in its URL, which the warning DB213 says).
	VersionBeforeURL bool
}

// ParseRequestLine reads a request line. It reports false when the line
// is not a method followed by a URL; a version alone ("GET HTTP/1.1") is
// no URL. Every reader of "METHOD URL" lines (request examples, the URL
// lines of an "HTTP request" section, plain examples) reads them here, so
// they agree.
func ParseRequestLine(line string) (RequestLine, bool) {
	fields := fieldsAt(line)
	if len(fields) < 2 || !IsMethod(fields[0].text) {
		return RequestLine{}, false
	}
	rl := RequestLine{Method: strings.ToUpper(fields[0].text)}
	rest := fields[1:]
	if len(rest) > 1 && isProtocol(rest[0].text) {
		rl.Version, rl.VersionCol, rl.VersionBeforeURL = rest[0].text, rest[0].col, true
		rest = rest[1:]
	}
	if last := rest[len(rest)-1]; len(rest) > 1 && isProtocol(last.text) {
		if rl.Version == "" {
			rl.Version, rl.VersionCol = last.text, last.col
		}
		rest = rest[:len(rest)-1]
	}
	if isProtocol(rest[0].text) {
		return RequestLine{}, false
	}
	first, last := rest[0], rest[len(rest)-1]
	rl.Target, rl.TargetCol = line[first.col-1:last.col-1+len(last.text)], first.col
	return rl, true
}

// field is a run of non-space bytes of a line and its 1-based column.
type field struct {
	text string
	col  int
}

// fieldsAt splits a line at white space as strings.Fields does, keeping
// where each field starts.
func fieldsAt(line string) []field {
	var fields []field
	start := -1
	for i, r := range line {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			fields = append(fields, field{line[start:i], start + 1})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		fields = append(fields, field{line[start:], start + 1})
	}
	return fields
}

// isProtocol reports an HTTP version field: "HTTP/1.1", "HTTP/2".
func isProtocol(field string) bool {
	return strings.HasPrefix(strings.ToUpper(field), "HTTP/")
}

// apiVersion matches a first path segment that belongs to the base URL of
// an absolute URL rather than to the operation's path: a version (v1.0,
// v2, and v1 as docs mistype v1.0) or beta.
var apiVersion = regexp.MustCompile(`^/(?i:v[0-9]+(\.[0-9]+)*|beta)/`)

// ParseRequest reads "METHOD URL [HTTP/x.y]", header lines, a blank line and
// the body.
func ParseRequest(block string) (*Request, error) {
	lines := splitLines(block)
	first, at := firstLine(lines)
	if at < 0 {
		return nil, &Error{Msg: "request block is empty"}
	}
	rl, ok := ParseRequestLine(lines[at])
	if !ok {
		return nil, &Error{Line: at, Col: 1, Msg: fmt.Sprintf("request line %q is not \"METHOD URL\"", first)}
	}
	req := &Request{Method: rl.Method, Version: rl.Version}
	if err := req.setURL(rl.Target); err != nil {
		return nil, &Error{Line: at, Col: rl.TargetCol, Msg: err.Error()}
	}
	if rl.VersionBeforeURL {
		req.Warnings = append(req.Warnings, VersionBeforeURL(at, rl))
	}
	header, names, bodyLine, err := parseHeaders(lines, at+1)
	if err != nil {
		return nil, err
	}
	if len(header) == 0 {
		if h, n, from, after, ok := headersAfterBlank(lines, at+1); ok {
			header, names, bodyLine = h, n, after
			req.Warnings = append(req.Warnings, Warning{Line: from, Col: 1, Code: diag.HeadersAfterBlank,
				Msg: "a blank line separates the request line from its header lines, which read as the body in HTTP; they are read as headers: remove the blank line"})
		}
	}
	req.Header, req.HeaderNames = header, names
	req.Body, req.BodyLine = body(lines, bodyLine)
	var ws []Warning
	req.Parts, ws = readMultipart(header.Get("Content-Type"), lines, req.BodyLine)
	req.Warnings = append(req.Warnings, ws...)
	return req, nil
}

// VersionBeforeURL is the warning (DB213) for a request line, at line of
// its block, that writes its version before its URL.
func VersionBeforeURL(line int, rl RequestLine) Warning {
	return Warning{Line: line, Col: rl.VersionCol, Code: diag.VersionBeforeURL, Note: true,
		Msg: fmt.Sprintf("the HTTP version %q is written between the method and the URL; it is read as the version, but ApiDoctor's parser takes it into the URL: write it after the URL, or leave it out", rl.Version)}
}

// ParseResponse reads "HTTP/x.y STATUS [reason]" (or "HTTP STATUS"),
// header lines, a blank line and the body.
func ParseResponse(block string) (*Response, error) {
	lines := splitLines(block)
	first, at := firstLine(lines)
	if at < 0 {
		return nil, &Error{Msg: "response block is empty"}
	}
	fields := strings.Fields(first)
	// "HTTP 201 Created" without a version is as clear, and written too.
	if proto := strings.ToUpper(fields[0]); len(fields) < 2 || proto != "HTTP" && !strings.HasPrefix(proto, "HTTP/") {
		return nil, &Error{Line: at, Col: 1, Msg: fmt.Sprintf("status line %q is not \"HTTP/1.1 STATUS\"", first)}
	}
	status, err := strconv.Atoi(fields[1])
	if err != nil || status < 100 || status > 599 {
		return nil, &Error{Line: at, Col: strings.Index(first, fields[1]) + 1, Msg: fmt.Sprintf("status %q is not an HTTP status code", fields[1])}
	}
	header, _, bodyLine, err := parseHeaders(lines, at+1)
	if err != nil {
		return nil, err
	}
	resp := &Response{Status: status, Reason: strings.Join(fields[2:], " "), Header: header}
	resp.Body, resp.BodyLine = body(lines, bodyLine)
	resp.Parts, resp.Warnings = readMultipart(header.Get("Content-Type"), lines, resp.BodyLine)
	return resp, nil
}

// setURL splits an absolute or relative URL into base, path and query.
func (r *Request) setURL(raw string) error {
	path, query, _ := strings.Cut(raw, "?")
	if strings.Contains(path, "://") {
		u, err := url.Parse(path)
		if err != nil || u.Host == "" {
			return fmt.Errorf("URL %q cannot be read", raw)
		}
		r.BaseURL = u.Scheme + "://" + u.Host
		// The path stays as written, as a relative one does: braces mark
		// placeholders ({id}), and a function call's parentheses and quotes
		// (range(address='A1:B2')) are matched against the documented URL
		// as the docs write them, not as url.URL would escape them.
		path = writtenPath(path)
		if v := apiVersion.FindString(path); v != "" {
			r.BaseURL += strings.TrimSuffix(v, "/")
			path = path[len(v)-1:]
		}
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	r.Path = CompactCalls(path)
	r.RawQuery = query
	values, err := url.ParseQuery(query)
	if err != nil {
		values = parseQueryLoosely(query)
	}
	r.Query = values
	return nil
}

// CompactCalls removes the white space between the arguments of the
// function calls in a path, which OData ignores and docs write for
// readability: resizedRange(deltaRows={n}, deltaColumns={n}) is
// resizedRange(deltaRows={n},deltaColumns={n}). Spaces inside a quoted
// argument (search(q='Contoso Project')) are its value and stay.
func CompactCalls(path string) string {
	if !strings.ContainsAny(path, " \t") || !strings.Contains(path, "(") {
		return path
	}
	var b strings.Builder
	depth, quoted := 0, false
	for _, c := range path {
		switch {
		case c == '\'' && depth > 0:
			quoted = !quoted
		case c == '(' && !quoted:
			depth++
		case c == ')' && !quoted && depth > 0:
			depth--
		case (c == ' ' || c == '\t') && depth > 0 && !quoted:
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// writtenPath is the path of an absolute URL as written: what follows
// "scheme://host", or "/" when nothing does.
func writtenPath(absolute string) string {
	_, rest, _ := strings.Cut(absolute, "://")
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return "/"
}

// parseQueryLoosely keeps what it can of a query whose escapes are wrong,
// since docs write OData queries such as $filter=name eq 'a%' by hand.
func parseQueryLoosely(query string) url.Values {
	values := url.Values{}
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		values.Add(k, v)
	}
	return values
}

// parseHeaders reads header lines up to a blank line or a body: the
// header, each name as first written by its canonical name, and the line
// after the headers.
func parseHeaders(lines []string, from int) (http.Header, map[string]string, int, error) {
	header, names := http.Header{}, map[string]string{}
	i := from
	for ; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		if strings.TrimSpace(line) == "" {
			return header, names, i + 1, nil
		}
		if strings.HasPrefix(line, "{") || strings.HasPrefix(line, "[") || strings.HasPrefix(line, "--") {
			return header, names, i, nil // a body with no blank line before it
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
			return nil, nil, 0, &Error{Line: i, Col: 1, Msg: fmt.Sprintf("header line %q is not \"Name: value\"", line)}
		}
		name = strings.TrimSpace(name)
		key := textproto.CanonicalMIMEHeaderKey(name)
		if _, ok := names[key]; !ok {
			names[key] = name
		}
		header.Add(key, strings.TrimSpace(value))
	}
	return header, names, i, nil
}

// headersAfterBlank reads the header lines of a request that writes a
// blank line between its request line and them ("POST /x", "",
// "Content-Type: application/json", "", "{...}"): from the first line after
// the blank ones, a run of "Name: value" lines that ends the block or a
// blank line does. It reports the run's first line and the line after it.
// A run that a line of another form interrupts is a body (a MIME message,
// a vCard), and stays one.
func headersAfterBlank(lines []string, from int) (http.Header, map[string]string, int, int, bool) {
	start := from
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	if start == from || start >= len(lines) {
		return nil, nil, 0, 0, false
	}
	end := start
	for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
		name, _, ok := strings.Cut(strings.TrimSpace(lines[end]), ":")
		if !ok || !IsToken(name) {
			return nil, nil, 0, 0, false
		}
		end++
	}
	header, names, after, err := parseHeaders(lines, start)
	if err != nil || after < end {
		return nil, nil, 0, 0, false
	}
	return header, names, start, after, true
}

// IsToken reports an RFC 9110 token, the only form of a header field name:
// ASCII letters and digits and !#$%&'*+-.^_`|~. A translated name
// ("Autorização") or a phrase is none, and net/http refuses to send it.
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
		default:
			return false
		}
	}
	return true
}

// body is the text after the headers, without leading and trailing blank
// lines, and the line it starts on (-1 for no body).
func body(lines []string, from int) (string, int) {
	for from < len(lines) && strings.TrimSpace(lines[from]) == "" {
		from++
	}
	end := len(lines)
	for end > from && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	if from >= end {
		return "", -1
	}
	return strings.Join(lines[from:end], "\n"), from
}

func splitLines(block string) []string {
	return strings.Split(strings.ReplaceAll(block, "\r\n", "\n"), "\n")
}

func firstLine(lines []string) (string, int) {
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return strings.TrimSpace(l), i
		}
	}
	return "", -1
}

// IsMethod reports whether s is an HTTP method the docs use, in any case.
func IsMethod(s string) bool {
	switch strings.ToUpper(s) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// QueryPairs splits a raw query into key and value pairs in order,
// unescaping what can be unescaped: docs write OData queries by hand, such
// as $filter=name eq 'a%', so a bad escape keeps its text.
func QueryPairs(raw string) [][2]string {
	var pairs [][2]string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		pairs = append(pairs, [2]string{k, v})
	}
	return pairs
}
