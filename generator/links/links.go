// Package links checks the links of the docs across pages, as ApiDoctor's
// check-links does: a relative link must name a file of the docs folder
// (DB106, ApiDoctor's LinkDestinationNotFound), and its #anchor an anchor
// of the page it names (DB107). Page-local checks (a reference link's
// undefined id, front matter) are docparse's.
//
// What is checked, and how a link resolves:
//
//   - Only relative links: a link with a scheme (https:, mailto:, xref:),
//     a protocol-relative "//host" link and a site-absolute "/path" link
//     name no file of the folder, and are left alone.
//   - The path resolves against the folder of the page, with "?query" and
//     "#anchor" split off, %-escapes decoded and "\" read as "/", as
//     browsers read it. A link that climbs out of the docs folder names a
//     file docbind cannot see, and is not checked.
//   - Paths match without regard to letter case, as the docs sites serve
//     them and as ApiDoctor (on Windows) finds them; a path without an
//     extension also names the page path.md (the page's published URL),
//     and a folder's path the folder.
//   - An anchor must be one of the target page's (docparse.Page.Anchors)
//     exactly: browsers match ids with case. It is checked only on pages
//     docbind read; a link to a page that Include or Exclude leave out is
//     checked for the page only.
//
// Links into a folder the docs folder does not have at all are one
// problem (a folder that is missing, or a docs folder that is a partial
// copy), however many links name files in it: they are reported once, at
// the first link, counted.
package links

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/naming"
)

// Check reports the broken relative links of pages (DB106) and their
// #anchors that name no anchor of their page (DB107), as warnings, in
// position order.
//
// root is the prefix that names the docs folder in the pages' paths (a
// page's Path is path.Join(root, its path in the folder)). files lists
// every file of the docs folder, slash paths relative to it, pages left
// out of the run among them; nil means the folder is not known: then only
// links to Markdown pages are checked, against pages.
func Check(root string, pages []*docparse.Page, files []string) diag.List {
	c := newChecker(root, pages, files)
	for _, p := range pages {
		for _, h := range p.Hrefs {
			c.check(p, h)
		}
	}
	c.reportMissingFolders()
	return c.diags.Sorted()
}

type checker struct {
	root  string
	known bool // files lists the whole folder
	// files maps each file's lower-cased path to its path; dirs holds the
	// lower-cased folders that hold a file; pages maps a page's path in
	// the folder to the page.
	files map[string]string
	dirs  map[string]bool
	pages map[string]*docparse.Page
	// inDir lists the files of each lower-cased folder, for suggestions;
	// built when first needed.
	inDir       map[string][]string
	suggestions int // how many suggestions were looked for
	anchors     map[*docparse.Page]map[string]bool
	missing     map[string][]miss
	diags       diag.List
}

// miss is a link into a folder the docs folder does not have.
type miss struct {
	pos    diag.Pos
	what   string // "link" or "image"
	dest   string
	target string
}

func newChecker(root string, pages []*docparse.Page, files []string) *checker {
	c := &checker{
		root:    path.Clean(root),
		known:   files != nil,
		files:   make(map[string]string, len(files)+len(pages)),
		dirs:    map[string]bool{".": true},
		pages:   make(map[string]*docparse.Page, len(pages)),
		missing: map[string][]miss{},
		anchors: map[*docparse.Page]map[string]bool{},
	}
	add := func(f string) {
		low := strings.ToLower(f)
		if _, ok := c.files[low]; ok {
			return
		}
		c.files[low] = f
		for d := path.Dir(low); d != "." && !c.dirs[d]; d = path.Dir(d) {
			c.dirs[d] = true
		}
	}
	for _, p := range pages {
		rel := c.rel(p.Path)
		c.pages[rel] = p
	}
	// Sorted, so that of two paths that differ in case only the first
	// wins, whatever order the caller gives.
	for _, f := range slices.Sorted(func(yield func(string) bool) {
		for _, f := range files {
			if !yield(f) {
				return
			}
		}
		for rel := range c.pages {
			if !yield(rel) {
				return
			}
		}
	}) {
		add(f)
	}
	return c
}

// rel is a page's path in the docs folder.
func (c *checker) rel(p string) string {
	if c.root == "." || c.root == "" {
		return p
	}
	return strings.TrimPrefix(p, c.root+"/")
}

// destination splits a link's destination into the path it names and its
// anchor, both decoded; ok is false for a link the check leaves alone.
func destination(dest string) (p, anchor string, ok bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || hasScheme(dest) || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	p, anchor, _ = strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") {
		return "", "", false // site-absolute: the site's, not the folder's
	}
	if d, err := url.PathUnescape(p); err == nil {
		p = d
	}
	if d, err := url.PathUnescape(anchor); err == nil {
		anchor = d
	}
	return p, anchor, true
}

// hasScheme reports whether dest starts with a URL scheme and a colon
// (RFC 3986: a letter, then letters, digits, "+", "-" or ".").
func hasScheme(dest string) bool {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

func (c *checker) check(p *docparse.Page, h docparse.Href) {
	linkPath, anchor, ok := destination(h.Dest)
	if !ok {
		return
	}
	what := "link"
	if h.Image {
		what = "image"
	}
	from := c.rel(p.Path)
	if linkPath == "" {
		if anchor != "" {
			c.checkAnchor(h, what, p, p, anchor)
		}
		return
	}
	target := path.Join(path.Dir(from), linkPath)
	if target == ".." || strings.HasPrefix(target, "../") {
		return // outside the docs folder
	}
	found, isDir, ok := c.lookup(target, strings.HasSuffix(linkPath, "/"))
	switch {
	case ok && !isDir:
		if t := c.pages[found]; t != nil && anchor != "" {
			c.checkAnchor(h, what, p, t, anchor)
		}
		return
	case ok:
		return
	case !c.known && !strings.EqualFold(path.Ext(target), ".md"):
		return // not a page, and the folder's other files are not known
	}
	if folder := c.missingFolder(target); folder != "" {
		c.missing[folder] = append(c.missing[folder], miss{pos: h.Pos, what: what, dest: h.Dest, target: target})
		return
	}
	msg := fmt.Sprintf("%s %s names %s, which is not in the docs folder", what, diag.Quote(h.Dest, 80), target)
	if s := c.suggestFile(target); s != "" {
		msg += "; did you mean " + s + "?"
	}
	var related []diag.Related
	if h.DefPos.Line > 0 {
		related = append(related, diag.Related{Pos: h.DefPos, Message: "the definition the link takes its destination from"})
	}
	c.diags.WarnRelated(h.Pos, related, diag.BrokenPageLink, "%s", msg)
}

// lookup finds the file (or with dir, only the folder) a resolved link
// path names: its path as the folder spells it, and whether it is a
// folder.
func (c *checker) lookup(target string, dir bool) (found string, isDir, ok bool) {
	low := strings.ToLower(target)
	if !dir {
		if f, ok := c.files[low]; ok {
			return f, false, true
		}
	}
	if c.dirs[low] {
		return target, true, true
	}
	if !dir && path.Ext(target) == "" {
		if f, ok := c.files[low+".md"]; ok {
			return f, false, true
		}
	}
	return "", false, false
}

// missingFolder is the shallowest folder of target's path that the docs
// folder does not have, "" when it has target's folder.
func (c *checker) missingFolder(target string) string {
	dir := path.Dir(target)
	if c.dirs[strings.ToLower(dir)] {
		return ""
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		d := strings.Join(parts[:i+1], "/")
		if !c.dirs[strings.ToLower(d)] {
			return d
		}
	}
	return dir
}

// maxRelated bounds the other links a report on a missing folder names.
const maxRelated = 5

// reportMissingFolders reports each folder the docs folder lacks once, at
// the first link into it.
func (c *checker) reportMissingFolders() {
	for _, folder := range slices.Sorted(func(yield func(string) bool) {
		for f := range c.missing {
			if !yield(f) {
				return
			}
		}
	}) {
		ms := c.missing[folder]
		slices.SortStableFunc(ms, func(a, b miss) int { return a.pos.Compare(b.pos) })
		first := ms[0]
		msg := fmt.Sprintf("%s %s names %s, which is not in the docs folder: it has no folder %s", first.what, diag.Quote(first.dest, 80), first.target, folder)
		if len(ms) > 1 {
			files := map[string]bool{}
			for _, m := range ms {
				files[m.pos.File] = true
			}
			msg += fmt.Sprintf(" (%s on %s name files in it; this is the first)", count(len(ms), "link"), count(len(files), "page"))
		}
		var related []diag.Related
		for _, m := range ms[1:min(len(ms), 1+maxRelated)] {
			related = append(related, diag.Related{Pos: m.pos, Message: "another link into " + folder})
		}
		c.diags.WarnRelated(first.pos, related, diag.BrokenPageLink, "%s", msg)
	}
}

func (c *checker) checkAnchor(h docparse.Href, what string, from, to *docparse.Page, anchor string) {
	ids := c.anchors[to]
	if ids == nil {
		ids = make(map[string]bool, len(to.Anchors))
		for _, a := range to.Anchors {
			ids[a.ID] = true
		}
		c.anchors[to] = ids
	}
	if ids[anchor] {
		return
	}
	page := "the page " + c.rel(to.Path)
	if to == from {
		page = "this page"
	}
	msg := fmt.Sprintf("%s %s names the anchor #%s, which no heading or anchor of %s has", what, diag.Quote(h.Dest, 80), anchor, page)
	pagePos := to.TitlePos
	if pagePos.Line == 0 {
		pagePos = diag.Pos{File: to.Path}
	}
	related := []diag.Related{{Pos: pagePos, Message: "the page the link names"}}
	if a, ok := c.suggestAnchor(anchor, to.Anchors); ok {
		msg += "; did you mean #" + a.ID + "?"
		related = append(related, diag.Related{Pos: a.Pos, Message: "the anchor #" + a.ID})
	}
	c.diags.WarnRelated(h.Pos, related, diag.BrokenAnchorLink, "%s", msg)
}

// maxSuggestions bounds the suggestions a run looks for, so that docs with
// thousands of broken links in a large folder stay quick to check.
const maxSuggestions = 1000

// suggestFile is the file of target's folder whose name is closest to
// target's, "" when none is close.
func (c *checker) suggestFile(target string) string {
	if c.suggestions >= maxSuggestions {
		return ""
	}
	c.suggestions++
	if c.inDir == nil {
		c.inDir = map[string][]string{}
		for _, low := range slices.Sorted(func(yield func(string) bool) {
			for f := range c.files {
				if !yield(f) {
					return
				}
			}
		}) {
			d := path.Dir(low)
			c.inDir[d] = append(c.inDir[d], c.files[low])
		}
	}
	name := strings.ToLower(path.Base(target))
	best, bestDist := "", closeEnough(name)+1
	for _, f := range c.inDir[strings.ToLower(path.Dir(target))] {
		if d := naming.Distance(name, strings.ToLower(path.Base(f)), bestDist-1); d < bestDist {
			best, bestDist = f, d
		}
	}
	return best
}

// suggestAnchor is the anchor closest to a, if one is close.
func (c *checker) suggestAnchor(a string, anchors []docparse.Anchor) (docparse.Anchor, bool) {
	if c.suggestions >= maxSuggestions {
		return docparse.Anchor{}, false
	}
	c.suggestions++
	low := strings.ToLower(a)
	var best docparse.Anchor
	bestDist := closeEnough(low) + 1
	for _, x := range anchors {
		if d := naming.Distance(low, strings.ToLower(x.ID), bestDist-1); d < bestDist {
			best, bestDist = x, d
		}
	}
	return best, best.ID != ""
}

// closeEnough is how many edits a suggestion for s may be away.
func closeEnough(s string) int { return max(1, min(3, len(s)/4)) }

// count is "1 link", "2 links".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
