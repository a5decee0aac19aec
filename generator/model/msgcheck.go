package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/schema"
)

// checkMessage reports what reading a request or response block worked
// around (a version before the URL, DB213; a multipart body that cannot be
// split as written, DB214), and checks each JSON part of a multipart body
// as ApiDoctor checks the metadata part of a multipart/related request:
// it must parse (DB214), leniently as bodies are read (DB204 notes the
// repairs). The parts are not otherwise used: the body is a stream.
func (b *builder) checkMessage(blk *docparse.Block, warnings []httpmsg.Warning, parts []httpmsg.Part) {
	what := "response"
	if blk.Annotation.BlockType == docparse.Request {
		what = fmt.Sprintf("request %q", exampleName(blk))
	}
	for _, w := range warnings {
		pos := lineAt(blk.CodePos, w.Line)
		pos.Col = max(w.Col, 1)
		b.say(pos, w, "%s: %s", what, w.Msg)
	}
	for i, p := range parts {
		if !p.IsJSON() || p.BodyLine < 0 {
			continue
		}
		name := fmt.Sprintf("part %d", i+1)
		if n := p.Name(); n != "" {
			name += " (" + n + ")"
		}
		repaired, notes := schema.Repair(p.Body)
		if _, err := schema.Infer(repaired); err != nil {
			pos := lineAt(blk.CodePos, p.BodyLine)
			var se *schema.SyntaxError
			if errors.As(err, &se) {
				pos = offsetPos(blk.CodePos, p.BodyLine, repaired, se.Offset)
			}
			b.diags.WarnRelated(pos, jsonRelated(blk.CodePos, p.BodyLine, repaired, err), diag.BadMultipartJSON,
				"%s: multipart %s is application/json but does not parse: %v", what, name, err)
			continue
		}
		for _, n := range notes {
			b.diags.Notef(offsetPos(blk.CodePos, p.BodyLine, p.Body, n.Offset), diag.RepairedJSON, "JSON of multipart %s: %s to read it", name, n.What)
		}
	}
}

// jsonRelated are the places a JSON syntax error in a body starting at
// line speaks of besides its own: the objects and arrays a missing "}" or
// "]" leaves open, and where the parser stopped.
func jsonRelated(code diag.Pos, line int, body string, err error) []diag.Related {
	var se *schema.SyntaxError
	if !errors.As(err, &se) || len(se.Related) == 0 {
		return nil
	}
	related := make([]diag.Related, 0, len(se.Related))
	for _, r := range se.Related {
		related = append(related, diag.Related{Pos: offsetPos(code, line, body, r.Offset), Message: r.Message})
	}
	return related
}

// urlLineTarget is the URL of a URL line of an "HTTP request" block, read
// as request examples read their request line (httpmsg.ParseRequestLine):
// a version before the URL is the version (DB213) and one after it is no
// part of the URL either. pos is the line's position; line must hold a
// method and a URL.
func (b *builder) urlLineTarget(pos diag.Pos, line string) string {
	rl, ok := httpmsg.ParseRequestLine(line)
	if !ok {
		// "GET HTTP/1.1": no URL but the version, which parsePath refuses.
		return strings.TrimSpace(strings.Join(strings.Fields(line)[1:], " "))
	}
	if rl.VersionBeforeURL {
		w := httpmsg.VersionBeforeURL(0, rl)
		pos.Col = w.Col
		b.say(pos, w, "URL line: %s", w.Msg)
	}
	return rl.Target
}

// say reports a warning of the HTTP parser at pos: as a note when
// ApiDoctor accepts what it reports (a version before the URL, which its
// parser reads as the version too), so that docs it accepts pass -strict
// and -lint.
func (b *builder) say(pos diag.Pos, w httpmsg.Warning, format string, args ...any) {
	if w.Note {
		b.diags.Notef(pos, w.Code, format, args...)
		return
	}
	b.diags.Warnf(pos, w.Code, format, args...)
}
