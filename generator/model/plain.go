package model

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/schema"
)

// Many pages of such docs (all of Graph's Intune reference) show their
// examples without annotations: a fence whose first line is "METHOD URL",
// then a fence whose first line is "HTTP/1.1 STATUS". readPlain reads
// them as the annotated ones are read, with the annotation they would
// have had: a request and its response named after the page
// (intune-devices-user-list, then intune-devices-user-list_2, ...), and a
// response type the prose links to (settled by typePlainResponses, once
// the types are known). Annotated blocks keep precedence: a plain pair is
// read only when no annotated block stands between its two halves. Under
// "HTTP request", a plain block of "METHOD /path" lines lists the URLs.

// plainKind says what a plain block's first line makes it.
type plainKind int

const (
	plainOther plainKind = iota
	plainRequest
	plainResponse
)

func kindOfPlain(code string) plainKind {
	for _, line := range strings.Split(code, "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			continue
		case strings.HasPrefix(strings.ToUpper(fields[0]), "HTTP/") && len(fields) >= 2:
			return plainResponse
		case isPlainRequestLine(line):
			return plainRequest
		}
		return plainOther
	}
	return plainOther
}

// isPlainRequestLine reports a request line whose URL is a path or an
// absolute URL, read as every request line is (httpmsg.ParseRequestLine):
// "GET HTTP/1.1 /x" is one too.
func isPlainRequestLine(line string) bool {
	rl, ok := httpmsg.ParseRequestLine(line)
	return ok && (strings.HasPrefix(rl.Target, "/") || strings.Contains(strings.Fields(rl.Target)[0], "://"))
}

// readPlain reads a page's plain URL lists and example pairs into d.
func (b *builder) readPlain(d *pageOps) {
	p := d.page
	stem := strings.TrimSuffix(path.Base(p.Path), ".md")
	var pending *docparse.PlainBlock
	examples := 0
	for i := range p.Plain {
		pb := &p.Plain[i]
		if docparse.InSection(pb.Heading, pb.HeadingAnchors, "http request") {
			if kindOfPlain(pb.Code) == plainRequest {
				d.urls = append(d.urls, b.readURLs(plainAsBlock(pb, docparse.Annotation{BlockType: docparse.Ignored}))...)
			}
			continue
		}
		switch kindOfPlain(pb.Code) {
		case plainRequest:
			b.warnUnpaired(p, pending)
			pending = pb
		case plainResponse:
			if pending == nil || annotatedBetween(p, pending.FencePos.Line, pb.FencePos.Line) {
				if pending == nil && !pageAnnotatesExamples(p) {
					b.diags.Warnf(pb.FencePos, diag.UnpairedPlainExample, "plain response example follows no plain request; ignored")
				}
				pending = nil
				continue
			}
			examples++
			name := stem
			if examples > 1 {
				name = fmt.Sprintf("%s_%d", stem, examples)
			}
			b.readPlainPair(d, pending, pb, name)
			pending = nil
		}
	}
	b.warnUnpaired(p, pending)
	byLine := func(x, y *docparse.Block) int { return x.AnnotationPos.Line - y.AnnotationPos.Line }
	slices.SortStableFunc(d.requests, func(x, y *docRequest) int { return byLine(x.block, y.block) })
	slices.SortStableFunc(d.responses, func(x, y *docResponse) int { return byLine(x.block, y.block) })
}

// warnUnpaired warns of a plain request no plain response follows, on a
// page whose examples are plain: on a page that annotates them, such a
// block shows a format or a callback, not an example.
func (b *builder) warnUnpaired(p *docparse.Page, req *docparse.PlainBlock) {
	if req != nil && !pageAnnotatesExamples(p) {
		b.diags.Warnf(req.FencePos, diag.UnpairedPlainExample, "plain request example has no plain response after it; ignored")
	}
}

// readPlainPair reads a request and its response, named name.
func (b *builder) readPlainPair(d *pageOps, req, resp *docparse.PlainBlock, name string) {
	reqBlock := plainAsBlock(req, docparse.Annotation{BlockType: docparse.Request, Names: []string{name}})
	respBlock := plainAsBlock(resp, docparse.Annotation{BlockType: docparse.Response, Names: []string{name}})
	r := b.readRequest(reqBlock)
	if r == nil {
		return
	}
	response := b.readResponse(respBlock)
	if response == nil {
		return
	}
	r.plain = true
	d.requests = append(d.requests, r)
	d.responses = append(d.responses, response)
	d.plainResponses = append(d.plainResponses, response)
}

// plainAsBlock is a plain block with the annotation it would have had; its
// annotation position is the fence's.
func plainAsBlock(pb *docparse.PlainBlock, ann docparse.Annotation) *docparse.Block {
	return &docparse.Block{Annotation: ann, AnnotationPos: pb.FencePos, Lang: pb.Lang, Code: pb.Code, CodePos: pb.CodePos, Heading: pb.Heading, HeadingAnchors: pb.HeadingAnchors}
}

func annotatedBetween(p *docparse.Page, from, to int) bool {
	return slices.ContainsFunc(p.Blocks, func(blk docparse.Block) bool {
		return blk.AnnotationPos.Line > from && blk.AnnotationPos.Line < to
	})
}

// pageAnnotatesExamples reports a page whose examples are annotated, whose
// plain responses (of another language's tab, say) are not examples.
func pageAnnotatesExamples(p *docparse.Page) bool {
	return slices.ContainsFunc(p.Blocks, func(blk docparse.Block) bool {
		return blk.Annotation.BlockType == docparse.Request || blk.Annotation.BlockType == docparse.Response
	})
}

// typePlainResponses gives each plain response the type the page's
// "Response" section links to, as an annotation would: a collection when
// the body is one ({"value": [...]}) and the type declares no value.
func (b *builder) typePlainResponses(d *pageOps) {
	linked := ""
	for _, r := range d.plainResponses {
		if r.body == nil || r.block.Annotation.ODataType != "" {
			continue
		}
		if linked == "" {
			linked = b.linkedType(d.page, "response")
		}
		if linked == "" {
			return
		}
		if isPrimitiveResult(r.body) && !b.declaresMember(linked, "value") {
			// {"value": 12} answers a count or a list of ids: the page
			// links the type it counts, not the type of its result.
			continue
		}
		r.block.Annotation.ODataType = linked
		// A body {"value": [...]} is the type itself when the type has a
		// value member of its own.
		r.block.Annotation.IsCollection = isCollectionBody(r.body) && !b.declaresMember(linked, "value")
	}
}

// isCollectionBody reports an OData collection: an object whose "value"
// member is an array.
func isCollectionBody(n *schema.Node) bool {
	if n.Kind != schema.Object {
		return false
	}
	v := n.Field("value")
	return v != nil && v.Kind == schema.Array
}

// linkedType is the documented type that a link in the page's section
// (found by its heading's words or anchor) points to: the type of the
// resource page the link leads to, else the type the link's text names.
// Links, not words, say which type, so translated editions read alike.
func (b *builder) linkedType(p *docparse.Page, section string) string {
	for _, l := range p.Links {
		if !docparse.InSection(l.Heading, l.HeadingAnchors, section) {
			continue
		}
		dest, _, _ := strings.Cut(l.Dest, "#")
		if dest == "" || strings.Contains(dest, "://") {
			continue
		}
		if odata := b.pageTypes[path.Join(path.Dir(p.Path), dest)]; odata != "" {
			return odata
		}
		if def := b.types.lookup(l.Text); def != nil {
			return def.odataType
		}
		if odata := annotatedType(p, l.Text, strings.TrimSuffix(path.Base(dest), ".md")); odata != "" {
			return odata
		}
	}
	return ""
}

// annotatedType is the type one of the page's annotations names that one
// of names names too (by its short name, in any letter case), or "". A
// link whose resource page is not in the docs (a partial copy, a broken
// link) still names the type the page's annotated examples show, and the
// examples are read as what their page says they are.
func annotatedType(p *docparse.Page, names ...string) string {
	for _, blk := range p.Blocks {
		odata, _ := bodyType(blk.Annotation)
		if odata == "" {
			continue
		}
		for _, name := range names {
			if name != "" && strings.EqualFold(shortName(odata), name) {
				return odata
			}
		}
	}
	return ""
}
