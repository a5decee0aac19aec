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
	"github.com/docbind/docbind/generator/writeout"
)

// options are the settings of a run: docbind.json, then flags over it.
type options struct {
	docs, out, pkg         string
	configFile             string
	openapi                string // the OpenAPI document to write; "" for none
	check, quiet, strict   bool
	verbose                bool
	maxDiags               int
	cpuprofile, memprofile string
	cfg                    config.Config
	set                    map[string]bool // flags given on the command line
}

const usage = `usage: docbind [flags]
       docbind serve [-docs DIR] [-addr HOST:PORT]   (docbind serve -h)

docbind reads Markdown API docs annotated in the Microsoft Graph convention
(an HTML comment holding JSON before each fenced example) and writes a Go
package: models, a client, a net/http server and tests of every example.

With no flags it regenerates out/ from docs/. Under go generate, in the
package that receives the code:

	//go:generate go tool docbind -docs ../apidocs -out . -package graph

Settings come from docbind.json when it exists (or -config), then flags.
Every diagnostic has a code (DB101...) explained in the README.

Flags:
`

func parseArgs(args []string, stderr io.Writer) (*options, int) {
	opt := &options{set: map[string]bool{}}
	fs := flag.NewFlagSet("docbind", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opt.docs, "docs", "docs", "folder of Markdown API docs to read")
	fs.StringVar(&opt.out, "out", "out", "folder to write the generated Go package to")
	fs.StringVar(&opt.pkg, "package", "", "package name of the generated code (default $GOPACKAGE, else the -out folder's name)")
	fs.StringVar(&opt.configFile, "config", "", "config file (default docbind.json when it exists)")
	fs.StringVar(&opt.openapi, "openapi", "", "also write the OpenAPI 3.1 description of the docs to this JSON file")
	fs.BoolVar(&opt.check, "check", false, "write nothing; print a diff of every stale generated file and exit 1 if any")
	fs.BoolVar(&opt.quiet, "q", false, "with -check, print only the names of stale files; otherwise print no summary line on success")
	fs.BoolVar(&opt.strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&opt.verbose, "v", false, "explain what was generated from what: each page's files, operations, URLs and types, with their sources")
	fs.IntVar(&opt.maxDiags, "maxdiags", 50, "print at most this many diagnostics, errors first, and how many more there were; 0 prints all")
	fs.StringVar(&opt.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opt.memprofile, "memprofile", "", "write a heap profile to this file")
	if code := parseFlags(fs, usage, args, stderr, opt.set); code >= 0 {
		return nil, code
	}
	if err := opt.applyConfig(); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, ExitFail
	}
	if opt.pkg == "" {
		opt.pkg = defaultPackage(opt.out)
	}
	if err := writeout.CheckTarget(opt.out, opt.docs, opt.pkg); err != nil {
		fmt.Fprintln(stderr, err) // one "path: error DB6xx: message" line
		return nil, ExitUsage
	}
	return opt, -1
}

// parseFlags parses args with fs, whose help starts with usage, and notes
// the flags given in set. It returns -1 to go on, else the exit code: a
// bad flag or an argument is a usage error, -h is not.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stderr io.Writer, set map[string]bool) int {
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	return -1
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

func (o *options) generatorOptions() generator.Options {
	return generator.Options{
		DocsLabel: docsLabel(o.docs),
		Package:   o.pkg,
		Include:   o.cfg.Include,
		Exclude:   o.cfg.Exclude,
		Suppress:  o.cfg.Suppress,
		Model: model.Config{
			OperationNames: o.cfg.Operations,
			TypeNames:      o.cfg.Types,
			BaseURL:        o.cfg.BaseURL,
		},
	}
}

// fixCommand is the command that regenerates what -check found stale.
func (o *options) fixCommand() string {
	args := []string{"docbind"}
	for _, f := range []struct{ name, value string }{{"config", o.configFile}, {"docs", o.docs}, {"out", o.out}, {"package", o.pkg}, {"openapi", o.openapi}} {
		if o.set[f.name] {
			args = append(args, "-"+f.name, f.value)
		}
	}
	return strings.Join(args, " ")
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
