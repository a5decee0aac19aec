package model

import (
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/schema"
)

// inferCollections reads as a collection each response whose annotation
// names a type but not "isCollection", when its body is a collection
// envelope ({"value": [{...}], "@odata.nextLink": ...}) and the type
// declares no "value" member: read as the type itself, the body would
// turn a List method into one returning a single object, and give the
// public type the envelope's Value and ODataNextLink fields. It runs once
// the documented types are registered, before examples are absorbed.
func (b *builder) inferCollections(d *pageOps) {
	for _, r := range d.responses {
		a := &r.block.Annotation
		odata, isCollection := bodyType(*a)
		if odata == "" || isCollection || r.body == nil || !isEnvelope(r.body) || b.declaresMember(odata, "value") {
			continue
		}
		a.IsCollection = true
		b.diags.Warnf(r.block.AnnotationPos, diag.MissingIsCollection,
			"response names %s but not \"isCollection\": true, and its body is a collection of objects (\"value\": [...]) that %s declares no member for; read as a collection of %s",
			odata, odata, odata)
	}
}

// isEnvelope reports an OData collection envelope: an object whose
// "value" is an array of objects (or empty), beside which there are only
// annotations such as @odata.nextLink, @odata.context or @odata.count.
func isEnvelope(n *schema.Node) bool {
	if !isCollectionBody(n) {
		return false
	}
	for _, f := range n.Fields {
		if f.Name != "value" && !strings.Contains(f.Name, "@") {
			return false // a member of data: the object is not only an envelope
		}
	}
	for _, it := range n.Field("value").Items {
		if it.Kind != schema.Object {
			return false
		}
	}
	return true
}

// declaresMember reports whether the docs declare member for a type (its
// resource block or tables) or for one of its base types.
func (b *builder) declaresMember(odata, member string) bool {
	seen := map[*typeDef]bool{}
	for d := b.types.lookup(odata); d != nil && !seen[d]; d = b.types.lookup(d.baseType) {
		seen[d] = true
		if m := d.find(member); m != nil && m.declared != nil {
			return true
		}
		if d.baseType == "" {
			break
		}
	}
	return false
}
