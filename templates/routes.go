package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genOperationRoutes writes a test that every URL variant of an operation is
// called by its client method and, when the handler serves it as this
// operation, served with the documented status, and that the handler
// refuses other methods, unknown paths and malformed bodies.
func genOperationRoutes(f *jen.File, op *model.Operation) {
	var cases []jen.Code
	for _, v := range op.Variants {
		notes := []string{source(v.Source)}
		kvs := []kv{
			{"name", jen.Lit(v.QualifiedMethod())},
			{"path", jen.Lit(v.SamplePath)},
			{"call", routeCall(op, v)},
		}
		if v.Served() {
			kvs = append(kvs,
				kv{"served", jen.True()},
				kv{"unusedMethod", jen.Lit(v.UnusedMethod)},
				kv{"notFoundPath", jen.Lit(v.NotFoundPath)},
				kv{"wantRequest", wantRequest(op, v, v.Pattern, v.SampleArgs, nil, nil, nil)},
			)
		} else if v.ServedBy != nil {
			notes = append(notes, fmt.Sprintf("The handler serves this URL as %s: only the client is checked here.", v.ServedBy.Op.Name))
		} else {
			notes = append(notes, "The handler cannot route this URL beside the others: only the client is checked here.")
		}
		cases = append(cases, keyed(notes, kvs...))
	}
	f.Comment(fmt.Sprintf("Test%sRoutes checks every URL of %s: the client method calls it,", op.Name, op.Name))
	f.Comment(fmt.Sprintf("and the handler serves it with %d and refuses what it must.", op.Result.Status))
	f.Func().Id("Test"+op.Name+"Routes").Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("path").String(),
			jen.Id("call").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Error(),
			jen.Id("served").Bool(),
			jen.Id("unusedMethod").String(),
			jen.Id("notFoundPath").String(),
			jen.Id("wantRequest").Any(),
		).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(tParam()).Block(routeRun(op)...)),
		),
	)
	f.Line()
}

// sampleArgs are the arguments of a call of v with its sample path values
// and nothing else: no body, no options (nil, the last argument).
func sampleArgs(ctx jen.Code, op *model.Operation, v *model.Variant) []jen.Code {
	args := []jen.Code{ctx}
	for _, a := range v.SampleArgs {
		args = append(args, jen.Lit(a))
	}
	switch op.BodyKind {
	case model.BodyJSON:
		args = append(args, jen.Nil())
	case model.BodyStream:
		args = append(args, jen.Qual("strings", "NewReader").Call(jen.Lit("")), jen.Lit(""))
	}
	if op.OptionsType != "" {
		args = append(args, jen.Nil())
	}
	return args
}

func routeCall(op *model.Operation, v *model.Variant) jen.Code {
	call := callVariant(jen.Id("c"), v, sampleArgs(jen.Id("ctx"), op, v))
	body := []jen.Code{jen.Return(call)}
	if resultType(op) != nil {
		body = []jen.Code{jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Return(jen.Err())}
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Error().Block(body...)
}

func emptyResult(op *model.Operation) []jen.Code {
	switch op.Result.Kind {
	case model.ResultJSON:
		return []jen.Code{zeroResult(op.Result.Type), jen.Nil()}
	case model.ResultContent:
		return []jen.Code{jen.Op("&").Id("Content").Values(), jen.Nil()}
	case model.ResultAccepted:
		return []jen.Code{jen.Op("&").Id("Accepted").Values(), jen.Nil()}
	}
	return []jen.Code{jen.Nil()}
}

func zeroResult(ref *model.TypeRef) jen.Code {
	if ref.Kind == model.RefNamed {
		return jen.Op("&").Id(ref.Named.Name).Values()
	}
	return jen.Add(goType(ref)).Values()
}

func routeRun(op *model.Operation) []jen.Code {
	client := []jen.Code{
		jen.Comment("The client calls the URL."),
		jen.Id("wire").Op(":=").Id("expectRequest").Call(jen.Id("t"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Id("answer").Call(jen.Lit(op.Result.Status))),
	}
	if !op.HasServer() {
		return append(client, callThrough(jen.Id("wire"))...)
	}
	stmts := append(client,
		jen.If(jen.Op("!").Id("tt").Dot("served")).Block(append(callThrough(jen.Id("wire")), jen.Return())...),
		jen.Line(),
		jen.Comment("The handler serves it as this operation."),
		jen.Var().Id("got").Id("received"),
		jen.Id("handler").Op(":=").Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
			jen.Id(onField(op)): jen.Func().Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
				jen.Id("got").Dot("request").Op("=").Id("req"),
				jen.Return(emptyResult(op)...),
			),
		})),
	)
	stmts = append(stmts, callThrough(jen.Id("expectRequest").Call(jen.Id("t"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Id("handler")))...)
	if op.BodyKind == model.BodyStream {
		stmts = append(stmts, jen.If(jen.List(jen.Id("req"), jen.Id("ok")).Op(":=").Id("got").Dot("request").Assert(jen.Op("*").Id(op.RequestType)), jen.Id("ok")).Block(
			jen.Id("req").Dot("Body").Op("=").Nil(),
		))
	}
	stmts = append(stmts,
		jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("request the Server received"), jen.Id("got").Dot("request"), jen.Id("tt").Dot("wantRequest")),
		jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Lit(""), jen.Lit(op.Result.Status)),
		jen.If(jen.Id("tt").Dot("unusedMethod").Op("!=").Lit("")).Block(
			jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Id("tt").Dot("unusedMethod"), jen.Id("tt").Dot("path"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusMethodNotAllowed")),
		),
		jen.If(jen.Id("tt").Dot("notFoundPath").Op("!=").Lit("")).Block(
			jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("notFoundPath"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusNotFound")),
		),
	)
	if op.BodyKind == model.BodyJSON {
		stmts = append(stmts,
			jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Lit(`{"malformed": `), jen.Qual(pkgHTTP, "StatusBadRequest")),
		)
	}
	return stmts
}

// callThrough serves h on a test server and calls the case's client
// method against it.
func callThrough(h jen.Code) []jen.Code {
	return []jen.Code{
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(h),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.If(jen.Err().Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("NewClient").Call(jen.Id("srv").Dot("URL"))), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("client: %v"), jen.Err()),
		),
	}
}
