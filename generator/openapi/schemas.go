package openapi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/model"
)

// ErrorSchema is the component of the Graph-style error body, unless a
// documented type has that name (errorSchemaName).
const ErrorSchema = "ODataError"

// schemaRef refers to a component schema.
func schemaRef(name string) *Schema { return &Schema{Ref: "#/components/schemas/" + name} }

// errorSchemaName is the component name of the error envelope: ErrorSchema,
// or ErrorSchema and "Envelope" when the docs name a type so (OneDrive
// documents its odata.error object as ODataError, which is what the
// envelope holds, not the envelope).
func errorSchemaName(api *model.API) string {
	taken := map[string]bool{}
	for _, t := range api.Types {
		taken[t.Name] = true
	}
	for _, e := range api.Enums {
		taken[e.Name] = true
	}
	for _, u := range api.Unions {
		taken[u.Name] = true
	}
	name := ErrorSchema
	for i := 1; taken[name]; i++ {
		name = ErrorSchema + "Envelope"
		if i > 1 {
			name += strconv.Itoa(i)
		}
	}
	return name
}

// components are the schemas of every model type, enum and union, and of
// the error body.
func components(api *model.API, shown *shown, errorName string) map[string]*Schema {
	schemas := map[string]*Schema{errorName: errorSchema()}
	clash := accessorClashes(api)
	for _, t := range api.Types {
		schemas[t.Name] = typeSchema(t, shown, clash[t])
	}
	for _, e := range api.Enums {
		s := &Schema{Type: "string", Description: e.Doc}
		for _, v := range e.Values {
			s.Enum = append(s.Enum, v.Value)
		}
		for _, v := range shown.enumValues[e] {
			if !slices.Contains(s.Enum, v) {
				s.Enum = append(s.Enum, v)
			}
		}
		schemas[e.Name] = s
	}
	for _, u := range api.Unions {
		union, alternatives := unionSchema(u, shown)
		schemas[u.Name] = union
		for _, alt := range alternatives {
			name := u.Name + alt.variant.Name
			for i := 2; schemas[name] != nil; i++ {
				name = u.Name + alt.variant.Name + strconv.Itoa(i)
			}
			schemas[name] = alt.schema
			union.OneOf = append(union.OneOf, schemaRef(name))
		}
	}
	return schemas
}

// errorSchema is the Graph-style error body, as the generated client
// reads it and its handler and fake write it: {"error": {"code",
// "message"}}, and what else the service adds (innerError, details).
func errorSchema() *Schema {
	return &Schema{
		Type:        "object",
		Description: "The error body: a code and a message, and what else the service adds.",
		Required:    []string{"error"},
		Properties: map[string]*Schema{"error": {
			Type:                 "object",
			Required:             []string{"code"},
			Properties:           map[string]*Schema{"code": {Type: "string"}, "message": {Type: "string"}},
			AdditionalProperties: true,
		}},
		AdditionalProperties: true,
	}
}

// typeSchema is a model type: an object of its fields, and of its base's
// through allOf. Members the docs do not list are allowed, explicitly, as
// the Go type keeps them: generators then keep them too. A type with a
// member that generators name as they name the accessors of those
// (accessorClashes) allows them implicitly, as JSON Schema does by
// default, so that the generated struct compiles.
func typeSchema(t *model.Type, shown *shown, clash bool) *Schema {
	own := &Schema{Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: true}
	if clash {
		own.AdditionalProperties = nil
	}
	for _, f := range t.Fields {
		own.Properties[f.JSONName] = fieldSchema(f, shown)
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

// accessorNames are the Go names generators give the map of a struct's
// undeclared members and its accessors (oapi-codegen's
// AdditionalProperties, Get and Set): a member of one of these names
// beside them does not compile.
var accessorNames = []string{"additionalproperties", "get", "set"}

// accessorClashes are the types a member of which (its own, or a base's,
// which a generator flattens into it) is named as an accessor, in any
// case and punctuation.
func accessorClashes(api *model.API) map[*model.Type]bool {
	out := map[*model.Type]bool{}
	for _, t := range api.Types {
		for _, f := range t.AllFields() {
			if slices.Contains(accessorNames, strings.ToLower(goName(f.JSONName))) {
				out[t] = true
			}
		}
	}
	return out
}

// goName is a JSON name as generators make a Go identifier of it: its
// letters and digits, the separators between them dropped.
func goName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, s)
}

// fieldSchema is a member's schema: its type's, null allowed when the
// docs allow it, and in its array when an example shows one there.
func fieldSchema(f *model.Field, shown *shown) *Schema {
	s := refSchema(f.Type)
	if shown.nullItems[f] && s.Items != nil {
		s.Items = orNull(s.Items)
	}
	if shown.notDuration[f] {
		s = withoutDurationFormat(s)
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
		if shown.notDuration[f] {
			s.Description += "\n\n" + durationDescription
		}
	}
	return s
}

// withoutDurationFormat is a duration's schema without format duration,
// for a member whose documented values its grammar refuses.
func withoutDurationFormat(s *Schema) *Schema {
	switch {
	case s.Format == "duration":
		return &Schema{Type: "string", Description: durationDescription}
	case s.Items != nil:
		c := *s
		c.Items = withoutDurationFormat(s.Items)
		return &c
	}
	return s
}

// durationDescription describes an OData Edm.Duration that format
// duration (RFC 3339's grammar, which JSON Schema's validators implement)
// does not fit: the docs show a sign or fractions of a second.
const durationDescription = "An ISO 8601 duration (OData Edm.Duration), which may have a sign and fractions of a second: -PT0.5S."

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
// derived from it: one of them, told apart by "@odata.type", which an
// object of a derived type must say and one of the declared type may
// leave out (OData lets it). The alternatives are mutually exclusive, as
// oneOf demands: each derived type's requires the member, with one of its
// own spellings (both OData's, "#microsoft.graph.user" and
// "microsoft.graph.user", and any other the examples show, since the Go
// union reads the name in any case); the base's takes an object without
// it, or naming the base, or naming a type the docs do not document, as
// the Go union keeps such an object. No discriminator: OpenAPI's demands
// the member of every object.
func unionSchema(u *model.Union, shown *shown) (*Schema, []alternative) {
	spelled := shown.spellings[u]
	baseNames := spellingsOf(u.Base, spelled[u.Base])
	for _, other := range spelled[nil] {
		baseNames = appendNew(baseNames, other)
	}
	s := &Schema{Description: fmt.Sprintf("A %s, or an object of a type derived from it, as its @odata.type says; without @odata.type, a %s.", u.Base.ODataType, u.Base.ODataType)}
	alts := []alternative{{u.Base, &Schema{
		Description: fmt.Sprintf("A %s of a %s member: without @odata.type, or naming it or a type the docs do not document.", u.Base.ODataType, u.Base.ODataType),
		AllOf: []*Schema{schemaRef(u.Base.Name), {
			Properties: map[string]*Schema{"@odata.type": {Type: "string", Enum: baseNames}},
		}},
	}}}
	for _, v := range u.Variants {
		if v == u.Base {
			continue
		}
		alts = append(alts, alternative{v, &Schema{
			Description: fmt.Sprintf("A %s of a %s member, which says its @odata.type.", v.ODataType, u.Base.ODataType),
			AllOf: []*Schema{schemaRef(v.Name), {
				Required:   []string{"@odata.type"},
				Properties: map[string]*Schema{"@odata.type": {Type: "string", Enum: spellingsOf(v, spelled[v])}},
			}},
		}})
	}
	return s, alts
}

// alternative is one type of a union, as the union's oneOf takes it: a
// component of its own, so that generators that flatten allOf (ogen)
// meet a recursive type through a reference.
type alternative struct {
	variant *model.Type
	schema  *Schema
}

// spellingsOf are the spellings of a type's name in @odata.type: OData's
// two and those the examples show.
func spellingsOf(t *model.Type, shown []string) []string {
	names := odataNames(t.ODataType)
	for _, n := range shown {
		names = appendNew(names, n)
	}
	return names
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// odataNames are the spellings of an OData type name in @odata.type.
func odataNames(odata string) []string {
	name := strings.TrimPrefix(odata, "#")
	return []string{"#" + name, name}
}
