package naming

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 5, 0},
		{"kitten", "sitting", 10, 3},
		{"kitten", "sitting", 2, 3}, // over the limit: limit+1
		{"abc", "abcdefgh", 3, 4},   // lengths alone exceed it
		{"note", "notes", 1, 1},
		{"GetNote", "GetNote", 0, 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
