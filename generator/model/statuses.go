package model

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// The docs state an operation's success status twice: in the response
// an example shows, and in the page's prose ("If successful, this method
// returns a `204 No Content` response code"). An example decides; where
// no example shows the operation succeeding, the prose does before the
// method's default (201 for POST, else 200). Prose is read by its
// structure, never its words: a success status (2xx) followed by its
// standard reason phrase, which translated editions keep in English. A
// page may name several success statuses (a 202 when asked to answer
// asynchronously, the 206 of a range request); then it says none for
// sure, and no example's status contradicts it unless it is none of them.

// successMentions are the success statuses a page's prose names, each at
// its first mention, in page order; none for a page that documents
// several methods (an upload session's POST, PUT and DELETE), whose prose
// speaks of several operations.
func (b *builder) successMentions(p *docparse.Page) []docparse.StatusMention {
	if b.pageMethods[p.Path] > 1 {
		return nil
	}
	var out []docparse.StatusMention
	for _, m := range p.Statuses {
		if m.Status >= 200 && m.Status < 300 && !slices.ContainsFunc(out, func(o docparse.StatusMention) bool { return o.Status == m.Status }) {
			out = append(out, m)
		}
	}
	return out
}

// proseStatus settles the success status of an operation that no example
// shows succeeding: the one its page's prose states, which the doc
// comment then cites (Operation.StatusFrom). Each choice is a warning:
// the docs should show it.
func (b *builder) proseStatus(op *Operation, p *docparse.Page) {
	mentions := b.successMentions(p)
	switch {
	case len(mentions) == 0:
		return // the docs say nothing: the method's default is no surprise
	case len(mentions) > 1:
		b.diags.Warnf(mentions[0].Pos, diag.StatusFromProse, "no example shows %s succeeding, and the page's prose names several success statuses (%s); it answers %s, the default for %s",
			op.Name, statusList(mentions), statusText(op.Result.Status), op.Method)
		return
	}
	m := mentions[0]
	op.Result.Status, op.StatusFrom = m.Status, m.Pos
	note := ""
	if bodiless(m.Status) && op.Result.Kind == ResultJSON {
		// A 204 has no body in HTTP, whatever type the prose links to.
		op.Result.Kind, op.Result.Type = ResultNone, nil
		note = ", with no body"
	}
	if m.Status == defaultStatus(op.Method) {
		note += ", the default for " + op.Method + " too"
	}
	b.diags.Warnf(m.Pos, diag.StatusFromProse, "no example shows %s succeeding; it answers %s%s, as the page's prose states here", op.Name, statusText(m.Status), note)
}

// checkProseStatus warns of each example whose success status is none
// of those its page's prose names: the example's is kept, as the tests
// replay it, but the docs contradict themselves.
func (b *builder) checkProseStatus(op *Operation, pages []*docparse.Page) {
	for _, ex := range op.Examples {
		if ex.IsError || ex.Status < 200 || ex.Status >= 300 {
			continue
		}
		i := slices.IndexFunc(pages, func(p *docparse.Page) bool { return p.Path == ex.ResponseSource.File })
		if i < 0 {
			continue
		}
		mentions := b.successMentions(pages[i])
		if len(mentions) == 0 || slices.ContainsFunc(mentions, func(m docparse.StatusMention) bool { return m.Status == ex.Status }) {
			continue
		}
		b.diags.Warnf(ex.ResponseSource, diag.StatusDisagrees, "example %q answers %s, but the page's prose names %s at %s; the example's status is kept",
			ex.Name, statusText(ex.Status), statusList(mentions), mentions[0].Pos)
	}
}

// statusText is a status with its reason phrase: 204 No Content.
func statusText(status int) string {
	return strings.TrimSpace(fmt.Sprintf("%d %s", status, http.StatusText(status)))
}

// statusList lists the mentioned statuses: 200 OK, 204 No Content.
func statusList(mentions []docparse.StatusMention) string {
	var names []string
	for _, m := range mentions {
		names = append(names, statusText(m.Status))
	}
	return strings.Join(names, ", ")
}

// countMethods records how many HTTP methods a page documents, in its
// URL lists and its examples.
func (b *builder) countMethods(d *pageOps) {
	methods := map[string]bool{}
	for _, u := range d.urls {
		methods[u.method] = true
	}
	for _, r := range d.requests {
		methods[r.msg.Method] = true
	}
	b.pageMethods[d.page.Path] = len(methods)
}
