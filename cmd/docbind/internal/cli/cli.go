// Package cli is docbind's command line: flags, exit codes and messages.
// It is a package apart from main so tests can run it in-process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/writeout"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1 // errors in the docs, stale files under -check, or I/O failures
	ExitUsage = 2
)

type options struct {
	docs, out, pkg string
	check          bool
}

// Run runs docbind with the given arguments and returns its exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	opt, code := parseFlags(args, stderr)
	if code >= 0 {
		return code
	}
	res, err := generator.Generate(os.DirFS(opt.docs), generator.Options{DocsLabel: docsLabel(opt.docs), Package: opt.pkg})
	if res != nil {
		for _, d := range res.Diags {
			fmt.Fprintln(stderr, d)
		}
	}
	if err != nil {
		var list diag.ErrorList
		if !errors.As(err, &list) {
			fmt.Fprintf(stderr, "docbind: %v\n", err)
		}
		return ExitFail
	}
	changes, err := writeout.Plan(opt.out, res.Files)
	if err != nil {
		fmt.Fprintf(stderr, "docbind: %v\n", err)
		return ExitFail
	}
	if opt.check {
		return reportStale(opt, changes, stderr)
	}
	if err := writeout.Apply(opt.out, changes); err != nil {
		fmt.Fprintf(stderr, "docbind: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

func parseFlags(args []string, stderr io.Writer) (options, int) {
	var opt options
	fs := flag.NewFlagSet("docbind", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opt.docs, "docs", "docs", "folder of Markdown API docs to read")
	fs.StringVar(&opt.out, "out", "out", "folder to write the generated Go package to")
	fs.StringVar(&opt.pkg, "package", "", "package name of the generated code (default $GOPACKAGE, else the -out folder's name)")
	fs.BoolVar(&opt.check, "check", false, "write nothing; exit 1 naming every generated file that is not up to date")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docbind [-docs DIR] [-out DIR] [-package NAME] [-check]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opt, ExitOK
		}
		return opt, ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docbind: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return opt, ExitUsage
	}
	if opt.pkg == "" {
		opt.pkg = defaultPackage(opt.out)
	}
	if same(opt.docs, opt.out) {
		fmt.Fprintf(stderr, "docbind: -out %s is the docs folder; refusing to write into it\n", opt.out)
		return opt, ExitUsage
	}
	return opt, -1
}

// defaultPackage is $GOPACKAGE under go generate, else the output folder's
// name made into an identifier.
func defaultPackage(out string) string {
	if p := os.Getenv("GOPACKAGE"); p != "" {
		return p
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(abs)) {
		if r == '_' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "api"
	}
	return b.String()
}

// docsLabel names the docs folder in positions and generated comments: the
// path as given when relative, so output is the same on every machine.
func docsLabel(docs string) string {
	if !filepath.IsAbs(docs) {
		return filepath.ToSlash(filepath.Clean(docs))
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, docs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(docs)
}

func same(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

func reportStale(opt options, changes []writeout.Change, stderr io.Writer) int {
	if len(changes) == 0 {
		return ExitOK
	}
	for _, c := range changes {
		fmt.Fprintf(stderr, "%s: %s\n", filepath.Join(opt.out, c.Name), c.Kind)
	}
	fmt.Fprintf(stderr, "docbind: %d generated file(s) are not up to date; run: docbind -docs %s -out %s -package %s\n", len(changes), opt.docs, opt.out, opt.pkg)
	return ExitFail
}
