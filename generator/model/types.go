package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// typeDef collects everything the docs show of one named type before it
// becomes a model.Type: the merged shape of every example.
type typeDef struct {
	odataType string
	name      string // Go name, fixed at registration from the OData name
	shape     *schema.Node
	source    diag.Pos
	origin    string
	truncated bool
	doc       string
}

// typeSet names and builds the generated types. Named types are keyed by
// their lower-cased OData name; shapes without a name are keyed by their
// signature so a repeated shape becomes one type.
type typeSet struct {
	byOData map[string]*typeDef
	built   map[string]*Type // by lower-cased OData name or shape signature
	names   naming.Set
	types   []*Type
}

func newTypeSet() *typeSet {
	ts := &typeSet{byOData: map[string]*typeDef{}, built: map[string]*Type{}}
	ts.names.Reserve("Client", "ClientOption", "Server", "APIError", "Unimplemented")
	return ts
}

// shortName is the last dotted part of an OData type: microsoft.graph.item -> item.
func shortName(odataType string) string {
	odataType = strings.TrimPrefix(odataType, "#")
	if i := strings.LastIndexByte(odataType, '.'); i >= 0 {
		return odataType[i+1:]
	}
	return odataType
}

// add records a shape seen for a named type, and the named types nested in it.
func (ts *typeSet) add(odataType string, shape *schema.Node, at diag.Pos, origin string, truncated bool) *typeDef {
	key := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	def := ts.byOData[key]
	if def == nil {
		def = &typeDef{odataType: strings.TrimPrefix(odataType, "#"), source: at, origin: origin, doc: wellKnownDoc(odataType)}
		ts.byOData[key] = def
	}
	def.truncated = def.truncated || truncated
	if shape != nil && shape.Kind == schema.Object {
		def.shape = schema.Merge(def.shape, shape)
		ts.addNested(shape, at)
	}
	return def
}

// addNested registers the objects inside shape that name their type, by an
// "@odata.type" member or by fitting a well-known type.
func (ts *typeSet) addNested(shape *schema.Node, at diag.Pos) {
	for _, f := range shape.Fields {
		n := f.Value
		if n.Kind == schema.Array {
			n = n.Elem
		}
		if n == nil || n.Kind != schema.Object {
			continue
		}
		if odata := nestedODataType(n); odata != "" {
			ts.add(odata, n, at, "shape", false)
		} else {
			ts.addNested(n, at)
		}
	}
}

func nestedODataType(n *schema.Node) string {
	if n.ODataType != "" {
		return n.ODataType
	}
	return matchWellKnown(n)
}

// lookup finds a named type by its OData name or its short name, as links
// in prose give it ("item", "driveItem").
func (ts *typeSet) lookup(name string) *typeDef {
	name = strings.ToLower(strings.TrimPrefix(name, "#"))
	if def := ts.byOData[name]; def != nil {
		return def
	}
	var found *typeDef
	for _, key := range sortedKeys(ts.byOData) {
		if strings.ToLower(shortName(key)) == name {
			if found != nil {
				return nil // ambiguous: two namespaces share the short name
			}
			found = ts.byOData[key]
		}
	}
	return found
}

// build turns every registered type into a model.Type. Named types come
// first in OData-name order so their Go names do not depend on which page
// mentioned them first.
func (ts *typeSet) build() {
	keys := sortedKeys(ts.byOData)
	for _, key := range keys {
		def := ts.byOData[key]
		def.name = ts.names.Unique(naming.Exported(shortName(def.odataType)))
		ts.built[key] = &Type{Name: def.name, ODataType: def.odataType, Source: def.source, Truncated: def.truncated}
	}
	for _, key := range keys {
		def := ts.byOData[key]
		t := ts.built[key]
		t.Doc, t.Origin = def.doc, def.origin
		t.Fields = ts.fields(t.Name, def.shape, def.source)
		ts.types = append(ts.types, t)
	}
}

// named returns the built type of a registered OData type.
func (ts *typeSet) named(odataType string) *Type {
	return ts.built[strings.ToLower(strings.TrimPrefix(odataType, "#"))]
}

func (ts *typeSet) fields(owner string, shape *schema.Node, at diag.Pos) []*Field {
	if shape == nil {
		return nil
	}
	var names naming.Set
	names.Reserve("AdditionalProperties")
	var fields []*Field
	for _, f := range shape.Fields {
		ref := ts.ref(owner, f.Name, f.Value, at)
		fields = append(fields, &Field{
			Name:     names.Unique(naming.Exported(f.Name)),
			JSONName: f.Name,
			Type:     ref,
			Pointer:  zeroIsData(ref, f.Value),
		})
	}
	return fields
}

// zeroIsData reports whether a member's zero value can be real data that an
// unset member must not be confused with: false and 0 always can, an empty
// string when the docs show one. Such members become pointers; times,
// other strings, slices and objects are omitted when zero.
func zeroIsData(ref *TypeRef, n *schema.Node) bool {
	switch ref.Kind {
	case RefBool, RefInt64, RefFloat64:
		return true
	case RefString:
		return n.EmptySeen
	}
	return false
}

// ref decides the Go type of a member from its shape.
func (ts *typeSet) ref(owner, member string, n *schema.Node, at diag.Pos) *TypeRef {
	switch n.Kind {
	case schema.String:
		return &TypeRef{Kind: RefString}
	case schema.DateTime:
		return &TypeRef{Kind: RefTime}
	case schema.Bool:
		return &TypeRef{Kind: RefBool}
	case schema.Int:
		return &TypeRef{Kind: RefInt64}
	case schema.Float:
		return &TypeRef{Kind: RefFloat64}
	case schema.Array:
		if n.Elem == nil {
			return &TypeRef{Kind: RefSlice, Elem: &TypeRef{Kind: RefRaw}}
		}
		return &TypeRef{Kind: RefSlice, Elem: ts.ref(owner, naming.Singular(member), n.Elem, at)}
	case schema.Object:
		return &TypeRef{Kind: RefNamed, Named: ts.object(owner, member, n, at)}
	}
	return &TypeRef{Kind: RefRaw}
}

// object returns the type of a nested object: its named type when it has
// one, else a type named after its parent and member, shared by every
// object of the same shape.
func (ts *typeSet) object(owner, member string, n *schema.Node, at diag.Pos) *Type {
	if odata := nestedODataType(n); odata != "" {
		if t := ts.named(odata); t != nil {
			return t
		}
	}
	sig := signature(n)
	if t := ts.built[sig]; t != nil {
		return t
	}
	t := &Type{Name: ts.names.Unique(owner + naming.Exported(member)), Source: at, Origin: fmt.Sprintf("the %q member of %s", member, owner)}
	ts.built[sig] = t
	t.Fields = ts.fields(t.Name, n, at)
	ts.types = append(ts.types, t)
	return t
}

// signature identifies an anonymous shape: member names and kinds, nested.
func signature(n *schema.Node) string {
	var b strings.Builder
	b.WriteString("shape{")
	for _, f := range n.Fields {
		b.WriteString(f.Name + ":" + f.Value.Kind.String())
		if f.Value.Kind == schema.Object {
			b.WriteString(signature(f.Value))
		}
		b.WriteByte(',')
	}
	b.WriteByte('}')
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
