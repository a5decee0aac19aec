package writeout

import (
	"bytes"
	"errors"
	"io/fs"
	"os"

	"github.com/docbind/docbind/generator/diag"
)

// ReadDocument reads a document docbind writes outside the output folder,
// such as the OpenAPI description: nil when it does not exist, a DB601
// error when it exists without marker, which docbind writes into it, so
// that docbind never overwrites a file it did not write. Apply writes it,
// with the output folder's files, as a Document.
func ReadDocument(path string, marker []byte) ([]byte, error) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, ioProblem(path, err)
	case !bytes.Contains(old, marker):
		return nil, problem(path, diag.BadOutput, "not written by docbind (it lacks %s), so docbind will not overwrite it: choose another file for the document, or delete this one if it is an old copy of docbind's", marker)
	}
	return old, nil
}
