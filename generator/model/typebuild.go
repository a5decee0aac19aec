package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// build names every named type, then builds their fields; anonymous types
// and enums are made on the way, in a fixed order.
func (ts *typeSet) build() {
	keys := sortedKeys(ts.defs)
	ts.nameTypes(keys)
	for _, key := range keys {
		d := ts.defs[key]
		t := ts.built[key]
		if d.baseType != "" {
			if base := ts.lookup(d.baseType); base != nil && base != d {
				t.Base = ts.built[odataKey(base.odataType)]
			} else {
				ts.diags.Warnf(d.source, diag.UnknownBaseType, "baseType %q of %s is not documented; its members are not inherited", d.baseType, d.odataType)
			}
		}
	}
	ts.breakBaseCycles(keys)
	for _, key := range keys {
		ts.buildFields(ts.built[key], ts.defs[key])
	}
	for _, key := range keys {
		ts.removeInherited(ts.built[key])
		if d := ts.defs[key]; d.collectionOf != "" {
			setCollectionFields(ts.built[key])
		}
	}
}

// breakBaseCycles drops the base of a type whose chain of baseTypes leads
// back to it: Go embeds a base by value, so such a chain is a type that
// contains itself.
func (ts *typeSet) breakBaseCycles(keys []string) {
	for _, key := range keys {
		t := ts.built[key]
		seen := map[*Type]bool{t: true}
		for b := t.Base; b != nil; b = b.Base {
			if seen[b] {
				ts.diags.Warnf(ts.defs[key].source, diag.UnknownBaseType, "baseType %q of %s leads back to %s; its members are not inherited",
					ts.defs[key].baseType, t.ODataType, b.ODataType)
				t.Base = nil
				break
			}
			seen[b] = true
		}
	}
}

// breakValueCycles makes a Nullable struct field hold its struct by
// pointer (TypeRef.ByPointer) when that struct holds, by value, the field's own type again
// (through embedded bases and other Nullable fields): Go refuses a type
// that contains itself. Fields are settled in type and field order, so
// the same docs always break a cycle at the same field.
func breakValueCycles(types []*Type) {
	for _, t := range types {
		for _, f := range t.Fields {
			if heldByValue(f) && holdsByValue(f.Type.Named, t, map[*Type]bool{}) {
				f.Type.ByPointer = true
			}
		}
	}
}

// holdsByValue reports whether a value of from contains a value of target:
// through its base, or a Nullable struct field held by value.
func holdsByValue(from, target *Type, seen map[*Type]bool) bool {
	if from == target {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	if from.Base != nil && holdsByValue(from.Base, target, seen) {
		return true
	}
	for _, f := range from.Fields {
		if heldByValue(f) && holdsByValue(f.Type.Named, target, seen) {
			return true
		}
	}
	return false
}

// heldByValue reports a field that holds a struct by value: a Nullable
// one not yet broken to a pointer. Other struct fields are pointers.
func heldByValue(f *Field) bool {
	return f.Nullable && f.Type.Kind == RefNamed && !f.Type.ByPointer
}

// setCollectionFields finds the members a client pages a collection by.
func setCollectionFields(t *Type) {
	for _, f := range t.Fields {
		switch {
		case f.Type.Kind == RefSlice && t.Items == nil:
			t.Items = f
		case f.JSONName == "@odata.nextLink" && f.Type.Kind == RefString:
			t.NextLink = f
		case f.JSONName == "@odata.deltaLink" && f.Type.Kind == RefString:
			t.DeltaLink = f
		}
	}
}

// nameTypes gives each named type the Go name of its short OData name. Two
// types with the same short name in different namespaces keep it only in
// the namespace most types use; the other is qualified (odata.error ->
// ODataError), so adding a page does not rename existing types.
func (ts *typeSet) nameTypes(keys []string) {
	primary := primaryNamespace(keys)
	byShort := map[string]int{}
	for _, k := range keys {
		byShort[strings.ToLower(shortName(k))]++
	}
	for _, k := range keys {
		d := ts.defs[k]
		name := naming.Exported(shortName(d.odataType))
		if d.collectionOf != "" {
			name = naming.Exported(shortName(d.collectionOf)) + "CollectionResponse"
		}
		if byShort[strings.ToLower(shortName(k))] > 1 && namespace(k) != primary {
			name = naming.Exported(d.odataType)
		}
		name = ts.renamed(d.odataType, name)
		t := &Type{Name: ts.names.Unique(name), ODataType: d.odataType, Doc: d.doc, Origin: d.origin, Source: d.source,
			Truncated: d.truncated, Abstract: d.abstract, OpenType: d.openType, KeyProperty: d.keyProperty}
		ts.built[k] = t
		ts.types = append(ts.types, t)
	}
}

func primaryNamespace(keys []string) string {
	var all []string
	for _, k := range keys {
		all = append(all, namespace(k))
	}
	return mostCommon(all)
}

func (ts *typeSet) buildFields(t *Type, d *typeDef) {
	var names naming.Set
	names.Reserve("AdditionalProperties", "MarshalJSON", "UnmarshalJSON") // and the methods every model has
	if t.Base != nil {
		names.Reserve(t.Base.Name)
	}
	for _, m := range d.members {
		if declared := ts.declaredInOtherCase(d, m); declared != nil {
			ts.diags.Warnf(m.inferredPos, diag.CaseOnlyMember, "member %q of %s differs from the member %q declared at %s only in letter case; JSON names are case-sensitive, so it is kept in AdditionalProperties",
				m.name, d.odataType, declared.name, declared.declaredPos)
			continue
		}
		if ts.keptOut(d, m.name) {
			// check reported it at each example that shows it: what the
			// docs do not declare is no API of the package.
			continue
		}
		node := ts.resolveMember(d, m)
		if node == nil || isDataKeyName(m.name) {
			// A member named by data (a user's id in plannerAssignments)
			// is an instance's key, not a field: AdditionalProperties
			// keeps it.
			continue
		}
		f := &Field{
			Name:       names.Unique(naming.Exported(m.name)),
			JSONName:   m.name,
			Doc:        m.doc,
			Required:   m.inResource && !m.optional,
			Optional:   m.optional,
			Nullable:   m.nullable,
			Navigation: m.navigation,
			Source:     firstPos(m.declaredPos, m.inferredPos),
		}
		if base := ts.unionBase(m); base != nil {
			f.Type = ts.unionRef(base, m, node, f.Source)
		} else {
			f.Type = ts.nodeRef(t.Name, m.name, node, ts.targets[m], f.Source)
		}
		f.Nullable = f.Nullable || node.NullSeen || node.Kind == schema.Null
		f.Pointer = !f.Nullable && zeroIsData(f, node)
		t.Fields = append(t.Fields, f)
	}
}

// removeInherited drops fields a base type already declares: examples of a
// derived type show inherited members, which the embedded base holds.
func (ts *typeSet) removeInherited(t *Type) {
	if t.Base == nil {
		return
	}
	inherited := map[string]*Field{}
	for _, f := range t.Base.AllFields() {
		inherited[f.JSONName] = f
	}
	var own []*Field
	for _, f := range t.Fields {
		base := inherited[f.JSONName]
		if base == nil {
			own = append(own, f)
			continue
		}
		if refFamily(base.Type) != refFamily(f.Type) && refFamily(base.Type) >= 0 && refFamily(f.Type) >= 0 {
			ts.holdAsSent(t, base, f)
			continue
		}
		widen(base, f)
	}
	t.Fields = own
}

// declaredInOtherCase is the declared member of d or of a base type whose
// name differs from m's only in letter case, when m itself is shown by
// examples alone; nil otherwise.
func (ts *typeSet) declaredInOtherCase(d *typeDef, m *memberDef) *memberDef {
	if m.declared != nil {
		return nil
	}
	seen := map[*typeDef]bool{}
	for t := d; t != nil && !seen[t]; t = ts.lookup(t.baseType) {
		seen[t] = true
		for _, other := range t.members {
			if other.declared != nil && other.name != m.name && strings.EqualFold(other.name, m.name) {
				return other
			}
		}
		if t.baseType == "" {
			break
		}
	}
	return nil
}

// holdAsSent settles an inherited member that an example of a derived
// type shows in another shape (an object where the base's examples show
// an array): only raw JSON holds both, so the base's field keeps its JSON
// as sent, and the docs' disagreement is reported at both places.
func (ts *typeSet) holdAsSent(t *Type, base, derived *Field) {
	shown, held := refShape(derived.Type), refShape(base.Type)
	ts.diags.Warnf(firstPos(derived.Source, t.Source), diag.TypeConflict, "member %q of %s: an example shows %s, but %s at %s holds %s; the member holds its JSON as sent",
		derived.JSONName, t.Name, shown, t.Base.Name, base.Source, held)
	base.Doc = strings.TrimSpace(base.Doc + fmt.Sprintf("\n\nThe docs disagree on its shape (%s at %s, %s at %s), so it holds the JSON as sent.",
		held, base.Source, shown, derived.Source))
	base.Type = &TypeRef{Kind: RefRaw}
	base.Pointer = false
}

// refFamily tells objects, arrays and scalars apart, as shapeFamily does
// for shapes; -1 for raw JSON, which holds any of them.
func refFamily(r *TypeRef) int {
	switch r.Kind {
	case RefRaw:
		return -1
	case RefNamed, RefMap, RefUnion:
		return 1
	case RefSlice:
		return 2
	}
	return 0
}

// refShape names a family for a diagnostic.
func refShape(r *TypeRef) string {
	return [...]string{"a value of any shape", "a scalar", "an object", "an array"}[refFamily(r)+1]
}

// widen lets an inherited field hold what a derived type's examples show
// of it: a null makes it Nullable, a documented zero value a pointer.
// Otherwise the value is lost when the derived type is encoded again.
func widen(base, derived *Field) {
	switch {
	case derived.Nullable && !base.Nullable:
		base.Nullable, base.Pointer = true, false
	case derived.Pointer && !base.Pointer && !base.Nullable && isScalarRef(base.Type.Kind):
		base.Pointer = true
	}
}

// isScalarRef reports the kinds a Field.Pointer makes a pointer of.
func isScalarRef(k RefKind) bool {
	switch k {
	case RefNamed, RefSlice, RefMap, RefUnion, RefRaw:
		return false
	}
	return true
}

func firstPos(ps ...diag.Pos) diag.Pos {
	for _, p := range ps {
		if p.Line > 0 {
			return p
		}
	}
	return diag.Pos{}
}

// resolveMember settles a member's shape: the declared type wins over what
// examples show, and a conflict between them is reported with both places:
// here, at the first example, for a type no resource block documents (a
// collection's envelope), and by check at each example that shows it
// otherwise.
func (ts *typeSet) resolveMember(d *typeDef, m *memberDef) *schema.Node {
	switch {
	case m.declared == nil:
		return m.inferred
	case m.inferred == nil:
		return m.declared
	case m.inferred.Mixed && shapeFamily(m.declared) != 0:
		// Examples show the member in several shapes (an array on one
		// page, an object on another): whatever is declared, only raw JSON
		// holds what every page shows.
		if !d.documented { // check reported each example that shows another shape
			ts.diags.Warnf(m.inferredPos, diag.TypeConflict, "member %q of %s: examples show it in several shapes, and the %s at %s declares %s; the member holds its JSON as sent",
				m.name, d.odataType, m.declaredBy, m.declaredPos, m.declared.Kind)
		}
		m.doc = strings.TrimSpace(m.doc + "\n\nThe docs' examples disagree on its shape, so it holds the JSON as sent.")
		return &schema.Node{Kind: schema.JSON, Mixed: true, Raw: m.inferred.Raw}
	case compatible(m.declared, m.inferred):
		return schema.Merge(m.declared, m.inferred)
	case !sameFamilies(m.declared, m.inferred):
		// An object here, an array or a string there (or in the elements
		// of an array: strings where objects are declared): no Go type but
		// raw JSON holds what every page shows, so the member keeps it as
		// sent. A substituted value cannot stand in for a shape.
		declared, shown := shapeNames(m.declared, m.inferred)
		if !d.documented {
			ts.diags.Warnf(m.inferredPos, diag.TypeConflict, "member %q of %s: an example shows %s %s, but the %s at %s declares %s; the member holds its JSON as sent",
				m.name, d.odataType, shown, clip(m.inferred.Raw), m.declaredBy, m.declaredPos, declared)
		}
		m.doc = strings.TrimSpace(m.doc + fmt.Sprintf("\n\nThe docs disagree on its shape (%s at %s, %s at %s), so it holds the JSON as sent.",
			declared, m.declaredPos, shown, m.inferredPos))
		return &schema.Node{Kind: schema.JSON, Mixed: true, Raw: m.inferred.Raw}
	}
	if !d.documented {
		ts.diags.Warnf(m.inferredPos, diag.TypeConflict, "member %q of %s: an example shows %s %s, but the %s at %s declares %s; the declared type is used",
			m.name, d.odataType, m.inferred.Kind, clip(m.inferred.Raw), m.declaredBy, m.declaredPos, m.declared.Kind)
	}
	declared := *m.declared
	// Other examples may still show a null or a zero value of the member.
	declared.NullSeen = declared.NullSeen || m.inferred.NullSeen
	declared.ZeroSeen = declared.ZeroSeen || m.inferred.ZeroSeen
	return &declared
}

// shapeFamily tells objects, arrays and scalars apart: a conflict between
// families cannot be settled by substituting a value.
func shapeFamily(n *schema.Node) int {
	switch n.Kind {
	case schema.Object:
		return 1
	case schema.Array:
		return 2
	}
	return 0
}

// sameFamilies reports whether a declared and a shown shape are of one
// family all the way down through their arrays' elements. A null, an empty
// array and a declared raw JSON member fit anything.
func sameFamilies(declared, inferred *schema.Node) bool {
	for declared != nil && inferred != nil {
		switch {
		case inferred.Kind == schema.Null || declared.Kind == schema.JSON || declared.Kind == schema.Stream:
			return true
		case inferred.Mixed && shapeFamily(declared) != 0:
			return false
		case shapeFamily(declared) != shapeFamily(inferred):
			return false
		case declared.Kind != schema.Array:
			return true
		}
		declared, inferred = declared.Elem, inferred.Elem
	}
	return true
}

// shapeNames name a declared and a shown shape for a diagnostic: their
// kinds, and where those agree (two arrays), the elements' too ("array of
// string" against "array of object").
func shapeNames(declared, inferred *schema.Node) (string, string) {
	d, i := declared.Kind.String(), inferred.Kind.String()
	for declared.Kind == schema.Array && inferred.Kind == schema.Array && declared.Elem != nil && inferred.Elem != nil {
		declared, inferred = declared.Elem, inferred.Elem
		d, i = d+" of "+declared.Kind.String(), i+" of "+inferred.Kind.String()
	}
	return d, i
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// zeroIsData reports whether a field's zero value can be real data that an
// unset member must not be confused with: false and 0 of optional members,
// and any zero value the docs show. Such fields become pointers; other
// zero values mean "unset" and are omitted.
func zeroIsData(f *Field, n *schema.Node) bool {
	switch f.Type.Kind {
	case RefBool, RefInt32, RefInt64, RefFloat64:
		return !f.Required || n.ZeroSeen
	case RefString, RefEnum, RefTime, RefDateTime, RefDate, RefTimeOfDay, RefDuration, RefBytes:
		return n.ZeroSeen
	}
	return false
}

// nodeRef decides the Go type of a shape.
func (ts *typeSet) nodeRef(owner, member string, n *schema.Node, target string, pos diag.Pos) *TypeRef {
	if n.Mixed {
		return &TypeRef{Kind: RefRaw}
	}
	switch n.Kind {
	case schema.Enum:
		return &TypeRef{Kind: RefEnum, Enum: ts.enum(owner, member, n, pos)}
	case schema.DateTime:
		if n.NonCanonical {
			return &TypeRef{Kind: RefDateTime}
		}
		return &TypeRef{Kind: RefTime}
	case schema.Array:
		if n.Elem == nil {
			return &TypeRef{Kind: RefSlice, Elem: &TypeRef{Kind: RefRaw}}
		}
		return &TypeRef{Kind: RefSlice, Elem: nullableElem(ts.nodeRef(owner, naming.Singular(member), n.Elem, target, pos), n.Elem)}
	case schema.Object:
		return ts.objectRef(owner, member, n, target, pos)
	}
	return &TypeRef{Kind: scalarRefs[n.Kind]}
}

var scalarRefs = map[schema.Kind]RefKind{
	schema.String: RefString, schema.Date: RefDate, schema.TimeOfDay: RefTimeOfDay, schema.Duration: RefDuration,
	schema.Bool: RefBool, schema.Int32: RefInt32, schema.Int64: RefInt64, schema.Float: RefFloat64,
	schema.Bytes: RefBytes, schema.Stream: RefRaw, schema.JSON: RefRaw, schema.Null: RefRaw,
}

// objectRef is the type of an object member: its named type, a map when
// its keys are data, or a type named after its owner and member.
func (ts *typeSet) objectRef(owner, member string, n *schema.Node, target string, pos diag.Pos) *TypeRef {
	for _, name := range []string{target, n.ODataType} {
		if name == "" {
			continue
		}
		if d := ts.lookup(name); d != nil {
			return &TypeRef{Kind: RefNamed, Named: ts.built[odataKey(d.odataType)]}
		}
	}
	if isDataKeyed(n) {
		var elem *schema.Node
		for _, f := range n.Fields {
			elem = schema.Merge(elem, f.Value)
		}
		return &TypeRef{Kind: RefMap, Elem: nullableElem(ts.nodeRef(owner, naming.Singular(member)+"Value", elem, "", pos), elem)}
	}
	return &TypeRef{Kind: RefNamed, Named: ts.anonymous(owner, member, n, pos)}
}

// nullableElem marks a struct element that the docs show as null
// somewhere: it is held by pointer.
func nullableElem(ref *TypeRef, n *schema.Node) *TypeRef {
	ref.ByPointer = ref.Kind == RefNamed && n.NullSeen
	return ref
}

// structRef is the struct type of an object: its named type when it names
// a documented one, else a type named after its owner and member.
func (ts *typeSet) structRef(owner, member string, n *schema.Node, pos diag.Pos) *TypeRef {
	if d := ts.lookup(n.ODataType); n.ODataType != "" && d != nil {
		return &TypeRef{Kind: RefNamed, Named: ts.built[odataKey(d.odataType)]}
	}
	return &TypeRef{Kind: RefNamed, Named: ts.anonymous(owner, member, n, pos)}
}

// anonymous returns the type of an undocumented nested object, named after
// its owner and member; objects of one shape under one owner share it.
func (ts *typeSet) anonymous(owner, member string, n *schema.Node, pos diag.Pos) *Type {
	key := owner + "/" + signature(n)
	if t := ts.built[key]; t != nil {
		ts.holdShown(t, n)
		return t
	}
	t := &Type{Name: ts.names.Unique(owner + naming.Exported(member)), Origin: fmt.Sprintf("the %q member of %s", member, owner), Source: pos}
	ts.built[key] = t
	ts.types = append(ts.types, t)
	d := &typeDef{}
	for _, f := range n.Fields {
		m := d.member(f.Name)
		m.inferred, m.inferredPos = f.Value, pos
	}
	ts.buildFields(t, d)
	return t
}

// holdShown lets a type hold what an object decoded into it shows, in the
// types of its nested objects as well: a null makes a field Nullable, a
// documented zero value a pointer. Otherwise the value is lost when the
// object is encoded again, and its test fails. It serves an anonymous type
// that another object of its shape reuses, and an operation's body type,
// which examples that were not absorbed into it are decoded into (an
// example without an annotation is of the type another page's annotated
// example names, decided once the types are built). For an object
// absorbed into the type it changes nothing.
func (ts *typeSet) holdShown(t *Type, n *schema.Node) {
	if t == nil || n == nil || n.Kind != schema.Object {
		return
	}
	for _, f := range n.Fields {
		field, v := fieldByJSON(t, f.Name), f.Value
		if field == nil || v == nil {
			continue
		}
		shown := &Field{Type: field.Type, Required: field.Required, Nullable: v.NullSeen || v.Kind == schema.Null}
		shown.Pointer = !shown.Nullable && zeroIsData(shown, v)
		widen(field, shown)
		ref := field.Type
		if ref.Kind == RefSlice && v.Kind == schema.Array {
			ref, v = ref.Elem, v.Elem
		}
		if ref != nil && ref.Kind == RefNamed {
			ts.holdShown(ref.Named, v)
		}
	}
}

// signature identifies an anonymous shape: member names and kinds, nested.
func signature(n *schema.Node) string {
	var b strings.Builder
	b.WriteString("{")
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

// enum returns the enum type of a member, named after its owner and member
// (Drive + driveType -> DriveType, Quota + state -> QuotaState).
func (ts *typeSet) enum(owner, member string, n *schema.Node, pos diag.Pos) *Enum {
	key := owner + "." + member
	if e := ts.enumFor[key]; e != nil {
		return e
	}
	name := naming.Exported(member)
	if !strings.HasPrefix(name, owner) {
		name = owner + name
	}
	e := &Enum{Name: ts.names.Unique(name), Doc: fmt.Sprintf("the values of the %q member of %s", member, owner), Source: pos}
	for _, v := range n.EnumValues {
		if slices.ContainsFunc(e.Values, func(ev EnumValue) bool { return ev.Value == v }) {
			continue // "a | b | a": a value listed twice is one constant
		}
		e.Values = append(e.Values, EnumValue{Const: ts.names.Unique(e.Name + naming.Exported(v)), Value: v})
	}
	ts.enumFor[key] = e
	ts.enums = append(ts.enums, e)
	return e
}

// stringKinds are kinds whose JSON is a string.
var stringKinds = map[schema.Kind]bool{
	schema.String: true, schema.DateTime: true, schema.Date: true, schema.TimeOfDay: true,
	schema.Duration: true, schema.Bytes: true, schema.Enum: true,
}

// compatible reports whether what examples show of a member fits its
// declared type: the same kind, any value for JSON, a placeholder, a
// string for a string-based type when it parses as one, or an integer for a
// float.
func compatible(declared, inferred *schema.Node) bool {
	switch {
	case inferred.Kind == schema.Null || declared.Kind == schema.JSON || declared.Kind == schema.Stream:
		return true
	case declared.Kind == inferred.Kind:
		return declared.Kind != schema.Array || declared.Elem == nil || inferred.Elem == nil || compatible(declared.Elem, inferred.Elem)
	case stringKinds[declared.Kind] && stringKinds[inferred.Kind]:
		return inferred.Placeholder || declared.Kind == schema.String || declared.Kind == schema.Enum || fitsString(declared.Kind, inferred)
	case declared.Kind == schema.Float && inferred.Kind.IsNumber():
		return true
	case declared.Kind.IsNumber() && inferred.Kind.IsNumber():
		return inferred.Kind != schema.Float
	}
	return false
}

// fitsString reports whether a documented string parses as kind.
func fitsString(kind schema.Kind, inferred *schema.Node) bool {
	switch kind {
	case schema.DateTime:
		return inferred.Kind == schema.DateTime
	case schema.Date:
		return dateLayout.MatchString(strings.Trim(inferred.Raw, `"`))
	}
	return true
}

var dateLayout = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// renamed applies a docbind.json rename, by OData name or generated name.
func (ts *typeSet) renamed(odataType, name string) string {
	for _, key := range sortedKeys(ts.renames) {
		if strings.EqualFold(key, odataType) || key == name {
			ts.renameUsed[key] = true
			return ts.renames[key]
		}
	}
	return name
}

// checkRenames warns of a docbind.json type rename that names no type,
// with the names closest to it.
func (ts *typeSet) checkRenames() {
	var names []string
	for _, t := range ts.types {
		names = append(names, t.Name)
		if t.ODataType != "" {
			names = append(names, t.ODataType)
		}
	}
	for _, key := range sortedKeys(ts.renames) {
		if !ts.renameUsed[key] {
			ts.diags.Warnf(diag.Pos{File: "docbind.json"}, diag.UnknownRename, "types: %q names no type%s; the rename is ignored", key, closestNote(key, names))
		}
	}
}
