package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genFake writes fake_gen.go: NewExampleHandler, the fake of the API that
// answers the documented examples, and the engine behind it.
func genFake(f *jen.File, api *model.API, _ Options) {
	genExampleOptions(f)
	genNewExampleHandler(f, api)
	genFakeEngine(f)
}

func genExampleOptions(f *jen.File) {
	f.Comment("ExampleOption configures NewExampleHandler.")
	f.Type().Id("ExampleOption").Func().Params(jen.Op("*").Id("exampleConfig"))
	f.Line()
	f.Type().Id("exampleConfig").Struct(
		id("srv").Id("Server"),
		id("served").Map(jen.String()).Bool(),
		id("log").Func().Params(jen.String()),
		id("strict").Bool(),
	)
	f.Line()
	f.Comment("WithServer has srv answer the named operations, by their Server method names")
	f.Comment("(\"ListUsers\"), so that a test can fake them with state; the documented examples")
	f.Comment("answer the others. One Server answers all the operations named, the last given.")
	f.Func().Id("WithServer").Params(id("srv").Id("Server"), id("operations").Op("...").String()).Id("ExampleOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("exampleConfig")).Block(
			id("c").Dot("srv").Op("=").Id("srv"),
			jen.For(jen.List(id("_"), id("op")).Op(":=").Range().Id("operations")).Block(
				id("c").Dot("served").Index(id("op")).Op("=").True(),
			),
		)),
	)
	f.Line()
	f.Comment("WithExampleLog has the fake call log with a line for every request it answers: the")
	f.Comment("example that answered it, or why none did.")
	f.Comment("WithStrictMatching answers a request only with an example it matches: its query")
	f.Comment("options, headers and JSON body members, and its path where examples differ only")
	f.Comment("there; any other request gets 400 naming the closest example and what differed,")
	f.Comment("for doc authors checking their examples. Without it the fake is lenient, as a test")
	f.Comment("double must be for the clients it stands in for: a request of an operation's method")
	f.Comment("and route that matches no example exactly gets the closest one's answer, and the")
	f.Comment("log says what differed.")
	f.Func().Id("WithStrictMatching").Params().Id("ExampleOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("exampleConfig")).Block(id("c").Dot("strict").Op("=").True())),
	)
	f.Line()
	f.Func().Id("WithExampleLog").Params(id("log").Func().Params(id("line").String())).Id("ExampleOption").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("exampleConfig")).Block(id("c").Dot("log").Op("=").Id("log"))),
	)
	f.Line()
}

// genDocumentedExamples writes the table of every operation's examples,
// which NewExampleHandler answers and CheckHandler replays.
func genDocumentedExamples(f *jen.File, api *model.API) {
	var groups []jen.Code
	for _, op := range api.Operations {
		if len(op.Examples) > 0 {
			groups = append(groups, jen.Id(examplesVar(op)))
		}
	}
	f.Comment("documentedExamples are the documented examples, an operation's together, in the")
	f.Comment("order of the docs: NewExampleHandler answers them and CheckHandler replays them.")
	f.Var().Id("documentedExamples").Op("=").Index().Index().Id("exampleCase").Add(lines(groups))
	f.Line()
}

func genNewExampleHandler(f *jen.File, api *model.API) {
	genDocumentedExamples(f, api)
	var groups []jen.Code
	for _, g := range model.URLAliases(api) {
		var templates []jen.Code
		for _, t := range g {
			templates = append(templates, jen.Lit(t))
		}
		groups = append(groups, jen.Values(templates...))
	}
	f.Comment("urlAliases are the URL templates of each GET operation the docs document at")
	f.Comment("several: spellings of one resource, which the fake takes for one another at the")
	f.Comment("start of a path no route serves.")
	f.Var().Id("urlAliases").Op("=").Index().Index().String().Add(lines(groups))
	f.Line()
	for _, line := range []string{
		"NewExampleHandler returns a fake of the API for tests: it answers each documented",
		"request with its documented response (status, headers and body). A request matches",
		"an example by its route, the query options and JSON body members the example shows",
		"(more are allowed) and, where examples differ only there, its path; the most specific",
		"match answers; where none matches, the closest example of the route's operation",
		"(WithStrictMatching: 400 naming it and what differed). A path may start with the",
		"docs' base URL's path (/v1.0/me), and a body may be gzip or deflate compressed, as",
		"clients send them. Links in the answers point back at the fake: a next link answers",
		"the last page, a monitor reports its operation completed, content answers ranges. A",
		"request of an undocumented URL gets the API's error body, 404 (501 for an operation",
		"without examples). It panics when WithServer names no operation.",
	} {
		f.Comment(line)
	}
	f.Func().Id("NewExampleHandler").Params(id("opts").Op("...").Id("ExampleOption")).Qual(pkgHTTP, "Handler").Block(
		id("cfg").Op(":=").Op("&").Id("exampleConfig").Values(jen.Dict{id("srv"): id("Unimplemented").Values(), id("served"): jen.Map(jen.String()).Bool().Values()}),
		jen.For(jen.List(id("_"), id("opt")).Op(":=").Range().Id("opts")).Block(id("opt").Call(id("cfg"))),
		id("fake").Op(":=").Id("newExampleFake").Call(id("DefaultBaseURL"), id("documentedExamples"), id("cfg").Dot("log")),
		id("fake").Dot("strict").Op("=").Id("cfg").Dot("strict"),
		id("fake").Dot("setAliases").Call(id("urlAliases")),
		id("h").Op(":=").Op("&").Id("handler").Values(jen.Dict{id("srv"): id("cfg").Dot("srv"), id("maxBody"): id("DefaultMaxBodyBytes")}),
		id("known").Op(":=").Map(jen.String()).Bool().Values(),
		id("mux").Op(":=").Id("h").Dot("routes").Call(jen.Func().Params(id("op").String(), id("serve").Qual(pkgHTTP, "HandlerFunc")).Qual(pkgHTTP, "HandlerFunc").Block(
			id("known").Index(id("op")).Op("=").True(),
			jen.If(id("cfg").Dot("served").Index(id("op")).Op("&&").Id("cfg").Dot("log").Op("!=").Nil()).Block(
				jen.Return(jen.Func().Params(rw(), req()).Block(
					id("cfg").Dot("log").Call(id("r").Dot("Method").Op("+").Lit(" ").Op("+").Id("r").Dot("URL").Dot("RequestURI").Call().Op("+").Lit(" -> the Server's ").Op("+").Id("op")),
					id("serve").Call(id("w"), id("r")),
				)),
			),
			jen.If(id("cfg").Dot("served").Index(id("op"))).Block(jen.Return(id("serve"))),
			jen.Return(id("fake").Dot("answer").Call(id("op"))),
		)),
		jen.For(jen.List(id("_"), id("op")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("cfg").Dot("served")))).Block(
			jen.If(jen.Op("!").Id("known").Index(id("op"))).Block(
				jen.Panic(jen.Lit("WithServer: the API has no operation ").Op("+").Id("op")),
			),
		),
		jen.Return(id("recoverPanics").Call(id("fake").Dot("wrap").Call(id("mux")))),
	)
	f.Line()
}
