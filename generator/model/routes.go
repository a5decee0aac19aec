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

// IsTemplate reports a {docbindRest...} route, whose targets the generated
// router matches in order, rather than a pattern the mux matches itself.
// (A template route may hold whole-pattern variants too: those that
// would otherwise take its templates' URLs, see unshadow.)
func (r *Route) IsTemplate() bool { return strings.HasSuffix(r.MuxPattern, restWildcard) }

// restWildcard ends the mux pattern of a template route.
const restWildcard = "{docbindRest...}"

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
		sortTargets(r)
	}
	b.unshadow(api)
}

// sortTargets orders the templates behind one prefix, most specific first.
func sortTargets(r *Route) {
	slices.SortStableFunc(r.Targets, func(x, y RouteTarget) int { return literalLen(y.Variant) - literalLen(x.Variant) })
}

// unshadow makes every routed variant reach its own operation. ServeMux
// prefers a whole-segment wildcard (/instances/{id}) to the
// {docbindRest...} prefix behind which a template such as
// /instances/filterByCurrentUser(on='{on}') or /directoryRoles/roleTemplateId={id}
// is matched, so the wildcard route would take the template's URLs. Such
// a wildcard route joins the template's prefix route, where the more
// literal template is tried first. The router that decides is the one the
// generated handler builds (newRouter), asked with each variant's sample
// path; a variant still taken by another route is unrouted with DB403.
func (b *builder) unshadow(api *API) {
	for range len(api.Routes) + 1 {
		moves := shadowMoves(api)
		if len(moves) == 0 {
			break
		}
		for _, m := range moves {
			m.into.Targets = append(m.into.Targets, m.mover.Targets...)
			sortTargets(m.into)
			api.Routes = slices.DeleteFunc(api.Routes, func(r *Route) bool { return r == m.mover })
		}
	}
	rt := newRouter(api)
	for _, r := range slices.Clone(api.Routes) {
		for _, t := range slices.Clone(r.Targets) {
			hit, ok := routeOfSample(rt, t)
			if !ok || hit == t.Variant.Pattern {
				continue
			}
			t.Variant.Unrouted = true
			b.diags.Warnf(t.Variant.Source, diag.UnroutableURL, "%s cannot be routed beside the other URLs (%s takes its requests); only its client method is generated", t.Variant.Pattern, hit)
			r.Targets = slices.DeleteFunc(r.Targets, func(x RouteTarget) bool { return x.Variant == t.Variant })
		}
	}
	api.Routes = slices.DeleteFunc(api.Routes, func(r *Route) bool { return len(r.Targets) == 0 })
}

// shadowMove is a whole-pattern route that joins a template route.
type shadowMove struct{ mover, into *Route }

// shadowMoves finds, for each template route whose sample path a
// whole-pattern route takes, that route and the template route it joins,
// in route order. Only a route that matches by its own pattern (not a
// prefix) and whose pattern lies behind the template route's prefix can
// join it.
func shadowMoves(api *API) []shadowMove {
	rt := newRouter(api)
	byPattern := map[string]*Route{}
	for _, r := range api.Routes {
		if !r.IsTemplate() {
			byPattern[r.MuxPattern] = r
		}
	}
	var moves []shadowMove
	moving := map[*Route]bool{}
	for _, r := range api.Routes {
		for _, t := range r.Targets {
			if !t.Variant.IsCustom() {
				continue
			}
			hit, ok := routeOfSample(rt, t)
			if !ok || hit == t.Variant.Pattern {
				continue
			}
			if mover := byPattern[hit]; mover != nil && !moving[mover] && behindPrefix(mover.MuxPattern, r.MuxPattern) {
				moving[mover] = true
				moves = append(moves, shadowMove{mover, r})
			}
		}
	}
	return moves
}

// behindPrefix reports whether pattern lies under a {docbindRest...}
// prefix pattern of the same method.
func behindPrefix(pattern, prefixPattern string) bool {
	prefix := strings.TrimSuffix(prefixPattern, restWildcard)
	return prefix != prefixPattern && strings.HasPrefix(pattern, prefix)
}

// routeOfSample is the pattern the generated handler serves a variant's
// sample request with; ok is false when the request cannot be made.
func routeOfSample(rt *router, t RouteTarget) (pattern string, ok bool) {
	hit, ok := rt.route(t.Op.Method, wirePath(t.Variant.Parts, sampleArgs(t.Variant)))
	return hit.pattern, ok
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
