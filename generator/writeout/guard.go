package writeout

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/templates"
)

// CheckTarget refuses an output folder docbind has no business writing:
// an existing file, the docs folder, or
// a folder whose hand-written Go belongs to another package than pkg. It
// only reads, so a refused run leaves everything as it was.
func CheckTarget(out, docs, pkg string) error {
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return checkOverlap(out, docs) // a folder to create: only its place matters
	case err != nil:
		return ioProblem(out, err)
	case !info.IsDir():
		return problem(out, diag.OutputNotFolder, "-out is a file, not a folder; docbind writes a folder of files")
	}
	if err := checkOverlap(out, docs); err != nil {
		return err
	}
	return checkPackage(out, pkg)
}

// checkOverlap refuses an output folder that is the docs folder. Folders
// are compared by identity (os.SameFile) after resolving symbolic links,
// so neither a link nor another spelling of a name on a case-insensitive
// disk hides it. A folder inside the docs (-docs . -out api) or holding
// them (-docs apidocs -out .) is fine: docbind reads only .md pages and
// writes only *_gen.go files at the top of the output folder.
func checkOverlap(out, docs string) error {
	docsInfo, err := os.Stat(docs)
	if err != nil {
		return nil // no docs folder to protect; reading it fails later
	}
	if ancestorDepth(resolve(out), docsInfo) == 0 {
		return problem(out, diag.OutputOverlapsDocs, "-out is the docs folder; refusing to write into it")
	}
	return nil
}

// resolve makes path absolute with its symbolic links resolved, as far as
// it exists: a folder not created yet is resolved through its parent.
func resolve(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			return abs
		}
	}
	parent := filepath.Dir(path)
	if parent == path {
		return path
	}
	return filepath.Join(resolve(parent), filepath.Base(path))
}

// ancestorDepth says how many levels up from path the folder dir is: 0 for
// path itself, -1 when dir is not path or one of its parents.
func ancestorDepth(path string, dir fs.FileInfo) int {
	for depth := 0; ; depth++ {
		if info, err := os.Stat(path); err == nil && os.SameFile(info, dir) {
			return depth
		}
		parent := filepath.Dir(path)
		if parent == path {
			return -1
		}
		path = parent
	}
}

// checkPackage refuses a folder whose hand-written Go belongs to another
// package: the generated files would join it and the package would not
// compile. Hand-written Go of the same package is the go:generate case.
func checkPackage(out, pkg string) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		return ioProblem(out, err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		path := filepath.Join(out, e.Name())
		name, err := handWrittenPackage(path)
		if err != nil {
			return err
		}
		if name != "" && name != pkg {
			return problem(path, diag.OutputOtherPackage, "hand-written Go of package %s, but docbind generates package %s here; set -package or choose another -out", name, pkg)
		}
	}
	return nil
}

// handWrittenPackage returns the package a hand-written Go file belongs
// to, an external test package (foo_test) counting as its package (foo).
// It returns "" for a file handWritten skips.
func handWrittenPackage(path string) (string, error) {
	f, err := handWritten(path)
	if f == nil || err != nil {
		return "", err
	}
	return strings.TrimSuffix(f.Name.Name, "_test"), nil
}

// handWritten parses the package clause of a hand-written Go file, and
// the comments above it. It returns nil for a file docbind generated (it
// will be rewritten), one the go tool ignores (//go:build ignore, as
// generator scripts are), and one without a readable package clause,
// which the compiler reports better.
func handWritten(path string) (*ast.File, error) {
	src, err := readUnlessGenerated(path)
	if src == nil || err != nil {
		return nil, err
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return nil, nil
	}
	for _, group := range f.Comments {
		for _, c := range group.List {
			if c.Pos() < f.Package && c.Text == "//go:build ignore" {
				return nil, nil
			}
		}
	}
	return f, nil
}

// HasPackageDoc reports whether a hand-written Go file in out, not a test,
// documents the package: then docbind generates no package comment of its
// own (doc_gen.go), which go doc would show run into the user's. A folder
// that does not exist yet holds none.
func HasPackageDoc(out string) (bool, error) {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, ioProblem(out, err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := handWritten(filepath.Join(out, e.Name()))
		if err != nil {
			return false, err
		}
		// Text drops directives (//go:generate): they document nothing.
		if f != nil && f.Doc != nil && strings.TrimSpace(f.Doc.Text()) != "" {
			return true, nil
		}
	}
	return false, nil
}

// readUnlessGenerated reads a Go file, or returns nil after its first line
// if docbind generated it (most files in an output folder are, and a run
// that finds nothing to do should not read them twice), or nil if it is
// gone.
func readUnlessGenerated(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		// Listed, then removed: another run, which holds the lock this
		// check runs without, found it stale.
		return nil, nil
	}
	if err != nil {
		return nil, ioProblem(path, err)
	}
	defer f.Close()
	head := make([]byte, len("// "+templates.Header)+len("\r\n"))
	n, _ := io.ReadFull(f, head)
	if IsGenerated(head[:n]) {
		return nil, nil
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return nil, ioProblem(path, err)
	}
	return append(head[:n], rest...), nil
}
