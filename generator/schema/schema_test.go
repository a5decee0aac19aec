package schema

import (
	"errors"
	"strings"
	"testing"
)

func TestInferScalars(t *testing.T) {
	tests := []struct {
		json            string
		wantKind        Kind
		wantPlaceholder bool
	}{
		{`"content-value"`, String, true},
		{`"string"`, String, true},
		{`"Ryan Gregg"`, String, false},
		{`"datetime-value"`, DateTime, true},
		{`"datetime"`, DateTime, true},
		{`"DateTimeOffset"`, DateTime, true},
		{`"String (timestamp)"`, DateTime, true},
		{`"2016-03-21T20:01:37Z"`, DateTime, false},
		{`"2016-01-01T15:20:01.125+01:00"`, DateTime, false},
		{`123`, Int64, false},
		{`-4`, Int64, false},
		{`85.0`, Float, false},
		{`1e3`, Float, false},
		{`true`, Bool, false},
		{`null`, Null, false},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			n, err := Infer(tt.json)
			if err != nil {
				t.Fatal(err)
			}
			if n.Kind != tt.wantKind || n.Placeholder != tt.wantPlaceholder {
				t.Errorf("kind %v placeholder %v, want %v %v", n.Kind, n.Placeholder, tt.wantKind, tt.wantPlaceholder)
			}
		})
	}
}

func TestInferObjectKeepsOrderAndOffsets(t *testing.T) {
	src := `{"z": 1, "@odata.type": "#microsoft.graph.item", "a": {"b": [1, 2.5]}}`
	n, err := Infer(src)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range n.Fields {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "z,@odata.type,a" {
		t.Errorf("members %v, want document order", names)
	}
	if n.ODataType != "microsoft.graph.item" {
		t.Errorf("odata type %q", n.ODataType)
	}
	arr := n.Field("a").Field("b")
	if arr.Kind != Array || arr.Elem.Kind != Float || len(arr.Items) != 2 {
		t.Errorf("array %+v: want float elements merged from int and float", arr)
	}
	if got := src[arr.Items[1].Offset:][:3]; got != "2.5" {
		t.Errorf("offset of second element points at %q", got)
	}
}

func TestMerge(t *testing.T) {
	a, _ := Infer(`{"x": "string", "n": null, "list": []}`)
	b, _ := Infer(`{"y": true, "x": "real", "n": {"k": 1}, "list": [{"id": "1"}]}`)
	m := Merge(a, b)
	var names []string
	for _, f := range m.Fields {
		names = append(names, f.Name+":"+f.Value.Kind.String())
	}
	if got := strings.Join(names, ","); got != "x:string,n:object,list:array,y:bool" {
		t.Errorf("merged %s", got)
	}
	if m.Field("x").Placeholder {
		t.Error("a real value should refine a placeholder")
	}
	if m.Field("list").Elem == nil || m.Field("list").Elem.Field("id") == nil {
		t.Error("an empty array should take the other's element shape")
	}
}

func TestInferErrors(t *testing.T) {
	tests := []struct {
		json       string
		wantOffset int
	}{
		{`{"a": 1,}`, 8},
		{`{"a": }`, 6},
		{`{"a": 1`, 7},
		{strings.Repeat("[", MaxDepth+2) + strings.Repeat("]", MaxDepth+2), MaxDepth + 1},
	}
	for _, tt := range tests {
		t.Run(tt.json[:min(len(tt.json), 12)], func(t *testing.T) {
			_, err := Infer(tt.json)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a SyntaxError", err)
			}
			if se.Offset != tt.wantOffset {
				t.Errorf("offset %d, want %d: %v", se.Offset, tt.wantOffset, se)
			}
		})
	}
}
