package templates

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genClientType(f *jen.File, api *model.API) {
	f.Comment("DefaultBaseURL is the base URL of the documented examples.")
	f.Const().Id("DefaultBaseURL").Op("=").Lit(api.BaseURL)
	f.Line()
	f.Comment("Client calls the API. Create one with NewClient; it is safe for concurrent use.")
	f.Type().Id("Client").Struct(
		jen.Id("baseURL").String(),
		jen.Id("httpClient").Op("*").Qual(pkgHTTP, "Client"),
		jen.Id("header").Qual(pkgHTTP, "Header"),
	)
	f.Line()
	f.Comment("ClientOption configures a Client.")
	f.Type().Id("ClientOption").Func().Params(jen.Op("*").Id("Client"))
	f.Line()
	f.Comment("WithHTTPClient makes the Client send requests through hc.")
	f.Func().Id("WithHTTPClient").Params(jen.Id("hc").Op("*").Qual(pkgHTTP, "Client")).Id("ClientOption").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Block(jen.Id("c").Dot("httpClient").Op("=").Id("hc"))),
	)
	f.Line()
	f.Comment("WithHeader sends a header with every request, such as Authorization.")
	f.Func().Id("WithHeader").Params(jen.List(jen.Id("name"), jen.Id("value")).String()).Id("ClientOption").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Block(jen.Id("c").Dot("header").Dot("Set").Call(jen.Id("name"), jen.Id("value")))),
	)
	f.Line()
	f.Comment("WithBearerToken authorizes every request with an OAuth bearer token.")
	f.Func().Id("WithBearerToken").Params(jen.Id("token").String()).Id("ClientOption").Block(
		jen.Return(jen.Id("WithHeader").Call(jen.Lit("Authorization"), jen.Lit("Bearer ").Op("+").Id("token"))),
	)
	f.Line()
	f.Comment(`NewClient returns a Client for the API at baseURL; "" means DefaultBaseURL.`)
	f.Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("opts").Op("...").Id("ClientOption")).Op("*").Id("Client").Block(
		jen.If(jen.Id("baseURL").Op("==").Lit("")).Block(jen.Id("baseURL").Op("=").Id("DefaultBaseURL")),
		jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{
			jen.Id("baseURL"):    jen.Qual("strings", "TrimSuffix").Call(jen.Id("baseURL"), jen.Lit("/")),
			jen.Id("httpClient"): jen.Qual(pkgHTTP, "DefaultClient"),
			jen.Id("header"):     jen.Qual(pkgHTTP, "Header").Values(),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(jen.Id("opt").Call(jen.Id("c"))),
		jen.Return(jen.Id("c")),
	)
	f.Line()
	for _, h := range api.Handles {
		genHandle(f, h)
	}
}

// genHandle writes a handle type and the method of its parent (or
// Client) that returns one.
func genHandle(f *jen.File, h *model.Handle) {
	url := handleURL(h)
	f.Comment(fmt.Sprintf("%s calls the URLs under %s: its methods are the variants there", h.Type, url))
	f.Comment(fmt.Sprintf("of the operations of the same names. Get one with %s.%s.", parentType(h), h.Func))
	f.Type().Id(h.Type).Struct(jen.Id("c").Op("*").Id("Client"), jen.Id("prefix").String())
	f.Line()
	f.Comment(fmt.Sprintf("%s returns the client for the URLs under %s.", h.Func, url))
	prefix := jen.Lit(h.Parts[0].Literal).Op("+").Id("escapeSegment").Call(jen.Id(h.Key.ArgName))
	client := jen.Id("p").Dot("c")
	if h.Parent == nil {
		client = jen.Id("c")
	} else {
		prefix = jen.Id("p").Dot("prefix").Op("+").Add(prefix)
	}
	f.Func().Params(parentReceiver(h)).Id(h.Func).Params(jen.Id(h.Key.ArgName).String()).Op("*").Id(h.Type).Block(
		jen.Return(jen.Op("&").Id(h.Type).Values(jen.Dict{jen.Id("c"): client, jen.Id("prefix"): prefix})),
	)
	f.Line()
}

func parentType(h *model.Handle) string {
	if h.Parent == nil {
		return "Client"
	}
	return h.Parent.Type
}

func parentReceiver(h *model.Handle) jen.Code {
	if h.Parent == nil {
		return jen.Id("c").Op("*").Id("Client")
	}
	return jen.Id("p").Op("*").Id(h.Parent.Type)
}

// handleURL is the URL template a handle stands for.
func handleURL(h *model.Handle) string {
	url := ""
	for ; h != nil; h = h.Parent {
		url = h.Parts[0].Literal + "{" + h.Key.ArgName + "}" + url
	}
	return url
}

// receiver is the receiver of a variant's client method: the Client, or
// its handle; handleBinding binds the name c to the handle's Client.
func receiver(v *model.Variant) jen.Code {
	if v.Handle == nil {
		return jen.Id("c").Op("*").Id("Client")
	}
	return jen.Id("h").Op("*").Id(v.Handle.Type)
}

func handleBinding(v *model.Variant) []jen.Code {
	if v.Handle == nil {
		return nil
	}
	return []jen.Code{jen.Id("c").Op(":=").Id("h").Dot("c")}
}

// methodPath is the path a variant's method sends to: the handle's prefix
// and the URL below it.
func methodPath(v *model.Variant) jen.Code {
	if v.Handle == nil {
		return pathExpr(v.Parts)
	}
	rest := v.Parts[v.HandleParts:]
	if len(rest) == 0 {
		return jen.Id("h").Dot("prefix")
	}
	return jen.Id("h").Dot("prefix").Op("+").Add(pathExpr(rest))
}

// callVariant calls a variant's client method on client with args (ctx,
// the path parameters, then the rest): through its handles, which take
// the first path parameters, when it has them.
func callVariant(client *jen.Statement, v *model.Variant, args []jen.Code) *jen.Statement {
	if v.Handle == nil {
		return client.Dot(v.ClientMethod).Call(args...)
	}
	var chain []*model.Handle
	for h := v.Handle; h != nil; h = h.Parent {
		chain = append([]*model.Handle{h}, chain...)
	}
	for i, h := range chain {
		client = client.Dot(h.Func).Call(args[1+i])
	}
	rest := append([]jen.Code{args[0]}, args[1+len(chain):]...)
	return client.Dot(v.ClientMethod).Call(rest...)
}

// methodParams are a variant's client method parameters: clientParams,
// less the keys its handles take.
func methodParams(op *model.Operation, v *model.Variant) []jen.Code {
	params := clientParams(op, v)
	if v.Handle != nil {
		params = append(params[:1:1], params[1+v.Handle.Depth:]...)
	}
	return params
}

// clientParams are a client method's parameters: ctx, path parameters,
// then the parameters every URL of the operation shares.
func clientParams(op *model.Operation, v *model.Variant) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range v.Params {
		params = append(params, jen.Id(p.ArgName).String())
	}
	return append(params, sharedParams(op)...)
}

// sharedParams are the parameters of an operation that do not depend on
// its URL: the body, then the options.
func sharedParams(op *model.Operation) []jen.Code {
	var params []jen.Code
	switch op.BodyKind {
	case model.BodyJSON:
		params = append(params, jen.Id("body").Add(goType(op.Body)))
	case model.BodyStream:
		params = append(params, jen.Id("body").Qual(pkgIO, "Reader"), jen.Id("contentType").String())
	}
	if op.OptionsType != "" {
		params = append(params, jen.Id("opts").Op("*").Id(op.OptionsType))
	}
	return params
}

// sharedArgs passes sharedParams on, by name.
func sharedArgs(op *model.Operation) []jen.Code {
	return bodyAndOptions(op, jen.Id("body"), jen.Id("contentType"), jen.Id("opts"))
}

// bodyAndOptions are the arguments of a client method after its path
// values: body (with contentType for a stream) and opts, as the operation
// takes them.
func bodyAndOptions(op *model.Operation, body, contentType, opts jen.Code) []jen.Code {
	var args []jen.Code
	switch op.BodyKind {
	case model.BodyJSON:
		args = append(args, body)
	case model.BodyStream:
		args = append(args, body, contentType)
	}
	if op.OptionsType != "" {
		args = append(args, opts)
	}
	return args
}

// resultType is the Go type a successful call returns, or nil for none.
func resultType(op *model.Operation) jen.Code {
	switch op.Result.Kind {
	case model.ResultJSON:
		return goType(op.Result.Type)
	case model.ResultContent:
		return jen.Op("*").Id("Content")
	case model.ResultAccepted:
		return jen.Op("*").Id("Accepted")
	}
	return nil
}

// clientResults are (result, error), or error alone when there is no result.
func clientResults(op *model.Operation) []jen.Code {
	if t := resultType(op); t != nil {
		return []jen.Code{t, jen.Error()}
	}
	return []jen.Code{jen.Error()}
}

func genClientMethod(f *jen.File, op *model.Operation, v *model.Variant) {
	if first := op.Variants[0]; v != first {
		// The first URL's method documents the operation; another URL's
		// points to it rather than repeating it, in one paragraph.
		f.Comment(fmt.Sprintf("%s calls %s, a URL of %s (%s).", v.ClientMethod, v.Pattern, first.QualifiedMethod(), op.Title))
	} else {
		genOperationDoc(f, op, v)
		f.Comment("")
	}
	f.Comment(source(v.Source))
	body := handleBinding(v)
	if len(op.Variants) > 1 {
		// The URLs differ in their path only: each method builds its path and
		// sends it through the operation's one send method.
		body = append(body, jen.Return(jen.Id("c").Dot(sendMethod(op)).Call(append([]jen.Code{jen.Id("ctx"), methodPath(v)}, sharedArgs(op)...)...)))
	} else {
		body = append(body, clientBody(op, methodPath(v))...)
	}
	f.Func().Params(receiver(v)).Id(v.ClientMethod).Params(methodParams(op, v)...).Params(clientResults(op)...).Block(body...)
	f.Line()
}

// genOperationDoc writes the doc comment of an operation's first method.
func genOperationDoc(f *jen.File, op *model.Operation, v *model.Variant) {
	f.Comment(fmt.Sprintf("%s calls %s (%s).", v.ClientMethod, v.Pattern, op.Title))
	if len(op.AlsoDocumented) > 0 && v == op.Variants[0] {
		f.Comment("")
		f.Comment("Also documented at " + alsoDocumented(op) + ".")
	}
	if op.Doc != "" {
		f.Comment("")
		for _, c := range comments(op.Doc) {
			f.Add(c)
		}
	}
	if op.StatusFrom.Line > 0 {
		// No example shows the status: say where it comes from, as the
		// warning does, so a reader can check it against the page.
		f.Comment("")
		for _, c := range comments(fmt.Sprintf("On success it answers %d %s, the status the page's prose states (%s:%d); no example shows it.",
			op.Result.Status, http.StatusText(op.Result.Status), op.StatusFrom.File, op.StatusFrom.Line)) {
			f.Add(c)
		}
	}
	if len(op.Permissions) > 0 {
		f.Comment("")
		for _, c := range permissionComments(op.Permissions) {
			f.Add(c)
		}
	}
	if op.BodyKind == model.BodyStream {
		f.Comment("")
		f.Comment("body is sent as it is, with contentType (application/octet-stream when empty).")
	}
	if op.Result.Kind == model.ResultContent {
		f.Comment("")
		f.Comment("The result is the content, or where to fetch it: redirects are not followed.")
	}
}

// permissionComments say the page's Permissions table: by permission type
// as the docs write it, the scopes that let an app call the operation,
// least to most privileged, as a doc comment list.
func permissionComments(perms []model.Permission) []jen.Code {
	out := []jen.Code{jen.Comment("Permissions, least to most privileged (one of them is needed):")}
	for _, p := range perms {
		var alts []string
		for _, set := range p.Scopes {
			alts = append(alts, strings.Join(set, " and "))
		}
		item := p.Label + ": " + strings.Join(alts, ", ")
		if len(alts) == 0 {
			item = p.Label + ": not supported"
		}
		for i, line := range wrap(item, commentWidth-5) {
			if i == 0 {
				out = append(out, jen.Comment("  - "+line))
			} else {
				out = append(out, jen.Comment("    "+line))
			}
		}
	}
	return out
}

// sendMethod names the unexported method that sends a request of an
// operation with several URLs, given its path.
func sendMethod(op *model.Operation) string { return "send" + op.Name }

// genSendMethod writes sendMethod for an operation with several URLs.
func genSendMethod(f *jen.File, op *model.Operation) {
	f.Comment(fmt.Sprintf("%s sends %s to urlPath, the URL of one of its client methods.", sendMethod(op), op.Name))
	params := append([]jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("urlPath").String()}, sharedParams(op)...)
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(sendMethod(op)).Params(params...).Params(clientResults(op)...).Block(clientBody(op, jen.Id("urlPath"))...)
	f.Line()
}

// clientBody sends the operation's request to path and returns its result.
func clientBody(op *model.Operation, path jen.Code) []jen.Code {
	newRequest := jen.Id("c").Dot("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), path, jen.Nil())
	switch op.BodyKind {
	case model.BodyJSON:
		newRequest = jen.Id("c").Dot("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), path, jen.Id("body"))
	case model.BodyStream:
		newRequest = jen.Id("c").Dot("newStreamRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), path, jen.Id("body"), jen.Id("contentType"))
	}
	var apply jen.Code = jen.Nil()
	if op.OptionsType != "" {
		apply = jen.Id("opts")
	}
	var fetch *jen.Statement
	switch {
	case op.Result.Kind == model.ResultJSON && op.Result.Type.Kind == model.RefNamed:
		return []jen.Code{
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Add(newRequest),
			jen.Return(jen.Id("fetchJSON").Call(jen.Id("c"), jen.Id("req"), jen.Err(), apply, jen.New(jen.Id(op.Result.Type.Named.Name)))),
		}
	case op.Result.Kind == model.ResultJSON:
		fetch = jen.Id("fetchValue").Types(goType(op.Result.Type))
	case op.Result.Kind == model.ResultContent:
		fetch = jen.Id("fetchContent")
	case op.Result.Kind == model.ResultAccepted:
		fetch = jen.Id("fetchAccepted")
	default:
		fetch = jen.Id("fetchNone")
	}
	return []jen.Code{
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Add(newRequest),
		jen.Return(fetch.Call(jen.Id("c"), jen.Id("req"), jen.Err(), apply)),
	}
}

// genFetchHelpers writes what every client method ends with: the options
// applied to its request, the request sent and its result read.
func genFetchHelpers(f *jen.File) {
	params := func() []jen.Code {
		return []jen.Code{jen.Id("c").Op("*").Id("Client"), jen.Id("req").Op("*").Qual(pkgHTTP, "Request"), jen.Err().Error(), jen.Id("opts").Id("requestOptions")}
	}
	prepared := func(failed ...jen.Code) jen.Code {
		return jen.If(jen.Err().Op("=").Id("prepare").Call(jen.Id("req"), jen.Err(), jen.Id("opts")), jen.Err().Op("!=").Nil()).Block(jen.Return(failed...))
	}
	f.Comment("requestOptions are an operation's options, which set what they hold on a request.")
	f.Comment("A client method hands them to the fetch helpers as this interface rather than as")
	f.Comment("the method value opts.apply, which would cost a closure per operation.")
	f.Type().Id("requestOptions").Interface(jen.Id("apply").Params(jen.Op("*").Qual(pkgHTTP, "Request")).Error())
	f.Line()
	f.Comment("prepare applies the options to a request newRequest made without error.")
	f.Func().Id("prepare").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request"), jen.Err().Error(), jen.Id("opts").Id("requestOptions")).Error().Block(
		jen.If(jen.Err().Op("==").Nil().Op("&&").Id("opts").Op("!=").Nil()).Block(jen.Err().Op("=").Id("opts").Dot("apply").Call(jen.Id("req"))),
		jen.Return(jen.Err()),
	)
	f.Line()
	f.Comment("fetchJSON sends a prepared request and decodes its JSON result into out, a")
	f.Comment("pointer to a new value: one instance of fetchJSON serves every result type.")
	f.Func().Id("fetchJSON").Types(jen.Id("P").Any()).Params(append(params(), jen.Id("out").Id("P"))...).Params(jen.Id("P"), jen.Error()).Block(
		jen.Var().Id("zero").Id("P"),
		prepared(jen.Id("zero"), jen.Err()),
		jen.If(jen.Err().Op(":=").Id("c").Dot("do").Call(jen.Id("req"), jen.Id("out")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("zero"), jen.Err())),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Line()
	f.Comment("fetchValue sends a prepared request and decodes its JSON result into a T.")
	f.Func().Id("fetchValue").Types(jen.Id("T").Any()).Params(params()...).Params(jen.Id("T"), jen.Error()).Block(
		jen.Var().Id("out").Id("T"),
		prepared(jen.Id("out"), jen.Err()),
		jen.Err().Op("=").Id("c").Dot("do").Call(jen.Id("req"), jen.Op("&").Id("out")),
		jen.Return(jen.Id("out"), jen.Err()),
	)
	f.Line()
	f.Comment("fetchContent sends a prepared request whose result is content.")
	f.Func().Id("fetchContent").Params(params()...).Params(jen.Op("*").Id("Content"), jen.Error()).Block(
		prepared(jen.Nil(), jen.Err()),
		jen.Return(jen.Id("c").Dot("doContent").Call(jen.Id("req"))),
	)
	f.Line()
	f.Comment("fetchAccepted sends a prepared request that starts a long-running operation.")
	f.Func().Id("fetchAccepted").Params(params()...).Params(jen.Op("*").Id("Accepted"), jen.Error()).Block(
		prepared(jen.Nil(), jen.Err()),
		jen.Return(jen.Id("c").Dot("doAccepted").Call(jen.Id("req"))),
	)
	f.Line()
	f.Comment("fetchNone sends a prepared request whose answer has no result.")
	f.Func().Id("fetchNone").Params(params()...).Error().Block(
		prepared(jen.Err()),
		jen.Return(jen.Id("c").Dot("do").Call(jen.Id("req"), jen.Nil())),
	)
	f.Line()
}

// pathExpr builds the request path, escaping every parameter so that it
// stays inside its segment (a multi-segment one segment by segment).
func pathExpr(parts []model.PathPart) jen.Code {
	var expr *jen.Statement
	add := func(c jen.Code) {
		if expr == nil {
			expr = jen.Add(c)
			return
		}
		expr = expr.Op("+").Add(c)
	}
	for _, p := range parts {
		switch {
		case p.Param == nil:
			add(jen.Lit(p.Literal))
		case p.Param.Multi:
			add(jen.Id("escapePath").Call(jen.Id(p.Param.ArgName)))
		default:
			add(jen.Id("escapeSegment").Call(jen.Id(p.Param.ArgName)))
		}
	}
	if expr == nil {
		return jen.Lit("/")
	}
	return expr
}

func genClientPlumbing(f *jen.File) {
	genFetchHelpers(f)
	f.Comment("newRequest builds a request for path below the base URL, with body encoded as")
	f.Comment("JSON when it is not nil: neither nil nor a nil pointer, which a client method's")
	f.Comment("caller leaves when there is no body to send.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("newRequest").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("method"), jen.Id("path")).String(), jen.Id("body").Any(),
	).Params(jen.Op("*").Qual(pkgHTTP, "Request"), jen.Error()).Block(
		jen.If(jen.Id("v").Op(":=").Qual(pkgReflect, "ValueOf").Call(jen.Id("body")), jen.Id("v").Dot("Kind").Call().Op("==").Qual(pkgReflect, "Pointer").Op("&&").Id("v").Dot("IsNil").Call()).Block(
			jen.Id("body").Op("=").Nil(),
		),
		jen.Var().Id("reader").Qual(pkgIO, "Reader"),
		jen.If(jen.Id("body").Op("!=").Nil()).Block(
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("body")),
			ifErrReturn(jen.Nil(), jen.Err()),
			jen.Id("reader").Op("=").Qual(pkgBytes, "NewReader").Call(jen.Id("data")),
		),
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), jen.Id("method"), jen.Id("c").Dot("baseURL").Op("+").Id("path"), jen.Id("reader")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.Id("req").Dot("Header").Op("=").Id("c").Dot("header").Dot("Clone").Call(),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit("application/json")),
		jen.If(jen.Id("body").Op("!=").Nil()).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		),
		jen.Return(jen.Id("req"), jen.Nil()),
	)
	f.Line()
	genStreamRequest(f)
	genDo(f)
	genDoContent(f)
	genResolveReference(f)
	genAccepted(f)
	genFollowLink(f)
	genAllItems(f)
	f.Comment("ErrInvalidHeader is returned, before anything is sent, for a header value with a")
	f.Comment("CR, LF or NUL: such a value would smuggle other headers into the request.")
	f.Var().Id("ErrInvalidHeader").Op("=").Qual("errors", "New").Call(jen.Lit("header value contains a line break or NUL"))
	f.Line()
	f.Comment("setHeader sets a header parameter, refusing a value ErrInvalidHeader describes.")
	f.Func().Id("setHeader").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request"), jen.List(jen.Id("name"), jen.Id("value")).String()).Error().Block(
		jen.If(jen.Qual("strings", "ContainsAny").Call(jen.Id("value"), jen.Lit("\r\n\x00"))).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("header %s: %w"), jen.Id("name"), jen.Id("ErrInvalidHeader"))),
		),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Id("name"), jen.Id("value")),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Comment("escapePath escapes a parameter that may span segments, such as an item path,")
	f.Comment("segment by segment: its slashes stay slashes, and \".\" and \"..\" segments are")
	f.Comment("escaped so that no router cleans them into another path.")
	f.Func().Id("escapePath").Params(jen.Id("p").String()).String().Block(
		jen.Id("segs").Op(":=").Qual("strings", "Split").Call(jen.Id("p"), jen.Lit("/")),
		jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("segs")).Block(
			jen.Id("segs").Index(jen.Id("i")).Op("=").Id("escapeSegment").Call(jen.Id("s")),
		),
		jen.Return(jen.Qual("strings", "Join").Call(jen.Id("segs"), jen.Lit("/"))),
	)
	f.Line()
	f.Comment("escapeSegment escapes a path parameter so that it stays one segment: a slash,")
	f.Comment("a query or a fragment in it is escaped, and so are the dots of \".\" and \"..\",")
	f.Comment("which routers would clean into another path.")
	f.Func().Id("escapeSegment").Params(jen.Id("s").String()).String().Block(
		jen.If(jen.Id("s").Op("==").Lit(".").Op("||").Id("s").Op("==").Lit("..")).Block(
			jen.Return(jen.Qual("strings", "Repeat").Call(jen.Lit("%2E"), jen.Len(jen.Id("s")))),
		),
		jen.Return(jen.Qual("net/url", "PathEscape").Call(jen.Id("s"))),
	)
	f.Line()
}

// alsoDocumented lists the other pages that document an operation.
func alsoDocumented(op *model.Operation) string {
	var places []string
	for _, pos := range op.AlsoDocumented {
		places = append(places, source(pos)[len("Source: "):])
	}
	return strings.Join(places, ", ")
}
