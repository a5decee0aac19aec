package docparse

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/docbind/docbind/generator/diag"
)

// statusCode finds a three-digit number that may be an HTTP status.
var statusCode = regexp.MustCompile(`\b[1-5][0-9][0-9]\b`)

// statuses records the HTTP statuses a paragraph names. A number counts
// only when its standard reason phrase follows it ("204 No Content", in
// any case), which tells a status from any other number; the phrase is
// what translated editions keep in English.
func (w *walker) statuses(n ast.Node, text string) {
	searchFrom := 0
	for _, m := range statusCode.FindAllStringIndex(text, -1) {
		code, _ := strconv.Atoi(text[m[0]:m[1]])
		end := reasonEnd(text[m[1]:], http.StatusText(code))
		if end < 0 {
			continue
		}
		pos, next := w.digitsPos(n, text[m[0]:m[1]], searchFrom)
		searchFrom = next
		w.page.Statuses = append(w.page.Statuses, StatusMention{Status: code, Text: text[m[0] : m[1]+end], Pos: pos})
	}
}

// reasonEnd is the length of the spaces and reason phrase that start
// rest, or -1 when rest does not start with the phrase as a whole word.
func reasonEnd(rest, phrase string) int {
	trimmed := strings.TrimLeft(rest, " \u00a0")
	if phrase == "" || len(trimmed) == len(rest) || len(trimmed) < len(phrase) || !strings.EqualFold(trimmed[:len(phrase)], phrase) {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(trimmed[len(phrase):]); unicode.IsLetter(r) || unicode.IsDigit(r) {
		return -1 // "200 OKAY" names no status
	}
	return len(rest) - len(trimmed) + len(phrase)
}

// digitsPos is the position of the first occurrence of digits in the
// paragraph's source at or after byte from of its lines (joined), and
// where the next search starts; the paragraph's own position when the
// source writes the number otherwise (an entity, say).
func (w *walker) digitsPos(n ast.Node, digits string, from int) (pos diag.Pos, next int) {
	lines := n.Lines()
	seen := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		raw := string(w.src[seg.Start:seg.Stop])
		if from < seen+len(raw) {
			if at := indexNumber(raw, digits, max(from-seen, 0)); at >= 0 {
				return w.lines.Pos(seg.Start + at), seen + at + len(digits)
			}
		}
		seen += len(raw)
	}
	return w.pos(n), from
}

// indexNumber is the index of digits in s at or after from, as a number
// of its own (not the end of 1200), or -1.
func indexNumber(s, digits string, from int) int {
	for from <= len(s) {
		at := strings.Index(s[from:], digits)
		if at < 0 {
			return -1
		}
		at += from
		if end := at + len(digits); (at == 0 || !isDigit(s[at-1])) && (end == len(s) || !isDigit(s[end])) {
			return at
		}
		from = at + 1
	}
	return -1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
