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
	"github.com/docbind/docbind/generator/config"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/generator/openapi"
)

// options are the settings of a run: docbind.json, then flags over it.
type options struct {
	docs, out, pkg         string
	configFile             string
	openapi                string // the OpenAPI document to write; "" for none
	check, quiet, strict   bool
	verbose                bool
	lint                   bool   // check the docs only: nothing rendered, nothing written
	format                 format // how diagnostics are printed
	maxDiags               int
	cpuprofile, memprofile string
	cfg                    config.Config
	set                    map[string]bool // flags given on the command line
	paths                  docsPaths       // how generated files and messages name the docs
	omitPackageDoc         bool            // the package's own files document it
}

const usage = `usage: docbind [flags]
       docbind serve [-docs DIR] [-addr HOST:PORT]   (docbind serve -h)
       docbind check-service -url BASE [-docs DIR]   (docbind check-service -h)

docbind reads Markdown API docs annotated in the Microsoft Graph convention
(an HTML comment holding JSON before each fenced example) and writes a Go
package: models, a client, a net/http server and tests of every example.

With no flags it regenerates out/ from docs/. Under go generate, in the
package that receives the code:

	//go:generate go tool docbind -docs ../apidocs -out . -package graph

To check the docs of a pull request, writing nothing:

	go tool docbind -docs apidocs -lint -format github

Settings come from docbind.json when it exists (or -config), then flags.
Every diagnostic has a code (DB101...) explained in the README.

Flags:
`

func parseArgs(args []string, stderr io.Writer) (*options, int) {
	opt := &options{set: map[string]bool{}}
	fs := flag.NewFlagSet("docbind", flag.ContinueOnError)
	fs.StringVar(&opt.docs, "docs", "docs", "folder of Markdown API docs to read")
	fs.StringVar(&opt.out, "out", "out", "folder to write the generated Go package to")
	fs.StringVar(&opt.pkg, "package", "", "package name of the generated code (default $GOPACKAGE, else the -out folder's name)")
	fs.StringVar(&opt.configFile, "config", "", "config file (default docbind.json when it exists)")
	fs.StringVar(&opt.openapi, "openapi", "", "also write the OpenAPI 3.1 description of the docs to this JSON file")
	fs.BoolVar(&opt.check, "check", false, "write nothing; print a diff of every stale generated file and exit 1 if any")
	fs.BoolVar(&opt.quiet, "q", false, "with -check, print only the names of stale files; otherwise print no summary line on success")
	fs.BoolVar(&opt.strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&opt.lint, "lint", false, "check the docs only: report every diagnostic, write nothing, generate no code; exit 1 on any warning or error (notes pass)")
	fs.Var(&opt.format, "format", "print diagnostics as `text|json|github`: text on stderr (the default); json, one object a line, and github, GitHub Actions workflow commands, on stdout")
	fs.BoolVar(&opt.verbose, "v", false, "explain what was generated from what: each page's files, operations, URLs and types, with their sources")
	fs.IntVar(&opt.maxDiags, "maxdiags", 50, "print at most this many diagnostics, errors first, and how many more there were; 0 prints all")
	fs.StringVar(&opt.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opt.memprofile, "memprofile", "", "write a heap profile to this file")
	if code := parseFlags(fs, usage, args, stderr, opt.set); code >= 0 {
		return nil, code
	}
	if opt.lint {
		// -lint renders no code: the flags about the generated files have
		// nothing to act on, and ignoring them would hide a mistake.
		for _, name := range []string{"check", "v", "openapi"} {
			if opt.set[name] {
				return nil, usageError(fs, stderr, fmt.Sprintf("-lint and -%s cannot be used together: -lint generates nothing", name))
			}
		}
	}
	return opt, -1
}

// parseFlags parses args with fs, whose help starts with usage, and notes
// the flags given in set. It returns -1 to go on, else the exit code: a
// bad flag or an argument is a usage error, said in one line and a hint,
// where the whole usage would bury it; -h prints the usage and is not an
// error.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stderr io.Writer, set map[string]bool) int {
	fs.SetOutput(io.Discard) // the flag package's message comes back as err
	fs.Usage = func() {}
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, usage)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		return ExitOK
	case err != nil:
		return usageError(fs, stderr, err.Error())
	case fs.NArg() > 0:
		return usageError(fs, stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return -1
}

// usageError prints a bad command line's message and where help is.
func usageError(fs *flag.FlagSet, stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "%s: %s\nrun '%s -h' for usage\n", fs.Name(), msg, fs.Name())
	return ExitUsage
}

// applyConfig reads docbind.json (or -config) and takes from it what no
// flag set. Its paths are relative to its own folder.
func (o *options) applyConfig() error {
	file := o.configFile
	if file == "" {
		if _, err := os.Stat("docbind.json"); err != nil {
			return nil
		}
		file = "docbind.json"
	}
	c, err := config.Load(file)
	if err != nil {
		return err
	}
	o.cfg = *c
	dir := filepath.Dir(file)
	if c.Docs != "" && !o.set["docs"] {
		o.docs = filepath.Join(dir, c.Docs)
	}
	if c.Out != "" && !o.set["out"] {
		o.out = filepath.Join(dir, c.Out)
	}
	if c.Package != "" && !o.set["package"] {
		o.pkg = c.Package
	}
	if c.OpenAPI != nil && c.OpenAPI.File != "" && !o.set["openapi"] {
		o.openapi = filepath.Join(dir, c.OpenAPI.File)
	}
	return nil
}

// openAPISettings are docbind.json's settings of the OpenAPI document.
func (o *options) openAPISettings() openapi.Settings {
	if o.cfg.OpenAPI == nil {
		return openapi.Settings{}
	}
	return openapi.Settings{Title: o.cfg.OpenAPI.Title, Version: o.cfg.OpenAPI.Version, Servers: o.cfg.OpenAPI.Servers}
}

// generatorOptions are the generator's settings, the pages named under
// label (see docsPaths).
func (o *options) generatorOptions(label string) generator.Options {
	return generator.Options{
		DocsLabel:      label,
		Package:        o.pkg,
		OmitPackageDoc: o.omitPackageDoc,
		Include:        o.cfg.Include,
		Exclude:        o.cfg.Exclude,
		Suppress:       o.cfg.Suppress,
		Model: model.Config{
			OperationNames: o.cfg.Operations,
			TypeNames:      o.cfg.Types,
			BaseURL:        o.cfg.BaseURL,
		},
	}
}

// fixCommand is the command that regenerates what -check found stale,
// run from the same folder: the flags given, and -package when it came
// from $GOPACKAGE, which a shell does not have. Since generated files do
// not depend on the folder docbind runs in, it writes what go generate
// would.
func (o *options) fixCommand() string {
	args := []string{"docbind"}
	for _, f := range []struct{ name, value string }{{"config", o.configFile}, {"docs", o.docs}, {"out", o.out}, {"package", o.pkg}, {"openapi", o.openapi}} {
		if o.set[f.name] || f.name == "package" && o.pkg != o.cfg.Package && o.pkg != folderPackage(o.out) {
			args = append(args, "-"+f.name, shellQuote(f.value))
		}
	}
	return strings.Join(args, " ")
}

// shellQuote quotes a word for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// defaultPackage is $GOPACKAGE under go generate, else the output folder's
// name made into an identifier.
func defaultPackage(out string) string {
	if p := os.Getenv("GOPACKAGE"); p != "" {
		return p
	}
	return folderPackage(out)
}

// folderPackage is the output folder's name made into an identifier.
func folderPackage(out string) string {
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
