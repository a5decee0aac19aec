// Command docbind generates a Go client, server and tests from Markdown API
// docs annotated in the Microsoft Graph / OneDrive convention.
//
// Usage:
//
//	docbind [-docs DIR] [-out DIR] [-package NAME] [-check]
//
// With no flags it regenerates out/ from docs/. Under go generate, write:
//
//	//go:generate go tool docbind -docs ../apidocs -out . -package graph
package main

import (
	"os"

	"github.com/docbind/docbind/cmd/docbind/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
