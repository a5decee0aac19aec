package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// mergeDuplicates makes one operation of what several pages document on
// the same method and URL (GET /users on "List users" and on an Intune
// page): the URL belongs to one operation, whose examples are those of
// every page and whose doc comment names every page. The operation with
// examples owns the URL, the first page's when several have them; a page
// left with no URL of its own and no example documents nothing more.
//
// Examples whose URL the page does not document (GET /users?$expand=manager
// on "List manager") join the operation that owns their URL, too.
func (b *builder) mergeDuplicates(docs []*pageOps) {
	for _, d := range docs {
		b.splitUnrelated(d)
	}
	owners := b.urlOwnersOf(docs)
	byKey := make([]owned, 0, len(owners))
	for _, k := range sortedKeys(owners) {
		byKey = append(byKey, owners[k])
	}
	for _, d := range docs {
		kept := d.ops[:0]
		for _, dr := range d.ops {
			b.giveAway(dr, owners, byKey)
			if len(dr.op.Variants) > 0 || len(dr.requests) > 0 {
				kept = append(kept, dr)
			}
		}
		d.ops = kept
	}
}

// owned is the operation that owns a method and URL.
type owned struct {
	draft   *opDraft
	variant *Variant
}

// urlOwnersOf decides who owns each documented method and URL, keyed by
// variantKey: an operation with examples before one without, and one
// with annotated examples before one with plain ones only (annotations
// keep precedence); of those, the one that lists the URL earliest among its URLs (GET /users is "List
// users"'s first URL, and "List manager"'s third); then the one whose
// result is the most general type (GET /me/messages/{id} is "Get message"
// before "Get eventMessage", whose type derives from message); then the
// first in page order.
func (b *builder) urlOwnersOf(docs []*pageOps) map[string]owned {
	owners := map[string]owned{}
	rank := map[owned][]int{}
	for _, d := range docs {
		for _, dr := range d.ops {
			noExamples, plainOnly := 0, 1
			if len(dr.requests) == 0 {
				noExamples = 1
			}
			if slices.ContainsFunc(dr.requests, func(r *docRequest) bool { return !r.plain }) {
				plainOnly = 0
			}
			depth := b.typeDepth(resultODataType(dr))
			for i, v := range dr.op.Variants {
				k := variantKey(dr.op.Method, v.Parts)
				o := owned{dr, v}
				mine := []int{noExamples, plainOnly, i, depth}
				rank[o] = mine
				if owners[k].draft == nil || slices.Compare(mine, rank[owners[k]]) < 0 {
					owners[k] = o
				}
			}
		}
	}
	return owners
}

// resultODataType is the documented type of a draft's first success
// response, or "".
func resultODataType(dr *opDraft) string {
	if resp := successResponse(dr.requests); resp != nil {
		odata, _ := bodyType(resp.block.Annotation)
		return odata
	}
	return ""
}

// typeDepth counts the documented base types above a type.
func (b *builder) typeDepth(odata string) int {
	depth := 0
	seen := map[*typeDef]bool{}
	for d := b.types.lookup(odata); d != nil && d.baseType != "" && !seen[d]; d = b.types.lookup(d.baseType) {
		seen[d] = true
		depth++
	}
	return depth
}

// derivesFrom reports whether a documented type is base or derives from it.
func (b *builder) derivesFrom(odata, base string) bool {
	want := b.types.lookup(base)
	seen := map[*typeDef]bool{}
	for d := b.types.lookup(odata); d != nil && !seen[d]; d = b.types.lookup(d.baseType) {
		if d == want {
			return true
		}
		seen[d] = true
	}
	return false
}

// variantKey identifies a method and URL whatever its parameters are named
// and however its words are cased: GET /users/{id}/events and
// GET /Users/{user-id}/events are one.
func variantKey(method string, parts []PathPart) string {
	var b strings.Builder
	b.WriteString(method + " ")
	for _, p := range parts {
		if p.Param != nil {
			b.WriteString("{}")
		} else {
			b.WriteString(strings.ToLower(p.Literal))
		}
	}
	return b.String()
}

// giveAway moves to their owners the URLs of dr that another operation
// owns, with the examples at them, and dr's examples at no URL of its own
// that another operation owns.
func (b *builder) giveAway(dr *opDraft, owners map[string]owned, byKey []owned) {
	var keep []*Variant
	for _, v := range dr.op.Variants {
		o := owners[variantKey(dr.op.Method, v.Parts)]
		if o.draft == nil || o.draft == dr || !b.moveExamples(dr, o.draft, func(r *docRequest) bool { return instantiates(v, r) }) {
			keep = append(keep, v)
			continue
		}
		o.draft.op.AlsoDocumented = append(o.draft.op.AlsoDocumented, v.Source)
		o.draft.addPage(dr.pages[0])
	}
	dr.op.Variants = keep
	for _, req := range dr.requests {
		if dr.instantiatedByAny(req) || dr.callsDocumentedFunction(req) {
			continue
		}
		for _, o := range ownersOfPath(byKey, req) {
			if o.draft != dr && b.moveExamples(dr, o.draft, func(r *docRequest) bool { return r == req }) {
				o.draft.addPage(dr.pages[0])
				break
			}
		}
	}
}

// moveExamples moves the examples of from that match to to, when to can
// take them all (it returns the same kind of result); it reports whether
// the URL can go, too: when all moved, or there were none.
func (b *builder) moveExamples(from, to *opDraft, match func(*docRequest) bool) bool {
	var moving, staying []*docRequest
	for _, r := range from.requests {
		if match(r) {
			moving = append(moving, r)
		} else {
			staying = append(staying, r)
		}
	}
	for _, r := range moving {
		if why := b.disagreement(to, r); why != "" {
			b.diags.Warnf(r.block.AnnotationPos, diag.PagesDisagree, "%s %s is documented at %s too, but %s; the two stay apart, and the handler serves the URL as one of them",
				r.msg.Method, r.msg.Path, to.op.Source, why)
			return false
		}
	}
	from.requests = staying
	to.requests = append(to.requests, moving...)
	return true
}

// disagreement says why an example cannot join an operation: it answers
// another kind of result, or an unrelated type; "" when it can.
func (b *builder) disagreement(to *opDraft, r *docRequest) string {
	first := successResponse(to.requests)
	if first == nil || r.response.isError() {
		return ""
	}
	if resultKind(first) != resultKind(r.response) {
		return "its examples answer another kind of result"
	}
	if isColl(first) != isColl(r.response) {
		// One Go method returns a collection or an object, not both: GET
		// /riskyUsers/{id}/history documented as one item on a page and as
		// a list on another.
		return "one answers a collection and the other a single object"
	}
	if have, got, unrelated := b.unrelatedType(first, r); unrelated {
		return fmt.Sprintf("its example answers %s, not %s or a type derived from it", got, have)
	}
	return ""
}

// isColl reports a response documented as a collection.
func isColl(r *docResponse) bool {
	_, coll := bodyType(r.block.Annotation)
	return coll
}

// unrelatedType reports an example whose response names a documented type
// that is neither first's nor derived from it, and the two types.
func (b *builder) unrelatedType(first *docResponse, r *docRequest) (have, got string, unrelated bool) {
	have, _ = bodyType(first.block.Annotation)
	got, _ = bodyType(r.response.block.Annotation)
	return have, got, have != "" && got != "" && !b.derivesFrom(got, have)
}

func (dr *opDraft) addPage(p *docparse.Page) {
	for _, have := range dr.pages {
		if have == p {
			return
		}
	}
	dr.pages = append(dr.pages, p)
}

// instantiates reports whether an example's URL is an instance of v.
func instantiates(v *Variant, r *docRequest) bool {
	_, ok := matchPath(v.Parts, examplePath(r))
	return ok
}

func (dr *opDraft) instantiatedByAny(r *docRequest) bool {
	for _, v := range dr.op.Variants {
		if r.msg.Method == dr.op.Method && instantiates(v, r) {
			return true
		}
	}
	return false
}

// callsDocumentedFunction reports an example that calls, with arguments,
// a function the draft documents without them: the page lists
// GET /auditEvents/getAuditActivityTypes and its example sends
// /auditEvents/getAuditActivityTypes(category='x'). The example belongs to
// the page, not to another page's /auditEvents/{id} that its path also
// instantiates.
func (dr *opDraft) callsDocumentedFunction(r *docRequest) bool {
	path := examplePath(r)
	bare := callArguments.ReplaceAllString(path, "$1")
	if bare == path || r.msg.Method != dr.op.Method {
		return false
	}
	for _, v := range dr.op.Variants {
		if _, ok := matchPath(v.Parts, bare); ok {
			return true
		}
	}
	return false
}

// callArguments is the argument list of a function call that ends a path
// segment: "(category='x')" in /getAuditActivityTypes(category='x').
var callArguments = regexp.MustCompile(`\([^/()]*\)(/|$)`)

// ownersOfPath are the owners of URLs an example's path instantiates, in
// key order: where a literal and a parameter both match (/users/delta and
// /users/{id}), the literal sorts first, as '{' sorts after letters.
func ownersOfPath(byKey []owned, r *docRequest) []owned {
	var found []owned
	for _, o := range byKey {
		if o.draft.op.Method == r.msg.Method && instantiates(o.variant, r) {
			found = append(found, o)
		}
	}
	return found
}

// splitUnrelated moves the examples of an operation that answer a
// documented type unrelated to its first example's (a roomList beside a
// room) into an operation of their own, as group splits off another kind
// of result: one Go method returns one type, and the first's would misread
// theirs. The new operation is named after its first example.
func (b *builder) splitUnrelated(d *pageOps) {
	var added []*opDraft
	for _, dr := range d.ops {
		byType := map[string]*opDraft{}
		var keep []*docRequest
		for _, r := range dr.requests {
			first := successResponse(keep)
			if first == nil || r.response.isError() || resultKind(first) != resultKind(r.response) {
				keep = append(keep, r) // another kind is group's to split
				continue
			}
			_, odata, unrelated := b.unrelatedType(first, r)
			if !unrelated {
				keep = append(keep, r)
				continue
			}
			split := byType[strings.ToLower(odata)]
			if split == nil {
				split = &opDraft{op: &Operation{Method: dr.op.Method, Title: dr.op.Title, Doc: dr.op.Doc, Source: r.block.AnnotationPos}, pages: dr.pages, namedAfterExample: true, splitType: odata}
				byType[strings.ToLower(odata)] = split
				added = append(added, split)
			}
			split.requests = append(split.requests, r)
		}
		dr.requests = keep
	}
	d.ops = append(d.ops, added...)
}
