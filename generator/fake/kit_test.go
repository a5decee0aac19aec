package fake_test

import (
	"bytes"
	"go/format"
	"os"
	"testing"

	"github.com/docbind/docbind/templates"
)

// TestKitUpToDate requires kit_gen.go to be what templates.Kit writes, so
// that docbind serve runs the engine every generated package holds.
func TestKitUpToDate(t *testing.T) {
	src, err := templates.Kit("fake")
	if err != nil {
		t.Fatal(err)
	}
	want, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("kit_gen.go")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("kit_gen.go is not what templates.Kit writes (%v); run go generate ./generator/fake", err)
	}
}
