// Command genkit writes generator/fake/kit_gen.go from templates.Kit:
// go generate ./generator/fake runs it.
package main

import (
	"fmt"
	"go/format"
	"os"

	"github.com/docbind/docbind/templates"
)

func main() {
	src, err := templates.Kit("fake")
	if err == nil {
		src, err = format.Source(src)
	}
	if err == nil {
		err = os.WriteFile("kit_gen.go", src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genkit:", err)
		os.Exit(1)
	}
}
