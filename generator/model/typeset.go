package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// typeSet gathers the named types of the docs (typeDefs, keyed by their
// lower-cased OData name) and builds them into model types.
type typeSet struct {
	defs    map[string]*typeDef
	byShort map[string][]string // lower-cased short name -> OData keys, for lookup
	diags   *diag.List
	renames map[string]string // docbind.json "types": OData or Go name -> Go name
	// renameUsed marks the renames that named a type.
	renameUsed map[string]bool

	// Filled by build.
	names   naming.Set
	built   map[string]*Type // by OData key, or owner + shape signature
	types   []*Type
	enums   []*Enum
	enumFor map[string]*Enum // by owner type and member
	unions  map[string]*Union
	targets map[*memberDef]string

	// pending are nested objects whose member declares a type that no
	// page had defined yet when they were read: absorbPending absorbs
	// them once every example has been read, so that what they show (an
	// empty string, a null) informs the type whatever the page order.
	pending []pendingObject
}

// pendingObject is a nested object waiting for its member's declared type.
type pendingObject struct {
	member *memberDef
	obj    *schema.Node
	ex     exampleSite
}

func newTypeSet(diags *diag.List, renames map[string]string) *typeSet {
	ts := &typeSet{renames: renames, renameUsed: map[string]bool{}, byShort: map[string][]string{}, defs: map[string]*typeDef{}, diags: diags, built: map[string]*Type{}, enumFor: map[string]*Enum{}, unions: map[string]*Union{}, targets: map[*memberDef]string{}}
	ts.names.Reserve("Unknown", "IsZero", "MarshalJSON", "UnmarshalJSON") // a union's fields are its variants' names
	ts.names.Reserve("Client", "ClientOption", "Server", "APIError", "Unimplemented", "Nullable", "NullableOf", "Null", "DateTime", "ParseDateTime", "Date", "ParseDate",
		"TimeOfDay", "Duration", "HandlerOption", "DefaultBaseURL", "DefaultMaxBodyBytes", "NewClient", "NewHandler",
		"WithHTTPClient", "WithHeader", "WithBearerToken", "WithMaxBodyBytes", "SetStatus", "Content",
		"Accepted", "WaitFor", "FollowLink", "ErrInvalidHeader", "NewExampleHandler", "ExampleOption", "WithServer", "WithExampleLog")
	return ts
}

func odataKey(odataType string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(odataType), "#"))
}

// shortName is the last dotted part of an OData type: microsoft.graph.item -> item.
func shortName(odataType string) string {
	odataType = strings.TrimPrefix(odataType, "#")
	if i := strings.LastIndexByte(odataType, '.'); i >= 0 {
		return odataType[i+1:]
	}
	return odataType
}

func namespace(odataType string) string {
	if i := strings.LastIndexByte(odataType, '.'); i >= 0 {
		return odataType[:i]
	}
	return ""
}

// def returns the typeDef of an OData type, creating it.
func (ts *typeSet) def(odataType string, at diag.Pos, origin string) *typeDef {
	key := ts.keyOf(odataType)
	d := ts.defs[key]
	if d == nil {
		d = &typeDef{odataType: strings.TrimPrefix(strings.TrimSpace(odataType), "#"), source: at, origin: origin, doc: wellKnownDoc(odataType)}
		ts.defs[key] = d
		short := strings.ToLower(shortName(key))
		ts.byShort[short] = append(ts.byShort[short], key)
	}
	return d
}

// keyOf is the key of an OData type's typeDef: its lower-cased name, or
// for a name without namespace ("educationLinkResource") the one
// documented type of that short name, which an example means.
func (ts *typeSet) keyOf(odataType string) string {
	key := odataKey(odataType)
	if ts.defs[key] == nil && namespace(key) == "" {
		if keys := ts.byShort[key]; len(keys) == 1 {
			return keys[0]
		}
	}
	return key
}

// lookup finds a type by its OData name or its short name, as links and
// tables give it ("item", "driveItem"); nil when unknown or ambiguous.
func (ts *typeSet) lookup(name string) *typeDef {
	key := odataKey(name)
	if d := ts.defs[key]; d != nil {
		return d
	}
	if keys := ts.byShort[key]; len(keys) == 1 {
		return ts.defs[keys[0]]
	}
	return nil // unknown, or ambiguous: two namespaces share the short name
}

// locator turns a byte offset of an example body into a position.
type locator func(offset int) diag.Pos

// exampleSite is an example body being absorbed: where its values are,
// and what its annotation says of it, which the checks against the
// documented types need.
type exampleSite struct {
	at locator
	// truncated says the example leaves members out on purpose.
	truncated bool
	// response marks a response body, which shows every member its
	// resource requires unless truncated; a request sends what it sets.
	response bool
}

// absorb merges a documented instance into a type: each member's shape,
// and nested objects into the types they belong to.
func (ts *typeSet) absorb(d *typeDef, n *schema.Node, ex exampleSite) {
	if n == nil || n.Kind != schema.Object {
		return
	}
	for _, f := range n.Fields {
		m := ts.owner(d, f.Name).member(f.Name)
		if m.inferred == nil {
			m.inferredPos = ex.at(f.Value.Offset)
		}
		m.inferred = schema.Merge(m.inferred, f.Value)
		ts.absorbNested(m, f.Value, ex)
	}
	ts.check(d, n, ex)
}

// owner is the type whose field holds a member: the most basic type in
// d's base chain whose docs declare it, else d. Derived types' resource
// blocks often repeat inherited members; examples of every derived type
// then inform the one field of the base.
func (ts *typeSet) owner(d *typeDef, member string) *typeDef {
	owner := d
	seen := map[*typeDef]bool{d: true}
	for base := ts.lookup(d.baseType); base != nil && !seen[base] && d.baseType != ""; base = ts.lookup(base.baseType) {
		seen[base] = true
		if m := base.find(member); m != nil && m.declared != nil {
			owner = base
		}
		if base.baseType == "" {
			break
		}
	}
	return owner
}

// absorbNested absorbs an object member, or each object of an array
// member, into the named type it belongs to, remembering that type as the
// member's target.
func (ts *typeSet) absorbNested(m *memberDef, v *schema.Node, ex exampleSite) {
	objects := []*schema.Node{v}
	if v.Kind == schema.Array {
		objects = v.Items
	} else {
		// ApiDoctor asks a body and the elements of its arrays for every
		// required member, not an object member, which examples shorten
		// to what matters on the page.
		ex.response = false
	}
	for _, obj := range objects {
		if isDataKeyed(obj) {
			ts.absorbValues(obj, ex)
			continue
		}
		if obj.Kind != schema.Object {
			continue
		}
		target := ts.targetOf(m, obj, ex.at)
		if target == nil {
			if declaredObjectType(m.declared) != "" {
				ts.pending = append(ts.pending, pendingObject{member: m, obj: obj, ex: ex})
			}
			continue
		}
		ts.absorbInto(target, m, obj, ex)
	}
}

// absorbInto absorbs a nested object of member m into its target type.
func (ts *typeSet) absorbInto(target *typeDef, m *memberDef, obj *schema.Node, ex exampleSite) {
	if key := ts.keyOf(obj.ODataType); key != "" && !slices.Contains(m.variants, key) {
		m.variants = append(m.variants, key)
	}
	if _, ok := ts.targets[m]; !ok {
		ts.targets[m] = odataKey(target.odataType)
	}
	ts.absorb(target, obj, ex)
}

// absorbPending absorbs the pending objects whose declared type an
// example defined after them, in the order they were read, until none is
// left that can be (absorbing one may define another's type).
func (ts *typeSet) absorbPending() {
	for progress := true; progress; {
		progress = false
		waiting := ts.pending
		ts.pending = nil
		for _, p := range waiting {
			target := ts.targetOf(p.member, p.obj, p.ex.at)
			if target == nil {
				ts.pending = append(ts.pending, p)
				continue
			}
			ts.absorbInto(target, p.member, p.obj, p.ex)
			progress = true
		}
	}
}

// absorbValues absorbs the values of an object keyed by data (GUIDs,
// URLs) that name their type: what they show of its members, such as a
// documented false, informs that type.
func (ts *typeSet) absorbValues(obj *schema.Node, ex exampleSite) {
	for _, f := range obj.Fields {
		if v := f.Value; v.Kind == schema.Object && v.ODataType != "" && !isDataKeyed(v) {
			ts.absorb(ts.def(v.ODataType, ex.at(v.Offset), "example"), v, ex)
		}
	}
}

// targetOf decides the named type of a nested object: its own
// "@odata.type", the member's declared type, a documented type whose
// members it fits, or a well-known Graph type; nil leaves it anonymous.
func (ts *typeSet) targetOf(m *memberDef, obj *schema.Node, at locator) *typeDef {
	if obj.ODataType != "" {
		return ts.def(obj.ODataType, at(obj.Offset), "example")
	}
	if key, ok := ts.targets[m]; ok {
		return ts.defs[key]
	}
	if name := declaredObjectType(m.declared); name != "" {
		return ts.lookup(name)
	}
	if d := ts.matchDocumented(obj); d != nil {
		return d
	}
	if wk := matchWellKnown(obj); wk != "" {
		if d := ts.lookup(wk); d != nil {
			return d
		}
		return ts.def(wk, at(obj.Offset), "well-known")
	}
	return nil
}

// declaredObjectType is the OData type a declaration names for an object
// member, or for the elements of an array member.
func declaredObjectType(n *schema.Node) string {
	for n != nil && n.Kind == schema.Array {
		n = n.Elem
	}
	if n == nil || n.Kind != schema.Object {
		return ""
	}
	return n.ODataType
}

// matchDocumented finds the documented type an undocumented object fits:
// every member of the object is a member of the type, and they are at least
// half of the type's members. Ties leave the object anonymous.
func (ts *typeSet) matchDocumented(obj *schema.Node) *typeDef {
	names := memberNames(obj)
	if len(names) < 2 {
		return nil
	}
	var best *typeDef
	tie := false
	for _, key := range sortedKeys(ts.defs) {
		d := ts.defs[key]
		if !d.documented || len(d.members) > 2*len(names) || !fits(d, names) {
			continue
		}
		switch {
		case best == nil || len(d.members) < len(best.members):
			best, tie = d, false
		case len(d.members) == len(best.members):
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

func memberNames(obj *schema.Node) []string {
	var names []string
	for _, f := range obj.Fields {
		if f.Name != "@odata.type" {
			names = append(names, f.Name)
		}
	}
	return names
}

func fits(d *typeDef, names []string) bool {
	for _, n := range names {
		if d.find(n) == nil {
			return false
		}
	}
	return true
}

var (
	guidKey = regexp.MustCompile(`^[{]?[0-9a-fA-F]{8}(-[0-9a-fA-F]{3,12}){3,4}[}]?$`) // loosely: the docs mistype GUIDs
	dataKey = regexp.MustCompile(`^(https?://|[0-9]+$)|[/@\s]`)
)

// isDataKeyed reports an object whose keys are data, such as GUIDs or
// URLs, rather than member names: it becomes a map.
// isDataKeyName reports a member name that is data: a GUID, a URL, a
// number, or text with '/', '@' or white space in it (but not an
// annotation such as members@odata.bind).
func isDataKeyName(name string) bool {
	return !strings.Contains(name, "@") && (guidKey.MatchString(name) || dataKey.MatchString(name))
}

func isDataKeyed(obj *schema.Node) bool {
	if obj.Kind != schema.Object || len(obj.Fields) == 0 {
		return false
	}
	for _, f := range obj.Fields {
		if !guidKey.MatchString(f.Name) && !dataKey.MatchString(f.Name) || strings.HasPrefix(f.Name, "@") {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
