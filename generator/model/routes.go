package model

import (
	"fmt"
	"github.com/docbind/docbind/generator/diag"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// Route is one registration with net/http.ServeMux: a pattern, and the
// variants it serves. A pattern the mux matches itself serves one variant;
// a {docbindRest...} pattern serves every template behind that prefix,
// tried in Targets order.
type Route struct {
	MuxPattern string
	Targets    []RouteTarget
}

// RouteTarget is a variant of an operation, as a route serves it.
type RouteTarget struct {
	Op      *Operation
	Variant *Variant
}

// Literals are the literal texts around a variant's parameters: one more
// than its parameters, the first and last possibly empty.
func (v *Variant) Literals() []string {
	lits := []string{""}
	for _, p := range v.Parts {
		if p.Param != nil {
			lits = append(lits, "")
			continue
		}
		lits[len(lits)-1] += p.Literal
	}
	return lits
}

// buildRoutes groups the variants into ServeMux registrations, checking
// each with the real ServeMux. The docs often document one URL on several
// pages (PATCH on an item both updates and moves it): the first operation
// serves it, and the others' variants are marked as served by it. A URL
// the mux cannot take beside the others (a true conflict) is unrouted:
// its client method stays, with a warning.
func (b *builder) buildRoutes(api *API) {
	byPattern := map[string]*Route{}
	byShape := map[string]RouteTarget{}
	mux := http.NewServeMux()
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			shape := op.Method + " " + shapeOf(v)
			if owner, ok := byShape[shape]; ok {
				v.ServedBy = &owner
				b.diags.Warnf(v.Source, diag.URLDocumentedTwice, "%s is also documented at %s; the handler serves it as %s", v.Pattern, owner.Variant.Source, owner.Op.Name)
				continue
			}
			r := byPattern[v.MuxPattern]
			if r == nil {
				if err := register(mux, v.MuxPattern); err != nil {
					v.Unrouted = true
					b.diags.Warnf(v.Source, diag.UnroutableURL, "%s cannot be routed beside the other URLs (%s); only its client method is generated", v.Pattern, firstLine(err.Error()))
					continue
				}
				r = &Route{MuxPattern: v.MuxPattern}
				byPattern[v.MuxPattern] = r
				api.Routes = append(api.Routes, r)
			}
			byShape[shape] = RouteTarget{Op: op, Variant: v}
			r.Targets = append(r.Targets, RouteTarget{Op: op, Variant: v})
		}
	}
	for _, r := range api.Routes {
		slices.SortStableFunc(r.Targets, func(x, y RouteTarget) int { return literalLen(y.Variant) - literalLen(x.Variant) })
	}
}

// shapeOf is a variant's template with its parameters unnamed: two
// variants of one shape match the same requests.
func shapeOf(v *Variant) string {
	var b strings.Builder
	for _, p := range v.Parts {
		if p.Param != nil {
			b.WriteString("{}")
			continue
		}
		b.WriteString(p.Literal)
	}
	return b.String()
}

// firstLine is the first line of a ServeMux panic, without the places it
// names in docbind's own source, which mean nothing to a docs author.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(registeredAt.ReplaceAllString(line, ""))
}

var registeredAt = regexp.MustCompile(` \(registered at [^)]*\)`)

// literalLen orders the templates behind one prefix: more literal text is
// more specific, so /root:/{path}:/content is tried before /root:/{path}.
func literalLen(v *Variant) int {
	return len(strings.Join(v.Literals(), ""))
}

func register(mux *http.ServeMux, pattern string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mux.HandleFunc(pattern, func(http.ResponseWriter, *http.Request) {})
	return nil
}
