//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd)

package writeout

import (
	"errors"
	"io/fs"
	"os"
)

// tryLock creates the lock file, failing while it exists: where flock is
// missing (Windows), existence is the lock. It returns nil, nil while
// another run holds it. A killed run leaves the file behind; the next run
// then waits, and its error names the file to delete.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, nil
	}
	return f, err
}

// release closes the lock file before removing it: Windows cannot remove
// an open file. Until it is removed, nobody else can create it.
func release(path string, f *os.File) {
	f.Close()
	_ = os.Remove(path)
}
