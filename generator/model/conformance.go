package model

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/schema"
)

// check compares one instance an example shows with the resource block
// of its documented type, as ApiDoctor's check-docs does: members the
// resource does not declare (DB311), members a response leaves out that
// the resource requires (DB312), nulls the resource's nullableProperties
// do not allow (DB313), and url members that are not absolute URLs
// (DB314). Types only examples show have no declaration to compare with.
func (ts *typeSet) check(d *typeDef, n *schema.Node, ex exampleSite) {
	if !d.documented {
		return
	}
	for _, f := range n.Fields {
		m := ts.declaredMember(d, f.Name)
		switch {
		case m == nil:
			ts.checkUndeclared(d, f, ex)
		case f.Value.Kind == schema.Null:
			ts.checkNull(d, f, ex)
		case !compatible(m.declared, f.Value):
			checkShape(ts.diags, d, m, f, ex)
		case m.absoluteURL:
			checkURL(ts.diags, d, m, f, ex)
		}
	}
	if ex.response && !ex.truncated {
		ts.checkRequired(d, n, ex)
	}
}

// declaredMember is the member of d or of a base type that a resource
// block or Properties table declares by exactly this name, or nil.
func (ts *typeSet) declaredMember(d *typeDef, name string) *memberDef {
	for t := range ts.chain(d) {
		if m := t.find(name); m != nil && m.declared != nil {
			return m
		}
	}
	return nil
}

// chain yields d and its documented base types, most derived first,
// stopping at a cycle.
func (ts *typeSet) chain(d *typeDef) func(yield func(*typeDef) bool) {
	return func(yield func(*typeDef) bool) {
		seen := map[*typeDef]bool{}
		for t := d; t != nil && !seen[t]; {
			seen[t] = true
			if !yield(t) || t.baseType == "" {
				return
			}
			t = ts.lookup(t.baseType)
		}
	}
}

// undeclared reports whether an example's member of d is one its
// declarations do not cover, that DB311 reports: a member kept out of the
// type's fields, unless d is an open type, whose instances may hold any
// member (they are its data, kept in AdditionalProperties all the same).
func (ts *typeSet) undeclared(d *typeDef, name string) bool {
	return ts.keptOut(d, name) && !ts.openChain(d)
}

// keptOut reports whether an example's member of d is one that docbind
// keeps out of the type's fields, since no declaration of d covers it: a
// member of a documented type that is not OData control information
// ("@odata.etag"), nor an annotation of a declared member
// ("members@odata.bind"), nor a key that is data (kept out anyway).
func (ts *typeSet) keptOut(d *typeDef, name string) bool {
	if !d.documented || strings.HasPrefix(name, "@") || isDataKeyName(name) {
		return false
	}
	if ts.declaredMember(d, name) != nil {
		return false
	}
	if i := strings.IndexByte(name, '@'); i > 0 && ts.declaredMember(d, name[:i]) != nil {
		return false
	}
	return true
}

// openChain reports whether d or a base type is an open type.
func (ts *typeSet) openChain(d *typeDef) bool {
	for t := range ts.chain(d) {
		if t.openType {
			return true
		}
	}
	return false
}

// checkUndeclared warns of a member the example shows that d does not
// declare; one that differs from a declared member only in letter case is
// DB309's, reported where the field is built.
func (ts *typeSet) checkUndeclared(d *typeDef, f schema.Field, ex exampleSite) {
	if !ts.undeclared(d, f.Name) || ts.declaredInOtherCase(d, &memberDef{name: f.Name}) != nil {
		return
	}
	ts.diags.WarnRelated(ex.at(f.Value.Offset), []diag.Related{{Pos: d.source, Message: "the resource of " + d.odataType}}, diag.UndeclaredMember,
		"member %q is not declared by %s (its resource block at %s, Properties table or base types); it is kept in AdditionalProperties, not a field: declare it there, or correct the example",
		f.Name, d.odataType, d.source)
}

// checkNull warns of a null where the resource lists its nullable members
// and m is not one of them. A resource without the list says nothing.
func (ts *typeSet) checkNull(d *typeDef, f schema.Field, ex exampleSite) {
	if d.nullableProperties == nil || slices.Contains(d.nullableProperties, f.Name) {
		return
	}
	ts.diags.WarnRelated(ex.at(f.Value.Offset), []diag.Related{{Pos: d.source, Message: "the nullableProperties of " + d.odataType}}, diag.NullNotAllowed,
		"member %q of %s is null, but the nullableProperties of its resource at %s do not name it: add it there, or show a value",
		f.Name, d.odataType, d.source)
}

// checkShape warns of a value of another type than the member's declared
// one (DB304), at the value: a string where a date-time is declared, an
// array where a string is. A scalar of another kind is replaced by a
// sample of the declared type in the tests; a value of another shape
// (an object, an array, a scalar) makes the member hold its JSON as sent.
func checkShape(diags *diag.List, d *typeDef, m *memberDef, f schema.Field, ex exampleSite) {
	declared, shown := shapeNames(m.declared, f.Value)
	outcome := "the declared type is used"
	if !sameFamilies(m.declared, f.Value) || f.Value.Mixed {
		outcome = "the member holds its JSON as sent"
	}
	diags.WarnRelated(ex.at(f.Value.Offset), []diag.Related{{Pos: m.declaredPos, Message: "declared as " + declared}}, diag.TypeConflict,
		"member %q of %s: an example shows %s %s, but the %s at %s declares %s; %s",
		f.Name, d.odataType, shown, clip(f.Value.Raw), m.declaredBy, m.declaredPos, declared, outcome)
}

// checkURL warns of a value of a member its resource declares "url" or
// "absolute url" that is not an absolute URL (a scheme and what follows),
// which is what ApiDoctor asks of such a member.
func checkURL(diags *diag.List, d *typeDef, m *memberDef, f schema.Field, ex exampleSite) {
	v := f.Value
	if v.Placeholder || !stringKinds[v.Kind] {
		return
	}
	s, err := strconv.Unquote(v.Raw)
	if err != nil || isAbsoluteURL(s) {
		return
	}
	diags.WarnRelated(ex.at(v.Offset), []diag.Related{{Pos: m.declaredPos, Message: "declared as a url"}}, diag.NotAnAbsoluteURL,
		"member %q of %s shows %q, which is not an absolute URL, but its resource at %s declares it a url: show an absolute URL (https://...), or declare it \"string\"",
		f.Name, d.odataType, clip(s), m.declaredPos)
}

// isAbsoluteURL reports a URL with a scheme: "https://host/path",
// "mailto:x". A relative reference ("../item", "/me/drive") has none.
func isAbsoluteURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "" || u.Path != "")
}

// checkRequired warns of the members a response leaves out that its
// resource block lists (its own, and its base types'), unless an
// optionalProperties list names them: the example claims to be whole.
func (ts *typeSet) checkRequired(d *typeDef, n *schema.Node, ex exampleSite) {
	var missing []string
	var optional []string
	for t := range ts.chain(d) {
		optional = append(optional, t.optionalProperties...)
	}
	for t := range ts.chain(d) {
		for _, m := range t.members {
			if m.inResource && !m.optional && !slices.Contains(optional, m.name) && n.Field(m.name) == nil && !slices.Contains(missing, m.name) {
				missing = append(missing, m.name)
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	ts.diags.WarnRelated(ex.at(n.Offset), []diag.Related{{Pos: d.source, Message: "the resource of " + d.odataType}}, diag.RequiredMemberMissing,
		"the example of %s leaves out %s, which its resource at %s lists: add them, mark the example \"truncated\": true, or name them in the resource's optionalProperties",
		d.odataType, quotedList(missing), d.source)
}

// quotedList is "a", "b" and "c", at most five named.
func quotedList(names []string) string {
	quoted := make([]string, 0, len(names))
	for i, n := range names {
		if i == 5 {
			return strings.Join(quoted, ", ") + " and " + strconv.Itoa(len(names)-5) + " more"
		}
		quoted = append(quoted, strconv.Quote(n))
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}
