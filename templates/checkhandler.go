package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/fake"
	"github.com/docbind/docbind/generator/model"
)

// genCheckFile writes check_gen.go: CheckHandler, which replays the documented
// examples against an implementation and reads its answers against the
// docs, its options, and the tables of documented types it reads them
// against. The check itself is the engine's (genCheckEngine).
func genCheckFile(f *jen.File, api *model.API) {
	types, enums := fake.CheckTables(api)
	f.Comment("checkTypes are the documented types, a JSON line each (see checkType), that")
	f.Comment("CheckHandler reads answers against.")
	f.Var().Id("checkTypes").Op("=").Index().String().Add(lines(rawStrings(types)))
	f.Line()
	f.Comment("checkEnums are the documented enums, a JSON line each (see checkEnum).")
	f.Var().Id("checkEnums").Op("=").Index().String().Add(lines(rawStrings(enums)))
	f.Line()
	genCheckHandlerOptions(f)
	genCheckHandler(f)
}

// rawStrings are string literals, raw where they can be: JSON reads best
// unescaped.
func rawStrings(ss []string) []jen.Code {
	out := make([]jen.Code, len(ss))
	for i, s := range ss {
		out[i] = rawString(s)
	}
	return out
}

func genCheckHandlerOptions(f *jen.File) {
	f.Comment("CheckOption configures CheckHandler.")
	f.Type().Id("CheckOption").Func().Params(jen.Op("*").Id("checkConfig"))
	f.Line()
	f.Type().Id("checkConfig").Struct(
		jen.Comment("values apply to every example; byExample to the one named, over values."),
		id("values").Map(jen.String()).String(),
		id("byExample").Map(jen.String()).Map(jen.String()).String(),
		id("skip").Map(jen.String()).Bool(),
	)
	f.Line()
	f.Comment("valuesOf are the placeholder values of the named example.")
	f.Func().Params(id("c").Op("*").Id("checkConfig")).Id("valuesOf").Params(id("example").String()).Map(jen.String()).String().Block(
		id("values").Op(":=").Qual(pkgMaps, "Clone").Call(id("c").Dot("values")),
		jen.Qual(pkgMaps, "Copy").Call(id("values"), id("c").Dot("byExample").Index(id("example"))),
		jen.Return(id("values")),
	)
	f.Line()
	for _, line := range []string{
		"CheckValue puts value in for a placeholder in every example's request, as an ApiDoctor",
		"scenario's request-parameters do: \"{item-id}\" in the URL, \"$.name\" a member of the JSON",
		"body (value is JSON, or else a string), \"If-Match:\" a header, \"!body\" the whole body.",
	} {
		f.Comment(line)
	}
	f.Func().Id("CheckValue").Params(jen.List(id("placeholder"), id("value")).String()).Id("CheckOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("checkConfig")).Block(id("c").Dot("values").Index(id("placeholder")).Op("=").Id("value"))),
	)
	f.Line()
	f.Comment("CheckExampleValue is CheckValue for the named example only.")
	f.Func().Id("CheckExampleValue").Params(jen.List(id("example"), id("placeholder"), id("value")).String()).Id("CheckOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("checkConfig")).Block(
			jen.If(id("c").Dot("byExample").Index(id("example")).Op("==").Nil()).Block(
				id("c").Dot("byExample").Index(id("example")).Op("=").Map(jen.String()).String().Values(),
			),
			id("c").Dot("byExample").Index(id("example")).Index(id("placeholder")).Op("=").Id("value"),
		)),
	)
	f.Line()
	f.Comment("CheckSkip skips the named examples.")
	f.Func().Id("CheckSkip").Params(id("examples").Op("...").String()).Id("CheckOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("checkConfig")).Block(
			jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Id("examples")).Block(id("c").Dot("skip").Index(id("name")).Op("=").True()),
		)),
	)
	f.Line()
}

func genCheckHandler(f *jen.File) {
	for _, line := range []string{
		"CheckHandler replays every documented example against h, typically NewHandler(srv)",
		"for an implementation srv of Server, and reads each answer against the docs, in a",
		"subtest named after the example: the status is the example's (or another the docs",
		"show for the operation), the headers it documents are sent, and a JSON body is of the",
		"documented type rather than the example's values: members of their declared JSON",
		"types, those the example shows present (every member the type requires, where the",
		"example claims its type whole), enum members holding documented values. Members the",
		"docs do not declare, and nulls they do not allow, are logged, not failed. Examples",
		"whose URL the handler serves as no operation are skipped. The codes in the messages",
		"are docbind's (DB701 to DB708), which its README explains.",
	} {
		f.Comment(line)
	}
	f.Func().Id("CheckHandler").Params(tParam(), id("h").Qual(pkgHTTP, "Handler"), id("opts").Op("...").Id("CheckOption")).Block(
		id("t").Dot("Helper").Call(),
		id("cfg").Op(":=").Op("&").Id("checkConfig").Values(jen.Dict{
			id("values"):    jen.Map(jen.String()).String().Values(),
			id("byExample"): jen.Map(jen.String()).Map(jen.String()).String().Values(),
			id("skip"):      jen.Map(jen.String()).Bool().Values(),
		}),
		jen.For(jen.List(id("_"), id("opt")).Op(":=").Range().Id("opts")).Block(id("opt").Call(id("cfg"))),
		jen.List(id("schema"), id("err")).Op(":=").Id("newCheckSchema").Call(id("checkTypes"), id("checkEnums")),
		jen.If(id("err").Op("!=").Nil()).Block(id("t").Dot("Fatal").Call(id("err"))),
		id("send").Op(":=").Func().Params(id("r").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()).Block(
			id("rec").Op(":=").Qual(pkgHTTPTest, "NewRecorder").Call(),
			id("h").Dot("ServeHTTP").Call(id("rec"), id("r")),
			jen.Return(id("rec").Dot("Result").Call(), jen.Nil()),
		),
		jen.For(jen.List(id("_"), id("group")).Op(":=").Range().Id("documentedExamples")).Block(
			jen.For(id("i").Op(":=").Range().Id("group")).Block(
				id("ex").Op(":=").Op("&").Id("group").Index(id("i")),
				id("t").Dot("Run").Call(id("ex").Dot("name"), jen.Func().Params(tParam()).Block(
					jen.Switch().Block(
						jen.Case(id("cfg").Dot("skip").Index(id("ex").Dot("name"))).Block(id("t").Dot("Skip").Call(jen.Lit("CheckSkip skips it"))),
						jen.Case(id("ex").Dot("op").Op("==").Lit("")).Block(id("t").Dot("Skip").Call(id("ex").Dot("source").Op("+").Lit(": the handler serves its URL as no operation (DB404)"))),
					),
					jen.List(id("diffs"), id("err")).Op(":=").Id("schema").Dot("checkExample").Call(id("send"), jen.Lit("http://docbind.check"), id("ex"), id("cfg").Dot("valuesOf").Call(id("ex").Dot("name"))),
					jen.If(id("err").Op("!=").Nil()).Block(id("t").Dot("Fatalf").Call(jen.Lit("%s: %v"), id("ex").Dot("source"), id("err"))),
					jen.For(jen.List(id("_"), id("d")).Op(":=").Range().Id("diffs")).Block(
						jen.If(id("d").Dot("Warning")).Block(
							id("t").Dot("Logf").Call(jen.Lit("%s: %s (%s)"), id("ex").Dot("source"), id("d"), id("d").Dot("Code")),
						).Else().Block(
							id("t").Dot("Errorf").Call(jen.Lit("%s: %s (%s)"), id("ex").Dot("source"), id("d"), id("d").Dot("Code")),
						),
					),
				)),
			),
		),
	)
	f.Line()
}
