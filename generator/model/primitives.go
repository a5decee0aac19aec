package model

import (
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/schema"
)

// primitiveResults reads as they are the responses whose annotation names
// a documented type but whose body is a primitive result, as OData answers
// a function returning a number or a list of strings: {"value": 12}. Read
// as the type, the body would give an entity (or its collection) a value
// member it does not have, and a collection's elements would not decode.
// It runs once the documented types are registered, before examples are
// absorbed.
func (b *builder) primitiveResults(d *pageOps) {
	for _, r := range d.responses {
		a := &r.block.Annotation
		odata, _ := bodyType(*a)
		if odata == "" || r.body == nil || !isPrimitiveResult(r.body) || b.types.lookup(odata) == nil || b.declaresMember(odata, "value") {
			continue
		}
		b.diags.Warnf(r.block.AnnotationPos, diag.PrimitiveResult,
			"response names %s, but its body is a primitive result ({\"value\": %s}) and %s declares no value member; read as the body shows",
			a.ODataType, clip(r.body.Field("value").Raw), odata)
		a.ODataType, a.IsCollection = "", false
	}
}

// isPrimitiveResult reports a body that wraps a primitive result: an
// object whose only member besides annotations (@odata.context) is
// "value", holding a scalar or a non-empty array of scalars.
func isPrimitiveResult(n *schema.Node) bool {
	if n.Kind != schema.Object {
		return false
	}
	for _, f := range n.Fields {
		if f.Name != "value" && !strings.Contains(f.Name, "@") {
			return false
		}
	}
	v := n.Field("value")
	switch {
	case v == nil || v.Kind == schema.Null || v.Kind == schema.Object:
		return false
	case v.Kind != schema.Array:
		return true
	}
	scalars := 0
	for _, it := range v.Items {
		switch it.Kind {
		case schema.Object, schema.Array:
			return false
		case schema.Null:
		default:
			scalars++
		}
	}
	return scalars > 0
}
