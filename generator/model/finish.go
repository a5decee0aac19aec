package model

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// finishOperation settles what needs the types: variants of examples, the
// client method names, parameters, body and result types, and examples.
func (b *builder) finishOperation(d *pageOps, dr *opDraft) {
	op := dr.op
	variantOf := map[*docRequest]*Variant{}
	for _, req := range dr.requests {
		variantOf[req] = b.variantFor(op, req)
	}
	nameVariants(op)
	op.HeaderParams = headerParams(d.page)
	op.Body = b.bodyType(d.page, op, dr.requests)
	if len(dr.requests) > 0 {
		op.Result = b.result(op, dr.requests[0].response)
	} else {
		op.Result = Result{Status: defaultStatus(op.Method)}
	}
	for _, req := range dr.requests {
		op.Examples = append(op.Examples, b.example(op, variantOf[req], req))
	}
}

// variantFor finds the documented URL variant an example instantiates; an
// example that matches none adds its own path as a variant.
func (b *builder) variantFor(op *Operation, req *docRequest) *Variant {
	for _, v := range op.Variants {
		if _, ok := matchPath(v.Segments, req.msg.Path); ok {
			return v
		}
	}
	segs, err := parsePath(req.msg.Path)
	if err != nil {
		segs = []Segment{{Literal: strings.Trim(req.msg.Path, "/")}}
	}
	if len(op.Variants) > 0 {
		b.diags.Warnf(req.block.AnnotationPos, "request %q: path %s matches none of the documented URL variants; added as a variant", exampleName(req.block), req.msg.Path)
	}
	return addVariant(op, segs, req.block.AnnotationPos)
}

// nameVariants gives each URL variant its client method name: the first is
// the operation's name; another whose parameters differ from the first's
// adds "By" and them (CreateVersionByItemID), and one with the same
// parameters adds "Via" and its literal segments (GetItemViaMeItems).
func nameVariants(op *Operation) {
	var names naming.Set
	first := paramNames(op.Variants[0])
	for i, v := range op.Variants {
		if i == 0 {
			v.ClientMethod = names.Unique(op.Name)
			continue
		}
		name := op.Name + "By" + paramNames(v)
		if paramNames(v) == "" || paramNames(v) == first || names.Taken(name) {
			name = op.Name + "Via" + literalName(v.Segments)
		}
		v.ClientMethod = names.Unique(name)
	}
}

func paramNames(v *Variant) string {
	var b strings.Builder
	for _, p := range v.Params {
		b.WriteString(p.FieldName)
	}
	return b.String()
}

func literalName(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Param == nil {
			b.WriteString(naming.Exported(s.Literal))
		}
	}
	return b.String()
}

// skippedHeaders are documented request headers the client sets itself.
var skippedHeaders = map[string]bool{"Authorization": true, "Content-Type": true, "Content-Length": true, "Accept": true}

// headerParams reads the page's request-headers table.
func headerParams(p *docparse.Page) []*Param {
	var params []*Param
	var names naming.Set
	names.Reserve("ctx", "body")
	for _, t := range p.Tables {
		if !strings.Contains(strings.ToLower(t.Heading), "request header") || len(t.Header) == 0 {
			continue
		}
		desc := columnIndex(t.Header, "description")
		for _, row := range t.Rows {
			if len(row.Cells) == 0 {
				continue
			}
			wire := http.CanonicalHeaderKey(strings.TrimSpace(row.Cells[0].Text))
			if wire == "" || skippedHeaders[wire] || strings.ContainsAny(wire, " \t") {
				continue
			}
			arg := names.Unique(naming.Unexported(wire))
			p := &Param{ArgName: arg, FieldName: naming.Exported(arg), WireName: wire}
			if desc >= 0 && desc < len(row.Cells) {
				p.Doc = row.Cells[desc].Text
			}
			params = append(params, p)
		}
	}
	return params
}

func columnIndex(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// bodyType is the request body's type: the type the "Request body" section
// links to, else a type inferred from the examples' JSON bodies.
func (b *builder) bodyType(p *docparse.Page, op *Operation, reqs []*docRequest) *TypeRef {
	for _, l := range p.Links {
		if !strings.Contains(strings.ToLower(l.Heading), "request body") {
			continue
		}
		for _, name := range []string{l.Text, strings.TrimSuffix(l.Dest[strings.LastIndexByte(l.Dest, '/')+1:], ".md")} {
			if def := b.types.lookup(name); def != nil {
				return &TypeRef{Kind: RefNamed, Named: b.types.named(def.odataType)}
			}
		}
	}
	var shape *schema.Node
	for _, r := range reqs {
		shape = schema.Merge(shape, r.body)
	}
	if shape == nil {
		return nil
	}
	return b.types.ref(op.Name, "Body", shape, op.Source)
}

// result is the success status and type, from the first example's response.
func (b *builder) result(op *Operation, resp *docResponse) Result {
	res := Result{Status: resp.msg.Status}
	if resp.body == nil {
		return res
	}
	if odata := resp.block.Annotation.ODataType; odata != "" && resp.body.Kind == schema.Object {
		res.Type = &TypeRef{Kind: RefNamed, Named: b.types.named(odata)}
		return res
	}
	res.Type = b.types.ref(op.Name, "Response", resp.body, resp.block.AnnotationPos)
	return res
}

func defaultStatus(method string) int {
	if method == http.MethodPost {
		return http.StatusCreated
	}
	return http.StatusOK
}

// example settles one documented example: the arguments its request gives
// the client method, and its bodies as typed values.
func (b *builder) example(op *Operation, v *Variant, req *docRequest) *Example {
	resp := req.response
	ex := &Example{
		Name:           exampleName(req.block),
		Source:         req.block.AnnotationPos,
		ResponseSource: resp.block.AnnotationPos,
		Variant:        v,
		Method:         req.msg.Method,
		Path:           req.msg.Path,
		Status:         resp.msg.Status,
	}
	args, _ := matchPath(v.Segments, req.msg.Path)
	for _, a := range args {
		if un, err := url.PathUnescape(a); err == nil {
			a = un
		}
		ex.PathArgs = append(ex.PathArgs, a)
	}
	for _, p := range op.HeaderParams {
		ex.HeaderArgs = append(ex.HeaderArgs, req.msg.Header.Get(p.WireName))
	}
	if req.body != nil && op.Body != nil {
		ex.RequestBody = req.msg.Body
		ex.Request = typedValue(op.Body, req.body, "", nil)
	}
	if resp.body != nil && op.Result.Type != nil {
		ex.Response = typedValue(op.Result.Type, resp.body, "", &ex.Substitutions)
		ex.ResponseBody = substitute(resp.msg.Body, resp.body, ex.Substitutions)
	}
	return ex
}

// sampleTime replaces datetime placeholders in examples: Go's reference
// time, so a reader sees at once that it is not documented data.
const sampleTime = "2006-01-02T15:04:05Z"

// typedValue types a documented JSON value by ref, recording the
// placeholders it must replace for the value to decode.
func typedValue(ref *TypeRef, n *schema.Node, path string, subs *[]Substitution) *Value {
	v := &Value{Type: ref}
	switch ref.Kind {
	case RefNamed:
		for _, f := range n.Fields {
			field := fieldByJSON(ref.Named, f.Name)
			if field == nil || f.Value.Kind == schema.Null {
				continue
			}
			v.Fields = append(v.Fields, FieldValue{Field: field, Value: typedValue(field.Type, f.Value, joinPath(path, f.Name), subs)})
		}
	case RefSlice:
		for i, e := range elems(n) {
			v.Elems = append(v.Elems, typedValue(ref.Elem, e, path+"["+strconv.Itoa(i)+"]", subs))
		}
	case RefTime:
		v.Scalar = strings.Trim(n.Raw, `"`)
		if n.Placeholder && subs != nil {
			*subs = append(*subs, Substitution{Member: path, From: n.Raw, To: strconv.Quote(sampleTime), offset: n.Offset})
			v.Scalar = sampleTime
		}
	default:
		v.Scalar = n.Raw
	}
	return v
}

func joinPath(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

func fieldByJSON(t *Type, name string) *Field {
	for _, f := range t.Fields {
		if f.JSONName == name {
			return f
		}
	}
	return nil
}

func elems(n *schema.Node) []*schema.Node {
	if n.Kind != schema.Array {
		return nil
	}
	return n.Items
}

// substitute applies substitutions to the body text, last first so earlier
// offsets stay valid.
func substitute(body string, _ *schema.Node, subs []Substitution) string {
	for i := len(subs) - 1; i >= 0; i-- {
		s := subs[i]
		if s.offset+len(s.From) <= len(body) && body[s.offset:s.offset+len(s.From)] == s.From {
			body = body[:s.offset] + s.To + body[s.offset+len(s.From):]
		}
	}
	return body
}
