package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genServer(f *jen.File, api *model.API, _ Options) {
	genServerInterface(f, api)
	for _, op := range api.Operations {
		genRequestType(f, op)
	}
	genUnimplemented(f, api)
	genNewHandler(f, api)
	for _, op := range api.Operations {
		genHandlerFunc(f, op)
	}
}

func serverResults(op *model.Operation) []jen.Code { return clientResults(op) }

func genServerInterface(f *jen.File, api *model.API) {
	f.Comment("Server is what the service implements: one method per documented operation.")
	f.Comment("A method's error is answered as the *APIError it is, or as 500 for any other")
	f.Comment("error, in the Graph-style error body.")
	var methods []jen.Code
	for _, op := range api.Operations {
		methods = append(methods, jen.Comment(fmt.Sprintf("%s answers %s.", op.Name, patterns(op))))
		methods = append(methods, jen.Id(op.Name).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...))
	}
	f.Type().Id("Server").Interface(methods...)
	f.Line()
}

func genRequestType(f *jen.File, op *model.Operation) {
	f.Comment(fmt.Sprintf("%s is what a Server receives for %s.", op.RequestType, op.Name))
	fields := []jen.Code{
		jen.Comment(`Pattern is the route that matched, such as "` + op.Variants[0].Pattern + `".`),
		jen.Id("Pattern").String(),
	}
	seen := map[string]bool{}
	for _, v := range op.Variants {
		for _, p := range v.Params {
			if seen[p.FieldName] {
				continue
			}
			seen[p.FieldName] = true
			fields = append(fields, jen.Comment(fmt.Sprintf("%s is the {%s} path parameter; empty on routes without it.", p.FieldName, p.WireName)), jen.Id(p.FieldName).String())
		}
	}
	for _, p := range op.HeaderParams {
		fields = append(fields, jen.Comment(fmt.Sprintf("%s is the %s request header.", p.FieldName, p.WireName)), jen.Id(p.FieldName).String())
	}
	if op.Body != nil {
		fields = append(fields, jen.Comment("Body is the decoded JSON request body; nil when the request has none."), jen.Id("Body").Add(goType(op.Body)))
	}
	f.Type().Id(op.RequestType).Struct(fields...)
	f.Line()
}

func genUnimplemented(f *jen.File, api *model.API) {
	f.Comment("Unimplemented answers every operation with 501 Not Implemented. Embed it in a")
	f.Comment("Server to implement the operations one at a time.")
	f.Type().Id("Unimplemented").Struct()
	f.Line()
	f.Var().Id("_").Id("Server").Op("=").Id("Unimplemented").Values()
	f.Line()
	for _, op := range api.Operations {
		failed := []jen.Code{jen.Id("notImplemented").Call(jen.Lit(op.Name))}
		if op.Result.Type != nil {
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
	f.Comment("NewHandler returns an http.Handler that routes every documented URL to srv.")
	f.Comment("Requests to other paths get 404, and other methods on a documented path 405.")
	var routes []jen.Code
	routes = append(routes,
		jen.Id("h").Op(":=").Op("&").Id("handler").Values(jen.Dict{jen.Id("srv"): jen.Id("srv"), jen.Id("maxBody"): jen.Id("DefaultMaxBodyBytes")}),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(jen.Id("opt").Call(jen.Id("h"))),
		jen.Id("mux").Op(":=").Qual(pkgHTTP, "NewServeMux").Call(),
	)
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			routes = append(routes, jen.Id("mux").Dot("HandleFunc").Call(jen.Lit(v.Pattern), jen.Id("h").Dot(handlerFunc(op))))
		}
	}
	routes = append(routes, jen.Return(jen.Id("mux")))
	f.Func().Id("NewHandler").Params(jen.Id("srv").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual(pkgHTTP, "Handler").Block(routes...)
	f.Line()
}

func genHandlerFunc(f *jen.File, op *model.Operation) {
	dict := jen.Dict{jen.Id("Pattern"): jen.Id("r").Dot("Pattern")}
	seen := map[string]bool{}
	for _, v := range op.Variants {
		for _, p := range v.Params {
			if !seen[p.FieldName] {
				seen[p.FieldName] = true
				dict[jen.Id(p.FieldName)] = jen.Id("r").Dot("PathValue").Call(jen.Lit(p.WireName))
			}
		}
	}
	for _, p := range op.HeaderParams {
		dict[jen.Id(p.FieldName)] = jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit(p.WireName))
	}
	body := []jen.Code{jen.Id("req").Op(":=").Op("&").Id(op.RequestType).Values(dict)}
	if op.Body != nil {
		body = append(body, jen.If(jen.Op("!").Id("decodeBody").Call(jen.Id("h"), jen.Id("w"), jen.Id("r"), jen.Op("&").Id("req").Dot("Body"))).Block(jen.Return()))
	}
	call := jen.Id("h").Dot("srv").Dot(op.Name).Call(jen.Id("r").Dot("Context").Call(), jen.Id("req"))
	if op.Result.Type == nil {
		body = append(body,
			jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Id("writeServerError").Call(jen.Id("w"), jen.Err()), jen.Return()),
			jen.Id("w").Dot("WriteHeader").Call(jen.Lit(op.Result.Status)),
		)
	} else {
		body = append(body,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(call),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("writeServerError").Call(jen.Id("w"), jen.Err()), jen.Return()),
			jen.Id("writeJSON").Call(jen.Id("w"), jen.Lit(op.Result.Status), jen.Id("res")),
		)
	}
	f.Comment(fmt.Sprintf("%s handles %s.", handlerFunc(op), patterns(op)))
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id(handlerFunc(op)).Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(body...)
	f.Line()
}

func genServerPlumbing(f *jen.File) {
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
	genWriteJSON(f)
	genWriteError(f)
}

func genDecodeBody(f *jen.File) {
	f.Comment("decodeBody decodes a JSON request body into *dst, leaving it nil when the body is")
	f.Comment("empty. It answers 413 or 400 and returns false when the body cannot be used.")
	f.Func().Id("decodeBody").Types(jen.Id("T").Any()).Params(
		jen.Id("h").Op("*").Id("handler"), jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request"), jen.Id("dst").Op("**").Id("T"),
	).Bool().Block(
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
		jen.Var().Id("v").Id("T"),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Lit("the request body is not valid JSON for this operation")),
			jen.Return(jen.False()),
		),
		jen.Op("*").Id("dst").Op("=").Op("&").Id("v"),
		jen.Return(jen.True()),
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
	f.Comment("writeServerError answers an error a Server method returned: an *APIError with its")
	f.Comment("own status, code and message; any other error as 500, without its text, which")
	f.Comment("may hold internal detail.")
	f.Func().Id("writeServerError").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Err().Error()).Block(
		jen.Var().Id("apiErr").Op("*").Id("APIError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr")).Op("&&").Id("apiErr").Dot("StatusCode").Op(">=").Lit(400)).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Id("apiErr").Dot("StatusCode"), jen.Id("apiErr").Dot("Code"), jen.Id("apiErr").Dot("Message")),
			jen.Return(),
		),
		jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), jen.Lit("generalException"), jen.Lit("the server could not complete the request")),
	)
	f.Line()
}
