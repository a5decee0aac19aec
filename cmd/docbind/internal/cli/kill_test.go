package cli

import (
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docbind/docbind/generator/writeout"
)

// These tests run the real docbind binary, many times: they kill it, and
// start several at once, as only separate processes can be.

var killN = flag.Int("kill.n", 20, "how many runs TestKilledRunsLeaveWholeFiles kills")

// TestKilledRunsLeaveWholeFiles kills docbind at random moments while it
// rewrites every file of an output folder, and removes some: each time,
// every .go file there is whole, either its old or its new version. A
// final run then completes, removing the leftover temporary files.
func TestKilledRunsLeaveWholeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills docbind many times; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("without flock a killed run leaves its lock file, and the next run waits for it")
	}
	bin := buildDocbind(t)
	root := t.TempDir()
	oldDocs, newDocs := filepath.Join(root, "old"), filepath.Join(root, "new")
	copyDocs(t, oldDocs, 400)
	copyDocs(t, newDocs, 400)
	dropEvery(t, newDocs, 7) // so a run removes stale files too
	// Another package name changes every file.
	old, _ := completeRun(t, bin, oldDocs, "before")
	want, _ := completeRun(t, bin, newDocs, "after")

	out := filepath.Join(root, "out")
	var writing, took time.Duration
	var before, midway, after int
	for i := range *killN {
		if i%10 == 0 {
			// Time a whole run now and then, as the machine's load changes.
			restore(t, out, old)
			writing, took = timedWritingRun(t, bin, newDocs, out, "after")
		}
		restore(t, out, old)
		temps := tempFiles(t, out)
		cmd := docbindCmd(bin, newDocs, out, "after")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Most kills land where files are written, the rest anywhere.
		from := writing - writing/5
		if i%4 == 3 {
			from = 0
		}
		time.Sleep(from + rand.N(took-from+1))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		olds, news := checkWholeFiles(t, out, old, want)
		switch {
		case olds == 0:
			after++
		case news > 0 || hasNewTemp(t, out, temps):
			midway++
		default:
			before++
		}
	}
	t.Logf("of %d runs (about %v each, writing from %v), %d were killed before writing, %d while writing, %d after; %d temporary files are left",
		*killN, took.Round(time.Millisecond), writing.Round(time.Millisecond), before, midway, after, len(tempFiles(t, out)))

	if code, msg := runDocbind(bin, newDocs, out, "after"); code != 0 {
		t.Fatalf("the run after the kills: exit %d:\n%s", code, msg)
	}
	checkFolderIs(t, out, want)
}

// timedWritingRun runs docbind to its end and says when it started writing
// (it takes the folder's lock just before) and how long it took.
func timedWritingRun(t *testing.T, bin, docs, out, pkg string) (writing, took time.Duration) {
	t.Helper()
	lock := filepath.Join(out, writeout.LockName)
	// A killed run leaves its lock file (the lock itself dies with it):
	// clear it so that the file appearing marks this run's writing.
	if err := os.Remove(lock); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	cmd := docbindCmd(bin, docs, out, pkg)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("generating %s: %v", docs, err)
			}
			took = time.Since(start)
			if writing == 0 {
				writing = took / 2 // the lock came and went between polls
			}
			return writing, took
		case <-time.After(200 * time.Microsecond):
			if _, err := os.Lstat(lock); err == nil && writing == 0 {
				writing = time.Since(start)
			}
		}
	}
}

// checkWholeFiles checks that every .go file in out is either its old or
// its new version, whole, and that no other files are there than
// temporary files and the lock of a killed run. It counts the files of
// each version.
func checkWholeFiles(t *testing.T, out string, old, new map[string]string) (olds, news int) {
	t.Helper()
	for name, content := range folderFiles(t, out) {
		oldVersion, isOld := old[name]
		newVersion, isNew := new[name]
		switch {
		case !strings.HasSuffix(name, ".go"):
			if !isTemp(name) && name != writeout.LockName {
				t.Errorf("%s appeared", name)
			}
		case isNew && content == newVersion:
			news++
		case isOld && content == oldVersion:
			olds++
		default:
			t.Errorf("%s is neither its old nor its new version (%d bytes)", name, len(content))
		}
	}
	return olds, news
}

// restore puts the old output back, keeping what a killed run left that
// is not a .go file: the next run has to clean that up.
func restore(t *testing.T, out string, old map[string]string) {
	t.Helper()
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	have := folderFiles(t, out)
	for name := range have {
		if _, ok := old[name]; !ok && strings.HasSuffix(name, ".go") {
			remove(t, filepath.Join(out, name))
		}
	}
	for name, content := range old {
		if have[name] == content {
			continue
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var temps []string
	for name := range folderFiles(t, dir) {
		if isTemp(name) {
			temps = append(temps, name)
		}
	}
	return temps
}

// hasNewTemp reports whether dir holds a temporary file not in before.
func hasNewTemp(t *testing.T, dir string, before []string) bool {
	t.Helper()
	return slices.ContainsFunc(tempFiles(t, dir), func(name string) bool { return !slices.Contains(before, name) })
}

func isTemp(name string) bool {
	ok, _ := filepath.Match(".docbind-*.tmp", name)
	return ok
}
