package gocheck

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/docbind/docbind/templates"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    []string // "file:line" and a part of the message, in order
		wantErr string
	}{
		{"clean, with the standard library and a test file", map[string]string{
			"a.go":      "package p\n\nimport \"net/http\"\n\nvar H http.Handler = http.NotFoundHandler()\n",
			"a_test.go": "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { _ = H }\n",
		}, nil, ""},
		{"type errors in two files, sorted, continuation lines dropped", map[string]string{
			"b.go": "package p\n\nvar X int = \"s\"\n",
			"a.go": "package p\n\ntype T struct{}\n\ntype T struct{}\n",
		}, []string{"a.go:5 T redeclared", "b.go:3 cannot use \"s\""}, ""},
		{"a file that does not parse", map[string]string{"a.go": "package p\n\nfunc {\n"}, nil, "a.go:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []templates.File
			for name, src := range tt.files {
				files = append(files, templates.File{Name: name, Content: []byte(src)})
			}
			errs, err := Check("p", files)
			if errors.Is(err, ErrUnavailable) && os.Getenv("CI") != "true" {
				t.Skip(err) // no go command here; CI always has one
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want an error with %q, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("got %v, want %v", errs, tt.want)
			}
			for i, w := range tt.want {
				where, msg, _ := strings.Cut(w, " ")
				got := errs[i]
				if got.File+":"+itoa(got.Line) != where || !strings.Contains(got.Msg, msg) {
					t.Errorf("error %d: got %s, want %s", i, got, w)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
