package model

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/naming"
)

// PathPart is a piece of a URL template: literal text (slashes included),
// or a parameter.
type PathPart struct {
	Literal string
	Param   *Param
}

// genericPlaceholders are placeholder names that say nothing of what they
// identify; such a parameter is named after the segment before it.
var genericPlaceholders = map[string]bool{"id": true, "key": true, "name": true, "value": true}

// placeholderRE finds {name} and <name> placeholders anywhere in a path.
var placeholderRE = regexp.MustCompile(`\{[^{}/]+\}|<[^<>/]+>`)

// parsePath reads a documented path into parts. It accepts whole-segment
// placeholders (/drives/{drive-id}), OneDrive path addressing
// (/drive/root:/{item-path}:/content) and OData function calls
// (/search(q='{search-text}')). A generic placeholder is named after the
// segment before it (items/<id> -> itemID); names are unique in the path.
func parsePath(path string) ([]PathPart, error) {
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	// Compacting a call removes the white space in it, which can leave a
	// trailing slash or an empty segment: they are looked for after it.
	path = placeValues(httpmsg.CompactCalls(path))
	if strings.Contains(path, "//") {
		return nil, fmt.Errorf("path %q has an empty segment", path)
	}
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	if hasSpace(path) {
		return nil, fmt.Errorf("path %q has white space or a control character outside a placeholder", path)
	}
	if strings.Count(path, "/") > maxSegments {
		return nil, fmt.Errorf("path %q has more than %d segments", clip(path), maxSegments)
	}
	var parts []PathPart
	var names, fields naming.Set
	names.Reserve(reservedArgs...)
	fields.Reserve(reservedFields...)
	last := 0
	for _, loc := range placeholderRE.FindAllStringIndex(path, -1) {
		literal := path[last:loc[0]]
		if strings.ContainsAny(literal, "{}<>") {
			return nil, fmt.Errorf("path %q has an unbalanced placeholder", path)
		}
		parts = appendLiteral(parts, literal)
		if len(parts) > 0 && parts[len(parts)-1].Param != nil {
			return nil, fmt.Errorf("path %q has two placeholders with nothing between them", path)
		}
		raw := path[loc[0]+1 : loc[1]-1]
		arg := names.Unique(paramName(raw, previousSegment(path[:loc[0]])))
		parts = append(parts, PathPart{Param: &Param{
			ArgName:   arg,
			FieldName: fields.Unique(naming.Exported(arg)),
			WireName:  arg,
			Multi:     strings.Contains(strings.ToLower(raw), "path"),
			Kind:      PathParam,
		}})
		last = loc[1]
	}
	if strings.ContainsAny(path[last:], "{}<>") {
		return nil, fmt.Errorf("path %q has an unbalanced placeholder", path)
	}
	return appendLiteral(parts, path[last:]), nil
}

// maxSegments bounds a documented path, so a hostile one cannot make the
// generated router or tests huge.
const maxSegments = 64

func appendLiteral(parts []PathPart, literal string) []PathPart {
	if literal == "" {
		return parts
	}
	return append(parts, PathPart{Literal: literal})
}

// hasSpace reports white space or control characters outside
// placeholders, which no URL holds.
func hasSpace(path string) bool {
	return strings.IndexFunc(placeholderRE.ReplaceAllString(path, "{}"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}) >= 0
}

// previousSegment is the last whole literal segment of a path prefix:
// "/drive/items/" -> items, "/drive/items/x:" -> "".
func previousSegment(prefix string) string {
	prefix = strings.TrimSuffix(prefix, "/")
	seg := prefix[strings.LastIndexByte(prefix, '/')+1:]
	if strings.ContainsAny(seg, ":()'={}<>") {
		return ""
	}
	return seg
}

// reservedArgs are names a client method's parameters must not take: the
// names its body declares or calls, the fixed parameters, the server
// request's fixed fields (Pattern), and Go's predeclared identifiers, which
// a parameter would shadow.
var reservedArgs = []string{
	"c", "h", "ctx", "req", "err", "out", "resp", "body", "contentType", "opts", "urlPath", "pattern",
	"page", "item", "yield", "zero", "escapeSegment", "escapePath", "setHeader",
	"any", "append", "bool", "byte", "cap", "clear", "close", "complex", "copy", "delete", "error",
	"false", "float32", "float64", "imag", "int", "int8", "int16", "int32", "int64", "iota", "len",
	"make", "max", "min", "new", "nil", "panic", "print", "println", "real", "recover", "rune",
	"string", "true", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "comparable",
}

// reservedFields are the fixed fields of a server request type, which no
// parameter's field may take.
var reservedFields = []string{"Pattern", "Options", "Body", "ContentType"}

func paramName(placeholder, before string) string {
	// {id | userPrincipalName} names alternatives: the first names it.
	placeholder, _, _ = strings.Cut(placeholder, "|")
	if genericPlaceholders[strings.ToLower(strings.TrimSpace(placeholder))] && before != "" {
		return naming.Unexported(naming.Singular(before) + " " + placeholder)
	}
	return naming.Unexported(placeholder)
}

// template writes parts back as a path with {name} wildcards.
func template(parts []PathPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Param != nil {
			b.WriteString("{" + p.Param.WireName + "}")
		} else {
			b.WriteString(p.Literal)
		}
	}
	return b.String()
}

// isMuxExpressible reports whether net/http.ServeMux can match the
// template itself: every parameter is a whole segment of one segment.
func isMuxExpressible(parts []PathPart) bool {
	for i, p := range parts {
		if p.Param == nil {
			continue
		}
		if p.Param.Multi || !strings.HasSuffix(parts[i-1].Literal, "/") {
			return false
		}
		if i+1 < len(parts) && !strings.HasPrefix(parts[i+1].Literal, "/") {
			return false
		}
	}
	return true
}

// muxPattern is the ServeMux pattern a variant registers: its template
// when the mux can match it, else its literal leading segments followed by
// a {docbindRest...} wildcard, which the generated router matches further.
func muxPattern(method string, parts []PathPart) string {
	if isMuxExpressible(parts) {
		return method + " " + template(parts)
	}
	prefix := parts[0].Literal
	if parts[0].Param != nil {
		prefix = "/"
	}
	prefix = prefix[:strings.LastIndexByte(prefix, '/')+1]
	return method + " " + prefix + restWildcard
}

// matchPath reports whether a concrete path instantiates the parts, and the
// values (decoded once) it gives each parameter. It is the Go twin of the
// generated router's matcher: literals match exactly, a parameter takes the
// text up to the next literal (the last occurrence for a multi-segment
// parameter) and never a '/' unless it is multi-segment.
func matchPath(parts []PathPart, path string) ([]string, bool) {
	raw, ok := matchRaw(parts, path)
	if !ok {
		return nil, false
	}
	for i, v := range raw {
		if un, err := url.PathUnescape(v); err == nil {
			raw[i] = un
		}
	}
	return raw, true
}

// matchRaw matches case-insensitively, as docs write paths loosely;
// matchRawExact matches as the generated router does.
func matchRaw(parts []PathPart, path string) ([]string, bool) {
	return matchParts(parts, path, asciiLower)
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay put. A
// string without upper-case letters is returned as it is: the router's
// probes call it for every path they try.
func asciiLower(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' }) {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func matchRawExact(parts []PathPart, path string) ([]string, bool) {
	return matchParts(parts, path, func(s string) string { return s })
}

func matchParts(parts []PathPart, path string, fold func(string) string) ([]string, bool) {
	var values []string
	pos := 0
	for i, p := range parts {
		if p.Param == nil {
			// fold keeps byte offsets, so folding the literal's length of
			// the path is enough.
			end := pos + len(p.Literal)
			if end > len(path) || fold(path[pos:end]) != fold(p.Literal) {
				return nil, false
			}
			pos += len(p.Literal)
			continue
		}
		end := paramEnd(parts, i, path, pos, fold)
		if end <= pos || !p.Param.Multi && strings.Contains(path[pos:end], "/") {
			return nil, false
		}
		values = append(values, path[pos:end])
		pos = end
	}
	return values, pos == len(path)
}

// paramEnd is where the parameter at parts[i] ends in path.
func paramEnd(parts []PathPart, i int, path string, pos int, fold func(string) string) int {
	if i+1 == len(parts) {
		return len(path)
	}
	next := fold(parts[i+1].Literal)
	rest := fold(path[pos:])
	if i+2 == len(parts) {
		if strings.HasSuffix(rest, next) {
			return len(path) - len(next)
		}
		return -1
	}
	idx := strings.Index(rest, next)
	if parts[i].Param.Multi {
		idx = strings.LastIndex(rest, next)
	}
	if idx < 0 {
		return -1
	}
	return pos + idx
}

// wirePath is the path the generated client sends for args: each value
// escaped once, a multi-segment value segment by segment.
func wirePath(parts []PathPart, args []string) string {
	var b strings.Builder
	i := 0
	for _, p := range parts {
		if p.Param == nil {
			b.WriteString(p.Literal)
			continue
		}
		if i < len(args) {
			b.WriteString(escapeParam(p.Param, args[i]))
		}
		i++
	}
	return b.String()
}

// escapeParam escapes as the generated escapeSegment and escapePath do.
func escapeParam(p *Param, v string) string {
	if !p.Multi {
		return escapeSegment(v)
	}
	segs := strings.Split(v, "/")
	for i, s := range segs {
		segs[i] = escapeSegment(s)
	}
	return strings.Join(segs, "/")
}

func escapeSegment(s string) string {
	if s == "." || s == ".." {
		return strings.Repeat("%2E", len(s))
	}
	return url.PathEscape(s)
}

func pathParams(parts []PathPart) []*Param {
	var ps []*Param
	for _, p := range parts {
		if p.Param != nil {
			ps = append(ps, p.Param)
		}
	}
	return ps
}

// literalName is the Go name of a template's literal words:
// /me/drive/root:/{item-path}:/content -> MeDriveRootContent.
func literalName(parts []PathPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Param == nil {
			b.WriteString(naming.Exported(p.Literal))
		}
	}
	return b.String()
}
