package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgHTTPTest = "net/http/httptest"

func genTestHelpers(f *jen.File, api *model.API, _ Options) {
	genServeDocumented(f)
	genSendDocumented(f)
	genCheckResponse(f)
	genReceived(f)
	genResultHelpers(f)
	genExpectRequest(f)
	genCheckStatus(f)
	genCheckJSONBody(f)
	genCheckEqual(f)
	genPtr(f)
	genDecodeAs(f)
	genTestServer(f, api)
	genMemoryServer(f)
	genSharedHandler(f)
	genDefenceHelpers(f)
	genOpChecks(f)
	genDeclaredMembersTest(f, api)
	genResolveReferenceTest(f)
	for _, op := range api.Operations {
		if op.Result.Kind == model.ResultAccepted {
			genWaitForTest(f)
			break
		}
	}
}

func genServeDocumented(f *jen.File) {
	f.Comment("serveDocumented starts a server that checks each request against the documented")
	f.Comment("one and answers with the documented response.")
	f.Func().Id("serveDocumented").Params(tParam(), jen.Id("ex").Id("exampleCase")).Op("*").Qual(pkgHTTPTest, "Server").Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("check").Op(":=").Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.If(jen.Id("got").Op(":=").Id("r").Dot("URL").Dot("Query").Call(), jen.Len(jen.Id("got")).Op("+").Len(jen.Id("ex").Dot("query")).Op(">").Lit(0).Op("&&").Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("got"), jen.Id("ex").Dot("query"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent the query %v, docs show %v"), jen.Id("got"), jen.Id("ex").Dot("query")),
			),
			jen.For(jen.List(jen.Id("name"), jen.Id("want")).Op(":=").Range().Id("ex").Dot("header")).Block(
				jen.If(jen.Id("got").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Id("name")), jen.Id("got").Op("!=").Id("want")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent header %s: %q, docs show %q"), jen.Id("name"), jen.Id("got"), jen.Id("want")),
				),
			),
			jen.Id("body").Op(":=").Id("readAll").Call(jen.Id("r").Dot("Body")),
			jen.If(jen.Id("ex").Dot("contentType").Op("!=").Lit("")).Block(
				jen.If(jen.Id("body").Op("!=").Id("ex").Dot("requestBody").Op("||").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")).Op("!=").Id("ex").Dot("contentType")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent %q as %s, docs show %q as %s"), jen.Id("body"), jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("ex").Dot("requestBody"), jen.Id("ex").Dot("contentType")),
				),
			).Else().Block(
				jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Lit("request body"), jen.Index().Byte().Call(jen.Id("body")), jen.Id("ex").Dot("requestBody")),
				jen.If(jen.Id("ct").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Len(jen.Id("body")).Op(">").Lit(0).Op("&&").Op("!").Id("isJSON").Call(jen.Id("ct"))).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent a JSON body as %q"), jen.Id("ct")),
				),
			),
			jen.If(jen.Id("ex").Dot("responseBody").Op("!=").Lit("").Op("&&").Op("!").Id("ex").Dot("content")).Block(
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
			),
			jen.For(jen.List(jen.Id("name"), jen.Id("value")).Op(":=").Range().Id("ex").Dot("responseHeader")).Block(
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Id("name"), jen.Id("value")),
			),
			jen.Id("w").Dot("WriteHeader").Call(jen.Id("ex").Dot("status")),
			jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "WriteString").Call(jen.Id("w"), jen.Id("ex").Dot("responseBody")),
		),
		jen.Id("srv").Op(":=").Id("newTestServer").Call(jen.Id("expectRequest").Call(jen.Id("t"), jen.Id("ex").Dot("method"), jen.Id("ex").Dot("path"), jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Id("check")))),
		jen.Id("t").Dot("Cleanup").Call(jen.Id("srv").Dot("Close")),
		jen.Return(jen.Id("srv")),
	)
	f.Line()
}

func genSendDocumented(f *jen.File) {
	f.Comment("sendDocumented sends the documented request to h and records the answer.")
	f.Func().Id("sendDocumented").Params(jen.Id("h").Qual(pkgHTTP, "Handler"), jen.Id("ex").Id("exampleCase")).Op("*").Qual(pkgHTTPTest, "ResponseRecorder").Block(
		jen.Id("target").Op(":=").Id("ex").Dot("path"),
		jen.If(jen.Len(jen.Id("ex").Dot("query")).Op(">").Lit(0)).Block(jen.Id("target").Op("+=").Lit("?").Op("+").Id("ex").Dot("query").Dot("Encode").Call()),
		jen.Id("req").Op(":=").Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("ex").Dot("method"), jen.Id("target"), jen.Qual("strings", "NewReader").Call(jen.Id("ex").Dot("requestBody"))),
		jen.Switch().Block(
			jen.Case(jen.Id("ex").Dot("contentType").Op("!=").Lit("")).Block(jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("ex").Dot("contentType"))),
			jen.Case(jen.Id("ex").Dot("requestBody").Op("!=").Lit("")).Block(jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json"))),
		),
		jen.For(jen.List(jen.Id("name"), jen.Id("value")).Op(":=").Range().Id("ex").Dot("header")).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Id("name"), jen.Id("value")),
		),
		jen.Id("rec").Op(":=").Qual(pkgHTTPTest, "NewRecorder").Call(),
		jen.Id("h").Dot("ServeHTTP").Call(jen.Id("rec"), jen.Id("req")),
		jen.Return(jen.Id("rec")),
	)
	f.Line()
}

func genCheckResponse(f *jen.File) {
	f.Comment("checkResponse checks the handler's answer against the documented response:")
	f.Comment("status, the documented headers, and the body (content byte for byte, JSON as a")
	f.Comment("value).")
	f.Func().Id("checkResponse").Params(tParam(), jen.Id("rec").Op("*").Qual(pkgHTTPTest, "ResponseRecorder"), jen.Id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("rec").Dot("Code").Op("!=").Id("ex").Dot("status")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("handler answered %d, docs show %d: %s"), jen.Id("rec").Dot("Code"), jen.Id("ex").Dot("status"), jen.Id("rec").Dot("Body")),
		),
		jen.For(jen.List(jen.Id("name"), jen.Id("want")).Op(":=").Range().Id("ex").Dot("responseHeader")).Block(
			jen.If(jen.Id("got").Op(":=").Id("rec").Dot("Header").Call().Dot("Get").Call(jen.Id("name")), jen.Id("got").Op("!=").Id("want")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("handler answered %s: %q, docs show %q"), jen.Id("name"), jen.Id("got"), jen.Id("want")),
			),
		),
		jen.If(jen.Id("ex").Dot("content")).Block(
			jen.If(jen.Id("rec").Dot("Body").Dot("String").Call().Op("!=").Id("ex").Dot("responseBody")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("handler answered %q, docs show %q"), jen.Id("rec").Dot("Body"), jen.Id("ex").Dot("responseBody")),
			),
			jen.Return(),
		),
		jen.If(jen.Id("ex").Dot("status").Op(">=").Lit(400).Op("&&").Qual("strings", "TrimSpace").Call(jen.Id("ex").Dot("responseBody")).Op("==").Lit("")).Block(
			jen.Comment("The docs show an error without its body: the handler's error body is its own."),
			jen.Return(),
		),
		jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Lit("handler response"), jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Id("ex").Dot("responseBody")),
		jen.If(jen.Id("ct").Op(":=").Id("rec").Dot("Header").Call().Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("rec").Dot("Body").Dot("Len").Call().Op(">").Lit(0).Op("&&").Op("!").Id("isJSON").Call(jen.Id("ct"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("handler answered JSON as %q"), jen.Id("ct")),
		),
	)
	f.Line()
}

func genReceived(f *jen.File) {
	f.Comment("received is what a test Server was called with: the request, and the body of a")
	f.Comment("streamed request as text.")
	f.Type().Id("received").Struct(jen.Id("request").Any(), jen.Id("body").String())
	f.Line()
	f.Comment("checkReceived compares what the Server received with what the docs send. A nil")
	f.Comment("want skips the request, which belongs to the operation that serves the URL.")
	f.Comment("The route it arrived by must be the example's, which the fake matches on.")
	f.Func().Id("checkReceived").Params(tParam(), jen.Id("got").Id("received"), jen.Id("want").Any(), jen.Id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("want").Op("!=").Nil()).Block(jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("request the Server received"), jen.Id("got").Dot("request"), jen.Id("want"))),
		jen.If(jen.Id("got").Dot("request").Op("!=").Nil().Op("&&").Id("ex").Dot("pattern").Op("!=").Lit("")).Block(
			jen.If(jen.Id("p").Op(":=").Id("patternOf").Call(jen.Id("got").Dot("request")), jen.Id("p").Op("!=").Lit("").Op("&&").Id("p").Op("!=").Id("ex").Dot("pattern")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("the handler served the documented request as %s, the example names %s"), jen.Id("p"), jen.Id("ex").Dot("pattern")),
			),
		),
		jen.If(jen.Id("ex").Dot("contentType").Op("!=").Lit("").Op("&&").Id("got").Dot("body").Op("!=").Id("ex").Dot("requestBody")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("the Server received the body %q, docs show %q"), jen.Id("got").Dot("body"), jen.Id("ex").Dot("requestBody")),
		),
	)
	f.Line()
	f.Comment("patternOf is the route a Server's request arrived by, its Pattern field; \"\" for a")
	f.Comment("type without one.")
	f.Func().Id("patternOf").Params(jen.Id("req").Any()).String().Block(
		jen.If(jen.Id("p").Op(":=").Qual(pkgReflect, "ValueOf").Call(jen.Id("req")).Dot("Elem").Call().Dot("FieldByName").Call(jen.Lit("Pattern")), jen.Id("p").Dot("IsValid").Call()).Block(
			jen.Return(jen.Id("p").Dot("String").Call()),
		),
		jen.Return(jen.Lit("")),
	)
	f.Line()
	f.Comment("readAll reads a body as text; a test fails on what it reads, not on how.")
	f.Func().Id("readAll").Params(jen.Id("r").Qual(pkgIO, "Reader")).String().Block(
		jen.If(jen.Id("r").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Id("r")),
		jen.Return(jen.String().Call(jen.Id("data"))),
	)
	f.Line()
	f.Comment("answer is a handler that answers status with no body.")
	f.Func().Id("answer").Params(jen.Id("status").Int()).Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("_").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		))),
	)
	f.Line()
}

func genResultHelpers(f *jen.File) {
	f.Comment("documentedLocation is the documented Location resolved against the URL of the")
	f.Comment("documented request sent to the server at docsURL: the URL the client must return")
	f.Comment("(\"\" when the docs show none).")
	f.Func().Id("documentedLocation").Params(jen.Id("docsURL").String(), jen.Id("ex").Id("exampleCase")).String().Block(
		jen.Id("loc").Op(":=").Id("ex").Dot("responseHeader").Index(jen.Lit("Location")),
		jen.If(jen.Id("loc").Op("==").Lit("")).Block(jen.Return(jen.Lit(""))),
		jen.Id("target").Op(":=").Id("docsURL").Op("+").Id("ex").Dot("path"),
		jen.If(jen.Len(jen.Id("ex").Dot("query")).Op(">").Lit(0)).Block(jen.Id("target").Op("+=").Lit("?").Op("+").Id("ex").Dot("query").Dot("Encode").Call()),
		jen.Return(jen.Id("resolveReference").Call(jen.Id("target"), jen.Id("loc"))),
	)
	f.Line()
	f.Comment("checkContent checks content the client returned from the server at docsURL")
	f.Comment("against the documented response.")
	f.Func().Id("checkContent").Params(tParam(), jen.Id("got").Op("*").Id("Content"), jen.Id("docsURL").String(), jen.Id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("want").Op(":=").Id("documentedLocation").Call(jen.Id("docsURL"), jen.Id("ex")), jen.Id("got").Dot("StatusCode").Op("!=").Id("ex").Dot("status").Op("||").Id("got").Dot("Location").Op("!=").Id("want")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("client got %d at %q, docs show %d at %q"), jen.Id("got").Dot("StatusCode"), jen.Id("got").Dot("Location"), jen.Id("ex").Dot("status"), jen.Id("want")),
		),
		jen.If(jen.Id("got").Dot("Body").Op("!=").Nil()).Block(
			jen.Defer().Id("got").Dot("Body").Dot("Close").Call(),
			jen.If(jen.Id("body").Op(":=").Id("readAll").Call(jen.Id("got").Dot("Body")), jen.Id("body").Op("!=").Id("ex").Dot("responseBody")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("client got %q, docs show %q"), jen.Id("body"), jen.Id("ex").Dot("responseBody")),
			),
		),
	)
	f.Line()
	f.Comment("documentedContent is the documented response as content a Server returns.")
	f.Func().Id("documentedContent").Params(jen.Id("ex").Id("exampleCase")).Op("*").Id("Content").Block(
		jen.Id("c").Op(":=").Op("&").Id("Content").Values(jen.Dict{jen.Id("StatusCode"): jen.Id("ex").Dot("status"), jen.Id("Header"): jen.Qual(pkgHTTP, "Header").Values(), jen.Id("Location"): jen.Id("ex").Dot("responseHeader").Index(jen.Lit("Location"))}),
		jen.For(jen.List(jen.Id("name"), jen.Id("value")).Op(":=").Range().Id("ex").Dot("responseHeader")).Block(jen.Id("c").Dot("Header").Dot("Set").Call(jen.Id("name"), jen.Id("value"))),
		jen.If(jen.Id("ex").Dot("responseBody").Op("!=").Lit("")).Block(jen.Id("c").Dot("Body").Op("=").Qual(pkgIO, "NopCloser").Call(jen.Qual("strings", "NewReader").Call(jen.Id("ex").Dot("responseBody")))),
		jen.Return(jen.Id("c")),
	)
	f.Line()
	f.Comment("checkAccepted checks the monitor URL of an operation the client started at the")
	f.Comment("server at docsURL: the documented Location, resolved against the request's URL.")
	f.Func().Id("checkAccepted").Params(tParam(), jen.Id("got").Op("*").Id("Accepted"), jen.Id("docsURL").String(), jen.Id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("want").Op(":=").Id("documentedLocation").Call(jen.Id("docsURL"), jen.Id("ex")), jen.Id("got").Dot("Location").Op("!=").Id("want")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("client got the monitor %q, docs show %q (%q resolved)"), jen.Id("got").Dot("Location"), jen.Id("want"), jen.Id("ex").Dot("responseHeader").Index(jen.Lit("Location"))),
		),
	)
	f.Line()
	f.Comment("documentedAccepted is the documented long-running operation a Server returns.")
	f.Func().Id("documentedAccepted").Params(jen.Id("ex").Id("exampleCase")).Op("*").Id("Accepted").Block(
		jen.Return(jen.Op("&").Id("Accepted").Values(jen.Dict{jen.Id("Location"): jen.Id("ex").Dot("responseHeader").Index(jen.Lit("Location"))})),
	)
	f.Line()
	f.Comment("checkAPIError checks that the client returned the documented error.")
	f.Func().Id("checkAPIError").Params(tParam(), jen.Err().Error(), jen.Id("ex").Id("exampleCase")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("apiErr").Op("*").Id("APIError"),
		jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr"))).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("client returned %v, want the documented %d error"), jen.Err(), jen.Id("ex").Dot("status")),
		),
		jen.Var().Id("env").Id("errorEnvelope"),
		jen.Id("_").Op("=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("ex").Dot("responseBody")), jen.Op("&").Id("env")),
		jen.If(jen.Id("apiErr").Dot("StatusCode").Op("!=").Id("ex").Dot("status").Op("||").Id("apiErr").Dot("Code").Op("!=").Id("env").Dot("Error").Dot("Code")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("client error %d %q, docs show %d %q"), jen.Id("apiErr").Dot("StatusCode"), jen.Id("apiErr").Dot("Code"), jen.Id("ex").Dot("status"), jen.Id("env").Dot("Error").Dot("Code")),
		),
	)
	f.Line()
	f.Comment("documentedError is the documented error a Server returns: answered with its body.")
	f.Func().Id("documentedError").Params(jen.Id("ex").Id("exampleCase")).Error().Block(
		jen.Return(jen.Op("&").Id("APIError").Values(jen.Dict{jen.Id("StatusCode"): jen.Id("ex").Dot("status"), jen.Id("Body"): jen.Index().Byte().Call(jen.Id("ex").Dot("responseBody"))})),
	)
	f.Line()
}

func genExpectRequest(f *jen.File) {
	f.Comment("expectRequest wraps next with a check that the request line is method and path.")
	f.Func().Id("expectRequest").Params(tParam(), jen.List(jen.Id("method"), jen.Id("path")).String(), jen.Id("next").Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.If(jen.Id("r").Dot("Method").Op("!=").Id("method").Op("||").Id("r").Dot("URL").Dot("EscapedPath").Call().Op("!=").Id("path")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent %s %s, want %s %s"), jen.Id("r").Dot("Method"), jen.Id("r").Dot("URL").Dot("EscapedPath").Call(), jen.Id("method"), jen.Id("path")),
			),
			jen.Id("next").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r")),
		))),
	)
	f.Line()
}

func genCheckStatus(f *jen.File) {
	f.Comment("checkStatus sends a request with a JSON body (when not empty) to h and checks the")
	f.Comment("status it answers.")
	f.Func().Id("checkStatus").Params(tParam(), jen.Id("h").Qual(pkgHTTP, "Handler"), jen.List(jen.Id("method"), jen.Id("path"), jen.Id("body")).String(), jen.Id("want").Int()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("contentType").Op(":=").Lit(""),
		jen.If(jen.Id("body").Op("!=").Lit("")).Block(jen.Id("contentType").Op("=").Lit("application/json")),
		jen.Id("checkStatusAs").Call(jen.Id("t"), jen.Id("h"), jen.Id("method"), jen.Id("path"), jen.Id("contentType"), jen.Id("body"), jen.Id("want")),
	)
	f.Line()
	f.Comment("checkStatusAs sends a request to h and checks the status it answers. An error")
	f.Comment("the handler answers itself must carry the Graph-style error body.")
	f.Func().Id("checkStatusAs").Params(tParam(), jen.Id("h").Qual(pkgHTTP, "Handler"), jen.List(jen.Id("method"), jen.Id("path"), jen.Id("contentType"), jen.Id("body")).String(), jen.Id("want").Int()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("req").Op(":=").Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("method"), jen.Id("path"), jen.Qual("strings", "NewReader").Call(jen.Id("body"))),
		jen.If(jen.Id("contentType").Op("!=").Lit("")).Block(jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType"))),
		jen.Id("rec").Op(":=").Qual(pkgHTTPTest, "NewRecorder").Call(),
		jen.Id("h").Dot("ServeHTTP").Call(jen.Id("rec"), jen.Id("req")),
		jen.If(jen.Id("rec").Dot("Code").Op("!=").Id("want")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: status %d, want %d: %s"), jen.Id("method"), jen.Id("path"), jen.Id("rec").Dot("Code"), jen.Id("want"), jen.Id("rec").Dot("Body")),
			jen.Return(),
		),
		jen.If(jen.Id("want").Op("==").Qual(pkgHTTP, "StatusBadRequest").Op("||").Id("want").Op("==").Qual(pkgHTTP, "StatusRequestEntityTooLarge").Op("||").Id("want").Op("==").Qual(pkgHTTP, "StatusUnsupportedMediaType").Op("||").Id("want").Op("==").Qual(pkgHTTP, "StatusInternalServerError")).Block(
			jen.Var().Id("env").Id("errorEnvelope"),
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Op("&").Id("env")), jen.Err().Op("!=").Nil().Op("||").Id("env").Dot("Error").Dot("Code").Op("==").Lit("")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: error body is not a Graph error: %s"), jen.Id("method"), jen.Id("path"), jen.Id("rec").Dot("Body")),
			),
			jen.Id("checkNoDetail").Call(jen.Id("t"), jen.Id("method").Op("+").Lit(" ").Op("+").Id("path"), jen.Id("rec").Dot("Body").Dot("String").Call()),
			jen.If(jen.Id("ct").Op(":=").Id("rec").Dot("Header").Call().Dot("Get").Call(jen.Lit("Content-Type")), jen.Op("!").Id("isJSON").Call(jen.Id("ct"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: the error body is sent as %q"), jen.Id("method"), jen.Id("path"), jen.Id("ct")),
			),
		),
	)
	f.Line()
}

func genCheckJSONBody(f *jen.File) {
	f.Comment("checkJSONBody checks that got is the JSON value want, whatever the member order")
	f.Comment("and spacing; two empty bodies are equal.")
	f.Func().Id("checkJSONBody").Params(tParam(), jen.Id("what").String(), jen.Id("got").Index().Byte(), jen.Id("want").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("got"))).Op("==").Lit(0).Op("&&").Qual("strings", "TrimSpace").Call(jen.Id("want")).Op("==").Lit("")).Block(jen.Return()),
		jen.Var().List(jen.Id("gotValue"), jen.Id("wantValue")).Any(),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("got"), jen.Op("&").Id("gotValue")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("%s is not JSON: %v\n%s"), jen.Id("what"), jen.Err(), jen.Id("got")),
			jen.Return(),
		),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("want")), jen.Op("&").Id("wantValue")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("documented %s is not JSON: %v"), jen.Id("what"), jen.Err()),
		),
		jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("gotValue"), jen.Id("wantValue"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("%s differs from the docs:\n got: %s\nwant: %s"), jen.Id("what"), jen.Id("got"), jen.Id("want")),
		),
	)
	f.Line()
}

func genCheckEqual(f *jen.File) {
	f.Comment("checkEqual compares two values of the generated types, showing both as JSON.")
	f.Func().Id("checkEqual").Params(tParam(), jen.Id("what").String(), jen.List(jen.Id("got"), jen.Id("want")).Any()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("got"), jen.Id("want"))).Block(
			jen.List(jen.Id("gotJSON"), jen.Id("_")).Op(":=").Qual(pkgJSON, "MarshalIndent").Call(jen.Id("got"), jen.Lit(""), jen.Lit("  ")),
			jen.List(jen.Id("wantJSON"), jen.Id("_")).Op(":=").Qual(pkgJSON, "MarshalIndent").Call(jen.Id("want"), jen.Lit(""), jen.Lit("  ")),
			jen.Id("t").Dot("Errorf").Call(jen.Lit("%s:\n got: %s\nwant: %s"), jen.Id("what"), jen.Id("gotJSON"), jen.Id("wantJSON")),
		),
	)
	f.Line()
}

func genPtr(f *jen.File) {
	f.Comment("ptr returns a pointer to v, for optional fields in expected values.")
	f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
	f.Line()
}

func genTestServer(f *jen.File, api *model.API) {
	f.Comment("testServer implements Server by asking answer, which is told the operation's")
	f.Comment("name; a nil answer answers 501 Not Implemented.")
	f.Type().Id("testServer").Struct(
		jen.Id("Unimplemented"),
		jen.Id("answer").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").String(), jen.Id("req").Any()).Params(jen.Any(), jen.Error()),
	)
	f.Line()
	genAnswerHelpers(f)
	for _, op := range servedOps(api) {
		params := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)}
		ask := jen.Id("s").Dot("ask").Call(jen.Id("ctx"), jen.Lit(op.Name), jen.Id("req"))
		var body []jen.Code
		if t := resultType(op); t != nil {
			body = []jen.Code{
				jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(ask),
				jen.List(jen.Id("out"), jen.Id("_")).Op(":=").Id("res").Assert(t),
				jen.Return(jen.Id("out"), jen.Err()),
			}
		} else {
			body = []jen.Code{
				jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(ask),
				jen.Return(jen.Err()),
			}
		}
		f.Comment(fmt.Sprintf("%s asks s.answer.", op.Name))
		f.Func().Params(jen.Id("s").Op("*").Id("testServer")).Id(op.Name).Params(params...).Params(serverResults(op)...).Block(body...)
		f.Line()
	}
}

// genAnswerHelpers writes what each testServer method calls: answer, or
// 501 Not Implemented when answer is nil.
func genAnswerHelpers(f *jen.File) {
	f.Comment("ask asks s.answer for the result of op; without an answer, op is not")
	f.Comment("implemented. Each testServer method asserts the result's type itself, rather")
	f.Comment("than through a generic helper given its Unimplemented method: that would cost")
	f.Comment("the compiler an instance and a closure per operation.")
	f.Func().Params(jen.Id("s").Op("*").Id("testServer")).Id("ask").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").String(), jen.Id("req").Any()).Params(jen.Any(), jen.Error()).Block(
		jen.If(jen.Id("s").Dot("answer").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Id("notImplemented").Call(jen.Id("op")))),
		jen.Return(jen.Id("s").Dot("answer").Call(jen.Id("ctx"), jen.Id("op"), jen.Id("req"))),
	)
	f.Line()
}

// genSharedHandler writes the one handler every test sends to. Building a
// router per test costs a registration of every route each time, which
// makes the tests of a Graph-size package quadratic; the tests instead set
// the hooks of one Server behind one handler. They do not run in parallel.
func genSharedHandler(f *jen.File) {
	f.Var().Defs(
		jen.Id("sharedServer").Op("=").Op("&").Id("testServer").Values(),
		jen.Id("sharedHandler").Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Qual(pkgHTTP, "Handler").Block(
			jen.Return(jen.Id("NewHandler").Call(jen.Id("sharedServer"))),
		)),
	)
	f.Line()
	f.Comment("smallHandler is the shared Server behind a handler that takes 8-byte bodies.")
	f.Var().Id("smallHandler").Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Id("NewHandler").Call(jen.Id("sharedServer"), jen.Id("WithMaxBodyBytes").Call(jen.Lit(8)))),
	))
	f.Line()
	f.Comment("handlerFor returns the shared handler, now calling the hooks of s. It takes")
	f.Comment("*testServer rather than Server: each conversion to an interface of one method")
	f.Comment("per operation costs the compiler a check of every method.")
	f.Func().Id("handlerFor").Params(jen.Id("s").Op("*").Id("testServer")).Qual(pkgHTTP, "Handler").Block(
		jen.Op("*").Id("sharedServer").Op("=").Op("*").Id("s"),
		jen.Return(jen.Id("sharedHandler").Call()),
	)
	f.Line()
}

// resolveReferenceCases are RFC 3986 section 5.4's examples of resolving a
// reference against http://a/b/c/d;p?q, all of them, and references whose
// characters net/url would escape, which must stay as sent.
var resolveReferenceCases = [][2]string{
	{"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
	{"/g", "http://a/g"}, {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
	{"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"},
	{";x", "http://a/b/c/;x"}, {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
	{"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
	{"../", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
	{"../../g", "http://a/g"},
	{"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"}, {"/../g", "http://a/g"},
	{"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"},
	{"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
	{"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
	{"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
	{"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"}, {"http:g", "http:g"},
	{"/teams({id})/operations({opId})", "http://a/teams({id})/operations({opId})"},
	{"/teams('a%2Fb')/operations('c d')", "http://a/teams('a%2Fb')/operations('c d')"},
	{"https://x.example/items/{item-id}/ops/{op-id}?a=[1]", "https://x.example/items/{item-id}/ops/{op-id}?a=[1]"},
}

// genResolveReferenceTest writes a test of resolveReference, which the
// client resolves a Location with and the example tests their expectation.
func genResolveReferenceTest(f *jen.File) {
	var cases []jen.Code
	for _, c := range resolveReferenceCases {
		cases = append(cases, jen.Values(jen.Lit(c[0]), jen.Lit(c[1])))
	}
	f.Comment("TestResolveReference resolves the references of RFC 3986 section 5.4 against its")
	f.Comment("base URL, and references whose characters must stay as the server sent them.")
	f.Func().Id("TestResolveReference").Params(tParam()).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Index().Index(jen.Lit(2)).String().Add(lines(cases))).Block(
			jen.If(jen.Id("got").Op(":=").Id("resolveReference").Call(jen.Lit("http://a/b/c/d;p?q"), jen.Id("c").Index(jen.Lit(0))), jen.Id("got").Op("!=").Id("c").Index(jen.Lit(1))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("resolveReference(%q) = %q, want %q"), jen.Id("c").Index(jen.Lit(0)), jen.Id("got"), jen.Id("c").Index(jen.Lit(1))),
			),
		),
	)
	f.Line()
}

// genMemoryServer writes newTestServer, which the tests start their servers
// with: an httptest.Server whose connections are in-memory pipes. The tests
// of a large API start thousands of servers; on loopback sockets each leaves
// connections in TIME_WAIT, which makes every later bind slower (a third of
// the Graph package's test time) and could run out of ports. Requests and
// answers are still HTTP/1.1, written and read by net/http on both sides.
func genMemoryServer(f *jen.File) {
	l := func() *jen.Statement { return jen.Id("l").Op("*").Id("memListener") }
	f.Comment("memListener is a net.Listener whose connections are in-memory pipes.")
	f.Type().Id("memListener").Struct(
		jen.Id("addr").Id("memAddr"),
		jen.Id("conns").Chan().Qual("net", "Conn"),
		jen.Id("closed").Chan().Struct(),
		jen.Id("once").Qual("sync", "Once"),
	)
	f.Line()
	f.Comment("memAddr is the address of a memListener, a host name no other server has.")
	f.Type().Id("memAddr").String()
	f.Line()
	f.Func().Params(jen.Id("memAddr")).Id("Network").Params().String().Block(jen.Return(jen.Lit("memory")))
	f.Line()
	f.Func().Params(jen.Id("a").Id("memAddr")).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("a"))))
	f.Line()
	f.Func().Params(l()).Id("Accept").Params().Params(jen.Qual("net", "Conn"), jen.Error()).Block(
		jen.Select().Block(
			jen.Case(jen.Id("c").Op(":=").Op("<-").Id("l").Dot("conns")).Block(jen.Return(jen.Id("c"), jen.Nil())),
			jen.Case(jen.Op("<-").Id("l").Dot("closed")).Block(jen.Return(jen.Nil(), jen.Qual("net", "ErrClosed"))),
		),
	)
	f.Line()
	f.Func().Params(l()).Id("Close").Params().Error().Block(
		jen.Id("l").Dot("once").Dot("Do").Call(jen.Func().Params().Block(jen.Close(jen.Id("l").Dot("closed")))),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Func().Params(l()).Id("Addr").Params().Qual("net", "Addr").Block(jen.Return(jen.Id("l").Dot("addr")))
	f.Line()
	f.Comment("dial connects to l, or fails as a closed port does, or with ctx's error.")
	f.Func().Params(l()).Id("dial").Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("_"), jen.Id("_")).String()).Params(jen.Qual("net", "Conn"), jen.Error()).Block(
		jen.List(jen.Id("client"), jen.Id("server")).Op(":=").Qual("net", "Pipe").Call(),
		jen.Var().Err().Error(),
		jen.Select().Block(
			jen.Case(jen.Id("l").Dot("conns").Op("<-").Id("server")).Block(jen.Return(jen.Id("client"), jen.Nil())),
			jen.Case(jen.Op("<-").Id("ctx").Dot("Done").Call()).Block(jen.Err().Op("=").Id("ctx").Dot("Err").Call()),
			jen.Case(jen.Op("<-").Id("l").Dot("closed")).Block(jen.Err().Op("=").Op("&").Qual("net", "OpError").Values(jen.Dict{
				jen.Id("Op"):   jen.Lit("dial"),
				jen.Id("Net"):  jen.Lit("memory"),
				jen.Id("Addr"): jen.Id("l").Dot("addr"),
				jen.Id("Err"):  jen.Qual("errors", "New").Call(jen.Lit("connection refused")),
			})),
		),
		jen.Id("client").Dot("Close").Call(),
		jen.Id("server").Dot("Close").Call(),
		jen.Return(jen.Nil(), jen.Err()),
	)
	f.Line()
	f.Var().Id("memServers").Qual("sync/atomic", "Int64")
	f.Line()
	f.Comment("newTestServer starts a server for h on a memListener. Only its Client, or a")
	f.Comment("client from clientOf, reaches it.")
	f.Func().Id("newTestServer").Params(jen.Id("h").Qual(pkgHTTP, "Handler")).Op("*").Qual(pkgHTTPTest, "Server").Block(
		jen.Id("l").Op(":=").Op("&").Id("memListener").Values(jen.Dict{
			jen.Id("addr"):   jen.Id("memAddr").Call(jen.Qual("fmt", "Sprintf").Call(jen.Lit("server-%d.test:80"), jen.Id("memServers").Dot("Add").Call(jen.Lit(1)))),
			jen.Id("conns"):  jen.Make(jen.Chan().Qual("net", "Conn")),
			jen.Id("closed"): jen.Make(jen.Chan().Struct()),
		}),
		jen.Id("srv").Op(":=").Op("&").Qual(pkgHTTPTest, "Server").Values(jen.Dict{
			jen.Id("Listener"): jen.Id("l"),
			jen.Id("Config"):   jen.Op("&").Qual(pkgHTTP, "Server").Values(jen.Dict{jen.Id("Handler"): jen.Id("h")}),
		}),
		jen.Id("srv").Dot("Start").Call(),
		jen.Id("srv").Dot("Client").Call().Dot("Transport").Op("=").Op("&").Qual(pkgHTTP, "Transport").Values(jen.Dict{jen.Id("DialContext"): jen.Id("l").Dot("dial")}),
		jen.Return(jen.Id("srv")),
	)
	f.Line()
	f.Comment("clientOf is a Client of srv, a server from newTestServer, with opts.")
	f.Func().Id("clientOf").Params(jen.Id("srv").Op("*").Qual(pkgHTTPTest, "Server"), jen.Id("opts").Op("...").Id("ClientOption")).Op("*").Id("Client").Block(
		jen.Return(jen.Id("NewClient").Call(jen.Id("srv").Dot("URL"), jen.Append(jen.Index().Id("ClientOption").Values(jen.Id("WithHTTPClient").Call(jen.Id("srv").Dot("Client").Call())), jen.Id("opts").Op("...")).Op("..."))),
	)
	f.Line()
}
