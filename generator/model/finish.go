package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/httpmsg"
	"github.com/docbind/docbind/generator/naming"
	"github.com/docbind/docbind/generator/schema"
)

// finishOperation settles what needs the types: variants of examples, the
// client method names, parameters, body and result types, and examples.
//
// Its examples wait for finishExamples, once every operation has its body
// and result types: deciding them may widen a type an earlier operation's
// examples are typed by (see holdShown).
func (b *builder) finishOperation(d *pageOps, dr *opDraft) {
	op := dr.op
	op.RequestType = b.uniqueTypeName(dr.requestName, op.Source)
	dr.variantOf = map[*docRequest]*Variant{}
	for _, req := range dr.requests {
		dr.variantOf[req] = b.variantFor(op, req)
	}
	b.nameVariants(op)
	op.QueryParams = queryParams(dr.queries, dr.requests)
	documentQueryParams(op.QueryParams, dr.pages)
	var headers []*Param
	for _, p := range dr.pages {
		for _, h := range headerParams(p) {
			if !hasHeader(headers, h.WireName) {
				headers = append(headers, h)
			}
		}
	}
	op.HeaderParams = exampleHeaderParams(headers, dr.requests)
	settleHeaderNames(op)
	if len(op.HeaderParams)+len(op.QueryParams) > 0 {
		op.OptionsType = b.uniqueTypeName(op.Name+"Options", op.Source)
	}
	op.BodyKind = bodyKind(dr.requests)
	if op.BodyKind == BodyJSON || op.BodyKind == BodyNone && b.linkedBodyType(dr.pages[0]) != "" && op.Method != http.MethodGet && op.Method != http.MethodDelete {
		op.Body = b.bodyType(dr.pages[0], op, dr.requests)
		switch {
		case op.Body != nil && op.Body.Kind == RefNamed:
			op.BodyKind = BodyJSON
		case op.Body != nil:
			// The request plumbing sends and decodes a JSON body as a struct;
			// an array or scalar body travels as bytes the caller gives.
			op.Body, op.BodyKind = nil, BodyStream
		}
	}
	if op.Body != nil {
		for _, req := range dr.requests {
			b.types.holdShown(op.Body.Named, req.body)
		}
	}
	op.Result = Result{Status: defaultStatus(op.Method)}
	if resp := successResponse(dr.requests); resp != nil {
		op.Result = b.result(op, resp)
	} else {
		if ref := b.proseResult(op, dr.pages[0]); ref != nil {
			op.Result.Kind, op.Result.Type = ResultJSON, ref
		}
		b.proseStatus(op, dr.pages[0])
	}
}

// finishExamples settles an operation's examples, after finishOperation.
func (b *builder) finishExamples(dr *opDraft) {
	op := dr.op
	for _, req := range dr.requests {
		op.Examples = append(op.Examples, b.example(op, dr.variantOf[req], req))
	}
	b.checkProseStatus(op, dr.pages)
}

// variantFor finds the documented URL variant an example instantiates,
// the most literal one where several do (a function call such as
// /roles/roleTemplateId={id} is an instance of /roles/{id} too, but the
// router serves it as the function); an example that matches none adds its
// own path as a variant.
func (b *builder) variantFor(op *Operation, req *docRequest) *Variant {
	var best *Variant
	for _, v := range op.Variants {
		if _, ok := matchPath(v.Parts, examplePath(req)); ok && (best == nil || literalLen(v) > literalLen(best)) {
			best = v
		}
	}
	if best != nil {
		return best
	}
	parts, _ := parsePath(examplePath(req)) // readRequest dropped examples whose path does not parse
	if len(op.Variants) > 0 {
		b.diags.Warnf(req.block.AnnotationPos, diag.UndocumentedURL, "request %q: path %s matches none of the documented URL variants; added as a variant", exampleName(req.block), req.msg.Path)
	}
	return addVariant(op, parts, req.block.AnnotationPos)
}

// nameVariants gives each URL variant its client method name. The first
// is the operation's name. Another is named for what its URL has that the
// first's lacks, in the URL's words: the root it starts from, the same
// word for the same root across the API, then the other segments the first
// URL does not have; a segment followed by a parameter is singular (it
// names one item). GetEvent (/me/events/{id}), GetEventForUser
// (/users/{id}/events/{id}), GetEventForCalendar (/me/calendar/events/{id}),
// GetEventForUserCalendar, GetDriveItemForSite. A URL that is one word
// names the thing itself: GetUser (/users/{id}) and GetMe (/me). Where two
// variants would share a name, the later is named by its path parameters
// (CreateVersionByItemID), then by all its words; a number is the last
// resort, with a warning.
func (b *builder) nameVariants(op *Operation) {
	firstOn := map[*Handle]*Variant{}
	for i, v := range op.Variants {
		if i > 0 {
			v.Handle, v.HandleParts = b.handleFor(op.Variants[0], v)
		}
		names := b.namesOn(v.Handle)
		first, seen := firstOn[v.Handle]
		if !seen {
			firstOn[v.Handle] = v
			// An operation's first URL on a receiver is its name there:
			// op names are unique, and reserved on every receiver.
			v.ClientMethod, v.NameFrom = op.Name, "the operation's name"
			if v.Handle != nil {
				v.NameFrom += ", on " + v.Handle.Type
			}
			continue
		}
		var cands []candidate
		if segs := literalSegments(v.Template); len(segs) == 1 && len(v.Params) == 0 && isIdentifier(segs[0]) {
			cands = append(cands, candidate{naming.Exported(naming.Words(op.Name)[0] + " " + segs[0]), "its URL, one word: " + v.Template})
		}
		if w := targetWords(v, first); w != "" {
			cands = append(cands, candidate{fit(op.Name, "In"+w), "what its URL has that the first lacks, " + v.Template})
		}
		if ps := paramNames(v); ps != "" && ps != paramNames(first) {
			cands = append(cands, candidate{fit(op.Name, "By"+ps), "its path parameters"})
		}
		if w := differingWords(v, first); w != "" {
			cands = append(cands, candidate{fit(op.Name, "In"+w), "the words of its segments unlike the first URL's, " + v.Template})
		}
		cands = append(cands, candidate{fit(op.Name, "Via"+literalName(v.Parts)), "the words of its URL"})
		chosen := cands[len(cands)-1]
		for _, c := range slices.Concat(shortOnes(cands, true), shortOnes(cands, false)) {
			if !names.Taken(c.name) {
				chosen = c
				break
			}
		}
		if names.Taken(chosen.name) {
			unique := names.Unique(chosen.name)
			b.diags.Warnf(v.Source, diag.NameNumbered, "nothing in the docs tells the client method for %s from another named %s; it is named %s", v.Pattern, chosen.name, unique)
			chosen.name = unique
		}
		names.Reserve(chosen.name)
		v.ClientMethod, v.NameFrom = chosen.name, chosen.from
	}
}

// maxNameLen bounds a client method name, so that with the "All" of its
// iterator it is at most 60 characters: a longer candidate is taken only
// when no shorter one is free.
const maxNameLen = 57

// fit joins a name and a suffix, dropping the name's last words while the
// whole is longer than maxNameLen: a variant's suffix says what tells it
// apart, the operation's leading words what it does.
func fit(name, suffix string) string {
	words := naming.Words(name)
	for len(words) > 1 && len(strings.Join(words, ""))+len(suffix) > maxNameLen {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "") + suffix
}

// candidate is a name a variant may take, and what it is made of.
type candidate struct{ name, from string }

// shortOnes are the candidates within maxNameLen (or beyond it).
func shortOnes(cands []candidate, short bool) []candidate {
	var out []candidate
	for _, c := range cands {
		if (len(c.name) <= maxNameLen) == short {
			out = append(out, c)
		}
	}
	return out
}

// targetWords are the Go words of what v's URL has that first's lacks:
// its root segment when the roots differ, then each later segment first's
// URL does not have, singular when a parameter follows it.
func targetWords(v, first *Variant) string {
	have := map[string]bool{}
	for _, seg := range pathSegments(first.Template) {
		have[strings.ToLower(seg.name)] = true
	}
	firstRoot := ""
	if segs := pathSegments(first.Template); len(segs) > 0 {
		firstRoot = segs[0].name
	}
	var b strings.Builder
	for i, seg := range pathSegments(v.Template) {
		if i == 0 && strings.EqualFold(seg.name, firstRoot) || i > 0 && have[strings.ToLower(seg.name)] {
			continue
		}
		word := seg.name
		if seg.keyed {
			word = naming.Singular(word)
		}
		b.WriteString(naming.Exported(word))
	}
	return b.String()
}

// pathSegment is a literal segment of a URL by its name, and whether a
// parameter follows it (/users/{id}: users is keyed).
type pathSegment struct {
	name   string
	keyed  bool
	dollar bool // $value, $ref: a view of the resource, not one
}

// pathSegments are the literal segments of a template by name: a function
// call by the function's, $value as value.
func pathSegments(template string) []pathSegment {
	var segs []pathSegment
	for _, raw := range strings.Split(template, "/") {
		if placeholderRE.ReplaceAllString(raw, "") == "" && raw != "" {
			if len(segs) > 0 {
				segs[len(segs)-1].keyed = true
			}
			continue
		}
		name := strings.TrimSuffix(placeholderRE.ReplaceAllString(raw, ""), ":")
		if open := strings.IndexByte(name, '('); open >= 0 {
			name = name[:open]
		}
		name = name[strings.LastIndexByte(name, '.')+1:]
		dollar := strings.HasPrefix(name, "$")
		name = strings.TrimPrefix(name, "$") // $value is "value"
		if name == "" || !isIdentifier(name) {
			continue
		}
		segs = append(segs, pathSegment{name: name, dollar: dollar})
	}
	return segs
}

// differingWords are the words of v's segments that first's segment at
// the same place lacks: /deviceAppManagement/mdmWindowsInformationProtectionPolicies/...
// beside /deviceAppManagement/windowsInformationProtectionPolicies/... -> Mdm.
func differingWords(v, first *Variant) string {
	mine, theirs := literalSegments(v.Template), literalSegments(first.Template)
	var b strings.Builder
	for i, seg := range mine {
		var other []string
		if i < len(theirs) {
			if strings.EqualFold(seg, theirs[i]) {
				continue
			}
			other = naming.Words(theirs[i])
		}
		for _, w := range naming.Words(seg) {
			if !slices.ContainsFunc(other, func(o string) bool { return strings.EqualFold(o, w) }) {
				b.WriteString(naming.Exported(w))
			}
		}
	}
	return b.String()
}

// literalSegments are a template's segments without placeholders in them.
func literalSegments(template string) []string {
	var segs []string
	for _, seg := range strings.Split(template, "/") {
		if seg != "" && !strings.ContainsAny(seg, "{}") {
			segs = append(segs, seg)
		}
	}
	return segs
}

func paramNames(v *Variant) string {
	var b strings.Builder
	for _, p := range v.Params {
		b.WriteString(p.FieldName)
	}
	return b.String()
}

// bodyType is the request body's type: the type the request annotation
// or the "Request body" section names, else a type inferred from the
// examples' JSON bodies.
func (b *builder) bodyType(p *docparse.Page, op *Operation, reqs []*docRequest) *TypeRef {
	var shape *schema.Node
	odata := b.linkedBodyType(p)
	for _, r := range reqs {
		shape = schema.Merge(shape, r.body)
		if t, _ := bodyType(r.block.Annotation); t != "" {
			odata = t
		}
	}
	if odata != "" {
		if ref := b.namedRef(odata, false); ref != nil {
			return ref
		}
	}
	if shape == nil {
		return nil
	}
	if shape.Kind == schema.Object && !shape.Mixed {
		// A body object is always a struct, even when its keys look like
		// data (an "x@odata.bind" member, say): the plumbing takes *T.
		return b.types.structRef(op.Name, "Body", shape, op.Source)
	}
	return b.types.nodeRef(op.Name, "Body", shape, "", op.Source)
}

// namedRef is a use of a named type, or of the collection envelope of it.
func (b *builder) namedRef(odata string, isCollection bool) *TypeRef {
	def := b.types.lookup(odata)
	if def == nil {
		return nil
	}
	key := odataKey(def.odataType)
	if isCollection {
		key = odataKey("Collection(" + def.odataType + ")")
	}
	if t := b.types.built[key]; t != nil {
		return &TypeRef{Kind: RefNamed, Named: t}
	}
	return nil
}

// result is the success status, kind and type, from a success response.
func (b *builder) result(op *Operation, resp *docResponse) Result {
	res := Result{Status: resp.msg.Status, Kind: resultKind(resp)}
	if res.Kind != ResultJSON {
		return res
	}
	odata, isCollection := bodyType(resp.block.Annotation)
	if odata != "" && resp.body.Kind == schema.Array {
		if ref := b.namedRef(odata, false); ref != nil {
			res.Type = &TypeRef{Kind: RefSlice, Elem: ref}
			return res
		}
	}
	if odata != "" && resp.body.Kind == schema.Object {
		if ref := b.namedRef(odata, isCollection); ref != nil {
			res.Type = ref
			return res
		}
	}
	res.Type = b.types.nodeRef(op.Name, "Response", resp.body, "", resp.block.AnnotationPos)
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
		Name:           req.name,
		Source:         req.block.AnnotationPos,
		ResponseSource: resp.block.AnnotationPos,
		Variant:        v,
		Method:         req.msg.Method,
		DocPath:        req.msg.Path,
		Status:         resp.msg.Status,
		IsError:        resp.msg.Status >= 400 || resp.block.Annotation.ExpectError,
	}
	ex.ResponseWhole = !ex.IsError && !req.plain && !resp.block.Annotation.Truncated
	ex.PageLinks = b.pageLinks[ex.Source.File]
	ex.PathArgs, _ = matchPath(v.Parts, examplePath(req))
	ex.Path = wirePath(v.Parts, ex.PathArgs)
	for _, p := range op.HeaderParams {
		ex.HeaderArgs = append(ex.HeaderArgs, req.msg.Header.Get(p.WireName))
	}
	ex.Query = httpmsg.QueryPairs(req.msg.RawQuery)
	for _, p := range op.QueryParams {
		ex.QueryArgs = append(ex.QueryArgs, queryValue(ex.Query, p.WireName))
	}
	if op.BodyKind == BodyStream {
		ex.RequestBody, ex.ContentType = req.msg.Body, req.msg.Header.Get("Content-Type")
	}
	if ex.IsError || op.Result.Kind != ResultJSON {
		ex.ResponseBody = resp.msg.Body
		ex.ResponseHeader = responseHeaders(op.Result.Kind, resp.msg.Header)
		if ex.IsError {
			ex.ResponseHeader = nil
		}
	}
	ex.FakeHeader = fakeHeaders(resp.msg.Header, ex.ResponseHeader, resp.msg.Body)
	if req.body != nil && op.Body != nil {
		var subs []Substitution
		ex.Request = typedValue(op.Body, req.body, "", &subs)
		ex.RequestBody = substitute(req.msg.Body, subs)
		ex.Substitutions = append(ex.Substitutions, subs...)
	}
	if resp.body != nil && op.Result.Type != nil && !ex.IsError {
		b.checkResultType(op, ex, resp)
		var subs []Substitution
		ex.Response = typedValue(op.Result.Type, resp.body, "", &subs)
		ex.ResponseBody = substitute(resp.msg.Body, subs)
		ex.Substitutions = append(ex.Substitutions, subs...)
	}
	if doc := documentedBody(req); ex.RequestBody != "" && doc != ex.RequestBody {
		ex.DocRequestBody = doc
	}
	if ex.Response != nil && ex.ResponseBody != resp.msg.Body {
		ex.DocResponseBody = resp.msg.Body
	}
	if ex.Request != nil {
		b.checkEnumValues(ex.Name, ex.Request, req.body, bodyLocator(req.block, req.msg.BodyLine, req.msg.Body), "")
	}
	if ex.Response != nil {
		b.checkEnumValues(ex.Name, ex.Response, resp.body, bodyLocator(resp.block, resp.msg.BodyLine, resp.msg.Body), "")
	}
	return ex
}

// checkEnumValues warns of each value of an enum member that the enum's
// table does not list, at path in an example's body, on the value's own
// line. v is n typed (typedValue): their members and elements correspond.
func (b *builder) checkEnumValues(name string, v *Value, n *schema.Node, at locator, path string) {
	if v == nil || n == nil {
		return
	}
	if v.Type != nil && v.Type.Kind == RefEnum && !v.Null {
		var s string
		if json.Unmarshal([]byte(v.Scalar), &s) == nil && !slices.ContainsFunc(v.Type.Enum.Values, func(e EnumValue) bool { return e.Value == s }) {
			b.diags.WarnRelated(at(n.Offset), []diag.Related{{Pos: v.Type.Enum.Source, Message: "the values of " + v.Type.Enum.Name}}, diag.UnlistedEnumValue,
				"example %q shows %s %q, which the table of %s at %s does not list", name, cmp.Or(path, "the body"), s, v.Type.Enum.Name, v.Type.Enum.Source)
		}
	}
	for _, f := range v.Fields {
		b.checkEnumValues(name, f.Value, lastField(n, f.Field.JSONName), at, joinPath(path, f.Field.JSONName))
	}
	for i, e := range v.Elems {
		if i < len(n.Items) {
			b.checkEnumValues(name, e, n.Items[i], at, fmt.Sprintf("%s[%d]", path, i))
		}
	}
	for _, e := range v.Entries {
		b.checkEnumValues(name, e.Value, lastField(n, e.Key), at, joinPath(path, e.Key))
	}
}

// lastField is the value of an object's member; a member shown twice
// has its last value, as typedValue and encoding/json take it.
func lastField(n *schema.Node, name string) *schema.Node {
	var last *schema.Node
	for _, f := range n.Fields {
		if f.Name == name {
			last = f.Value
		}
	}
	return last
}

// documentedBody is a request's body as the docs write it, before any
// repair: the block read again, as the request was (readRequest replaced
// its body with the repaired one).
func documentedBody(req *docRequest) string {
	if req.msg.Body == "" {
		return ""
	}
	msg, err := httpmsg.ParseRequest(req.block.Code)
	if err != nil {
		return req.msg.Body
	}
	return msg.Body
}

// examplePath is an example's path without a trailing slash, which the
// docs sometimes add ("/drive/items/{item-id}/?expand=...").
func examplePath(req *docRequest) string {
	if len(req.msg.Path) > 1 {
		return strings.TrimSuffix(req.msg.Path, "/")
	}
	return req.msg.Path
}

func queryValue(pairs [][2]string, key string) string {
	for _, kv := range pairs {
		if kv[0] == key {
			return kv[1]
		}
	}
	return ""
}

// settleHandlers decides, once routes are known, which Server method the
// handler calls for each example.
func (b *builder) settleHandlers(api *API) {
	rt := newRouter(api)
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			ex.Handler, ex.HandlerNote = handlerFor(op, ex.Variant)
			hit, ok := rt.route(ex.Method, ex.Path)
			routed := hit.op
			if ok && ex.Handler != nil && routed != ex.Handler {
				// A more specific route (a literal path another example
				// documents, say) takes the example's path.
				ex.Handler, ex.HandlerNote = routedHandler(op, routed, ex.Path)
			}
			ex.ServedPattern = ""
			if ok && ex.Handler != nil && routed == ex.Handler {
				ex.ServedPattern = hit.pattern
			}
			if ex.Handler == nil {
				b.diags.Warnf(ex.Source, diag.ClientOnlyExample, "example %q tests the client only: %s", ex.Name, ex.HandlerNote)
			}
		}
	}
	pinPaths(api)
	b.sameRequests(api)
}

// pinPaths marks the examples a fake can tell apart only by their path
// values: those served under one route with the same method, query,
// header parameters and request body, but different paths. Any other
// example matches whatever values fill its route's parameters.
func pinPaths(api *API) {
	type served struct {
		ex  *Example
		key string
	}
	var all []served
	paths := map[string]map[string]bool{}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			ex.PinPath = false
			if ex.ServedPattern == "" {
				continue
			}
			key := fmt.Sprint(ex.Handler.Name, ex.ServedPattern, requestKey(op, ex, false))
			all = append(all, served{ex, key})
			if paths[key] == nil {
				paths[key] = map[string]bool{}
			}
			paths[key][ex.Path] = true
		}
	}
	for _, s := range all {
		s.ex.PinPath = len(paths[s.key]) > 1
	}
}

// requestKey is what a fake matches an example's request by: its method,
// query, header parameters and body, and its path when withPath.
func requestKey(op *Operation, ex *Example, withPath bool) string {
	key := fmt.Sprint(ex.Method, ex.Query, op.sentHeaders(ex), compactJSON(ex.RequestBody))
	if withPath {
		key += " " + ex.Path
	}
	return key
}

// sameRequests marks each example whose request the docs show for an
// earlier example too (a page documents another's request with another
// response): a fake answers the earlier one, and this one when asked for
// it by name, which DB410 says where the responses differ. Earlier is as
// the fake sees it: an example its route's operation serves before one no
// route serves, each in documented order.
func (b *builder) sameRequests(api *API) {
	first := map[string]*Example{}
	for _, routed := range []bool{true, false} {
		for _, op := range api.Operations {
			for _, ex := range op.Examples {
				if (ex.Handler != nil) != routed {
					continue
				}
				key := requestKey(op, ex, true)
				ex.SameRequestAs = first[key]
				if ex.SameRequestAs == nil {
					first[key] = ex
					continue
				}
				if same := ex.SameRequestAs; same.Status != ex.Status || compactJSON(answeredBody(same)) != compactJSON(answeredBody(ex)) {
					b.diags.WarnRelated(ex.Source, []diag.Related{{Pos: same.Source, Message: "the earlier example " + same.Name}}, diag.SameRequest,
						"example %q shows the request of example %q at %s with another response; a fake answers %q, and %q when the request names it in a Docbind-Example header",
						ex.Name, same.Name, same.Source, same.Name, ex.Name)
				}
			}
		}
	}
}

// answeredBody is the response body a fake answers for an example: the
// documented one.
func answeredBody(ex *Example) string {
	if ex.DocResponseBody != "" {
		return ex.DocResponseBody
	}
	return ex.ResponseBody
}

// compactJSON is a JSON text without insignificant space, or the text as
// it is when it is not JSON.
func compactJSON(text string) string {
	var buf bytes.Buffer
	if json.Compact(&buf, []byte(text)) != nil {
		return text
	}
	return buf.String()
}

// settleHeaderNames keeps the header parameters' fields of the operation's
// options type apart from its query parameters' fields, which it holds too:
// a header named as a query parameter (a Prefer header beside a prefer
// query parameter) or as an earlier header adds Header (PreferHeader).
func settleHeaderNames(op *Operation) {
	var fields naming.Set
	for _, p := range op.QueryParams {
		fields.Reserve(p.FieldName)
	}
	for _, p := range op.HeaderParams {
		name := p.FieldName
		if fields.Taken(name) {
			name += "Header"
		}
		p.FieldName = fields.Unique(name)
	}
}

// headerFieldName is the Go name of a header parameter's field: from the
// header's name as the docs write it when they write it in both cases
// (ConsistencyLevel, whose canonical form is Consistencylevel), else from
// the canonical form (IfMatch for IF-MATCH or if-match).
func headerFieldName(written, wire string) string {
	if written == "" || strings.ToLower(written) == written || strings.ToUpper(written) == written {
		written = wire
	}
	return naming.Exported(written)
}

// hasHeader reports whether params has a parameter for the header wire.
func hasHeader(params []*Param, wire string) bool {
	return slices.ContainsFunc(params, func(p *Param) bool { return p.WireName == wire })
}

// routedHandler is the handler of an example whose path the router gives
// to another operation than its URL's: that operation, when its Server
// method takes and returns the same Go types, else none.
func routedHandler(op, routed *Operation, path string) (*Operation, string) {
	switch {
	case routed == nil:
		return nil, "the handler routes no operation at " + path
	case sameResult(op.Result, routed.Result) && sameBody(op, routed):
		return routed, ""
	}
	return nil, "the handler routes " + path + " to " + routed.Name + ", whose request or result differs"
}

// checkResultType warns when an example's response names a type that is
// not the operation's result (nor derived from it): one Go method returns
// one type, so the example is read as the result type, and what only the
// named type has may not survive.
func (b *builder) checkResultType(op *Operation, ex *Example, resp *docResponse) {
	odata, isCollection := bodyType(resp.block.Annotation)
	res := op.Result.Type
	if odata == "" || isCollection || res.Kind != RefNamed || res.Named.ODataType == "" {
		return
	}
	named := b.types.lookup(odata)
	if named == nil {
		return
	}
	for t := b.types.built[odataKey(named.odataType)]; t != nil; t = t.Base {
		if t == res.Named {
			return
		}
	}
	b.diags.Warnf(resp.block.AnnotationPos, diag.ResultTypeDiffers, "example %q answers a %s, but %s returns %s, as its first example does; the example is read as %s, which may not keep what only %s has",
		ex.Name, named.odataType, op.Name, res.Named.Name, res.Named.Name, named.odataType)
}

// uniqueTypeName hands out the name of a type an operation declares (its
// server request, its options). Where the docs already have a type of
// that name (a documented "CreateUserRequest", say), the operation's
// takes "Call" before its last word; a number is the warned last resort.
func (b *builder) uniqueTypeName(name string, at diag.Pos) string {
	names := &b.types.names
	for _, candidate := range []string{name, insertBeforeLastWord(name, "Call")} {
		if !names.Taken(candidate) {
			names.Reserve(candidate)
			return candidate
		}
	}
	unique := names.Unique(name)
	b.diags.Warnf(at, diag.NameNumbered, "the docs already have types named %s and %s; this operation's is named %s", name, insertBeforeLastWord(name, "Call"), unique)
	return unique
}

func insertBeforeLastWord(name, word string) string {
	words := naming.Words(name)
	last := words[len(words)-1]
	return strings.TrimSuffix(name, last) + word + last
}

// namesOn is the set of method names taken on a receiver: Client's, or a
// handle's, which holds every operation's name from the start so that a
// variant's suffixed name never takes another operation's.
func (b *builder) namesOn(h *Handle) *naming.Set {
	if h == nil {
		return &b.clientNames
	}
	if b.handleNames == nil {
		b.handleNames = map[*Handle]*naming.Set{}
	}
	set := b.handleNames[h]
	if set == nil {
		set = &naming.Set{}
		set.Reserve(b.opNames...)
		b.handleNames[h] = set
	}
	return set
}

// proseResult is the result of an operation no example shows succeeding,
// from the type its page's "Response" section links to: a collection of
// it for a GET whose URL ends in a plural word (GET /users), else one.
// nil when the section links no type, or for a DELETE.
func (b *builder) proseResult(op *Operation, p *docparse.Page) *TypeRef {
	if op.Method == http.MethodDelete || len(op.Variants) == 0 {
		return nil
	}
	linked := b.linkedType(p, "response")
	if linked == "" {
		return nil
	}
	last := op.Variants[0].Parts[len(op.Variants[0].Parts)-1]
	segment := last.Literal[strings.LastIndexByte(last.Literal, '/')+1:]
	collection := op.Method == http.MethodGet && last.Param == nil && isIdentifier(segment) && naming.Singular(segment) != segment
	return b.namedRef(linked, collection)
}
