package docparse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// anchorAttr finds the name or id of an HTML anchor: <a name="x"></a>,
// <a id='x'>, <a name=x>.
var anchorAttr = regexp.MustCompile(`(?is)<a(?:\s[^>]*?)?\s(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))`)

// headingAnchors are the anchor ids a heading carries: those of the inline
// HTML anchors in it, and its id attribute when the parser gave it one.
// Translated editions of the Graph reference translate a heading's words
// but keep its English anchor ("## <a name="request-headers"></a>
// Anforderungsheader"), so the anchors say which section it is.
func headingAnchors(h *ast.Heading, src []byte) []string {
	var ids []string
	add := func(id string) { ids = appendNew(ids, strings.TrimSpace(id)) }
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		raw, ok := n.(*ast.RawHTML)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		for i := range raw.Segments.Len() {
			seg := raw.Segments.At(i)
			b.Write(seg.Value(src))
		}
		for _, m := range anchorAttr.FindAllStringSubmatch(b.String(), -1) {
			add(m[1] + m[2] + m[3])
		}
		return ast.WalkContinue, nil
	})
	if id, ok := h.AttributeString("id"); ok {
		switch id := id.(type) {
		case []byte:
			add(string(id))
		case string:
			add(id)
		}
	}
	return ids
}

// anchorTag is an HTML anchor's opening or closing tag.
var anchorTag = regexp.MustCompile(`(?is)</?a(?:\s[^>]*)?>`)

// anchorsBefore keeps the anchors of a block that holds nothing but
// anchors (<a name="list-users"></a> on the line above "# Benutzer
// auflisten", as some editions place them) for the heading right after it,
// and returns those an earlier such block kept for n. Any other block in
// between names nothing.
func (w *walker) anchorsBefore(n ast.Node) []string {
	if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
		return nil
	}
	kept := w.pending
	w.pending = nil
	switch n.(type) {
	case *ast.Paragraph, *ast.HTMLBlock:
		w.pending = onlyAnchors(segmentsText(n.Lines(), w.src))
	}
	return kept
}

// onlyAnchors are the ids of the anchors in raw when raw holds nothing
// else; nil otherwise.
func onlyAnchors(raw string) []string {
	if strings.TrimSpace(anchorTag.ReplaceAllString(raw, "")) != "" {
		return nil
	}
	var ids []string
	for _, m := range anchorAttr.FindAllStringSubmatch(raw, -1) {
		ids = appendNew(ids, strings.TrimSpace(m[1]+m[2]+m[3]))
	}
	return ids
}

// appendNew appends the ids that are neither empty nor in ids already.
func appendNew(ids []string, more ...string) []string {
	for _, id := range more {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

var anchorSpaces = strings.NewReplacer("-", " ", "_", " ")

// InSection reports whether a heading is a section that one of words names.
// words are lower-case English, such as "request header" or "propert"; the
// heading is that section when its text contains one of them, or when one of
// its anchors does with hyphens and underscores read as spaces
// ("request-headers"), which is how a translated page names its sections.
func InSection(heading string, anchors []string, words ...string) bool {
	texts := make([]string, 0, 1+len(anchors))
	texts = append(texts, strings.ToLower(heading))
	for _, a := range anchors {
		texts = append(texts, strings.ToLower(anchorSpaces.Replace(a)))
	}
	for _, t := range texts {
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}
