package writeout

import (
	"fmt"
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

// FuzzUnified checks that applying a diff to the old text gives the new.
func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd\n")
	f.Add("x\n", "")
	f.Fuzz(func(t *testing.T, old, new string) {
		if !strings.HasSuffix(old, "\n") || !strings.HasSuffix(new, "\n") {
			return // the no-newline marker is checked by the table tests
		}
		d := Unified("o", "n", []byte(old), []byte(new))
		if got := apply(t, old, d); got != new {
			t.Fatalf("applying\n%s\nto %q gives %q, want %q", d, old, got, new)
		}
	})
}

// apply applies a unified diff to text.
func apply(t *testing.T, text, diff string) string {
	if diff == "" {
		return text
	}
	old := splitLines(text)
	var out []string
	pos := 0
	for _, line := range splitLines(diff)[2:] {
		switch {
		case strings.HasPrefix(line, "@@"):
			var a, b, c, d int
			if _, err := fmt.Sscanf(line, "@@ -%d,%d +%d,%d @@", &a, &b, &c, &d); err != nil {
				t.Fatalf("bad hunk header %q", line)
			}
			start := max(a-1, 0)
			if b == 0 {
				start = a
			}
			out = append(out, old[pos:start]...)
			pos = start
		case strings.HasPrefix(line, " "):
			out = append(out, old[pos])
			pos++
		case strings.HasPrefix(line, "-"):
			pos++
		case strings.HasPrefix(line, "+"):
			out = append(out, line[1:])
		}
	}
	return strings.Join(append(out, old[pos:]...), "")
}
