package generator

import (
	"slices"

	"github.com/docbind/docbind/generator/diag"
)

// Lint runs every check of the docs that generation runs, and no more:
// the pages are parsed and modelled, but no code is rendered, formatted
// or type-checked, so it costs a fraction of GenerateFrom. It is the
// CLI's -lint, the docs checker of a pull request.
//
// Unlike GenerateFrom, it goes on past errors as far as the pipeline
// goes (the model is built from pages with errors too), so that one run
// names every problem: Result.Diags holds them all, sorted, the
// suppressed left out; Result.Files and Result.API are nil. It returns a
// diag.ErrorList when the diagnostics hold an error, as GenerateFrom
// does. Options.Package is not used: no code is written.
//
// Docs that document no operation (DB502) are not a problem here: a
// folder of resource pages only is docs to check, though there is no
// client to generate from it. A folder with no page at all (DB501)
// still is.
func Lint(sources []Source, opt Options) (*Result, error) {
	pages, diags, err := opt.parse(sources)
	res := &Result{Pages: len(pages), Diags: diags}
	if err != nil {
		// The settings are wrong (DB503): nothing was parsed.
		return res, err
	}
	api, diags, _ := opt.build(pages, diags)
	res.Operations, res.Types = counts(api)
	res.Diags = slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return d.Code == diag.NoOperations })
	return res, res.Diags.Err()
}
