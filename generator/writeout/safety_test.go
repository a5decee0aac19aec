package writeout

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/templates"
)

// TestPlanNeverWritesThroughLinks plants, under a name docbind generates,
// things that are not regular files: Plan refuses each, naming it, and
// the file a link points to is left alone even when docbind generated it.
func TestPlanNeverWritesThroughLinks(t *testing.T) {
	tests := []struct {
		name  string
		plant func(t *testing.T, dir, elsewhere string)
		msg   string
	}{
		{"link to a generated file", func(t *testing.T, dir, elsewhere string) {
			symlink(t, filepath.Join(elsewhere, "victim_gen.go"), filepath.Join(dir, "client_gen.go"))
		}, "is a symbolic link"},
		{"link to nothing", func(t *testing.T, dir, elsewhere string) {
			symlink(t, filepath.Join(elsewhere, "missing.go"), filepath.Join(dir, "client_gen.go"))
		}, "is a symbolic link"},
		{"link to a folder", func(t *testing.T, dir, elsewhere string) {
			symlink(t, elsewhere, filepath.Join(dir, "client_gen.go"))
		}, "is a symbolic link"},
		{"a folder", func(t *testing.T, dir, _ string) {
			mkdir(t, dir, "client_gen.go")
		}, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, elsewhere := t.TempDir(), t.TempDir()
			write(t, elsewhere, "victim_gen.go", hdr)
			tt.plant(t, dir, elsewhere)
			_, err := Plan(dir, []templates.File{{Name: "client_gen.go", Content: []byte(hdr + "// new\n")}})
			checkProblem(t, err, diag.OutputNotRegular, filepath.Join(dir, "client_gen.go"), tt.msg)
			if got, _ := os.ReadFile(filepath.Join(elsewhere, "victim_gen.go")); string(got) != hdr {
				t.Error("the file the link points to changed")
			}
		})
	}
}

// TestStaleLinksAreKept: a link named like a stale generated file is not
// docbind's file, so it is neither followed nor removed.
func TestStaleLinksAreKept(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	write(t, elsewhere, "victim_gen.go", hdr)
	symlink(t, filepath.Join(elsewhere, "victim_gen.go"), filepath.Join(dir, "old_gen.go"))
	changes, err := Plan(dir, nil)
	if err != nil || len(changes) != 0 {
		t.Fatalf("plan %v, %v; want nothing to do", changes, err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "old_gen.go")); err != nil {
		t.Error(err)
	}
}

// TestApplyRemovesLeftoverTempFiles: the temporary files of a killed run
// go, and only they: nothing merely named alike, no link, no folder.
func TestApplyRemovesLeftoverTempFiles(t *testing.T) {
	if strings.HasSuffix(tempPattern, ".go") || !strings.HasPrefix(tempPattern, ".") {
		t.Fatalf("temporary files %s could be compiled", tempPattern)
	}
	dir, elsewhere := t.TempDir(), t.TempDir()
	write(t, dir, ".docbind-123456.tmp", "half a fi")
	write(t, dir, ".docbind-.tmp", "")
	for _, name := range []string{"docbind-1.tmp", ".docbind-1.tmp.go", ".docbind-1.tmpx", "x.tmp", ".docbind.lock"} {
		write(t, dir, name, "not a leftover")
	}
	mkdir(t, dir, ".docbind-2.tmp")
	write(t, elsewhere, "target", "kept")
	symlink(t, filepath.Join(elsewhere, "target"), filepath.Join(dir, ".docbind-3.tmp"))
	if _, err := Apply(dir, []Change{{Name: "new_gen.go", Kind: Created, New: []byte(hdr)}}); err != nil {
		t.Fatal(err)
	}
	want := []string{".docbind-1.tmp.go", ".docbind-1.tmpx", ".docbind-2.tmp", ".docbind-3.tmp", ".docbind.lock", "docbind-1.tmp", "new_gen.go", "x.tmp"}
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	if data, _ := os.ReadFile(filepath.Join(elsewhere, "target")); string(data) != "kept" {
		t.Error("a link's target was touched")
	}
}

func TestLockTakesTurns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	unlock, err := Lock(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(dir, 20*time.Millisecond)
	checkProblem(t, err, diag.OutputLocked, filepath.Join(dir, LockName), "delete this file")

	// The second Lock must return only after the first is released: the
	// order of two events, not a duration, so a slow machine cannot flake it.
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(50 * time.Millisecond)
		releasing := time.Now()
		unlock()
		released <- releasing
	}()
	unlock2, err := Lock(dir, 10*time.Second)
	acquired := time.Now()
	if err != nil {
		t.Fatal(err)
	}
	if releasing := <-released; acquired.Before(releasing) {
		t.Errorf("took the lock %v before it was released", releasing.Sub(acquired))
	}
	unlock2()
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("unlocking left %v", got)
	}
}

func TestLockRefusesLinks(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	symlink(t, filepath.Join(elsewhere, "lock"), filepath.Join(dir, LockName))
	_, err := Lock(dir, time.Second)
	checkProblem(t, err, diag.OutputNotRegular, filepath.Join(dir, LockName), "is a symbolic link")
	if got := names(t, elsewhere); len(got) != 0 {
		t.Errorf("the lock was created through the link: %v", got)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
