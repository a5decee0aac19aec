package openapi

import (
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/model"
)

// ErrorSchema is the component of the Graph-style error body.
const ErrorSchema = "ODataError"

// schemaRef refers to a component schema.
func schemaRef(name string) *Schema { return &Schema{Ref: "#/components/schemas/" + name} }

// components are the schemas of every model type, enum and union, and of
// the error body.
func components(api *model.API) map[string]*Schema {
	schemas := map[string]*Schema{ErrorSchema: errorSchema()}
	shown := countShown(api)
	for _, t := range api.Types {
		schemas[t.Name] = typeSchema(t, shown)
	}
	for _, e := range api.Enums {
		s := &Schema{Type: "string", Description: e.Doc}
		for _, v := range e.Values {
			s.Enum = append(s.Enum, v.Value)
		}
		schemas[e.Name] = s
	}
	for _, u := range api.Unions {
		schemas[u.Name] = unionSchema(u)
	}
	return schemas
}

// errorSchema is the Graph-style error body: {"error": {"code", "message"}}.
func errorSchema() *Schema {
	return &Schema{
		Type:        "object",
		Description: "The error body: a code and a message, and what else the service adds.",
		Required:    []string{"error"},
		Properties: map[string]*Schema{"error": {
			Type:       "object",
			Required:   []string{"code"},
			Properties: map[string]*Schema{"code": {Type: "string"}, "message": {Type: "string"}},
		}},
	}
}

// typeSchema is a model type: an object of its fields, and of its base's
// through allOf. Members the docs do not list are allowed, explicitly, as
// the Go type keeps them: generators then keep them too.
func typeSchema(t *model.Type, shown *shown) *Schema {
	own := &Schema{Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: true}
	for _, f := range t.Fields {
		own.Properties[f.JSONName] = fieldSchema(f, shown.nullItems[f])
		if shown.required(f) {
			own.Required = append(own.Required, f.JSONName)
		}
	}
	slices.Sort(own.Required)
	if len(own.Properties) == 0 {
		own.Properties = nil
	}
	if t.Base == nil {
		own.Description = t.Doc
		return own
	}
	return &Schema{Description: t.Doc, AllOf: []*Schema{schemaRef(t.Base.Name), own}}
}

// fieldSchema is a member's schema: its type's, null allowed when the
// docs allow it, and in its array when an example shows one there.
func fieldSchema(f *model.Field, nullItems bool) *Schema {
	s := refSchema(f.Type)
	if nullItems && s.Items != nil {
		s.Items = orNull(s.Items)
	}
	if f.Nullable && f.Type.Kind != model.RefRaw {
		s = orNull(s)
	}
	if f.Doc != "" {
		if s.Ref != "" {
			// OpenAPI 3.1 lets a description sit beside $ref.
			s = &Schema{Ref: s.Ref}
		}
		s.Description = f.Doc
	}
	return s
}

// orNull is s or null.
func orNull(s *Schema) *Schema { return &Schema{AnyOf: []*Schema{s, {Type: "null"}}} }

// refSchema is the schema of a Go type the model refers to.
func refSchema(ref *model.TypeRef) *Schema {
	switch ref.Kind {
	case model.RefBool:
		return &Schema{Type: "boolean"}
	case model.RefInt32:
		return &Schema{Type: "integer", Format: "int32"}
	case model.RefInt64:
		return &Schema{Type: "integer", Format: "int64"}
	case model.RefFloat64:
		return &Schema{Type: "number", Format: "double"}
	case model.RefTime:
		return &Schema{Type: "string", Format: "date-time"}
	case model.RefDateTime:
		// Not format date-time: the docs write these without a zone.
		return &Schema{Type: "string", Description: "A timestamp, with or without a time zone."}
	case model.RefDate:
		return &Schema{Type: "string", Format: "date"}
	case model.RefTimeOfDay:
		return &Schema{Type: "string", Description: "A time of day, hh:mm:ss with optional fractions, without a zone."}
	case model.RefDuration:
		return &Schema{Type: "string", Format: "duration"}
	case model.RefBytes:
		return &Schema{Type: "string", ContentEncoding: "base64"}
	case model.RefRaw:
		// Any JSON value, null included, spelled out: validators of OpenAPI
		// 3.0 habits take {} to refuse null.
		return orNull(&Schema{})
	case model.RefEnum:
		return schemaRef(ref.Enum.Name)
	case model.RefNamed:
		return schemaRef(ref.Named.Name)
	case model.RefUnion:
		return schemaRef(ref.Union.Name)
	case model.RefSlice:
		return &Schema{Type: "array", Items: refSchema(ref.Elem)}
	case model.RefMap:
		// A null entry decodes into Go's map as its zero value; the docs
		// send one to remove an entry (a planner checklist item).
		return &Schema{Type: "object", AdditionalProperties: orNull(refSchema(ref.Elem))}
	}
	return &Schema{Type: "string"}
}

// unionSchema is a member whose objects are of a type or of a type
// derived from it: one of them, as its @odata.type says.
func unionSchema(u *model.Union) *Schema {
	s := &Schema{Discriminator: &Discriminator{PropertyName: "@odata.type", Mapping: map[string]string{}}}
	for _, v := range u.Variants {
		ref := schemaRef(v.Name)
		for _, n := range odataNames(v.ODataType) {
			s.Discriminator.Mapping[n] = ref.Ref
		}
		s.OneOf = append(s.OneOf, ref)
	}
	return s
}

// odataNames are the spellings of an OData type name in @odata.type.
func odataNames(odata string) []string {
	name := strings.TrimPrefix(odata, "#")
	return []string{"#" + name, name}
}
