package writeout

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkApplyGraphSize writes a new folder of as many files as the
// Microsoft Graph v1.0 docs generate (5,102 of about 4 KB): a cold run's
// last step.
//
//	go test ./generator/writeout -run '^$' -bench ApplyGraphSize -benchtime 5x
func BenchmarkApplyGraphSize(b *testing.B) {
	content := make([]byte, 4<<10)
	changes := make([]Change, 5102)
	for i := range changes {
		changes[i] = Change{Name: fmt.Sprintf("page%04d_gen.go", i), Kind: Created, New: content}
	}
	for i := 0; b.Loop(); i++ {
		if _, err := Apply(filepath.Join(b.TempDir(), fmt.Sprint(i)), changes); err != nil {
			b.Fatal(err)
		}
	}
}
