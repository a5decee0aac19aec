package templates

import (
	"github.com/dave/jennifer/jen"
)

// The generic checks every operation's test hands its data to. They are
// written once in helpers_gen_test.go, so that an operation's test holds
// only what the docs say of it.

const pkgReflect = "reflect"

// Short forms for the statements these helpers repeat.
var (
	id      = jen.Id
	tt      = func(field string) *jen.Statement { return jen.Id("tt").Dot(field) }
	opField = func(field string) *jen.Statement { return jen.Id("op").Dot(field) }
	dField  = func(field string) *jen.Statement { return jen.Id("d").Dot(field) }
	tCtx    = func() *jen.Statement { return jen.Id("t").Dot("Context").Call() }
)

func tErrorf(format string, args ...jen.Code) jen.Code {
	return jen.Id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
}

func tFatalf(format string, args ...jen.Code) jen.Code {
	return jen.Id("t").Dot("Fatalf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
}

// genOpChecks writes the types and checks of operation tests.
func genOpChecks(f *jen.File) {
	genOpTypes(f)
	genCheck(f)
	genCheckOptions(f)
	genCheckExamples(f)
	genCheckFake(f)
	genCheckRoutes(f)
	genCheckDefences(f)
	genDocumentedValues(f)
	genReflectHelpers(f)
	genCheckPaging(f)
}

// typeParams are [B, O, R any] and typeArgs [B, O, R].
func typeParams() jen.Code {
	return jen.Types(jen.List(id("B"), id("O"), id("R")).Any())
}

func typeArgs() jen.Code { return jen.Types(id("B"), id("O"), id("R")) }

func genOpTypes(f *jen.File) {
	f.Const().Defs(
		jen.Comment("hostileValue is a path value an attacker might send: a slash, a dot segment, a"),
		jen.Comment("query and a fragment, which must stay in one segment."),
		jen.Id("hostileValue").Op("=").Lit(hostileValue),
		jen.Comment("hostileQueryValue would add a parameter, end the query or split a value if it"),
		jen.Comment("were not encoded."),
		jen.Id("hostileQueryValue").Op("=").Lit(hostileQueryValue),
	)
	f.Line()
	f.Comment("none stands for the body of an operation that sends none, the options of one")
	f.Comment("that has none, or the result of one that returns only an error.")
	f.Type().Id("none").Struct()
	f.Line()
	f.Comment("opTest is an operation under test: its client methods take a body B and")
	f.Comment("options O (a pointer) and return R; routes are its URLs, defences what it offers")
	f.Comment("an attacker beyond them.")
	f.Type().Id("opTest").Add(typeParams()).Struct(
		jen.List(id("name"), id("method")).String(),
		id("status").Int(),
		id("routes").Index().Id("route").Add(typeArgs()),
		id("defences").Id("defences"),
	)
	f.Line()
	f.Comment("route is a URL of an operation: a sample path, the path values that make it")
	f.Comment("and a call of its client method with them.")
	f.Type().Id("route").Add(typeParams()).Struct(
		jen.List(id("name"), id("path")).String(),
		id("args").Index().String(),
		id("call").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("args").Index().String(), jen.Id("body").Id("B"), jen.Id("opts").Id("O")).Params(id("R"), jen.Error()),
		jen.Comment("wantRequest is what the Server receives for the sample path; nil when the"),
		jen.Comment("handler does not serve the URL as this operation: only the client is checked."),
		id("wantRequest").Any(),
		jen.Comment("The handler refuses unusedMethod (405) and notFoundPath (404), which is"),
		jen.Comment("path+\"/docbind-no-such-route\" when empty; allFound says it serves every path"),
		jen.Comment("below, so none is refused."),
		jen.List(id("unusedMethod"), id("notFoundPath")).String(),
		id("allFound").Bool(),
	)
	f.Line()
	f.Comment("example is a documented example of an operation.")
	f.Type().Id("example").Types(jen.List(id("B"), id("R")).Any()).Struct(
		id("exchange").Id("exampleCase"),
		jen.Comment("call calls the client method with the documented arguments and body."),
		id("call").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("body").Id("B")).Params(id("R"), jen.Error()),
		jen.Comment("servedAs names the operation the handler serves the request as when it is not"),
		jen.Comment("this one; untested leaves the handler untested. wantRequest, but for its JSON"),
		jen.Comment("body, is what the Server receives."),
		id("servedAs").String(),
		id("untested").Bool(),
		id("wantRequest").Any(),
		jen.Comment("noBody sends no body where the docs show one that is not of the body's type."),
		id("noBody").Bool(),
		jen.Comment("extras are the members of the documented bodies that no field declares."),
		id("extras").Index().String(),
	)
	f.Line()
	f.Comment("checkedOp is an opTest as its checks take it: its types B, O and R as values, and")
	f.Comment("its calls with their bodies, options and results as interfaces.")
	f.Type().Id("checkedOp").Struct(
		jen.List(id("name"), id("method")).String(),
		id("status").Int(),
		id("routes").Index().Id("checkedRoute"),
		id("defences").Id("defences"),
		jen.List(id("body"), id("opts"), id("result")).Qual(pkgReflect, "Type"),
	)
	f.Line()
	f.Comment("checkedRoute is a route as the checks take it.")
	f.Type().Id("checkedRoute").Struct(
		jen.List(id("name"), id("path")).String(),
		id("args").Index().String(),
		id("call").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("args").Index().String(), jen.List(jen.Id("body"), jen.Id("opts")).Any()).Params(jen.Any(), jen.Error()),
		id("wantRequest").Any(),
		jen.List(id("unusedMethod"), id("notFoundPath")).String(),
		id("allFound").Bool(),
	)
	f.Line()
	f.Comment("checkedExample is an example as the checks take it.")
	f.Type().Id("checkedExample").Struct(
		id("exchange").Id("exampleCase"),
		id("call").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("body").Any()).Params(jen.Any(), jen.Error()),
		id("servedAs").String(),
		id("untested").Bool(),
		id("wantRequest").Any(),
		id("noBody").Bool(),
		id("extras").Index().String(),
	)
	f.Line()
	f.Comment("defences is what an operation offers an attacker, for checkDefences.")
	f.Type().Id("defences").Struct(
		jen.Comment("queryField is a string option sent as the query parameter queryKey."),
		jen.List(id("queryField"), id("queryKey")).String(),
		jen.Comment("headerField is an option sent as a header."),
		id("headerField").String(),
		jen.Comment("wrongBodies are JSON bodies of the wrong type."),
		id("wrongBodies").Index().String(),
		jen.Comment("routedNear are the near paths of the first served route that another"),
		jen.Comment("documented route serves: no attack got through there."),
		id("routedNear").Index().String(),
	)
	f.Line()
}

// method writes a method of checkedOp. It is not inlined: each is small, a
// t.Run of a closure, and inlining would copy the closure into
// opTest.check, which the compiler writes once for each shape of the
// operations' type arguments.
func method(f *jen.File, name string, params []jen.Code, body ...jen.Code) {
	f.Comment("//go:noinline")
	f.Func().Params(jen.Id("op").Id("checkedOp")).Id(name).Params(params...).Block(body...)
	f.Line()
}

func genCheck(f *jen.File) {
	rt := func(name string) jen.Code { return jen.Qual(pkgReflect, "TypeFor").Types(id(name)).Call() }
	f.Comment("check checks the operation: its documented examples, its routes, its options and")
	f.Comment("its defences. It is the one generic step: it hands the checks the operation's")
	f.Comment("types as values and its calls behind interfaces, so that the compiler writes the")
	f.Comment("checks once, not once for each operation's types.")
	f.Func().Params(jen.Id("op").Op("*").Id("opTest").Add(typeArgs())).Id("check").Params(tParam(), id("examples").Index().Id("example").Types(id("B"), id("R"))).Block(
		id("checked").Op(":=").Id("checkedOp").Values(jen.Dict{
			id("name"): opField("name"), id("method"): opField("method"), id("status"): opField("status"), id("defences"): opField("defences"),
			id("body"): rt("B"), id("opts"): rt("O"), id("result"): rt("R"),
		}),
		jen.For(jen.List(id("_"), id("r")).Op(":=").Range().Add(opField("routes"))).Block(
			id("checked").Dot("routes").Op("=").Append(id("checked").Dot("routes"), id("checkedRoute").Values(jen.Dict{
				id("name"): id("r").Dot("name"), id("path"): id("r").Dot("path"), id("args"): id("r").Dot("args"),
				id("wantRequest"): id("r").Dot("wantRequest"), id("unusedMethod"): id("r").Dot("unusedMethod"),
				id("notFoundPath"): id("r").Dot("notFoundPath"), id("allFound"): id("r").Dot("allFound"),
				id("call"): jen.Func().Params(id("ctx").Qual("context", "Context"), id("c").Op("*").Id("Client"), id("args").Index().String(), jen.List(id("body"), id("opts")).Any()).Params(jen.Any(), jen.Error()).Block(
					jen.List(id("b"), id("_")).Op(":=").Id("body").Assert(id("B")),
					jen.List(id("o"), id("_")).Op(":=").Id("opts").Assert(id("O")),
					jen.Return(id("r").Dot("call").Call(id("ctx"), id("c"), id("args"), id("b"), id("o"))),
				),
			})),
		),
		id("cases").Op(":=").Make(jen.Index().Id("checkedExample"), jen.Lit(0), jen.Len(id("examples"))),
		jen.For(jen.List(id("_"), id("ex")).Op(":=").Range().Id("examples")).Block(
			id("cases").Op("=").Append(id("cases"), id("checkedExample").Values(jen.Dict{
				id("exchange"): id("ex").Dot("exchange"), id("servedAs"): id("ex").Dot("servedAs"), id("untested"): id("ex").Dot("untested"),
				id("wantRequest"): id("ex").Dot("wantRequest"), id("noBody"): id("ex").Dot("noBody"), id("extras"): id("ex").Dot("extras"),
				id("call"): jen.Func().Params(id("ctx").Qual("context", "Context"), id("c").Op("*").Id("Client"), id("body").Any()).Params(jen.Any(), jen.Error()).Block(
					jen.List(id("b"), id("_")).Op(":=").Id("body").Assert(id("B")),
					jen.Return(id("ex").Dot("call").Call(id("ctx"), id("c"), id("b"))),
				),
			})),
		),
		id("checked").Dot("check").Call(id("t"), id("cases")),
	)
	f.Line()
	f.Comment("check checks the operation: its documented examples, its routes, its options and")
	f.Comment("its defences.")
	method(f, "check", []jen.Code{tParam(), id("examples").Index().Id("checkedExample")},
		jen.If(jen.Len(id("examples")).Op(">").Lit(0)).Block(
			id("op").Dot("checkExamples").Call(id("t"), id("examples")),
			id("op").Dot("checkFake").Call(id("t"), id("examples")),
		),
		id("op").Dot("checkRoutes").Call(id("t")),
		jen.Id("t").Dot("Run").Call(jen.Lit("options"), id("op").Dot("checkOptions")),
		id("op").Dot("checkDefences").Call(id("t"), opField("defences")),
	)
}

func genCheckOptions(f *jen.File) {
	f.Comment("checkOptions sends every option, each set, through the client to the handler at")
	f.Comment("the first route it serves: the Server must receive the options as sent, so that")
	f.Comment("a header or query parameter the client and the handler name differently fails.")
	method(f, "checkOptions", []jen.Code{tParam()},
		jen.List(id("opts"), id("ok")).Op(":=").Id("filledOptions").Call(opField("opts")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
		jen.For(jen.List(id("_"), id("r")).Op(":=").Range().Add(opField("routes"))).Block(
			jen.If(id("r").Dot("wantRequest").Op("==").Nil()).Block(jen.Continue()),
			jen.Var().Id("got").Id("received"),
			id("srv").Op(":=").Id("newTestServer").Call(id("handlerFor").Call(id("recording").Call(id("t"), opField("result"), jen.Lit(""), jen.Op("&").Id("got")))),
			jen.Defer().Id("srv").Dot("Close").Call(),
			jen.If(jen.List(id("_"), jen.Err()).Op(":=").Id("r").Dot("call").Call(tCtx(), jen.Id("clientOf").Call(jen.Id("srv")), id("r").Dot("args"), id("sampleBody").Call(opField("body")), id("opts")), jen.Err().Op("!=").Nil()).Block(
				tFatalf("client: %v", jen.Err()),
			),
			jen.If(id("got").Dot("request").Op("==").Nil()).Block(tFatalf("the Server was not called")),
			id("received").Op(":=").Qual(pkgReflect, "ValueOf").Call(id("got").Dot("request")).Dot("Elem").Call().Dot("FieldByName").Call(jen.Lit("Options")),
			jen.If(jen.Op("!").Id("received").Dot("IsValid").Call()).Block(tFatalf("the Server received %T, which has no options", id("got").Dot("request"))),
			id("checkEqual").Call(id("t"), jen.Lit("options the Server received"), id("received").Dot("Interface").Call(), jen.Qual(pkgReflect, "ValueOf").Call(id("opts")).Dot("Elem").Call().Dot("Interface").Call()),
			jen.Return(),
		),
	)
}

func genCheckExamples(f *jen.File) {
	f.Comment("checkExamples sends each documented request through the client to a server")
	f.Comment("answering the documented response, and through the handler to a Server")
	f.Comment("answering the documented result.")
	method(f, "checkExamples", []jen.Code{tParam(), id("examples").Index().Id("checkedExample")},
		jen.Id("t").Dot("Run").Call(jen.Lit("examples"), jen.Func().Params(tParam()).Block(
			jen.For(jen.List(id("_"), id("tt")).Op(":=").Range().Id("examples")).Block(
				jen.Id("t").Dot("Run").Call(tt("exchange").Dot("name"), jen.Func().Params(tParam()).Block(
					id("body").Op(":=").Id("zeroOf").Call(opField("body")),
					jen.If(jen.Op("!").Add(tt("noBody"))).Block(id("body").Op("=").Id("documentedBody").Call(opField("body"), id("t"), tt("exchange"))),
					id("want").Op(":=").Id("documentedResult").Call(opField("result"), id("t"), tt("exchange")),
					id("checkExtras").Call(id("t"), tt("extras"), id("body"), id("want")),
					id("docs").Op(":=").Id("serveDocumented").Call(id("t"), tt("exchange")),
					jen.List(id("got"), jen.Err()).Op(":=").Add(tt("call")).Call(tCtx(), jen.Id("clientOf").Call(jen.Id("docs")), id("body")),
					id("checkResult").Call(id("t"), id("got"), id("want"), jen.Err(), id("docs").Dot("URL"), tt("exchange")),
					jen.If(tt("untested")).Block(
						id("checkEncoded").Call(id("t"), id("want"), tt("exchange")),
						jen.Return(),
					),
					id("servedAs").Op(":=").Qual("cmp", "Or").Call(tt("servedAs"), opField("name")),
					jen.Var().Id("seen").Id("received"),
					id("h").Op(":=").Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
						id("answer"): jen.Func().Params(id("ctx").Qual("context", "Context"), id("name").String(), id("req").Any()).Params(jen.Any(), jen.Error()).Block(
							jen.If(id("name").Op("!=").Id("servedAs")).Block(
								tErrorf("the handler served the documented request as %s, want %s", id("name"), id("servedAs")),
							),
							id("seen").Op("=").Id("receive").Call(id("req")),
							jen.Return(id("respondDocumented").Call(id("ctx"), id("want"), opField("status"), tt("exchange"))),
						),
					})),
					id("checkResponse").Call(id("t"), id("sendDocumented").Call(id("h"), tt("exchange")), tt("exchange")),
					id("checkReceived").Call(id("t"), id("seen"), id("withBody").Call(tt("wantRequest"), id("body")), tt("exchange")),
				)),
			),
		)),
	)
}

func genCheckRoutes(f *jen.File) {
	f.Comment("checkRoutes checks every URL: the client method calls it, and the handler")
	f.Comment("serves it as this operation with its status and refuses what it must.")
	method(f, "checkRoutes", []jen.Code{tParam()},
		jen.Id("t").Dot("Run").Call(jen.Lit("routes"), jen.Func().Params(tParam()).Block(
			jen.For(jen.List(id("_"), id("tt")).Op(":=").Range().Add(opField("routes"))).Block(
				jen.Id("t").Dot("Run").Call(tt("name"), jen.Func().Params(tParam()).Block(
					jen.Comment("call serves h behind a check of the request line and calls the URL."),
					id("call").Op(":=").Func().Params(id("h").Qual(pkgHTTP, "Handler")).Block(
						id("srv").Op(":=").Id("newTestServer").Call(id("expectRequest").Call(id("t"), opField("method"), tt("path"), id("h"))),
						jen.Defer().Id("srv").Dot("Close").Call(),
						jen.If(jen.List(id("_"), jen.Err()).Op(":=").Add(tt("call")).Call(tCtx(), jen.Id("clientOf").Call(jen.Id("srv")), tt("args"), id("sampleBody").Call(opField("body")), id("zeroOf").Call(opField("opts"))), jen.Err().Op("!=").Nil()).Block(
							tFatalf("client: %v", jen.Err()),
						),
					),
					jen.If(tt("wantRequest").Op("==").Nil()).Block(
						id("call").Call(id("answer").Call(opField("status"))),
						jen.Return(),
					),
					jen.Var().Id("got").Id("received"),
					id("h").Op(":=").Id("handlerFor").Call(id("recording").Call(id("t"), opField("result"), opField("name"), jen.Op("&").Id("got"))),
					id("call").Call(id("h")),
					id("checkEqual").Call(id("t"), jen.Lit("request the Server received"), id("got").Dot("request"), tt("wantRequest")),
					id("checkStatus").Call(id("t"), id("h"), opField("method"), tt("path"), jen.Lit(""), opField("status")),
					jen.If(tt("unusedMethod").Op("!=").Lit("")).Block(
						id("checkStatus").Call(id("t"), id("h"), tt("unusedMethod"), tt("path"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusMethodNotAllowed")),
					),
					jen.If(jen.Op("!").Add(tt("allFound"))).Block(
						id("checkStatus").Call(id("t"), id("h"), opField("method"), jen.Qual("cmp", "Or").Call(tt("notFoundPath"), tt("path").Op("+").Lit("/docbind-no-such-route")), jen.Lit(""), jen.Qual(pkgHTTP, "StatusNotFound")),
					),
					jen.If(id("bodyKind").Call(opField("body")).Op("==").Lit("json")).Block(
						id("checkStatus").Call(id("t"), id("h"), opField("method"), tt("path"), jen.Lit(`{"malformed": `), jen.Qual(pkgHTTP, "StatusBadRequest")),
					),
				)),
			),
		)),
	)
}

func genCheckDefences(f *jen.File) {
	empty := func() jen.Code { return jen.Op("&").Id("testServer").Values() }
	status := func(h jen.Code, contentType, body string, code string) jen.Code {
		return id("checkStatusAs").Call(id("t"), h, opField("method"), id("served").Dot("path"), jen.Lit(contentType), jen.Lit(body), jen.Qual(pkgHTTP, code))
	}
	f.Comment("checkDefences checks what the operation does with hostile input. The client")
	f.Comment("honours deadlines and cancellation, closes response bodies, reads a bounded part")
	f.Comment("of an error body, encodes query values, keeps a hostile path value in its segment")
	f.Comment("and refuses a header value with a line break before sending. The handler answers")
	f.Comment("a panic in the Server 500 and keeps serving; a JSON body of another media type")
	f.Comment("gets 415, a too large one 413, one of the wrong JSON type 400; a dot segment, an")
	f.Comment("encoded slash or an empty segment reaches no operation.")
	method(f, "checkDefences", []jen.Code{tParam(), id("d").Id("defences")},
		jen.Id("t").Dot("Run").Call(jen.Lit("defences"), jen.Func().Params(tParam()).Block(
			jen.Comment("call calls a route's client method; content it returns is closed."),
			id("call").Op(":=").Func().Params(id("ctx").Qual("context", "Context"), id("c").Op("*").Id("Client"), id("r").Id("checkedRoute"), id("args").Index().String(), id("opts").Any()).Error().Block(
				jen.List(id("res"), jen.Err()).Op(":=").Id("r").Dot("call").Call(id("ctx"), id("c"), id("args"), id("sampleBody").Call(opField("body")), id("opts")),
				jen.If(jen.List(id("content"), id("ok")).Op(":=").Any().Call(id("res")).Assert(jen.Op("*").Id("Content")), id("ok").Op("&&").Id("content").Op("!=").Nil().Op("&&").Id("content").Dot("Body").Op("!=").Nil()).Block(
					id("content").Dot("Body").Dot("Close").Call(),
				),
				jen.Return(jen.Err()),
			),
			id("first").Op(":=").Add(opField("routes")).Index(jen.Lit(0)),
			jen.Comment("served is the first route the handler serves; withPath the first with path values."),
			jen.Var().List(id("served"), id("withPath")).Op("*").Id("checkedRoute"),
			jen.For(id("i").Op(":=").Range().Add(opField("routes"))).Block(
				id("r").Op(":=").Op("&").Add(opField("routes")).Index(id("i")),
				jen.If(id("served").Op("==").Nil().Op("&&").Id("r").Dot("wantRequest").Op("!=").Nil()).Block(id("served").Op("=").Id("r")),
				jen.If(id("withPath").Op("==").Nil().Op("&&").Id("r").Dot("wantRequest").Op("!=").Nil().Op("&&").Len(id("r").Dot("args")).Op(">").Lit(0)).Block(id("withPath").Op("=").Id("r")),
			),
			id("checkClientDefences").Call(id("t"), jen.Func().Params(id("ctx").Qual("context", "Context"), id("c").Op("*").Id("Client")).Error().Block(
				jen.Return(id("call").Call(id("ctx"), id("c"), id("first"), id("first").Dot("args"), id("zeroOf").Call(opField("opts")))),
			)),
			jen.If(dField("queryField").Op("!=").Lit("")).Block(
				id("opts").Op(":=").Id("withField").Call(opField("opts"), dField("queryField"), id("hostileQueryValue")),
				id("checkQueryValue").Call(id("t"), jen.Func().Params(id("ctx").Qual("context", "Context"), id("c").Op("*").Id("Client")).Error().Block(
					jen.Return(id("call").Call(id("ctx"), id("c"), id("first"), id("first").Dot("args"), id("opts"))),
				), dField("queryKey"), id("hostileQueryValue")),
			),
			jen.If(dField("headerField").Op("!=").Lit("")).Block(
				id("refused").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Qual(pkgHTTP, "Request")).Block(
					jen.Id("t").Dot("Error").Call(jen.Lit("a request with a line break in a header was sent")),
				))),
				jen.Defer().Id("refused").Dot("Close").Call(),
				jen.Err().Op(":=").Id("call").Call(tCtx(), jen.Id("clientOf").Call(jen.Id("refused")), id("first"), id("first").Dot("args"), id("withField").Call(opField("opts"), dField("headerField"), jen.Lit("a\r\nX-Injected: yes"))),
				jen.If(jen.Op("!").Qual("errors", "Is").Call(jen.Err(), id("ErrInvalidHeader"))).Block(
					tErrorf("the client returned %v for a header value with a line break, want ErrInvalidHeader", jen.Err()),
				),
			),
			jen.If(id("withPath").Op("!=").Nil()).Block(
				jen.Comment("A hostile path value stays in its segment and reaches the Server unchanged."),
				id("r").Op(":=").Op("*").Id("withPath"),
				id("field").Op(":=").Id("requestField").Call(id("r").Dot("wantRequest"), id("r").Dot("args").Index(jen.Lit(0))),
				jen.Var().Id("got").Id("received"),
				id("srv").Op(":=").Id("newTestServer").Call(id("handlerFor").Call(id("recording").Call(id("t"), opField("result"), jen.Lit(""), jen.Op("&").Id("got")))),
				jen.Defer().Id("srv").Dot("Close").Call(),
				id("args").Op(":=").Append(jen.Index().String().Values(id("hostileValue")), id("r").Dot("args").Index(jen.Lit(1), jen.Empty()).Op("...")),
				jen.Err().Op(":=").Id("call").Call(tCtx(), jen.Id("clientOf").Call(jen.Id("srv")), id("r"), id("args"), id("zeroOf").Call(opField("opts"))),
				jen.If(id("value").Op(":=").Id("requestValue").Call(id("got").Dot("request"), id("field")), jen.Err().Op("!=").Nil().Op("||").Id("value").Op("!=").Id("hostileValue")).Block(
					tErrorf("the Server received %q (%v), want %q", id("value"), jen.Err(), id("hostileValue")),
				),
			),
			jen.If(id("served").Op("==").Nil()).Block(jen.Return()),
			jen.Comment("A panic in the Server is answered 500, and the handler keeps serving."),
			id("panicking").Op(":=").Id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
				id("answer"): jen.Func().Params(jen.Qual("context", "Context"), jen.String(), jen.Any()).Params(jen.Any(), jen.Error()).Block(
					jen.Panic(jen.Lit("docbind test panic")),
				),
			})),
			id("checkStatus").Call(id("t"), id("panicking"), opField("method"), id("served").Dot("path"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusInternalServerError")),
			id("checkStatus").Call(id("t"), id("panicking"), opField("method"), id("served").Dot("path"), jen.Lit(""), jen.Qual(pkgHTTP, "StatusInternalServerError")),
			jen.Switch(id("bodyKind").Call(opField("body"))).Block(
				jen.Case(jen.Lit("json")).Block(
					status(id("handlerFor").Call(empty()), "text/plain", "{}", "StatusUnsupportedMediaType"),
					status(id("smallHandler").Call(), "application/json", `{"docbind": "longer than the limit"}`, "StatusRequestEntityTooLarge"),
					jen.For(jen.List(id("_"), id("body")).Op(":=").Range().Add(dField("wrongBodies"))).Block(
						id("checkStatusAs").Call(id("t"), id("handlerFor").Call(empty()), opField("method"), id("served").Dot("path"), jen.Lit("application/json"), id("body"), jen.Qual(pkgHTTP, "StatusBadRequest")),
					),
				),
				jen.Case(jen.Lit("stream")).Block(
					jen.Comment("A streamed body longer than the limit is cut, and answered 413 when the"),
					jen.Comment("Server returns the reading error."),
					id("handlerFor").Call(jen.Op("&").Id("testServer").Values(jen.Dict{
						id("answer"): jen.Func().Params(id("_").Qual("context", "Context"), id("_").String(), id("req").Any()).Params(jen.Any(), jen.Error()).Block(
							jen.List(id("_"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgReflect, "ValueOf").Call(id("req")).Dot("Elem").Call().Dot("FieldByName").Call(jen.Lit("Body")).Dot("Interface").Call().Assert(jen.Qual(pkgIO, "Reader"))),
							jen.Return(id("emptyResult").Call(opField("result")), jen.Err()),
						),
					})),
					status(id("smallHandler").Call(), "application/octet-stream", "longer than the limit", "StatusRequestEntityTooLarge"),
				),
			),
			jen.For(jen.List(id("_"), id("path")).Op(":=").Range().Id("nearPaths").Call(id("served").Dot("path"), id("served").Dot("wantRequest"))).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(dField("routedNear"), id("path"))).Block(
					id("checkNotRouted").Call(id("t"), id("handlerFor").Call(empty()), opField("method"), id("path")),
				),
			),
		)),
	)
}

func genDocumentedValues(f *jen.File) {
	typ := func(name string) jen.Code { return id(name).Qual(pkgReflect, "Type") }
	typeOf := func(v jen.Code) jen.Code { return jen.Qual(pkgReflect, "TypeFor").Types(v).Call() }
	f.Comment("zeroOf is the zero value of typ.")
	f.Func().Id("zeroOf").Params(typ("typ")).Any().Block(
		jen.Return(jen.Qual(pkgReflect, "Zero").Call(id("typ")).Dot("Interface").Call()),
	)
	f.Line()
	f.Comment("bodyKind is the kind of body a client method takes: \"none\", \"stream\" or \"json\".")
	f.Func().Id("bodyKind").Params(typ("body")).String().Block(
		jen.Switch(id("body")).Block(
			jen.Case(typeOf(id("none"))).Block(jen.Return(jen.Lit("none"))),
			jen.Case(typeOf(jen.Qual(pkgIO, "Reader"))).Block(jen.Return(jen.Lit("stream"))),
		),
		jen.Return(jen.Lit("json")),
	)
	f.Line()
	f.Comment("documentedBody is the documented request body as a client method takes it, of")
	f.Comment("type body.")
	f.Func().Id("documentedBody").Params(typ("body"), tParam(), id("ex").Id("exampleCase")).Any().Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Switch(id("bodyKind").Call(id("body"))).Block(
			jen.Case(jen.Lit("none")).Block(jen.Return(id("none").Values())),
			jen.Case(jen.Lit("stream")).Block(jen.Return(jen.Qual("strings", "NewReader").Call(id("ex").Dot("requestBody")))),
		),
		id("b").Op(":=").Qual(pkgReflect, "New").Call(id("body")),
		jen.If(id("ex").Dot("requestBody").Op("!=").Lit("")).Block(
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(id("ex").Dot("requestBody")), id("b").Dot("Interface").Call()), jen.Err().Op("!=").Nil()).Block(
				tFatalf("decoding the documented request body: %v", jen.Err()),
			),
		),
		jen.Return(id("b").Dot("Elem").Call().Dot("Interface").Call()),
	)
	f.Line()
	f.Comment("sampleBody is the body of type body the route checks send: none, or an empty stream.")
	f.Func().Id("sampleBody").Params(typ("body")).Any().Block(
		jen.If(id("bodyKind").Call(id("body")).Op("==").Lit("stream")).Block(
			jen.Return(jen.Qual("strings", "NewReader").Call(jen.Lit(""))),
		),
		jen.Return(id("zeroOf").Call(id("body"))),
	)
	f.Line()
	f.Comment("documentedResult is the documented response as a client method returns it: its")
	f.Comment("JSON decoded into a value of type result, or the zero result for content, a")
	f.Comment("monitor, an error or no body.")
	f.Func().Id("documentedResult").Params(typ("result"), tParam(), id("ex").Id("exampleCase")).Any().Block(
		jen.Id("t").Dot("Helper").Call(),
		id("r").Op(":=").Qual(pkgReflect, "New").Call(id("result")),
		jen.If(id("hasJSONBody").Call(id("zeroOf").Call(id("result")), id("ex"))).Block(
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(id("ex").Dot("responseBody")), id("r").Dot("Interface").Call()), jen.Err().Op("!=").Nil()).Block(
				tFatalf("decoding the documented response: %v", jen.Err()),
			),
		),
		jen.Return(id("r").Dot("Elem").Call().Dot("Interface").Call()),
	)
	f.Line()
	f.Comment("hasJSONBody reports a documented response whose body is a JSON result of result's")
	f.Comment("type: not none, content or a monitor, not an error, not empty.")
	f.Func().Id("hasJSONBody").Params(id("result").Any(), id("ex").Id("exampleCase")).Bool().Block(
		jen.Switch(id("result").Assert(jen.Type())).Block(
			jen.Case(id("none"), jen.Op("*").Id("Content"), jen.Op("*").Id("Accepted")).Block(jen.Return(jen.False())),
		),
		jen.Return(id("ex").Dot("status").Op("<").Lit(400).Op("&&").Id("ex").Dot("responseBody").Op("!=").Lit("")),
	)
	f.Line()
	f.Comment("checkEncoded checks that a documented JSON result encodes as the docs show it,")
	f.Comment("for an example whose handler is not tested.")
	f.Func().Id("checkEncoded").Params(tParam(), id("want").Any(), id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Op("!").Id("hasJSONBody").Call(id("want"), id("ex"))).Block(jen.Return()),
		jen.List(id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(id("want")),
		jen.If(jen.Err().Op("!=").Nil()).Block(tFatalf("encoding the documented result: %v", jen.Err())),
		id("checkJSONBody").Call(id("t"), jen.Lit("re-encoded response"), id("data"), id("ex").Dot("responseBody")),
	)
	f.Line()
	f.Comment("checkResult checks what the client returned against the documented response: the")
	f.Comment("result, the content, the monitor or the error.")
	f.Func().Id("checkResult").Params(tParam(), jen.List(id("got"), id("want")).Any(), jen.Err().Error(), id("docsURL").String(), id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(id("ex").Dot("status").Op(">=").Lit(400)).Block(
			id("checkAPIError").Call(id("t"), jen.Err(), id("ex")),
			jen.Return(),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(tFatalf("client: %v", jen.Err())),
		jen.Switch(id("got").Op(":=").Id("got").Assert(jen.Type())).Block(
			jen.Case(id("none")),
			jen.Case(jen.Op("*").Id("Content")).Block(id("checkContent").Call(id("t"), id("got"), id("docsURL"), id("ex"))),
			jen.Case(jen.Op("*").Id("Accepted")).Block(id("checkAccepted").Call(id("t"), id("got"), id("docsURL"), id("ex"))),
			jen.Default().Block(id("checkEqual").Call(id("t"), jen.Lit("client result"), id("got"), id("want"))),
		),
	)
	f.Line()
	f.Comment("respondDocumented is what a test Server answers a documented request with: the")
	f.Comment("documented result, content, monitor or error, with the documented status when it")
	f.Comment("is not the operation's.")
	f.Func().Id("respondDocumented").Params(id("ctx").Qual("context", "Context"), id("want").Any(), id("status").Int(), id("ex").Id("exampleCase")).Params(jen.Any(), jen.Error()).Block(
		jen.If(id("ex").Dot("status").Op(">=").Lit(400)).Block(jen.Return(jen.Nil(), id("documentedError").Call(id("ex")))),
		jen.If(jen.List(id("_"), id("content")).Op(":=").Any().Call(id("want")).Assert(jen.Op("*").Id("Content")), id("content")).Block(
			jen.Return(id("documentedContent").Call(id("ex")), jen.Nil()),
		),
		jen.If(id("ex").Dot("status").Op("!=").Id("status")).Block(id("SetStatus").Call(id("ctx"), id("ex").Dot("status"))),
		jen.If(jen.List(id("_"), id("accepted")).Op(":=").Any().Call(id("want")).Assert(jen.Op("*").Id("Accepted")), id("accepted")).Block(
			jen.Return(id("documentedAccepted").Call(id("ex")), jen.Nil()),
		),
		jen.Return(id("want"), jen.Nil()),
	)
	f.Line()
}

func genReflectHelpers(f *jen.File) {
	rv := func(v jen.Code) *jen.Statement { return jen.Qual(pkgReflect, "ValueOf").Call(v) }
	f.Comment("receive records a request a test Server was called with; the body of a streamed")
	f.Comment("request is read as text and taken out of it.")
	f.Func().Id("receive").Params(id("req").Any()).Id("received").Block(
		id("got").Op(":=").Id("received").Values(jen.Dict{id("request"): id("req")}),
		jen.If(id("body").Op(":=").Add(rv(id("req"))).Dot("Elem").Call().Dot("FieldByName").Call(jen.Lit("Body")), id("body").Dot("Kind").Call().Op("==").Qual(pkgReflect, "Interface").Op("&&").Op("!").Id("body").Dot("IsNil").Call()).Block(
			id("got").Dot("body").Op("=").Id("readAll").Call(id("body").Dot("Interface").Call().Assert(jen.Qual(pkgIO, "Reader"))),
			id("body").Dot("SetZero").Call(),
		),
		jen.Return(id("got")),
	)
	f.Line()
	f.Comment("nearPaths are variations of a path the handler serves that a router must not")
	f.Comment("serve as any operation: a dot segment, an empty segment, and an encoded slash")
	f.Comment("between two segments of the pattern's literal start (want's Pattern).")
	f.Func().Id("nearPaths").Params(id("path").String(), id("want").Any()).Index().String().Block(
		id("first").Op(":=").Qual("strings", "Index").Call(id("path").Index(jen.Lit(1), jen.Empty()), jen.Lit("/")).Op("+").Lit(1),
		jen.If(id("first").Op("<=").Lit(0)).Block(jen.Return(jen.Index().String().Values(id("path").Op("+").Lit("/.."), jen.Lit("/docbind/..").Op("+").Id("path")))),
		id("paths").Op(":=").Index().String().Values(
			id("path").Index(jen.Empty(), id("first")).Op("+").Lit("/docbind/..").Op("+").Id("path").Index(id("first"), jen.Empty()),
			id("path").Index(jen.Empty(), id("first")).Op("+").Lit("/").Op("+").Id("path").Index(id("first"), jen.Empty()),
		),
		jen.List(id("_"), id("pattern"), id("_")).Op(":=").Qual("strings", "Cut").Call(id("patternOf").Call(id("want")), jen.Lit(" ")),
		jen.If(jen.List(id("literal"), id("_"), id("_")).Op(":=").Qual("strings", "Cut").Call(id("pattern"), jen.Lit("{")), id("first").Op("<").Len(id("literal")).Op("-").Lit(1)).Block(
			id("paths").Op("=").Append(id("paths"), id("path").Index(jen.Empty(), id("first")).Op("+").Lit("%2F").Op("+").Id("path").Index(id("first").Op("+").Lit(1), jen.Empty())),
		),
		jen.Return(id("paths")),
	)
	f.Line()
	f.Comment("recording is a test Server that records in got the request it is called with, as")
	f.Comment("the operation want (\"\" takes any), and answers an empty result of its type.")
	f.Func().Id("recording").Params(tParam(), id("result").Qual(pkgReflect, "Type"), id("want").String(), id("got").Op("*").Id("received")).Op("*").Id("testServer").Block(
		jen.Return(jen.Op("&").Id("testServer").Values(jen.Dict{
			id("answer"): jen.Func().Params(id("_").Qual("context", "Context"), id("name").String(), id("req").Any()).Params(jen.Any(), jen.Error()).Block(
				jen.If(id("want").Op("!=").Lit("").Op("&&").Id("name").Op("!=").Id("want")).Block(
					tErrorf("the handler served the request as %s, want %s", id("name"), id("want")),
				),
				jen.Op("*").Id("got").Op("=").Id("receive").Call(id("req")),
				jen.Return(id("emptyResult").Call(id("result")), jen.Nil()),
			),
		})),
	)
	f.Line()
	f.Comment("requestValue is the string field of a request a Server received (\"\" when none was).")
	f.Func().Id("requestValue").Params(id("req").Any(), id("field").String()).String().Block(
		jen.If(id("req").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(rv(id("req")).Dot("Elem").Call().Dot("FieldByName").Call(id("field")).Dot("String").Call()),
	)
	f.Line()
	f.Comment("requestField names the field of the request want that holds the path value.")
	f.Func().Id("requestField").Params(id("want").Any(), id("value").String()).String().Block(
		id("v").Op(":=").Add(rv(id("want"))).Dot("Elem").Call(),
		jen.For(id("i").Op(":=").Lit(1).Op(";").Id("i").Op("<").Id("v").Dot("NumField").Call().Op(";").Id("i").Op("++")).Block(
			jen.If(id("f").Op(":=").Id("v").Dot("Field").Call(id("i")), id("f").Dot("Kind").Call().Op("==").Qual(pkgReflect, "String").Op("&&").Id("f").Dot("String").Call().Op("==").Id("value")).Block(
				jen.Return(id("v").Dot("Type").Call().Dot("Field").Call(id("i")).Dot("Name")),
			),
		),
		jen.Return(jen.Lit("")),
	)
	f.Line()
	f.Comment("withBody is want with the JSON body the Server must receive; nil when the request")
	f.Comment("is not checked.")
	f.Func().Id("withBody").Params(jen.List(id("want"), id("body")).Any()).Any().Block(
		jen.If(id("want").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		id("v").Op(":=").Add(rv(id("want"))).Dot("Elem").Call(),
		id("field").Op(":=").Id("v").Dot("FieldByName").Call(jen.Lit("Body")),
		id("b").Op(":=").Add(rv(id("body"))),
		jen.If(jen.Op("!").Id("field").Dot("IsValid").Call().Op("||").Id("field").Dot("Kind").Call().Op("==").Qual(pkgReflect, "Interface").Op("||").Op("!").Id("b").Dot("IsValid").Call().Op("||").Op("!").Id("b").Dot("Type").Call().Dot("AssignableTo").Call(id("field").Dot("Type").Call())).Block(
			jen.Return(id("want")),
		),
		id("c").Op(":=").Qual(pkgReflect, "New").Call(id("v").Dot("Type").Call()),
		id("c").Dot("Elem").Call().Dot("Set").Call(id("v")),
		id("c").Dot("Elem").Call().Dot("FieldByName").Call(jen.Lit("Body")).Dot("Set").Call(id("b")),
		jen.Return(id("c").Dot("Interface").Call()),
	)
	f.Line()
	f.Comment("emptyResult is an empty result of type result as a Server returns it: a pointer")
	f.Comment("to a zero value.")
	f.Func().Id("emptyResult").Params(id("result").Qual(pkgReflect, "Type")).Any().Block(
		jen.If(id("result").Dot("Kind").Call().Op("==").Qual(pkgReflect, "Pointer")).Block(
			jen.Return(jen.Qual(pkgReflect, "New").Call(id("result").Dot("Elem").Call()).Dot("Interface").Call()),
		),
		jen.Return(id("zeroOf").Call(id("result"))),
	)
	f.Line()
	f.Comment("filledOptions is new options of type opts, a pointer to a struct, with every field")
	f.Comment("set, and false when the operation has no options.")
	f.Func().Id("filledOptions").Params(id("opts").Qual(pkgReflect, "Type")).Params(jen.Any(), jen.Bool()).Block(
		jen.List(id("o"), id("s")).Op(":=").Id("newOptions").Call(id("opts")),
		jen.If(id("s").Dot("NumField").Call().Op("==").Lit(0)).Block(jen.Return(id("o"), jen.False())),
		jen.For(id("i").Op(":=").Range().Id("s").Dot("NumField").Call()).Block(
			id("value").Op(":=").Lit("docbind-").Op("+").Id("s").Dot("Type").Call().Dot("Field").Call(id("i")).Dot("Name"),
			jen.Switch(id("f").Op(":=").Id("s").Dot("Field").Call(id("i")), id("f").Dot("Kind").Call()).Block(
				jen.Case(jen.Qual(pkgReflect, "String")).Block(id("f").Dot("SetString").Call(id("value"))),
				jen.Case(jen.Qual(pkgReflect, "Slice")).Block(id("f").Dot("Set").Call(jen.Qual(pkgReflect, "ValueOf").Call(jen.Index().String().Values(id("value"), jen.Lit("b"))))),
				jen.Case(jen.Qual(pkgReflect, "Pointer")).Block(
					id("n").Op(":=").Lit(3).Op("+").Id("i"),
					id("f").Dot("Set").Call(jen.Qual(pkgReflect, "ValueOf").Call(jen.Op("&").Id("n"))),
				),
			),
		),
		jen.Return(id("o"), jen.True()),
	)
	f.Line()
	f.Comment("withField is new options of type opts with one string field set.")
	f.Func().Id("withField").Params(id("opts").Qual(pkgReflect, "Type"), jen.List(id("field"), id("value")).String()).Any().Block(
		jen.List(id("o"), id("s")).Op(":=").Id("newOptions").Call(id("opts")),
		id("s").Dot("FieldByName").Call(id("field")).Dot("SetString").Call(id("value")),
		jen.Return(id("o")),
	)
	f.Line()
	f.Comment("newOptions is new options of type opts, a pointer to a struct, and the struct.")
	f.Func().Id("newOptions").Params(id("opts").Qual(pkgReflect, "Type")).Params(jen.Any(), jen.Qual(pkgReflect, "Value")).Block(
		id("p").Op(":=").Qual(pkgReflect, "New").Call(id("opts").Dot("Elem").Call()),
		jen.Return(id("p").Dot("Interface").Call(), id("p").Dot("Elem").Call()),
	)
	f.Line()
	f.Comment("checkExtras checks that decoding the documented bodies kept in AdditionalProperties")
	f.Comment("only the members no field declares: any other member there has lost its field.")
	f.Func().Id("checkExtras").Params(tParam(), id("want").Index().String(), id("values").Op("...").Any()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("got").Index().String(),
		jen.For(jen.List(id("_"), id("v")).Op(":=").Range().Id("values")).Block(
			id("got").Op("=").Id("appendExtras").Call(id("got"), rv(id("v"))),
		),
		jen.Qual("slices", "Sort").Call(id("got")),
		jen.If(id("got").Op("=").Qual("slices", "Compact").Call(id("got")), jen.Op("!").Qual("slices", "Equal").Call(id("got"), id("want"))).Block(
			tErrorf("members kept in AdditionalProperties: %q, want %q", id("got"), id("want")),
		),
	)
	f.Line()
	f.Comment("appendExtras appends the keys of every AdditionalProperties in v.")
	f.Func().Id("appendExtras").Params(id("keys").Index().String(), id("v").Qual(pkgReflect, "Value")).Index().String().Block(
		jen.Switch(id("v").Dot("Kind").Call()).Block(
			jen.Case(jen.Qual(pkgReflect, "Pointer"), jen.Qual(pkgReflect, "Interface")).Block(
				jen.If(jen.Op("!").Id("v").Dot("IsNil").Call()).Block(id("keys").Op("=").Id("appendExtras").Call(id("keys"), id("v").Dot("Elem").Call())),
			),
			jen.Case(jen.Qual(pkgReflect, "Struct")).Block(
				jen.For(id("i").Op(":=").Range().Id("v").Dot("NumField").Call()).Block(
					jen.If(id("v").Dot("Type").Call().Dot("Field").Call(id("i")).Dot("Name").Op("!=").Lit("AdditionalProperties")).Block(
						id("keys").Op("=").Id("appendExtras").Call(id("keys"), id("v").Dot("Field").Call(id("i"))),
						jen.Continue(),
					),
					jen.For(jen.List(id("_"), id("k")).Op(":=").Range().Id("v").Dot("Field").Call(id("i")).Dot("MapKeys").Call()).Block(
						id("keys").Op("=").Append(id("keys"), id("k").Dot("String").Call()),
					),
				),
			),
			jen.Case(jen.Qual(pkgReflect, "Slice"), jen.Qual(pkgReflect, "Array")).Block(
				jen.If(id("v").Dot("Type").Call().Dot("Elem").Call().Dot("Kind").Call().Op("==").Qual(pkgReflect, "Uint8")).Block(jen.Break()),
				jen.For(id("i").Op(":=").Range().Id("v").Dot("Len").Call()).Block(
					id("keys").Op("=").Id("appendExtras").Call(id("keys"), id("v").Dot("Index").Call(id("i"))),
				),
			),
			jen.Case(jen.Qual(pkgReflect, "Map")).Block(
				jen.For(id("iter").Op(":=").Id("v").Dot("MapRange").Call(), id("iter").Dot("Next").Call(), jen.Empty()).Block(
					id("keys").Op("=").Id("appendExtras").Call(id("keys"), id("iter").Dot("Value").Call()),
				),
			),
		),
		jen.Return(id("keys")),
	)
	f.Line()
}

func genCheckFake(f *jen.File) {
	f.Comment("checkFake sends each documented request through the client to the fake of")
	f.Comment("NewExampleHandler: the client must get the documented result, the fake must answer")
	f.Comment("the documented status, headers and body, with its links pointed back at itself, to")
	f.Comment("the request as the docs write it too, and those links must answer.")
	method(f, "checkFake", []jen.Code{tParam(), id("examples").Index().Id("checkedExample")},
		jen.Id("t").Dot("Run").Call(jen.Lit("fake"), jen.Func().Params(tParam()).Block(
			jen.For(jen.List(id("_"), id("tt")).Op(":=").Range().Id("examples")).Block(
				jen.Id("t").Dot("Run").Call(tt("exchange").Dot("name"), jen.Func().Params(tParam()).Block(
					id("srv").Op(":=").Id("newTestServer").Call(id("exampleHandler").Call()),
					jen.Defer().Id("srv").Dot("Close").Call(),
					id("ex").Op(":=").Id("fakeAnswer").Call(tt("exchange"), id("srv").Dot("URL")),
					id("body").Op(":=").Id("zeroOf").Call(opField("body")),
					jen.If(jen.Op("!").Add(tt("noBody"))).Block(id("body").Op("=").Id("documentedBody").Call(opField("body"), id("t"), id("ex"))),
					jen.Var().Id("opts").Index().Id("ClientOption"),
					jen.If(tt("exchange").Dot("sameAs").Op("!=").Lit("")).Block(
						jen.Comment("The docs show this request for an earlier example too: ask for this one."),
						id("opts").Op("=").Append(id("opts"), id("WithHeader").Call(id("exampleHeader"), tt("exchange").Dot("name"))),
					),
					id("c").Op(":=").Id("clientOf").Call(id("srv"), id("opts").Op("...")),
					jen.List(id("got"), jen.Err()).Op(":=").Add(tt("call")).Call(tCtx(), id("c"), id("body")),
					id("checkResult").Call(id("t"), id("got"), id("documentedResult").Call(opField("result"), id("t"), id("ex")), jen.Err(), id("srv").Dot("URL"), id("ex")),
					jen.Comment("httptest.NewRequest asks for example.com."),
					id("raw").Op(":=").Id("fakeAnswer").Call(tt("exchange"), jen.Lit("http://example.com")),
					id("checkResponse").Call(id("t"), id("sendDocumented").Call(id("exampleHandler").Call(), id("raw")), id("raw")),
					jen.If(id("raw").Dot("docRequestBody").Op("!=").Lit("")).Block(
						jen.Comment("The fake takes the body as the docs write it too."),
						id("written").Op(":=").Id("raw"),
						id("written").Dot("requestBody").Op("=").Id("raw").Dot("docRequestBody"),
						id("checkResponse").Call(id("t"), id("sendDocumented").Call(id("exampleHandler").Call(), id("written")), id("raw")),
					),
					id("checkFollowUp").Call(id("t"), id("c"), id("got"), id("ex")),
				)),
			),
		)),
	)
	f.Comment("exampleHandler is the fake the tests share: building it once keeps them fast.")
	f.Var().Id("exampleHandler").Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Qual(pkgHTTP, "Handler").Block(
		jen.Return(id("NewExampleHandler").Call()),
	))
	f.Line()
	f.Comment("fakeAnswer is the documented exchange as the fake at base answers it: its links")
	f.Comment("point at base, and it has every documented header but Content-Type, which the")
	f.Comment("fake may make JSON. A request the docs show for an earlier example too asks for")
	f.Comment("this one by name.")
	f.Func().Id("fakeAnswer").Params(id("ex").Id("exampleCase"), id("base").String()).Id("exampleCase").Block(
		id("fake").Op(":=").Op("&").Id("exampleFake").Values(jen.Dict{id("docsBase"): jen.Qual(pkgStrings, "TrimSuffix").Call(id("DefaultBaseURL"), jen.Lit("/"))}),
		id("header").Op(":=").Map(jen.String()).String().Values(),
		jen.Qual(pkgMaps, "Copy").Call(id("header"), id("ex").Dot("fakeHeader")),
		jen.Delete(id("header"), jen.Lit("Content-Type")),
		jen.Qual(pkgMaps, "Copy").Call(id("header"), id("ex").Dot("responseHeader")),
		jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Index().String().Values(jen.Lit("Location"), jen.Lit("Content-Location"))).Block(
			jen.If(jen.List(id("value"), id("ok")).Op(":=").Id("header").Index(id("name")), id("ok")).Block(
				id("header").Index(id("name")).Op("=").Id("fake").Dot("link").Call(id("value"), id("base")),
			),
		),
		id("ex").Dot("responseHeader").Op("=").Id("header"),
		jen.If(id("ex").Dot("sameAs").Op("!=").Lit("")).Block(
			id("asked").Op(":=").Map(jen.String()).String().Values(jen.Dict{id("exampleHeader"): id("ex").Dot("name")}),
			jen.Qual(pkgMaps, "Copy").Call(id("asked"), id("ex").Dot("header")),
			id("ex").Dot("header").Op("=").Id("asked"),
		),
		jen.If(jen.Op("!").Id("ex").Dot("content")).Block(
			id("ex").Dot("responseBody").Op("=").Id("fake").Dot("rebaseLinks").Call(id("ex").Dot("responseBody"), id("base"), jen.False()),
		),
		jen.Return(id("ex")),
	)
	f.Line()
	f.Comment("checkFollowUp follows what the fake's answer leads to: its next links must end in")
	f.Comment("a last page, its monitor report a completed operation, and its content a range.")
	f.Func().Id("checkFollowUp").Params(tParam(), id("c").Op("*").Id("Client"), id("got").Any(), id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.List(id("next"), id("ok")).Op(":=").Id("jsonMember").Call(id("ex").Dot("responseBody"), jen.Lit("@odata.nextLink")), id("ok").Op("&&").Id("ex").Dot("status").Op("<").Lit(400).Op("&&").Op("!").Id("ex").Dot("content")).Block(
			jen.Comment("The docs may show the next pages; the fake ends with a last page."),
			jen.For(id("pages").Op(":=").Lit(0), id("next").Op("!=").Lit(""), id("pages").Op("++")).Block(
				jen.If(id("pages").Op("==").Lit(10)).Block(tFatalf("the next links do not end: %s", id("next"))),
				jen.List(id("page"), jen.Err()).Op(":=").Id("FollowLink").Types(jen.Map(jen.String()).Any()).Call(tCtx(), id("c"), id("next")),
				jen.If(jen.Err().Op("!=").Nil()).Block(tFatalf("following the next link %s: %v", id("next"), jen.Err())),
				jen.List(id("next"), id("_")).Op("=").Parens(jen.Op("*").Id("page")).Index(jen.Lit("@odata.nextLink")).Assert(jen.String()),
			),
		),
		jen.If(jen.List(id("a"), id("ok")).Op(":=").Id("got").Assert(jen.Op("*").Id("Accepted")), id("ok").Op("&&").Id("a").Op("!=").Nil()).Block(
			jen.If(jen.List(id("done"), id("_"), jen.Err()).Op(":=").Id("a").Dot("Poll").Call(tCtx()), jen.Err().Op("!=").Nil().Op("||").Op("!").Id("done")).Block(
				tErrorf("polling the monitor %s: done %v, %v", id("a").Dot("Location"), id("done"), jen.Err()),
			),
		),
		jen.If(id("ex").Dot("content").Op("&&").Id("ex").Dot("status").Op("==").Qual(pkgHTTP, "StatusOK").Op("&&").Id("ex").Dot("method").Op("==").Qual(pkgHTTP, "MethodGet").Op("&&").Id("ex").Dot("responseBody").Op("!=").Lit("")).Block(
			id("ranged").Op(":=").Id("ex"),
			id("ranged").Dot("header").Op("=").Map(jen.String()).String().Values(jen.Dict{jen.Lit("Range"): jen.Lit("bytes=0-0")}),
			jen.Qual(pkgMaps, "Copy").Call(id("ranged").Dot("header"), id("ex").Dot("header")),
			id("rec").Op(":=").Id("sendDocumented").Call(id("exampleHandler").Call(), id("ranged")),
			jen.If(id("rec").Dot("Code").Op("!=").Qual(pkgHTTP, "StatusPartialContent").Op("||").Id("rec").Dot("Body").Dot("String").Call().Op("!=").Id("ex").Dot("responseBody").Index(jen.Empty(), jen.Lit(1))).Block(
				tErrorf("the fake answered bytes=0-0 with %d %q, want 206 %q", id("rec").Dot("Code"), id("rec").Dot("Body"), id("ex").Dot("responseBody").Index(jen.Empty(), jen.Lit(1))),
			),
		),
	)
	f.Line()
}
