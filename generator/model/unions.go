package model

import (
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/schema"
)

// unionBase returns the base type of a polymorphic member, or nil for a
// member of one type: a member is polymorphic when examples show its
// objects with different "@odata.type" values, or when its declared type
// is abstract and has derived types.
func (ts *typeSet) unionBase(m *memberDef) *typeDef {
	var base *typeDef
	if name := declaredObjectType(m.declared); name != "" {
		base = ts.lookup(name)
	}
	if base == nil && len(m.variants) > 0 {
		base = ts.defs[m.variants[0]]
	}
	if base == nil {
		return nil
	}
	distinct := len(m.variants) >= 2
	abstract := base.abstract && len(ts.derived(base)) > 0
	if !distinct && !abstract {
		return nil
	}
	return base
}

// derived lists the types whose base chain reaches base, by OData key.
func (ts *typeSet) derived(base *typeDef) []*typeDef {
	var out []*typeDef
	for _, key := range sortedKeys(ts.defs) {
		d := ts.defs[key]
		seen := map[*typeDef]bool{d: true}
		for b := ts.lookup(d.baseType); b != nil && d.baseType != "" && !seen[b]; b = ts.lookup(b.baseType) {
			seen[b] = true
			if b == base {
				out = append(out, d)
				break
			}
			if b.baseType == "" {
				break
			}
		}
	}
	return out
}

// unionRef is the use of the union of a polymorphic member: its base (when
// concrete), the types derived from it, and the types examples showed.
func (ts *typeSet) unionRef(base *typeDef, m *memberDef, n *schema.Node, pos diag.Pos) *TypeRef {
	key := odataKey(base.odataType)
	u := ts.unions[key]
	if u == nil {
		u = &Union{Name: ts.names.Unique(ts.built[key].Name + "Union"), Base: ts.built[key], Source: pos}
		ts.unions[key] = u
	}
	members := ts.derived(base)
	if !base.abstract {
		members = append(members, base)
	}
	for _, v := range m.variants {
		members = append(members, ts.defs[v])
	}
	for _, d := range members {
		if t := ts.built[odataKey(d.odataType)]; t != nil && !slices.Contains(u.Variants, t) {
			u.Variants = append(u.Variants, t)
		}
	}
	slices.SortFunc(u.Variants, func(a, b *Type) int { return strings.Compare(odataKey(a.ODataType), odataKey(b.ODataType)) })
	ref := &TypeRef{Kind: RefUnion, Union: u}
	if n.Kind == schema.Array {
		return &TypeRef{Kind: RefSlice, Elem: ref}
	}
	return ref
}

// unionValue types a documented object of a polymorphic member by its
// "@odata.type"; an undocumented type stays JSON.
func unionValue(v *Value, u *Union, n *schema.Node, path string, subs *[]Substitution) {
	want := odataKey(n.ODataType)
	for _, t := range u.Variants {
		if odataKey(t.ODataType) == want || want == "" && t == u.Base {
			v.Variant = t
			namedValue(v, t, n, path, subs)
			return
		}
	}
	v.Scalar = n.Raw
}
