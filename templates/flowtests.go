package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// sampleArgs are the arguments of a call of v with its sample path values
// and nothing else: no body (an empty stream for an upload), no options.
func sampleArgs(ctx jen.Code, op *model.Operation, v *model.Variant) []jen.Code {
	args := []jen.Code{ctx}
	for _, a := range v.SampleArgs {
		args = append(args, jen.Lit(a))
	}
	var body jen.Code = jen.Nil()
	if op.BodyKind == model.BodyStream {
		body = jen.Qual("strings", "NewReader").Call(jen.Lit(""))
	}
	return append(args, bodyAndOptions(op, body, jen.Lit(""), jen.Nil())...)
}

// genPagingTest checks that the iterator of a collection follows
// @odata.nextLink to the last page and yields every item once.
func genPagingTest(f *jen.File, op *model.Operation) {
	v := op.Variants[0]
	env := op.Result.Type.Named
	args := sampleArgs(jen.Id("ctx"), op, v)
	var delta jen.Code = jen.Lit("")
	if env.DeltaLink != nil {
		delta = jen.Lit(env.DeltaLink.JSONName)
	}
	f.Comment(fmt.Sprintf("Test%sPaging checks that %s follows %s to the last page and", op.Name, iteratorName(v), env.NextLink.JSONName))
	f.Comment("yields every item once.")
	f.Func().Id("Test" + op.Name + "Paging").Params(tParam()).Block(
		jen.Id("checkPaging").Call(jen.Id("t"), jen.Lit(env.Items.JSONName), jen.Lit(env.NextLink.JSONName), delta,
			jen.Func().Params(ctxParam(), clientParam()).Params(jen.Int(), jen.Error()).Block(
				jen.Return(jen.Id("count").Call(jen.Id("c").Dot(iteratorName(v)).Call(args...))),
			),
		),
	)
	f.Line()
}

// genCheckPaging writes what the paging tests call: a server of two pages
// of one item, the second a last page (with a delta link when the
// collection has one), and a count of what an iterator yields.
func genCheckPaging(f *jen.File) {
	item := jen.Index().Any().Values(jen.Map(jen.String()).Any().Values())
	f.Comment("checkPaging checks that all, which counts what an iterator yields, follows the")
	f.Comment("next link of a page of items to a last page (with a delta link when the collection")
	f.Comment("has one), and yields each page's one item.")
	f.Func().Id("checkPaging").Params(tParam(), jen.List(jen.Id("items"), jen.Id("nextLink"), jen.Id("deltaLink")).String(), jen.Id("all").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Params(jen.Int(), jen.Error())).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("srv").Op("*").Qual(pkgHTTPTest, "Server"),
		jen.Id("srv").Op("=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Id("page").Op(":=").Map(jen.String()).Any().Values(jen.Dict{jen.Id("items"): item, jen.Id("nextLink"): jen.Id("srv").Dot("URL").Op("+").Lit("/docbind-page-2")}),
			jen.If(jen.Id("r").Dot("URL").Dot("Path").Op("==").Lit("/docbind-page-2")).Block(
				jen.Id("page").Op("=").Map(jen.String()).Any().Values(jen.Dict{jen.Id("items"): item}),
				jen.If(jen.Id("deltaLink").Op("!=").Lit("")).Block(
					jen.Id("page").Index(jen.Id("deltaLink")).Op("=").Id("srv").Dot("URL").Op("+").Lit("/docbind-delta"),
				),
			),
			jen.Id("_").Op("=").Qual(pkgJSON, "NewEncoder").Call(jen.Id("w")).Dot("Encode").Call(jen.Id("page")),
		))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.List(jen.Id("n"), jen.Err()).Op(":=").Id("all").Call(jen.Id("t").Dot("Context").Call(), jen.Id("clientOf").Call(jen.Id("srv"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.If(jen.Id("n").Op("!=").Lit(2)).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("iterated %d items over two pages of one, want 2"), jen.Id("n"))),
	)
	f.Line()
	f.Comment("count counts what seq, an iter.Seq2[T, error], yields up to its first error. It")
	f.Comment("calls seq through reflect, so that it is compiled once rather than once for each")
	f.Comment("item type of a large API's iterators.")
	f.Func().Id("count").Params(jen.Id("seq").Any()).Params(jen.Int(), jen.Error()).Block(
		jen.Var().Defs(
			jen.Id("n").Int(),
			jen.Err().Error(),
		),
		jen.Id("v").Op(":=").Qual(pkgReflect, "ValueOf").Call(jen.Id("seq")),
		jen.Id("yield").Op(":=").Qual(pkgReflect, "MakeFunc").Call(jen.Id("v").Dot("Type").Call().Dot("In").Call(jen.Lit(0)), jen.Func().Params(jen.Id("args").Index().Qual(pkgReflect, "Value")).Index().Qual(pkgReflect, "Value").Block(
			jen.If(jen.List(jen.Id("e"), jen.Id("_")).Op(":=").Id("args").Index(jen.Lit(1)).Dot("Interface").Call().Assert(jen.Error()), jen.Id("e").Op("!=").Nil()).Block(
				jen.Err().Op("=").Id("e"),
				jen.Return(jen.Index().Qual(pkgReflect, "Value").Values(jen.Qual(pkgReflect, "ValueOf").Call(jen.False()))),
			),
			jen.Id("n").Op("++"),
			jen.Return(jen.Index().Qual(pkgReflect, "Value").Values(jen.Qual(pkgReflect, "ValueOf").Call(jen.True()))),
		)),
		jen.Id("v").Dot("Call").Call(jen.Index().Qual(pkgReflect, "Value").Values(jen.Id("yield"))),
		jen.Return(jen.Id("n"), jen.Err()),
	)
	f.Line()
}

// genWaitForTest checks the poller of long-running operations against a
// monitor that reports progress, then redirects to the outcome.
func genWaitForTest(f *jen.File) {
	f.Comment("TestWaitFor polls a monitor that reports progress once, then redirects (303)")
	f.Comment("to the outcome, which WaitFor decodes.")
	f.Func().Id("TestWaitFor").Params(tParam()).Block(
		jen.Id("polls").Op(":=").Lit(0),
		jen.Id("srv").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Switch().Block(
				jen.Case(jen.Id("r").Dot("URL").Dot("Path").Op("==").Lit("/outcome")).Block(
					jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit(`{"id": "made"}`)),
				),
				jen.Case(jen.Id("polls").Op("==").Lit(0)).Block(
					jen.Id("polls").Op("++"),
					jen.Id("w").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusAccepted")),
					jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit(`{"status": "inProgress", "percentageComplete": 50}`)),
				),
				jen.Default().Block(
					jen.Qual(pkgHTTP, "Redirect").Call(jen.Id("w"), jen.Id("r"), jen.Lit("/outcome"), jen.Qual(pkgHTTP, "StatusSeeOther")),
				),
			),
		))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Id("op").Op(":=").Op("&").Id("Accepted").Values(jen.Dict{jen.Id("Location"): jen.Id("srv").Dot("URL").Op("+").Lit("/monitor"), jen.Id("client"): jen.Id("clientOf").Call(jen.Id("srv"))}),
		jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("WaitFor").Types(jen.Map(jen.String()).Any()).Call(jen.Id("t").Dot("Context").Call(), jen.Id("op"), jen.Qual("time", "Millisecond")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Parens(jen.Op("*").Id("got")).Index(jen.Lit("id")).Op("!=").Lit("made").Op("||").Id("polls").Op("!=").Lit(1)).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("WaitFor = %v, %v after %d progress reports; want the outcome after 1"), jen.Id("got"), jen.Err(), jen.Id("polls")),
		),
	)
	f.Line()
}
