package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/docbind/docbind/generator/diag"
)

// format is how diagnostics are printed: -format.
//
//   - text, the default, is "file:line:col: severity CODE: message" on
//     stderr, as compilers print them.
//   - json is one JSON object per diagnostic and line (see jsonDiagnostic)
//     on stdout, and stdout holds nothing else: -check's diffs and -v's
//     report go to stderr instead, with the summary line and every other
//     message. Every diagnostic is printed unless -maxdiags is given.
//   - github is one GitHub Actions workflow command per diagnostic
//     (::error, ::warning, ::notice) on stdout, where the runner reads
//     them, and makes them annotations of the pull request.
type format int

const (
	formatText format = iota
	formatJSON
	formatGitHub
)

var formatNames = []string{"text", "json", "github"}

func (f format) String() string { return formatNames[f] }

// Set is flag.Value's: an unknown name is a bad flag value, a usage error.
func (f *format) Set(s string) error {
	for i, name := range formatNames {
		if s == name {
			*f = format(i)
			return nil
		}
	}
	return fmt.Errorf("want text, json or github")
}

// machine reports whether the format is for tools, printed on stdout.
func (f format) machine() bool { return f != formatText }

// print writes one diagnostic in the format.
func (f format) print(w io.Writer, d diag.Diagnostic) {
	switch f {
	case formatJSON:
		printJSON(w, d)
	case formatGitHub:
		fmt.Fprintln(w, githubCommand(d))
	default:
		fmt.Fprintln(w, d)
	}
}

// jsonDiagnostic is a diagnostic under -format json. Positions are those
// the text shows: the file relative to the working folder (or absolute
// when the docs are not under it), line and column 1-based, both 0 for a
// diagnostic about a whole file or folder. related is always present, []
// when the diagnostic names no other place.
type jsonDiagnostic struct {
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Column   int           `json:"column"`
	Severity string        `json:"severity"` // "error", "warning" or "note"
	Code     string        `json:"code"`
	Message  string        `json:"message"`
	Related  []jsonRelated `json:"related"`
}

// jsonRelated is another place a diagnostic concerns.
type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func printJSON(w io.Writer, d diag.Diagnostic) {
	j := jsonDiagnostic{
		File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col,
		Severity: d.Severity.String(), Code: string(d.Code), Message: d.Message,
		Related: make([]jsonRelated, 0, len(d.Related)),
	}
	for _, r := range d.Related {
		j.Related = append(j.Related, jsonRelated{File: r.Pos.File, Line: r.Pos.Line, Column: r.Pos.Col, Message: r.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote HTML comments and URLs: keep them readable
	_ = enc.Encode(j)        // one line, ended by '\n'
}

// githubCommand is a diagnostic as a GitHub Actions workflow command:
//
//	::warning file=docs/a.md,line=3,col=1,title=DB204::message (see docs/b.md:9:1: declared here)
//
// Errors are ::error, warnings ::warning, notes ::notice; the code is the
// annotation's title; related places follow the message. A diagnostic of
// a whole file has no line nor col.
func githubCommand(d diag.Diagnostic) string {
	command := "warning"
	switch d.Severity {
	case diag.Error:
		command = "error"
	case diag.Note:
		command = "notice"
	}
	props := []string{"file=" + githubProperty(d.Pos.File)}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
	}
	props = append(props, "title="+githubProperty(string(d.Code)))
	msg := d.Message
	for _, r := range d.Related {
		msg += fmt.Sprintf(" (see %s", r.Pos)
		if r.Message != "" {
			msg += ": " + r.Message
		}
		msg += ")"
	}
	return "::" + command + " " + strings.Join(props, ",") + "::" + githubData(msg)
}

// githubData escapes a workflow command's data, as the Actions toolkit's
// toCommandValue does: the runner undoes it.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a workflow command's property value: as data,
// and the separators of properties too.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
