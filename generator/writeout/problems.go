package writeout

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/docbind/docbind/generator/diag"
)

// The errors of this package are diagnostics naming one path, so the
// command line prints them as "path: error DB6xx: message" lines, like
// every other problem docbind reports.

// problem is a refusal or failure about path.
func problem(path string, code diag.Code, format string, args ...any) error {
	return diag.ErrorList{{Pos: diag.Pos{File: path}, Severity: diag.Error, Code: code, Message: fmt.Sprintf(format, args...)}}
}

// ioProblem turns a failed file operation on path into a diagnostic,
// naming the file the system call failed on when the error says which.
func ioProblem(path string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return problem(pathErr.Path, diag.OutputIO, "%s: %v", pathErr.Op, pathErr.Err)
	case errors.As(err, &linkErr):
		return problem(linkErr.New, diag.OutputIO, "%s from %s: %v", linkErr.Op, linkErr.Old, linkErr.Err)
	}
	return problem(path, diag.OutputIO, "%v", err)
}

// joinProblems merges the diagnostics of many files into one sorted list,
// nil when there is none.
func joinProblems(errs []error) error {
	var all diag.List
	for _, err := range errs {
		var list diag.ErrorList
		switch {
		case err == nil:
		case errors.As(err, &list):
			all = append(all, list...)
		default:
			all = append(all, diag.Diagnostic{Severity: diag.Error, Code: diag.OutputIO, Message: err.Error()})
		}
	}
	return all.Err()
}
