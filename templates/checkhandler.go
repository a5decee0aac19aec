package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genCheckFile writes check_gen.go: CheckHandler, which replays the documented
// examples against an implementation and reads its answers against the
// docs, its options, and the tables of documented types it reads them
// against. The check itself is the engine's (genCheckEngine).
func genCheckFile(f *jen.File, api *model.API) {
	types, enums := model.CheckTables(api)
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
	genCheckT(f)
	genCheckRecorder(f)
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
		"are docbind's (DB701 to DB708), which its README explains. t is the test's *testing.T:",
		"",
		"\tfunc TestServerMatchesTheDocs(t *testing.T) {",
		"\t\tCheckHandler(t, NewHandler(myServer{}))",
		"\t}",
	} {
		f.Comment(line)
	}
	tT := func() *jen.Statement { return id("t").Id("T") }
	f.Func().Id("CheckHandler").Types(id("T").Id("CheckT").Types(id("T"))).Params(tT(), id("h").Qual(pkgHTTP, "Handler"), id("opts").Op("...").Id("CheckOption")).Block(
		id("t").Dot("Helper").Call(),
		id("cfg").Op(":=").Op("&").Id("checkConfig").Values(jen.Dict{
			id("values"):    jen.Map(jen.String()).String().Values(),
			id("byExample"): jen.Map(jen.String()).Map(jen.String()).String().Values(),
			id("skip"):      jen.Map(jen.String()).Bool().Values(),
		}),
		jen.For(jen.List(id("_"), id("opt")).Op(":=").Range().Id("opts")).Block(id("opt").Call(id("cfg"))),
		jen.List(id("schema"), id("err")).Op(":=").Id("newCheckSchema").Call(id("checkTypes"), id("checkEnums")),
		jen.If(id("err").Op("!=").Nil()).Block(id("t").Dot("Fatalf").Call(jen.Lit("%v"), id("err"))),
		id("send").Op(":=").Func().Params(id("r").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()).Block(
			id("rec").Op(":=").Op("&").Id("checkRecorder").Values(jen.Dict{id("header"): jen.Qual(pkgHTTP, "Header").Values()}),
			id("h").Dot("ServeHTTP").Call(id("rec"), id("r")),
			jen.Return(id("rec").Dot("result").Call(), jen.Nil()),
		),
		jen.For(jen.List(id("_"), id("group")).Op(":=").Range().Id("documentedExamples")).Block(
			jen.For(id("i").Op(":=").Range().Id("group")).Block(
				id("ex").Op(":=").Op("&").Id("group").Index(id("i")),
				id("t").Dot("Run").Call(id("ex").Dot("name"), jen.Func().Params(tT()).Block(
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

// genCheckT writes the interface CheckHandler needs of a *testing.T. The
// generated package does not import testing, so that a program that uses
// it and never calls CheckHandler links neither testing nor its
// dependencies.
func genCheckT(f *jen.File) {
	f.Comment("CheckT is what CheckHandler needs of its test: *testing.T is one, T being itself.")
	f.Comment("(The package does not import testing, so that programs that use it do not link it.)")
	f.Type().Id("CheckT").Types(id("T").Any()).Interface(
		id("Helper").Params(),
		id("Run").Params(id("name").String(), id("f").Func().Params(id("T"))).Bool(),
		id("Skip").Params(id("args").Op("...").Any()),
		id("Errorf").Params(id("format").String(), id("args").Op("...").Any()),
		id("Fatalf").Params(id("format").String(), id("args").Op("...").Any()),
		id("Logf").Params(id("format").String(), id("args").Op("...").Any()),
	)
	f.Line()
}

// genCheckRecorder writes the ResponseWriter CheckHandler records a
// handler's answer with (httptest's would link the testing certificates
// into every program).
func genCheckRecorder(f *jen.File) {
	f.Comment("checkRecorder records a handler's answer for CheckHandler: the headers as they")
	f.Comment("were when the status was written.")
	f.Type().Id("checkRecorder").Struct(
		jen.List(id("header"), id("sent")).Qual(pkgHTTP, "Header"),
		id("status").Int(),
		id("body").Qual(pkgBytes, "Buffer"),
	)
	f.Line()
	f.Func().Params(id("r").Op("*").Id("checkRecorder")).Id("Header").Params().Qual(pkgHTTP, "Header").Block(jen.Return(id("r").Dot("header")))
	f.Line()
	f.Func().Params(id("r").Op("*").Id("checkRecorder")).Id("WriteHeader").Params(id("status").Int()).Block(
		jen.If(id("r").Dot("status").Op("==").Lit(0)).Block(
			jen.List(id("r").Dot("status"), id("r").Dot("sent")).Op("=").List(id("status"), id("r").Dot("header").Dot("Clone").Call()),
		),
	)
	f.Line()
	f.Func().Params(id("r").Op("*").Id("checkRecorder")).Id("Write").Params(id("b").Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		id("r").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusOK")),
		jen.Return(id("r").Dot("body").Dot("Write").Call(id("b"))),
	)
	f.Line()
	f.Comment("result is the recorded answer as a client receives it.")
	f.Func().Params(id("r").Op("*").Id("checkRecorder")).Id("result").Params().Op("*").Qual(pkgHTTP, "Response").Block(
		id("r").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusOK")),
		jen.Return(jen.Op("&").Qual(pkgHTTP, "Response").Values(jen.Dict{
			id("StatusCode"): id("r").Dot("status"),
			id("Header"):     id("r").Dot("sent"),
			id("Body"):       jen.Qual(pkgIO, "NopCloser").Call(jen.Op("&").Id("r").Dot("body")),
		})),
	)
	f.Line()
}
