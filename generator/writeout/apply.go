package writeout

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/par"
)

// Document is a file docbind writes outside the output folder, such as
// the OpenAPI description: its path, its content as ReadDocument found it
// (nil when there is none) and its new content.
type Document struct {
	Path     string
	Old, New []byte
}

// Apply makes the planned changes in dir and writes the documents, all or
// none, and returns how many files it changed.
//
// Every new content is first written to a temporary file beside its
// target (tempPattern, never a .go name), and the content each change
// replaces or removes is kept under another temporary name (a hard link,
// else a copy of what Plan read); only when all are written are they
// renamed into place, one by one. A rename is atomic, so a reader, or a
// run killed at any moment, sees every file whole, old or new. When a
// rename fails, the files already renamed are put back (new ones
// removed, replaced and removed ones restored from what was kept), so
// the folder is as it was and Apply changed no file; a file that cannot
// be put back is reported, and counted as changed. Files are written in
// parallel, since with thousands of small files the system calls
// dominate; they are renamed in order.
//
// Apply first removes the temporary files a killed run left behind. Other
// runs' temporary files look the same, so when other runs may write the
// folder, hold its Lock from Plan to Apply.
func Apply(dir string, changes []Change, docs ...Document) (int, error) {
	return osFiles.apply(dir, changes, docs)
}

// fileOps are the calls that put files in place and back: the os
// package's, which tests replace to make the n-th one fail.
type fileOps struct {
	rename func(oldpath, newpath string) error
	link   func(oldname, newname string) error
}

var osFiles = fileOps{rename: os.Rename, link: os.Link}

// A step is one file of a batch, with what it takes to undo it.
type step struct {
	target   string
	kind     ChangeKind
	old, new []byte
	temp     string // the new content, beside target; "" for a removal
	backup   string // what the target held until the batch is in place; "" for a new file
}

func (o fileOps) apply(dir string, changes []Change, docs []Document) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, ioProblem(dir, err)
	}
	if err := removeLeftovers(dir); err != nil {
		return 0, err
	}
	steps := batch(dir, changes, docs)
	defer discard(steps)
	if err := o.stage(steps); err != nil {
		return 0, err
	}
	done, err := o.commit(steps)
	if err == nil {
		return len(steps), nil
	}
	notUndone := o.undo(steps[:done])
	if len(notUndone) == 0 {
		err = withNote(err, "; no file was changed")
	}
	return len(notUndone), joinProblems(append([]error{err}, notUndone...))
}

// batch lists the steps of the changes in dir and of the documents.
func batch(dir string, changes []Change, docs []Document) []step {
	var steps []step
	for _, c := range changes {
		steps = append(steps, step{target: filepath.Join(dir, c.Name), kind: c.Kind, old: c.Old, new: c.New})
	}
	for _, d := range docs {
		kind := Updated
		if d.Old == nil {
			kind = Created
		}
		steps = append(steps, step{target: d.Path, kind: kind, old: d.Old, new: d.New})
	}
	return steps
}

// stage writes every new content and keeps every old one under temporary
// names, changing no target.
func (o fileOps) stage(steps []step) error {
	errs := make([]error, len(steps))
	// More writers than CPUs: the work is system calls, not computation.
	par.Do(len(steps), 2*runtime.GOMAXPROCS(0), func(i int) {
		errs[i] = o.stageOne(&steps[i])
	})
	return joinProblems(errs)
}

func (o fileOps) stageOne(s *step) error {
	var err error
	if s.kind != Removed {
		if s.temp, err = writeTemp(s.target, s.new); err != nil {
			return err
		}
	}
	switch s.kind {
	case Updated:
		s.backup, err = o.keepOld(s)
	case Removed:
		// Committing renames the target over this empty file: it is
		// removed and kept in one atomic step.
		s.backup, err = writeTemp(s.target, nil)
	}
	return err
}

// keepOld keeps the content a step replaces under a temporary name: a
// hard link to the file costs no copy, and where links are not to be had
// the content Plan read, which the lock kept as it is, is written again.
func (o fileOps) keepOld(s *step) (string, error) {
	backup := strings.TrimSuffix(s.temp, ".tmp") + ".old.tmp" // free: s.temp's name is ours
	if o.link(s.target, backup) == nil {
		return backup, nil
	}
	f, err := os.OpenFile(backup, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", problem(s.target, diag.OutputIO, "cannot keep a copy while it is replaced: %v", underlying(err))
	}
	_, err = f.Write(s.old)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(backup)
		return "", problem(s.target, diag.OutputIO, "cannot keep a copy while it is replaced: %v", underlying(err))
	}
	return backup, nil
}

// writeTemp writes content to a new temporary file in target's folder and
// returns its name. It does not fsync: rename makes the switch atomic for
// every process, which is what a generator needs; surviving a power cut
// is not worth an fsync per file, since the output can be regenerated.
func writeTemp(target string, content []byte) (string, error) {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		// Creating a file fails for the folder (read-only, not there), not for target.
		return "", problem(dir, diag.OutputIO, "cannot create files in this folder: %v", underlying(err))
	}
	_, err = tmp.Write(content)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", problem(target, diag.OutputIO, "cannot be written: %v", underlying(err))
	}
	return tmp.Name(), nil
}

// commit renames the staged steps into place in order, and stops at the
// first that fails: it returns how many are done.
func (o fileOps) commit(steps []step) (int, error) {
	for i, s := range steps {
		var err error
		if s.kind == Removed {
			err = o.rename(s.target, s.backup)
		} else {
			// Rename replaces target itself, never a file a link there points to.
			err = o.rename(s.temp, s.target)
		}
		if err != nil {
			return i, problem(s.target, diag.OutputIO, "cannot be %s: %v", s.kind.participle(), underlying(err))
		}
	}
	return len(steps), nil
}

// undo puts the targets of steps done back as they were, the last first,
// and reports those it cannot.
func (o fileOps) undo(done []step) []error {
	var failed []error
	for i := len(done) - 1; i >= 0; i-- {
		s := done[i]
		var err error
		if s.kind == Created {
			if err = os.Remove(s.target); errors.Is(err, fs.ErrNotExist) {
				err = nil
			}
		} else {
			err = o.rename(s.backup, s.target)
		}
		if err != nil {
			failed = append(failed, problem(s.target, diag.OutputIO, "was %s but cannot be put back as it was: %v; run docbind again", s.kind.participle(), underlying(err)))
		}
	}
	return failed
}

// discard removes the temporary files of steps: those not renamed, the
// content kept of replaced and removed files. Failing to is harmless, as
// the next run removes leftovers.
func discard(steps []step) {
	for _, s := range steps {
		for _, name := range []string{s.temp, s.backup} {
			if name != "" {
				_ = os.Remove(name)
			}
		}
	}
}

// participle says what a change does to its target, after "cannot be"
// or "was".
func (k ChangeKind) participle() string {
	return [...]string{"created", "replaced", "removed"}[k]
}

// underlying is the system's reason of a failed file operation, without
// the paths, which are temporary names: the diagnostic names the file.
func underlying(err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return pathErr.Err
	case errors.As(err, &linkErr):
		return linkErr.Err
	}
	return err
}

// withNote adds a note to the message of a one-diagnostic error.
func withNote(err error, note string) error {
	var list diag.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return err
	}
	list = append(diag.ErrorList(nil), list...)
	list[0].Message += note
	return list
}
