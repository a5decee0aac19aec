// Package schema is the inference stage of docbind: it reads a JSON example
// with gjson and returns the shape it shows, telling documentation
// placeholders ("datetime-value", "Int32", "a | b | c") from real values.
package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// Kind is what a JSON value stands for, refined by what its text says.
type Kind int

// The kinds of values inference tells apart.
const (
	Null Kind = iota
	String
	DateTime
	Date
	TimeOfDay
	Duration
	Bool
	Int32
	Int64
	Float
	Bytes  // base64 binary
	Stream // an Edm.Stream: content that is not sent inline
	JSON   // any JSON value: the docs leave its shape open
	Enum
	Object
	Array
)

var kindNames = [...]string{"null", "string", "datetime", "date", "timeOfDay", "duration", "bool", "int32", "int64", "float", "bytes", "stream", "json", "enum", "object", "array"}

func (k Kind) String() string { return kindNames[k] }

// IsNumber reports whether k is an integer or float kind.
func (k Kind) IsNumber() bool { return k == Int32 || k == Int64 || k == Float }

// Node is the inferred shape of one JSON value.
type Node struct {
	Kind        Kind
	Fields      []Field  // members of an Object, in document order
	Elem        *Node    // the merged shape of an Array's elements; nil when empty
	Items       []*Node  // each element of an Array, as documented
	ODataType   string   // an Object's "@odata.type" member, without "#"
	EnumValues  []string // the values of an Enum placeholder "a | b | c"
	Placeholder bool     // the value names a type ("Int32", "string") rather than being data
	ZeroSeen    bool     // the value, or a merged one, is false, 0 or "": the zero value is data
	// NonCanonical marks a DateTime written in a form time.Time does not
	// encode back, such as without a zone or as "...00.000Z".
	NonCanonical bool
	Mixed        bool   // merged from values of different kinds: its shape is open
	NullSeen     bool   // merged with a JSON null: the member may be null
	Raw          string // the value's JSON text
	Offset       int    // byte offset of the value in the example
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
// When the error is a delimiter missing ("}", "]", ","), Offset is where it
// is most plausibly missing, which the parser notices later (see locate),
// and Related names the objects and arrays left open and where the parser
// stopped.
type SyntaxError struct {
	Offset  int
	Msg     string
	Related []Related
}

func (e *SyntaxError) Error() string { return e.Msg }

// Infer reads a JSON example and returns its shape. The example must be
// strict JSON; Repair makes the docs' lenient JSON strict first.
func Infer(example string) (*Node, error) {
	if !gjson.Valid(example) {
		return nil, syntaxError(example)
	}
	return infer(gjson.Parse(example), 0)
}

func syntaxError(example string) error {
	var raw json.RawMessage // checked whole before anything is built
	err := json.Unmarshal([]byte(example), &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &SyntaxError{Offset: len(example), Msg: "invalid JSON"}
	}
	stop := len(example)
	if !strings.Contains(se.Error(), "unexpected end") {
		stop = max(int(se.Offset)-1, 0)
	}
	if located := locate(example, stop, se.Error()); located != nil {
		return located
	}
	return &SyntaxError{Offset: stop, Msg: "invalid JSON: " + se.Error()}
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
		classifyString(n, v.Str)
	case v.Type == gjson.Number:
		n.Kind = numberKind(v.Raw)
		n.ZeroSeen = v.Num == 0
	case v.IsBool():
		n.Kind = Bool
		n.ZeroSeen = !v.Bool()
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
	if err == nil && isPrimitiveODataType(n) {
		n.Kind, n.Placeholder = primitiveKind(strings.TrimPrefix(n.ODataType, "Edm.")), true
	}
	return err
}

// isPrimitiveODataType reports an object that only names a primitive type,
// such as {"@odata.type": "Edm.Stream"}: a placeholder, not an object.
func isPrimitiveODataType(n *Node) bool {
	return len(n.Fields) == 1 && strings.HasPrefix(n.ODataType, "Edm.")
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
	return Int64
}
