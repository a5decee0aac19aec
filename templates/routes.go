package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genRouteTests(f *jen.File, api *model.API, _ Options) {
	for _, op := range api.Operations {
		genOperationRoutes(f, op)
	}
}

// genOperationRoutes writes a test that every URL variant of an operation is
// called by its client method and served by the handler, and that the
// handler refuses other methods, unknown paths and malformed bodies.
func genOperationRoutes(f *jen.File, op *model.Operation) {
	var cases []jen.Code
	for _, v := range op.Variants {
		cases = append(cases, keyed([]string{source(v.Source)},
			kv{"name", jen.Lit(v.ClientMethod)},
			kv{"path", jen.Lit(v.SamplePath)},
			kv{"unusedMethod", jen.Lit(v.UnusedMethod)},
			kv{"notFoundPath", jen.Lit(v.NotFoundPath)},
			kv{"call", routeCall(op, v)},
			kv{"wantRequest", wantRequest(op, v, v.Pattern, v.SampleArgs, nil, nil)},
		))
	}
	f.Comment(fmt.Sprintf("Test%sRoutes checks every URL of %s: the client method calls it,", op.Name, op.Name))
	f.Comment(fmt.Sprintf("and the handler serves it with %d and refuses what it must.", op.Result.Status))
	f.Func().Id("Test"+op.Name+"Routes").Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("path").String(),
			jen.Id("unusedMethod").String(),
			jen.Id("notFoundPath").String(),
			jen.Id("call").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Error(),
			jen.Id("wantRequest").Op("*").Id(op.RequestType),
		).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(tParam()).Block(routeRun(op)...)),
		),
	)
	f.Line()
}

func routeCall(op *model.Operation, v *model.Variant) jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, a := range v.SampleArgs {
		args = append(args, jen.Lit(a))
	}
	for range op.HeaderParams {
		args = append(args, jen.Lit(""))
	}
	if op.Body != nil {
		args = append(args, jen.Nil())
	}
	call := jen.Id("c").Dot(v.ClientMethod).Call(args...)
	body := []jen.Code{jen.Return(call)}
	if op.Result.Type != nil {
		body = []jen.Code{jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Return(jen.Err())}
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Error().Block(body...)
}

func emptyResult(op *model.Operation) []jen.Code {
	if op.Result.Type == nil {
		return []jen.Code{jen.Nil()}
	}
	return []jen.Code{zeroResult(op.Result.Type), jen.Nil()}
}

func zeroResult(ref *model.TypeRef) jen.Code {
	if ref.Kind == model.RefNamed {
		return jen.Op("&").Id(ref.Named.Name).Values()
	}
	return jen.Add(goType(ref)).Values()
}

func routeRun(op *model.Operation) []jen.Code {
	stmts := []jen.Code{
		jen.Var().Id("got").Op("*").Id(op.RequestType),
		jen.Id("handler").Op(":=").Id("NewHandler").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
			jen.Id(onField(op)): jen.Func().Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
				jen.Id("got").Op("=").Id("req"),
				jen.Return(emptyResult(op)...),
			),
		})),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("expectRequest").Call(jen.Id("t"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Id("handler"))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.If(jen.Err().Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("NewClient").Call(jen.Id("srv").Dot("URL"))), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("client: %v"), jen.Err()),
		),
		jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("request the Server received"), jen.Id("got"), jen.Id("tt").Dot("wantRequest")),
		jen.Line(),
		jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Lit(""), jen.Lit(op.Result.Status)),
		jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Id("tt").Dot("unusedMethod"), jen.Id("tt").Dot("path"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusMethodNotAllowed")),
		jen.If(jen.Id("tt").Dot("notFoundPath").Op("!=").Lit("")).Block(
			jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("notFoundPath"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusNotFound")),
		),
	}
	if op.Body != nil {
		stmts = append(stmts,
			jen.Id("checkStatus").Call(jen.Id("t"), jen.Id("handler"), jen.Lit(op.Method), jen.Id("tt").Dot("path"), jen.Lit(`{"malformed": `), jen.Qual(pkgHTTP, "StatusBadRequest")),
		)
	}
	return stmts
}
