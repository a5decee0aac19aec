package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/schema"
)

// typeDef collects everything the docs say of one named type, from its
// resource block, its Properties tables and every example, before it
// becomes a model.Type.
type typeDef struct {
	odataType   string
	doc         string
	origin      string
	source      diag.Pos
	documented  bool // a resource block defines it
	truncated   bool
	baseType    string
	abstract    bool
	openType    bool
	keyProperty string
	// optionalProperties and nullableProperties are the resource
	// annotation's lists; a nil nullableProperties gives none, so any
	// member may be null.
	optionalProperties, nullableProperties []string
	// collectionOf is the element type of a collection envelope.
	collectionOf string
	members      []*memberDef
	examples     []exampleBody
}

// exampleBody is a documented instance of a type, for the round-trip test.
type exampleBody struct {
	node   *schema.Node
	text   string // the body the node's offsets point into
	source diag.Pos
}

// memberDef is one member of a typeDef: what the docs declare it to be
// (a resource placeholder or a Properties table), and what examples show.
type memberDef struct {
	name        string
	declared    *schema.Node // the resource block's placeholder or the table's type
	declaredPos diag.Pos
	declaredBy  string // "resource" or "table", for diagnostics
	inResource  bool   // the resource block lists it
	inferred    *schema.Node
	inferredPos diag.Pos
	variants    []string // OData keys examples gave this member's objects
	doc         string
	optional    bool
	nullable    bool
	navigation  bool
	// absoluteURL marks a member the resource block declares "url" or
	// "absolute url", whose values ApiDoctor checks are absolute URLs.
	absoluteURL bool
}

func (d *typeDef) member(name string) *memberDef {
	for _, m := range d.members {
		if m.name == name {
			return m
		}
	}
	m := &memberDef{name: name}
	d.members = append(d.members, m)
	return m
}

func (d *typeDef) find(name string) *memberDef {
	for _, m := range d.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

// addResource records a resource block: its members in order, with their
// placeholders as declared types.
func (ts *typeSet) addResource(p *docparse.Page, blk *docparse.Block, shape *schema.Node) {
	a := blk.Annotation
	def := ts.def(a.ODataType, blk.AnnotationPos, "resource")
	if def.documented {
		ts.diags.Warnf(blk.AnnotationPos, diag.TypeDefinedTwice, "%s is defined again (first at %s); the members are merged", def.odataType, def.source)
	}
	def.documented, def.source, def.origin = true, blk.AnnotationPos, "resource"
	def.doc = firstSentence(p.Intro)
	def.baseType, def.abstract, def.openType, def.keyProperty = a.BaseType, a.Abstract, a.OpenType, a.KeyProperty
	def.optionalProperties = append(def.optionalProperties, a.OptionalProperties...)
	if a.NullableProperties != nil {
		// An empty list is a list: no member may be null.
		if def.nullableProperties == nil {
			def.nullableProperties = []string{}
		}
		def.nullableProperties = append(def.nullableProperties, a.NullableProperties...)
	}
	for _, f := range shape.Fields {
		if f.Name == "@odata.type" {
			continue
		}
		m := def.member(f.Name)
		m.declared, m.declaredPos, m.declaredBy = f.Value, offsetPos(blk.CodePos, 0, blk.Code, f.Value.Offset), "resource"
		m.inResource = true
		m.optional = slices.Contains(a.OptionalProperties, f.Name)
		m.nullable = slices.Contains(a.NullableProperties, f.Name)
		m.absoluteURL = isURLPlaceholder(f.Value)
	}
}

// tableColumns finds the type and description columns of a Properties or
// Relationships table (the first column holds the names). The header row
// names them in English; in a translated table, whose header row says
// "Typ" or "型", the type column is the one whose cells hold types, and the
// description column the widest text column left.
func tableColumns(t *docparse.Table) (typ, desc int) {
	typ, desc = -1, -1
	for i, h := range t.Header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case i == 0:
		case typ < 0 && (strings.Contains(h, "type") || strings.Contains(h, "value")):
			typ = i
		case desc < 0 && strings.Contains(h, "description"):
			desc = i
		}
	}
	if typ < 0 {
		typ = typeColumn(t, desc)
	}
	if desc < 0 && typ >= 0 {
		desc = widestColumn(t, 0, typ)
	}
	return typ, desc
}

// typeColumn is the column after the first, other than skip, in which most
// non-empty cells name a type, or -1.
func typeColumn(t *docparse.Table, skip int) int {
	best, bestTypes := -1, 0
	for col := 1; col < tableWidth(t); col++ {
		if col == skip {
			continue
		}
		types, filled := 0, 0
		for _, row := range t.Rows {
			if col >= len(row.Cells) || strings.TrimSpace(row.Cells[col].Text) == "" {
				continue
			}
			filled++
			if looksLikeType(row.Cells[col]) {
				types++
			}
		}
		if types > bestTypes && 2*types >= filled {
			best, bestTypes = col, types
		}
	}
	return best
}

// odataName is a namespace-qualified type name: microsoft.graph.driveItem.
var odataName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$`)

// looksLikeType reports a cell that names a type, and could hardly be
// anything else: a primitive (String, Int32, DateTimeOffset), a link that
// is the whole cell ([identitySet](identityset.md)), a qualified OData name,
// or a collection of one of these ("String collection", Collection(x)).
func looksLikeType(cell docparse.Cell) bool {
	text := strings.TrimSpace(cell.Text)
	if m := collectionOf.FindStringSubmatch(text); m != nil {
		text = strings.TrimSpace(m[1] + m[2])
	}
	if _, ok := schema.PrimitiveKind(text); ok {
		return true
	}
	if len(cell.Links) == 1 && strings.TrimSpace(cell.Links[0].Text) == text && isMemberName(text) {
		return true
	}
	return odataName.MatchString(text)
}

// widestColumn is the column, other than those in skip, whose cells hold
// the most text: a table's description column. It is -1 when every column
// is skipped.
func widestColumn(t *docparse.Table, skip ...int) int {
	best, bestLen := -1, -1
	for col := range tableWidth(t) {
		if slices.Contains(skip, col) {
			continue
		}
		n := 0
		for _, row := range t.Rows {
			if col < len(row.Cells) {
				n += len(strings.TrimSpace(row.Cells[col].Text))
			}
		}
		if n > bestLen {
			best, bestLen = col, n
		}
	}
	return best
}

// tableWidth is the number of columns of a table: its header row's, or its
// widest row's.
func tableWidth(t *docparse.Table) int {
	n := len(t.Header)
	for _, row := range t.Rows {
		n = max(n, len(row.Cells))
	}
	return n
}

var nullableNote = regexp.MustCompile(`(?i)\bnullable\b`)

// addTable applies a Properties or Relationships table to the type the page
// defines: its types are declarations, its descriptions become doc comments.
func (ts *typeSet) addTable(def *typeDef, t *docparse.Table) {
	typ, desc := tableColumns(t)
	navigation := docparse.InSection(t.Heading, t.HeadingAnchors, "relationship")
	for _, row := range t.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(row.Cells[0].Text), "*`")
		if !isMemberName(name) {
			continue
		}
		m := ts.tableMember(def, name, row.Pos)
		m.navigation = m.navigation || navigation
		if desc >= 0 && desc < len(row.Cells) {
			m.doc = strings.TrimSpace(row.Cells[desc].Text)
			m.nullable = m.nullable || nullableNote.MatchString(m.doc) && !strings.Contains(strings.ToLower(m.doc), "not nullable")
		}
		if typ >= 0 && typ < len(row.Cells) {
			// A table names primitives more precisely than a placeholder
			// ("Int64" beside 1024), but a resource's "@odata.type" names an
			// object type more precisely than a table's short word.
			if node := tableType(row.Cells[typ]); node != nil && (m.declared == nil || tableIsMorePrecise(node, m.declared)) {
				m.declared, m.declaredPos, m.declaredBy = node, row.Pos, "table"
			}
		}
	}
}

// tableMember is the member a table row describes: the member of that
// name, or the one the resource block spells differently only in letter
// case (a table's "subUnit" for the JSON's "subunit"). The JSON
// representation is what is sent, so the member keeps its spelling and
// is one field; the row's other spelling is reported.
func (ts *typeSet) tableMember(def *typeDef, name string, at diag.Pos) *memberDef {
	if m := def.find(name); m != nil {
		return m
	}
	for _, m := range def.members {
		if m.inResource && strings.EqualFold(m.name, name) {
			ts.diags.WarnRelated(at, []diag.Related{{Pos: m.declaredPos, Message: "the resource block's " + m.name}}, diag.CaseOnlyMember,
				"the table's member %q of %s differs from %q of its resource block at %s only in letter case; JSON names are case-sensitive, so the field is named as the resource block spells it: spell both alike",
				name, def.odataType, m.name, m.declaredPos)
			return m
		}
	}
	return def.member(name)
}

// tableIsMorePrecise reports whether a table's type should replace a
// resource block's placeholder: not for object types, and not when the
// table says String where the placeholder says more (an enum, a date).
func tableIsMorePrecise(table, resource *schema.Node) bool {
	if isObjectish(table) {
		return false
	}
	return table.Kind != schema.String || resource.Kind == schema.String || !stringKinds[resource.Kind]
}

func isObjectish(n *schema.Node) bool {
	for n.Kind == schema.Array && n.Elem != nil {
		n = n.Elem
	}
	return n.Kind == schema.Object
}

func isMemberName(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t|")
}

var collectionOf = regexp.MustCompile(`(?i)^collection\s*\(\s*(.+?)\s*\)$|^(.+?)\s+collection$`)

// tableType reads a Type cell: String, Int64, [identitySet](identityset.md),
// Collection(string), "driveItem collection", or an enum list.
func tableType(cell docparse.Cell) *schema.Node {
	text := strings.TrimSpace(cell.Text)
	if m := collectionOf.FindStringSubmatch(text); m != nil {
		elem := tableType(docparse.Cell{Text: m[1] + m[2], Links: cell.Links})
		if elem == nil {
			return nil
		}
		return &schema.Node{Kind: schema.Array, Elem: elem, Placeholder: true}
	}
	if k, ok := schema.PrimitiveKind(text); ok {
		return &schema.Node{Kind: k, Placeholder: true}
	}
	word := strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(text, "object")), " ")
	if len(cell.Links) > 0 {
		word = cell.Links[0].Text
	}
	if !isMemberName(word) || strings.ContainsAny(word, "()") {
		return nil // prose, such as "error object with details"
	}
	return &schema.Node{Kind: schema.Object, ODataType: word, Placeholder: true}
}

// isURLPlaceholder reports a resource block's "url" or "absolute url"
// placeholder, the two ApiDoctor reads as an absolute URL.
func isURLPlaceholder(n *schema.Node) bool {
	switch strings.ToLower(strings.Trim(n.Raw, `"`)) {
	case "url", "absolute url":
		return true
	}
	return false
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
