//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package writeout

import (
	"errors"
	"os"
	"syscall"
)

// tryLock opens the lock file and takes an exclusive flock on it without
// waiting; it returns nil, nil while another run holds it. The kernel
// drops a flock when its process dies, so a killed run never leaves the
// folder locked.
func tryLock(path string) (*os.File, error) {
	// O_NOFOLLOW: never create or lock a file a planted link points to.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, err
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	// The holder before us removes the file as it lets go (see release):
	// if we locked a file no longer at path, the next run would lock
	// another one, so start over.
	if !stillAt(path, f) {
		f.Close()
		return nil, nil
	}
	return f, nil
}

func stillAt(path string, f *os.File) bool {
	at, err1 := os.Lstat(path)
	held, err2 := f.Stat()
	return err1 == nil && err2 == nil && os.SameFile(at, held)
}

// release removes the lock file while still holding it, then unlocks: a
// run that opened the file meanwhile finds it gone (stillAt) and retries.
// Failing to remove it is harmless: the next run locks the same file.
func release(path string, f *os.File) {
	_ = os.Remove(path)
	f.Close()
}
