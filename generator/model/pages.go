package model

import (
	"path"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/naming"
)

// Page groups what one documentation page gives the package: its
// operations, and the types, enums and unions first documented on it. Each
// page becomes its own generated files, so editing one page changes only
// the files that derive from it.
type Page struct {
	Path       string // the doc page, as positions name it
	FileStem   string // the generated files' name before _gen.go: api_driveitem_get
	TestName   string // the stem as a Go name, for test functions: APIDriveitemGet
	Operations []*Operation
	Types      []*Type
	Enums      []*Enum
	Unions     []*Union
	// Instances are the documented instances of types shown on this page,
	// whichever page defines the type: the page's round-trip test.
	Instances []Instance
}

// Instance is a documented JSON instance of a type.
type Instance struct {
	Type    *Type
	Example *TypeExample
}

// groupPages sorts everything generated into pages, by source file.
func groupPages(api *API, docsLabel string) {
	byPath := map[string]*Page{}
	page := func(file string) *Page {
		if p := byPath[file]; p != nil {
			return p
		}
		p := &Page{Path: file}
		byPath[file] = p
		return p
	}
	for _, op := range api.Operations {
		p := page(op.Source.File)
		p.Operations = append(p.Operations, op)
	}
	for _, t := range api.Types {
		p := page(t.Source.File)
		p.Types = append(p.Types, t)
		for _, ex := range t.Examples {
			q := page(ex.Source.File)
			q.Instances = append(q.Instances, Instance{Type: t, Example: ex})
		}
	}
	for _, e := range api.Enums {
		p := page(e.Source.File)
		p.Enums = append(p.Enums, e)
	}
	for _, u := range api.Unions {
		p := page(u.Source.File)
		p.Unions = append(p.Unions, u)
	}
	var stems naming.Set
	stems.Reserve("client", "server", "helpers", "values", "doc")
	for _, file := range sortedKeys(byPath) {
		p := byPath[file]
		p.FileStem = stems.Unique(fileStem(file, docsLabel))
		p.TestName = naming.Exported(p.FileStem)
		api.Pages = append(api.Pages, p)
	}
	slices.SortFunc(api.Pages, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
}

// fileStem turns a doc path into a file name stem: docs/api/driveitem_get.md
// -> api_driveitem_get.
func fileStem(file, docsLabel string) string {
	rel := strings.TrimPrefix(file, docsLabel+"/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	var b strings.Builder
	for _, r := range strings.ToLower(rel) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	stem := strings.Trim(b.String(), "_")
	if stem == "" {
		return "page"
	}
	return stem
}
