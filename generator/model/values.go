package model

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/schema"
)

// Sample values replace placeholders, and values that contradict the
// declared type, so that a documented body decodes. Each is plainly not
// documented data: Go's reference time, and small constants.
const (
	sampleTime     = "2006-01-02T15:04:05Z"
	sampleDateTime = "2006-01-02T15:04:05"
	sampleDate     = "2006-01-02"
)

var samples = map[RefKind]string{
	RefTime: strconv.Quote(sampleTime), RefDateTime: strconv.Quote(sampleDateTime), RefDate: strconv.Quote(sampleDate),
	RefBool: "true", RefInt32: "1", RefInt64: "1", RefFloat64: "1.5", RefBytes: `"AAEC"`,
	RefString: `"string"`, RefTimeOfDay: `"15:04:05"`, RefDuration: `"PT1H"`,
}

// typedValue types a documented JSON value by ref for the generated tests,
// recording in subs every value it must replace for the body to decode.
func typedValue(ref *TypeRef, n *schema.Node, path string, subs *[]Substitution) *Value {
	v := &Value{Type: ref}
	if n.Kind == schema.Null && ref.ByPointer {
		v.Null = true
		return v
	}
	switch ref.Kind {
	case RefNamed:
		namedValue(v, ref.Named, n, path, subs)
	case RefUnion:
		unionValue(v, ref.Union, n, path, subs)
	case RefSlice:
		for i, e := range n.Items {
			v.Elems = append(v.Elems, typedValue(ref.Elem, e, path+"["+strconv.Itoa(i)+"]", subs))
		}
	case RefMap:
		for _, f := range n.Fields {
			v.Entries = setEntry(v.Entries, MapEntry{Key: f.Name, Value: typedValue(ref.Elem, f.Value, joinPath(path, f.Name), subs)})
		}
	default:
		v.Scalar = n.Raw
		if !fitsRef(ref.Kind, n) {
			v.Scalar = samples[ref.Kind]
			*subs = append(*subs, Substitution{Member: path, From: n.Raw, To: v.Scalar, offset: n.Offset})
		}
	}
	return v
}

// namedValue types an object's members by the fields of t. A member the
// JSON shows twice takes its last value, as encoding/json does.
func namedValue(v *Value, t *Type, n *schema.Node, path string, subs *[]Substitution) {
	for _, f := range n.Fields {
		field := fieldByJSON(t, f.Name)
		if field == nil {
			v.Extra = setEntry(v.Extra, MapEntry{Key: f.Name, Value: &Value{Type: &TypeRef{Kind: RefRaw}, Scalar: f.Value.Raw}})
			continue
		}
		v.Fields = slices.DeleteFunc(v.Fields, func(fv FieldValue) bool { return fv.Field == field })
		if f.Value.Kind == schema.Null {
			switch {
			case field.Nullable:
				v.Fields = append(v.Fields, FieldValue{Field: field, Value: &Value{Type: field.Type, Null: true}})
			case field.Type.Kind == RefRaw:
				// Raw JSON keeps a null as it is: json.RawMessage("null").
				v.Fields = append(v.Fields, FieldValue{Field: field, Value: &Value{Type: field.Type, Scalar: "null"}})
			}
			continue
		}
		v.Fields = append(v.Fields, FieldValue{Field: field, Value: typedValue(field.Type, f.Value, joinPath(path, f.Name), subs)})
	}
}

// setEntry sets a key of an object keyed by data: a key the JSON shows
// twice keeps its last value, as encoding/json does.
func setEntry(entries []MapEntry, e MapEntry) []MapEntry {
	entries = slices.DeleteFunc(entries, func(old MapEntry) bool { return old.Key == e.Key })
	return append(entries, e)
}

// fitsRef reports whether a documented scalar decodes into a Go type.
func fitsRef(kind RefKind, n *schema.Node) bool {
	switch kind {
	case RefRaw:
		return true
	case RefString, RefEnum, RefTimeOfDay, RefDuration:
		return stringKinds[n.Kind]
	case RefTime:
		return n.Kind == schema.DateTime && !n.Placeholder && !n.NonCanonical
	case RefDateTime:
		return n.Kind == schema.DateTime && !n.Placeholder
	case RefDate:
		return !n.Placeholder && dateLayout.MatchString(strings.Trim(n.Raw, `"`))
	case RefBytes:
		s, err := strconv.Unquote(n.Raw)
		_, err2 := base64.StdEncoding.DecodeString(s)
		return err == nil && err2 == nil && !n.Placeholder
	case RefBool:
		// The raw text itself, not the inferred kind: a placeholder such as
		// "Boolean" has kind Bool but is a JSON string.
		return n.Raw == "true" || n.Raw == "false"
	case RefInt32:
		_, err := strconv.ParseInt(n.Raw, 10, 32)
		return err == nil
	case RefInt64:
		_, err := strconv.ParseInt(n.Raw, 10, 64)
		return err == nil
	case RefFloat64:
		_, err := strconv.ParseFloat(n.Raw, 64)
		return err == nil && n.Kind.IsNumber() && !n.Placeholder
	}
	return true
}

func joinPath(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

// fieldByJSON finds the field of a member, in the type or else its bases:
// as in encoding/json, a field of the type hides a base's of that name.
func fieldByJSON(t *Type, name string) *Field {
	for ; t != nil; t = t.Base {
		for _, f := range t.Fields {
			if f.JSONName == name {
				return f
			}
		}
	}
	return nil
}

// substitute applies substitutions to the body text, last first so earlier
// offsets stay valid.
func substitute(body string, subs []Substitution) string {
	for i := len(subs) - 1; i >= 0; i-- {
		s := subs[i]
		if s.offset >= 0 && s.offset+len(s.From) <= len(body) && body[s.offset:s.offset+len(s.From)] == s.From {
			body = body[:s.offset] + s.To + body[s.offset+len(s.From):]
		}
	}
	return body
}

// typeExamples gives each named type its documented instances, with the
// values the round-trip test must substitute.
func (b *builder) typeExamples() {
	for _, key := range sortedKeys(b.types.defs) {
		d := b.types.defs[key]
		t := b.types.built[key]
		for _, ex := range d.examples {
			var subs []Substitution
			v := typedValue(&TypeRef{Kind: RefNamed, Named: t}, ex.node, "", &subs)
			t.Examples = append(t.Examples, &TypeExample{Source: ex.source, JSON: substitute(ex.text, subs), Substitutions: subs, Value: v})
		}
	}
}
