package diag

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestLinesPos(t *testing.T) {
	l := NewLines("f.md", []byte("ab\ncd\n\nx"))
	tests := []struct {
		offset int
		want   string
	}{
		{0, "f.md:1:1"}, {1, "f.md:1:2"}, {2, "f.md:1:3"}, {3, "f.md:2:1"}, {6, "f.md:3:1"}, {7, "f.md:4:1"}, {-1, "f.md"},
	}
	for _, tt := range tests {
		if got := l.Pos(tt.offset).String(); got != tt.want {
			t.Errorf("Pos(%d) = %s, want %s", tt.offset, got, tt.want)
		}
	}
}

func TestSorted(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.md", Line: 1, Col: 1}, "DB1", "w")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 1}, "DB1", "e")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, "DB1", "e")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, "DB1", "e")
	got := l.Sorted()
	want := []string{"a.md:2:5: error DB1: e", "a.md:10:1: error DB1: e", "b.md:1:1: warning DB1: w"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	if !l.HasErrors() || l.Err() == nil {
		t.Error("errors not reported")
	}
}

func TestCapped(t *testing.T) {
	var l List
	for line := 1; line <= 5; line++ {
		l.Warnf(Pos{File: "a.md", Line: line, Col: 1}, "DB2", "w")
	}
	l.Errorf(Pos{File: "a.md", Line: 9, Col: 1}, "DB1", "e")
	tests := []struct {
		limit       int
		wantLines   []int
		wantOmitted int
	}{
		{0, []int{1, 2, 3, 4, 5, 9}, 0},
		{6, []int{1, 2, 3, 4, 5, 9}, 0},
		{3, []int{1, 2, 9}, 3}, // the error is kept, positions stay in order
		{1, []int{9}, 5},
	}
	for _, tt := range tests {
		shown, omitted := l.Sorted().Capped(tt.limit)
		var lines []int
		for _, d := range shown {
			lines = append(lines, d.Pos.Line)
		}
		if !slices.Equal(lines, tt.wantLines) || omitted != tt.wantOmitted {
			t.Errorf("Capped(%d) shows lines %v and omits %d, want %v and %d", tt.limit, lines, omitted, tt.wantLines, tt.wantOmitted)
		}
	}
}

// TestREADMEExplainsEveryCode keeps the README's table of codes equal to
// Explanations.
func TestREADMEExplainsEveryCode(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for code, text := range Explanations {
		if row := "| " + string(code) + " | " + text + " |"; !strings.Contains(string(readme), row) {
			t.Errorf("README lacks the row %s", row)
		}
	}
	if n := strings.Count(string(readme), "\n| DB"); n != len(Explanations) {
		t.Errorf("README lists %d codes, Explanations %d", n, len(Explanations))
	}
}
