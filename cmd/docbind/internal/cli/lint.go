package cli

import (
	"errors"
	"os"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
)

// prepareLint is prepare for -lint, which needs no output folder: -out is
// neither checked nor read (it may be missing, a file or unwritable), and
// pages are named as the working folder reaches them, as docbind serve
// names them, since no generated file names them from the output folder.
func (r *run) prepareLint() int {
	o := r.opt
	if err := o.applyConfig(); err != nil {
		return r.fail(err)
	}
	shown := docsShown(o.docs)
	o.paths = docsPaths{generated: shown, shown: shown}
	if err := checkDocsFolder(o.docs, shown); err != nil {
		return r.refuse(err)
	}
	return -1
}

// lint reports every diagnostic of the docs and writes nothing: no output
// lock, no run cache, no render cache. It fails on warnings as on errors;
// notes pass. Pages that cannot be read are reported with the diagnostics
// of those that can.
func (r *run) lint() int {
	gopt := r.opt.generatorOptions(r.opt.paths.shown)
	sources, readErr := generator.ReadSources(os.DirFS(r.opt.docs), gopt)
	r.pages = len(sources)
	var unreadable diag.List
	var list diag.ErrorList
	switch {
	case errors.As(readErr, &list):
		unreadable = diag.List(list)
	case readErr != nil:
		return r.fail(readErr)
	}
	res, err := generator.Lint(sources, gopt)
	if err != nil && !errors.As(err, &list) {
		return r.fail(err)
	}
	r.ops, r.types = res.Operations, res.Types
	r.report(append(unreadable, res.Diags...).Sorted())
	if r.errors > 0 || r.warnings > 0 {
		return r.finish(ExitFail)
	}
	return r.finish(ExitOK)
}
