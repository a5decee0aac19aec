package model

import (
	"net/url"
	"path"
	"strings"

	"github.com/docbind/docbind/generator/docparse"
)

// pageLinks counts, for each page, the other pages that link to it: how
// prominent the docs make it. Where several pages document one route (the
// user resource's Update user, and an Intune page's), the resource's own
// page is the one its resource page and its siblings link to, the others
// being linked from their own corners; a lenient fake answers a request
// the docs do not show from it.
func pageLinks(pages []*docparse.Page) map[string]int {
	from := map[string]map[string]bool{}
	for _, p := range pages {
		for _, h := range p.Hrefs {
			target, ok := linkedPage(p.Path, h.Dest)
			if !ok || target == p.Path {
				continue
			}
			if from[target] == nil {
				from[target] = map[string]bool{}
			}
			from[target][p.Path] = true
		}
	}
	counts := make(map[string]int, len(from))
	for target, pages := range from {
		counts[target] = len(pages)
	}
	return counts
}

// linkedPage is the page a link of the page at from names, a path like
// the pages'; ok is false for a link to no Markdown page of the docs.
func linkedPage(from, dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	p, _, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	p = strings.ReplaceAll(p, `\`, "/")
	if d, err := url.PathUnescape(p); err == nil {
		p = d
	}
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, ":") || !strings.EqualFold(path.Ext(p), ".md") {
		return "", false
	}
	return path.Join(path.Dir(from), p), true
}
