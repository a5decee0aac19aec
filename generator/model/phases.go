package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/schema"
)

// registerResources records a page's resource blocks, and applies its
// Properties and Relationships tables to the type the page defines.
func (b *builder) registerResources(d *pageOps) {
	for _, r := range d.resources {
		if r.block.Annotation.ODataType == "" {
			b.diags.Warnf(r.block.AnnotationPos, diag.UntypedResource, "resource block names no type (\"@odata.type\"); ignored")
			continue
		}
		if r.shape.Kind != schema.Object {
			b.diags.Warnf(r.block.AnnotationPos, diag.ResourceNotObject, "resource block of %s is not a JSON object; ignored", r.block.Annotation.ODataType)
			continue
		}
		b.types.addResource(d.page, r.block, r.shape)
		if b.pageTypes[d.page.Path] == "" {
			b.pageTypes[d.page.Path] = r.block.Annotation.ODataType // what a link to the page means
		}
	}
	for i := range d.page.Tables {
		t := &d.page.Tables[i]
		if def := b.tableOwner(d, t); def != nil && isMemberTable(t) {
			b.types.addTable(def, t)
		}
	}
}

// isMemberTable reports a table that lists members: under a Properties,
// Relationships or attributes heading (by its words, or by the anchor a
// translated heading keeps), with a type column (by its header, or by its
// cells).
func isMemberTable(t *docparse.Table) bool {
	if !docparse.InSection(t.Heading, t.HeadingAnchors, "propert", "relationship", "attribute") {
		return false
	}
	typ, _ := tableColumns(t)
	return typ >= 0
}

// tableOwner is the type a table describes: the last resource block above
// it, else the first below it.
func (b *builder) tableOwner(d *pageOps, t *docparse.Table) *typeDef {
	var owner *resourceBlock
	for i := range d.resources {
		r := &d.resources[i]
		if r.block.AnnotationPos.Line < t.Pos.Line || owner == nil {
			owner = r
		}
	}
	if owner == nil || owner.block.Annotation.ODataType == "" {
		return nil
	}
	return b.types.lookup(owner.block.Annotation.ODataType)
}

var collectionType = regexp.MustCompile(`(?i)^collection\((.+)\)$`)

// bodyType is the OData type a request or response annotation gives a
// body, and whether the body is a collection of it.
func bodyType(a docparse.Annotation) (string, bool) {
	name, isCollection := a.ODataType, a.IsCollection
	if m := collectionType.FindStringSubmatch(strings.TrimSpace(a.ODataType)); m != nil {
		name, isCollection = m[1], true
	}
	if _, primitive := schema.PrimitiveKind(name); primitive {
		// "String" or "Edm.Int32" names no struct: the body's own shape
		// (a string, a collection of strings) types it.
		return "", isCollection
	}
	return name, isCollection
}

// absorbExamples merges every example body of a page into the types it
// shows.
func (b *builder) absorbExamples(d *pageOps) {
	for _, r := range d.requests {
		if r.body == nil {
			continue
		}
		odata, _ := bodyType(r.block.Annotation)
		if odata == "" {
			odata = b.linkedBodyType(d.page)
		}
		site := exampleSite{at: bodyLocator(r.block, r.msg.BodyLine, r.msg.Body), truncated: r.block.Annotation.Truncated}
		b.absorbBody(odata, false, r.block, r.msg.Body, r.body, site)
	}
	for _, r := range d.responses {
		if r.body != nil {
			odata, isCollection := bodyType(r.block.Annotation)
			// A plain response's type is docbind's reading of the page's
			// links: no annotation claims it whole, nor could say it is
			// truncated, so it is not asked for every required member.
			whole := !r.isError() && !slices.Contains(d.plainResponses, r)
			site := exampleSite{at: bodyLocator(r.block, r.msg.BodyLine, r.msg.Body), truncated: r.block.Annotation.Truncated, response: whole}
			b.absorbBody(odata, isCollection, r.block, r.msg.Body, r.body, site)
		}
	}
}

// linkedBodyType is the documented type the "Request body" section links
// to, such as [item](../resources/item.md), or "".
func (b *builder) linkedBodyType(p *docparse.Page) string {
	for _, l := range p.Links {
		if !docparse.InSection(l.Heading, l.HeadingAnchors, "request body") {
			continue
		}
		for _, name := range []string{l.Text, strings.TrimSuffix(l.Dest[strings.LastIndexByte(l.Dest, '/')+1:], ".md")} {
			if def := b.types.lookup(name); def != nil {
				return def.odataType
			}
		}
	}
	return ""
}

// absorbBody merges one body into its type: the type itself, or for a
// collection the envelope type holding its elements.
//
// A single object whose own "@odata.type" names another type than the
// annotation (a user where the annotation says directoryObject, its base)
// is an instance of its own type: its members inform that type, never the
// base, whose other derived types do not have them.
func (b *builder) absorbBody(odata string, isCollection bool, blk *docparse.Block, text string, body *schema.Node, site exampleSite) {
	if odata == "" && !isCollection && body.Kind == schema.Object && ownType(body) != "" {
		// Neither the annotation nor the page types the body (its page
		// links a base type's page the docs lack), but the body names a
		// documented type as its own: it is an instance of that type.
		if def := b.types.lookup(ownType(body)); def != nil && def.documented {
			odata = def.odataType
		}
	}
	if odata == "" {
		b.absorbUntyped(body, site)
		return
	}
	if !isCollection && body.Kind == schema.Object && ownType(body) != "" && odataKey(ownType(body)) != odataKey(odata) {
		odata = ownType(body)
	}
	def := b.types.def(odata, blk.AnnotationPos, "example")
	if isCollection {
		def = b.collectionDef(def, blk)
	}
	def.truncated = def.truncated || blk.Annotation.Truncated
	if body.Kind == schema.Object {
		b.types.absorb(def, body, site)
		def.examples = append(def.examples, exampleBody{node: body, text: text, source: blk.AnnotationPos})
	}
}

// collectionDef is the envelope type of a collection of elem:
// {"value": [...], "@odata.nextLink": "..."}, named after its element.
func (b *builder) collectionDef(elem *typeDef, blk *docparse.Block) *typeDef {
	member := blk.Annotation.CollectionProperty
	if member == "" {
		member = "value"
	}
	def := b.types.def("Collection("+elem.odataType+")", blk.AnnotationPos, "collection")
	def.collectionOf = elem.odataType
	m := def.member(member)
	if m.declared == nil {
		m.declared = &schema.Node{Kind: schema.Array, Placeholder: true, Elem: &schema.Node{Kind: schema.Object, ODataType: elem.odataType, Placeholder: true}}
		m.declaredBy, m.declaredPos = "collection annotation", blk.AnnotationPos
		// Every page may link to the next one, and a delta round to the next round.
		for _, link := range []string{"@odata.nextLink", "@odata.deltaLink"} {
			l := def.member(link)
			l.declared, l.declaredBy, l.declaredPos, l.optional = &schema.Node{Kind: schema.String, Placeholder: true}, "collection annotation", blk.AnnotationPos, true
		}
	}
	return def
}

// absorbUntyped absorbs the typed objects inside a body whose own type is
// not documented.
func (b *builder) absorbUntyped(n *schema.Node, site exampleSite) {
	if n == nil {
		return
	}
	for _, f := range n.Fields {
		v := f.Value
		if v.Kind == schema.Object && ownType(v) != "" {
			b.types.absorb(b.types.def(v.ODataType, site.at(v.Offset), "example"), v, site)
			continue
		}
		b.absorbUntyped(v, site)
	}
	for _, it := range n.Items {
		b.absorbUntyped(it, site)
	}
}

// ownType is the "@odata.type" an object names itself, unless it names a
// primitive (Edm.String), which is no type of the docs.
func ownType(n *schema.Node) string {
	if strings.HasPrefix(n.ODataType, "Edm.") {
		return ""
	}
	return n.ODataType
}

// bodyLocator positions offsets of a body that starts on line of a block.
func bodyLocator(blk *docparse.Block, line int, body string) locator {
	return func(offset int) diag.Pos { return offsetPos(blk.CodePos, line, body, offset) }
}
