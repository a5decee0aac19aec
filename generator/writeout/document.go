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
// that docbind never overwrites a file it did not write.
func ReadDocument(path string, marker []byte) ([]byte, error) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, ioProblem(path, err)
	case !bytes.Contains(old, marker):
		return nil, problem(path, diag.BadOutput, "not written by docbind (no %s); refusing to overwrite it", marker)
	}
	return old, nil
}

// WriteDocument writes such a document whole or not at all; the caller
// has read it with ReadDocument, and writes it only when it differs.
func WriteDocument(path string, content []byte) error {
	return writeAtomic(path, content)
}
