package writeout

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/docbind/docbind/generator/diag"
)

// LockName is the lock file a writing run keeps in the output folder. It
// starts with a dot and is not a .go file, so the go tool ignores it, and
// Plan never takes it for a stale file.
const LockName = ".docbind.lock"

// Lock takes the output folder's lock, creating the folder, and waits up
// to wait while another run holds it. Writing runs hold it from Plan to
// Apply, so two runs on one folder take turns and each plans against what
// the previous one finished writing. The returned unlock removes the lock
// file again, leaving the folder as docbind found it.
func Lock(dir string, wait time.Duration) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, ioProblem(dir, err)
	}
	path := filepath.Join(dir, LockName)
	deadline := time.Now().Add(wait)
	// Poll rather than block: a blocking lock cannot give up at a deadline.
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		if err := mustBeRegular(path); err != nil {
			return nil, err
		}
		f, err := tryLock(path)
		if err != nil {
			return nil, lockProblem(dir, path, err)
		}
		if f != nil {
			return func() { release(path, f) }, nil
		}
		if time.Now().After(deadline) {
			return nil, problem(path, diag.OutputLocked, "another docbind run has held the output folder's lock for %v; if none is running, delete this file", wait)
		}
		time.Sleep(pause)
	}
}

// lockProblem reports a lock file that cannot be opened. When it is not
// there, creating it failed: the folder is what cannot be written (read
// only, say), so the diagnostic names the folder, not a file the user
// never made.
func lockProblem(dir, path string, err error) error {
	if _, statErr := os.Lstat(path); errors.Is(statErr, fs.ErrNotExist) {
		return problem(dir, diag.OutputIO, "cannot create files in this folder: %v", underlying(err))
	}
	return ioProblem(path, err)
}

// mustBeRegular refuses a lock file that is a symbolic link or not a file:
// opening it would create or lock a file elsewhere.
func mustBeRegular(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return ioProblem(path, err)
	case !info.Mode().IsRegular():
		return notRegular(path, info)
	}
	return nil
}
