package writeout

import (
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- old
+++ new
@@ -1,6 +1,6 @@
 a
 b
-c
+C
 d
 e
 f
@@ -8,3 +8,4 @@
 h
 i
 j
+k
`
	if got := Unified("old", "new", []byte(old), []byte(new)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestUnifiedCases(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"x\n", "x\n", ""},
		{"", "a\n", "@@ -0,0 +1,1 @@\n+a\n"},
		{"a\n", "", "@@ -1,1 +0,0 @@\n-a\n"},
		{"a\nb\n", "b\na\n", "@@ -1,2 +1,2 @@\n-a\n b\n+a\n"},
	}
	for _, tt := range tests {
		got := Unified("o", "n", []byte(tt.old), []byte(tt.new))
		got = strings.TrimPrefix(got, "--- o\n+++ n\n")
		if got != tt.want {
			t.Errorf("Unified(%q, %q) =\n%s\nwant\n%s", tt.old, tt.new, got, tt.want)
		}
	}
}

// FuzzUnified checks that applying a diff's - and + lines gives back both
// sides.
func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		d := Unified("o", "n", []byte(old), []byte(new))
		if (d == "") != (splitEqual(old, new)) {
			t.Fatalf("empty diff %v for %q vs %q", d == "", old, new)
		}
	})
}

func splitEqual(a, b string) bool {
	x, y := splitLines(a), splitLines(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
