package schema

import "slices"

// Merge combines two shapes of the same value seen in different places:
// objects get the union of their members (in first-seen order), a null
// takes the other's shape, a placeholder gives way to a real value of the
// same kind, and an int seen beside a float becomes a float.
func Merge(a, b *Node) *Node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Kind == Null:
		out := *b
		out.NullSeen = true
		return &out
	case b.Kind == Null:
		out := *a
		out.NullSeen = true
		return &out
	}
	out := *a
	out.ZeroSeen = a.ZeroSeen || b.ZeroSeen
	out.NonCanonical = a.NonCanonical || b.NonCanonical
	out.NullSeen = a.NullSeen || b.NullSeen
	switch {
	case a.Kind == Object && b.Kind == Object:
		out.Fields = mergeFields(a.Fields, b.Fields)
		if out.ODataType == "" {
			out.ODataType = b.ODataType
		}
	case a.Kind == Array && b.Kind == Array:
		out.Elem = Merge(a.Elem, b.Elem)
	case a.Kind != b.Kind && a.Kind.IsNumber() && b.Kind.IsNumber() && !a.Placeholder && !b.Placeholder:
		out.Kind = widerNumber(a.Kind, b.Kind)
	case a.Kind == Enum && b.Kind == Enum:
		out.EnumValues = unionValues(a.EnumValues, b.EnumValues)
	case a.Kind == b.Kind:
		if a.Placeholder && !b.Placeholder {
			out.Raw, out.Placeholder = b.Raw, false
		}
	default:
		mergeKinds(&out, a, b)
	}
	return &out
}

// mergeKinds settles two different kinds: a placeholder (a declaration)
// beats a real value, two kinds of string make a string, and anything else
// is a value of mixed shape.
func mergeKinds(out, a, b *Node) {
	switch {
	case a.Placeholder && !b.Placeholder:
	case b.Placeholder && !a.Placeholder:
		*out = *b
		out.ZeroSeen = a.ZeroSeen || b.ZeroSeen
	case stringKind(a.Kind) && stringKind(b.Kind):
		out.Kind = String
	default:
		out.Mixed = true
	}
}

func stringKind(k Kind) bool {
	switch k {
	case String, DateTime, Date, TimeOfDay, Duration, Bytes, Enum:
		return true
	}
	return false
}

func widerNumber(a, b Kind) Kind {
	if a == Float || b == Float {
		return Float
	}
	return max(a, b) // Int64 > Int32 in the Kind order
}

func unionValues(a, b []string) []string {
	out := slices.Clone(a)
	for _, v := range b {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func mergeFields(a, b []Field) []Field {
	out := make([]Field, len(a), len(a)+len(b))
	copy(out, a)
	for _, f := range b {
		i := slices.IndexFunc(out, func(g Field) bool { return g.Name == f.Name })
		if i < 0 {
			out = append(out, f)
			continue
		}
		out[i].Value = Merge(out[i].Value, f.Value)
	}
	return out
}
