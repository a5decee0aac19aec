// Package diag holds docbind's diagnostics: positioned messages about the
// input docs, collected across the pipeline rather than failing at the first.
package diag

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a position in an input file. Line and Col are 1-based; Col counts
// bytes, as go/token does.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, then line, then column.
func (p Pos) Compare(q Pos) int {
	if c := strings.Compare(p.File, q.File); c != 0 {
		return c
	}
	if p.Line != q.Line {
		return p.Line - q.Line
	}
	return p.Col - q.Col
}

// Severity says whether a diagnostic stops generation.
type Severity int

const (
	// Warning reports input docbind worked around; generation goes on.
	Warning Severity = iota
	// Error reports input docbind cannot use; nothing is written.
	Error
	// Note reports input docbind read as its readers do, though it is
	// not strict JSON or Markdown (a trailing comma, which ApiDoctor's
	// parser accepts too): said, but never failing -strict or -lint.
	Note
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Note:
		return "note"
	}
	return "warning"
}

// rank orders severities by how urgently a reader must act: errors,
// then warnings, then notes.
func (s Severity) rank() int {
	switch s {
	case Error:
		return 2
	case Warning:
		return 1
	}
	return 0
}

// Diagnostic is one message about the input at a position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Message  string
	// Related are the other places the message names, such as the
	// declaration an example's member contradicts: tools that show a
	// diagnostic on its line can link to them.
	Related []Related
}

// Related is another place a diagnostic concerns, and what it is there.
type Related struct {
	Pos     Pos
	Message string
}

// String formats the diagnostic as "file:line:col: severity DB123: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s %s: %s", d.Pos, d.Severity, d.Code, d.Message)
}

// List collects diagnostics.
type List []Diagnostic

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, code Code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// WarnRelated appends a warning at pos that names other places too.
func (l *List) WarnRelated(pos Pos, related []Related, code Code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...), Related: related})
}

// Notef appends a note at pos.
func (l *List) Notef(pos Pos, code Code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Note, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, code Code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sorted returns the diagnostics ordered by position, then message, with
// exact duplicates removed, so output is the same whatever order the
// pipeline found them in.
func (l List) Sorted() List {
	out := slices.Clone(l)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(out, Diagnostic.Equal)
}

// Equal reports whether two diagnostics say the same thing at the same
// place, related positions included.
func (d Diagnostic) Equal(e Diagnostic) bool {
	return d.Pos == e.Pos && d.Severity == e.Severity && d.Code == e.Code && d.Message == e.Message && slices.Equal(d.Related, e.Related)
}

// Capped returns at most limit of the diagnostics, in position order,
// errors before warnings when they do not all fit (an error is what the
// reader must act on), and how many were left out. A limit of 0 or less
// keeps them all.
func (l List) Capped(limit int) (shown List, omitted int) {
	if limit <= 0 || len(l) <= limit {
		return l, 0
	}
	bySeverity := slices.Clone(l)
	slices.SortStableFunc(bySeverity, func(a, b Diagnostic) int { return b.Severity.rank() - a.Severity.rank() })
	shown = bySeverity[:limit]
	slices.SortStableFunc(shown, func(a, b Diagnostic) int {
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return shown, len(l) - limit
}

// Err returns the list as an error if it holds any error, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ErrorList(l.Sorted())
}

// ErrorList is a List used as an error value.
type ErrorList List

func (e ErrorList) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Lines maps byte offsets in a file to line and column positions.
type Lines struct {
	file   string
	starts []int // byte offset of the start of each line
}

// NewLines indexes src, the content of file.
func NewLines(file string, src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{file: file, starts: starts}
}

// File returns the file name positions refer to.
func (l *Lines) File() string { return l.file }

// Pos converts a byte offset into a position.
func (l *Lines) Pos(offset int) Pos {
	if offset < 0 {
		return Pos{File: l.file}
	}
	line, _ := slices.BinarySearch(l.starts, offset+1)
	// line is the index of the first start > offset, i.e. the 1-based line.
	return Pos{File: l.file, Line: line, Col: offset - l.starts[line-1] + 1}
}

// Quote quotes text for a message, cut at a rune boundary to about max
// bytes with an ellipsis: a page's line or a link can be long.
func Quote(text string, max int) string {
	if len(text) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "…"
	}
	return fmt.Sprintf("%q", text)
}
