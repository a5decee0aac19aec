package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genPagingTest checks that the iterator of a collection follows
// @odata.nextLink to the last page and yields every item once.
func genPagingTest(f *jen.File, op *model.Operation) {
	v := op.Variants[0]
	env := op.Result.Type.Named
	args := sampleArgs(jen.Id("t").Dot("Context").Call(), op, v)
	page := func(link string) string {
		return fmt.Sprintf(`{%q: [{}], %q: %%q}`, env.Items.JSONName, link)
	}
	f.Comment(fmt.Sprintf("Test%sPaging checks that %s follows %s to the last", op.Name, iteratorName(v), env.NextLink.JSONName))
	f.Comment("page and yields every item once.")
	f.Func().Id("Test"+op.Name+"Paging").Params(tParam()).Block(
		jen.Var().Id("srv").Op("*").Qual(pkgHTTPTest, "Server"),
		jen.Id("srv").Op("=").Qual(pkgHTTPTest, "NewServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.If(jen.Id("r").Dot("URL").Dot("Path").Op("==").Lit("/docbind-page-2")).Block(
				jen.Qual("fmt", "Fprintf").Call(jen.Id("w"), jen.Lit(lastPage(env)), jen.Id("srv").Dot("URL").Op("+").Lit("/docbind-delta")),
				jen.Return(),
			),
			jen.Qual("fmt", "Fprintf").Call(jen.Id("w"), jen.Lit(page(env.NextLink.JSONName)), jen.Id("srv").Dot("URL").Op("+").Lit("/docbind-page-2")),
		))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Id("items").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Err()).Op(":=").Range().Id("NewClient").Call(jen.Id("srv").Dot("URL")).Dot(iteratorName(v)).Call(args...)).Block(
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			jen.Id("items").Op("++"),
		),
		jen.If(jen.Id("items").Op("!=").Lit(2)).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("iterated %d items over two pages of one, want 2"), jen.Id("items"))),
	)
	f.Line()
}

// lastPage is the JSON of a last page: one item, and a delta link when the
// collection has one.
func lastPage(env *model.Type) string {
	if env.DeltaLink != nil {
		return fmt.Sprintf(`{%q: [{}], %q: %%q}`, env.Items.JSONName, env.DeltaLink.JSONName)
	}
	return fmt.Sprintf(`{%q: [{}]}%%.0s`, env.Items.JSONName)
}

// genWaitForTest checks the poller of long-running operations against a
// monitor that reports progress, then redirects to the outcome.
func genWaitForTest(f *jen.File) {
	f.Comment("TestWaitFor polls a monitor that reports progress once, then redirects (303)")
	f.Comment("to the outcome, which WaitFor decodes.")
	f.Func().Id("TestWaitFor").Params(tParam()).Block(
		jen.Id("polls").Op(":=").Lit(0),
		jen.Id("srv").Op(":=").Qual(pkgHTTPTest, "NewServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
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
		jen.Id("op").Op(":=").Op("&").Id("Accepted").Values(jen.Dict{jen.Id("Location"): jen.Id("srv").Dot("URL").Op("+").Lit("/monitor"), jen.Id("client"): jen.Id("NewClient").Call(jen.Id("srv").Dot("URL"))}),
		jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("WaitFor").Types(jen.Map(jen.String()).Any()).Call(jen.Id("t").Dot("Context").Call(), jen.Id("op"), jen.Qual("time", "Millisecond")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Parens(jen.Op("*").Id("got")).Index(jen.Lit("id")).Op("!=").Lit("made").Op("||").Id("polls").Op("!=").Lit(1)).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("WaitFor = %v, %v after %d progress reports; want the outcome after 1"), jen.Id("got"), jen.Err(), jen.Id("polls")),
		),
	)
	f.Line()
}
