// Package schema is the inference stage of docbind: it reads a JSON example
// with gjson and returns the shape it shows, telling documentation
// placeholders ("datetime-value", "string") from real values.
package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// Kind is the JSON-level kind of a value, refined by what its text says.
type Kind int

// The kinds of values inference tells apart.
const (
	Null Kind = iota
	String
	DateTime
	Bool
	Int
	Float
	Object
	Array
)

var kindNames = [...]string{"null", "string", "datetime", "bool", "int", "float", "object", "array"}

func (k Kind) String() string { return kindNames[k] }

// Node is the inferred shape of one JSON value.
type Node struct {
	Kind        Kind
	Fields      []Field // members of an Object, in document order
	Elem        *Node   // the merged shape of an Array's elements; nil when empty
	Items       []*Node // each element of an Array, as documented
	ODataType   string  // the value of an Object's "@odata.type" member
	Placeholder bool    // a String that stands for a value, such as "content-value"
	EmptySeen   bool    // a String documented as "" somewhere: the empty string is data
	Raw         string  // the value's JSON text
	Offset      int     // byte offset of the value in the example
}

// Field is one member of an object.
type Field struct {
	Name  string
	Value *Node
}

// Field returns the member named name, or nil.
func (n *Node) Field(name string) *Node {
	for _, f := range n.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return nil
}

// MaxDepth bounds nesting so hostile examples cannot exhaust the stack.
const MaxDepth = 100

// SyntaxError is JSON that cannot be read, at a byte offset of the example.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Infer reads a JSON example and returns its shape.
func Infer(example string) (*Node, error) {
	if !gjson.Valid(example) {
		return nil, syntaxError(example)
	}
	return infer(gjson.Parse(example), 0)
}

func syntaxError(example string) error {
	var v any
	err := json.Unmarshal([]byte(example), &v)
	var se *json.SyntaxError
	if errors.As(err, &se) && !strings.Contains(se.Error(), "unexpected end") {
		return &SyntaxError{Offset: max(int(se.Offset)-1, 0), Msg: "invalid JSON: " + se.Error()}
	}
	if se != nil {
		return &SyntaxError{Offset: len(example), Msg: "invalid JSON: " + se.Error()}
	}
	return &SyntaxError{Offset: len(example), Msg: "invalid JSON"}
}

func infer(v gjson.Result, depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, &SyntaxError{Offset: v.Index, Msg: fmt.Sprintf("JSON nests deeper than %d levels", MaxDepth)}
	}
	n := &Node{Raw: v.Raw, Offset: v.Index}
	var err error
	switch {
	case v.IsObject():
		n.Kind = Object
		err = inferMembers(n, v, depth)
	case v.IsArray():
		n.Kind = Array
		err = inferElems(n, v, depth)
	case v.Type == gjson.String:
		n.Kind, n.Placeholder = classifyString(v.Str)
		n.EmptySeen = v.Str == ""
	case v.Type == gjson.Number:
		n.Kind = numberKind(v.Raw)
	case v.IsBool():
		n.Kind = Bool
	default:
		n.Kind = Null
	}
	return n, err
}

func inferMembers(n *Node, v gjson.Result, depth int) error {
	var err error
	v.ForEach(func(key, value gjson.Result) bool {
		var child *Node
		child, err = infer(value, depth+1)
		if err != nil {
			return false
		}
		if key.Str == "@odata.type" && value.Type == gjson.String {
			n.ODataType = strings.TrimPrefix(value.Str, "#")
		}
		n.Fields = append(n.Fields, Field{Name: key.Str, Value: child})
		return true
	})
	return err
}

func inferElems(n *Node, v gjson.Result, depth int) error {
	var err error
	v.ForEach(func(_, value gjson.Result) bool {
		var child *Node
		child, err = infer(value, depth+1)
		if err != nil {
			return false
		}
		n.Elem = Merge(n.Elem, child)
		n.Items = append(n.Items, child)
		return true
	})
	return err
}

// numberKind tells ints from floats by the number's text, since gjson holds
// every number as a float64: "85.0" is a float, "123" an int.
func numberKind(raw string) Kind {
	if strings.ContainsAny(raw, ".eE") {
		return Float
	}
	return Int
}

// classifyString tells what a string value stands for, and whether it is a
// placeholder rather than a real value.
func classifyString(s string) (Kind, bool) {
	lower := strings.ToLower(strings.TrimSpace(s))
	switch lower {
	case "datetime", "datetime-value", "datetimeoffset", "string (timestamp)", "timestamp":
		return DateTime, true
	case "string", "string-value":
		return String, true
	}
	if isTimestamp(s) {
		return DateTime, false
	}
	return String, strings.HasSuffix(lower, "-value")
}

// isTimestamp reports whether s is an RFC 3339 date-time.
func isTimestamp(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// Merge combines two shapes of the same member seen in different places:
// objects get the union of their members (in first-seen order), a null
// takes the other's shape, and an int seen beside a float becomes a float.
func Merge(a, b *Node) *Node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Kind == Null:
		return b
	case b.Kind == Null:
		return a
	}
	out := *a
	out.EmptySeen = a.EmptySeen || b.EmptySeen
	switch {
	case a.Kind == Object && b.Kind == Object:
		out.Fields = mergeFields(a.Fields, b.Fields)
		if out.ODataType == "" {
			out.ODataType = b.ODataType
		}
	case a.Kind == Array && b.Kind == Array:
		out.Elem = Merge(a.Elem, b.Elem)
	case a.Kind == Int && b.Kind == Float:
		out.Kind = Float
	case a.Placeholder && !b.Placeholder && a.Kind == b.Kind:
		out.Raw, out.Placeholder = b.Raw, false
	}
	return &out
}

func mergeFields(a, b []Field) []Field {
	out := make([]Field, len(a), len(a)+len(b))
	copy(out, a)
	for _, f := range b {
		i := indexOf(out, f.Name)
		if i < 0 {
			out = append(out, f)
			continue
		}
		out[i].Value = Merge(out[i].Value, f.Value)
	}
	return out
}

func indexOf(fields []Field, name string) int {
	for i, f := range fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}
