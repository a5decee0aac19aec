package generator

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/gocheck"
	"github.com/docbind/docbind/templates"
)

// maxRounds bounds how often a run leaves out pages and generates again.
// Each round leaves out every page the check blamed, so one round is the
// rule; more happen only when leaving a page out breaks another.
const maxRounds = 8

// brokenPage is a page whose generated code does not type-check: where in
// the docs, and the first error.
type brokenPage struct {
	pos diag.Pos
	err gocheck.Error
}

// brokenPages type-checks the generated package and blames each type error
// on the doc page it was generated from. An error in a shared file is
// blamed on the page its nearest "Source:" comment names. It returns an
// error listing what it cannot blame on a page. When the check itself is
// unavailable (no go command), the package is taken as generated: every
// known way to break it is closed by construction. The round's check of
// the files as rendered answers whether there are errors; only when there
// are, or it did not check these files, are they checked again to say
// where.
func brokenPages(pkg string, files []templates.File, r *round) (map[string]brokenPage, error) {
	if bad, ok, err := r.typeErrors(files); ok && !bad && (err == nil || errors.Is(err, gocheck.ErrUnavailable)) {
		return nil, nil
	}
	errs, err := gocheck.Check(pkg, files)
	if errors.Is(err, gocheck.ErrUnavailable) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	byName := map[string]templates.File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	broken := map[string]brokenPage{}
	var unblamed []string
	for _, e := range errs {
		f := byName[e.File]
		if _, seen := broken[f.Page]; seen {
			continue // a page is blamed for its first error only
		}
		src, ok := sourceAbove(f.Content, e.Line)
		page := f.Page
		switch {
		case page == "" && ok:
			page = src.File
		case page == "":
			unblamed = append(unblamed, e.String())
			continue
		case !ok || src.File != page:
			src = diag.Pos{File: page, Line: 1, Col: 1}
		}
		if _, seen := broken[page]; !seen { // a shared file's error may name a blamed page
			broken[page] = brokenPage{pos: src, err: e}
		}
	}
	if len(unblamed) > 0 {
		return nil, fmt.Errorf("the generated package does not type-check, in code no page is the source of: %s", strings.Join(unblamed[:min(len(unblamed), 5)], "; "))
	}
	return broken, nil
}

// sourceAbove finds the doc position that the nearest "// Source: file:LINE"
// comment at or above line names: the declaration or example the line
// belongs to.
func sourceAbove(content []byte, line int) (diag.Pos, bool) {
	lines := bytes.Split(content, []byte("\n"))
	for i := min(line, len(lines)) - 1; i >= 0; i-- {
		_, ref, ok := bytes.Cut(lines[i], []byte("// Source: "))
		if !ok {
			continue
		}
		ref, _, _ = bytes.Cut(ref, []byte(" "))
		file, num, ok := strings.Cut(strings.TrimRight(string(ref), ","), ".md:")
		n, err := strconv.Atoi(num)
		if ok && err == nil {
			return diag.Pos{File: file + ".md", Line: n, Col: 1}, true
		}
	}
	return diag.Pos{}, false
}

// leaveOut drops the broken pages, with a warning for each at the place
// its failing code came from.
func leaveOut(pages []*docparse.Page, broken map[string]brokenPage, left *diag.List) []*docparse.Page {
	return slices.DeleteFunc(slices.Clone(pages), func(p *docparse.Page) bool {
		b, ok := broken[p.Path]
		if ok {
			left.Warnf(b.pos, diag.PageLeftOut, "the Go code generated from this page does not compile, so the page's operations and types are left out and the rest of the package is generated without it: %s (%s:%d)", b.err.Msg, b.err.File, b.err.Line)
		}
		return ok
	})
}

// brokenSummary names the pages still broken after the last round.
func brokenSummary(broken map[string]brokenPage) string {
	var names []string
	for page, b := range broken {
		names = append(names, fmt.Sprintf("%s (%s)", page, b.err))
	}
	slices.Sort(names)
	return "the generated package still does not type-check after leaving pages out: " + strings.Join(names, "; ")
}
