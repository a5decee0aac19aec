package docparse

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"sort"
	"strings"
)

// BlockType says what an annotated code block documents.
type BlockType string

// The block types of the Graph/OneDrive annotation convention.
const (
	Request  BlockType = "request"
	Response BlockType = "response"
	Resource BlockType = "resource"
	Example  BlockType = "example"
	Ignored  BlockType = "ignored"
)

// Annotation is the JSON object in the HTML comment before a code block.
// Keys docbind does not interpret are kept in Other so later stages can use
// them without the reader changing.
type Annotation struct {
	BlockType          BlockType
	Names              []string // "name": a string, or a list when one response serves several requests
	ODataType          string   // "@odata.type", or its older spelling "@type"
	Truncated          bool
	IsCollection       bool
	IsEmpty            bool
	ExpectError        bool
	CollectionProperty string
	OptionalProperties []string
	NullableProperties []string
	KeyProperty        string
	BaseType           string
	Abstract           bool
	OpenType           bool
	Scopes             []string
	Other              map[string]json.RawMessage
}

// errNotBlockAnnotation marks JSON comments that are valid but carry no
// blockType, such as the trailing "#page.annotation".
var errNotBlockAnnotation = errors.New("not a block annotation")

// SyntaxError is a failure to read an annotation, at a byte offset into the
// text given to ParseAnnotation.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParseAnnotation reads the JSON object of an annotation leniently, as the
// docs need: trailing commas, unquoted keys, single-quoted strings, booleans
// written as strings, and "name" as a string or a list are all accepted.
// It returns errNotBlockAnnotation for a valid object without "blockType".
//
// An annotation that cannot be read as it is, but can once its HTML
// entities (&quot;, &#39;, &amp;...) are decoded, is read decoded: a
// translation pipeline escaped it.
func ParseAnnotation(text string) (Annotation, error) {
	a, _, err := parseAnnotation(text)
	return a, err
}

// maxUnescapes bounds how many times an annotation's entities are decoded:
// twice covers an escaped "&amp;quot;".
const maxUnescapes = 2

// parseAnnotation is ParseAnnotation, and reports whether the annotation was
// read with its HTML entities decoded. A syntax error is the one of the text
// as written, so that its offset is the author's.
func parseAnnotation(text string) (Annotation, bool, error) {
	members, err := readMembers(text)
	unescaped := false
	for i, escaped := 0, text; err != nil && i < maxUnescapes; i++ {
		decoded := html.UnescapeString(escaped)
		if decoded == escaped {
			break
		}
		if m, derr := readMembers(decoded); derr == nil {
			members, err, unescaped = m, nil, true
		}
		escaped = decoded
	}
	if err != nil {
		return Annotation{}, false, err
	}
	if _, ok := members["blockType"]; !ok {
		return Annotation{}, false, errNotBlockAnnotation
	}
	a, err := decodeAnnotation(members)
	return a, unescaped, err
}

// readMembers reads the annotation's JSON object, repaired if need be.
func readMembers(text string) (map[string]json.RawMessage, error) {
	var members map[string]json.RawMessage
	// Most annotations are strict JSON: repair only those that are not.
	if err := json.Unmarshal([]byte(text), &members); err != nil {
		repaired, offsets := repairJSON(text)
		if err := json.Unmarshal([]byte(repaired), &members); err != nil {
			return nil, syntaxError(err, offsets, len(text))
		}
	}
	return members, nil
}

func syntaxError(err error, offsets []int, textLen int) error {
	var se *json.SyntaxError
	off := textLen
	// An error at the end of the input stays at textLen, after the last byte;
	// any other is on the byte the decoder stopped at.
	if errors.As(err, &se) && !strings.Contains(se.Error(), "unexpected end") && se.Offset > 0 && int(se.Offset) <= len(offsets) {
		off = offsets[se.Offset-1]
	}
	msg := err.Error()
	if te := new(json.UnmarshalTypeError); errors.As(err, &te) {
		msg = "annotation is not a JSON object"
		off = 0
	}
	return &SyntaxError{Offset: off, Msg: "cannot read annotation: " + msg}
}

func decodeAnnotation(members map[string]json.RawMessage) (Annotation, error) {
	var a Annotation
	var errs []string
	keys := make([]string, 0, len(members))
	for k := range members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if err := a.set(key, members[key]); err != nil {
			errs = append(errs, fmt.Sprintf("%q: %v", key, err))
		}
	}
	if len(errs) > 0 {
		return a, &SyntaxError{Msg: "cannot read annotation: " + strings.Join(errs, "; ")}
	}
	return a, nil
}

func (a *Annotation) set(key string, raw json.RawMessage) error {
	var err error
	switch key {
	case "blockType":
		var s string
		s, err = readString(raw)
		a.BlockType = BlockType(strings.ToLower(strings.TrimSpace(s)))
	case "name":
		a.Names, err = readStrings(raw)
	case "@odata.type", "@type":
		a.ODataType, err = readString(raw)
	case "truncated":
		a.Truncated, err = readBool(raw)
	case "isCollection":
		a.IsCollection, err = readBool(raw)
	case "isEmpty":
		a.IsEmpty, err = readBool(raw)
	case "expectError":
		a.ExpectError, err = readBool(raw)
	case "abstract":
		a.Abstract, err = readBool(raw)
	case "openType":
		a.OpenType, err = readBool(raw)
	case "collectionProperty":
		a.CollectionProperty, err = readString(raw)
	case "keyProperty":
		a.KeyProperty, err = readString(raw)
	case "baseType":
		a.BaseType, err = readString(raw)
	case "optionalProperties":
		a.OptionalProperties, err = readStrings(raw)
	case "nullableProperties":
		a.NullableProperties, err = readStrings(raw)
	case "scopes":
		a.Scopes, err = readStrings(raw)
	default:
		if a.Other == nil {
			a.Other = map[string]json.RawMessage{}
		}
		a.Other[key] = raw
	}
	return err
}

func readString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("want a string, got %s", raw)
	}
	return s, nil
}

// readStrings accepts a list of strings, or one string whose items are
// separated by commas or spaces (the docs write scopes both ways).
func readStrings(raw json.RawMessage) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	s, err := readString(raw)
	if err != nil {
		return nil, fmt.Errorf("want a string or a list of strings, got %s", raw)
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }), nil
}

// readBool accepts true/false, or the same written as a string.
func readBool(raw json.RawMessage) (bool, error) {
	var b bool
	if err := json.Unmarshal(raw, &b); err == nil {
		return b, nil
	}
	s, err := readString(raw)
	if err == nil {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true":
			return true, nil
		case "false", "":
			return false, nil
		}
	}
	return false, fmt.Errorf("want a boolean, got %s", raw)
}

// repairJSON rewrites the lenient forms the docs use into strict JSON. It
// returns, for every output byte, the input offset it came from, so errors
// found in the output can be reported at the author's position.
func repairJSON(src string) (string, []int) {
	r := repairer{src: src}
	for r.i < len(src) {
		r.step()
	}
	return r.out.String(), r.offsets
}

type repairer struct {
	src     string
	i       int
	out     strings.Builder
	offsets []int
}

func (r *repairer) emit(s string, from int) {
	r.out.WriteString(s)
	for range len(s) {
		r.offsets = append(r.offsets, from)
	}
}

func (r *repairer) emitByte(c byte, from int) {
	r.out.WriteByte(c)
	r.offsets = append(r.offsets, from)
}

func (r *repairer) step() {
	c := r.src[r.i]
	switch {
	case c == '"':
		r.copyString()
	case c == '\'':
		r.singleQuoted()
	case c == ',' && r.closesNext():
		r.i++ // trailing comma: dropped
	case isIdentStart(c):
		r.identifier()
	default:
		r.emitByte(c, r.i)
		r.i++
	}
}

// copyString copies a double-quoted string with its escapes unchanged.
func (r *repairer) copyString() {
	start := r.i
	r.i++
	for r.i < len(r.src) && r.src[r.i] != '"' {
		if r.src[r.i] == '\\' {
			r.i++
		}
		r.i++
	}
	r.i = min(r.i+1, len(r.src))
	for k := start; k < r.i; k++ {
		r.emitByte(r.src[k], k)
	}
}

func (r *repairer) singleQuoted() {
	start := r.i
	end := strings.IndexByte(r.src[start+1:], '\'')
	if end < 0 {
		r.emit("'", start)
		r.i++
		return
	}
	body := r.src[start+1 : start+1+end]
	quoted, _ := json.Marshal(body)
	r.emit(string(quoted), start)
	r.i = start + end + 2
}

// closesNext reports whether only white space separates the comma at r.i
// from a closing bracket.
func (r *repairer) closesNext() bool {
	rest := strings.TrimLeft(r.src[r.i+1:], " \t\r\n")
	return rest != "" && (rest[0] == '}' || rest[0] == ']')
}

// identifier quotes a bare word used as a key; true, false, null and any
// other bare word are copied so that a bare value stays a syntax error.
func (r *repairer) identifier() {
	start := r.i
	for r.i < len(r.src) && isIdentPart(r.src[r.i]) {
		r.i++
	}
	word := r.src[start:r.i]
	rest := strings.TrimLeft(r.src[r.i:], " \t\r\n")
	if strings.HasPrefix(rest, ":") && word != "true" && word != "false" && word != "null" {
		r.emit(`"`+word+`"`, start)
		return
	}
	r.emit(word, start)
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '@' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c == '.' || c == '-' || '0' <= c && c <= '9'
}
