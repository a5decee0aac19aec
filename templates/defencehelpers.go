package templates

import (
	"github.com/dave/jennifer/jen"
)

// The test helpers behind each operation's Test...Defences: what the
// client does with a slow server, a cancelled context and an oversized
// error, and what the handler does with hostile paths and error details.
func genDefenceHelpers(f *jen.File) {
	genCheckNoDetail(f)
	genCheckNotRouted(f)
	genTrackingTransport(f)
	genCheckClientDefences(f)
	genCheckQueryValue(f)
}

// internalDetail lists text that must never reach a client in an error body:
// Go's JSON decoder messages, type names, panic values, stack traces.
var internalDetail = []string{"json:", "Go value", "Go struct", "unmarshal", "goroutine", ".go:", "panic", "runtime error"}

func genCheckNoDetail(f *jen.File) {
	var needles []jen.Code
	for _, s := range internalDetail {
		needles = append(needles, jen.Lit(s))
	}
	f.Comment("checkNoDetail fails when an error body the handler wrote holds internal detail: a")
	f.Comment("decoder message, a Go type name, a panic value or a stack.")
	f.Func().Id("checkNoDetail").Params(tParam(), jen.Id("what"), jen.Id("body").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("detail")).Op(":=").Range().Index().String().Values(needles...)).Block(
			jen.If(jen.Qual("strings", "Contains").Call(jen.Qual("strings", "ToLower").Call(jen.Id("body")), jen.Qual("strings", "ToLower").Call(jen.Id("detail")))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: the error body shows internal detail (%q): %s"), jen.Id("what"), jen.Id("detail"), jen.Id("body")),
			),
		),
	)
	f.Line()
}

func genCheckNotRouted(f *jen.File) {
	f.Comment("checkNotRouted sends a request with a hostile path (a dot segment, an encoded")
	f.Comment("slash or an empty segment) to h, whose test Server answers 501 from every")
	f.Comment("method: the request must be redirected to its clean path, refused or not found,")
	f.Comment("never served by an operation.")
	f.Func().Id("checkNotRouted").Params(tParam(), jen.Id("h").Qual(pkgHTTP, "Handler"), jen.List(jen.Id("method"), jen.Id("path")).String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("rec").Op(":=").Qual(pkgHTTPTest, "NewRecorder").Call(),
		jen.Id("h").Dot("ServeHTTP").Call(jen.Id("rec"), jen.Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("method"), jen.Id("path"), jen.Nil())),
		jen.Switch(jen.Id("rec").Dot("Code")).Block(
			jen.Case(jen.Qual(pkgHTTP, "StatusMovedPermanently"), jen.Qual(pkgHTTP, "StatusTemporaryRedirect"), jen.Qual(pkgHTTP, "StatusPermanentRedirect")).Block(
				jen.If(jen.Id("rec").Dot("Header").Call().Dot("Get").Call(jen.Lit("Location")).Op("==").Id("path")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: redirected to itself"), jen.Id("method"), jen.Id("path")),
				),
			),
			jen.Case(jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Qual(pkgHTTP, "StatusNotFound"), jen.Qual(pkgHTTP, "StatusMethodNotAllowed")),
			jen.Default().Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: status %d: a hostile path reached an operation"), jen.Id("method"), jen.Id("path"), jen.Id("rec").Dot("Code")),
			),
		),
	)
	f.Line()
}

func genTrackingTransport(f *jen.File) {
	f.Comment("trackingTransport counts the response bodies a client opens and closes, and the")
	f.Comment("bytes it reads from them, of the requests it sends through base.")
	f.Type().Id("trackingTransport").Struct(
		jen.Id("base").Qual(pkgHTTP, "RoundTripper"),
		jen.List(jen.Id("opened"), jen.Id("closed"), jen.Id("read")).Qual("sync/atomic", "Int64"),
	)
	f.Line()
	f.Func().Params(jen.Id("tt").Op("*").Id("trackingTransport")).Id("RoundTrip").Params(jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()).Block(
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("tt").Dot("base").Dot("RoundTrip").Call(jen.Id("r")),
		jen.If(jen.Err().Op("==").Nil()).Block(
			jen.Id("tt").Dot("opened").Dot("Add").Call(jen.Lit(1)),
			jen.Id("resp").Dot("Body").Op("=").Op("&").Id("trackedBody").Values(jen.Id("resp").Dot("Body"), jen.Id("tt")),
		),
		jen.Return(jen.Id("resp"), jen.Err()),
	)
	f.Line()
	f.Comment("trackedBody is a response body that reports to its trackingTransport.")
	f.Type().Id("trackedBody").Struct(
		jen.Id("body").Qual("io", "ReadCloser"),
		jen.Id("tt").Op("*").Id("trackingTransport"),
	)
	f.Line()
	f.Func().Params(jen.Id("b").Op("*").Id("trackedBody")).Id("Read").Params(jen.Id("p").Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		jen.List(jen.Id("n"), jen.Err()).Op(":=").Id("b").Dot("body").Dot("Read").Call(jen.Id("p")),
		jen.Id("b").Dot("tt").Dot("read").Dot("Add").Call(jen.Int64().Call(jen.Id("n"))),
		jen.Return(jen.Id("n"), jen.Err()),
	)
	f.Line()
	f.Func().Params(jen.Id("b").Op("*").Id("trackedBody")).Id("Close").Params().Error().Block(
		jen.Id("b").Dot("tt").Dot("closed").Dot("Add").Call(jen.Lit(1)),
		jen.Return(jen.Id("b").Dot("body").Dot("Close").Call()),
	)
	f.Line()
}

func genCheckClientDefences(f *jen.File) {
	tErrorf := func(format string, args ...jen.Code) jen.Code {
		return jen.Id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}
	f.Comment("checkClientDefences checks a client call against a server that never answers")
	f.Comment("(the deadline ends it), with a cancelled context (nothing is sent), and against")
	f.Comment("answers of success and of an error far larger than maxErrorBody: every response")
	f.Comment("body is closed, and only maxErrorBody bytes of the error are read.")
	f.Func().Id("checkClientDefences").Params(tParam(), jen.Id("call").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Error()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Comment("The servers give up after a few seconds, so a client without the defence fails"),
		jen.Comment("the test rather than hanging it."),
		jen.Id("stalled").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("_").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Select().Block(
				jen.Case(jen.Op("<-").Id("r").Dot("Context").Call().Dot("Done").Call()),
				jen.Case(jen.Op("<-").Qual("time", "After").Call(jen.Lit(5).Op("*").Qual("time", "Second"))),
			),
		))),
		jen.Defer().Id("stalled").Dot("Close").Call(),
		jen.List(jen.Id("ctx"), jen.Id("cancel")).Op(":=").Qual("context", "WithTimeout").Call(jen.Id("t").Dot("Context").Call(), jen.Qual("time", "Millisecond")),
		jen.Defer().Id("cancel").Call(),
		jen.If(jen.Err().Op(":=").Id("call").Call(jen.Id("ctx"), jen.Id("clientOf").Call(jen.Id("stalled"))), jen.Op("!").Qual("errors", "Is").Call(jen.Err(), jen.Qual("context", "DeadlineExceeded"))).Block(
			tErrorf("against a server that never answers, the call returned %v, want context.DeadlineExceeded", jen.Err()),
		),
		jen.Line(),
		jen.Var().Id("reached").Qual("sync/atomic", "Bool"),
		jen.Id("srv").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Id("reached").Dot("Store").Call(jen.True()),
		))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.List(jen.Id("cancelled"), jen.Id("cancelNow")).Op(":=").Qual("context", "WithCancel").Call(jen.Id("t").Dot("Context").Call()),
		jen.Id("cancelNow").Call(),
		jen.If(jen.Err().Op(":=").Id("call").Call(jen.Id("cancelled"), jen.Id("clientOf").Call(jen.Id("srv"))), jen.Op("!").Qual("errors", "Is").Call(jen.Err(), jen.Qual("context", "Canceled")).Op("||").Id("reached").Dot("Load").Call()).Block(
			tErrorf("with a cancelled context, the call returned %v and reached the server: %v; want context.Canceled, nothing sent", jen.Err(), jen.Id("reached").Dot("Load").Call()),
		),
		jen.Line(),
		jen.Id("huge").Op(":=").Qual("strings", "Repeat").Call(jen.Lit("x"), jen.Id("maxErrorBody").Op("+").Lit(128).Op("<<").Lit(10)),
		jen.For(jen.List(jen.Id("_"), jen.Id("status")).Op(":=").Range().Index().Int().Values(jen.Qual(pkgHTTP, "StatusOK"), jen.Qual(pkgHTTP, "StatusInternalServerError"))).Block(
			jen.Id("answering").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("_").Op("*").Qual(pkgHTTP, "Request")).Block(
				jen.Id("_").Op("=").Qual(pkgHTTP, "NewResponseController").Call(jen.Id("w")).Dot("SetWriteDeadline").Call(jen.Qual("time", "Now").Call().Dot("Add").Call(jen.Lit(5).Op("*").Qual("time", "Second"))),
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
				jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
				jen.If(jen.Id("status").Op("==").Qual(pkgHTTP, "StatusOK")).Block(
					jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual("io", "WriteString").Call(jen.Id("w"), jen.Lit("{}")),
					jen.Return(),
				),
				jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual("io", "WriteString").Call(jen.Id("w"), jen.Lit(`{"error": {"code": "generalException", "message": "`).Op("+").Id("huge").Op("+").Lit(`"}}`)),
			))),
			jen.Id("tracker").Op(":=").Op("&").Id("trackingTransport").Values(jen.Dict{jen.Id("base"): jen.Id("answering").Dot("Client").Call().Dot("Transport")}),
			jen.Err().Op(":=").Id("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("clientOf").Call(jen.Id("answering"), jen.Id("WithHTTPClient").Call(jen.Op("&").Qual(pkgHTTP, "Client").Values(jen.Dict{jen.Id("Transport"): jen.Id("tracker")})))),
			jen.Id("answering").Dot("Close").Call(),
			jen.If(jen.Id("tracker").Dot("opened").Dot("Load").Call().Op("!=").Id("tracker").Dot("closed").Dot("Load").Call()).Block(
				tErrorf("answered %d, the client opened %d response bodies and closed %d", jen.Id("status"), jen.Id("tracker").Dot("opened").Dot("Load").Call(), jen.Id("tracker").Dot("closed").Dot("Load").Call()),
			),
			jen.If(jen.Id("status").Op("==").Qual(pkgHTTP, "StatusOK")).Block(jen.Continue()),
			jen.Var().Id("apiErr").Op("*").Id("APIError"),
			jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr")).Op("||").Len(jen.Id("apiErr").Dot("Body")).Op(">").Id("maxErrorBody")).Block(
				tErrorf("answered %d with a huge error body, the call returned %v, want an *APIError holding at most %d bytes", jen.Id("status"), jen.Err(), jen.Id("maxErrorBody")),
			),
			jen.Comment("The transport reads ahead in blocks of a few KiB at most."),
			jen.If(jen.Id("read").Op(":=").Id("tracker").Dot("read").Dot("Load").Call(), jen.Id("read").Op(">").Id("maxErrorBody").Op("+").Lit(64).Op("<<").Lit(10)).Block(
				tErrorf("the client read %d bytes of an error body; the bound is %d", jen.Id("read"), jen.Id("maxErrorBody")),
			),
		),
	)
	f.Line()
}

// hostileQueryValue would add a parameter, end the query or split a value
// if it were not encoded.
const hostileQueryValue = "a&b=c#d e+f%"

func genCheckQueryValue(f *jen.File) {
	f.Comment("checkQueryValue checks that a call sends want as the one value of the query")
	f.Comment("parameter key, and no other parameter: a value is encoded, never spliced in.")
	f.Func().Id("checkQueryValue").Params(tParam(), jen.Id("call").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Error(), jen.List(jen.Id("key"), jen.Id("want")).String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("got").Qual("net/url", "Values"),
		jen.Id("srv").Op(":=").Id("newTestServer").Call(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
			jen.Id("got").Op("=").Id("r").Dot("URL").Dot("Query").Call(),
			jen.Id("w").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusNoContent")),
		))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Id("_").Op("=").Id("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("clientOf").Call(jen.Id("srv"))),
		jen.If(jen.Len(jen.Id("got")).Op("!=").Lit(1).Op("||").Len(jen.Id("got").Index(jen.Id("key"))).Op("!=").Lit(1).Op("||").Id("got").Dot("Get").Call(jen.Id("key")).Op("!=").Id("want")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("the server received the query %v, want only %s=%q"), jen.Id("got"), jen.Id("key"), jen.Id("want")),
		),
	)
	f.Line()
}
