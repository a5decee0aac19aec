package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// A JSON parser notices a missing delimiter where the text goes on
// without it: a missing "}" at the end of the body or at the next
// member, a missing "," at the next value. The docs' JSON is pretty
// printed, and its indentation says where each object and array was
// meant to close: a line that starts to the left of the members of the
// innermost open one leaves it. locate reads the body's tokens up to where
// the parser stopped, keeping the open objects and arrays and the
// indentation of their members, and proposes where a delimiter is most
// plausibly missing:
//
//   - a line that starts left of the members of the open object or array
//     (or a closer that does not match it) closes it: its "}" or "]" is
//     missing after its last value (and a "," too when a member follows);
//   - a value right after a value lacks a "," between them;
//   - at the end of the body, the objects and arrays still open lack
//     their closers after the last value.
//
// A proposal is taken only when the body, with the delimiter inserted,
// reads further than it did (or reads whole), so an indentation that is
// merely untidy never moves the error away from a real one.

// Related is another offset a SyntaxError speaks of, such as where the
// object that is not closed opens.
type Related struct {
	Offset  int
	Message string
}

// maxProposals bounds the re-reads of one body for lines before the
// parser's stop, each of which costs the body's length.
const maxProposals = 8

// maxGroup bounds the closers one proposal inserts, so that a token that
// fits none of a deep stack costs little.
const maxGroup = 16

// maxRelated bounds the openers a SyntaxError names.
const maxRelated = 3

// token kinds: punctuation is its own byte; 's' a string, 'v' another
// scalar (number, true, false, null, or text that is none of them).
const (
	tokString = 's'
	tokScalar = 'v'
)

type token struct {
	kind       byte
	start, end int
	lineStart  bool // the first token of its line
	indent     int  // the indentation of its line
}

// frame is an object or array open at some point of the scan.
type frame struct {
	open    int  // offset of its "{" or "["
	close   byte // '}' or ']'
	indent  int  // indentation of the line it opens on
	members int  // indentation of its members' lines; unknown or unreliable when < 0
	lastEnd int  // offset just past its last value, or -1
	key     bool // an object that awaits a member's name
}

const (
	membersUnknown    = -1 // no member has started a line yet
	membersUnreliable = -2 // members start no deeper than the opener's line: indentation says nothing
)

// locate returns a SyntaxError at the offset where a delimiter is most
// plausibly missing in src, which the parser stopped reading at stop with
// message cause; nil when it finds no such place.
func locate(src string, stop int, cause string) *SyntaxError {
	atEnd := stop >= len(src)
	lx := lexer{src: src}
	var stack []frame
	prevEnd, prevValue := -1, false // the previous token ended a value
	tries := 0
	try := func(at int, insert string, frames []frame, t *token) *SyntaxError {
		if t != nil && t.start < stop {
			// Proposals before the stop are bounded; the one at the stop
			// and the one at the end are made once each.
			if tries >= maxProposals {
				return nil
			}
			tries++
		}
		if !readsFurther(src, at, insert, stop) {
			return nil
		}
		return missing(src, at, insert, frames, stop, cause, t == nil)
	}
	for {
		t, ok := lx.next()
		if !ok || t.start > stop {
			break
		}
		if se := proposeClose(src, stack, t, try); se != nil {
			return se
		}
		if t.start == stop && prevValue && startsValue(t.kind) {
			if se := try(prevEnd, ",", nil, &t); se != nil {
				return se
			}
		}
		if t.start >= stop {
			break
		}
		prevValue = false
		top := len(stack) - 1
		switch t.kind {
		case '{', '[':
			if top >= 0 && stack[top].members == membersUnknown && t.lineStart {
				stack[top].members = memberIndent(stack[top], t.indent)
			}
			f := frame{open: t.start, close: '}', indent: t.indent, members: membersUnknown, lastEnd: -1, key: t.kind == '{'}
			if t.kind == '[' {
				f.close = ']'
			}
			stack = append(stack, f)
		case '}', ']':
			if top < 0 || stack[top].close != t.kind {
				return nil // the parser stops here; nothing was proposed
			}
			stack = stack[:top]
			prevEnd, prevValue = t.end, true
			if top > 0 {
				stack[top-1].lastEnd = t.end
			}
		case ',':
			if top >= 0 && stack[top].close == '}' {
				stack[top].key = true
			}
		case ':':
		default:
			if top >= 0 && stack[top].members == membersUnknown && t.lineStart {
				stack[top].members = memberIndent(stack[top], t.indent)
			}
			if top >= 0 && stack[top].key {
				stack[top].key = false // a member's name, not a value
				break
			}
			prevEnd, prevValue = t.end, true
			if top >= 0 {
				stack[top].lastEnd = t.end
			}
		}
	}
	if !atEnd || len(stack) == 0 || prevEnd < 0 {
		return nil
	}
	// The body ends with objects or arrays open: their closers are
	// missing after its last value.
	var closers strings.Builder
	inner := make([]frame, 0, len(stack))
	for i := len(stack) - 1; i >= 0; i-- {
		closers.WriteByte(stack[i].close)
		inner = append(inner, stack[i])
	}
	return try(prevEnd, closers.String(), inner, nil)
}

// memberIndent is a frame's members' indentation, given its first
// member's line's.
func memberIndent(f frame, indent int) int {
	if indent > f.indent {
		return indent
	}
	return membersUnreliable
}

// proposeClose tries the frames token t leaves open: those it starts a
// line to the left of, or a closer of another kind closes over.
func proposeClose(src string, stack []frame, t token, try func(int, string, []frame, *token) *SyntaxError) *SyntaxError {
	var group []frame
	for i := len(stack) - 1; i >= 0; i-- {
		f := stack[i]
		if fits(f, t) {
			if len(group) == 0 || !fitsExactly(f, t) {
				return nil
			}
			break
		}
		group = append(group, f)
		if i == 0 || len(group) > maxGroup {
			return nil // the token fits no open frame: not a closer missing
		}
	}
	if len(group) == 0 {
		return nil
	}
	at := group[0].lastEnd
	if at < 0 {
		at = group[0].open + 1
	}
	var insert strings.Builder
	for _, f := range group {
		insert.WriteByte(f.close)
	}
	if startsValue(t.kind) && nextByte(src, at) != ',' {
		insert.WriteByte(',') // the token is the next member of the frame that stays open
	}
	return try(at, insert.String(), group, &t)
}

// fits reports whether token t can belong to frame f as the innermost
// open one: a closer of its kind not left of its opener's line, or a
// value not left of its members.
func fits(f frame, t token) bool {
	reliable := f.members >= 0 && t.lineStart
	switch t.kind {
	case '}', ']':
		// An empty object or array has no members to tell, but its closer
		// still stands under its opener's line.
		return t.kind == f.close && (!t.lineStart || f.members == membersUnreliable || t.indent >= f.indent)
	case ',', ':':
		return true
	}
	return !reliable || t.indent >= f.members
}

// fitsExactly reports whether token t, once the frames inside f are
// closed, stands where f's own members or closer stand.
func fitsExactly(f frame, t token) bool {
	if !t.lineStart || f.members < 0 {
		return true
	}
	switch t.kind {
	case '}', ']':
		return t.indent < f.members
	}
	return t.indent == f.members
}

func startsValue(kind byte) bool {
	return kind == '{' || kind == '[' || kind == tokString || kind == tokScalar
}

// nextByte is the first byte at or after i that is not white space, or 0.
func nextByte(src string, i int) byte {
	for ; i < len(src); i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
	}
	return 0
}

// readsFurther reports whether src with insert at offset at reads whole,
// or further than stop; when the parser stopped at the end of src, it
// must then read whole or stop only at the end again (another closer
// missing later).
func readsFurther(src string, at int, insert string, stop int) bool {
	patched := src[:at] + insert + src[at:]
	off, ok := firstError(patched)
	if ok {
		return true
	}
	switch {
	case off >= at+len(insert):
		off -= len(insert)
	case off >= at:
		return false // the inserted text itself does not read
	}
	if stop >= len(src) {
		return off >= len(src)
	}
	return off > stop
}

// firstError is the offset where encoding/json stops reading src (the end
// for a body cut short), or true when src reads whole.
func firstError(src string) (int, bool) {
	var raw json.RawMessage // checked whole before anything is built
	err := json.Unmarshal([]byte(src), &raw)
	if err == nil {
		return 0, true
	}
	var se *json.SyntaxError
	if errors.As(err, &se) && !strings.Contains(se.Error(), "unexpected end") {
		return max(int(se.Offset)-1, 0), false
	}
	return len(src), false
}

// missing is the SyntaxError of insert missing at offset at, closing
// frames (innermost first).
func missing(src string, at int, insert string, frames []frame, stop int, cause string, atEnd bool) *SyntaxError {
	se := &SyntaxError{Offset: at}
	var what []string
	for i, f := range frames {
		kind := "object"
		if f.close == ']' {
			kind = "array"
		}
		if i < 2 {
			what = append(what, fmt.Sprintf("the %s opened %s", kind, linesAway(src, at, f.open)))
		}
		if i < maxRelated {
			se.Related = append(se.Related, Related{Offset: f.open, Message: "the " + kind + " opens here"})
		}
	}
	if len(frames) > 2 {
		what = append(what[:1], fmt.Sprintf("%d more opened before it", len(frames)-1))
	}
	switch {
	case len(frames) == 0:
		se.Msg = fmt.Sprintf("invalid JSON: %q is missing after this value", insert)
	case atEnd:
		se.Msg = fmt.Sprintf("invalid JSON: %q is missing at the end to close %s", insert, strings.Join(what, " and "))
		return se
	default:
		se.Msg = fmt.Sprintf("invalid JSON: %q is missing here to close %s", insert, strings.Join(what, " and "))
	}
	where := "at the end"
	if stop < len(src) {
		where = linesAway(src, at, stop)
	}
	se.Msg += fmt.Sprintf("; the parser stops %s: %s", where, cause)
	se.Related = append(se.Related, Related{Offset: stop, Message: "the parser stops here: " + cause})
	return se
}

// linesAway says where offset other is, seen from offset at: "on this
// line", "1 line above", "3 lines below".
func linesAway(src string, at, other int) string {
	lo, hi := min(at, other), max(at, other)
	n := strings.Count(src[lo:min(hi, len(src))], "\n")
	where := "above"
	if other > at {
		where = "below"
	}
	switch n {
	case 0:
		return "on this line"
	case 1:
		return "1 line " + where
	}
	return fmt.Sprintf("%d lines %s", n, where)
}

// lexer splits JSON text into tokens, whatever their order: it checks no
// grammar, which the parser has done.
type lexer struct {
	src        string
	i          int
	indent     int // white space read since the last line break
	lineIndent int // the indentation of the line of the last token
}

func (lx *lexer) next() (token, bool) {
	src := lx.src
	lineStart := lx.i == 0
	for lx.i < len(src) {
		c := src[lx.i]
		switch c {
		case '\n':
			lineStart, lx.indent = true, 0
		case ' ':
			lx.indent++
		case '\t':
			lx.indent += 4 - lx.indent%4 // a tab stops at the next multiple of 4
		case '\r':
		default:
			goto found
		}
		lx.i++
	}
	return token{}, false
found:
	if lineStart {
		lx.lineIndent = lx.indent
	}
	t := token{start: lx.i, lineStart: lineStart, indent: lx.lineIndent}
	switch c := src[lx.i]; c {
	case '{', '}', '[', ']', ':', ',':
		t.kind = c
		lx.i++
	case '"':
		t.kind = tokString
		lx.i++
		for lx.i < len(src) && src[lx.i] != '"' && src[lx.i] != '\n' {
			if src[lx.i] == '\\' {
				lx.i++
			}
			lx.i++
		}
		if lx.i < len(src) && src[lx.i] == '"' {
			lx.i++
		}
	default:
		t.kind = tokScalar
		for lx.i < len(src) && !strings.ContainsRune("{}[]:,\" \t\r\n", rune(src[lx.i])) {
			lx.i++
		}
	}
	t.end = min(lx.i, len(src))
	lx.i = t.end
	return t, true
}
