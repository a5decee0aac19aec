package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genServer(f *jen.File, api *model.API, _ Options) {
	ops := servedOps(api)
	genServerInterface(f, ops)
	genUnimplemented(f, ops)
	genNewHandler(f, api)
}

// servedOps are the operations with a Server method: those the handler
// serves at least one URL of as themselves.
func servedOps(api *model.API) []*model.Operation {
	var ops []*model.Operation
	for _, op := range api.Operations {
		if op.HasServer() {
			ops = append(ops, op)
		}
	}
	return ops
}

func serverResults(op *model.Operation) []jen.Code { return clientResults(op) }

// servedPatterns lists the patterns the handler serves as op.
func servedPatterns(op *model.Operation) string {
	var ps []string
	for _, v := range op.Variants {
		if v.Served() {
			ps = append(ps, v.Pattern)
		}
	}
	return strings.Join(ps, ", ")
}

func genServerInterface(f *jen.File, ops []*model.Operation) {
	f.Comment("Server is what the service implements: one method per documented operation.")
	f.Comment("A method's error is answered as the *APIError it is, or as 500 for any other")
	f.Comment("error, in the Graph-style error body.")
	var methods []jen.Code
	for _, op := range ops {
		methods = append(methods, jen.Comment(fmt.Sprintf("%s answers %s.", op.Name, servedPatterns(op))))
		methods = append(methods, jen.Id(op.Name).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...))
	}
	f.Type().Id("Server").Interface(methods...)
	f.Line()
}

// requestParams are the path parameters of the variants the handler
// serves as op, each once.
func requestParams(op *model.Operation) []*model.Param {
	var params []*model.Param
	seen := map[string]bool{}
	for _, v := range op.Variants {
		for _, p := range v.Params {
			if v.Served() && !seen[p.FieldName] {
				seen[p.FieldName] = true
				params = append(params, p)
			}
		}
	}
	return params
}

func genRequestType(f *jen.File, op *model.Operation) {
	f.Comment(fmt.Sprintf("%s is what a Server receives for %s.", op.RequestType, op.Name))
	fields := []jen.Code{
		jen.Id("_").Id("doNotCompare"),
		jen.Line(),
		jen.Comment(`Pattern is the route that matched, such as "` + op.Variants[0].Pattern + `".`),
		jen.Id("Pattern").String(),
	}
	for _, p := range requestParams(op) {
		fields = append(fields, jen.Comment(fmt.Sprintf("%s is the {%s} path parameter, decoded; empty on routes without it.", p.FieldName, p.WireName)), jen.Id(p.FieldName).String())
	}
	if op.OptionsType != "" {
		fields = append(fields, jen.Comment(fmt.Sprintf("Options holds the documented %s, as the request sent them.", strings.TrimPrefix(optionsKinds(op), "request "))), jen.Id("Options").Id(op.OptionsType))
	}
	switch op.BodyKind {
	case model.BodyJSON:
		fields = append(fields, jen.Comment("Body is the decoded JSON request body; nil when the request has none."), jen.Id("Body").Add(goType(op.Body)))
	case model.BodyStream:
		fields = append(fields,
			jen.Comment("Body is the request body as sent, limited to the handler's maximum size."), jen.Id("Body").Qual(pkgIO, "Reader"),
			jen.Comment("ContentType is the body's Content-Type."), jen.Id("ContentType").String())
	}
	f.Type().Id(op.RequestType).Struct(fields...)
	f.Line()
}

func genUnimplemented(f *jen.File, ops []*model.Operation) {
	f.Comment("Unimplemented answers every operation with 501 Not Implemented. Embed it in a")
	f.Comment("Server to implement the operations one at a time.")
	f.Type().Id("Unimplemented").Struct()
	f.Line()
	f.Var().Id("_").Id("Server").Op("=").Id("Unimplemented").Values()
	f.Line()
	for _, op := range ops {
		failed := []jen.Code{jen.Id("notImplemented").Call(jen.Lit(op.Name))}
		if resultType(op) != nil {
			failed = append([]jen.Code{jen.Nil()}, failed...)
		}
		f.Comment(fmt.Sprintf("%s answers 501 Not Implemented.", op.Name))
		f.Func().Params(jen.Id("Unimplemented")).Id(op.Name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(jen.Return(failed...))
		f.Line()
	}
	f.Func().Id("notImplemented").Params(jen.Id("op").String()).Error().Block(
		jen.Return(jen.Op("&").Id("APIError").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Qual(pkgHTTP, "StatusNotImplemented"),
			jen.Id("Code"):       jen.Lit("notImplemented"),
			jen.Id("Message"):    jen.Id("op").Op("+").Lit(" is not implemented"),
		})),
	)
	f.Line()
}

func handlerFunc(op *model.Operation) string { return "serve" + op.Name }

func genNewHandler(f *jen.File, api *model.API) {
	f.Comment("NewHandler returns an http.Handler that routes every documented URL to srv, as")
	f.Comment("the API reads URLs: escaped and plain characters alike, literal segments in any")
	f.Comment("letter case, a trailing slash ignored, HEAD as GET. Requests to other paths get")
	f.Comment("404, and other methods on a documented path 405; a panic in srv is answered 500")
	f.Comment("and the handler keeps serving.")
	f.Func().Id("NewHandler").Params(jen.Id("srv").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual(pkgHTTP, "Handler").Block(
		jen.Id("h").Op(":=").Op("&").Id("handler").Values(jen.Dict{jen.Id("srv"): jen.Id("srv"), jen.Id("maxBody"): jen.Id("DefaultMaxBodyBytes")}),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(jen.Id("opt").Call(jen.Id("h"))),
		jen.Return(jen.Id("recoverPanics").Call(jen.Id("h").Dot("routes").Call(jen.Id("serveAll")))),
	)
	f.Line()
	f.Comment("serveAll has the handler serve every operation.")
	f.Func().Id("serveAll").Params(jen.Id("_").String(), jen.Id("serve").Qual(pkgHTTP, "HandlerFunc")).Qual(pkgHTTP, "HandlerFunc").Block(jen.Return(jen.Id("serve")))
	f.Line()
	genRoutes(f, api)
}

// genRoutes writes the routes as data, a table the handler registers in a
// loop: registering each in code made one function as long as the API
// (half a megabyte of machine code for Graph) and a method value per
// operation, which the compiler spent seconds on.
func genRoutes(f *jen.File, api *model.API) {
	serveType := jen.Func().Params(jen.Op("*").Id("handler"), jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Qual(pkgHTTP, "Request"))
	f.Comment("routeSpec is a documented ServeMux pattern and what serves it: an operation's")
	f.Comment("handler method, or the templates behind a prefix pattern, most specific first.")
	f.Type().Id("routeSpec").Struct(
		jen.Id("pattern").String(),
		jen.Id("op").String(),
		jen.Id("serve").Add(serveType.Clone()),
		jen.Id("templates").Index().Id("templateSpec"),
	)
	f.Line()
	f.Comment("templateSpec is a template route and the operation that serves it.")
	f.Type().Id("templateSpec").Struct(
		jen.Id("route").Id("templateRoute"),
		jen.Id("op").String(),
		jen.Id("serve").Add(serveType.Clone()),
	)
	f.Line()
	var specs []jen.Code
	for _, r := range api.Routes {
		specs = append(specs, routeSpec(r))
	}
	f.Comment("routeSpecs are the documented routes, in the order they are registered.")
	f.Var().Id("routeSpecs").Op("=").Index().Id("routeSpec").Add(lines(specs))
	f.Line()
	f.Comment("routes routes every documented URL to what pick chooses for its operation, from")
	f.Comment("the operation's name and its handler method: NewHandler takes the method,")
	f.Comment("NewExampleHandler its examples unless a Server is plugged in.")
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id("routes").Params(jen.Id("pick").Func().Params(jen.String(), jen.Qual(pkgHTTP, "HandlerFunc")).Qual(pkgHTTP, "HandlerFunc")).Op("*").Id("router").Block(
		jen.Id("rt").Op(":=").Id("newRouter").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("spec")).Op(":=").Range().Id("routeSpecs")).Block(
			jen.If(jen.Id("spec").Dot("templates").Op("==").Nil()).Block(
				jen.Id("rt").Dot("handle").Call(jen.Id("spec").Dot("pattern"), jen.Id("pick").Call(jen.Id("spec").Dot("op"), jen.Id("h").Dot("bind").Call(jen.Id("spec").Dot("serve")))),
				jen.Continue(),
			),
			jen.Id("routes").Op(":=").Make(jen.Id("templateRoutes"), jen.Len(jen.Id("spec").Dot("templates"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("t")).Op(":=").Range().Id("spec").Dot("templates")).Block(
				jen.Id("routes").Index(jen.Id("i")).Op("=").Id("t").Dot("route"),
				jen.Id("routes").Index(jen.Id("i")).Dot("serve").Op("=").Id("pick").Call(jen.Id("t").Dot("op"), jen.Id("h").Dot("bind").Call(jen.Id("t").Dot("serve"))),
			),
			jen.Id("rt").Dot("handle").Call(jen.Id("spec").Dot("pattern"), jen.Id("routes")),
		),
		jen.Return(jen.Id("rt")),
	)
	f.Line()
	f.Comment("bind is a handler method of h as an http.HandlerFunc.")
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id("bind").Params(jen.Id("serve").Add(serveType.Clone())).Qual(pkgHTTP, "HandlerFunc").Block(
		jen.Return(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Id("serve").Call(jen.Id("h"), jen.Id("w"), jen.Id("r")),
		)),
	)
	f.Line()
}

// routeSpec is a route's entry in the table: a handler method for a
// pattern the mux matches, else the templates behind the pattern's prefix.
func routeSpec(r *model.Route) jen.Code {
	// Only variants served as themselves are registered: the model leaves
	// the others out of Routes.
	if first := r.Targets[0]; !r.IsTemplate() {
		// One line a route, so that a route added to the docs is a line of
		// the diff.
		return jen.Values(
			jen.Id("pattern").Op(":").Lit(r.MuxPattern),
			jen.Id("op").Op(":").Lit(first.Op.Name),
			jen.Id("serve").Op(":").Add(handlerMethod(first.Op)),
		)
	}
	var templates []jen.Code
	for _, t := range r.Targets {
		var lits, names, multi []jen.Code
		for _, l := range t.Variant.Literals() {
			lits = append(lits, jen.Lit(l))
		}
		for _, p := range t.Variant.Params {
			names = append(names, jen.Lit(p.WireName))
			multi = append(multi, jen.Lit(p.Multi))
		}
		templates = append(templates, keyed(nil,
			kv{"route", jen.Id("templateRoute").Add(keyed(nil,
				kv{"pattern", jen.Lit(t.Variant.Pattern)},
				kv{"literals", jen.Index().String().Values(lits...)},
				kv{"names", jen.Index().String().Values(names...)},
				kv{"multi", jen.Index().Bool().Values(multi...)},
			))},
			kv{"op", jen.Lit(t.Op.Name)},
			kv{"serve", handlerMethod(t.Op)},
		))
	}
	return keyed(nil,
		kv{"pattern", jen.Lit(r.MuxPattern)},
		kv{"templates", jen.Index().Id("templateSpec").Add(lines(templates))},
	)
}

// handlerMethod is op's handler method as a method expression, data the
// route table holds without a closure per operation.
func handlerMethod(op *model.Operation) jen.Code {
	return jen.Parens(jen.Op("*").Id("handler")).Dot(handlerFunc(op))
}

func genHandlerFunc(f *jen.File, op *model.Operation) {
	dict := jen.Dict{jen.Id("Pattern"): jen.Id("r").Dot("Pattern")}
	for _, p := range requestParams(op) {
		dict[jen.Id(p.FieldName)] = jen.Id("r").Dot("PathValue").Call(jen.Lit(p.WireName))
	}
	if op.OptionsType != "" && len(op.QueryParams) == 0 {
		dict[jen.Id("Options")] = jen.Id(op.OptionsType).Values(headerOptions(op))
	}
	body := []jen.Code{jen.Id("req").Op(":=").Op("&").Id(op.RequestType).Values(dict)}
	if len(op.QueryParams) > 0 {
		body = append(body,
			jen.Var().Err().Error(),
			jen.If(jen.List(jen.Id("req").Dot("Options"), jen.Err()).Op("=").Id(optionsParser(op)).Call(jen.Id("r")), jen.Err().Op("!=").Nil()).Block(
				jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Err().Dot("Error").Call()),
				jen.Return(),
			),
		)
	}
	switch op.BodyKind {
	case model.BodyJSON:
		body = append(body, jen.If(jen.Op("!").Id("decodeBody").Call(jen.Id("h"), jen.Id("w"), jen.Id("r"), jen.Op("&").Id("req").Dot("Body"))).Block(jen.Return()))
	case model.BodyStream:
		body = append(body,
			jen.Id("req").Dot("Body").Op("=").Qual(pkgHTTP, "MaxBytesReader").Call(jen.Id("w"), jen.Id("r").Dot("Body"), jen.Id("h").Dot("maxBody")),
			jen.Id("req").Dot("ContentType").Op("=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")),
		)
	}
	// The handler calls its Server method itself, rather than through a generic
	// helper given the method as a value: that would cost the compiler a
	// closure and an instantiation per operation.
	finish := "result"
	if resultType(op) == nil {
		finish = "done"
	}
	body = append(body,
		jen.Id("rep").Op(":=").Id("replyTo").Call(jen.Id("w"), jen.Id("r"), jen.Lit(op.Result.Status)),
		jen.Id("rep").Dot(finish).Call(jen.Id("h").Dot("srv").Dot(op.Name).Call(jen.Id("rep").Dot("ctx"), jen.Id("req"))),
	)
	f.Comment(fmt.Sprintf("%s handles %s.", handlerFunc(op), servedPatterns(op)))
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id(handlerFunc(op)).Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(body...)
	f.Line()
}

func genServerPlumbing(f *jen.File) {
	f.Comment("doNotCompare makes a struct that holds it not comparable: the compiler then writes")
	f.Comment("no equality function for it, and a large API has thousands of request types and")
	f.Comment("of models' JSON wrappers.")
	f.Type().Id("doNotCompare").Index(jen.Lit(0)).Func().Params()
	f.Line()
	genReply(f)
	genTemplateRoutes(f)
	genSetStatus(f)
	f.Comment("DefaultMaxBodyBytes bounds request bodies; WithMaxBodyBytes changes it.")
	f.Const().Id("DefaultMaxBodyBytes").Op("=").Lit(10).Op("<<").Lit(20)
	f.Line()
	f.Comment("HandlerOption configures NewHandler.")
	f.Type().Id("HandlerOption").Func().Params(jen.Op("*").Id("handler"))
	f.Line()
	f.Comment("WithMaxBodyBytes sets the largest request body the handler reads; larger ones get 413.")
	f.Func().Id("WithMaxBodyBytes").Params(jen.Id("n").Int64()).Id("HandlerOption").Block(
		jen.Return(jen.Func().Params(jen.Id("h").Op("*").Id("handler")).Block(jen.Id("h").Dot("maxBody").Op("=").Id("n"))),
	)
	f.Line()
	f.Type().Id("handler").Struct(jen.Id("srv").Id("Server"), jen.Id("maxBody").Int64())
	f.Line()
	genDecodeBody(f)
	genIsJSON(f)
	genRecoverPanics(f)
	genWriteJSON(f)
	genWriteContent(f)
	genWriteError(f)
	genWriteServerError(f)
}

func genDecodeBody(f *jen.File) {
	f.Comment("decodeBody decodes a JSON request body into *dst, a request's Body pointer,")
	f.Comment("leaving it nil when the body is empty or null. It answers 415, 413 or 400 and")
	f.Comment("returns false when the body cannot be used. dst is an interface, not a type")
	f.Comment("parameter, so that the compiler writes one decodeBody, not one per body type.")
	f.Func().Id("decodeBody").Params(
		jen.Id("h").Op("*").Id("handler"), jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request"), jen.Id("dst").Any(),
	).Bool().Block(
		jen.If(jen.Id("ct").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("ct").Op("!=").Lit("").Op("&&").Op("!").Id("isJSON").Call(jen.Id("ct"))).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusUnsupportedMediaType"), jen.Lit("unsupportedMediaType"), jen.Lit("the request body must be JSON")),
			jen.Return(jen.False()),
		),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgHTTP, "MaxBytesReader").Call(jen.Id("w"), jen.Id("r").Dot("Body"), jen.Id("h").Dot("maxBody"))),
		jen.Var().Id("tooLarge").Op("*").Qual(pkgHTTP, "MaxBytesError"),
		jen.Switch().Block(
			jen.Case(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("tooLarge"))).Block(
				jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge"), jen.Lit("requestEntityTooLarge"), jen.Lit("the request body is too large")),
				jen.Return(jen.False()),
			),
			jen.Case(jen.Err().Op("!=").Nil()).Block(
				jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Lit("the request body cannot be read")),
				jen.Return(jen.False()),
			),
			jen.Case(jen.Len(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit(0)).Block(jen.Return(jen.True())),
		),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("dst")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Lit("the request body is not valid JSON for this operation")),
			jen.Return(jen.False()),
		),
		jen.Return(jen.True()),
	)
	f.Line()
}

func genIsJSON(f *jen.File) {
	f.Comment("isJSON reports whether a Content-Type is JSON, such as application/json; charset=utf-8.")
	f.Func().Id("isJSON").Params(jen.Id("contentType").String()).Bool().Block(
		jen.List(jen.Id("mt"), jen.Id("_"), jen.Err()).Op(":=").Qual("mime", "ParseMediaType").Call(jen.Id("contentType")),
		jen.Return(jen.Err().Op("==").Nil().Op("&&").Parens(jen.Id("mt").Op("==").Lit("application/json").Op("||").Qual("strings", "HasSuffix").Call(jen.Id("mt"), jen.Lit("+json")))),
	)
	f.Line()
}

func genRecoverPanics(f *jen.File) {
	f.Comment("recoverPanics answers a panic in a Server method with 500 and the Graph-style")
	f.Comment("error body, without its detail, and keeps the server serving.")
	f.Func().Id("recoverPanics").Params(jen.Id("next").Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Defer().Func().Params().Block(
				jen.If(jen.Id("p").Op(":=").Recover(), jen.Id("p").Op("!=").Nil().Op("&&").Id("p").Op("!=").Qual(pkgHTTP, "ErrAbortHandler")).Block(
					jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), jen.Lit("generalException"), jen.Lit("the server could not complete the request")),
				),
			).Call(),
			jen.Id("next").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r")),
		))),
	)
	f.Line()
}

func genWriteJSON(f *jen.File) {
	f.Comment("writeJSON answers status with v encoded as JSON.")
	f.Func().Id("writeJSON").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("status").Int(), jen.Id("v").Any()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), jen.Lit("generalException"), jen.Lit("the response cannot be encoded")),
			jen.Return(),
		),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("data")),
	)
	f.Line()
}

func genWriteContent(f *jen.File) {
	f.Comment("writeContent answers with content a Server returned: its headers, Location,")
	f.Comment("status (status when it sets none) and body.")
	f.Func().Id("writeContent").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("status").Int(), jen.Id("c").Op("*").Id("Content")).Block(
		jen.If(jen.Id("c").Op("==").Nil()).Block(jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")), jen.Return()),
		jen.For(jen.List(jen.Id("name"), jen.Id("values")).Op(":=").Range().Id("c").Dot("Header")).Block(
			jen.Id("w").Dot("Header").Call().Index(jen.Id("name")).Op("=").Id("values"),
		),
		jen.If(jen.Id("c").Dot("Location").Op("!=").Lit("")).Block(jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Location"), jen.Id("c").Dot("Location"))),
		jen.If(jen.Id("c").Dot("StatusCode").Op("!=").Lit(0)).Block(jen.Id("status").Op("=").Id("c").Dot("StatusCode")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.If(jen.Id("c").Dot("Body").Op("!=").Nil()).Block(
			jen.Defer().Id("c").Dot("Body").Dot("Close").Call(),
			jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "Copy").Call(jen.Id("w"), jen.Id("c").Dot("Body")),
		),
	)
	f.Line()
	f.Comment("writeAccepted answers that a long-running operation started, with its monitor URL.")
	f.Func().Id("writeAccepted").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("status").Int(), jen.Id("a").Op("*").Id("Accepted")).Block(
		jen.If(jen.Id("a").Op("!=").Nil().Op("&&").Id("a").Dot("Location").Op("!=").Lit("")).Block(jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Location"), jen.Id("a").Dot("Location"))),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
	)
	f.Line()
}

func genWriteError(f *jen.File) {
	f.Comment("writeError answers status with a Graph-style error body.")
	f.Func().Id("writeError").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("status").Int(), jen.List(jen.Id("code"), jen.Id("message")).String()).Block(
		jen.Var().Id("env").Id("errorEnvelope"),
		jen.List(jen.Id("env").Dot("Error").Dot("Code"), jen.Id("env").Dot("Error").Dot("Message")).Op("=").List(jen.Id("code"), jen.Id("message")),
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("env")),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("data")),
	)
	f.Line()
}

func genWriteServerError(f *jen.File) {
	f.Comment("writeServerError answers an error a Server method returned: an *APIError with its")
	f.Comment("own status, code and message; a streamed body read past the limit as 413; any")
	f.Comment("other error as 500, without its text, which may hold internal detail.")
	f.Func().Id("writeServerError").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Err().Error()).Block(
		jen.Var().Id("tooLarge").Op("*").Qual(pkgHTTP, "MaxBytesError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("tooLarge"))).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge"), jen.Lit("requestEntityTooLarge"), jen.Lit("the request body is too large")),
			jen.Return(),
		),
		jen.Var().Id("apiErr").Op("*").Id("APIError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr")).Op("&&").Id("apiErr").Dot("StatusCode").Op(">=").Lit(400)).Block(
			jen.If(jen.Qual(pkgJSON, "Valid").Call(jen.Id("apiErr").Dot("Body"))).Block(
				jen.Comment("An error with a body is answered with exactly that body."),
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
				jen.Id("w").Dot("WriteHeader").Call(jen.Id("apiErr").Dot("StatusCode")),
				jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("apiErr").Dot("Body")),
				jen.Return(),
			),
			jen.Id("writeError").Call(jen.Id("w"), jen.Id("apiErr").Dot("StatusCode"), jen.Id("apiErr").Dot("Code"), jen.Id("apiErr").Dot("Message")),
			jen.Return(),
		),
		jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), jen.Lit("generalException"), jen.Lit("the server could not complete the request")),
	)
	f.Line()
}

func genSetStatus(f *jen.File) {
	f.Type().Id("statusKey").Struct()
	f.Line()
	f.Comment("SetStatus makes the handler answer with code rather than the operation's")
	f.Comment("documented success status, for operations the docs show answering more than one")
	f.Comment("(such as 202 while an upload goes on, and 201 when it completes). Call it from a")
	f.Comment("Server method with the context the method was given.")
	f.Func().Id("SetStatus").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("code").Int()).Block(
		jen.If(jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Value").Call(jen.Id("statusKey").Values()).Assert(jen.Op("*").Int()), jen.Id("ok")).Block(
			jen.Op("*").Id("p").Op("=").Id("code"),
		),
	)
	f.Line()
}

// genReply writes what every handler ends with: the context and status its
// Server method is called with, and the answer of its result or error.
func genReply(f *jen.File) {
	w := jen.Id("w").Qual(pkgHTTP, "ResponseWriter")
	failed := jen.Block(jen.Id("writeServerError").Call(jen.Id("a").Dot("w"), jen.Err()), jen.Return())
	f.Comment("reply is a handler's answer to one request: its writer, and the context and")
	f.Comment("status its Server method is called with (SetStatus changes the status).")
	f.Type().Id("reply").Struct(
		w,
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("code").Op("*").Int(),
	)
	f.Line()
	f.Comment("replyTo starts the reply to r, with the operation's documented status.")
	f.Func().Id("replyTo").Params(w, jen.Id("r").Op("*").Qual(pkgHTTP, "Request"), jen.Id("status").Int()).Id("reply").Block(
		jen.Id("code").Op(":=").Op("&").Id("status"),
		jen.Return(jen.Id("reply").Values(jen.Dict{
			jen.Id("w"):    jen.Id("w"),
			jen.Id("ctx"):  jen.Qual("context", "WithValue").Call(jen.Id("r").Dot("Context").Call(), jen.Id("statusKey").Values(), jen.Id("code")),
			jen.Id("code"): jen.Id("code"),
		})),
	)
	f.Line()
	f.Comment("result answers a Server method's error, or its result: content, a monitor or JSON.")
	f.Func().Params(jen.Id("a").Id("reply")).Id("result").Params(jen.Id("res").Any(), jen.Err().Error()).Block(
		jen.If(jen.Err().Op("!=").Nil()).Add(failed),
		jen.Switch(jen.Id("v").Op(":=").Id("res").Assert(jen.Type())).Block(
			jen.Case(jen.Op("*").Id("Content")).Block(jen.Id("writeContent").Call(jen.Id("a").Dot("w"), jen.Op("*").Id("a").Dot("code"), jen.Id("v"))),
			jen.Case(jen.Op("*").Id("Accepted")).Block(jen.Id("writeAccepted").Call(jen.Id("a").Dot("w"), jen.Op("*").Id("a").Dot("code"), jen.Id("v"))),
			jen.Default().Block(jen.Id("writeJSON").Call(jen.Id("a").Dot("w"), jen.Op("*").Id("a").Dot("code"), jen.Id("res"))),
		),
	)
	f.Line()
	f.Comment("done answers the error of a Server method that returns no result, or the status.")
	f.Func().Params(jen.Id("a").Id("reply")).Id("done").Params(jen.Err().Error()).Block(
		jen.If(jen.Err().Op("!=").Nil()).Add(failed),
		jen.Id("a").Dot("w").Dot("WriteHeader").Call(jen.Op("*").Id("a").Dot("code")),
	)
	f.Line()
}
