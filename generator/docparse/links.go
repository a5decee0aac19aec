package docparse

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/docbind/docbind/generator/diag"
)

// Href is a link or an image of a page, for the link check.
type Href struct {
	Pos   diag.Pos // the first byte of its text; else its block's line
	Text  string
	Dest  string // as goldmark reads it
	Image bool
	// DefPos is the definition ("[id]: destination") a reference-style
	// link takes its destination from; zero for an inline link.
	DefPos diag.Pos
}

// Definition is a reference-style link definition, "[id]: destination".
type Definition struct {
	Label string
	Dest  string
	Pos   diag.Pos
}

// Anchor is an id a link's #fragment can name, and where the page gives it.
type Anchor struct {
	ID  string
	Pos diag.Pos
}

// links records the page's links, images, definitions and anchors, and
// reports the reference-style links whose id no definition gives (DB108):
// goldmark leaves those as plain text. It walks the whole tree, headings
// and tables too, which visit skips into.
func (w *walker) links(doc ast.Node) {
	defs := map[string]bool{}        // the defined labels, normalized
	defined := map[string]diag.Pos{} // the first definition of each destination
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if d, ok := n.(*ast.LinkReferenceDefinition); ok && entering {
			def := Definition{Label: string(d.Label), Dest: string(d.Destination), Pos: w.pos(d)}
			defs[util.ToLinkReference(d.Label)] = true
			if _, ok := defined[def.Dest]; !ok {
				defined[def.Dest] = def.Pos
			}
			w.page.Definitions = append(w.page.Definitions, def)
		}
		return ast.WalkContinue, nil
	})
	ids := headingIDs{} // the heading ids given so far
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !isTab(n) {
				w.href(n, string(n.Destination), false, defined)
			}
		case *ast.Image:
			w.href(n, string(n.Destination), true, defined)
		case *ast.Heading:
			if id := ids.next(html.UnescapeString(inlineText(n, w.src))); id != "" {
				w.anchor(id, w.pos(n))
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				var b strings.Builder
				for i := range n.Segments.Len() {
					seg := n.Segments.At(i)
					b.Write(seg.Value(w.src))
				}
				w.htmlAnchors(b.String(), n.Segments.At(0).Start)
			}
		case *ast.HTMLBlock:
			start, raw := w.htmlSource(n)
			w.htmlAnchors(raw, start)
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
			w.undefinedRefs(n, defs)
		}
		return ast.WalkContinue, nil
	})
}

// isTab reports a DocFX tab: a heading that is a link to #tab/id
// ("# [HTTP](#tab/http)") titles a tab of a tab group, and links nowhere.
func isTab(l *ast.Link) bool {
	_, inHeading := l.Parent().(*ast.Heading)
	return inHeading && strings.HasPrefix(string(l.Destination), "#tab/")
}

// href records a link or image; defined maps a destination to the first
// definition that gives it.
func (w *walker) href(n ast.Node, dest string, image bool, defined map[string]diag.Pos) {
	h := Href{Pos: w.inlinePos(n), Text: inlineText(n, w.src), Dest: dest, Image: image}
	if w.isReference(n) {
		h.DefPos = defined[dest]
	}
	w.page.Hrefs = append(w.page.Hrefs, h)
}

// inlinePos is the position of an inline node's first text, else of the
// line of the block that holds it.
func (w *walker) inlinePos(n ast.Node) diag.Pos {
	if t := firstText(n); t != nil {
		return w.lines.Pos(t.Segment.Start)
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Kind() != ast.KindDocument {
			return w.pos(b)
		}
	}
	return diag.Pos{File: w.page.Path}
}

func firstText(n ast.Node) *ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

func lastText(n ast.Node) *ast.Text {
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := lastText(c); t != nil {
			return t
		}
	}
	return nil
}

// isReference reports whether a link is reference-style: the "]" after
// its text is not followed by "(".
func (w *walker) isReference(n ast.Node) bool {
	t := lastText(n)
	if t == nil {
		return false
	}
	const window = 8 // room for closing emphasis or code span marks
	for i := t.Segment.Stop; i < len(w.src) && i < t.Segment.Stop+window; i++ {
		if w.src[i] == ']' {
			return i+1 >= len(w.src) || w.src[i+1] != '('
		}
	}
	return false
}

func (w *walker) anchor(id string, pos diag.Pos) {
	if w.anchorIDs[id] {
		return
	}
	if w.anchorIDs == nil {
		w.anchorIDs = map[string]bool{}
	}
	w.anchorIDs[id] = true
	w.page.Anchors = append(w.page.Anchors, Anchor{ID: id, Pos: pos})
}

// headingIDs are the ids given to a page's headings so far, and for each
// the number its next repeat is tried with.
type headingIDs map[string]int

// next is the id docs sites give the next heading, of text, as GitHub
// and DocFX (Markdig's GitHub identifiers) make it: the text lower-cased,
// letters, digits, hyphens and underscores kept, each space a hyphen, the
// rest dropped; a repeated id gets -1, -2 appended.
func (given headingIDs) next(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	base := b.String()
	if base == "" {
		return ""
	}
	id := base
	if n, ok := given[base]; ok {
		for ; ; n++ {
			id = base + "-" + strconv.Itoa(n)
			if _, taken := given[id]; !taken {
				given[base] = n + 1
				break
			}
		}
	}
	given[id] = 1
	return id
}

var (
	// htmlTag is an HTML start tag, and htmlAttr an id or name attribute
	// in it.
	htmlTag     = regexp.MustCompile(`(?s)<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>`)
	htmlAttr    = regexp.MustCompile(`(?is)(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))`)
	htmlComment = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
)

// htmlAnchors records the anchors raw HTML at offset start gives: an
// element's id, an <a>'s name; not in comments.
func (w *walker) htmlAnchors(raw string, start int) {
	if !strings.Contains(raw, "=") {
		return
	}
	raw = htmlComment.ReplaceAllStringFunc(raw, func(c string) string { return strings.Repeat(" ", len(c)) })
	for _, tag := range htmlTag.FindAllStringSubmatchIndex(raw, -1) {
		if tag[4] < 0 {
			continue
		}
		name := raw[tag[2]:tag[3]]
		for _, m := range htmlAttr.FindAllStringSubmatch(raw[tag[4]:tag[5]], -1) {
			if strings.EqualFold(m[1], "name") && !strings.EqualFold(name, "a") {
				continue
			}
			if id := strings.TrimSpace(m[2] + m[3] + m[4]); id != "" {
				w.anchor(html.UnescapeString(id), w.lines.Pos(start+tag[0]))
			}
		}
	}
}

// Placeholders in the text undefinedRefs scans: a link (which link text
// cannot hold), and other inline content (an image, code, HTML).
const (
	linkMark  = '\x01'
	otherMark = '\x00'
)

// undefinedRefs reports the reference-style links of a block's inline
// content, "[text][id]" and "[text][]", whose id no definition of the
// page gives: goldmark, as CommonMark says, leaves them as plain text.
// Only those two forms are links beyond doubt ("[word]" alone is a
// shortcut reference only when defined, and is often just brackets), and
// not DocFX's extensions ("[!NOTE]", "[!INCLUDE [x](y)]"), nor brackets
// right after a word ("items[0][name]"), which are code written as text.
func (w *walker) undefinedRefs(block ast.Node, defs map[string]bool) {
	first, last := firstText(block), lastText(block)
	if first == nil || first.Segment.Start >= last.Segment.Stop || !bytes.Contains(w.src[first.Segment.Start:last.Segment.Stop], []byte("][")) {
		return // every reference link the scan reports holds "]["
	}
	var text []byte
	var offs []int // the source offset of each byte of text, -1 for a mark
	add := func(c byte, off int) { text, offs = append(text, c), append(offs, off) }
	var collect func(n ast.Node)
	collect = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				for i := c.Segment.Start; i < c.Segment.Stop; i++ {
					add(w.src[i], i)
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					add('\n', -1)
				}
			case *ast.Link:
				add(linkMark, -1)
			case *ast.Image, *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.String:
				add(otherMark, -1)
			default:
				if c.Type() == ast.TypeInline {
					collect(c)
				}
			}
		}
	}
	collect(block)
	sc := newBracketScan(text)
	for i := 0; i < len(text); i++ {
		if text[i] != '[' || sc.escaped[i] {
			continue
		}
		if i+1 < len(text) && text[i+1] == '!' {
			// A DocFX extension ("[!NOTE]", "[!INCLUDE [x](y)]"):
			// nothing in it is a link.
			if end := sc.closer[i]; end > i {
				i = end
			}
			continue
		}
		end, label, labelOff, ok := sc.refLink(i)
		if !ok || i > 0 && isWordByte(text[:i]) || defs[util.ToLinkReference([]byte(label))] {
			continue
		}
		pos := offs[i] + 1
		if offs[i+1] >= 0 {
			pos = offs[i+1]
		}
		form := "[" + string(text[i+1:labelOff-2]) + "][" + string(text[labelOff:end-1]) + "]"
		if last := offs[end-1]; last > offs[i] {
			form = string(w.src[offs[i] : last+1]) // as written, marks and all
		}
		w.diags.Warnf(w.lines.Pos(pos), diag.UndefinedLinkID, "reference link %s names the link id %s, which no \"[id]: destination\" line of the page defines; it shows as plain text",
			diag.Quote(strings.Map(printable, form), 60), diag.Quote(strings.Map(printable, label), 60))
		i = end - 1
	}
}

// bracketScan pairs the brackets of a block's text in one pass, so that
// matching reference links takes time in proportion to the text, however
// its brackets nest.
type bracketScan struct {
	text    []byte
	escaped []bool // escaped[i]: a backslash escapes text[i]
	closer  []int  // closer[i]: the "]" that closes the "[" at i, or -1
	links   []int  // links[i]: the link marks in text[:i]
}

func newBracketScan(text []byte) *bracketScan {
	sc := &bracketScan{text: text, escaped: make([]bool, len(text)), closer: make([]int, len(text)), links: make([]int, len(text)+1)}
	var open []int
	for i, c := range text {
		sc.closer[i] = -1
		sc.links[i+1] = sc.links[i]
		switch {
		case sc.escaped[i]:
		case c == '\\' && i+1 < len(text) && isASCIIPunct(text[i+1]):
			sc.escaped[i+1] = true
		case c == linkMark:
			sc.links[i+1]++
		case c == '[':
			open = append(open, i)
		case c == ']' && len(open) > 0:
			sc.closer[open[len(open)-1]] = i
			open = open[:len(open)-1]
		}
	}
	return sc
}

// maxLabel is the longest link label CommonMark allows.
const maxLabel = 999

// refLink matches "[text][label]" or "[text][]" at text[i]: it returns
// the offset past the match, the label (the text for "[]"), and the
// offset of the label's first byte. Link text may hold brackets in
// balanced pairs and inline content, but no link; the label holds no
// bracket and no inline content, and not only blanks.
func (sc *bracketScan) refLink(i int) (end int, label string, labelOff int, ok bool) {
	text := sc.text
	j := sc.closer[i]
	if j < 0 || sc.links[j]-sc.links[i] > 0 || j+1 >= len(text) || text[j+1] != '[' || sc.escaped[j+1] {
		return 0, "", 0, false
	}
	labelOff = j + 2
	k := sc.closer[j+1]
	if k < 0 || k-labelOff > maxLabel || !sc.plain(labelOff, k) {
		return 0, "", 0, false
	}
	label = string(text[labelOff:k])
	if label == "" {
		if j-i-1 > maxLabel || !sc.plain(i+1, j) {
			return 0, "", 0, false
		}
		label = string(text[i+1 : j])
	}
	if strings.TrimSpace(label) == "" {
		return 0, "", 0, false
	}
	return k + 1, label, labelOff, true
}

// plain reports whether text[from:to] holds no unescaped bracket and no
// inline content: what a label may hold.
func (sc *bracketScan) plain(from, to int) bool {
	for k := from; k < to; k++ {
		switch sc.text[k] {
		case '[', ']':
			if !sc.escaped[k] {
				return false
			}
		case linkMark, otherMark:
			return false
		}
	}
	return true
}

// isWordByte reports whether before ends in a letter, digit or '_'.
func isWordByte(before []byte) bool {
	r, _ := utf8.DecodeLastRune(before)
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// printable shows the placeholders of inline content as "…".
func printable(r rune) rune {
	switch r {
	case linkMark, otherMark:
		return '…'
	case '\n':
		return ' '
	}
	return r
}
