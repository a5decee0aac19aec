package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// docRequest is a parsed request block and the response paired with it.
type docRequest struct {
	block    *docparse.Block
	msg      *httpmsg.Request
	body     *schema.Node
	response *docResponse
	plain    bool   // an example without annotation (readPlain)
	name     string // the example's name, unique across the docs (uniqueExampleNames)
}

// docResponse is a parsed response block.
type docResponse struct {
	block  *docparse.Block
	msg    *httpmsg.Response
	body   *schema.Node
	paired bool
}

// urlLine is one line of the "HTTP request" block: a URL variant.
type urlLine struct {
	method string
	parts  []PathPart
	query  string
	pos    diag.Pos
}

// pageOps is what one page documents, before types are settled.
type pageOps struct {
	page      *docparse.Page
	urls      []urlLine
	requests  []*docRequest
	responses []*docResponse
	resources []resourceBlock
	ops       []*opDraft
	// plainResponses are the responses of plain examples, whose type the
	// prose gives once types are known.
	plainResponses []*docResponse
}

// resourceBlock is a parsed resource block.
type resourceBlock struct {
	block *docparse.Block
	shape *schema.Node
}

// opDraft is an operation whose types are not resolved yet.
type opDraft struct {
	op          *Operation
	requests    []*docRequest
	queries     []string // query strings of the documented URL lines
	documented  bool     // the page's HTTP request block lists this method
	requestName string   // the server request type's name before types claim theirs
	// namedAfterExample marks an operation split off its page's: it is
	// named after its first example, as the title names the other.
	namedAfterExample bool
	// severalMethods marks an operation of a page that documents several
	// methods, whose titles say one thing ("Update X" for PATCH and PUT).
	severalMethods bool
	// splitType is the type an operation split off for answers
	// (splitUnrelated): what tells it apart when its name is taken.
	splitType string
	// pages document the operation: its own first, then those whose
	// operation of the same method and URL was merged into it.
	pages []*docparse.Page
	// variantOf is the URL variant each example instantiates
	// (finishOperation).
	variantOf map[*docRequest]*Variant
}

// Config holds the choices a user makes in docbind.json.
type Config struct {
	// OperationNames renames operations: generated Go name -> wanted name.
	OperationNames map[string]string
	// TypeNames renames types: OData name (or generated Go name) -> wanted name.
	TypeNames map[string]string
	// BaseURL replaces the base URL the examples use.
	BaseURL string
	// DocsLabel is the prefix of page paths, left out of file names.
	DocsLabel string
}

// builder carries state across pages: names must be unique in the package.
type builder struct {
	cfg         Config
	diags       diag.List
	types       *typeSet
	clientNames naming.Set         // Client methods, across operations
	handles     map[string]*Handle // by handleKey; nil where names were taken
	opNames     []string           // every operation's name, once named
	caseDict    map[string]string  // lower-cased identifier -> the docs' casing
	pageTypes   map[string]string  // resource page path -> the OData type its resource block defines
	handleNames map[*Handle]*naming.Set
	bases       []string
	pageMethods map[string]int // page path -> how many HTTP methods it documents
	pageLinks   map[string]int // page path -> how many other pages link to it
}

// Build turns parsed pages into the API model. Pages must be sorted by path;
// the model's order and names follow from that and from positions only.
//
// It works in phases, as protogen does: read every page; register the
// documented types (resource blocks and Properties tables); absorb every
// example into the types it shows; name and build the types; then settle
// the operations, which refer to them.
func Build(pages []*docparse.Page, cfg Config) (*API, diag.List) {
	b := &builder{cfg: cfg, handles: map[string]*Handle{}, pageTypes: map[string]string{}, pageMethods: map[string]int{}, pageLinks: pageLinks(pages)}
	b.types = newTypeSet(&b.diags, cfg.TypeNames)
	var docs []*pageOps
	for _, p := range pages {
		docs = append(docs, b.readPage(p))
	}
	for _, d := range docs {
		b.registerResources(d)
	}
	for _, d := range docs {
		b.primitiveResults(d)
		b.inferCollections(d)
		b.typePlainResponses(d)
	}
	for _, d := range docs {
		b.absorbExamples(d)
	}
	b.types.absorbPending()
	b.types.build()
	b.types.checkRenames()
	b.uniqueExampleNames(docs)
	api := &API{BaseURL: mostCommon(b.bases)}
	if cfg.BaseURL != "" {
		api.BaseURL = cfg.BaseURL
	}
	b.mergeDuplicates(docs)
	b.nameOperations(docs)
	for _, d := range docs {
		perms := pagePermissions(d.page)
		for _, draft := range d.ops {
			b.finishOperation(d, draft)
			draft.op.Permissions = perms
			api.Operations = append(api.Operations, draft.op)
		}
	}
	for _, d := range docs {
		for _, draft := range d.ops {
			b.finishExamples(draft)
		}
	}
	for _, key := range sortedKeys(b.handles) {
		if h := b.handles[key]; h != nil {
			api.Handles = append(api.Handles, h)
		}
	}
	slices.SortFunc(api.Handles, func(x, y *Handle) int { return strings.Compare(x.Type, y.Type) })
	breakValueCycles(b.types.types) // once every type is built, bodies' and results' too
	b.buildRoutes(api)
	b.settleHandlers(api)
	setSamples(api)
	b.typeExamples()
	api.Types = slices.Clone(b.types.types)
	slices.SortFunc(api.Types, func(x, y *Type) int { return strings.Compare(x.Name, y.Name) })
	for _, key := range sortedKeys(b.types.unions) {
		api.Unions = append(api.Unions, b.types.unions[key])
	}
	slices.SortFunc(api.Unions, func(x, y *Union) int { return strings.Compare(x.Name, y.Name) })
	api.Enums = slices.Clone(b.types.enums)
	slices.SortFunc(api.Enums, func(x, y *Enum) int { return strings.Compare(x.Name, y.Name) })
	groupPages(api, cfg.DocsLabel)
	return api, b.diags
}

// readPage parses a page's blocks, pairs its examples and groups them into
// operations, registering the types its examples show.
func (b *builder) readPage(p *docparse.Page) *pageOps {
	d := &pageOps{page: p}
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		switch blk.Annotation.BlockType {
		case docparse.Ignored:
			if docparse.InSection(blk.Heading, blk.HeadingAnchors, "http request") {
				d.urls = append(d.urls, b.readURLs(blk)...)
			}
		case docparse.Request:
			if r := b.readRequest(blk); r != nil {
				d.requests = append(d.requests, r)
			}
		case docparse.Response:
			if r := b.readResponse(blk); r != nil {
				d.responses = append(d.responses, r)
			}
		case docparse.Resource:
			if shape := b.readBody(blk, blk.Code, 0, false); shape != nil {
				d.resources = append(d.resources, resourceBlock{block: blk, shape: shape})
			}
		}
	}
	b.readPlain(d)
	b.checkHeaderRows(p)
	b.pair(d.requests, d.responses)
	b.countMethods(d)
	d.ops = b.group(d)
	return d
}

func (b *builder) readURLs(blk *docparse.Block) []urlLine {
	var urls []urlLine
	for i, line := range strings.Split(blk.Code, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pos := lineAt(blk.CodePos, i)
		if len(fields) < 2 || !httpmsg.IsMethod(fields[0]) {
			b.diags.Warnf(pos, diag.BadURLLine, "URL line %q is not \"METHOD /path\"; ignored", clip(strings.TrimSpace(line)))
			continue
		}
		target := b.urlLineTarget(pos, line)
		// "/content[?includeIDs=true]" writes an optional query in brackets.
		target = strings.NewReplacer("[?", "?", "]", "").Replace(target)
		path, query, _ := strings.Cut(target, "?")
		parts, err := parsePath(path)
		if err != nil {
			b.diags.Warnf(pos, diag.BadPath, "%v; URL variant ignored", err)
			continue
		}
		urls = append(urls, urlLine{method: strings.ToUpper(fields[0]), parts: parts, query: query, pos: pos})
	}
	return urls
}

func (b *builder) readRequest(blk *docparse.Block) *docRequest {
	msg, err := httpmsg.ParseRequest(blk.Code)
	if err != nil {
		b.diags.Warnf(msgErrPos(blk, err), diag.BadRequest, "request %q: %v; example ignored", exampleName(blk), err)
		return nil
	}
	b.checkMessage(blk, msg.Warnings, msg.Parts)
	if _, err := parsePath(msg.Path); err != nil {
		b.diags.Warnf(blk.CodePos, diag.BadPath, "request %q: %v; example ignored", exampleName(blk), err)
		return nil
	}
	if msg.BaseURL != "" && !opaqueURL(blk.Annotation) {
		b.bases = append(b.bases, msg.BaseURL)
	}
	r := &docRequest{block: blk, msg: msg, name: exampleName(blk)}
	msg.Body, r.body = b.readExampleBody(blk, msg.Body, msg.BodyLine)
	return r
}

func (b *builder) readResponse(blk *docparse.Block) *docResponse {
	msg, err := httpmsg.ParseResponse(blk.Code)
	if err != nil {
		b.diags.Warnf(msgErrPos(blk, err), diag.BadResponse, "response: %v; example ignored", err)
		return nil
	}
	b.checkMessage(blk, msg.Warnings, msg.Parts)
	r := &docResponse{block: blk, msg: msg}
	if bodiless(msg.Status) && strings.TrimSpace(msg.Body) != "" {
		b.diags.Warnf(lineAt(blk.CodePos, msg.BodyLine), diag.BodyNotAllowed, "response: status %d has no body in HTTP, but the docs show one; it is ignored", msg.Status)
		msg.Body = ""
	} else {
		msg.Body, r.body = b.readExampleBody(blk, msg.Body, msg.BodyLine)
	}
	b.settleAnnotation(blk, msg, r.body)
	return r
}

// settleAnnotation reads a response block as it is where its annotation
// says otherwise: "isEmpty" over a body, "expectError" over a success
// status. Every later stage then agrees with what the tests replay.
func (b *builder) settleAnnotation(blk *docparse.Block, msg *httpmsg.Response, body *schema.Node) {
	a := &blk.Annotation
	if a.IsEmpty && strings.TrimSpace(msg.Body) != "" {
		// On a collection, "isEmpty" says the collection has no items
		// (ApiDoctor then expects none), which a page of no items shows.
		if !emptyCollection(*a, body) {
			b.diags.Warnf(blk.AnnotationPos, diag.AnnotationContradicts, "response: the annotation says \"isEmpty\": true, but the block shows a body; the body is read as the example's")
		}
		a.IsEmpty = false
	}
	if a.ExpectError && msg.Status < 400 {
		b.diags.Warnf(blk.AnnotationPos, diag.AnnotationContradicts, "response: the annotation says \"expectError\": true, but status %d is a success; it is read as one", msg.Status)
		a.ExpectError = false
	}
}

// emptyCollection reports a collection response whose body, as read, is a
// page of no items: {"value": []}.
func emptyCollection(a docparse.Annotation, body *schema.Node) bool {
	if _, isCollection := bodyType(a); !isCollection || body == nil || body.Kind != schema.Object {
		return false
	}
	member := a.CollectionProperty
	if member == "" {
		member = "value"
	}
	items := body.Field(member)
	return items != nil && items.Kind == schema.Array && len(items.Items) == 0
}

// bodiless reports a status whose response has no body (RFC 9110): 1xx,
// 204 No Content and 304 Not Modified. net/http drops such a body.
func bodiless(status int) bool {
	return status < 200 || status == 204 || status == 304
}

// readExampleBody repairs and infers a request or response body; it
// returns the repaired text, which the tests then use.
func (b *builder) readExampleBody(blk *docparse.Block, body string, line int) (string, *schema.Node) {
	repaired, notes := schema.Repair(body)
	shape := b.readBody(blk, repaired, line, true)
	if shape != nil {
		for _, n := range notes {
			b.diags.Notef(offsetPos(blk.CodePos, line, body, n.Offset), diag.RepairedJSON, "JSON body: %s to read it", n.What)
		}
		return repaired, shape
	}
	return body, nil
}

// readBody infers the shape of a JSON body; other bodies give nil.
// Resource blocks may hold comments and trailing commas, which are
// repaired silently: the docs use them on purpose there.
func (b *builder) readBody(blk *docparse.Block, body string, line int, repaired bool) *schema.Node {
	trimmed := strings.TrimSpace(body)
	if trimmed == "" || (trimmed[0] != '{' && trimmed[0] != '[') {
		return nil
	}
	if !repaired {
		body, _ = schema.Repair(body)
	}
	n, err := schema.Infer(body)
	if err != nil {
		var se *schema.SyntaxError
		pos := lineAt(blk.CodePos, line)
		if errors.As(err, &se) {
			pos = offsetPos(blk.CodePos, line, body, se.Offset)
		}
		b.diags.WarnRelated(pos, jsonRelated(blk.CodePos, line, body, err), diag.BadJSON, "%v; body ignored", err)
		return nil
	}
	return n
}

// pair gives each response to a request: by name when the response names
// requests, otherwise to the nearest request before it without a response.
func (b *builder) pair(requests []*docRequest, responses []*docResponse) {
	for _, resp := range responses {
		if names := resp.block.Annotation.Names; len(names) > 0 {
			for _, req := range requests {
				if req.response == nil && slices.Contains(names, exampleName(req.block)) {
					req.response, resp.paired = resp, true
				}
			}
			if resp.paired {
				continue
			}
		}
		for i := len(requests) - 1; i >= 0; i-- {
			req := requests[i]
			if req.block.AnnotationPos.Line < resp.block.AnnotationPos.Line && req.response == nil {
				req.response, resp.paired = resp, true
				break
			}
		}
		if !resp.paired {
			b.diags.Warnf(resp.block.AnnotationPos, diag.UnpairedResponse, "response is paired with no request; ignored")
		}
	}
	for _, req := range requests {
		if req.response == nil {
			b.diags.Warnf(req.block.AnnotationPos, diag.UnpairedRequest, "request %q has no response; example ignored", exampleName(req.block))
		}
	}
}

// group makes one operation per HTTP method of the page: the documented URL
// variants of that method, and the examples that instantiate them. An
// example at another URL joins as a further variant when it answers the
// same kind of result; otherwise (a download beside JSON listings) it
// starts an operation of its own, named after it.
func (b *builder) group(d *pageOps) []*opDraft {
	byMethod := map[string]*opDraft{}
	var drafts []*opDraft
	newDraft := func(method string, pos diag.Pos) *opDraft {
		dr := &opDraft{op: &Operation{Method: method, Title: d.page.Title, Doc: d.page.Intro, Source: pos}, pages: []*docparse.Page{d.page}}
		drafts = append(drafts, dr)
		return dr
	}
	for _, u := range d.urls {
		dr := byMethod[u.method]
		if dr == nil {
			dr = newDraft(u.method, u.pos)
			dr.documented = true
			byMethod[u.method] = dr
		}
		addVariant(dr.op, u.parts, u.pos)
		dr.queries = append(dr.queries, u.query)
	}
	var strays []*docRequest
	for _, req := range d.requests {
		if req.response == nil {
			continue
		}
		if dr := byMethod[req.msg.Method]; dr != nil && dr.matches(req) && !dr.returnsOtherKind(req) {
			dr.requests = append(dr.requests, req)
			continue
		}
		strays = append(strays, req)
	}
	bySplit := map[string]*opDraft{}
	for _, req := range strays {
		dr := byMethod[req.msg.Method]
		kind := resultKind(req.response)
		if dr == nil {
			dr = newDraft(req.msg.Method, req.block.AnnotationPos)
			byMethod[req.msg.Method] = dr
		} else if resp := successResponse(dr.requests); resp != nil && !req.response.isError() && resultKind(resp) != kind {
			key := fmt.Sprint(req.msg.Method, kind)
			if bySplit[key] == nil {
				bySplit[key] = newDraft(req.msg.Method, req.block.AnnotationPos)
			}
			dr = bySplit[key]
		}
		dr.requests = append(dr.requests, req)
	}
	// A page's operation is named after its title when it is the page's
	// only one, or the one its documented URLs belong to when the others
	// are split off; the others after their first example's name.
	documented := 0
	for _, dr := range drafts {
		if dr.documented {
			documented++
		}
	}
	for _, dr := range drafts {
		dr.namedAfterExample = len(drafts) > 1 && len(dr.requests) > 0 && !(dr.documented && documented == 1)
		dr.severalMethods = dr.documented && documented > 1
	}
	return drafts
}

// matches reports whether a request instantiates one of the draft's
// documented URL variants.
func (dr *opDraft) matches(req *docRequest) bool {
	for _, v := range dr.op.Variants {
		if _, ok := matchPath(v.Parts, examplePath(req)); ok {
			return true
		}
	}
	return false
}

// returnsOtherKind reports an example whose success response is of
// another kind than the draft's (content beside JSON, say: GET .../$value
// on a page about GET ...): one Go method cannot return both, so it is
// split into an operation of its own.
func (dr *opDraft) returnsOtherKind(req *docRequest) bool {
	resp := successResponse(dr.requests)
	return resp != nil && !req.response.isError() && resultKind(resp) != resultKind(req.response)
}

func (r *docResponse) isError() bool {
	return r.msg.Status >= 400 || r.block.Annotation.ExpectError
}

func addVariant(op *Operation, parts []PathPart, pos diag.Pos) *Variant {
	tmpl := template(parts)
	for _, v := range op.Variants {
		if v.Template == tmpl {
			return v
		}
	}
	v := &Variant{Template: tmpl, Pattern: op.Method + " " + tmpl, MuxPattern: muxPattern(op.Method, parts), Parts: parts, Params: pathParams(parts), Source: pos}
	op.Variants = append(op.Variants, v)
	return v
}

func exampleName(blk *docparse.Block) string {
	if len(blk.Annotation.Names) > 0 {
		return blk.Annotation.Names[0]
	}
	return fmt.Sprintf("line_%d", blk.AnnotationPos.Line)
}

// lineAt is the position of a 0-based line of a code block.
func lineAt(code diag.Pos, line int) diag.Pos {
	code.Line += max(line, 0)
	code.Col = 1
	return code
}

// offsetPos is the position of a byte offset into a body starting at line.
func offsetPos(code diag.Pos, line int, body string, offset int) diag.Pos {
	offset = min(max(offset, 0), len(body))
	before := body[:offset]
	pos := lineAt(code, line+strings.Count(before, "\n"))
	pos.Col = offset - strings.LastIndexByte(before, '\n')
	return pos
}

func msgErrPos(blk *docparse.Block, err error) diag.Pos {
	var me *httpmsg.Error
	if errors.As(err, &me) {
		pos := lineAt(blk.CodePos, me.Line)
		pos.Col = max(me.Col, 1)
		return pos
	}
	return blk.CodePos
}

// opaqueURL reports a request whose annotation says its URL is opaque
// ("opaqueUrl": true): one the service hands out, such as an upload
// session's, rather than one below the API's base URL, which is then no
// evidence of the base.
func opaqueURL(a docparse.Annotation) bool {
	raw, ok := a.Other["opaqueUrl"]
	if !ok {
		return false
	}
	v := strings.ToLower(strings.Trim(strings.TrimSpace(string(raw)), `"`))
	return v == "true"
}

func mostCommon(values []string) string {
	counts := map[string]int{}
	best := ""
	for _, v := range values {
		counts[v]++
		if counts[v] > counts[best] || counts[v] == counts[best] && v < best {
			best = v
		}
	}
	return best
}
