// Package docparse is the first stage of docbind: it walks the goldmark AST
// of one Markdown page and returns its annotated code blocks, tables and
// links, each with its position and the heading it sits under.
package docparse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/docbind/docbind/generator/diag"
)

// Page is what docbind reads from one Markdown file.
type Page struct {
	Path     string // slash-separated, relative to the docs folder
	Title    string // text of the first level-1 heading
	TitlePos diag.Pos
	// TitleAnchors are the title's anchor ids: a translated edition keeps
	// the English heading's anchor, # <a name="list-users"></a>列出用户.
	TitleAnchors []string
	Intro        string // the first paragraph under the title
	Blocks       []Block
	// Plain are the fenced code blocks no annotation covers, in page
	// order: a third of real docs show their examples that way.
	Plain  []PlainBlock
	Tables []Table
	Links  []Link
	// Statuses are the HTTP statuses the page's prose names with their
	// reason phrase ("returns a `204 No Content` response code"), in page
	// order. Translated editions keep the phrase in English, in a code span.
	Statuses []StatusMention
	// Hrefs are every link and image of the page wherever it stands (a
	// heading, a table cell), in page order: what the link check reads.
	// Links holds the prose's links only, with their headings.
	Hrefs []Href
	// Definitions are the page's reference-style link definitions
	// ("[id]: destination"), in page order.
	Definitions []Definition
	// Anchors are the ids a link's #fragment can name on the page, in
	// page order: each heading's, as docs sites make it from the heading's
	// text (see headingIDs.next), and those of its HTML (<a name="x">,
	// id="x").
	Anchors []Anchor
}

// StatusMention is an HTTP status named in a paragraph of prose, under
// any heading: a translated page's headings say nothing for sure.
type StatusMention struct {
	Status int
	Text   string   // as written: "204 No Content"
	Pos    diag.Pos // the status code's digits
}

// PlainBlock is a fenced code block without an annotation.
type PlainBlock struct {
	Lang     string
	Code     string
	FencePos diag.Pos // the opening fence
	CodePos  diag.Pos // first line of the code, column 1
	Heading  string   // the nearest heading above the block
	// HeadingAnchors are the anchor ids of that heading (see InSection).
	HeadingAnchors []string
}

// Block is an annotated fenced code block.
type Block struct {
	Annotation    Annotation
	AnnotationPos diag.Pos // the "<!--" that opens the annotation
	Lang          string   // the fence's info word, a hint only
	Code          string
	CodePos       diag.Pos // first line of the code, column 1
	Heading       string   // the nearest heading above the block
	// HeadingAnchors are the anchor ids of that heading (see InSection).
	HeadingAnchors []string
}

// Table is a GFM table with its header row and body rows as plain text.
type Table struct {
	Heading        string
	HeadingAnchors []string // the anchor ids of the heading (see InSection)
	Pos            diag.Pos
	Header         []string
	Rows           []Row
}

// Row is one body row of a table.
type Row struct {
	Pos   diag.Pos
	Cells []Cell
}

// Cell is one table cell: its text, and the links inside it.
type Cell struct {
	Text  string
	Links []Link
}

// Link is an inline link with its text and destination.
type Link struct {
	Heading        string
	HeadingAnchors []string // the anchor ids of the heading (see InSection)
	Pos            diag.Pos
	Text           string
	Dest           string
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// MaxPageBytes bounds a page: a run takes memory in proportion to the
// page (about 45 bytes a byte), so a runaway page is refused, not read.
const MaxPageBytes = 32 << 20

// Parse reads one page. path is used in positions; src is the page. It never
// fails: input it cannot use is reported in the diagnostics.
func Parse(path string, src []byte) (*Page, diag.List) {
	if len(src) > MaxPageBytes {
		var diags diag.List
		diags.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, diag.PageTooLarge, "page of %d bytes is larger than the bound of %d; not read", len(src), MaxPageBytes)
		return &Page{Path: path}, diags
	}
	src = cleanText(src)
	fmEnd, fmProblems := frontMatter(src)
	src = blankFrontMatter(src, fmEnd)
	w := &walker{
		page:  &Page{Path: path},
		src:   src,
		lines: diag.NewLines(path, src),
	}
	w.frontMatter(fmProblems)
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, w.visit)
	w.links(doc)
	return w.page, w.diags
}

type walker struct {
	page    *Page
	src     []byte
	lines   *diag.Lines
	heading string
	anchors []string // the anchor ids of heading
	// pending are the anchors of a block that holds nothing else; they
	// name the heading right after it (see anchorsBefore).
	pending []string
	diags   diag.List
	// annotated are the fences an annotation covers.
	annotated map[*ast.FencedCodeBlock]bool
	anchorIDs map[string]bool // the ids of page.Anchors
}

func (w *walker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	before := w.anchorsBefore(n)
	switch n := n.(type) {
	case *ast.Heading:
		w.heading = inlineText(n, w.src)
		w.anchors = appendNew(headingAnchors(n, w.src), before...)
		if n.Level == 1 && w.page.Title == "" {
			w.page.Title = w.heading
			w.page.TitlePos = w.pos(n)
			w.page.TitleAnchors = w.anchors
		}
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		w.htmlBlock(n)
	case *east.Table:
		w.table(n)
		return ast.WalkSkipChildren, nil
	case *ast.Link:
		w.page.Links = append(w.page.Links, w.link(n))
	case *ast.FencedCodeBlock:
		w.checkClosed(n)
		if !w.annotated[n] {
			w.page.Plain = append(w.page.Plain, PlainBlock{
				Lang: string(n.Language(w.src)), Code: segmentsText(n.Lines(), w.src), FencePos: w.pos(n), CodePos: w.codePos(n),
				Heading: w.heading, HeadingAnchors: w.anchors,
			})
		}
	case *ast.Paragraph:
		text := inlineText(n, w.src)
		if w.page.Intro == "" && w.page.Title != "" && w.heading == w.page.Title && !isMetadataLine(text) {
			w.page.Intro = text
		}
		w.statuses(n, text)
	case *ast.TextBlock:
		// A tight list's items hold text blocks, not paragraphs.
		w.statuses(n, inlineText(n, w.src))
	}
	return ast.WalkContinue, nil
}

// frontMatter reports the first problem of the page's front matter
// (DB109), counting the others: when the closing line is missing, every
// line of prose down to the next "---" is one, and a page says it once.
func (w *walker) frontMatter(problems []fmProblem) {
	if len(problems) == 0 {
		return
	}
	p := problems[0]
	more := ""
	switch n := len(problems) - 1; n {
	case 0:
	case 1:
		more = " (and 1 more line of the front matter)"
	default:
		more = fmt.Sprintf(" (and %d more lines of the front matter)", n)
	}
	w.diags.Warnf(w.lines.Pos(p.offset), diag.BadFrontMatter, "YAML front matter: %s%s", p.msg, more)
}

// pos is the position of a block node's first line.
func (w *walker) pos(n ast.Node) diag.Pos {
	if n.Pos() >= 0 {
		return w.lines.Pos(n.Pos())
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return w.lines.Pos(l.At(0).Start)
	}
	return diag.Pos{File: w.page.Path}
}

// htmlBlock turns an annotation comment and the code block after it into a
// Block. Comments that are not JSON, or JSON without "blockType", are prose.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	start, raw := w.htmlSource(n)
	body, bodyOff, ok := commentBody(raw)
	if !ok {
		return
	}
	ann, unescaped, err := parseAnnotation(body)
	if errors.Is(err, errNotBlockAnnotation) {
		return
	}
	if err != nil {
		if !strings.Contains(body, "blockType") {
			return // a malformed comment that never claimed to be an annotation
		}
		var se *SyntaxError
		errors.As(err, &se)
		w.diags.Errorf(w.lines.Pos(start+bodyOff+se.Offset), diag.BadAnnotation, "%s", se.Msg)
		return
	}
	annPos := w.lines.Pos(start)
	if unescaped {
		w.diags.Warnf(annPos, diag.EscapedAnnotation, "%s annotation's JSON is HTML-escaped (&quot; for a quote, say); read with its entities decoded", ann.BlockType)
	}
	fence, ok := n.NextSibling().(*ast.FencedCodeBlock)
	if !ok {
		w.diags.Warnf(annPos, diag.AnnotationNoFence, "%s annotation is not followed by a fenced code block; ignored", ann.BlockType)
		return
	}
	if w.annotated == nil {
		w.annotated = map[*ast.FencedCodeBlock]bool{}
	}
	w.annotated[fence] = true
	w.page.Blocks = append(w.page.Blocks, Block{
		Annotation:     ann,
		AnnotationPos:  annPos,
		Lang:           string(fence.Language(w.src)),
		Code:           segmentsText(fence.Lines(), w.src),
		CodePos:        w.codePos(fence),
		Heading:        w.heading,
		HeadingAnchors: w.anchors,
	})
}

// htmlSource returns the byte offset and source text of an HTML block,
// including the closing line goldmark keeps apart from Lines().
func (w *walker) htmlSource(n *ast.HTMLBlock) (int, string) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return 0, ""
	}
	start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if n.HasClosure() {
		stop = n.ClosureLine.Stop
	}
	return start, string(w.src[start:stop])
}

// commentBody strips "<!--" and "-->" and reports whether what is left looks
// like a JSON object, with the body's offset in raw.
func commentBody(raw string) (string, int, bool) {
	trimmed := strings.TrimLeft(raw, " \t")
	if !strings.HasPrefix(trimmed, "<!--") {
		return "", 0, false
	}
	off := len(raw) - len(trimmed) + len("<!--")
	body := raw[off:]
	if end := strings.Index(body, "-->"); end >= 0 {
		body = body[:end]
	}
	lead := len(body) - len(strings.TrimLeft(body, " \t\r\n"))
	body = strings.TrimSpace(body)
	return body, off + lead, strings.HasPrefix(body, "{")
}

func (w *walker) codePos(fence *ast.FencedCodeBlock) diag.Pos {
	if fence.Lines().Len() > 0 {
		p := w.lines.Pos(fence.Lines().At(0).Start)
		p.Col = 1
		return p
	}
	p := w.pos(fence)
	p.Line++
	p.Col = 1
	return p
}

// checkClosed warns about a fence that runs to the end of the page: goldmark
// accepts it, but everything after it was swallowed into the code block.
func (w *walker) checkClosed(fence *ast.FencedCodeBlock) {
	var end int
	if l := fence.Lines(); l.Len() > 0 {
		end = l.At(l.Len() - 1).Stop
	} else if fence.Pos() >= 0 {
		end = fence.Pos() + bytes.IndexByte(w.src[fence.Pos():], '\n') + 1
	}
	if end <= 0 || end > len(w.src) {
		end = len(w.src)
	}
	next := bytes.TrimLeft(w.src[end:], " \t")
	if bytes.HasPrefix(next, []byte("```")) || bytes.HasPrefix(next, []byte("~~~")) {
		return
	}
	w.diags.Warnf(w.pos(fence), diag.UnclosedFence, "code fence is never closed; it runs to the end of the page")
}

func (w *walker) link(n *ast.Link) Link {
	pos := diag.Pos{File: w.page.Path}
	if t, ok := n.FirstChild().(*ast.Text); ok {
		pos = w.lines.Pos(t.Segment.Start)
	}
	return Link{Heading: w.heading, HeadingAnchors: w.anchors, Pos: pos, Text: inlineText(n, w.src), Dest: string(n.Destination)}
}

func (w *walker) table(n *east.Table) {
	t := Table{Heading: w.heading, HeadingAnchors: w.anchors, Pos: w.pos(n)}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		cells := w.cells(row)
		if _, isHeader := row.(*east.TableHeader); isHeader {
			for _, c := range cells {
				t.Header = append(t.Header, c.Text)
			}
			continue
		}
		t.Rows = append(t.Rows, Row{Pos: w.rowPos(row), Cells: cells})
	}
	w.page.Tables = append(w.page.Tables, t)
}

func (w *walker) rowPos(row ast.Node) diag.Pos {
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		if l := c.Lines(); l != nil && l.Len() > 0 {
			return w.lines.Pos(l.At(0).Start)
		}
	}
	return diag.Pos{File: w.page.Path}
}

func (w *walker) cells(row ast.Node) []Cell {
	var cells []Cell
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cell := Cell{Text: inlineText(c, w.src)}
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				cell.Links = append(cell.Links, w.link(l))
			}
			return ast.WalkContinue, nil
		})
		cells = append(cells, cell)
	}
	return cells
}

// inlineText is the plain text of a node's inline content.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func segmentsText(lines *text.Segments, src []byte) string {
	var b strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// cleanText makes a page valid UTF-8 text that Go source can quote and
// comment: invalid bytes and NULs become U+FFFD, and byte order marks,
// which editors leave at the start of a file, are dropped. Go's scanner
// refuses all three, and the page's text ends up in generated comments.
func cleanText(src []byte) []byte {
	const bom = "\uFEFF"
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 && !bytes.Contains(src, []byte(bom)) {
		return src
	}
	src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	return bytes.ReplaceAll(src, []byte(bom), nil)
}

// isMetadataLine reports a paragraph that labels a value rather than
// describes, such as "Namespace: microsoft.graph" above a page's
// description: a short label, a colon (ASCII or full-width, as translated
// editions write it) and one dotted identifier.
func isMetadataLine(text string) bool {
	label, value, ok := strings.Cut(strings.Replace(text, "\uff1a", ":", 1), ":")
	value = strings.TrimSpace(value)
	return ok && label != "" && len(strings.Fields(label)) <= 3 &&
		strings.Contains(value, ".") && !strings.ContainsFunc(value, unicode.IsSpace) && !strings.HasSuffix(value, ".")
}
