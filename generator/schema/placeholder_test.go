package schema

import (
	"slices"
	"testing"
)

// TestPlaceholders covers the placeholder vocabulary of the Graph and
// OneDrive docs: each string value names a kind rather than being data.
func TestPlaceholders(t *testing.T) {
	tests := []struct {
		value string
		want  Kind
	}{
		{"string", String}, {"String", String}, {"String (identifier)", String}, {"string (etag)", String},
		{"url", String}, {"Guid", String},
		{"String (timestamp)", DateTime}, {"datetime", DateTime}, {"DateTimeOffset", DateTime}, {"timestamp", DateTime},
		{"Date", Date},
		{"String (time of day)", TimeOfDay},
		{"String (duration)", Duration}, {"String (ISO 8601 duration)", Duration},
		{"Boolean", Bool},
		{"Int32", Int32}, {"Integer", Int32}, {"Int64", Int64},
		{"Double", Float}, {"Single", Float},
		{"Binary", Bytes}, {"Stream", Stream}, {"Json", JSON},
		{"Edm.String", String}, {"Edm.Int64", Int64},
	}
	for _, tt := range tests {
		n, err := Infer(`"` + tt.value + `"`)
		if err != nil {
			t.Fatal(err)
		}
		if n.Kind != tt.want || !n.Placeholder {
			t.Errorf("%q: kind %v placeholder %v, want %v placeholder", tt.value, n.Kind, n.Placeholder, tt.want)
		}
	}
}

func TestEnumPlaceholders(t *testing.T) {
	tests := []struct {
		value string
		want  []string
	}{
		{"personal | business | documentLibrary", []string{"personal", "business", "documentLibrary"}},
		{"fail (default) | replace | rename", []string{"fail", "replace", "rename"}},
		{"view|edit", []string{"view", "edit"}},
		{"a | two words", nil},
		{"no bars", nil},
	}
	for _, tt := range tests {
		n, _ := Infer(`"` + tt.value + `"`)
		if !slices.Equal(n.EnumValues, tt.want) || (tt.want != nil) != (n.Kind == Enum) {
			t.Errorf("%q: kind %v values %v, want %v", tt.value, n.Kind, n.EnumValues, tt.want)
		}
	}
}

func TestRealValues(t *testing.T) {
	tests := []struct {
		json          string
		want          Kind
		zero, noCanon bool
	}{
		{`"2016-01-01T15:20:01.125Z"`, DateTime, false, false},
		{`"2019-03-15T09:00:00"`, DateTime, false, true},
		{`"2018-01-03T11:23:00.000Z"`, DateTime, false, true},
		{`85.0`, Float, false, false},
		{`123`, Int64, false, false},
		{`0`, Int64, true, false},
		{`false`, Bool, true, false},
		{`""`, String, true, false},
		{`{"@odata.type": "Edm.Stream"}`, Stream, false, false},
	}
	for _, tt := range tests {
		n, err := Infer(tt.json)
		if err != nil {
			t.Fatal(err)
		}
		if n.Kind != tt.want || n.ZeroSeen != tt.zero || n.NonCanonical != tt.noCanon {
			t.Errorf("%s: kind %v zero %v non-canonical %v", tt.json, n.Kind, n.ZeroSeen, n.NonCanonical)
		}
	}
}

func TestMergeKinds(t *testing.T) {
	tests := []struct {
		a, b      string
		want      Kind
		wantMixed bool
		wantNull  bool
	}{
		{`1`, `2.5`, Float, false, false},
		{`"Int32"`, `5`, Int32, false, false}, // a declaration beats a value
		{`5`, `"Int64"`, Int64, false, false}, // from either side
		{`"2016-01-01T00:00:00Z"`, `"x"`, String, false, false},
		{`1`, `"x"`, Int64, true, false},
		{`null`, `true`, Bool, false, true},
		{`"a | b"`, `"c | a"`, Enum, false, false},
	}
	for _, tt := range tests {
		a, _ := Infer(tt.a)
		b, _ := Infer(tt.b)
		m := Merge(a, b)
		if m.Kind != tt.want || m.Mixed != tt.wantMixed || m.NullSeen != tt.wantNull {
			t.Errorf("Merge(%s, %s) = %v mixed %v null %v", tt.a, tt.b, m.Kind, m.Mixed, m.NullSeen)
		}
	}
}

func TestRepair(t *testing.T) {
	tests := []struct {
		in, want string
		notes    int
	}{
		{`{"a": 1,}`, `{"a": 1 }`, 1},
		{"{\"a\": 1, // why\n \"b\": [2,]}", "{\"a\": 1,       \n \"b\": [2 ]}", 2},
		{`{"a": "x /* not a comment */", /* one */ "b": 2}`, `{"a": "x /* not a comment */",           "b": 2}`, 1},
		{`{"a": "\",}"}`, `{"a": "\",}"}`, 0},
	}
	for _, tt := range tests {
		got, notes := Repair(tt.in)
		if got != tt.want || len(notes) != tt.notes || len(got) != len(tt.in) {
			t.Errorf("Repair(%q) = %q with %d notes, want %q with %d", tt.in, got, len(notes), tt.want, tt.notes)
		}
	}
}
