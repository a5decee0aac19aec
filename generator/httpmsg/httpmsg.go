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
	BodyLine    int // 0-based line of the body's first line within the block, or -1
}

// Response is a documented HTTP response.
type Response struct {
	Status   int
	Reason   string
	Header   http.Header
	Body     string
	BodyLine int
}

// Error is a parse failure at a 0-based line and column of the block.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return e.Msg }

// requestTarget is the URL of a request line: its second field, or, when
// the query holds spaces as docs write filters ("?$filter=startswith(name,
// 'a')"), everything up to an optional trailing "HTTP/x.y".
func requestTarget(line string, fields []string) string {
	// A query, or a placeholder with spaces ({id | userPrincipalName}),
	// may run past the first field.
	unclosed := strings.Count(fields[1], "{") > strings.Count(fields[1], "}")
	if !strings.Contains(fields[1], "?") && !unclosed || len(fields) == 2 {
		return fields[1]
	}
	rest := strings.TrimSpace(line[strings.Index(line, fields[1]):])
	if proto := fields[len(fields)-1]; strings.HasPrefix(strings.ToUpper(proto), "HTTP/") {
		rest = strings.TrimSpace(rest[:strings.LastIndex(rest, proto)])
	}
	return rest
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
	fields := strings.Fields(first)
	if len(fields) < 2 || !IsMethod(fields[0]) {
		return nil, &Error{Line: at, Col: 1, Msg: fmt.Sprintf("request line %q is not \"METHOD URL\"", first)}
	}
	req := &Request{Method: strings.ToUpper(fields[0])}
	if err := req.setURL(requestTarget(first, fields)); err != nil {
		return nil, &Error{Line: at, Col: strings.Index(first, fields[1]) + 1, Msg: err.Error()}
	}
	header, names, bodyLine, err := parseHeaders(lines, at+1)
	if err != nil {
		return nil, err
	}
	req.Header, req.HeaderNames = header, names
	req.Body, req.BodyLine = body(lines, bodyLine)
	return req, nil
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
	return resp, nil
}

var braces = strings.NewReplacer("%7B", "{", "%7D", "}", "%7b", "{", "%7d", "}")

// setURL splits an absolute or relative URL into base, path and query.
func (r *Request) setURL(raw string) error {
	path, query, _ := strings.Cut(raw, "?")
	if strings.Contains(path, "://") {
		u, err := url.Parse(path)
		if err != nil || u.Host == "" {
			return fmt.Errorf("URL %q cannot be read", raw)
		}
		r.BaseURL = u.Scheme + "://" + u.Host
		// Braces stay as written: they mark placeholders ({id}), which an
		// absolute URL must keep just as a relative one does.
		path = braces.Replace(u.EscapedPath())
		if v := apiVersion.FindString(path); v != "" {
			r.BaseURL += strings.TrimSuffix(v, "/")
			path = path[len(v)-1:]
		}
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	r.Path = path
	r.RawQuery = query
	values, err := url.ParseQuery(query)
	if err != nil {
		values = parseQueryLoosely(query)
	}
	r.Query = values
	return nil
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
