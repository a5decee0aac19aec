package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// CheckShape is how a service's answer is checked against a use of a type
// (CheckHandler and docbind check-service read it): an EDM-style name for
// a scalar (String, Boolean, Int32, Int64, Double, DateTimeOffset, Date,
// TimeOfDay, Duration, Binary), Any for a value the docs leave open,
// "enum:" and the enum's Go name, "#" and a struct type's Go name (a
// union is its base type, which an answer's @odata.type may narrow),
// "[]" before a collection's item shape and "{}" before a map's value
// shape.
func CheckShape(ref *TypeRef) string {
	if ref == nil {
		return "Any"
	}
	switch ref.Kind {
	case RefEnum:
		return "enum:" + ref.Enum.Name
	case RefNamed:
		return "#" + ref.Named.Name
	case RefUnion:
		if ref.Union.Base == nil {
			return "Any"
		}
		return "#" + ref.Union.Base.Name
	case RefSlice:
		return "[]" + CheckShape(ref.Elem)
	case RefMap:
		return "{}" + CheckShape(ref.Elem)
	}
	return scalarShapes[ref.Kind]
}

var scalarShapes = map[RefKind]string{
	RefString: "String", RefBool: "Boolean", RefInt32: "Int32", RefInt64: "Int64", RefFloat64: "Double",
	RefTime: "DateTimeOffset", RefDateTime: "DateTimeOffset", RefDate: "Date", RefTimeOfDay: "TimeOfDay",
	RefDuration: "Duration", RefBytes: "Binary", RefRaw: "Any",
}

// checkResult is what a check of a service's answer to ex reads the answer
// against: the shape of its JSON body, and the members it must hold of
// each type, by the type's Go name.
func (op *Operation) checkResult(ex *Example) (shape, shown string) {
	if ex.IsError || op.Result.Kind != ResultJSON || op.Result.Type == nil || ex.Response == nil {
		return "", ""
	}
	members := shownMembers(ex.Response)
	if len(members) == 0 {
		return CheckShape(op.Result.Type), ""
	}
	// A JSON object, its keys sorted: a string compiles to static data,
	// where a map literal in every example would be code to run at init.
	return CheckShape(op.Result.Type), mustJSON(members)
}

// shownMembers are, for each struct type an example's body holds, the
// declared members that every one of its instances there shows, leaving
// out those the resource's optionalProperties list and instance
// annotations (name@odata.context). ApiDoctor's rule:
// what a response example shows, a service's answer must hold.
func shownMembers(v *Value) map[string][]string {
	counts := map[*Type]map[string]int{}
	instances := map[*Type]int{}
	var walk func(v *Value)
	walk = func(v *Value) {
		if v == nil || v.Null {
			return
		}
		if t := valueType(v); t != nil {
			instances[t]++
			if counts[t] == nil {
				counts[t] = map[string]int{}
			}
			for _, fv := range v.Fields {
				if !fv.Field.Optional && !strings.Contains(fv.Field.JSONName, "@") {
					counts[t][fv.Field.JSONName]++
				}
			}
		}
		for _, fv := range v.Fields {
			walk(fv.Value)
		}
		for _, e := range v.Elems {
			walk(e)
		}
		for _, e := range v.Entries {
			walk(e.Value)
		}
	}
	walk(v)
	if len(instances) == 0 {
		return nil
	}
	shown := map[string][]string{}
	for t, n := range instances {
		names := []string{}
		for name, c := range counts[t] {
			if c == n {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		shown[t.Name] = names
	}
	return shown
}

// valueType is the struct type of an object value: its named type, or
// the variant a union value's @odata.type chose.
func valueType(v *Value) *Type {
	switch {
	case v.Type == nil:
		return nil
	case v.Type.Kind == RefNamed:
		return v.Type.Named
	case v.Type.Kind == RefUnion && v.Variant != nil:
		return v.Variant
	case v.Type.Kind == RefUnion:
		return v.Type.Union.Base
	}
	return nil
}

// otherStatuses are the statuses op's examples answer besides status, in
// order: a service may answer any the docs show for the operation.
func (op *Operation) otherStatuses(status int) []int {
	var out []int
	for _, ex := range op.Examples {
		if ex.Status != status && !slices.Contains(out, ex.Status) {
			out = append(out, ex.Status)
		}
	}
	if op.Result.Status != 0 && op.Result.Status != status && !slices.Contains(out, op.Result.Status) {
		out = append(out, op.Result.Status)
	}
	slices.Sort(out)
	return out
}

// CheckTables are the check's tables of api, a JSON line per struct type
// and per enum, in the model's order: what a generated package holds
// behind CheckHandler, and what docbind check-service reads. The engine's
// checkType and checkEnum (templates/check.go) read them.
func CheckTables(api *API) (types, enums []string) {
	for _, t := range api.Types {
		ct := checkTypeLine{Name: t.Name, OData: t.ODataType, Open: t.OpenType}
		if t.Base != nil {
			ct.Base = t.Base.Name
		}
		for _, f := range t.Fields {
			ct.Members = append(ct.Members, checkMemberLine{Name: f.JSONName, Shape: CheckShape(f.Type), Nullable: f.Nullable, Required: f.Required})
		}
		types = append(types, mustJSON(ct))
	}
	for _, e := range api.Enums {
		ce := checkEnumLine{Name: e.Name, Values: []string{}}
		for _, v := range e.Values {
			ce.Values = append(ce.Values, v.Value)
		}
		enums = append(enums, mustJSON(ce))
	}
	return types, enums
}

// The lines of CheckTables, as the engine's checkType, checkMember and
// checkEnum read them.
type (
	checkTypeLine struct {
		Name    string            `json:"name"`
		OData   string            `json:"odata,omitempty"`
		Base    string            `json:"base,omitempty"`
		Open    bool              `json:"open,omitempty"`
		Members []checkMemberLine `json:"members,omitempty"`
	}
	checkMemberLine struct {
		Name     string `json:"name"`
		Shape    string `json:"shape"`
		Nullable bool   `json:"nullable,omitempty"`
		Required bool   `json:"required,omitempty"`
	}
	checkEnumLine struct {
		Name   string   `json:"name"`
		Values []string `json:"values"`
	}
)

// mustJSON is v as JSON; the tables' values always encode.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
