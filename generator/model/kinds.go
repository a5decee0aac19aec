package model

import (
	"encoding/json"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/naming"
)

// isJSONType reports a media type whose body is JSON; an empty one counts.
func isJSONType(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// bodyKind tells JSON request bodies from streamed ones: a documented
// Content-Type that is not JSON (uploads, multipart), or a body that is
// not JSON.
func bodyKind(reqs []*docRequest) BodyKind {
	kind := BodyNone
	for _, r := range reqs {
		ct := r.msg.Header.Get("Content-Type")
		switch {
		case !isJSONType(ct):
			return BodyStream
		case strings.TrimSpace(r.msg.Body) == "":
		case r.body == nil:
			return BodyStream
		default:
			kind = BodyJSON
		}
	}
	return kind
}

// successResponse is the first example response that is not an error:
// the one that decides what the operation returns.
func successResponse(reqs []*docRequest) *docResponse {
	for _, r := range reqs {
		if r.response != nil && r.response.msg.Status < 400 && !r.response.block.Annotation.ExpectError {
			return r.response
		}
	}
	return nil
}

// resultKind decides what kind of result a success response documents.
func resultKind(resp *docResponse) ResultKind {
	msg := resp.msg
	ct := msg.Header.Get("Content-Type")
	switch {
	case msg.Status == http.StatusFound || msg.Status == http.StatusSeeOther || msg.Status == http.StatusPartialContent:
		return ResultContent
	case msg.Status == http.StatusAccepted && msg.Header.Get("Location") != "" && resp.body == nil:
		return ResultAccepted
	case resp.body != nil && isJSONType(ct) && !resp.block.Annotation.IsEmpty:
		return ResultJSON
	case strings.TrimSpace(msg.Body) != "" && !resp.block.Annotation.IsEmpty:
		return ResultContent
	}
	return ResultNone
}

// checkedResponseHeaders are the response headers the tests check.
var checkedResponseHeaders = []string{"Location", "Content-Range", "Content-Type"}

// responseHeaders lists the documented headers the tests check, for
// content and accepted results.
func responseHeaders(kind ResultKind, h http.Header) [][2]string {
	if kind != ResultContent && kind != ResultAccepted {
		return nil
	}
	var out [][2]string
	for _, name := range checkedResponseHeaders {
		if v := h.Get(name); v != "" && (name != "Content-Type" || kind == ResultContent) {
			out = append(out, [2]string{name, v})
		}
	}
	return out
}

// transportHeaders are response headers that describe one transfer rather
// than the resource, which net/http writes itself: a fake does not copy
// them from the docs.
var transportHeaders = map[string]bool{
	"Connection": true, "Content-Length": true, "Date": true, "Keep-Alive": true,
	"Transfer-Encoding": true, "Server": true, "Trailer": true, "Upgrade": true,
}

// fakeHeaders are the documented response headers a fake answers besides
// checked, the ones the tests check: ETag, Content-Type, Preference-Applied
// and the like, by name. A plain application/json for a JSON body goes
// without saying: the fake answers JSON so.
func fakeHeaders(h http.Header, checked [][2]string, body string) [][2]string {
	var out [][2]string
	for _, name := range slices.Sorted(maps.Keys(h)) {
		isChecked := slices.ContainsFunc(checked, func(c [2]string) bool { return c[0] == name })
		if transportHeaders[name] || isChecked || len(h[name]) == 0 {
			continue
		}
		if name == "Content-Type" && h[name][0] == "application/json" && json.Valid([]byte(body)) {
			continue
		}
		out = append(out, [2]string{name, h[name][0]})
	}
	return out
}

// exampleHeaderParams are headers the examples send that the headers table
// does not list, such as Prefer, If-Match or Range: each becomes a header
// parameter, in the order first seen. settleHeaderNames keeps their names
// apart.
func exampleHeaderParams(params []*Param, reqs []*docRequest) []*Param {
	for _, r := range reqs {
		for _, name := range sortedHeaderNames(r.msg.Header) {
			if !skippedHeaders[name] && httpmsg.IsToken(name) && !hasHeader(params, name) {
				params = append(params, &Param{WireName: name, FieldName: headerFieldName(r.msg.HeaderNames[name], name), Kind: HeaderParam})
			}
		}
	}
	return params
}

func sortedHeaderNames(h http.Header) []string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// queryParams collects an operation's query parameters from its URL lines
// and examples: $top and $skip are numbers, $select, $expand and $orderby
// lists, the others strings.
func queryParams(lines []string, reqs []*docRequest) []*Param {
	var keys []string
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, q := range lines {
		for _, kv := range httpmsg.QueryPairs(q) {
			add(kv[0])
		}
	}
	for _, r := range reqs {
		for _, kv := range httpmsg.QueryPairs(r.msg.RawQuery) {
			add(kv[0])
		}
	}
	var params []*Param
	var names, fields naming.Set
	for _, k := range keys {
		arg := names.Unique(naming.Unexported(k))
		p := &Param{ArgName: arg, FieldName: fields.Unique(naming.Exported(arg)), WireName: k, Kind: QueryParam, Doc: queryDoc(k)}
		p.Query = queryKind(p, reqs)
		params = append(params, p)
	}
	return params
}

// queryKind types a query parameter by its OData name, unless an example
// gives it a value of another type (such as a placeholder) or a number the
// client would not send as written (such as 010 or +5).
func queryKind(p *Param, reqs []*docRequest) QueryKind {
	kind := QueryKindOf(p)
	if kind != QueryInt {
		return kind
	}
	for _, r := range reqs {
		for _, kv := range httpmsg.QueryPairs(r.msg.RawQuery) {
			if n, err := strconv.Atoi(kv[1]); kv[0] == p.WireName && (err != nil || strconv.Itoa(n) != kv[1]) {
				return QueryString
			}
		}
	}
	return kind
}

// QueryKind says how a query parameter is typed.
type QueryKind int

// The query parameter types.
const (
	QueryString QueryKind = iota
	QueryInt
	QueryList // comma-separated
)

// QueryKindOf is the Go type of a query parameter, by its OData name: a
// QueryInt is a *int, so that an option set to 0 is sent.
func QueryKindOf(p *Param) QueryKind {
	switch strings.ToLower(strings.TrimPrefix(p.WireName, "$")) {
	case "top", "skip":
		return QueryInt
	case "select", "expand", "orderby":
		return QueryList
	}
	return QueryString
}

// queryDoc is a generic description of an OData query parameter, for an
// operation whose page describes it in no table.
func queryDoc(key string) string {
	switch strings.ToLower(strings.TrimPrefix(key, "$")) {
	case "select":
		return "the members to return"
	case "expand":
		return "the relationships to include"
	case "top":
		return "the page size"
	case "filter":
		return "an OData filter expression"
	case "orderby":
		return "the members to sort by"
	case "skiptoken":
		return "where the next page starts"
	}
	return ""
}

// handlerFor decides which Server method the handler calls for an
// example: its own operation's, the owner's of a URL documented twice when
// that method returns the same Go type, or none.
func handlerFor(op *Operation, v *Variant) (*Operation, string) {
	switch {
	case v.Unrouted:
		return nil, "its URL cannot be routed beside the other documented URLs"
	case v.ServedBy == nil:
		return op, ""
	case sameResult(op.Result, v.ServedBy.Op.Result) && sameBody(op, v.ServedBy.Op):
		return v.ServedBy.Op, ""
	}
	return nil, "its URL is served by " + v.ServedBy.Op.Name + ", whose request or result differs"
}

func sameResult(a, b Result) bool {
	return a.Kind == b.Kind && a.Status == b.Status && sameRef(a.Type, b.Type)
}

func sameBody(a, b *Operation) bool {
	return a.BodyKind == b.BodyKind && sameRef(a.Body, b.Body)
}

func sameRef(a, b *TypeRef) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	case a.Kind != b.Kind || a.ByPointer != b.ByPointer:
		return false
	case a.Kind == RefSlice || a.Kind == RefMap:
		return sameRef(a.Elem, b.Elem)
	}
	return a.Named == b.Named && a.Enum == b.Enum && a.Union == b.Union
}

// documentQueryParams gives each query parameter the description its
// page's query-parameters table writes for it, which says more than
// queryDoc's generic words ("The number of notes on a page.", not "the
// page size"). A table is found by its heading's words or anchor, its
// rows by their first cell, written as the parameter is in any case.
func documentQueryParams(params []*Param, pages []*docparse.Page) {
	for _, p := range params {
		if doc := tableQueryDoc(pages, p.WireName); doc != "" {
			p.Doc = doc
		}
	}
}

// tableQueryDoc is the description the first of pages writes for the
// query parameter key in a query-parameters table, or "".
func tableQueryDoc(pages []*docparse.Page, key string) string {
	for _, page := range pages {
		for i := range page.Tables {
			t := &page.Tables[i]
			if !docparse.InSection(t.Heading, t.HeadingAnchors, "query param") {
				continue
			}
			desc := queryDescColumn(t)
			for _, row := range t.Rows {
				if desc > 0 && desc < len(row.Cells) && strings.EqualFold(paramCellName(row.Cells[0].Text), key) {
					if doc := strings.TrimSpace(row.Cells[desc].Text); doc != "" {
						return doc
					}
				}
			}
		}
	}
	return ""
}

// queryDescColumn is the description column of a query-parameters table:
// the one its header calls so, else (a header row in another language)
// the widest after the names other than a column of types.
func queryDescColumn(t *docparse.Table) int {
	if desc := columnIndex(t.Header, "description"); desc >= 0 {
		return desc
	}
	return widestColumn(t, 0, typeColumn(t, -1))
}

// paramCellName is a parameter's name as a table cell's text writes it:
// Markdown has read code marks, emphasis and escapes, except those a
// page doubles (\\$top) or leaves unbalanced.
func paramCellName(cell string) string {
	return strings.Trim(strings.ReplaceAll(cell, "\\", ""), "` \t")
}
