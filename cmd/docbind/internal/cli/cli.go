// Package cli is docbind's command line: flags, the config file, exit
// codes and messages. It is a package apart from main so tests can run it
// in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
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
	if len(args) > 0 && args[0] == "check-service" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return CheckService(ctx, args[1:], stdout, stderr)
	}
	opt, code := parseArgs(args, stderr)
	if code >= 0 {
		return code
	}
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
	errors, notes  int  // counted for -lint's summary
	unchanged      bool // the cache showed the inputs unchanged: nothing was parsed
}

// main runs once the flags are read: from here on, every way out goes
// through finish, so every run ends with its summary line.
func (r *run) main() int {
	prepare, work := r.prepare, r.generate
	if r.opt.lint {
		prepare, work = r.prepareLint, r.lint
	}
	if code := prepare(); code >= 0 {
		return code
	}
	stop, err := startProfiles(r.opt)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	return work()
}

// prepare completes the options from docbind.json and the folders, and
// refuses what cannot be run: -1 to go on, else the exit code.
func (r *run) prepare() int {
	o := r.opt
	if err := o.applyConfig(); err != nil {
		return r.fail(err)
	}
	if o.pkg == "" {
		o.pkg = defaultPackage(o.out)
	}
	o.paths = newDocsPaths(o.docs, o.out)
	if err := checkDocsFolder(o.docs, o.paths.shown); err != nil {
		return r.refuse(err)
	}
	if err := writeout.CheckTarget(o.out, o.docs, o.pkg); err != nil {
		return r.refuse(err)
	}
	documented, err := writeout.HasPackageDoc(o.out)
	if err != nil {
		return r.fail(err)
	}
	o.omitPackageDoc = documented
	return -1
}

// checkDocsFolder refuses a -docs that names no folder: a usage error,
// unlike a folder that cannot be read, which ReadSources reports.
func checkDocsFolder(docs, shown string) error {
	info, err := os.Stat(docs)
	var diags diag.List
	switch {
	case errors.Is(err, fs.ErrNotExist):
		diags.Errorf(diag.Pos{File: shown}, diag.DocsUnreadable, "cannot be read: no such folder (-docs names the folder of Markdown pages)")
	case err == nil && !info.IsDir():
		diags.Errorf(diag.Pos{File: shown}, diag.DocsUnreadable, "is a file, not a folder (-docs names the folder of Markdown pages)")
	}
	return diags.Err()
}

// generate reads the docs, generates the package and writes it, or
// compares it with the folder under -check.
func (r *run) generate() int {
	paths := r.opt.paths
	inputs, err := readInputs(r.opt)
	r.pages = len(inputs.sources)
	if err != nil {
		return r.fail(paths.err(err))
	}
	// -v explains the model, so it needs a run that builds one.
	if cached, ok := loadCache(r.opt, inputs); ok && !r.opt.verbose && upToDate(r.opt.out, cached.Files) && openAPIUpToDate(r.opt.openapi, cached.OpenAPI) {
		// Nothing changed since the last run: no parsing, nothing written.
		r.unchanged = true
		r.ops, r.types = cached.Operations, cached.Types
		r.report(paths.diags(cached.Diags))
		if r.opt.strict && r.warnings > 0 {
			return r.finish(ExitFail)
		}
		return r.finish(ExitOK)
	}
	gopt := r.opt.generatorOptions(paths.generated)
	renderCache, cached := renderCachePath(r.opt)
	if cached {
		gopt.Cache = generator.LoadCache(renderCache)
	}
	res, err := generator.GenerateFrom(inputs.sources, gopt)
	if err == nil && cached {
		saveRenderCache(gopt.Cache, renderCache)
	}
	if res != nil {
		r.ops, r.types = res.Operations, res.Types
		r.report(paths.diags(res.Diags))
	}
	if err != nil {
		var list diag.ErrorList
		if errors.As(err, &list) {
			return r.finish(ExitFail)
		}
		return r.fail(err)
	}
	if r.opt.verbose {
		r.explain(res)
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

// explain writes -v's report, naming pages as diagnostics do.
func (r *run) explain(res *generator.Result) {
	var b strings.Builder
	res.Explain(&b)
	fmt.Fprint(r.reportOut(), r.opt.paths.text(b.String()))
}

// reportOut is where -v's report and -check's diffs go: stdout, but for
// -format json, whose stdout holds JSON lines only.
func (r *run) reportOut() io.Writer {
	if r.opt.format == formatJSON {
		return r.stderr
	}
	return r.stdout
}

// report prints diagnostics in -format, at most -maxdiags of them, and
// counts them by severity. Text goes to stderr; json and github go to
// stdout, and so that a JSON stream has every diagnostic, json is not
// capped unless -maxdiags is given. What is not a diagnostic, such as
// the count of those not shown, always goes to stderr.
func (r *run) report(diags diag.List) {
	for _, d := range diags {
		switch d.Severity {
		case diag.Warning:
			r.warnings++
		case diag.Error:
			r.errors++
		default:
			r.notes++
		}
	}
	limit, out := r.opt.maxDiags, r.stderr
	if r.opt.format == formatJSON && !r.opt.set["maxdiags"] {
		limit = 0
	}
	if r.opt.format.machine() {
		out = r.stdout
	}
	shown, omitted := diags.Capped(limit)
	for _, d := range shown {
		r.opt.format.print(out, d)
	}
	if omitted > 0 {
		fmt.Fprintf(r.stderr, "docbind: %d more diagnostics not shown (-maxdiags 0 shows all)\n", omitted)
	}
}

// fail reports what stopped the run: diagnostics as they are, any other
// error after "docbind:".
func (r *run) fail(err error) int {
	return r.stop(err, ExitFail)
}

// refuse reports a usage error found once flags are read: a folder that
// cannot be the docs or the output.
func (r *run) refuse(err error) int {
	return r.stop(err, ExitUsage)
}

func (r *run) stop(err error, code int) int {
	var list diag.ErrorList
	if errors.As(err, &list) {
		r.report(diag.List(list))
		return r.finish(code)
	}
	fmt.Fprintf(r.stderr, "docbind: %v\n", err)
	return r.finish(code)
}

// finish prints the one summary line every run ends with.
func (r *run) finish(code int) int {
	if r.opt.quiet && code == ExitOK {
		return code
	}
	if r.opt.lint {
		fmt.Fprintf(r.stderr, "docbind: %d pages, %d operations, %d types, %d warnings, %d errors, %d notes, %s (-lint: nothing written)\n",
			r.pages, r.ops, r.types, r.warnings, r.errors, r.notes, time.Since(r.start).Round(time.Millisecond))
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
// -q (on stdout, but on stderr under -format json), and the command that
// brings them up to date.
func (r *run) reportStale(changes []writeout.Change, docs []staleDocument) int {
	r.written = len(changes) + len(docs)
	if r.written == 0 {
		return ExitOK
	}
	out := r.reportOut()
	for _, c := range changes {
		name := filepath.Join(r.opt.out, c.Name)
		if r.opt.quiet {
			fmt.Fprintln(out, name)
			continue
		}
		fmt.Fprintf(out, "%s: %s\n", name, c.Kind)
		fmt.Fprint(out, writeout.Unified("a/"+filepath.ToSlash(name), "b/"+filepath.ToSlash(name), c.Old, c.New))
	}
	for _, d := range docs {
		if r.opt.quiet {
			fmt.Fprintln(out, d.path)
			continue
		}
		fmt.Fprintf(out, "%s: stale\n", d.path)
		fmt.Fprint(out, writeout.Unified("a/"+filepath.ToSlash(d.path), "b/"+filepath.ToSlash(d.path), d.old, d.new))
	}
	fmt.Fprintf(r.stderr, "docbind: %d generated file(s) are stale; to update them run: %s\n", r.written, r.opt.fixCommand())
	return ExitFail
}
