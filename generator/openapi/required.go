package openapi

import (
	"slices"

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
}

func countShown(api *model.API) *shown {
	s := &shown{instances: map[*model.Type]int{}, members: map[*model.Field]int{}, declared: map[*model.Field]*model.Type{}, nullItems: map[*model.Field]bool{}}
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
