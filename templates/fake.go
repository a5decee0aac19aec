package templates

import (
	"bytes"

	"github.com/dave/jennifer/jen"
)

// The fake of the documented API: an engine that answers requests with
// the documented examples. It depends on no model, so it is written both
// into every generated package (behind NewExampleHandler) and, by Kit,
// into docbind's own generator/fake, which docbind serve runs: one source
// for both.

const (
	pkgURL     = "net/url"
	pkgStrings = "strings"
	pkgSlices  = "slices"
	pkgMaps    = "maps"
	pkgFmt     = "fmt"
)

// Short forms for the engine's parameters.
var (
	rw  = func() *jen.Statement { return jen.Id("w").Qual(pkgHTTP, "ResponseWriter") }
	req = func() *jen.Statement { return jen.Id("r").Op("*").Qual(pkgHTTP, "Request") }
)

// Kit is the source of the fake's engine and what it needs of the
// generated helpers, as package pkg: generator/fake holds it, so that
// docbind serve runs the very code NewExampleHandler does.
func Kit(pkg string) ([]byte, error) {
	f := jen.NewFile(pkg)
	f.HeaderComment(Header)
	genFakeEngine(f)
	genTemplateRoutes(f)
	genIsJSON(f)
	genErrorEnvelope(f)
	genWriteError(f)
	genRecoverPanics(f)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// genFakeEngine writes the engine: the example table's type, matching,
// answering, and the links it hands out.
func genFakeEngine(f *jen.File) {
	genExampleCase(f)
	genFakeType(f)
	genNewFake(f)
	genFakeAnswer(f)
	genFakeMatch(f)
	genContainsJSON(f)
	genFakeRespond(f)
	genFakeLinks(f)
	genFakeWrap(f)
	genFakeRefuse(f)
	genCheckEngine(f)
}

func genExampleCase(f *jen.File) {
	f.Comment("exampleCase is a documented exchange: the generated tests replay it, and the")
	f.Comment("fake of NewExampleHandler answers it.")
	f.Type().Id("exampleCase").Struct(
		jen.Comment("source is where the request is documented (page.md:LINE); op and pattern are"),
		jen.Comment("the operation and route the handler serves it as, \"\" when none."),
		jen.List(id("source"), id("name"), id("op"), id("pattern")).String(),
		jen.Comment("path is the path as the client sends it, each parameter escaped."),
		jen.List(id("method"), id("path")).String(),
		id("query").Qual(pkgURL, "Values"),
		jen.Comment("header holds the documented header parameters."),
		id("header").Map(jen.String()).String(),
		jen.Comment("contentType is set for a body sent as it is rather than as JSON."),
		id("contentType").String(),
		jen.Comment("requestBody is the body the tests send; docRequestBody, when set, the body as the"),
		jen.Comment("docs write it, which the tests cannot send (a placeholder where a value must"),
		jen.Comment("be): the fake takes either."),
		jen.List(id("requestBody"), id("docRequestBody")).String(),
		id("status").Int(),
		jen.Comment("responseHeader holds the headers the tests check, fakeHeader the other"),
		jen.Comment("documented ones."),
		jen.List(id("responseHeader"), id("fakeHeader")).Map(jen.String()).String(),
		jen.Comment("responseBody is the body the tests expect; docResponseBody, when set, the body as"),
		jen.Comment("the docs write it, which the fake answers instead."),
		jen.List(id("responseBody"), id("docResponseBody")).String(),
		jen.Comment("content marks a response body that is content rather than JSON."),
		id("content").Bool(),
		jen.Comment("pinPath matches the example at its own path only: another example of its route"),
		jen.Comment("differs from it only there."),
		id("pinPath").Bool(),
		jen.Comment("sameAs names an earlier example the docs show this request for: the fake answers"),
		jen.Comment("this one only when a request asks for it by name, in the header exampleHeader."),
		id("sameAs").String(),
		jen.Comment("shape is the documented shape of the JSON body a success answers (model.CheckShape),"),
		jen.Comment("which a check reads a service's answer against; shown holds the members of each"),
		jen.Comment("type the example shows, which an answer must hold too, as a JSON object of member"),
		jen.Comment("names by the type's Go name; whole says the example"),
		jen.Comment("claims its type whole, so that an answer holds every member a type requires;"),
		jen.Comment("statuses are the others the docs show for the operation."),
		id("shape").String(),
		id("shown").String(),
		id("whole").Bool(),
		id("statuses").Index().Int(),
		jen.Comment("links counts the other pages that link to the example's page: where several"),
		jen.Comment("pages document one route, the lenient fake answers a request the docs do not"),
		jen.Comment("show from the most linked."),
		id("links").Int(),
	)
	f.Line()
	f.Comment("exampleHeader is the request header that asks the fake for an example by name,")
	f.Comment("among those that match the request equally.")
	f.Const().Id("exampleHeader").Op("=").Lit("Docbind-Example")
	f.Line()
}

func genFakeType(f *jen.File) {
	f.Comment("exampleFake answers requests with the documented examples.")
	f.Type().Id("exampleFake").Struct(
		jen.Comment("byOp holds each operation's examples in documented order; unrouted those no"),
		jen.Comment("route serves, which match at their own method and path only."),
		id("byOp").Map(jen.String()).Index().Op("*").Id("fakeCase"),
		id("unrouted").Index().Op("*").Id("fakeCase"),
		id("all").Index().Op("*").Id("fakeCase"),
		jen.Comment("docsBase is the base URL of the documented examples: links under it, and links"),
		jen.Comment("to any other host, point back at the fake."),
		id("docsBase").String(),
		jen.Comment("pages are the next links the fake hands out, by linkKey: each answers its"),
		jen.Comment("example's last page. targets are the monitors and downloads it hands out."),
		jen.Comment("documented holds the requests the docs show, which links never shadow."),
		jen.List(id("pages"), id("targets")).Map(jen.String()).Op("*").Id("fakeCase"),
		id("documented").Map(jen.String()).Bool(),
		id("log").Func().Params(jen.String()),
		jen.Comment("strict answers a request only with an example it matches; else, as a test double"),
		jen.Comment("would, the closest example of the operation answers one of the same method."),
		id("strict").Bool(),
		jen.Comment("prefix is the docs' base URL's path (/v1.0), which a request's path may start with."),
		id("prefix").String(),
		jen.Comment("aliases are the URL templates of each GET operation the docs document at several"),
		jen.Comment("(/me/drive, /drives/{drive-id}): spellings of one resource, split at their slashes."),
		id("aliases").Index().Index().Index().String(),
	)
	f.Line()
	f.Comment("fakeCase is an example with its JSON request bodies decoded once, and its path")
	f.Comment("as requests are compared with it.")
	f.Type().Id("fakeCase").Struct(
		jen.Op("*").Id("exampleCase"),
		id("body").Any(),
		id("hasBody").Bool(),
		id("docBody").Any(),
		id("hasDocBody").Bool(),
		id("canonical").String(),
		jen.Comment("wild is the canonical path's segments, each placeholder ({user-id}) made \"\", when"),
		jen.Comment("it has one: a lenient fake takes them for wildcards. Else nil."),
		id("wild").Index().String(),
	)
	f.Line()
}

func genNewFake(f *jen.File) {
	f.Comment("newExampleFake returns the fake of the examples, each group in documented order;")
	f.Comment("log, when not nil, gets a line for every request it answers.")
	f.Func().Id("newExampleFake").Params(id("docsBase").String(), id("groups").Index().Index().Id("exampleCase"), id("log").Func().Params(jen.String())).Op("*").Id("exampleFake").Block(
		id("fake").Op(":=").Op("&").Id("exampleFake").Values(jen.Dict{
			id("byOp"):       jen.Map(jen.String()).Index().Op("*").Id("fakeCase").Values(),
			id("docsBase"):   jen.Qual(pkgStrings, "TrimSuffix").Call(id("docsBase"), jen.Lit("/")),
			id("pages"):      jen.Map(jen.String()).Op("*").Id("fakeCase").Values(),
			id("targets"):    jen.Map(jen.String()).Op("*").Id("fakeCase").Values(),
			id("documented"): jen.Map(jen.String()).Bool().Values(),
			id("log"):        id("log"),
		}),
		jen.If(jen.List(id("u"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(id("fake").Dot("docsBase")), jen.Err().Op("==").Nil().Op("&&").Id("u").Dot("Host").Op("!=").Lit("")).Block(
			id("fake").Dot("prefix").Op("=").Qual(pkgStrings, "TrimSuffix").Call(id("u").Dot("EscapedPath").Call(), jen.Lit("/")),
		),
		jen.For(jen.List(id("_"), id("group")).Op(":=").Range().Id("groups")).Block(
			jen.For(id("i").Op(":=").Range().Id("group")).Block(
				id("c").Op(":=").Op("&").Id("fakeCase").Values(jen.Dict{
					id("exampleCase"): jen.Op("&").Id("group").Index(id("i")),
					id("canonical"):   id("canonicalPath").Call(id("group").Index(id("i")).Dot("path")),
				}),
				id("c").Dot("wild").Op("=").Id("wildSegments").Call(id("c").Dot("canonical")),
				jen.If(id("c").Dot("requestBody").Op("!=").Lit("").Op("&&").Parens(id("c").Dot("contentType").Op("==").Lit("").Op("||").Id("isJSON").Call(id("c").Dot("contentType")))).Block(
					id("c").Dot("body").Op(",").Id("c").Dot("hasBody").Op("=").Id("decodeLoose").Call(jen.Index().Byte().Call(id("c").Dot("requestBody"))),
					id("c").Dot("docBody").Op(",").Id("c").Dot("hasDocBody").Op("=").Id("decodeLoose").Call(jen.Index().Byte().Call(id("c").Dot("docRequestBody"))),
				),
				id("fake").Dot("add").Call(id("c")),
			),
		),
		jen.Return(id("fake")),
	)
	f.Line()
	f.Comment("add files an example under its operation and notes the links its response hands out.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("add").Params(id("c").Op("*").Id("fakeCase")).Block(
		id("fake").Dot("all").Op("=").Append(id("fake").Dot("all"), id("c")),
		jen.If(id("c").Dot("op").Op("==").Lit("")).Block(
			id("fake").Dot("unrouted").Op("=").Append(id("fake").Dot("unrouted"), id("c")),
		).Else().Block(
			id("fake").Dot("byOp").Index(id("c").Dot("op")).Op("=").Append(id("fake").Dot("byOp").Index(id("c").Dot("op")), id("c")),
		),
		id("target").Op(":=").Id("c").Dot("path"),
		jen.If(jen.Len(id("c").Dot("query")).Op(">").Lit(0)).Block(
			id("target").Op("+=").Lit("?").Op("+").Id("c").Dot("query").Dot("Encode").Call(),
		),
		id("fake").Dot("documented").Index(id("c").Dot("method").Op("+").Lit(" ").Op("+").Id("linkKey").Call(id("target"))).Op("=").True(),
		jen.If(jen.List(id("next"), id("ok")).Op(":=").Id("jsonMember").Call(id("c").Dot("answered").Call(), jen.Lit("@odata.nextLink")), id("ok").Op("&&").Op("!").Id("c").Dot("content")).Block(
			id("fake").Dot("pages").Index(id("linkKey").Call(id("fake").Dot("link").Call(id("next"), jen.Lit("")))).Op("=").Id("c"),
		),
		jen.If(id("loc").Op(":=").Id("c").Dot("responseHeader").Index(jen.Lit("Location")), id("loc").Op("!=").Lit("").Op("&&").Id("c").Dot("status").Op("/").Lit(100).Op("!=").Lit(2).Op("||").Id("c").Dot("status").Op("==").Qual(pkgHTTP, "StatusAccepted")).Block(
			jen.Comment("A monitor or a redirect to the content."),
			id("fake").Dot("targets").Index(id("linkKey").Call(id("fake").Dot("link").Call(id("loc"), jen.Lit("")))).Op("=").Id("c"),
		),
	)
	f.Line()
	f.Comment("answered is the response body the fake answers: the one the docs write, where it")
	f.Comment("differs from the one the tests expect.")
	f.Func().Params(id("c").Op("*").Id("exampleCase")).Id("answered").Params().String().Block(
		jen.If(id("c").Dot("docResponseBody").Op("!=").Lit("")).Block(jen.Return(id("c").Dot("docResponseBody"))),
		jen.Return(id("c").Dot("responseBody")),
	)
	f.Line()
	f.Comment("decodeLoose decodes JSON with its numbers as written; ok is false for none or invalid.")
	f.Func().Id("decodeLoose").Params(id("data").Index().Byte()).Params(id("v").Any(), id("ok").Bool()).Block(
		id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgBytes, "NewReader").Call(id("data"))),
		id("dec").Dot("UseNumber").Call(),
		jen.If(id("dec").Dot("Decode").Call(jen.Op("&").Id("v")).Op("!=").Nil().Op("||").Id("dec").Dot("More").Call()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(id("v"), jen.True()),
	)
	f.Line()
	f.Comment("jsonMember is the string member key of a JSON object, if it has one.")
	f.Func().Id("jsonMember").Params(id("body"), id("key").String()).Params(jen.String(), jen.Bool()).Block(
		jen.If(jen.Op("!").Qual(pkgStrings, "Contains").Call(id("body"), id("key"))).Block(jen.Return(jen.Lit(""), jen.False())),
		jen.Var().Id("members").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
		jen.Var().Id("s").String(),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(id("body")), jen.Op("&").Id("members")).Op("!=").Nil().Op("||").Qual(pkgJSON, "Unmarshal").Call(id("members").Index(id("key")), jen.Op("&").Id("s")).Op("!=").Nil()).Block(
			jen.Return(jen.Lit(""), jen.False()),
		),
		jen.Return(id("s"), id("s").Op("!=").Lit("")),
	)
	f.Line()
}

func genFakeAnswer(f *jen.File) {
	f.Comment("answer returns the handler of op's requests: the most specific of its examples")
	f.Comment("that matches answers, else the closest one (strict: 400 naming it and what")
	f.Comment("differed), or 501")
	f.Comment("when the docs show no example of op (none of that name, when exampleHeader names")
	f.Comment("one). A body whose Content-Type is not JSON, where the examples send JSON, gets")
	f.Comment("415.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("answer").Params(id("op").String()).Qual(pkgHTTP, "HandlerFunc").Block(
		jen.Return(jen.Func().Params(rw(), req()).Block(
			jen.List(id("body"), id("ok")).Op(":=").Id("readLoose").Call(id("w"), id("r")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
			id("body").Dot("lenient").Op("=").Op("!").Id("fake").Dot("strict"),
			jen.Comment("A new slice: the filter below must not touch the fake's."),
			id("cases").Op(":=").Qual(pkgSlices, "Concat").Call(id("fake").Dot("byOp").Index(id("op")), id("fake").Dot("unroutedAt").Call(id("r"))),
			jen.If(id("ct").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), id("body").Dot("raw").Op("!=").Lit("").Op("&&").Id("ct").Op("!=").Lit("").Op("&&").Op("!").Id("isJSON").Call(id("ct")).Op("&&").Id("takesJSON").Call(id("cases"))).Block(
				id("fake").Dot("fail").Call(id("w"), id("r"), jen.Qual(pkgHTTP, "StatusUnsupportedMediaType"), jen.Lit("unsupportedMediaType"), jen.Lit("the request body must be JSON, not ").Op("+").Id("ct")),
				jen.Return(),
			),
			jen.If(id("name").Op(":=").Id("r").Dot("Header").Dot("Get").Call(id("exampleHeader")), id("name").Op("!=").Lit("")).Block(
				id("cases").Op("=").Qual(pkgSlices, "DeleteFunc").Call(id("cases"), jen.Func().Params(id("c").Op("*").Id("fakeCase")).Bool().Block(
					jen.Return(id("c").Dot("name").Op("!=").Id("name")),
				)),
			),
			jen.List(id("best"), id("closest"), id("diffs")).Op(":=").Id("bestExample").Call(id("r"), id("body"), id("cases")),
			jen.Comment("A request the docs do not show, at a route several pages document: the page the"),
			jen.Comment("docs link to most, the resource's own, answers it."),
			jen.If(id("body").Dot("lenient").Op("&&").Parens(id("best").Op("==").Nil().Op("||").Op("!").Qual(pkgStrings, "EqualFold").Call(id("trimSlash").Call(id("best").Dot("canonical")), id("trimSlash").Call(id("body").Dot("path"))))).Block(
				jen.If(id("own").Op(":=").Id("mostLinked").Call(id("cases")), jen.Len(id("own")).Op("<").Len(id("cases"))).Block(
					jen.List(id("best"), id("closest"), id("diffs")).Op("=").Id("bestExample").Call(id("r"), id("body"), id("own")),
				),
			),
			jen.Switch().Block(
				jen.Case(id("best").Op("!=").Nil()).Block(id("fake").Dot("respond").Call(id("w"), id("r"), id("best"), jen.False())),
				jen.Case(id("closest").Op("==").Nil()).Block(
					id("fake").Dot("fail").Call(id("w"), id("r"), jen.Qual(pkgHTTP, "StatusNotImplemented"), jen.Lit("notImplemented"), id("op").Op("+").Lit(" has no documented example to answer with")),
				),
				jen.Case(jen.Op("!").Id("fake").Dot("strict").Op("&&").Id("sameMethod").Call(id("closest").Dot("method"), id("r").Dot("Method"))).Block(
					jen.Comment("A test double answers what the operation would: the closest example."),
					jen.If(id("fake").Dot("log").Op("!=").Nil()).Block(
						id("fake").Dot("log").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s %s: no example matches exactly; the closest answers (%s)"), id("r").Dot("Method"), id("r").Dot("URL").Dot("RequestURI").Call(), id("summarize").Call(id("diffs")))),
					),
					id("fake").Dot("respond").Call(id("w"), id("r"), id("closest"), jen.False()),
				),
				jen.Default().Block(
					id("fake").Dot("fail").Call(id("w"), id("r"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Qual(pkgFmt, "Sprintf").Call(
						jen.Lit("no documented example matches the request; the closest is %s (%s): %s"),
						id("closest").Dot("source"), id("closest").Dot("name"), id("summarize").Call(id("diffs")))),
				),
			),
		)),
	)
	f.Line()
	f.Comment("mostLinked are the examples of the most linked page among cases.")
	f.Func().Id("mostLinked").Params(id("cases").Index().Op("*").Id("fakeCase")).Index().Op("*").Id("fakeCase").Block(
		id("most").Op(":=").Lit(0),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("cases")).Block(id("most").Op("=").Max(id("most"), id("c").Dot("links"))),
		jen.Var().Id("out").Index().Op("*").Id("fakeCase"),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("cases")).Block(
			jen.If(id("c").Dot("links").Op("==").Id("most")).Block(id("out").Op("=").Append(id("out"), id("c"))),
		),
		jen.Return(id("out")),
	)
	f.Line()
	f.Comment("takesJSON reports whether examples send JSON bodies, and none sends another kind.")
	f.Func().Id("takesJSON").Params(id("cases").Index().Op("*").Id("fakeCase")).Bool().Block(
		id("sends").Op(":=").False(),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("cases")).Block(
			jen.If(id("c").Dot("contentType").Op("!=").Lit("")).Block(jen.Return(jen.False())),
			id("sends").Op("=").Id("sends").Op("||").Id("c").Dot("requestBody").Op("!=").Lit(""),
		),
		jen.Return(id("sends")),
	)
	f.Line()
	f.Comment("unroutedAt are the examples no route serves that were documented at r's method")
	f.Comment("and path, spelled in any letter case, escaped or not; unless strict, its")
	f.Comment("placeholders ({id}) wildcards.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("unroutedAt").Params(req()).Index().Op("*").Id("fakeCase").Block(
		jen.If(jen.Len(id("fake").Dot("unrouted")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.Var().Id("out").Index().Op("*").Id("fakeCase"),
		id("path").Op(":=").Id("trimSlash").Call(id("canonicalPath").Call(id("r").Dot("URL").Dot("EscapedPath").Call())),
		id("segs").Op(":=").Id("pathSegments").Call(id("path")),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("fake").Dot("unrouted")).Block(
			jen.If(id("sameMethod").Call(id("c").Dot("method"), id("r").Dot("Method")).Op("&&").Parens(jen.Qual(pkgStrings, "EqualFold").Call(id("trimSlash").Call(id("c").Dot("canonical")), id("path")).Op("||").Op("!").Id("fake").Dot("strict").Op("&&").Id("placeholderMatch").Call(id("c").Dot("wild"), id("segs")))).Block(
				id("out").Op("=").Append(id("out"), id("c")),
			),
		),
		jen.Return(id("out")),
	)
	f.Line()
	f.Comment("wildSegments is a path's segments, each placeholder made \"\", when it has one;")
	f.Comment("else nil.")
	f.Func().Id("wildSegments").Params(id("path").String()).Index().String().Block(
		id("segs").Op(":=").Id("pathSegments").Call(id("path")),
		id("wild").Op(":=").False(),
		jen.For(jen.List(id("i"), id("seg")).Op(":=").Range().Id("segs")).Block(
			jen.If(id("isPlaceholder").Call(id("seg"))).Block(jen.List(id("segs").Index(id("i")), id("wild")).Op("=").List(jen.Lit(""), jen.True())),
		),
		jen.If(jen.Op("!").Id("wild")).Block(jen.Return(jen.Nil())),
		jen.Return(id("segs")),
	)
	f.Line()
	f.Comment("pathSegments are a path's segments, without its leading and trailing slash.")
	f.Func().Id("pathSegments").Params(id("path").String()).Index().String().Block(
		jen.Return(jen.Qual(pkgStrings, "Split").Call(jen.Qual(pkgStrings, "Trim").Call(id("path"), jen.Lit("/")), jen.Lit("/"))),
	)
	f.Line()
	f.Comment("placeholderMatch reports whether a path's segments are an example's wild ones")
	f.Comment("(wildSegments): each placeholder any segment, literal ones in any letter case.")
	f.Func().Id("placeholderMatch").Params(id("wild"), id("segs").Index().String()).Bool().Block(
		jen.If(id("wild").Op("==").Nil().Op("||").Len(id("wild")).Op("!=").Len(id("segs"))).Block(jen.Return(jen.False())),
		jen.For(jen.List(id("i"), id("w")).Op(":=").Range().Id("wild")).Block(
			jen.If(id("w").Op("!=").Lit("").Op("&&").Op("!").Qual(pkgStrings, "EqualFold").Call(id("w"), id("segs").Index(id("i")))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Line()
	f.Comment("isPlaceholder reports a path segment that is a placeholder, {name} or <name>,")
	f.Comment("escaped or not.")
	f.Func().Id("isPlaceholder").Params(id("seg").String()).Bool().Block(
		jen.If(jen.List(id("u"), id("err")).Op(":=").Qual(pkgURL, "PathUnescape").Call(id("seg")), id("err").Op("==").Nil()).Block(id("seg").Op("=").Id("u")),
		jen.Return(jen.Len(id("seg")).Op(">").Lit(2).Op("&&").Parens(
			id("seg").Index(jen.Lit(0)).Op("==").LitByte('{').Op("&&").Id("seg").Index(jen.Len(id("seg")).Op("-").Lit(1)).Op("==").LitByte('}').Op("||").
				Id("seg").Index(jen.Lit(0)).Op("==").LitByte('<').Op("&&").Id("seg").Index(jen.Len(id("seg")).Op("-").Lit(1)).Op("==").LitByte('>'))),
	)
	f.Line()
	f.Comment("sameMethod reports whether a request's method is the example's: HEAD is GET.")
	f.Func().Id("sameMethod").Params(id("example"), id("method").String()).Bool().Block(
		jen.Return(id("example").Op("==").Id("method").Op("||").Id("method").Op("==").Qual(pkgHTTP, "MethodHead").Op("&&").Id("example").Op("==").Qual(pkgHTTP, "MethodGet")),
	)
	f.Line()
	f.Comment("trimSlash is a path without its trailing slash, which the API ignores.")
	f.Func().Id("trimSlash").Params(id("path").String()).String().Block(
		jen.If(jen.Len(id("path")).Op(">").Lit(1)).Block(jen.Return(jen.Qual(pkgStrings, "TrimSuffix").Call(id("path"), jen.Lit("/")))),
		jen.Return(id("path")),
	)
	f.Line()
	f.Comment("fakeMaxBody bounds the request bodies the fake reads.")
	f.Const().Id("fakeMaxBody").Op("=").Lit(10).Op("<<").Lit(20)
	f.Line()
	f.Comment("readLoose reads a request's body, at most fakeMaxBody bytes of it, and decodes")
	f.Comment("it when it is JSON, and its path and query as examples are compared with them; ok")
	f.Comment("is false when it has answered the request.")
	f.Func().Id("readLoose").Params(rw(), req()).Params(id("body").Id("requestBody"), id("ok").Bool()).Block(
		id("body").Dot("path").Op("=").Id("canonicalPath").Call(id("r").Dot("URL").Dot("EscapedPath").Call()),
		id("body").Dot("segs").Op("=").Id("pathSegments").Call(id("body").Dot("path")),
		id("body").Dot("query").Op("=").Id("lenientQuery").Call(id("r").Dot("URL").Dot("RawQuery")),
		jen.List(id("data"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgHTTP, "MaxBytesReader").Call(id("w"), id("r").Dot("Body"), id("fakeMaxBody"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			id("writeError").Call(id("w"), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge"), jen.Lit("requestEntityTooLarge"), jen.Lit("the request body is too large or cannot be read")),
			jen.Return(id("body"), jen.False()),
		),
		jen.If(jen.List(id("data"), jen.Err()).Op("=").Id("decodeContent").Call(id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Encoding")), id("data")), jen.Err().Op("!=").Nil()).Block(
			id("writeError").Call(id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Err().Dot("Error").Call()),
			jen.Return(id("body"), jen.False()),
		),
		id("body").Dot("raw").Op("=").String().Call(id("data")),
		jen.If(jen.Len(jen.Qual(pkgBytes, "TrimSpace").Call(id("data"))).Op(">").Lit(0)).Block(
			jen.Var().Id("valid").Bool(),
			jen.If(jen.List(id("body").Dot("json"), id("valid")).Op("=").Id("decodeLoose").Call(id("data")), jen.Op("!").Id("valid")).Block(
				jen.Comment("A body that is not JSON matches no JSON body."),
				id("body").Dot("json").Op("=").Id("notJSON").Values(),
			),
		),
		jen.Return(id("body"), jen.True()),
	)
	f.Line()
	f.Comment("decodeContent decodes a request body of a Content-Encoding clients compress with:")
	f.Comment("gzip, and deflate (zlib's format, as HTTP means it, or raw DEFLATE, as some clients")
	f.Comment("send it), at most fakeMaxBody bytes of it.")
	f.Func().Id("decodeContent").Params(id("encoding").String(), id("data").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("zr").Qual(pkgIO, "Reader"),
		jen.Switch(jen.Qual(pkgStrings, "ToLower").Call(jen.Qual(pkgStrings, "TrimSpace").Call(id("encoding")))).Block(
			jen.Case(jen.Lit(""), jen.Lit("identity")).Block(jen.Return(id("data"), jen.Nil())),
			jen.Case(jen.Lit("gzip"), jen.Lit("x-gzip")).Block(
				jen.List(id("gz"), jen.Err()).Op(":=").Qual("compress/gzip", "NewReader").Call(jen.Qual(pkgBytes, "NewReader").Call(id("data"))),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the gzip request body cannot be read: %v"), jen.Err()))),
				id("zr").Op("=").Id("gz"),
			),
			jen.Case(jen.Lit("deflate")).Block(
				jen.If(jen.List(id("z"), jen.Err()).Op(":=").Qual("compress/zlib", "NewReader").Call(jen.Qual(pkgBytes, "NewReader").Call(id("data"))), jen.Err().Op("==").Nil()).Block(
					id("zr").Op("=").Id("z"),
				).Else().Block(
					id("zr").Op("=").Qual("compress/flate", "NewReader").Call(jen.Qual(pkgBytes, "NewReader").Call(id("data"))),
				),
			),
			jen.Default().Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the request body's Content-Encoding %q is none of gzip and deflate"), id("encoding")))),
		),
		jen.List(id("out"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgIO, "LimitReader").Call(id("zr"), id("fakeMaxBody").Op("+").Lit(1))),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the %s request body cannot be read: %v"), id("encoding"), jen.Err()))),
			jen.Case(jen.Len(id("out")).Op(">").Id("fakeMaxBody")).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the %s request body is larger than %d bytes"), id("encoding"), id("fakeMaxBody")))),
		),
		jen.Return(id("out"), jen.Nil()),
	)
	f.Line()
	f.Comment("requestBody is a request's body as it came, and decoded when it is JSON, with its")
	f.Comment("canonical path and its query.")
	f.Type().Id("requestBody").Struct(
		id("raw").String(),
		id("json").Any(),
		id("path").String(),
		id("query").Qual(pkgURL, "Values"),
		jen.Comment("lenient compares as a test double: a placeholder in an example's path"),
		jen.Comment("({user-id}) is a wildcard. segs are path's segments, for that."),
		id("lenient").Bool(),
		id("segs").Index().String(),
	)
	f.Line()
	f.Comment("lenientQuery reads a query as the docs write them: split at each & only, so that")
	f.Comment("an option holding a ; ($expand=manager($levels=max;$select=id)) is one value, each")
	f.Comment("key and value decoded where it can be.")
	f.Func().Id("lenientQuery").Params(id("raw").String()).Qual(pkgURL, "Values").Block(
		id("q").Op(":=").Qual(pkgURL, "Values").Values(),
		jen.For(jen.List(id("_"), id("part")).Op(":=").Range().Qual(pkgStrings, "Split").Call(id("raw"), jen.Lit("&"))).Block(
			jen.If(id("part").Op("==").Lit("")).Block(jen.Continue()),
			jen.List(id("k"), id("v"), id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(id("part"), jen.Lit("=")),
			jen.If(jen.List(id("u"), jen.Err()).Op(":=").Qual(pkgURL, "QueryUnescape").Call(id("k")), jen.Err().Op("==").Nil()).Block(id("k").Op("=").Id("u")),
			jen.If(jen.List(id("u"), jen.Err()).Op(":=").Qual(pkgURL, "QueryUnescape").Call(id("v")), jen.Err().Op("==").Nil()).Block(id("v").Op("=").Id("u")),
			id("q").Index(id("k")).Op("=").Append(id("q").Index(id("k")), id("v")),
		),
		jen.Return(id("q")),
	)
	f.Line()
	f.Comment("notJSON stands for a request body that is not JSON.")
	f.Type().Id("notJSON").Struct()
	f.Line()
}

func genFakeMatch(f *jen.File) {
	f.Comment("bestExample is the example that matches r with the highest score, the first")
	f.Comment("documented of equals; when none matches, closest is the one with the fewest")
	f.Comment("differences, which diffs lists.")
	f.Func().Id("bestExample").Params(req(), id("body").Id("requestBody"), id("cases").Index().Op("*").Id("fakeCase")).Params(id("best"), id("closest").Op("*").Id("fakeCase"), id("diffs").Index().String()).Block(
		jen.List(id("bestScore"), id("closestScore")).Op(":=").List(jen.Lit(-1), jen.Lit(-1)),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("cases")).Block(
			jen.List(id("score"), id("d")).Op(":=").Id("c").Dot("match").Call(id("r"), id("body")),
			jen.Switch().Block(
				jen.Case(jen.Len(id("d")).Op("==").Lit(0)).Block(
					jen.If(id("score").Op(">").Id("bestScore")).Block(jen.List(id("best"), id("bestScore")).Op("=").List(id("c"), id("score"))),
				),
				jen.Case(id("closest").Op("==").Nil().Op("||").Len(id("d")).Op("<").Len(id("diffs")).Op("||").Len(id("d")).Op("==").Len(id("diffs")).Op("&&").Id("score").Op(">").Id("closestScore")).Block(
					jen.List(id("closest"), id("diffs"), id("closestScore")).Op("=").List(id("c"), id("d"), id("score")),
				),
			),
		),
		jen.Return(id("best"), id("closest"), id("diffs")),
	)
	f.Line()
	f.Comment("match scores how specifically the example matches r, or lists what differs. Its")
	f.Comment("route scores most; then each query option, header and body member it shows,")
	f.Comment("present and equal, and its very path (percent-decoded). Extra ones are allowed.")
	f.Func().Params(id("c").Op("*").Id("fakeCase")).Id("match").Params(req(), id("body").Id("requestBody")).Params(id("score").Int(), id("diffs").Index().String()).Block(
		jen.If(jen.Op("!").Id("sameMethod").Call(id("c").Dot("method"), id("r").Dot("Method"))).Block(
			id("diffs").Op("=").Append(id("diffs"), jen.Lit("the example's method is ").Op("+").Id("c").Dot("method")),
		),
		jen.Comment("An example no route serves matches only at its own path, as specifically as"),
		jen.Comment("one of r's route."),
		jen.If(id("c").Dot("pattern").Op("==").Id("r").Dot("Pattern").Op("||").Id("c").Dot("op").Op("==").Lit("")).Block(id("score").Op("+=").Lit(1000)),
		jen.Switch().Block(
			jen.Case(id("c").Dot("canonical").Op("==").Id("body").Dot("path").Op("||").Id("trimSlash").Call(id("c").Dot("canonical")).Op("==").Id("trimSlash").Call(id("body").Dot("path"))).Block(id("score").Op("++")),
			jen.Case(id("c").Dot("op").Op("==").Lit("").Op("&&").Qual(pkgStrings, "EqualFold").Call(id("trimSlash").Call(id("c").Dot("canonical")), id("trimSlash").Call(id("body").Dot("path")))).Block(id("score").Op("++")),
			jen.Case(id("body").Dot("lenient").Op("&&").Id("placeholderMatch").Call(id("c").Dot("wild"), id("body").Dot("segs"))),
			jen.Case(id("c").Dot("pinPath").Op("||").Id("c").Dot("op").Op("==").Lit("")).Block(
				id("diffs").Op("=").Append(id("diffs"), jen.Lit("the example's path is ").Op("+").Id("c").Dot("path")),
			),
		),
		id("got").Op(":=").Id("body").Dot("query"),
		jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("c").Dot("query")))).Block(
			id("want").Op(":=").Qual(pkgStrings, "Join").Call(id("c").Dot("query").Index(id("key")), jen.Lit(",")),
			jen.Switch().Block(
				jen.Case(jen.Op("!").Id("got").Dot("Has").Call(id("key"))).Block(
					id("diffs").Op("=").Append(id("diffs"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the query has no %s (the example's is %q)"), id("key"), id("want"))),
				),
				jen.Case(jen.Qual(pkgStrings, "Join").Call(id("got").Index(id("key")), jen.Lit(",")).Op("!=").Id("want")).Block(
					id("diffs").Op("=").Append(id("diffs"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the query's %s is %q, the example's %q"), id("key"), jen.Qual(pkgStrings, "Join").Call(id("got").Index(id("key")), jen.Lit(",")), id("want"))),
				),
				jen.Default().Block(id("score").Op("+=").Lit(10)),
			),
		),
		jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("c").Dot("header")))).Block(
			jen.If(id("got").Op(":=").Id("r").Dot("Header").Dot("Get").Call(id("name")), id("got").Op("!=").Id("c").Dot("header").Index(id("name"))).Block(
				id("diffs").Op("=").Append(id("diffs"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the header %s is %q, the example's %q"), id("name"), id("got"), id("c").Dot("header").Index(id("name")))),
			).Else().Block(id("score").Op("+=").Lit(10)),
		),
		jen.List(id("n"), id("d")).Op(":=").Id("c").Dot("matchBody").Call(id("body")),
		jen.Return(id("score").Op("+").Id("n"), jen.Append(id("diffs"), id("d").Op("..."))),
	)
	f.Line()
	f.Comment("matchBody scores how well a request's body holds the example's, or lists what")
	f.Comment("differs: the documented text itself, byte for byte but for surrounding space, best;")
	f.Comment("else each member of its JSON, as the docs write it or as the tests send it")
	f.Comment("(placeholders made valid), whichever differs less. Other content matches any body.")
	f.Func().Params(id("c").Op("*").Id("fakeCase")).Id("matchBody").Params(id("body").Id("requestBody")).Params(jen.Int(), jen.Index().String()).Block(
		id("documented").Op(":=").Id("c").Dot("requestBody"),
		jen.If(id("c").Dot("docRequestBody").Op("!=").Lit("")).Block(id("documented").Op("=").Id("c").Dot("docRequestBody")),
		id("raw").Op(":=").Qual(pkgStrings, "TrimSpace").Call(id("body").Dot("raw")),
		id("exact").Op(":=").Id("documented").Op("!=").Lit("").Op("&&").Id("raw").Op("==").Qual(pkgStrings, "TrimSpace").Call(id("documented")),
		id("sent").Op(":=").Id("exact").Op("||").Id("c").Dot("requestBody").Op("!=").Lit("").Op("&&").Id("raw").Op("==").Qual(pkgStrings, "TrimSpace").Call(id("c").Dot("requestBody")),
		jen.Switch().Block(
			jen.Case(id("exact").Op("&&").Id("c").Dot("hasDocBody")).Block(
				jen.List(id("n"), id("_")).Op(":=").Id("containsJSON").Call(jen.Lit("the body"), id("c").Dot("docBody"), id("c").Dot("docBody"), jen.False()),
				jen.Return(id("n").Op("+").Lit(5), jen.Nil()),
			),
			jen.Case(id("sent").Op("&&").Id("c").Dot("hasBody")).Block(
				jen.List(id("n"), id("_")).Op(":=").Id("containsJSON").Call(jen.Lit("the body"), id("c").Dot("body"), id("c").Dot("body"), jen.False()),
				jen.Return(id("n").Op("+").Lit(5), jen.Nil()),
			),
			jen.Case(id("sent")).Block(jen.Return(jen.Lit(5), jen.Nil())),
			jen.Case(jen.Op("!").Id("c").Dot("hasBody")).Block(jen.Return(jen.Lit(0), jen.Nil())),
		),
		jen.List(id("n"), id("diffs")).Op(":=").Id("containsJSON").Call(jen.Lit("the body"), id("c").Dot("body"), id("body").Dot("json"), id("body").Dot("lenient")),
		jen.If(jen.Len(id("diffs")).Op(">").Lit(0).Op("&&").Id("c").Dot("hasDocBody")).Block(
			jen.If(jen.List(id("m"), id("d")).Op(":=").Id("containsJSON").Call(jen.Lit("the body"), id("c").Dot("docBody"), id("body").Dot("json"), id("body").Dot("lenient")), jen.Len(id("d")).Op("<").Len(id("diffs"))).Block(
				jen.Return(id("m"), id("d")),
			),
		),
		jen.Return(id("n"), id("diffs")),
	)
	f.Line()
}

func genContainsJSON(f *jen.File) {
	f.Comment("containsJSON reports whether got holds want: an object's members present and")
	f.Comment("equal, others allowed; an array's elements alike; other values equal, numbers as")
	f.Comment("numbers. It counts the equal values and lists the differences; at says where.")
	f.Comment("With fold, as a lenient fake compares, member names and strings compare without")
	f.Comment("regard to case, and a string with the text of a bool or number (\"false\", \"3\")")
	f.Comment("equals that value.")
	f.Func().Id("containsJSON").Params(id("at").String(), id("want"), id("got").Any(), id("fold").Bool()).Params(id("n").Int(), id("diffs").Index().String()).Block(
		jen.Switch(id("want").Op(":=").Id("want").Assert(jen.Type())).Block(
			jen.Case(jen.Map(jen.String()).Any()).Block(
				jen.List(id("obj"), id("ok")).Op(":=").Id("got").Assert(jen.Map(jen.String()).Any()),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(0), jen.Index().String().Values(id("at").Op("+").Lit(" is not an object")))),
				jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("want")))).Block(
					jen.List(id("member"), id("present")).Op(":=").Id("obj").Index(id("key")),
					jen.If(jen.Op("!").Id("present").Op("&&").Id("fold")).Block(
						jen.For(jen.List(id("name"), id("v")).Op(":=").Range().Id("obj")).Block(
							jen.If(jen.Qual(pkgStrings, "EqualFold").Call(id("name"), id("key"))).Block(
								jen.List(id("member"), id("present")).Op("=").List(id("v"), jen.True()),
							),
						),
					),
					jen.If(jen.Op("!").Id("present")).Block(
						id("diffs").Op("=").Append(id("diffs"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s has no member %q"), id("at"), id("key"))),
						jen.Continue(),
					),
					jen.List(id("m"), id("d")).Op(":=").Id("containsJSON").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s's %q"), id("at"), id("key")), id("want").Index(id("key")), id("member"), id("fold")),
					jen.List(id("n"), id("diffs")).Op("=").List(id("n").Op("+").Id("m"), jen.Append(id("diffs"), id("d").Op("..."))),
				),
				jen.Return(id("n"), id("diffs")),
			),
			jen.Case(jen.Index().Any()).Block(
				jen.List(id("arr"), id("ok")).Op(":=").Id("got").Assert(jen.Index().Any()),
				jen.If(jen.Op("!").Id("ok").Op("||").Len(id("arr")).Op("!=").Len(id("want"))).Block(
					jen.Return(jen.Lit(0), jen.Index().String().Values(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s is not an array of %d"), id("at"), jen.Len(id("want"))))),
				),
				jen.For(id("i").Op(":=").Range().Id("want")).Block(
					jen.List(id("m"), id("d")).Op(":=").Id("containsJSON").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s[%d]"), id("at"), id("i")), id("want").Index(id("i")), id("arr").Index(id("i")), id("fold")),
					jen.List(id("n"), id("diffs")).Op("=").List(id("n").Op("+").Id("m"), jen.Append(id("diffs"), id("d").Op("..."))),
				),
				jen.Return(id("n"), id("diffs")),
			),
		),
		jen.If(id("scalarEqual").Call(id("want"), id("got")).Op("||").Id("fold").Op("&&").Id("looseEqual").Call(id("want"), id("got"))).Block(jen.Return(jen.Lit(1), jen.Nil())),
		jen.Return(jen.Lit(0), jen.Index().String().Values(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s is %s, the example's %s"), id("at"), id("jsonText").Call(id("got")), id("jsonText").Call(id("want"))))),
	)
	f.Line()
	f.Comment("looseEqual reports JSON scalars a lenient fake takes for equal: strings without")
	f.Comment("regard to case, and a string and the bool or number it spells.")
	f.Func().Id("looseEqual").Params(id("want"), id("got").Any()).Bool().Block(
		jen.List(id("ws"), id("wOK")).Op(":=").Id("want").Assert(jen.String()),
		jen.List(id("gs"), id("gOK")).Op(":=").Id("got").Assert(jen.String()),
		jen.Switch().Block(
			jen.Case(id("wOK").Op("&&").Id("gOK")).Block(jen.Return(jen.Qual(pkgStrings, "EqualFold").Call(id("ws"), id("gs")))),
			jen.Case(id("wOK")).Block(jen.Return(id("spells").Call(id("ws"), id("got")))),
			jen.Case(id("gOK")).Block(jen.Return(id("spells").Call(id("gs"), id("want")))),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("spells reports whether s is the text of the bool or number v.")
	f.Func().Id("spells").Params(id("s").String(), id("v").Any()).Bool().Block(
		jen.Switch(id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Bool()).Block(
				jen.List(id("b"), id("err")).Op(":=").Qual(pkgStrconv, "ParseBool").Call(id("s")),
				jen.Return(id("err").Op("==").Nil().Op("&&").Id("b").Op("==").Id("v")),
			),
			jen.Case(jen.Qual(pkgJSON, "Number")).Block(
				jen.Return(id("scalarEqual").Call(jen.Qual(pkgJSON, "Number").Call(jen.Qual(pkgStrings, "TrimSpace").Call(id("s"))), id("v"))),
			),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("scalarEqual reports equal JSON scalars, numbers by value (1.0 is 1) and")
	f.Comment("timestamps by instant (2018-10-04T00:58:45.340Z is 2018-10-04T00:58:45.34Z).")
	f.Func().Id("scalarEqual").Params(id("want"), id("got").Any()).Bool().Block(
		jen.List(id("s"), id("okS")).Op(":=").Id("want").Assert(jen.String()),
		jen.List(id("t"), id("okT")).Op(":=").Id("got").Assert(jen.String()),
		jen.If(id("okS").Op("&&").Id("okT").Op("&&").Id("s").Op("!=").Id("t")).Block(
			jen.List(id("x"), id("errX")).Op(":=").Qual("time", "Parse").Call(jen.Qual("time", "RFC3339Nano"), id("s")),
			jen.List(id("y"), id("errY")).Op(":=").Qual("time", "Parse").Call(jen.Qual("time", "RFC3339Nano"), id("t")),
			jen.Return(id("errX").Op("==").Nil().Op("&&").Id("errY").Op("==").Nil().Op("&&").Id("x").Dot("Equal").Call(id("y"))),
		),
		jen.List(id("x"), id("okX")).Op(":=").Id("want").Assert(jen.Qual(pkgJSON, "Number")),
		jen.List(id("y"), id("okY")).Op(":=").Id("got").Assert(jen.Qual(pkgJSON, "Number")),
		jen.If(id("okX").Op("&&").Id("okY")).Block(
			jen.List(id("fx"), id("errX")).Op(":=").Id("x").Dot("Float64").Call(),
			jen.List(id("fy"), id("errY")).Op(":=").Id("y").Dot("Float64").Call(),
			jen.Return(id("x").Op("==").Id("y").Op("||").Id("errX").Op("==").Nil().Op("&&").Id("errY").Op("==").Nil().Op("&&").Id("fx").Op("==").Id("fy")),
		),
		jen.Comment("want is a scalar, so == cannot panic."),
		jen.Return(id("want").Op("==").Id("got")),
	)
	f.Line()
	f.Comment("jsonText is a decoded JSON value written again, cut to a readable length.")
	f.Func().Id("jsonText").Params(id("v").Any()).String().Block(
		jen.If(jen.List(id("_"), id("ok")).Op(":=").Id("v").Assert(jen.Id("notJSON")), id("ok")).Block(jen.Return(jen.Lit("not JSON"))),
		jen.List(id("data"), id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(id("v")),
		jen.If(jen.Len(id("data")).Op(">").Lit(60)).Block(jen.Return(jen.String().Call(id("data").Index(jen.Empty(), jen.Lit(57))).Op("+").Lit("..."))),
		jen.Return(jen.String().Call(id("data"))),
	)
	f.Line()
}

func genFakeRespond(f *jen.File) {
	f.Comment("respond answers with the example's documented response: its status, headers and")
	f.Comment("body (none to HEAD), its links pointed back at the fake; lastPage leaves out the")
	f.Comment("next link. Content answers ranges.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("respond").Params(rw(), req(), id("c").Op("*").Id("fakeCase"), id("lastPage").Bool()).Block(
		id("base").Op(":=").Id("fakeBase").Call(id("r")),
		id("h").Op(":=").Id("w").Dot("Header").Call(),
		jen.For(jen.List(id("_"), id("headers")).Op(":=").Range().Index().Map(jen.String()).String().Values(id("c").Dot("fakeHeader"), id("c").Dot("responseHeader"))).Block(
			jen.For(jen.List(id("name"), id("value")).Op(":=").Range().Id("headers")).Block(
				jen.If(id("name").Op("==").Lit("Location").Op("||").Id("name").Op("==").Lit("Content-Location")).Block(
					id("value").Op("=").Id("fake").Dot("link").Call(id("value"), id("base")),
				),
				id("h").Dot("Set").Call(id("name"), id("value")),
			),
		),
		id("what").Op(":=").Lit("example ").Op("+").Id("c").Dot("source").Op("+").Lit(" (").Op("+").Id("c").Dot("name").Op("+").Lit(")"),
		jen.If(id("lastPage")).Block(id("what").Op("=").Lit("the last page of ").Op("+").Id("what")),
		id("body").Op(":=").Id("c").Dot("answered").Call(),
		jen.Switch().Block(
			jen.Case(id("c").Dot("content").Op("&&").Id("c").Dot("status").Op("==").Qual(pkgHTTP, "StatusOK")).Block(
				id("fake").Dot("logf").Call(id("r"), id("c").Dot("status"), id("what")),
				id("serveBytes").Call(id("w"), id("r"), id("body")),
				jen.Return(),
			),
			jen.Case(jen.Op("!").Id("c").Dot("content").Op("&&").Qual(pkgJSON, "Valid").Call(jen.Index().Byte().Call(id("body")))).Block(
				jen.If(jen.Op("!").Id("isJSON").Call(id("h").Dot("Get").Call(jen.Lit("Content-Type")))).Block(
					id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
				),
				id("body").Op("=").Id("fake").Dot("rebaseLinks").Call(id("body"), id("base"), id("lastPage")),
			),
		),
		id("fake").Dot("logf").Call(id("r"), id("c").Dot("status"), id("what")),
		id("w").Dot("WriteHeader").Call(id("c").Dot("status")),
		jen.If(id("r").Dot("Method").Op("!=").Qual(pkgHTTP, "MethodHead")).Block(
			jen.List(id("_"), id("_")).Op("=").Qual(pkgIO, "WriteString").Call(id("w"), id("body")),
		),
	)
	f.Line()
	f.Comment("serveBytes answers content, with ranges and conditional requests.")
	f.Func().Id("serveBytes").Params(rw(), req(), id("content").String()).Block(
		jen.If(id("w").Dot("Header").Call().Dot("Get").Call(jen.Lit("Content-Type")).Op("==").Lit("")).Block(
			id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/octet-stream")),
		),
		id("w").Dot("Header").Call().Dot("Del").Call(jen.Lit("Content-Range")),
		jen.Qual(pkgHTTP, "ServeContent").Call(id("w"), id("r"), jen.Lit(""), jen.Qual("time", "Time").Values(), jen.Qual(pkgStrings, "NewReader").Call(id("content"))),
	)
	f.Line()
	f.Comment("fakeBase is the fake's own base URL, as r reached it.")
	f.Func().Id("fakeBase").Params(req()).String().Block(
		jen.If(id("r").Dot("TLS").Op("!=").Nil()).Block(jen.Return(jen.Lit("https://").Op("+").Id("r").Dot("Host"))),
		jen.Return(jen.Lit("http://").Op("+").Id("r").Dot("Host")),
	)
	f.Line()
}

// genFakeAliases writes how the fake serves a resource's URL spelled with
// another documented spelling of its start.
func genFakeAliases(f *jen.File) {
	f.Comment("setAliases keeps the URL templates of each GET operation the docs document at")
	f.Comment("several: a path no route serves is tried with its start spelled another way.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("setAliases").Params(id("groups").Index().Index().String()).Block(
		jen.For(jen.List(id("_"), id("group")).Op(":=").Range().Id("groups")).Block(
			jen.Var().Id("split").Index().Index().String(),
			jen.For(jen.List(id("_"), id("template")).Op(":=").Range().Id("group")).Block(
				id("split").Op("=").Append(id("split"), id("pathSegments").Call(id("template"))),
			),
			id("fake").Dot("aliases").Op("=").Append(id("fake").Dot("aliases"), id("split")),
		),
	)
	f.Line()
	f.Comment("serveAlias serves a path no route serves as the same resource spelled otherwise:")
	f.Comment("where its start is one documented spelling of a resource (/drives/b!x), the")
	f.Comment("others in turn (/me/drive), their wildcards taking its values in order, until a")
	f.Comment("route serves one (/me/drive/root for /drives/b!x/root). It reports whether one did.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("serveAlias").Params(rw(), req(), id("mux").Qual(pkgHTTP, "Handler")).Bool().Block(
		id("segs").Op(":=").Id("pathSegments").Call(id("r").Dot("URL").Dot("EscapedPath").Call()),
		jen.For(jen.List(id("_"), id("group")).Op(":=").Range().Id("fake").Dot("aliases")).Block(
			jen.For(jen.List(id("i"), id("from")).Op(":=").Range().Id("group")).Block(
				jen.List(id("values"), id("ok")).Op(":=").Id("matchStart").Call(id("from"), id("segs")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
				jen.For(jen.List(id("j"), id("to")).Op(":=").Range().Id("group")).Block(
					jen.List(id("start"), id("ok")).Op(":=").Id("fillTemplate").Call(id("to"), id("values")),
					jen.If(id("j").Op("==").Id("i").Op("||").Op("!").Id("ok")).Block(jen.Continue()),
					id("escaped").Op(":=").Lit("/").Op("+").Qual(pkgStrings, "Join").Call(jen.Append(id("start"), id("segs").Index(jen.Len(id("from")), jen.Empty()).Op("...")), jen.Lit("/")),
					jen.List(id("path"), id("err")).Op(":=").Qual(pkgURL, "PathUnescape").Call(id("escaped")),
					jen.If(id("err").Op("!=").Nil()).Block(jen.Continue()),
					id("u").Op(":=").Op("*").Id("r").Dot("URL"),
					jen.List(id("u").Dot("Path"), id("u").Dot("RawPath")).Op("=").List(id("path"), id("escaped")),
					id("r2").Op(":=").Op("*").Id("r"),
					id("r2").Dot("URL").Op("=").Op("&").Id("u"),
					jen.Comment("The refused try before this one set the headers of a plain-text 404."),
					id("w").Dot("Header").Call().Dot("Del").Call(jen.Lit("Content-Type")),
					id("w").Dot("Header").Call().Dot("Del").Call(jen.Lit("X-Content-Type-Options")),
					id("catch").Op(":=").Op("&").Id("refusal").Values(jen.Dict{id("ResponseWriter"): id("w")}),
					id("mux").Dot("ServeHTTP").Call(id("catch"), jen.Op("&").Id("r2")),
					jen.If(id("catch").Dot("refused").Op("==").Lit(0)).Block(
						jen.If(id("fake").Dot("log").Op("!=").Nil()).Block(
							id("fake").Dot("log").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s %s: served as %s, which the docs document as the same resource"), id("r").Dot("Method"), id("r").Dot("URL").Dot("EscapedPath").Call(), id("escaped"))),
						),
						jen.Return(jen.True()),
					),
				),
			),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("matchStart matches a template's segments to the start of a path's, shorter than")
	f.Comment("it: literal ones in any letter case, a placeholder ({id}, <id>) any one; the")
	f.Comment("values are the placeholders', in order. A segment with a placeholder inside it (a")
	f.Comment("function's arguments, a path after root:) matches nothing here.")
	f.Func().Id("matchStart").Params(jen.List(id("template"), id("segs")).Index().String()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.If(jen.Len(id("template")).Op(">=").Len(id("segs"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Var().Id("values").Index().String(),
		jen.For(jen.List(id("i"), id("t")).Op(":=").Range().Id("template")).Block(
			jen.Switch().Block(
				jen.Case(id("isPlaceholder").Call(id("t"))).Block(id("values").Op("=").Append(id("values"), id("segs").Index(id("i")))),
				jen.Case(jen.Qual(pkgStrings, "ContainsAny").Call(id("t"), jen.Lit("{}:")).Op("||").Op("!").Qual(pkgStrings, "EqualFold").Call(id("t"), id("segs").Index(id("i")))).Block(jen.Return(jen.Nil(), jen.False())),
			),
		),
		jen.Return(id("values"), jen.True()),
	)
	f.Line()
	f.Comment("fillTemplate puts values in a template's placeholders, in order; ok is false when it")
	f.Comment("has more placeholders than values, or one inside a segment.")
	f.Func().Id("fillTemplate").Params(id("template"), id("values").Index().String()).Params(jen.Index().String(), jen.Bool()).Block(
		id("out").Op(":=").Make(jen.Index().String(), jen.Len(id("template"))),
		jen.For(jen.List(id("i"), id("t")).Op(":=").Range().Id("template")).Block(
			jen.Switch().Block(
				jen.Case(id("isPlaceholder").Call(id("t")).Op("&&").Len(id("values")).Op(">").Lit(0)).Block(
					jen.List(id("out").Index(id("i")), id("values")).Op("=").List(id("values").Index(jen.Lit(0)), id("values").Index(jen.Lit(1), jen.Empty())),
				),
				jen.Case(jen.Qual(pkgStrings, "ContainsAny").Call(id("t"), jen.Lit("{}:"))).Block(jen.Return(jen.Nil(), jen.False())),
				jen.Default().Block(id("out").Index(id("i")).Op("=").Id("t")),
			),
		),
		jen.Return(id("out"), jen.True()),
	)
	f.Line()
}

func genFakeLinks(f *jen.File) {
	f.Comment("link points a documented URL at the fake at base: the docs' base URL, or any")
	f.Comment("other scheme and host, becomes base. A relative URL stays as it is: it resolves")
	f.Comment("against the fake already.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("link").Params(id("u"), id("base").String()).String().Block(
		jen.If(jen.List(id("rest"), id("ok")).Op(":=").Qual(pkgStrings, "CutPrefix").Call(id("u"), id("fake").Dot("docsBase")), id("ok").Op("&&").Id("fake").Dot("docsBase").Op("!=").Lit("").Op("&&").Parens(id("rest").Op("==").Lit("").Op("||").Id("rest").Index(jen.Lit(0)).Op("==").LitRune('/').Op("||").Id("rest").Index(jen.Lit(0)).Op("==").LitRune('?'))).Block(
			jen.Return(id("base").Op("+").Id("rest")),
		),
		jen.List(id("p"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(id("u")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("p").Dot("Host").Op("==").Lit("")).Block(jen.Return(id("u"))),
		jen.Return(id("base").Op("+").Id("p").Dot("RequestURI").Call()),
	)
	f.Line()
	f.Comment("linkKey is a URL's path and query in one spelling, so that a request for a link")
	f.Comment("the fake handed out finds it, however escaped.")
	f.Func().Id("linkKey").Params(id("u").String()).String().Block(
		jen.List(id("p"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(id("u")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(id("u"))),
		jen.Return(id("trimSlash").Call(id("canonicalPath").Call(id("p").Dot("EscapedPath").Call())).Op("+").Lit("?").Op("+").Id("lenientQuery").Call(id("p").Dot("RawQuery")).Dot("Encode").Call()),
	)
	f.Line()
	f.Comment("rebaseLinks points a JSON body's next and delta links at the fake at base;")
	f.Comment("lastPage leaves out the next link. A body without links is answered as documented.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("rebaseLinks").Params(id("body"), id("base").String(), id("lastPage").Bool()).String().Block(
		id("keys").Op(":=").Index().String().Values(jen.Lit("@odata.nextLink"), jen.Lit("@odata.deltaLink")),
		jen.If(jen.Op("!").Qual(pkgSlices, "ContainsFunc").Call(id("keys"), jen.Func().Params(id("key").String()).Bool().Block(
			jen.List(id("_"), id("ok")).Op(":=").Id("jsonMember").Call(id("body"), id("key")),
			jen.Return(id("ok")),
		))).Block(jen.Return(id("body"))),
		jen.Var().Id("members").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(id("body")), jen.Op("&").Id("members")).Op("!=").Nil()).Block(jen.Return(id("body"))),
		jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Id("keys")).Block(
			jen.If(jen.List(id("link"), id("ok")).Op(":=").Id("jsonMember").Call(id("body"), id("key")), id("ok")).Block(
				jen.List(id("members").Index(id("key")), id("_")).Op("=").Qual(pkgJSON, "Marshal").Call(id("fake").Dot("link").Call(id("link"), id("base"))),
			),
		),
		jen.If(id("lastPage")).Block(jen.Delete(id("members"), jen.Lit("@odata.nextLink"))),
		jen.Var().Id("buf").Qual(pkgBytes, "Buffer"),
		id("enc").Op(":=").Qual(pkgJSON, "NewEncoder").Call(jen.Op("&").Id("buf")),
		id("enc").Dot("SetEscapeHTML").Call(jen.False()),
		id("enc").Dot("SetIndent").Call(jen.Lit(""), jen.Lit("  ")),
		jen.If(id("enc").Dot("Encode").Call(id("members")).Op("!=").Nil()).Block(jen.Return(id("body"))),
		jen.Return(id("buf").Dot("String").Call()),
	)
	f.Line()
}

func genFakeWrap(f *jen.File) {
	f.Comment("wrap serves mux behind the links the fake hands out: a next link answers its")
	f.Comment("example's last page, unless the docs show that very request; a monitor or a")
	f.Comment("redirect target answers where no route does. What mux refuses, and no example")
	f.Comment("documented at that URL answers, gets the API's error envelope naming the closest")
	f.Comment("example.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("wrap").Params(id("mux").Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(rw(), req()).Block(
			id("r").Op("=").Id("fake").Dot("unprefixed").Call(id("r")),
			id("key").Op(":=").Id("linkKey").Call(id("r").Dot("URL").Dot("RequestURI").Call()),
			id("get").Op(":=").Id("r").Dot("Method").Op("==").Qual(pkgHTTP, "MethodGet").Op("||").Id("r").Dot("Method").Op("==").Qual(pkgHTTP, "MethodHead"),
			jen.If(id("c").Op(":=").Id("fake").Dot("pages").Index(id("key")), id("c").Op("!=").Nil().Op("&&").Id("get").Op("&&").Op("!").Id("fake").Dot("documented").Index(jen.Lit("GET ").Op("+").Id("key"))).Block(
				id("fake").Dot("respond").Call(id("w"), id("r"), id("c"), jen.True()),
				jen.Return(),
			),
			id("catch").Op(":=").Op("&").Id("refusal").Values(jen.Dict{id("ResponseWriter"): id("w")}),
			id("mux").Dot("ServeHTTP").Call(id("catch"), id("r")),
			jen.Switch().Block(
				jen.Case(id("catch").Dot("refused").Op("==").Lit(0)).Block(),
				jen.Case(id("fake").Dot("targets").Index(id("key")).Op("!=").Nil().Op("&&").Id("get")).Block(
					id("fake").Dot("serveTarget").Call(id("w"), id("r"), id("fake").Dot("targets").Index(id("key"))),
				),
				jen.Case(jen.Len(id("fake").Dot("unroutedAt").Call(id("r"))).Op(">").Lit(0)).Block(
					id("w").Dot("Header").Call().Dot("Del").Call(jen.Lit("Allow")),
					id("fake").Dot("answer").Call(jen.Lit("")).Call(id("w"), id("r")),
				),
				jen.Case(id("catch").Dot("refused").Op("==").Qual(pkgHTTP, "StatusNotFound").Op("&&").Id("fake").Dot("serveAlias").Call(id("w"), id("r"), id("mux"))),
				jen.Default().Block(id("fake").Dot("refuse").Call(id("w"), id("r"), id("catch").Dot("refused"))),
			),
		))),
	)
	f.Line()
	genFakeAliases(f)
	f.Comment("unprefixed is r without the docs' base URL's path at the start of its own, as a")
	f.Comment("client whose base URL is the docs' with only the host changed sends it")
	f.Comment("(/v1.0/me for /me); else r.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("unprefixed").Params(req()).Op("*").Qual(pkgHTTP, "Request").Block(
		id("p").Op(":=").Id("fake").Dot("prefix"),
		jen.If(id("p").Op("==").Lit("").Op("||").Op("!").Qual(pkgStrings, "HasPrefix").Call(id("r").Dot("URL").Dot("EscapedPath").Call(), id("p").Op("+").Lit("/"))).Block(jen.Return(id("r"))),
		id("u").Op(":=").Op("*").Id("r").Dot("URL"),
		jen.List(id("u").Dot("Path"), id("u").Dot("RawPath")).Op("=").List(jen.Qual(pkgStrings, "TrimPrefix").Call(id("u").Dot("Path"), id("p")), jen.Qual(pkgStrings, "TrimPrefix").Call(id("u").Dot("RawPath"), id("p"))),
		id("r2").Op(":=").Op("*").Id("r"),
		id("r2").Dot("URL").Op("=").Op("&").Id("u"),
		jen.Return(jen.Op("&").Id("r2")),
	)
	f.Line()
	f.Comment("serveTarget answers a link an example's Location handed out: the monitor of an")
	f.Comment("accepted operation reports it completed; a redirect's target serves the example's")
	f.Comment("bytes.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("serveTarget").Params(rw(), req(), id("c").Op("*").Id("fakeCase")).Block(
		id("what").Op(":=").Lit("the Location of example ").Op("+").Id("c").Dot("source").Op("+").Lit(" (").Op("+").Id("c").Dot("name").Op("+").Lit(")"),
		id("fake").Dot("logf").Call(id("r"), jen.Qual(pkgHTTP, "StatusOK"), id("what")),
		jen.If(id("c").Dot("status").Op("==").Qual(pkgHTTP, "StatusAccepted")).Block(
			id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
			id("w").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusOK")),
			jen.List(id("_"), id("_")).Op("=").Qual(pkgIO, "WriteString").Call(id("w"), jen.Lit(`{"status": "completed", "percentageComplete": 100}`)),
			jen.Return(),
		),
		id("serveBytes").Call(id("w"), id("r"), id("c").Dot("responseBody")),
	)
	f.Line()
	f.Comment("refusal holds back the plain-text 404 and 405 of net/http.ServeMux, so that the fake")
	f.Comment("answers them in the API's error envelope; anything else passes through.")
	f.Type().Id("refusal").Struct(
		jen.Qual(pkgHTTP, "ResponseWriter"),
		id("refused").Int(),
		id("passed").Bool(),
	)
	f.Line()
	f.Func().Params(id("w").Op("*").Id("refusal")).Id("WriteHeader").Params(id("code").Int()).Block(
		jen.If(jen.Op("!").Id("w").Dot("passed").Op("&&").Parens(id("code").Op("==").Qual(pkgHTTP, "StatusNotFound").Op("||").Id("code").Op("==").Qual(pkgHTTP, "StatusMethodNotAllowed")).Op("&&").Qual(pkgStrings, "HasPrefix").Call(id("w").Dot("Header").Call().Dot("Get").Call(jen.Lit("Content-Type")), jen.Lit("text/plain"))).Block(
			id("w").Dot("refused").Op("=").Id("code"),
			jen.Return(),
		),
		id("w").Dot("passed").Op("=").True(),
		id("w").Dot("ResponseWriter").Dot("WriteHeader").Call(id("code")),
	)
	f.Line()
	f.Func().Params(id("w").Op("*").Id("refusal")).Id("Write").Params(id("p").Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		jen.If(id("w").Dot("refused").Op("!=").Lit(0)).Block(jen.Return(jen.Len(id("p")), jen.Nil())),
		id("w").Dot("passed").Op("=").True(),
		jen.Return(id("w").Dot("ResponseWriter").Dot("Write").Call(id("p"))),
	)
	f.Line()
	f.Comment("Unwrap gives http.ResponseController the writer underneath.")
	f.Func().Params(id("w").Op("*").Id("refusal")).Id("Unwrap").Params().Qual(pkgHTTP, "ResponseWriter").Block(
		jen.Return(id("w").Dot("ResponseWriter")),
	)
	f.Line()
}

func genFakeRefuse(f *jen.File) {
	f.Comment("refuse answers a request no route serves (404) or serves with another method")
	f.Comment("(405), naming the documented example nearest to it.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("refuse").Params(rw(), req(), id("status").Int()).Block(
		id("w").Dot("Header").Call().Dot("Del").Call(jen.Lit("X-Content-Type-Options")),
		jen.List(id("code"), id("what")).Op(":=").List(jen.Lit("notFound"), jen.Lit("no documented URL matches ").Op("+").Id("r").Dot("Method").Op("+").Lit(" ").Op("+").Id("r").Dot("URL").Dot("EscapedPath").Call()),
		jen.If(id("status").Op("==").Qual(pkgHTTP, "StatusMethodNotAllowed")).Block(
			jen.List(id("code"), id("what")).Op("=").List(jen.Lit("methodNotAllowed"), id("r").Dot("Method").Op("+").Lit(" is not documented at ").Op("+").Id("r").Dot("URL").Dot("EscapedPath").Call()),
		),
		jen.If(id("c").Op(":=").Id("fake").Dot("nearest").Call(id("r")), id("c").Op("!=").Nil()).Block(
			id("what").Op("+=").Qual(pkgFmt, "Sprintf").Call(jen.Lit("; the closest documented example is %s (%s): %s %s"), id("c").Dot("source"), id("c").Dot("name"), id("c").Dot("method"), id("c").Dot("path")),
		),
		id("fake").Dot("fail").Call(id("w"), id("r"), id("status"), id("code"), id("what")),
	)
	f.Line()
	f.Comment("nearest is the example whose path shares the most leading segments with r's, of")
	f.Comment("r's method among equals, the first documented among those.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("nearest").Params(req()).Op("*").Id("fakeCase").Block(
		jen.Var().Id("best").Op("*").Id("fakeCase"),
		id("bestScore").Op(":=").Lit(-1),
		id("segments").Op(":=").Qual(pkgStrings, "Split").Call(id("canonicalPath").Call(id("r").Dot("URL").Dot("EscapedPath").Call()), jen.Lit("/")),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Id("fake").Dot("all")).Block(
			id("score").Op(":=").Lit(0),
			jen.For(jen.List(id("i"), id("s")).Op(":=").Range().Qual(pkgStrings, "Split").Call(id("c").Dot("canonical"), jen.Lit("/"))).Block(
				jen.If(id("i").Op(">=").Len(id("segments")).Op("||").Op("!").Qual(pkgStrings, "EqualFold").Call(id("segments").Index(id("i")), id("s"))).Block(jen.Break()),
				id("score").Op("+=").Lit(2),
			),
			jen.If(id("c").Dot("method").Op("==").Id("r").Dot("Method")).Block(id("score").Op("++")),
			jen.If(id("score").Op(">").Id("bestScore")).Block(jen.List(id("best"), id("bestScore")).Op("=").List(id("c"), id("score"))),
		),
		jen.Return(id("best")),
	)
	f.Line()
	f.Comment("fail answers an error in the API's envelope, and logs why.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("fail").Params(rw(), req(), id("status").Int(), jen.List(id("code"), id("message")).String()).Block(
		id("fake").Dot("logf").Call(id("r"), id("status"), id("message")),
		id("writeError").Call(id("w"), id("status"), id("code"), id("message")),
	)
	f.Line()
	f.Comment("logf logs what the fake answered a request with.")
	f.Func().Params(id("fake").Op("*").Id("exampleFake")).Id("logf").Params(req(), id("status").Int(), id("what").String()).Block(
		jen.If(id("fake").Dot("log").Op("!=").Nil()).Block(
			id("fake").Dot("log").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s %s -> %d %s"), id("r").Dot("Method"), id("r").Dot("URL").Dot("RequestURI").Call(), id("status"), id("what"))),
		),
	)
	f.Line()
	f.Comment("summarize joins the first differences of a request from an example.")
	f.Func().Id("summarize").Params(id("diffs").Index().String()).String().Block(
		jen.If(jen.Len(id("diffs")).Op(">").Lit(3)).Block(
			id("diffs").Op("=").Append(jen.Qual(pkgSlices, "Clip").Call(id("diffs").Index(jen.Empty(), jen.Lit(3))), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("and %d more"), jen.Len(id("diffs")).Op("-").Lit(3))),
		),
		jen.Return(jen.Qual(pkgStrings, "Join").Call(id("diffs"), jen.Lit("; "))),
	)
	f.Line()
}
