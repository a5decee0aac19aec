package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgHTTPTest = "net/http/httptest"

func genTestHelpers(f *jen.File, api *model.API, _ Options) {
	genExchangeType(f)
	genServeDocumented(f)
	genSendDocumented(f)
	genExpectRequest(f)
	genCheckStatus(f)
	genCheckJSONBody(f)
	genCheckEqual(f)
	genMustTime(f)
	genPtr(f)
	genTestServer(f, api)
}

func genExchangeType(f *jen.File) {
	f.Comment("documentedExchange is a documented request and the response the docs show for it.")
	f.Type().Id("documentedExchange").Struct(
		jen.List(jen.Id("method"), jen.Id("path")).String(),
		jen.Id("header").Map(jen.String()).String(),
		jen.Id("requestBody").String(),
		jen.Id("status").Int(),
		jen.Id("responseBody").String(),
	)
	f.Line()
}

func genServeDocumented(f *jen.File) {
	f.Comment("serveDocumented starts a server that checks each request against the documented")
	f.Comment("one and answers with the documented response.")
	f.Func().Id("serveDocumented").Params(tParam(), jen.Id("ex").Id("documentedExchange")).Op("*").Qual(pkgHTTPTest, "Server").Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("check").Op(":=").Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.For(jen.List(jen.Id("name"), jen.Id("want")).Op(":=").Range().Id("ex").Dot("header")).Block(
				jen.If(jen.Id("got").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Id("name")), jen.Id("got").Op("!=").Id("want")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("client sent header %s: %q, docs show %q"), jen.Id("name"), jen.Id("got"), jen.Id("want")),
				),
			),
			jen.List(jen.Id("body"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Id("r").Dot("Body")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("reading the request body: %v"), jen.Err())),
			jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Lit("request body"), jen.Id("body"), jen.Id("ex").Dot("requestBody")),
			jen.If(jen.Id("ex").Dot("responseBody").Op("!=").Lit("")).Block(
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
			),
			jen.Id("w").Dot("WriteHeader").Call(jen.Id("ex").Dot("status")),
			jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "WriteString").Call(jen.Id("w"), jen.Id("ex").Dot("responseBody")),
		),
		jen.Id("srv").Op(":=").Qual(pkgHTTPTest, "NewServer").Call(jen.Id("expectRequest").Call(jen.Id("t"), jen.Id("ex").Dot("method"), jen.Id("ex").Dot("path"), jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Id("check")))),
		jen.Id("t").Dot("Cleanup").Call(jen.Id("srv").Dot("Close")),
		jen.Return(jen.Id("srv")),
	)
	f.Line()
}

func genSendDocumented(f *jen.File) {
	f.Comment("sendDocumented sends the documented request to h and records the answer.")
	f.Func().Id("sendDocumented").Params(jen.Id("h").Qual(pkgHTTP, "Handler"), jen.Id("ex").Id("documentedExchange")).Op("*").Qual(pkgHTTPTest, "ResponseRecorder").Block(
		jen.Id("req").Op(":=").Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("ex").Dot("method"), jen.Id("ex").Dot("path"), jen.Qual("strings", "NewReader").Call(jen.Id("ex").Dot("requestBody"))),
		jen.If(jen.Id("ex").Dot("requestBody").Op("!=").Lit("")).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
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
	f.Comment("checkStatus sends a request to h and checks the status it answers. A 4xx answer")
	f.Comment("from the handler itself must carry the Graph-style error body.")
	f.Func().Id("checkStatus").Params(tParam(), jen.Id("h").Qual(pkgHTTP, "Handler"), jen.List(jen.Id("method"), jen.Id("path"), jen.Id("body")).String(), jen.Id("want").Int()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("req").Op(":=").Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("method"), jen.Id("path"), jen.Qual("strings", "NewReader").Call(jen.Id("body"))),
		jen.If(jen.Id("body").Op("!=").Lit("")).Block(jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json"))),
		jen.Id("rec").Op(":=").Qual(pkgHTTPTest, "NewRecorder").Call(),
		jen.Id("h").Dot("ServeHTTP").Call(jen.Id("rec"), jen.Id("req")),
		jen.If(jen.Id("rec").Dot("Code").Op("!=").Id("want")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: status %d, want %d: %s"), jen.Id("method"), jen.Id("path"), jen.Id("rec").Dot("Code"), jen.Id("want"), jen.Id("rec").Dot("Body")),
			jen.Return(),
		),
		jen.If(jen.Id("want").Op("==").Qual(pkgHTTP, "StatusBadRequest")).Block(
			jen.Var().Id("env").Id("errorEnvelope"),
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Op("&").Id("env")), jen.Err().Op("!=").Nil().Op("||").Id("env").Dot("Error").Dot("Code").Op("==").Lit("")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: error body is not a Graph error: %s"), jen.Id("method"), jen.Id("path"), jen.Id("rec").Dot("Body")),
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

func genMustTime(f *jen.File) {
	must := func(name, doc string, result jen.Code, parse func(s jen.Code) jen.Code) {
		f.Comment(doc)
		f.Func().Id(name).Params(jen.Id("s").String()).Add(result).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(parse(jen.Id("s"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())),
			jen.Return(jen.Id("v")),
		)
		f.Line()
	}
	must("mustTime", "mustTime parses a documented RFC 3339 timestamp.", jen.Qual("time", "Time"),
		func(s jen.Code) jen.Code { return jen.Qual("time", "Parse").Call(jen.Qual("time", "RFC3339Nano"), s) })
	must("mustDateTime", "mustDateTime parses a documented timestamp, with or without a zone.", jen.Id("DateTime"),
		func(s jen.Code) jen.Code { return jen.Id("ParseDateTime").Call(s) })
	must("mustDate", "mustDate parses a documented date.", jen.Id("Date"),
		func(s jen.Code) jen.Code { return jen.Id("ParseDate").Call(s) })
	must("mustBase64", "mustBase64 decodes documented binary content.", jen.Index().Byte(),
		func(s jen.Code) jen.Code {
			return jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(s)
		})
}

func genPtr(f *jen.File) {
	f.Comment("ptr returns a pointer to v, for optional fields in expected values.")
	f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
	f.Line()
}

func genTestServer(f *jen.File, api *model.API) {
	var fields []jen.Code
	fields = append(fields, jen.Id("Unimplemented"))
	for _, op := range api.Operations {
		fields = append(fields, jen.Id(onField(op)).Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.RequestType)).Params(serverResults(op)...))
	}
	f.Comment("testServer implements Server with a function per operation; an operation whose")
	f.Comment("function is nil answers 501 Not Implemented.")
	f.Type().Id("testServer").Struct(fields...)
	f.Line()
	for _, op := range api.Operations {
		args := []jen.Code{jen.Id("ctx"), jen.Id("req")}
		f.Comment(fmt.Sprintf("%s calls s.%s.", op.Name, onField(op)))
		f.Func().Params(jen.Id("s").Op("*").Id("testServer")).Id(op.Name).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
			jen.If(jen.Id("s").Dot(onField(op)).Op("==").Nil()).Block(jen.Return(jen.Id("s").Dot("Unimplemented").Dot(op.Name).Call(args...))),
			jen.Return(jen.Id("s").Dot(onField(op)).Call(args...)),
		)
		f.Line()
	}
}
