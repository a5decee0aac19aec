package schema

import (
	"errors"
	"strings"
	"testing"
)

// TestLocate reports a missing delimiter where it is missing, not where
// the parser notices: the body's indentation says where each object and
// array was meant to close. "‸" marks the offset wanted; related lists
// the texts at the related offsets, openers first.
func TestLocate(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		msg     string // what the message starts with
		related []string
	}{
		{"array left open before its parent's closer", `{
  "value": [
    {
      "id": "c2b6c2b9"
    }‸
}`, `invalid JSON: "]" is missing here to close the array opened 3 lines above; the parser stops 1 line below: invalid character '}' after array element`,
			[]string{"[", "}"}},
		{"object left open, the next member dedented", `{
  "id": "1",
  "file": {
    "size": 3‸,
  "name": "a"
}`, `invalid JSON: "}" is missing here to close the object opened 1 line above; the parser stops at the end: unexpected end of JSON input`,
			[]string{"{", ""}},
		{"object left open and no comma before the next member", `{
  "file": {
    "size": 3‸
  "name": "a"
}`, `invalid JSON: "}," is missing here to close the object opened 1 line above; the parser stops 1 line below: invalid character '"' after object key:value pair`,
			[]string{"{", `"`}},
		{"array and object left open at one place", `{
  "a": {
    "b": [
      1‸
  "c": 2
}`, `invalid JSON: "]}," is missing here to close the array opened 1 line above and the object opened 2 lines above`,
			[]string{"[", "{", `"`}},
		{"object left open, its parent's closer dedented below it", `{
  "a": {
    "b": 1‸
}`, `invalid JSON: "}" is missing here to close the object opened 1 line above; the parser stops at the end`,
			[]string{"{", ""}},
		{"the body's own closer missing", `{
  "a": {
    "b": 1
  }‸`, `invalid JSON: "}" is missing at the end to close the object opened 3 lines above`,
			[]string{"{"}},
		{"two closers missing at the end", `{
  "value": [
    {"id": 1}‸`, `invalid JSON: "]}" is missing at the end to close the array opened 1 line above and the object opened 2 lines above`,
			[]string{"[", "{"}},
		{"many closers missing at the end", `[[[[[1‸`, `invalid JSON: "]]]]]" is missing at the end to close the array opened on this line and 4 more opened before it`,
			[]string{"[", "[", "["}},
		{"no indentation: closers missing at the end", `{
"value": [
{
"id": 1
}‸`, `invalid JSON: "]}" is missing at the end`, []string{"[", "{"}},
		{"comma missing between members", `{
  "@odata.type":"#microsoft.graph.user",
  "id":"492c5308"‸
  "accountEnabled":true
}`, `invalid JSON: "," is missing after this value; the parser stops 1 line below: invalid character '"' after object key:value pair`,
			[]string{`"`}},
		{"comma missing between elements", `[
  {"id": 1}‸
  {"id": 2}
]`, `invalid JSON: "," is missing after this value; the parser stops 1 line below: invalid character '{' after array element`,
			[]string{"{"}},
		{"closer of the other kind on one line", `{"a": [1, 2‸}`, `invalid JSON: "]" is missing here to close the array opened on this line; the parser stops on this line`,
			[]string{"[", "}"}},
		{"closer of the other kind closes an outer array", `[{"a": 1‸]`, `invalid JSON: "}" is missing here to close the object opened on this line`,
			[]string{"{", "]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, want := unmark(t, tt.json)
			se := inferError(t, src)
			if se.Offset != want {
				t.Errorf("offset %d, want %d: %v", se.Offset, want, se)
			}
			if !strings.HasPrefix(se.Msg, tt.msg) {
				t.Errorf("message %q\nwant it to start %q", se.Msg, tt.msg)
			}
			var related []string
			for _, r := range se.Related {
				if r.Offset < 0 || r.Offset > len(src) || r.Message == "" {
					t.Errorf("related %+v", r)
				}
				related = append(related, src[r.Offset:min(r.Offset+1, len(src))])
			}
			if strings.Join(related, " ") != strings.Join(tt.related, " ") {
				t.Errorf("related at %q, want %q", related, tt.related)
			}
		})
	}
}

// TestLocateKeepsTheParsersPlace leaves the error where the parser stops
// when no delimiter is missing, or when inserting the one the indentation
// suggests does not read further: untidy indentation moves no error.
func TestLocateKeepsTheParsersPlace(t *testing.T) {
	tests := []struct {
		name, json, msg string
	}{
		{"a value that is none", "{\n  \"a\": 1,\n  \"b\": ‸Z\n}", "invalid JSON: invalid character 'Z' looking for beginning of value"},
		{"an unquoted date", "{\n  \"when\": 2018‸-04-01T12:39:16Z,\n  \"b\": 1\n}", "invalid JSON: invalid character '-' after object key:value pair"},
		{"a string left open", "{\n  \"a\": \"x‸\n}", `invalid JSON: invalid character '\n' in string literal`},
		{"a single-quoted name", "[\n  {\n    ‸'target': 1\n  }\n]", `invalid JSON: invalid character '\'' looking for beginning of object key string`},
		{"untidy indentation, a comma missing later", `{
    "a": 1,
  "b": 2‸
  "c": 3
}`, `invalid JSON: "," is missing after this value`},
		{"untidy indentation, the body's closer missing", `{
  "x": {
      "a": 1,
    "b": {
      "c": 2
    }
  }‸`, `invalid JSON: "}" is missing at the end to close the object opened 6 lines above`},
		{"a closer left of its opener, the body's closer missing", `{
  "a": [
    1
],
  "b": 2‸`, `invalid JSON: "}" is missing at the end`},
		{"a trailing comma at the end", `{"a": 1,‸`, `invalid JSON: unexpected end of JSON input`},
		{"a name without its value at the end", `{"a": ‸`, `invalid JSON: unexpected end of JSON input`},
		{"a closer too many", `{"a": 1}‸}`, `invalid JSON: invalid character '}' after top-level value`},
		{"a colon missing", `{"a" ‸1}`, `invalid JSON: invalid character '1' after object key`},
		{"arrays deeper than any insertion", strings.Repeat("[", 100) + "‸", `invalid JSON: unexpected end of JSON input`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, want := unmark(t, tt.json)
			se := inferError(t, src)
			if se.Offset != want || !strings.HasPrefix(se.Msg, tt.msg) {
				t.Errorf("at %d %q\nwant %d %q", se.Offset, se.Msg, want, tt.msg)
			}
		})
	}
}

func unmark(t *testing.T, marked string) (string, int) {
	t.Helper()
	at := strings.Index(marked, "‸")
	if at < 0 {
		t.Fatalf("no ‸ in %q", marked)
	}
	return strings.Replace(marked, "‸", "", 1), at
}

func inferError(t *testing.T, src string) *SyntaxError {
	t.Helper()
	_, err := Infer(src)
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a SyntaxError", err)
	}
	return se
}
