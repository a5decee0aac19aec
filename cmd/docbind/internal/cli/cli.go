// Package cli is docbind's command line: flags, the config file, exit
// codes and messages. It is a package apart from main so tests can run it
// in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/writeout"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1 // errors in the docs (or warnings under -strict), stale files under -check, or I/O failures
	ExitUsage = 2
)

// Run runs docbind with the given arguments and returns its exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return Serve(ctx, args[1:], stderr)
	}
	opt, code := parseArgs(args, stderr)
	if code >= 0 {
		return code
	}
	stop, err := startProfiles(opt)
	if err != nil {
		fmt.Fprintf(stderr, "docbind: %v\n", err)
		return ExitFail
	}
	defer stop()
	r := &run{opt: opt, stdout: stdout, stderr: stderr, start: time.Now()}
	return r.main()
}

// run is one invocation: its options, outputs and what it counted.
type run struct {
	opt            *options
	stdout, stderr io.Writer
	start          time.Time
	pages, ops     int
	types, written int
	warnings       int
	unchanged      bool // the cache showed the inputs unchanged: nothing was parsed
}

func (r *run) main() int {
	inputs, err := readInputs(r.opt)
	if err != nil {
		return r.fail(err)
	}
	r.pages = len(inputs.sources)
	// -v explains the model, so it needs a run that builds one.
	if cached, ok := loadCache(r.opt, inputs); ok && !r.opt.verbose && upToDate(r.opt.out, cached.Files) && openAPIUpToDate(r.opt.openapi, cached.OpenAPI) {
		// Nothing changed since the last run: no parsing, nothing written.
		r.unchanged = true
		r.ops, r.types = cached.Operations, cached.Types
		r.report(cached.Diags)
		if r.opt.strict && r.warnings > 0 {
			return r.finish(ExitFail)
		}
		return r.finish(ExitOK)
	}
	gopt := r.opt.generatorOptions()
	renderCache, cached := renderCachePath(r.opt)
	if cached {
		gopt.Cache = generator.LoadCache(renderCache)
	}
	res, err := generator.GenerateFrom(inputs.sources, gopt)
	if err == nil && cached {
		saveRenderCache(gopt.Cache, renderCache)
	}
	if res != nil {
		r.report(res.Diags)
	}
	if err != nil {
		var list diag.ErrorList
		if errors.As(err, &list) {
			return r.finish(ExitFail)
		}
		return r.fail(err)
	}
	r.ops, r.types = len(res.API.Operations), len(res.API.Types)+len(res.API.Enums)+len(res.API.Unions)
	if r.opt.verbose {
		res.Explain(r.stdout)
	}
	if r.opt.strict && r.warnings > 0 {
		fmt.Fprintf(r.stderr, "docbind: %d warning(s) and -strict: nothing written\n", r.warnings)
		return r.finish(ExitFail)
	}
	if r.opt.check {
		return r.checkOutput(res)
	}
	return r.writeOutput(inputs, res)
}

// report prints diagnostics, at most -maxdiags of them, and counts the
// warnings.
func (r *run) report(diags diag.List) {
	for _, d := range diags {
		if d.Severity == diag.Warning {
			r.warnings++
		}
	}
	shown, omitted := diags.Capped(r.opt.maxDiags)
	for _, d := range shown {
		fmt.Fprintln(r.stderr, d)
	}
	if omitted > 0 {
		fmt.Fprintf(r.stderr, "docbind: %d more diagnostics not shown (-maxdiags 0 shows all)\n", omitted)
	}
}

// fail reports what stopped the run: diagnostics as they are, any other
// error after "docbind:".
func (r *run) fail(err error) int {
	var list diag.ErrorList
	if errors.As(err, &list) {
		r.report(diag.List(list))
		return r.finish(ExitFail)
	}
	fmt.Fprintf(r.stderr, "docbind: %v\n", err)
	return r.finish(ExitFail)
}

// finish prints the one summary line every run ends with.
func (r *run) finish(code int) int {
	if r.opt.quiet && code == ExitOK {
		return code
	}
	verb := "written"
	if r.opt.check {
		verb = "stale"
	}
	note := ""
	if r.unchanged {
		note = " (inputs unchanged since the last run)"
	}
	fmt.Fprintf(r.stderr, "docbind: %d pages, %d operations, %d types, %d files %s, %d warnings, %s%s\n",
		r.pages, r.ops, r.types, r.written, verb, r.warnings, time.Since(r.start).Round(time.Millisecond), note)
	return code
}

// reportStale says which files -check finds stale, with their diffs unless
// -q, and the command that brings them up to date.
func (r *run) reportStale(changes []writeout.Change, docs []staleDocument) int {
	r.written = len(changes) + len(docs)
	if r.written == 0 {
		return ExitOK
	}
	for _, c := range changes {
		name := filepath.Join(r.opt.out, c.Name)
		if r.opt.quiet {
			fmt.Fprintln(r.stdout, name)
			continue
		}
		fmt.Fprintf(r.stdout, "%s: %s\n", name, c.Kind)
		fmt.Fprint(r.stdout, writeout.Unified("a/"+filepath.ToSlash(name), "b/"+filepath.ToSlash(name), c.Old, c.New))
	}
	for _, d := range docs {
		if r.opt.quiet {
			fmt.Fprintln(r.stdout, d.path)
			continue
		}
		fmt.Fprintf(r.stdout, "%s: stale\n", d.path)
		fmt.Fprint(r.stdout, writeout.Unified("a/"+filepath.ToSlash(d.path), "b/"+filepath.ToSlash(d.path), d.old, d.new))
	}
	fmt.Fprintf(r.stderr, "docbind: %d generated file(s) are stale; to update them run: %s\n", r.written, r.opt.fixCommand())
	return ExitFail
}
