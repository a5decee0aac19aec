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
		jen.Comment("Location is where a redirect points, the content's own URL: the Location"),
		jen.Comment("header resolved against the request's URL, in the server's spelling."),
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
		jen.Comment("A relative Location is resolved against the request's URL, keeping the"),
		jen.Comment("characters the server sent."),
		jen.If(jen.Id("loc").Op(":=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("Location")), jen.Id("loc").Op("!=").Lit("")).Block(
			jen.Id("out").Dot("Location").Op("=").Id("resolveReference").Call(jen.Id("req").Dot("URL").Dot("String").Call(), jen.Id("loc")),
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

// uriReferencePattern splits a URI reference as RFC 3986 appendix B does,
// with a scheme spelled as section 3.1 says; it matches every string.
const uriReferencePattern = `^(?s)(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$`

// genResolveReference writes resolveReference, which resolves a Location
// against the request's URL as RFC 3986 section 5 does, on the text as sent:
// net/url would escape what it finds unsafe ({id}, say) when it prints the
// URL, so the client would not return the Location the server gave.
func genResolveReference(f *jen.File) {
	s := func(name string) *jen.Statement { return jen.Id(name) }
	f.Comment("uriReference splits a URI reference into scheme, authority, path, query and")
	f.Comment("fragment, as RFC 3986 appendix B does (with a scheme spelled as section 3.1 says).")
	f.Var().Id("uriReference").Op("=").Qual("regexp", "MustCompile").Call(jen.Id("`" + uriReferencePattern + "`"))
	f.Line()
	f.Comment("uriRef is a split URI reference. The has fields tell an empty component from an")
	f.Comment("undefined one; a scheme is never empty when defined.")
	f.Type().Id("uriRef").Struct(
		jen.List(s("scheme"), s("authority"), s("path"), s("query"), s("fragment")).String(),
		jen.List(s("hasAuthority"), s("hasQuery"), s("hasFragment")).Bool(),
	)
	f.Line()
	part := func(field, has string, i int) jen.Code {
		if has == "" {
			return jen.List(jen.Id("r").Dot(field), jen.Id("_")).Op("=").Id("part").Call(jen.Lit(i))
		}
		return jen.List(jen.Id("r").Dot(field), jen.Id("r").Dot(has)).Op("=").Id("part").Call(jen.Lit(i))
	}
	f.Comment("splitReference splits s into its components, as the server sent them.")
	f.Func().Id("splitReference").Params(s("s").String()).Id("uriRef").Block(
		s("m").Op(":=").Id("uriReference").Dot("FindStringSubmatchIndex").Call(s("s")),
		jen.If(s("m").Op("==").Nil()).Block(jen.Return(jen.Id("uriRef").Values(jen.Dict{s("path"): s("s")}))),
		s("part").Op(":=").Func().Params(s("i").Int()).Params(jen.String(), jen.Bool()).Block(
			jen.If(s("m").Index(jen.Lit(2).Op("*").Id("i")).Op("<").Lit(0)).Block(jen.Return(jen.Lit(""), jen.False())),
			jen.Return(s("s").Index(s("m").Index(jen.Lit(2).Op("*").Id("i")).Op(":").Id("m").Index(jen.Lit(2).Op("*").Id("i").Op("+").Lit(1))), jen.True()),
		),
		jen.Var().Id("r").Id("uriRef"),
		part("scheme", "", 1),
		part("authority", "hasAuthority", 2),
		part("path", "", 3),
		part("query", "hasQuery", 4),
		part("fragment", "hasFragment", 5),
		jen.Return(s("r")),
	)
	f.Line()
	f.Comment("String recomposes the reference, as RFC 3986 section 5.3 does.")
	f.Func().Params(s("r").Id("uriRef")).Id("String").Params().String().Block(
		s("s").Op(":=").Id("r").Dot("path"),
		jen.If(s("r").Dot("hasAuthority")).Block(s("s").Op("=").Lit("//").Op("+").Id("r").Dot("authority").Op("+").Id("s")),
		jen.If(s("r").Dot("scheme").Op("!=").Lit("")).Block(s("s").Op("=").Id("r").Dot("scheme").Op("+").Lit(":").Op("+").Id("s")),
		jen.If(s("r").Dot("hasQuery")).Block(s("s").Op("+=").Lit("?").Op("+").Id("r").Dot("query")),
		jen.If(s("r").Dot("hasFragment")).Block(s("s").Op("+=").Lit("#").Op("+").Id("r").Dot("fragment")),
		jen.Return(s("s")),
	)
	f.Line()
	f.Comment("resolveReference resolves ref, such as a Location header, against base, the URL")
	f.Comment("of the request, as RFC 3986 section 5.2 does. The result keeps the characters the")
	f.Comment("server sent: nothing is escaped or unescaped.")
	rds := func(c jen.Code) jen.Code { return jen.Id("removeDotSegments").Call(c) }
	f.Func().Id("resolveReference").Params(jen.List(s("base"), s("ref")).String()).String().Block(
		jen.List(s("r"), s("b")).Op(":=").List(jen.Id("splitReference").Call(s("ref")), jen.Id("splitReference").Call(s("base"))),
		s("t").Op(":=").Id("r"),
		jen.Switch().Block(
			jen.Case(s("r").Dot("scheme").Op("!=").Lit("")).Block(
				s("t").Dot("path").Op("=").Add(rds(s("r").Dot("path"))),
			),
			jen.Case(s("r").Dot("hasAuthority")).Block(
				jen.List(s("t").Dot("scheme"), s("t").Dot("path")).Op("=").List(s("b").Dot("scheme"), rds(s("r").Dot("path"))),
			),
			jen.Default().Block(
				jen.List(s("t").Dot("scheme"), s("t").Dot("authority"), s("t").Dot("hasAuthority")).Op("=").List(s("b").Dot("scheme"), s("b").Dot("authority"), s("b").Dot("hasAuthority")),
				jen.Switch().Block(
					jen.Case(s("r").Dot("path").Op("==").Lit("")).Block(
						s("t").Dot("path").Op("=").Id("b").Dot("path"),
						jen.If(jen.Op("!").Id("r").Dot("hasQuery")).Block(
							jen.List(s("t").Dot("query"), s("t").Dot("hasQuery")).Op("=").List(s("b").Dot("query"), s("b").Dot("hasQuery")),
						),
					),
					jen.Case(jen.Qual("strings", "HasPrefix").Call(s("r").Dot("path"), jen.Lit("/"))).Block(
						s("t").Dot("path").Op("=").Add(rds(s("r").Dot("path"))),
					),
					jen.Case(s("b").Dot("hasAuthority").Op("&&").Id("b").Dot("path").Op("==").Lit("")).Block(
						s("t").Dot("path").Op("=").Add(rds(jen.Lit("/").Op("+").Id("r").Dot("path"))),
					),
					jen.Default().Block(
						s("t").Dot("path").Op("=").Add(rds(s("b").Dot("path").Index(jen.Op(":").Qual("strings", "LastIndex").Call(s("b").Dot("path"), jen.Lit("/")).Op("+").Lit(1)).Op("+").Id("r").Dot("path"))),
					),
				),
			),
		),
		jen.Return(s("t").Dot("String").Call()),
	)
	f.Line()
	in := s("in")
	f.Comment("removeDotSegments removes the \".\" and \"..\" segments of a path, as RFC 3986")
	f.Comment("section 5.2.4 does.")
	f.Func().Id("removeDotSegments").Params(in.Clone().String()).String().Block(
		jen.Var().Id("out").Index().String(),
		jen.For(in.Clone().Op("!=").Lit("")).Block(
			jen.Switch().Block(
				jen.Case(jen.Qual("strings", "HasPrefix").Call(in.Clone(), jen.Lit("../"))).Block(in.Clone().Op("=").Add(in.Clone()).Index(jen.Lit(3).Op(":"))),
				jen.Case(jen.Qual("strings", "HasPrefix").Call(in.Clone(), jen.Lit("./"))).Block(in.Clone().Op("=").Add(in.Clone()).Index(jen.Lit(2).Op(":"))),
				jen.Case(jen.Qual("strings", "HasPrefix").Call(in.Clone(), jen.Lit("/./")), in.Clone().Op("==").Lit("/.")).Block(
					in.Clone().Op("=").Lit("/").Op("+").Add(in.Clone()).Index(jen.Min(jen.Lit(3), jen.Len(in.Clone())).Op(":")),
				),
				jen.Case(jen.Qual("strings", "HasPrefix").Call(in.Clone(), jen.Lit("/../")), in.Clone().Op("==").Lit("/..")).Block(
					in.Clone().Op("=").Lit("/").Op("+").Add(in.Clone()).Index(jen.Min(jen.Lit(4), jen.Len(in.Clone())).Op(":")),
					jen.If(jen.Len(s("out")).Op(">").Lit(0)).Block(s("out").Op("=").Id("out").Index(jen.Op(":").Len(s("out")).Op("-").Lit(1))),
				),
				jen.Case(in.Clone().Op("==").Lit("."), in.Clone().Op("==").Lit("..")).Block(in.Clone().Op("=").Lit("")),
				jen.Default().Block(
					jen.Comment("Move the first segment, with its leading slash, to the output."),
					s("i").Op(":=").Qual("strings", "IndexByte").Call(in.Clone().Index(jen.Lit(1).Op(":")), jen.LitRune('/')).Op("+").Lit(1),
					jen.If(s("i").Op("==").Lit(0)).Block(s("i").Op("=").Len(in.Clone())),
					s("out").Op("=").Append(s("out"), in.Clone().Index(jen.Op(":").Id("i"))),
					in.Clone().Op("=").Add(in.Clone()).Index(s("i").Op(":")),
				),
			),
		),
		jen.Return(jen.Qual("strings", "Join").Call(s("out"), jen.Lit(""))),
	)
	f.Line()
}

func genAccepted(f *jen.File) {
	f.Comment("Accepted is a long-running operation the API accepted (202): Location is the")
	f.Comment("monitor URL that reports its progress, the Location header resolved against the")
	f.Comment("request's URL in the server's spelling. Poll it, or WaitFor its outcome.")
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

// genAllItems writes the iterator every paged method's All method returns.
func genAllItems(f *jen.File) {
	page := jen.Op("*").Id("P")
	f.Comment("allItems iterates over the items of the page first fetches and of the pages its")
	f.Comment("next links lead to; items gives a page's items and next link. It stops at the")
	f.Comment("first error, which it yields.")
	f.Func().Id("allItems").Types(jen.List(jen.Id("P"), jen.Id("T")).Any()).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"),
		jen.Id("first").Func().Params().Params(page, jen.Error()),
		jen.Id("items").Func().Params(page).Params(jen.Index().Id("T"), jen.String()),
	).Qual("iter", "Seq2").Types(jen.Id("T"), jen.Error()).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(jen.Id("T"), jen.Error()).Bool()).Block(
			jen.List(jen.Id("page"), jen.Err()).Op(":=").Id("first").Call(),
			jen.For().Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Id("T"),
					jen.Id("yield").Call(jen.Id("zero"), jen.Err()),
					jen.Return(),
				),
				jen.List(jen.Id("values"), jen.Id("next")).Op(":=").Id("items").Call(jen.Id("page")),
				jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Id("values")).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("item"), jen.Nil())).Block(jen.Return()),
				),
				jen.If(jen.Id("next").Op("==").Lit("")).Block(jen.Return()),
				jen.List(jen.Id("page"), jen.Err()).Op("=").Id("FollowLink").Types(jen.Id("P")).Call(jen.Id("ctx"), jen.Id("c"), jen.Id("next")),
			),
		)),
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
