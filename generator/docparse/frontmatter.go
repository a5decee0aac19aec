package docparse

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/docbind/docbind/generator/diag"
)

// A page's YAML front matter is the block between a "---" first line and
// the next "---" (or "...") line, as Jekyll and DocFX read it: trailing
// blanks are allowed on both. docbind does not use its values, but reports
// a block that the docs site's YAML reader refuses (DB109, ApiDoctor's
// IncorrectYamlHeaderFormat): front matter is flat, so a small reader of
// its lines is strict enough, and no YAML library is needed.

// fmProblem is a line of front matter that is not YAML, at a byte offset.
type fmProblem struct {
	offset int
	msg    string
}

// frontMatter finds the front matter at the start of src. end is the
// offset just past its closing line (0 when src opens none, or opens one
// it never closes), and problems are what is wrong with it, in page order.
func frontMatter(src []byte) (end int, problems []fmProblem) {
	first, rest, ok := cutLine(src, 0)
	if !ok || !isDelimiter(src[:first], "---") {
		return 0, nil
	}
	r := fmReader{lineNo: 1}
	for off := rest; off < len(src); {
		stop, next, _ := cutLine(src, off)
		line := strings.TrimSuffix(string(src[off:stop]), "\r")
		if isDelimiter([]byte(line), "---") || isDelimiter([]byte(line), "...") {
			r.finish()
			return next, r.problems
		}
		r.line(line, off)
		off = next
	}
	return 0, []fmProblem{{0, "the page starts with a --- line, which opens YAML front matter, but no later --- line closes it"}}
}

// cutLine returns the end of the line starting at off (before its '\n'),
// the start of the next line, and whether a '\n' ended it.
func cutLine(src []byte, off int) (stop, next int, ok bool) {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i, off + i + 1, true
	}
	return len(src), len(src), false
}

// isDelimiter reports whether line is delim followed by blanks only.
func isDelimiter(line []byte, delim string) bool {
	return string(bytes.TrimRight(line, " \t\r")) == delim
}

// blankFrontMatter replaces the first end bytes, the front matter, with
// blank lines, so goldmark does not read its "---" as headings and rules,
// while every later byte keeps its offset and line.
func blankFrontMatter(src []byte, end int) []byte {
	if end == 0 {
		return src
	}
	out := bytes.Clone(src)
	for i := range end {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

// fmReader checks front matter line by line: a "key: value" line, a list
// item under a key with no value, an indented line (a nested value, or the
// rest of a value), a comment or a blank line.
type fmReader struct {
	problems []fmProblem
	keys     map[string]int // key -> the number of its line
	lineNo   int            // the number of the line read last
	listOK   bool           // a top-level "- item" may follow
	quote    byte           // the quote of a value still open, or 0
	quoteOff int
}

func (r *fmReader) problem(off int, format string, args ...any) {
	r.problems = append(r.problems, fmProblem{off, fmt.Sprintf(format, args...)})
}

func (r *fmReader) finish() {
	if r.quote != 0 {
		r.problem(r.quoteOff, "the value's opening %c is never closed", r.quote)
	}
}

func (r *fmReader) line(line string, off int) {
	r.lineNo++
	if r.quote != 0 {
		// A quoted value may run over lines until its closing quote.
		if end, ok := closeQuote(line, 0, r.quote); ok {
			if rest := strings.TrimLeft(line[end:], " \t"); rest != "" && rest[0] != '#' {
				// The quote that closed the value opened the next one:
				// the value's own closing quote is missing.
				r.problem(r.quoteOff, "the value's opening %c is not closed on its line, and the quote that closes it on line %d is followed by text", r.quote, r.lineNo)
			}
			r.quote = 0
		}
		return
	}
	trimmed := strings.TrimRight(line, " \t")
	switch {
	case trimmed == "":
		return
	case line[0] == '\t':
		r.problem(off, "a line indented with a tab; YAML indents with spaces")
		return
	case line[0] == ' ':
		return // a nested value, or the rest of the value above
	case trimmed[0] == '#':
		return
	case trimmed == "-" || strings.HasPrefix(trimmed, "- "):
		if !r.listOK {
			r.problem(off, "a list item (%s) belongs under a key with no value of its own, such as \"keywords:\"", diag.Quote(trimmed, 60))
		}
		return
	}
	r.keyLine(trimmed, off)
}

// keyLine checks a "key: value" line.
func (r *fmReader) keyLine(line string, off int) {
	r.listOK = false
	var key string
	colon := -1
	if line[0] == '"' || line[0] == '\'' {
		if end, ok := closeQuote(line, 1, line[0]); ok && strings.HasPrefix(line[end:], ":") && (end+1 == len(line) || line[end+1] == ' ') {
			key, colon = line[1:end-1], end
		}
	} else {
		for i := 0; i < len(line); i++ {
			if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
				key, colon = line[:i], i
				break
			}
			if line[i] == '#' && i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
				break // a comment
			}
		}
	}
	if colon < 0 {
		r.problem(off, "%s is not \"key: value\", a list item or a comment", diag.Quote(line, 60))
		return
	}
	if strings.ContainsRune("[]{},&*!|>%@`?", rune(line[0])) {
		r.problem(off, "the key %s starts with %c, which YAML reserves; quote the key", diag.Quote(key, 60), line[0])
		return
	}
	if r.keys == nil {
		r.keys = map[string]int{}
	}
	if first, ok := r.keys[key]; ok {
		r.problem(off, "the key %s is given twice (first on line %d); YAML keys are unique", diag.Quote(key, 60), first)
	} else {
		r.keys[key] = r.lineNo
	}
	start := colon + 1
	for start < len(line) && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	r.value(line, start, off)
}

// value checks the value of a key line, which starts at line[start:].
func (r *fmReader) value(line string, start, off int) {
	if start == len(line) || line[start] == '#' {
		r.listOK = true // a list or nested keys may follow
		return
	}
	v := line[start:]
	switch c := v[0]; {
	case c == '"' || c == '\'':
		end, ok := closeQuote(line, start+1, c)
		if !ok {
			r.quote, r.quoteOff = c, off+start
			return
		}
		r.afterValue(line, end, off)
	case c == '|' || c == '>' || c == '[' || c == '{' || c == '&' || c == '!':
		// A block scalar, a flow collection, an anchor or a tag: YAML's
		// own syntax, which front matter rarely needs; not checked.
	case strings.ContainsRune("@`%*,]}", rune(c)):
		r.problem(off+start, "a value cannot start with %c, which YAML reserves; quote the value", c)
	case (c == '-' || c == '?' || c == ':') && (len(v) == 1 || v[1] == ' '):
		r.problem(off+start, "a value cannot start with \"%c \"; quote the value", c)
	default:
		// A plain value ends at a comment; before it, ": " would start a
		// mapping YAML does not allow there.
		for i := 0; i < len(v); i++ {
			if v[i] == '#' && i > 0 && (v[i-1] == ' ' || v[i-1] == '\t') {
				return
			}
			if v[i] == ':' && (i+1 == len(v) || v[i+1] == ' ' || v[i+1] == '\t') {
				r.problem(off+start+i, "the value holds \": \", which YAML reads as a second key; quote the value")
				return
			}
		}
	}
}

// afterValue checks what follows a quoted value's closing quote, at
// line[end:]: nothing, or a comment.
func (r *fmReader) afterValue(line string, end, off int) {
	rest := strings.TrimLeft(line[end:], " \t")
	if rest != "" && rest[0] != '#' {
		r.problem(off+len(line)-len(rest), "text after the value's closing quote; quote the whole value")
	}
}

// closeQuote finds the quote q that closes a quoted scalar in line from
// start, and returns the offset just past it: in double quotes a
// backslash escapes the next character, in single quotes a doubled
// quote is a quote.
func closeQuote(line string, start int, q byte) (int, bool) {
	for i := start; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}
