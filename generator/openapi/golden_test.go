package openapi

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.openapi.json")

// TestSeedGolden pins the seed's document, which a reviewer reads against
// the docs, and checks that building it twice gives the same bytes.
func TestSeedGolden(t *testing.T) {
	api := buildDocs(t, "../../docs", "docs")
	got, err := Marshal(Build(api, Settings{Title: "Seed", Version: "1.0.0"}))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Marshal(Build(api, Settings{Title: "Seed", Version: "1.0.0"}))
	if !bytes.Equal(got, again) {
		t.Error("two builds of one model differ")
	}
	const golden = "testdata/seed.openapi.json"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s differs from the document built (%v); run go test ./generator/openapi -run TestSeedGolden -update and review the diff", golden, err)
	}
}
