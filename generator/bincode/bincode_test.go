package bincode

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

type inner struct {
	Name  string
	Tags  []string
	Raw   json.RawMessage
	Score float64
}

type outer struct {
	A     bool
	B     int
	C     int8
	D     uint16
	E     string
	F     *inner
	G     []inner
	H     map[string]json.RawMessage
	I     [2]string
	J     []*inner
	K     map[string][]int
	Empty []string
	Nil   []string
	Bytes []byte
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"zero", outer{}},
		{"full", outer{
			A: true, B: -1 << 40, C: -128, D: 65535, E: "héllo",
			F:     &inner{Name: "x", Tags: []string{"a", "a", "b"}, Raw: json.RawMessage(`{"a":1}`), Score: -2.5},
			G:     []inner{{Name: "x"}, {Tags: []string{}}},
			H:     map[string]json.RawMessage{"z": json.RawMessage(`1`), "a": nil, "": json.RawMessage(`"s"`)},
			I:     [2]string{"x", ""},
			J:     []*inner{nil, {Name: "y"}},
			K:     map[string][]int{"k": {1, -2, 3}, "e": {}},
			Empty: []string{},
			Bytes: []byte{0, 255},
		}},
		{"empty map", outer{H: map[string]json.RawMessage{}}},
		{"many repeated strings", outer{G: []inner{{Name: strings.Repeat("p", 300)}, {Name: strings.Repeat("p", 300)}, {Name: "q"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			got := reflect.New(reflect.TypeOf(tt.v))
			if err := Unmarshal(data, got.Interface()); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Elem().Interface(), tt.v) {
				t.Errorf("decoded %#v\nwant %#v", got.Elem().Interface(), tt.v)
			}
			for i := range len(data) {
				if err := Unmarshal(data[:i], got.Interface()); err == nil {
					t.Errorf("the first %d of %d bytes decode without an error", i, len(data))
				}
			}
			if err := Unmarshal(append(data, 0), got.Interface()); err == nil {
				t.Error("a byte after the value decodes without an error")
			}
		})
	}
}

// TestStringsStoredOnce checks that a repeated string costs its number, not
// its bytes, and decodes to one string.
func TestStringsStoredOnce(t *testing.T) {
	long := strings.Repeat("docs/api/user-get.md", 10)
	v := []string{long, long, long}
	data, err := Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > len(long)+10 {
		t.Errorf("three copies of a %d-byte string take %d bytes", len(long), len(data))
	}
	var got []string
	if err := Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, v) {
		t.Errorf("got %q", got)
	}
	if unsafe.StringData(got[0]) != unsafe.StringData(got[2]) {
		t.Error("the copies decode to strings of their own")
	}
}

func TestMarshalRefuses(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"interface", struct{ X any }{1}, "cannot encode a interface {}"},
		{"func", struct{ F func() }{}, "cannot encode a func()"},
		{"int keys", map[int]string{1: "a"}, "its keys are not strings"},
		{"unexported field", struct{ x int }{}, "unexported field, x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Marshal(tt.v)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Marshal(%#v) = %v, want an error saying %q", tt.v, err, tt.want)
			}
		})
	}
}

func TestUnmarshalRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"a length beyond the data", []byte{0xff, 0xff, 0x03}},
		{"a string number never given", []byte{1, 5}},
		{"a boolean that is neither", []byte{1, 2}},
		{"an overlong varint", []byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				Items []struct {
					S string
					B bool
				}
			}
			if err := Unmarshal(tt.data, &v); err == nil {
				t.Errorf("decoded %#v without an error", v)
			}
		})
	}
	if err := Unmarshal(nil, outer{}); err == nil {
		t.Error("Unmarshal into a value that is not a pointer returns no error")
	}
}

// FuzzUnmarshal checks that no data makes the decoder panic or loop, and
// that what decodes encodes back to data that decodes to the same value
// (compared encoded: a NaN is not equal to itself).
func FuzzUnmarshal(f *testing.F) {
	seed, _ := Marshal(outer{E: "x", G: []inner{{Name: "x", Tags: []string{"x"}}}, H: map[string]json.RawMessage{"k": json.RawMessage("1")}})
	f.Add(seed)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outer
		if Unmarshal(data, &v) != nil {
			return
		}
		again, err := Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var w outer
		if err := Unmarshal(again, &w); err != nil {
			t.Fatal(err)
		}
		if third, _ := Marshal(w); string(third) != string(again) {
			t.Fatalf("re-encoded value decodes to %#v; want %#v", w, v)
		}
	})
}
