package model

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
)

// skippedHeaders are documented request headers the client sets itself:
// those the generated client sets, and those net/http's transport manages
// for the connection (a Host or Transfer-Encoding header parameter could
// not be sent as given, nor read back from the server's request header).
var skippedHeaders = map[string]bool{
	"Authorization": true, "Content-Type": true, "Content-Length": true, "Accept": true,
	"Host": true, "Accept-Encoding": true, "Connection": true, "Transfer-Encoding": true,
	"Te": true, "Trailer": true, "Upgrade": true, "Keep-Alive": true, "Proxy-Connection": true,
}

// headerKind is what a row of a request-headers table documents.
type headerKind int

const (
	headerOption   headerKind = iota // a header the caller may send: an option
	headerSkipped                    // one the client or transport sets, or a name shown with a value
	headerNotAName                   // its name cell is no header name
)

// headerRow is one row of a request-headers table.
type headerRow struct {
	pos           diag.Pos
	written, wire string // the name as the docs write it, and canonical
	doc           string
	kind          headerKind
}

// headerRows reads the page's request-headers tables, in page order.
func headerRows(p *docparse.Page) []headerRow {
	var rows []headerRow
	for i := range p.Tables {
		t := &p.Tables[i]
		if !docparse.InSection(t.Heading, t.HeadingAnchors, "request header") || len(t.Header) == 0 {
			continue
		}
		desc := headerDescColumn(t)
		for _, row := range t.Rows {
			if r, ok := readHeaderRow(row, desc); ok {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// headerDescColumn is the column of a request-headers table that describes
// each header, or -1.
func headerDescColumn(t *docparse.Table) int {
	desc := columnIndex(t.Header, "description")
	if desc < 0 && columnIndex(t.Header, "value") < 0 {
		// A header row in another language: the description is the
		// widest text column after the names. (An English "Header |
		// Value" table's second column is a value, not a description.)
		desc = widestColumn(t, 0)
	}
	return desc
}

func readHeaderRow(row docparse.Row, desc int) (headerRow, bool) {
	if len(row.Cells) == 0 {
		return headerRow{}, false
	}
	written := strings.TrimSpace(row.Cells[0].Text)
	if written == "" {
		return headerRow{}, false
	}
	r := headerRow{pos: row.Pos, written: written, wire: http.CanonicalHeaderKey(written)}
	if desc >= 0 && desc < len(row.Cells) {
		r.doc = row.Cells[desc].Text
	}
	switch {
	case skippedHeaders[r.wire] || ownHeaderValue(row.Cells[1:]) || showsValue(written):
		r.kind = headerSkipped
	case !httpmsg.IsToken(written):
		r.kind = headerNotAName
	}
	return r, true
}

// showsValue reports a name cell that names a header with one of its
// values ("Prefer: outlook.timezone"): a header, but one preference of it
// rather than the header as an option, which docbind has never made of it.
func showsValue(cell string) bool {
	name, _, ok := strings.Cut(cell, ":")
	return ok && httpmsg.IsToken(strings.TrimSpace(name))
}

// bearerValue and mediaTypeValue are what stays untranslated in the value
// of the convention's well-known request headers, whatever the language of
// their name: an Authorization row's scheme or token placeholder ("Bearer
// {token}", "{token} de portador", "Bearer &lt;token&gt;"), and the media
// type of a Content-Type or Accept row. The top-level media types are
// IANA's registry, not words of prose.
var (
	bearerValue    = regexp.MustCompile(`(?i)\bbearer\b|(?:[{<]|&lt;)\s*token\s*\\?(?:[}>]|&gt;)`)
	mediaTypeValue = regexp.MustCompile(`(?i)^(?:application|audio|font|haptics|image|message|model|multipart|text|video)/[a-z0-9!#$&^_.+-]+`)
)

// ownHeaderValue reports a row whose value cells show one of the
// well-known headers the client sets itself, so that a translated
// "Autorização" or "Aceitar" row is no option.
func ownHeaderValue(cells []docparse.Cell) bool {
	for _, c := range cells {
		text := strings.TrimLeft(strings.TrimSpace(c.Text), "`*_")
		if bearerValue.MatchString(text) || mediaTypeValue.MatchString(text) {
			return true
		}
	}
	return false
}

// headerParams are the header parameters the page's request-headers tables
// document; a header listed twice is one parameter. settleHeaderNames
// keeps their names apart.
func headerParams(p *docparse.Page) []*Param {
	var params []*Param
	for _, r := range headerRows(p) {
		if r.kind == headerOption && !hasHeader(params, r.wire) {
			params = append(params, &Param{WireName: r.wire, FieldName: headerFieldName(r.written, r.wire), Kind: HeaderParam, Doc: r.doc})
		}
	}
	return params
}

// checkHeaderRows warns, once per page, of each request-headers row whose
// name cell names no header: it is not an option, since no client could
// send it.
func (b *builder) checkHeaderRows(p *docparse.Page) {
	for _, r := range headerRows(p) {
		if r.kind == headerNotAName {
			b.diags.Warnf(r.pos, diag.NotAHeaderName, "request header %q is not a header name (an RFC 9110 token: ASCII letters, digits and !#$%%&'*+-.^_`|~); not an option of the operation", clip(r.written))
		}
	}
}

func columnIndex(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}
