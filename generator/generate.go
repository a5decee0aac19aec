// Package generator runs docbind's pipeline:
//
//	markdown pages -> docparse (annotated blocks, tables, links)
//	               -> httpmsg (HTTP requests and responses)
//	               -> model (operations, URL variants, parameters, types, examples)
//	               -> templates (Go files)
//
// Generate is pure: it reads the docs from an fs.FS and returns the files;
// package writeout puts them on disk. The CLI, the tests and -check share it.
package generator

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/templates"
)

// Options configure a run.
type Options struct {
	// DocsLabel is how positions and generated comments name the docs
	// folder, such as "docs": never an absolute path, so output does not
	// depend on where the checkout is.
	DocsLabel string
	Package   string
}

// Result is what a run produces.
type Result struct {
	Files []templates.File
	Diags diag.List // sorted; warnings only when Generate returns no error
	API   *model.API
	Pages int
}

// Generate reads every Markdown page of docs and returns the generated
// files. It returns an error, a diag.ErrorList when the docs are at fault,
// when anything stops generation; then Result holds the diagnostics only.
func Generate(docs fs.FS, opt Options) (*Result, error) {
	if !isIdentifier(opt.Package) {
		return nil, fmt.Errorf("package name %q is not a Go identifier", opt.Package)
	}
	pages, diags, err := parsePages(docs, opt.DocsLabel)
	if err != nil {
		return nil, err
	}
	res := &Result{Pages: len(pages)}
	if len(pages) == 0 {
		diags.Errorf(diag.Pos{File: opt.DocsLabel}, diag.NoPages, "no Markdown pages found")
	}
	api, modelDiags := model.Build(pages)
	res.Diags = append(diags, modelDiags...).Sorted()
	if res.Diags.HasErrors() {
		return res, res.Diags.Err()
	}
	if len(api.Operations) == 0 {
		res.Diags.Errorf(diag.Pos{File: opt.DocsLabel}, diag.NoOperations, "the docs document no operation: no request block was found")
		return res, res.Diags.Err()
	}
	res.API = api
	res.Files, err = templates.Files(api, templates.Options{Package: opt.Package, DocsDir: opt.DocsLabel})
	return res, err
}

// parsePages parses every .md file under docs, in path order.
func parsePages(docs fs.FS, label string) ([]*docparse.Page, diag.List, error) {
	var pages []*docparse.Page
	var diags diag.List
	err := fs.WalkDir(docs, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.EqualFold(path.Ext(p), ".md") {
			return nil
		}
		src, err := fs.ReadFile(docs, p)
		if err != nil {
			return err
		}
		page, pd := docparse.Parse(path.Join(label, p), src)
		pages = append(pages, page)
		diags = append(diags, pd...)
		return nil
	})
	return pages, diags, err
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r != '_' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}
