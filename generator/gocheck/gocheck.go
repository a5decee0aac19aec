// Package gocheck type-checks a generated package with go/types before it
// is written, so that a run never leaves a package that does not build: the
// generator leaves out the pages whose code fails and generates again.
//
// The generated code imports the standard library only; its export data
// comes from the go command (go list -export), once per process for each
// package, so the check needs the Go toolchain that go generate runs
// docbind with anyway.
package gocheck

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/docbind/docbind/generator/par"
	"github.com/docbind/docbind/templates"
)

// Error is one type error, at a position in a generated file.
type Error struct {
	File      string // the generated file's name
	Line, Col int
	Msg       string
}

func (e Error) String() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ErrUnavailable wraps the reason the standard library could not be
// imported (no go command, say): the package was not checked.
var ErrUnavailable = errors.New("type-checking is unavailable")

// maxErrors bounds what one check collects: enough to find every broken
// page of a large package in one round.
const maxErrors = 2000

// Check type-checks the files (code and tests) as package pkg and returns
// its type errors, in file and position order. It returns ErrUnavailable
// when the standard library cannot be imported, and an error when a file
// does not parse.
func Check(pkg string, files []templates.File) ([]Error, error) {
	fset, parsed, err := Parse(files)
	if err != nil {
		return nil, err
	}
	return CheckParsed(pkg, fset, parsed)
}

// Parse parses the files in parallel, as CheckParsed takes them.
func Parse(files []templates.File) (*token.FileSet, []*ast.File, error) {
	fset := token.NewFileSet() // safe for concurrent parsing
	parsed := make([]*ast.File, len(files))
	parseErrs := make([]error, len(files))
	par.Do(len(files), 0, func(i int) {
		parsed[i], parseErrs[i] = parser.ParseFile(fset, files[i].Name, files[i].Content, parser.SkipObjectResolution)
	})
	return fset, parsed, errors.Join(parseErrs...)
}

// CheckParsed is Check on files already parsed into fset (with
// parser.SkipObjectResolution or not); the errors' file names are the
// names the files were parsed with. It does not change the files.
func CheckParsed(pkg string, fset *token.FileSet, parsed []*ast.File) ([]Error, error) {
	if err := loadExports(imports(parsed)); err != nil {
		return nil, err
	}
	var errs []Error
	var importErr error
	conf := types.Config{
		Importer: stdImporter{},
		Error: func(err error) {
			te, ok := err.(types.Error)
			if !ok || len(errs) >= maxErrors || strings.HasPrefix(te.Msg, "\t") {
				return // a "\tother declaration of x" line continues the error before it
			}
			if strings.Contains(te.Msg, "could not import") {
				importErr = fmt.Errorf("%w: %s", ErrUnavailable, te.Msg)
				return
			}
			p := te.Fset.Position(te.Pos)
			errs = append(errs, Error{File: p.Filename, Line: p.Line, Col: p.Column, Msg: te.Msg})
		},
	}
	conf.Check(pkg, fset, parsed, nil) // errors arrive through conf.Error
	if importErr != nil {
		return nil, importErr
	}
	slices.SortFunc(errs, func(a, b Error) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return errs, nil
}

func imports(files []*ast.File) []string {
	var paths []string
	for _, f := range files {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil && !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
	}
	slices.Sort(paths)
	return paths
}

// The export data of the standard library, shared by every check in the
// process: each go list costs a process start, and a fuzzer checks
// thousands of packages. Imported packages are only read once imported,
// so checks may share them.
var std struct {
	sync.Mutex
	exports map[string]string // import path -> export data file
	fset    *token.FileSet
	imp     types.Importer
}

// loadExports asks the go command, once, for the export data of the paths
// not yet known and of their dependencies.
func loadExports(paths []string) error {
	std.Lock()
	defer std.Unlock()
	if std.exports == nil {
		std.exports = map[string]string{}
		std.fset = token.NewFileSet()
		std.imp = importer.ForCompiler(std.fset, "gc", func(path string) (io.ReadCloser, error) {
			file, ok := std.exports[path]
			if !ok {
				return nil, fmt.Errorf("no export data for %q", path)
			}
			return os.Open(file)
		})
	}
	var missing []string
	for _, p := range paths {
		if _, ok := std.exports[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}={{.Export}}"}, missing...)...)
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	cmd.Dir = os.TempDir() // outside any module: the standard library only
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%w: go list: %v: %s", ErrUnavailable, err, strings.TrimSpace(stderr.String()))
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if path, file, ok := strings.Cut(sc.Text(), "="); ok && file != "" {
			std.exports[path] = file
		}
	}
	return nil
}

// stdImporter imports through the shared importer, one import at a time.
type stdImporter struct{}

func (stdImporter) Import(path string) (*types.Package, error) {
	std.Lock()
	defer std.Unlock()
	return std.imp.Import(path)
}
