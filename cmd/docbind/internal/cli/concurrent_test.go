package cli

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var concurrentN = flag.Int("concurrent.n", 5, "how many rounds of simultaneous runs TestConcurrentRunsTakeTurns starts")

// TestConcurrentRunsTakeTurns starts several docbind runs at once on one
// output folder, alternately from two doc sets with different packages
// and pages. The folder's lock makes them write one after the other, each
// planning against what the previous one left, so when all have ended the
// folder holds exactly the output of one complete run, never a mixture:
// as a rule the run that ended last (the runs before it ended as they
// released the lock, while it then still planned and rewrote the folder),
// but which process the test sees end last is up to the scheduler, so
// that is counted rather than required.
func TestConcurrentRunsTakeTurns(t *testing.T) {
	if testing.Short() {
		t.Skip("starts docbind many times; skipped with -short")
	}
	bin := buildDocbind(t)
	root := t.TempDir()
	docs := [2]string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	pkgs := [2]string{"alpha", "beta"}
	copyDocs(t, docs[0], 100)
	copyDocs(t, docs[1], 100)
	dropEvery(t, docs[1], 5) // so runs remove each other's files too
	var want [2]map[string]string
	var took time.Duration
	for i := range 2 {
		want[i], took = completeRun(t, bin, docs[i], pkgs[i])
	}
	out := filepath.Join(root, "out")
	lastWon := 0
	for round := range *concurrentN {
		last := runAtOnce(t, 4, took/2, func(i int) *exec.Cmd { return docbindCmd(bin, docs[i%2], out, pkgs[i%2]) })
		got := folderFiles(t, out)
		switch {
		case filesDiff(got, want[last%2]) == "":
			lastWon++
		case filesDiff(got, want[1-last%2]) != "":
			t.Fatalf("round %d: the folder is the output of no complete run: compared with package %s's: %s; with package %s's: %s",
				round, pkgs[last%2], filesDiff(got, want[last%2]), pkgs[1-last%2], filesDiff(got, want[1-last%2]))
		}
	}
	t.Logf("%d rounds of 4 runs at once, each leaving one complete output; in %d the output of the run seen to end last", *concurrentN, lastWon)
}

// runAtOnce starts n commands, each after a random pause of up to spread,
// checks that all succeed, and returns the index of the one that ended
// last.
func runAtOnce(t *testing.T, n int, spread time.Duration, command func(i int) *exec.Cmd) int {
	t.Helper()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		ended []int
		errs  = make([]error, n)
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(rand.N(spread))
			msg, err := command(i).CombinedOutput()
			mu.Lock()
			ended = append(ended, i)
			mu.Unlock()
			if err != nil {
				errs[i] = fmt.Errorf("run %d: %v\n%s", i, err, withoutWarnings(msg))
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return ended[n-1]
}

// withoutWarnings drops docbind's warnings about the docs from its output.
func withoutWarnings(output []byte) string {
	var kept []string
	for _, line := range strings.Split(string(output), "\n") {
		if !strings.Contains(line, ": warning DB") {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}
