package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// hostileValue is a path or header value an attacker might send: a slash,
// a dot segment, a query and a fragment, which must stay in one segment.
const hostileValue = "a/../b?c#d%2F"

// genDefenceTests writes the test of an operation's defences. The client
// honours deadlines and cancellation, closes response bodies, reads a
// bounded part of an error body, encodes query values, keeps a hostile path
// value in its segment and refuses a header value with a line break before
// sending. The handler answers a panic in the Server 500 and keeps serving;
// a JSON body of another media type gets 415, a too large one 413, one of
// the wrong JSON type 400, each without internal detail; a dot segment, an
// encoded slash or an empty segment reaches no operation.
func genDefenceTests(f *jen.File, op *model.Operation) {
	stmts := clientDefenceChecks(op)
	if v := servedVariant(op); v != nil {
		stmts = append(stmts, serverDefenceChecks(op, v)...)
	}
	f.Comment(fmt.Sprintf("Test%sDefences checks what %s does with hostile input.", op.Name, op.Name))
	f.Func().Id("Test" + op.Name + "Defences").Params(tParam()).Block(stmts...)
	f.Line()
}

// clientDefenceChecks check the client of every operation: deadlines,
// cancellation, closed bodies, bounded error bodies, encoded query values
// and headers without line breaks.
func clientDefenceChecks(op *model.Operation) []jen.Code {
	v := op.Variants[0]
	stmts := []jen.Code{
		jen.Comment("The client honours deadlines and cancellation, closes every response body and"),
		jen.Comment("reads a bounded part of an error body."),
		jen.Id("checkClientDefences").Call(jen.Id("t"), clientCall(op, v, sampleArgs(jen.Id("ctx"), op, v))),
	}
	if p := stringQueryParam(op); p != nil {
		args := sampleArgs(jen.Id("ctx"), op, v)
		args[len(args)-1] = jen.Op("&").Id(op.OptionsType).Values(jen.Dict{jen.Id(p.FieldName): jen.Lit(hostileQueryValue)})
		stmts = append(stmts,
			jen.Line(),
			jen.Comment("A query value is encoded: it cannot add a parameter or end the query."),
			jen.Id("checkQueryValue").Call(jen.Id("t"), clientCall(op, v, args), jen.Lit(p.WireName), jen.Lit(hostileQueryValue)),
		)
	}
	if pv := variantWithParams(op); pv != nil && servedVariant(op) != nil {
		stmts = append(stmts, hostilePathCheck(op, pv)...)
	}
	if len(op.HeaderParams) > 0 {
		stmts = append(stmts, hostileHeaderCheck(op, v)...)
	}
	return stmts
}

// clientCall is a call of a variant's client method with args, as a
// func(ctx, *Client) error; content the call returns is closed.
func clientCall(op *model.Operation, v *model.Variant, args []jen.Code) jen.Code {
	call := callVariant(jen.Id("c"), v, args)
	var body []jen.Code
	switch {
	case op.Result.Kind == model.ResultContent:
		body = []jen.Code{
			jen.List(jen.Id("content"), jen.Err()).Op(":=").Add(call),
			jen.If(jen.Id("content").Op("!=").Nil().Op("&&").Id("content").Dot("Body").Op("!=").Nil()).Block(jen.Id("content").Dot("Body").Dot("Close").Call()),
			jen.Return(jen.Err()),
		}
	case resultType(op) != nil:
		body = []jen.Code{jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Return(jen.Err())}
	default:
		body = []jen.Code{jen.Return(call)}
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Error().Block(body...)
}

// stringQueryParam is the operation's first query parameter of type string.
func stringQueryParam(op *model.Operation) *model.Param {
	for _, p := range op.QueryParams {
		if p.Query == model.QueryString {
			return p
		}
	}
	return nil
}

// serverDefenceChecks check the handler's side of a served operation.
func serverDefenceChecks(op *model.Operation, v *model.Variant) []jen.Code {
	stmts := []jen.Code{
		jen.Line(),
		jen.Comment("A panic in the Server is answered 500, and the handler keeps serving."),
		jen.Id("panicking").Op(":=").Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
			jen.Id(onField(op)): jen.Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(jen.Panic(jen.Lit("docbind test panic"))),
		})),
		jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("panicking"), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit(""), jen.Qual(pkgHTTP, "StatusInternalServerError")),
		jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("panicking"), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit(""), jen.Qual(pkgHTTP, "StatusInternalServerError")),
	}
	if op.BodyKind == model.BodyJSON {
		stmts = append(stmts,
			jen.Line(),
			jen.Comment("A JSON body of another media type, too large, or of the wrong JSON type is refused."),
			jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values()), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit("text/plain"), jen.Lit("{}"), jen.Qual(pkgHTTP, "StatusUnsupportedMediaType")),
			jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("smallHandler").Call(), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit("application/json"), jen.Lit(`{"docbind": "longer than the limit"}`), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge")),
			jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values()), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit("application/json"), jen.Lit(wrongJSON(op)), jen.Qual(pkgHTTP, "StatusBadRequest")),
		)
		if member := wrongMemberJSON(op); member != "" {
			stmts = append(stmts, jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values()), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit("application/json"), jen.Lit(member), jen.Qual(pkgHTTP, "StatusBadRequest")))
		}
	}
	if op.BodyKind == model.BodyStream {
		results := emptyResult(op)
		results[len(results)-1] = jen.Err()
		stmts = append(stmts,
			jen.Line(),
			jen.Comment("A streamed body longer than the limit is cut, and answered 413 when the Server"),
			jen.Comment("returns the reading error."),
			jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
				jen.Id(onField(op)): jen.Func().Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
					jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(jen.Id("req").Dot("Body")),
					jen.Return(results...),
				),
			})),
			jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("smallHandler").Call(), jen.Lit(op.Method), jen.Lit(v.SamplePath), jen.Lit("application/octet-stream"), jen.Lit("longer than the limit"), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge")),
		)
	}
	if paths := hostilePaths(v); len(paths) > 0 {
		var lits []jen.Code
		for _, p := range paths {
			lits = append(lits, jen.Lit(p))
		}
		stmts = append(stmts,
			jen.Line(),
			jen.Comment("A dot segment, an encoded slash or an empty segment reaches no operation."),
			jen.For(jen.List(jen.Id("_"), jen.Id("path")).Op(":=").Range().Index().String().Values(lits...)).Block(
				jen.Id("checkNotRouted").Call(jen.Id("t"), jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values()), jen.Lit(op.Method), jen.Id("path")),
			),
		)
	}
	return stmts
}

// hostilePaths are variations of a variant's sample path that a router
// must not serve as any operation: a dot segment, an encoded slash between
// two literal segments, and an empty segment.
func hostilePaths(v *model.Variant) []string {
	path := v.SamplePath
	first := strings.Index(path[1:], "/") + 1
	if first <= 0 {
		return []string{path + "/..", "/docbind/.." + path}
	}
	paths := []string{
		path[:first] + "/docbind/.." + path[first:],
		path[:first] + "/" + path[first:],
	}
	if lit := v.Parts[0].Literal; v.Parts[0].Param == nil && first < len(lit)-1 {
		paths = append(paths, path[:first]+"%2F"+path[first+1:])
	}
	return paths
}

// wrongJSON is a JSON body of the wrong type for the operation's body.
func wrongJSON(op *model.Operation) string {
	if op.Body.Kind == model.RefSlice {
		return `{"docbind": "an object, not an array"}`
	}
	return `["an array, not an object"]`
}

// wrongMemberJSON is a body object whose first member of a plain JSON type
// holds a value of another JSON type, or "" when the body has none.
func wrongMemberJSON(op *model.Operation) string {
	if op.Body.Kind != model.RefNamed {
		return ""
	}
	wrong := map[model.RefKind]string{
		model.RefString: "12345", model.RefBool: `"yes"`, model.RefInt32: `"many"`, model.RefInt64: `"many"`,
		model.RefFloat64: `"many"`, model.RefNamed: `"an object"`, model.RefSlice: `"an array"`,
	}
	for _, f := range op.Body.Named.Fields {
		if value, ok := wrong[f.Type.Kind]; ok {
			return fmt.Sprintf(`{%q: %s}`, f.JSONName, value)
		}
	}
	return ""
}

// variantWithParams is the first variant the handler serves as op that has
// path parameters.
func variantWithParams(op *model.Operation) *model.Variant {
	for _, v := range op.Variants {
		if v.Served() && len(v.Params) > 0 {
			return v
		}
	}
	return nil
}

func servedVariant(op *model.Operation) *model.Variant {
	for _, v := range op.Variants {
		if v.Served() {
			return v
		}
	}
	return nil
}

// hostilePathCheck sends a hostile value as the first path parameter
// through the client to the handler: the Server must receive it unchanged.
func hostilePathCheck(op *model.Operation, v *model.Variant) []jen.Code {
	args := sampleArgs(jen.Id("t").Dot("Context").Call(), op, v)
	args[1] = jen.Lit(hostileValue)
	call := callVariant(jen.Id("NewClient").Call(jen.Id("srv").Dot("URL")), v, args)
	return []jen.Code{
		jen.Line(),
		jen.Comment("A hostile path value stays in its segment and reaches the Server unchanged."),
		jen.Block(
			jen.Var().Id("got").Id("received"),
			jen.Id("srv").Op(":=").Qual(pkgHTTPTest, "NewServer").Call(jen.Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
				jen.Id(onField(op)): jen.Func().Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
					jen.Id("got").Dot("request").Op("=").Id("req").Dot(v.Params[0].FieldName),
					jen.Return(emptyResult(op)...),
				),
			}))),
			jen.Defer().Id("srv").Dot("Close").Call(),
			callResult(op, call),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Id("got").Dot("request").Op("!=").Lit(hostileValue)).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("the Server received %q (%v), want %q"), jen.Id("got").Dot("request"), jen.Err(), jen.Lit(hostileValue)),
			),
		),
	}
}

// hostileHeaderCheck passes a header value with a line break in the
// options: the client must refuse it before anything reaches the server.
func hostileHeaderCheck(op *model.Operation, v *model.Variant) []jen.Code {
	args := sampleArgs(jen.Id("t").Dot("Context").Call(), op, v)
	args[len(args)-1] = jen.Op("&").Id(op.OptionsType).Values(jen.Dict{jen.Id(op.HeaderParams[0].FieldName): jen.Lit("a\r\nX-Injected: yes")})
	call := callVariant(jen.Id("NewClient").Call(jen.Id("refused").Dot("URL")), v, args)
	return []jen.Code{
		jen.Line(),
		jen.Comment("A header value with a line break is refused before anything is sent."),
		jen.Block(
			jen.Id("refused").Op(":=").Qual(pkgHTTPTest, "NewServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Qual(pkgHTTP, "Request")).Block(
				jen.Id("t").Dot("Error").Call(jen.Lit("a request with a line break in a header was sent")),
			))),
			jen.Defer().Id("refused").Dot("Close").Call(),
			callResult(op, call),
			jen.If(jen.Op("!").Qual("errors", "Is").Call(jen.Err(), jen.Id("ErrInvalidHeader"))).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("the client returned %v for a header value with a line break, want ErrInvalidHeader"), jen.Err())),
		),
	}
}

// callResult assigns a client call's error to err.
func callResult(op *model.Operation, call jen.Code) jen.Code {
	if resultType(op) != nil {
		return jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call)
	}
	return jen.Err().Op(":=").Add(call)
}
