package templates

import (
	"github.com/dave/jennifer/jen"
)

func genStreamRequest(f *jen.File) {
	f.Comment("newStreamRequest builds a request whose body is sent as it is.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("newStreamRequest").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("method"), jen.Id("path")).String(), jen.Id("body").Qual(pkgIO, "Reader"), jen.Id("contentType").String(),
	).Params(jen.Op("*").Qual(pkgHTTP, "Request"), jen.Error()).Block(
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), jen.Id("method"), jen.Id("c").Dot("baseURL").Op("+").Id("path"), jen.Id("body")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.Id("req").Dot("Header").Op("=").Id("c").Dot("header").Dot("Clone").Call(),
		jen.If(jen.Id("contentType").Op("==").Lit("")).Block(jen.Id("contentType").Op("=").Lit("application/octet-stream")),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
		jen.Return(jen.Id("req"), jen.Nil()),
	)
	f.Line()
}

func genDo(f *jen.File) {
	f.Comment("do sends req and decodes a JSON response body into out, when out is not nil")
	f.Comment("and the body is not empty. A status outside 2xx is returned as an *APIError.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("do").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request"), jen.Id("out").Any()).Error().Block(
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("httpClient").Dot("Do").Call(jen.Id("req")),
		ifErrReturn(jen.Err()),
		jen.Defer().Id("resp").Dot("Body").Dot("Close").Call(),
		jen.If(jen.Id("resp").Dot("StatusCode").Op("<").Lit(200).Op("||").Id("resp").Dot("StatusCode").Op(">").Lit(299)).Block(
			jen.Return(jen.Id("newAPIError").Call(jen.Id("resp"))),
		),
		jen.If(jen.Id("out").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Id("resp").Dot("Body")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit(0)).Block(jen.Return(jen.Err())),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("out")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("decoding the response to %s %s: %w"), jen.Id("req").Dot("Method"), jen.Id("req").Dot("URL").Dot("Path"), jen.Err())),
		),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

func genDoContent(f *jen.File) {
	f.Comment("Content is a response whose body is not JSON: content to stream, or a redirect")
	f.Comment("to where the content is.")
	f.Type().Id("Content").Struct(
		jen.Comment("StatusCode is such as 200, 206 (a range of the content), or 302 or 303 (a redirect)."),
		jen.Id("StatusCode").Int(),
		jen.Comment("Header holds the response headers, such as Content-Type and Content-Range."),
		jen.Id("Header").Qual(pkgHTTP, "Header"),
		jen.Comment("Location is where a redirect points: the content's own URL."),
		jen.Id("Location").String(),
		jen.Comment("Body is the content, which the caller must close; nil for a redirect."),
		jen.Id("Body").Qual(pkgIO, "ReadCloser"),
	)
	f.Line()
	f.Comment("doContent sends req without following redirects, so that the caller gets the")
	f.Comment("Location of a download, or the body to stream.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("doContent").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Id("Content"), jen.Error()).Block(
		jen.Id("hc").Op(":=").Op("*").Id("c").Dot("httpClient"),
		jen.Id("hc").Dot("CheckRedirect").Op("=").Func().Params(jen.Op("*").Qual(pkgHTTP, "Request"), jen.Index().Op("*").Qual(pkgHTTP, "Request")).Error().Block(jen.Return(jen.Qual(pkgHTTP, "ErrUseLastResponse"))),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("hc").Dot("Do").Call(jen.Id("req")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.If(jen.Id("resp").Dot("StatusCode").Op("<").Lit(200).Op("||").Id("resp").Dot("StatusCode").Op(">").Lit(399)).Block(
			jen.Defer().Id("resp").Dot("Body").Dot("Close").Call(),
			jen.Return(jen.Nil(), jen.Id("newAPIError").Call(jen.Id("resp"))),
		),
		jen.Id("out").Op(":=").Op("&").Id("Content").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode"),
			jen.Id("Header"):     jen.Id("resp").Dot("Header"),
		}),
		jen.Comment("A relative Location is resolved against the request's URL."),
		jen.If(jen.List(jen.Id("loc"), jen.Err()).Op(":=").Id("resp").Dot("Location").Call(), jen.Err().Op("==").Nil()).Block(
			jen.Id("out").Dot("Location").Op("=").Id("loc").Dot("String").Call(),
		),
		jen.If(jen.Id("resp").Dot("StatusCode").Op(">=").Lit(300)).Block(
			jen.Id("resp").Dot("Body").Dot("Close").Call(),
			jen.Return(jen.Id("out"), jen.Nil()),
		),
		jen.Id("out").Dot("Body").Op("=").Id("resp").Dot("Body"),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Line()
}

func genAccepted(f *jen.File) {
	f.Comment("Accepted is a long-running operation the API accepted (202): Location is the")
	f.Comment("monitor URL that reports its progress. Poll it, or WaitFor its outcome.")
	f.Type().Id("Accepted").Struct(
		jen.Id("Location").String(),
		jen.Id("client").Op("*").Id("Client"),
	)
	f.Line()
	f.Comment("doAccepted sends req and returns the operation it started.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("doAccepted").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Id("Accepted"), jen.Error()).Block(
		jen.List(jen.Id("content"), jen.Err()).Op(":=").Id("c").Dot("doContent").Call(jen.Id("req")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.If(jen.Id("content").Dot("Body").Op("!=").Nil()).Block(jen.Id("content").Dot("Body").Dot("Close").Call()),
		jen.Return(jen.Op("&").Id("Accepted").Values(jen.Dict{jen.Id("Location"): jen.Id("content").Dot("Location"), jen.Id("client"): jen.Id("c")}), jen.Nil()),
	)
	f.Line()
	f.Comment("Poll asks the monitor URL once. While the operation runs (202), done is false")
	f.Comment("and body is the monitor's report of its progress. When it is done, body is its")
	f.Comment("outcome: the monitor's final answer, or the resource it redirects to.")
	f.Func().Params(jen.Id("a").Op("*").Id("Accepted")).Id("Poll").Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Id("done").Bool(), jen.Id("body").Qual(pkgJSON, "RawMessage"), jen.Err().Error()).Block(
		jen.Id("location").Op(":=").Id("a").Dot("Location"),
		jen.For(jen.Id("redirects").Op(":=").Lit(0), jen.Id("redirects").Op("<").Lit(10), jen.Id("redirects").Op("++")).Block(
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), jen.Qual(pkgHTTP, "MethodGet"), jen.Id("location"), jen.Nil()),
			ifErrReturn(jen.False(), jen.Nil(), jen.Err()),
			jen.Id("req").Dot("Header").Op("=").Id("a").Dot("client").Dot("header").Dot("Clone").Call(),
			jen.List(jen.Id("content"), jen.Err()).Op(":=").Id("a").Dot("client").Dot("doContent").Call(jen.Id("req")),
			ifErrReturn(jen.False(), jen.Nil(), jen.Err()),
			jen.If(jen.Id("content").Dot("Body").Op("==").Nil()).Block(
				jen.Id("location").Op("=").Id("content").Dot("Location"),
				jen.Continue(),
			),
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Id("content").Dot("Body")),
			jen.Id("content").Dot("Body").Dot("Close").Call(),
			jen.Return(jen.Id("content").Dot("StatusCode").Op("!=").Qual(pkgHTTP, "StatusAccepted"), jen.Id("data"), jen.Err()),
		),
		jen.Return(jen.False(), jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("the monitor URL redirects too many times"))),
	)
	f.Line()
	f.Comment("WaitFor polls the operation every interval until it is done, and decodes its")
	f.Comment("outcome into a T, such as the item a copy made.")
	f.Func().Id("WaitFor").Types(jen.Id("T").Any()).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("a").Op("*").Id("Accepted"), jen.Id("interval").Qual("time", "Duration")).Params(jen.Op("*").Id("T"), jen.Error()).Block(
		jen.For().Block(
			jen.List(jen.Id("done"), jen.Id("body"), jen.Err()).Op(":=").Id("a").Dot("Poll").Call(jen.Id("ctx")),
			ifErrReturn(jen.Nil(), jen.Err()),
			jen.If(jen.Id("done")).Block(
				jen.Var().Id("out").Id("T"),
				jen.Return(jen.Op("&").Id("out"), jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("body"), jen.Op("&").Id("out"))),
			),
			jen.Select().Block(
				jen.Case(jen.Op("<-").Id("ctx").Dot("Done").Call()).Block(jen.Return(jen.Nil(), jen.Id("ctx").Dot("Err").Call())),
				jen.Case(jen.Op("<-").Qual("time", "After").Call(jen.Id("interval"))).Block(),
			),
		),
	)
	f.Line()
}

func genFollowLink(f *jen.File) {
	f.Comment("FollowLink fetches a page of a collection from a link a previous page gave,")
	f.Comment("such as its @odata.nextLink, or the @odata.deltaLink of a delta round.")
	f.Func().Id("FollowLink").Types(jen.Id("T").Any()).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("link").String()).Params(jen.Op("*").Id("T"), jen.Error()).Block(
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), jen.Qual(pkgHTTP, "MethodGet"), jen.Id("link"), jen.Nil()),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.Id("req").Dot("Header").Op("=").Id("c").Dot("header").Dot("Clone").Call(),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit("application/json")),
		jen.Var().Id("out").Id("T"),
		jen.If(jen.Err().Op(":=").Id("c").Dot("do").Call(jen.Id("req"), jen.Op("&").Id("out")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Op("&").Id("out"), jen.Nil()),
	)
	f.Line()
}
