package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// hostileValue is a path or header value an attacker might send: a slash,
// a dot segment, a query and a fragment, which must stay in one segment.
const hostileValue = "a/../b?c#d%2F"

// genDefenceTests writes the test of an operation's defences: a panic in
// the Server answers 500 and the handler keeps serving; a JSON body of
// another media type gets 415, a too large one 413, one of the wrong JSON
// type 400; the client keeps a hostile path value in its segment and
// refuses a header value with a line break before sending.
func genDefenceTests(f *jen.File, op *model.Operation) {
	v := servedVariant(op)
	if v == nil {
		return
	}
	stmts := []jen.Code{
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
	}
	if pv := variantWithParams(op); pv != nil {
		stmts = append(stmts, hostilePathCheck(op, pv)...)
	}
	if len(op.HeaderParams) > 0 {
		stmts = append(stmts, hostileHeaderCheck(op, v)...)
	}
	f.Comment(fmt.Sprintf("Test%sDefences checks what %s does with hostile input.", op.Name, op.Name))
	f.Func().Id("Test" + op.Name + "Defences").Params(tParam()).Block(stmts...)
	f.Line()
}

// wrongJSON is a JSON body of the wrong type for the operation's body.
func wrongJSON(op *model.Operation) string {
	if op.Body.Kind == model.RefSlice {
		return `{"docbind": "an object, not an array"}`
	}
	return `["an array, not an object"]`
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
	call := jen.Id("NewClient").Call(jen.Id("srv").Dot("URL")).Dot(v.ClientMethod).Call(args...)
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

// hostileHeaderCheck passes a header value with a line break: the client
// must refuse it before anything reaches the server.
func hostileHeaderCheck(op *model.Operation, v *model.Variant) []jen.Code {
	args := sampleArgs(jen.Id("t").Dot("Context").Call(), op, v)
	args[1+len(v.Params)] = jen.Lit("a\r\nX-Injected: yes")
	call := jen.Id("NewClient").Call(jen.Id("refused").Dot("URL")).Dot(v.ClientMethod).Call(args...)
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
