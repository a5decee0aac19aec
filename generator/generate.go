// Package generator runs docbind's pipeline:
//
//	markdown pages -> docparse (annotated blocks, tables, links)
//	               -> links (the links across pages: DB106, DB107)
//	               -> httpmsg (HTTP requests and responses)
//	               -> model (operations, URL variants, parameters, types, examples)
//	               -> templates (Go files)
//
// Generate is pure: it reads the docs from an fs.FS and returns the files;
// package writeout puts them on disk. The CLI, the tests and -check share it.
package generator

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/config"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/links"
	"github.com/docbind/docbind/generator/model"
	"github.com/docbind/docbind/generator/par"
	"github.com/docbind/docbind/templates"
)

// Options configure a run.
type Options struct {
	// DocsLabel is how positions and generated comments name the docs
	// folder, a slash path such as "../docs": never an absolute path, so
	// output does not depend on where the checkout is. The CLI passes the
	// docs folder relative to the output folder, so that the files are the
	// same whatever folder docbind runs in, and names the docs as the
	// working folder does in what it prints.
	DocsLabel string
	Package   string
	// OmitPackageDoc leaves out doc_gen.go, the package comment: the
	// package's own files already document it, and a second comment would
	// run into theirs.
	OmitPackageDoc bool
	// Include and Exclude select pages by globs over their paths in the
	// docs folder ("**" spans folders); no Include means every page.
	Include, Exclude []string
	Model            model.Config
	Suppress         []config.Suppression
	// Cache, when not nil, keeps the parsed pages, formatted files and
	// type-checked packages of earlier runs, so that a run parses, formats
	// and checks only what changed; output is the same with it or without.
	// See Cache.
	Cache *Cache `json:"-"`
}

// selected reports whether a page path passes Include and Exclude.
func (o Options) selected(p string) bool {
	if len(o.Include) > 0 && !slices.ContainsFunc(o.Include, func(g string) bool { return config.Match(g, p) }) {
		return false
	}
	return !slices.ContainsFunc(o.Exclude, func(g string) bool { return config.Match(g, p) })
}

// suppressed reports whether a suppression silences d.
func (o Options) suppressed(d diag.Diagnostic) bool {
	rel := strings.TrimPrefix(d.Pos.File, o.DocsLabel+"/")
	return slices.ContainsFunc(o.Suppress, func(s config.Suppression) bool {
		return s.Code == d.Code && d.Severity != diag.Error && (s.Files == "" || config.Match(s.Files, rel))
	})
}

// Result is what a run produces.
type Result struct {
	Files []templates.File
	Diags diag.List // sorted; warnings only when Generate returns no error
	API   *model.API
	Pages int
	// Operations and Types count what the model holds (types, enums and
	// unions), also when errors in the docs stop the run after modelling
	// them, when API is nil: a summary says how far the run got.
	Operations, Types int
}

// Generate reads every Markdown page of docs and returns the generated
// files. It returns an error, a diag.ErrorList when the docs are at fault,
// when anything stops generation; then Result holds the diagnostics only.
func Generate(docs fs.FS, opt Options) (*Result, error) {
	sources, err := ReadSources(docs, opt)
	if err != nil {
		return nil, err
	}
	return GenerateFrom(sources, opt)
}

// Source is one Markdown page as read: its slash path in the docs folder,
// and its bytes.
type Source struct {
	Path string
	Data []byte
	// Folder is the docs folder the page was read from, for the link
	// check: ReadSources gives all its sources one. Without one (sources
	// built by hand) the folder's files are not known, and only links to
	// Markdown pages are checked, against the sources.
	Folder *Folder
}

// Folder is what a run knows of the docs folder beyond its pages.
type Folder struct {
	// Files are the slash paths of every file in the folder, sorted:
	// images and includes, and the pages Include and Exclude leave out,
	// which links may name too.
	Files []string
}

// FolderFiles lists every file of the docs folder the sources were read
// from, nil when they do not say (see Source.Folder). The CLI's cache
// hashes it: a file added or removed changes what the link check says.
func FolderFiles(sources []Source) []string {
	for _, s := range sources {
		if s.Folder != nil {
			return s.Folder.Files
		}
	}
	return nil
}

// ReadSources reads the pages Options select from docs, in path order. The
// CLI hashes them for its cache and hands the same bytes to GenerateFrom,
// so a run reads each page once. A folder or page that cannot be read is
// a DB504 error, and the walk goes on past it, so that one run names every
// one of them; the pages it could read are returned with the error.
func ReadSources(docs fs.FS, opt Options) ([]Source, error) {
	var sources []Source
	var diags diag.List
	folder := &Folder{Files: []string{}}
	// The walk never stops: the function returns no error.
	_ = fs.WalkDir(docs, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			unreadable(&diags, opt.DocsLabel, p, err)
			return nil // WalkDir skips a folder it cannot list
		}
		if d.IsDir() {
			return nil
		}
		folder.Files = append(folder.Files, p)
		if !strings.EqualFold(path.Ext(p), ".md") || !opt.selected(p) {
			return nil
		}
		src, err := fs.ReadFile(docs, p)
		if err != nil {
			unreadable(&diags, opt.DocsLabel, p, err)
			return nil
		}
		sources = append(sources, Source{Path: p, Data: src, Folder: folder})
		return nil
	})
	slices.Sort(folder.Files) // WalkDir puts "a/b" before "a.md"
	return sources, diags.Err()
}

// unreadable adds the diagnostic for a docs folder or page that cannot be
// read, naming it as positions do and keeping only the system's reason.
func unreadable(diags *diag.List, label, p string, err error) {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	diags.Errorf(diag.Pos{File: path.Join(label, p)}, diag.DocsUnreadable, "cannot be read: %v", err)
}

// GenerateFrom is Generate on pages already read. The files it returns
// type-check: a page whose generated code does not is left out with a
// DB507 warning and the rest generated again (see brokenPages).
func GenerateFrom(sources []Source, opt Options) (*Result, error) {
	return generateFrom(sources, opt, templates.Files)
}

// renderFunc renders the model into files: templates.Files, which tests
// wrap to break a page's code on purpose.
type renderFunc func(*model.API, templates.Options) ([]templates.File, error)

func generateFrom(sources []Source, opt Options, render renderFunc) (*Result, error) {
	if !isIdentifier(opt.Package) {
		var diags diag.List
		diags.Errorf(diag.Pos{File: opt.DocsLabel}, diag.BadPackageName, "package name %q is not a Go identifier", opt.Package)
		return &Result{Diags: diags}, diags.Err()
	}
	pages, parseDiags, err := opt.parse(sources)
	res := &Result{Pages: len(pages), Diags: parseDiags}
	if err != nil {
		return res, err
	}
	var left diag.List // the pages left out because their code does not compile
	for round := 0; ; round++ {
		var api *model.API
		api, res.Diags, err = opt.build(pages, slices.Concat(parseDiags, left))
		res.Operations, res.Types = counts(api)
		if err != nil {
			return res, err
		}
		r := newRound(opt.Package, opt.Cache)
		files, err := render(api, r.options(opt.DocsLabel, opt.OmitPackageDoc))
		if err != nil {
			res.Diags.Errorf(diag.Pos{File: opt.DocsLabel}, diag.InternalError, "%v", err)
			return res, res.Diags.Err()
		}
		broken, err := brokenPages(opt.Package, files, r)
		if err == nil && len(broken) > 0 && round < maxRounds {
			pages = leaveOut(pages, broken, &left)
			continue
		}
		if err != nil || len(broken) > 0 {
			res.Diags.Errorf(diag.Pos{File: opt.DocsLabel}, diag.InternalError, "%v", cmp.Or(err, errors.New(brokenSummary(broken))))
			return res, res.Diags.Err()
		}
		res.API, res.Files = api, files
		return res, nil
	}
}

// ReadModel reads the docs and builds their model: ReadSources, then
// BuildModel. A diag.ErrorList error holds the pages it could not read,
// or the docs' errors.
func ReadModel(docs fs.FS, opt Options) (*model.API, diag.List, error) {
	sources, err := ReadSources(docs, opt)
	if err != nil {
		return nil, nil, err
	}
	return BuildModel(sources, opt)
}

// BuildModel reads pages already read into the API model, without
// writing code: what docbind serve answers from. It returns the
// diagnostics, and a diag.ErrorList when the docs are at fault.
func BuildModel(sources []Source, opt Options) (*model.API, diag.List, error) {
	pages, parseDiags, err := opt.parse(sources)
	if err != nil {
		return nil, parseDiags, err
	}
	api, diags, err := opt.build(pages, parseDiags)
	if err != nil {
		return nil, diags, err // a model with errors is not one to serve
	}
	return api, diags, nil
}

// counts are the operations and types (enums and unions included) of a
// model; none without one.
func counts(api *model.API) (operations, types int) {
	if api == nil {
		return 0, 0
	}
	return len(api.Operations), len(api.Types) + len(api.Enums) + len(api.Unions)
}

// parse checks the settings and parses the pages.
func (o Options) parse(sources []Source) ([]*docparse.Page, diag.List, error) {
	var diags diag.List
	if err := config.CheckRenames(o.Model.OperationNames, o.Model.TypeNames); err != nil {
		diags.Errorf(diag.Pos{File: o.DocsLabel}, diag.BadConfig, "%v", err)
		return nil, diags, diags.Err()
	}
	pages, diags := parsePages(sources, o.DocsLabel, o.Cache)
	if len(pages) == 0 {
		diags.Errorf(diag.Pos{File: o.DocsLabel}, diag.NoPages, "no Markdown pages found")
	}
	diags = append(diags, links.Check(o.DocsLabel, pages, FolderFiles(sources))...)
	return pages, diags, nil
}

// build runs the model stage on parsed pages: its diagnostics join the
// earlier ones, sorted, the suppressed left out; an error stops it, and
// so do docs that document no operation. The model is returned with the
// error too, for counting only: generation stops.
func (o Options) build(pages []*docparse.Page, earlier diag.List) (*model.API, diag.List, error) {
	api, modelDiags := model.Build(pages, o.modelConfig())
	diags := slices.DeleteFunc(slices.Concat(earlier, modelDiags), o.suppressed).Sorted()
	if diags.HasErrors() {
		return api, diags, diags.Err()
	}
	if len(api.Operations) == 0 {
		diags.Errorf(diag.Pos{File: o.DocsLabel}, diag.NoOperations, "the docs document no operation: no request block was found")
		return api, diags, diags.Err()
	}
	return api, diags, nil
}

func (o Options) modelConfig() model.Config {
	mc := o.Model
	mc.DocsLabel = o.DocsLabel
	return mc
}

// parsePages parses pages in parallel, keeping their order: goldmark is
// the bulk of the work, and each page is independent. A page the cache
// (which may be nil) holds is decoded instead.
func parsePages(sources []Source, label string, cache *Cache) ([]*docparse.Page, diag.List) {
	pages := make([]*docparse.Page, len(sources))
	pageDiags := make([]diag.List, len(sources))
	par.Do(len(sources), 0, func(i int) {
		pages[i], pageDiags[i] = cache.parse(path.Join(label, sources[i].Path), sources[i].Data)
	})
	var diags diag.List
	for _, d := range pageDiags {
		diags = append(diags, d...)
	}
	return pages, diags
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
