package openapi

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/model"
)

// shown counts, over every documented instance of the API's types (the
// types' own examples and the examples' bodies), the instances of each
// type, its derived types' included, and of each member present.
type shown struct {
	instances map[*model.Type]int
	members   map[*model.Field]int
	declared  map[*model.Field]*model.Type
	// nullItems are the array members some instance shows a null in.
	nullItems map[*model.Field]bool
	// spellings are, by union and by its type (nil for a type the docs do
	// not document), the @odata.type values the instances write.
	spellings map[*model.Union]map[*model.Type][]string
	// enumValues are, by enum, the values instances show that its table
	// does not list (DB307).
	enumValues map[*model.Enum][]string
	// notDuration are the duration members an instance shows a value of
	// that format duration's grammar refuses.
	notDuration map[*model.Field]bool
}

func countShown(api *model.API) *shown {
	s := &shown{instances: map[*model.Type]int{}, members: map[*model.Field]int{}, declared: map[*model.Field]*model.Type{}, nullItems: map[*model.Field]bool{},
		spellings: map[*model.Union]map[*model.Type][]string{}, enumValues: map[*model.Enum][]string{}, notDuration: map[*model.Field]bool{}}
	for _, t := range api.Types {
		for _, f := range t.Fields {
			s.declared[f] = t
		}
		for _, ex := range t.Examples {
			s.walk(ex.Value)
		}
	}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			s.walk(ex.Request)
			s.walk(ex.Response)
		}
	}
	return s
}

func (s *shown) walk(v *model.Value) {
	if v == nil || v.Null {
		return
	}
	if v.Type != nil {
		switch v.Type.Kind {
		case model.RefUnion:
			s.spelling(v)
		case model.RefEnum:
			if value, err := strconv.Unquote(v.Scalar); err == nil && !slices.ContainsFunc(v.Type.Enum.Values, func(ev model.EnumValue) bool { return ev.Value == value }) &&
				!slices.Contains(s.enumValues[v.Type.Enum], value) {
				s.enumValues[v.Type.Enum] = append(s.enumValues[v.Type.Enum], value)
			}
		}
	}
	var t *model.Type
	switch {
	case v.Variant != nil:
		t = v.Variant
	case v.Type != nil && v.Type.Kind == model.RefNamed:
		t = v.Type.Named
	}
	if t != nil {
		for b := t; b != nil; b = b.Base {
			s.instances[b]++
		}
	}
	for _, f := range v.Fields {
		s.members[f.Field]++
		if isDuration(f.Field.Type) && !durationsFit(f.Value) {
			s.notDuration[f.Field] = true
		}
		if f.Value != nil && slices.ContainsFunc(f.Value.Elems, func(e *model.Value) bool { return e != nil && e.Null }) {
			s.nullItems[f.Field] = true
		}
		s.walk(f.Value)
	}
	for _, e := range v.Elems {
		s.walk(e)
	}
	for _, e := range v.Entries {
		s.walk(e.Value)
	}
}

// required reports a member the docs require (shown in the resource and
// not listed as optional) that every documented instance shows: the docs
// routinely leave out members their resource lists (a truncated example,
// a $select, a PATCH body), and a required member no instance may lack.
func (s *shown) required(f *model.Field) bool {
	t := s.declared[f]
	return f.Required && t != nil && s.instances[t] > 0 && s.members[f] == s.instances[t]
}

// spelling records the @odata.type an instance of a union writes, by the
// type the Go union reads it as (nil: one the docs do not document).
func (s *shown) spelling(v *model.Value) {
	var name string
	switch {
	case v.Variant != nil:
		for _, f := range v.Fields {
			if f.Field.JSONName == "@odata.type" && f.Value != nil {
				name, _ = strconv.Unquote(f.Value.Scalar)
			}
		}
		for _, e := range v.Extra {
			if e.Key == "@odata.type" && e.Value != nil {
				name, _ = strconv.Unquote(e.Value.Scalar)
			}
		}
	default:
		var obj map[string]any
		if json.Unmarshal([]byte(v.Scalar), &obj) == nil {
			name, _ = obj["@odata.type"].(string)
		}
	}
	if name == "" {
		return
	}
	u := v.Type.Union
	if s.spellings[u] == nil {
		s.spellings[u] = map[*model.Type][]string{}
	}
	if !slices.Contains(s.spellings[u][v.Variant], name) {
		s.spellings[u][v.Variant] = append(s.spellings[u][v.Variant], name)
	}
}

func isDuration(ref *model.TypeRef) bool {
	for ref != nil && ref.Kind == model.RefSlice {
		ref = ref.Elem
	}
	return ref != nil && ref.Kind == model.RefDuration
}

// rfc3339Duration is the duration of RFC 3339's appendix A, which format
// duration names, as JSON Schema's validators implement it (ajv-formats):
// no sign, no fractions, weeks alone.
var rfc3339Duration = regexp.MustCompile(`^P(?:(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+S)?)?|[0-9]+W)$`)

// durationsFit reports whether a duration value, or each of an array's,
// is one format duration takes.
func durationsFit(v *model.Value) bool {
	if v == nil || v.Null {
		return true
	}
	for _, e := range v.Elems {
		if !durationsFit(e) {
			return false
		}
	}
	if v.Scalar == "" {
		return true
	}
	d, err := strconv.Unquote(v.Scalar)
	return err == nil && validDuration(d)
}

// validDuration is RFC 3339's grammar: "P" and at least one part, and a
// "T" only before a time part.
func validDuration(d string) bool {
	return rfc3339Duration.MatchString(d) && d != "P" && !strings.HasSuffix(d, "T")
}
