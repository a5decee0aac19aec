package templates

import (
	"github.com/dave/jennifer/jen"
)

// genTemplateRoutes writes the router: net/http.ServeMux for the patterns
// it can match, the templates it cannot (OneDrive path addressing, OData
// function calls) behind a prefix of theirs, and the URL equivalences the
// API honours on top of both.
func genTemplateRoutes(f *jen.File) {
	genRouter(f)
	f.Comment("templateRoute is a URL template net/http.ServeMux cannot match, such as")
	f.Comment("/drive/root:/{itemPath}:/content: its literal texts surround its parameters.")
	f.Type().Id("templateRoute").Struct(
		jen.Id("pattern").String(),
		jen.Id("literals").Index().String(),
		jen.Comment("names and multi describe the parameters; a multi one may span segments."),
		jen.Id("names").Index().String(),
		jen.Id("multi").Index().Bool(),
		jen.Id("serve").Qual(pkgHTTP, "HandlerFunc"),
	)
	f.Line()
	f.Comment("templateRoutes serves the templates behind one ServeMux prefix, most specific")
	f.Comment("first. It matches the path percent-decoded (an escaped slash stays one), decodes")
	f.Comment("each parameter exactly once, and hands it to the operation as a path value.")
	f.Type().Id("templateRoutes").Index().Id("templateRoute")
	f.Line()
	f.Func().Params(jen.Id("routes").Id("templateRoutes")).Id("ServeHTTP").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
		jen.List(jen.Id("rt"), jen.Id("values")).Op(":=").Id("routes").Dot("find").Call(jen.Id("r").Dot("URL").Dot("EscapedPath").Call()),
		jen.If(jen.Id("rt").Op("==").Nil()).Block(
			jen.Qual(pkgHTTP, "NotFound").Call(jen.Id("w"), jen.Id("r")),
			jen.Return(),
		),
		jen.For(jen.List(jen.Id("i"), jen.Id("name")).Op(":=").Range().Id("rt").Dot("names")).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual("net/url", "PathUnescape").Call(jen.Id("values").Index(jen.Id("i"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Id("writeError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("invalidRequest"), jen.Lit("the path is not validly escaped")),
				jen.Return(),
			),
			jen.Id("r").Dot("SetPathValue").Call(jen.Id("name"), jen.Id("v")),
		),
		jen.Id("r").Dot("Pattern").Op("=").Id("rt").Dot("pattern"),
		jen.Id("rt").Dot("serve").Call(jen.Id("w"), jen.Id("r")),
	)
	f.Line()
	f.Comment("find is the template an escaped path matches, with its parameters' values still")
	f.Comment("escaped: the first whose literals match as spelled, else the first whose literals")
	f.Comment("match in another letter case, as the API reads URLs.")
	f.Func().Params(jen.Id("routes").Id("templateRoutes")).Id("find").Params(jen.Id("escaped").String()).Params(jen.Op("*").Id("templateRoute"), jen.Index().String()).Block(
		jen.Id("path").Op(":=").Id("canonicalPath").Call(jen.Id("escaped")),
		jen.For(jen.List(jen.Id("_"), jen.Id("fold")).Op(":=").Range().Index(jen.Lit(2)).Bool().Values(jen.False(), jen.True())).Block(
			jen.For(jen.Id("i").Op(":=").Range().Id("routes")).Block(
				jen.If(jen.List(jen.Id("values"), jen.Id("ok")).Op(":=").Id("matchTemplate").Call(jen.Id("path"), jen.Id("routes").Index(jen.Id("i")).Dot("literals"), jen.Id("routes").Index(jen.Id("i")).Dot("multi"), jen.Id("fold")), jen.Id("ok")).Block(
					jen.Return(jen.Op("&").Id("routes").Index(jen.Id("i")), jen.Id("values")),
				),
			),
		),
		jen.Return(jen.Nil(), jen.Nil()),
	)
	f.Line()
	genMatchTemplate(f)
	genCanonicalPath(f)
}

func genMatchTemplate(f *jen.File) {
	f.Comment("matchTemplate matches a canonical path against literals around len(literals)-1")
	f.Comment("parameters, in any letter case when fold. A parameter takes the text up to the")
	f.Comment("next literal (its last occurrence for a multi-segment parameter), is never empty,")
	f.Comment("and holds a '/' only when multi-segment, so \"..\" or an escaped slash cannot reach")
	f.Comment("another route.")
	f.Func().Id("matchTemplate").Params(jen.Id("path").String(), jen.Id("literals").Index().String(), jen.Id("multi").Index().Bool(), jen.Id("fold").Bool()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.Id("key").Op(":=").Id("path"),
		jen.Id("literal").Op(":=").Func().Params(jen.Id("i").Int()).String().Block(
			jen.Return(jen.Id("canonicalPath").Call(jen.Id("literals").Index(jen.Id("i")))),
		),
		jen.If(jen.Id("fold")).Block(
			jen.Id("key").Op("=").Id("asciiLower").Call(jen.Id("path")),
			jen.Id("literal").Op("=").Func().Params(jen.Id("i").Int()).String().Block(
				jen.Return(jen.Id("asciiLower").Call(jen.Id("canonicalPath").Call(jen.Id("literals").Index(jen.Id("i"))))),
			),
		),
		jen.Id("first").Op(":=").Id("literal").Call(jen.Lit(0)),
		jen.If(jen.Op("!").Qual("strings", "HasPrefix").Call(jen.Id("key"), jen.Id("first"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Comment("at is the offset in key, and in path, that is left to match."),
		jen.Id("at").Op(":=").Len(jen.Id("first")),
		jen.Var().Id("values").Index().String(),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<").Len(jen.Id("literals")), jen.Id("i").Op("++")).Block(
			jen.List(jen.Id("next"), jen.Id("rest")).Op(":=").List(jen.Id("literal").Call(jen.Id("i")), jen.Id("key").Index(jen.Id("at"), jen.Empty())),
			jen.Id("end").Op(":=").Qual("strings", "Index").Call(jen.Id("rest"), jen.Id("next")),
			jen.Switch().Block(
				jen.Case(jen.Id("i").Op("==").Len(jen.Id("literals")).Op("-").Lit(1)).Block(
					jen.Comment("The last literal ends the path."),
					jen.Id("end").Op("=").Len(jen.Id("rest")).Op("-").Len(jen.Id("next")),
					jen.If(jen.Op("!").Qual("strings", "HasSuffix").Call(jen.Id("rest"), jen.Id("next"))).Block(jen.Id("end").Op("=").Lit(-1)),
				),
				jen.Case(jen.Id("multi").Index(jen.Id("i").Op("-").Lit(1))).Block(
					jen.Id("end").Op("=").Qual("strings", "LastIndex").Call(jen.Id("rest"), jen.Id("next")),
				),
			),
			jen.If(jen.Id("end").Op("<=").Lit(0).Op("||").Op("!").Id("multi").Index(jen.Id("i").Op("-").Lit(1)).Op("&&").Qual("strings", "Contains").Call(jen.Id("rest").Index(jen.Empty(), jen.Id("end")), jen.Lit("/"))).Block(
				jen.Return(jen.Nil(), jen.False()),
			),
			jen.Id("values").Op("=").Append(jen.Id("values"), jen.Id("path").Index(jen.Id("at"), jen.Id("at").Op("+").Id("end"))),
			jen.Id("at").Op("+=").Id("end").Op("+").Len(jen.Id("next")),
		),
		jen.Return(jen.Id("values"), jen.Id("at").Op("==").Len(jen.Id("key"))),
	)
	f.Line()
}

func genCanonicalPath(f *jen.File) {
	f.Comment("canonicalPath is an escaped path percent-decoded, as RFC 3986 has an escaped")
	f.Comment("octet and the octet itself mean one character, except an escaped slash or")
	f.Comment("percent sign, which stays escaped (in upper case) so that the path keeps its")
	f.Comment("segments and decodes once.")
	f.Func().Id("canonicalPath").Params(jen.Id("escaped").String()).String().Block(
		jen.If(jen.Op("!").Qual("strings", "Contains").Call(jen.Id("escaped"), jen.Lit("%"))).Block(jen.Return(jen.Id("escaped"))),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.Id("b").Dot("Grow").Call(jen.Len(jen.Id("escaped"))),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("escaped")), jen.Id("i").Op("++")).Block(
			jen.If(jen.Id("escaped").Index(jen.Id("i")).Op("==").LitRune('%').Op("&&").Id("i").Op("+").Lit(2).Op("<").Len(jen.Id("escaped"))).Block(
				jen.If(jen.List(jen.Id("c"), jen.Err()).Op(":=").Qual("strconv", "ParseUint").Call(jen.Id("escaped").Index(jen.Id("i").Op("+").Lit(1), jen.Id("i").Op("+").Lit(3)), jen.Lit(16), jen.Lit(8)), jen.Err().Op("==").Nil()).Block(
					jen.If(jen.Id("c").Op("==").LitRune('/').Op("||").Id("c").Op("==").LitRune('%')).Block(
						jen.Id("b").Dot("WriteString").Call(jen.Qual("strings", "ToUpper").Call(jen.Id("escaped").Index(jen.Id("i"), jen.Id("i").Op("+").Lit(3)))),
					).Else().Block(
						jen.Id("b").Dot("WriteByte").Call(jen.Byte().Call(jen.Id("c"))),
					),
					jen.Id("i").Op("+=").Lit(2),
					jen.Continue(),
				),
			),
			jen.Id("b").Dot("WriteByte").Call(jen.Id("escaped").Index(jen.Id("i"))),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)
	f.Line()
	f.Comment("asciiLower lower-cases the ASCII letters of s only, so that offsets in s stay put.")
	f.Func().Id("asciiLower").Params(jen.Id("s").String()).String().Block(
		jen.Id("i").Op(":=").Qual("strings", "IndexFunc").Call(jen.Id("s"), jen.Func().Params(jen.Id("c").Rune()).Bool().Block(
			jen.Return(jen.Id("c").Op(">=").LitRune('A').Op("&&").Id("c").Op("<=").LitRune('Z')),
		)),
		jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Id("s"))),
		jen.Id("b").Op(":=").Index().Byte().Call(jen.Id("s")),
		jen.For(jen.List(jen.Id("j"), jen.Id("c")).Op(":=").Range().Id("b").Index(jen.Id("i"), jen.Empty())).Block(
			jen.If(jen.Id("c").Op(">=").LitRune('A').Op("&&").Id("c").Op("<=").LitRune('Z')).Block(
				jen.Id("b").Index(jen.Id("i").Op("+").Id("j")).Op("+=").Lit(32),
			),
		),
		jen.Return(jen.String().Call(jen.Id("b"))),
	)
	f.Line()
}

// genRouter writes the router the handlers route by: the documented
// patterns first, then, for a request they refuse, the spellings of its
// path the API takes for the same URL.
func genRouter(f *jen.File) {
	hw := func() *jen.Statement { return jen.Id("w").Qual(pkgHTTP, "ResponseWriter") }
	hr := func() *jen.Statement { return jen.Id("r").Op("*").Qual(pkgHTTP, "Request") }
	f.Comment("router routes requests by the documented ServeMux patterns, and a request they")
	f.Comment("refuse by the equivalent spelling of its path that they route, as the API reads")
	f.Comment("URLs: without a trailing slash, and with its literal segments in any letter case")
	f.Comment("(/auditLogs/directoryaudits is /auditLogs/directoryAudits). Escaped and plain")
	f.Comment("characters are one already: ServeMux and the templates match paths decoded.")
	f.Type().Id("router").Struct(
		jen.Id("mux").Op("*").Qual(pkgHTTP, "ServeMux"),
		jen.Comment("folded routes the patterns with their literals in lower case; spelled maps each"),
		jen.Comment("to the patterns it folds, which differ only in letter case."),
		jen.Id("folded").Op("*").Qual(pkgHTTP, "ServeMux"),
		jen.Id("spelled").Map(jen.String()).Index().String(),
	)
	f.Line()
	f.Func().Id("newRouter").Params().Op("*").Id("router").Block(
		jen.Return(jen.Op("&").Id("router").Values(jen.Dict{
			jen.Id("mux"):     jen.Qual(pkgHTTP, "NewServeMux").Call(),
			jen.Id("folded"):  jen.Qual(pkgHTTP, "NewServeMux").Call(),
			jen.Id("spelled"): jen.Map(jen.String()).Index().String().Values(),
		})),
	)
	f.Line()
	f.Comment("handle routes pattern to h, and other spellings of its literals to it too.")
	f.Func().Params(jen.Id("rt").Op("*").Id("router")).Id("handle").Params(jen.Id("pattern").String(), jen.Id("h").Qual(pkgHTTP, "Handler")).Block(
		jen.Id("rt").Dot("mux").Dot("Handle").Call(jen.Id("pattern"), jen.Id("h")),
		jen.Id("folded").Op(":=").Id("foldPattern").Call(jen.Id("pattern")),
		jen.If(jen.List(jen.Id("_"), jen.Id("taken")).Op(":=").Id("rt").Dot("spelled").Index(jen.Id("folded")), jen.Id("taken")).Block(
			jen.Id("rt").Dot("spelled").Index(jen.Id("folded")).Op("=").Append(jen.Id("rt").Dot("spelled").Index(jen.Id("folded")), jen.Id("pattern")),
			jen.Return(),
		),
		jen.Defer().Func().Params().Block(
			jen.Comment("A folded pattern that conflicts with another routes its own spelling only."),
			jen.Id("_").Op("=").Recover(),
		).Call(),
		jen.Id("rt").Dot("folded").Dot("Handle").Call(jen.Id("folded"), jen.Id("h")),
		jen.Id("rt").Dot("spelled").Index(jen.Id("folded")).Op("=").Index().String().Values(jen.Id("pattern")),
	)
	f.Line()
	f.Func().Params(jen.Id("rt").Op("*").Id("router")).Id("ServeHTTP").Params(hw(), hr()).Block(
		jen.If(jen.Op("!").Id("rt").Dot("routes").Call(jen.Id("r"))).Block(
			jen.If(jen.Id("same").Op(":=").Id("rt").Dot("equivalent").Call(jen.Id("r")), jen.Id("same").Op("!=").Nil()).Block(
				jen.Id("r").Op("=").Id("same"),
			),
		),
		jen.Id("rt").Dot("mux").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r")),
	)
	f.Line()
	f.Comment("routes reports whether the patterns route r: to an operation, or to a template")
	f.Comment("behind a prefix that r's path matches.")
	f.Func().Params(jen.Id("rt").Op("*").Id("router")).Id("routes").Params(hr()).Bool().Block(
		jen.List(jen.Id("h"), jen.Id("pattern")).Op(":=").Id("rt").Dot("mux").Dot("Handler").Call(jen.Id("r")),
		jen.If(jen.List(jen.Id("routes"), jen.Id("ok")).Op(":=").Id("h").Assert(jen.Id("templateRoutes")), jen.Id("ok")).Block(
			jen.List(jen.Id("found"), jen.Id("_")).Op(":=").Id("routes").Dot("find").Call(jen.Id("r").Dot("URL").Dot("EscapedPath").Call()),
			jen.Return(jen.Id("found").Op("!=").Nil()),
		),
		jen.Return(jen.Id("pattern").Op("!=").Lit("")),
	)
	f.Line()
	f.Comment("equivalent is r at the first equivalent spelling of its path the patterns route:")
	f.Comment("without its trailing slash, then with the literals of a pattern its path matches")
	f.Comment("in lower case spelled as that pattern spells them, a pattern of another method")
	f.Comment("when r's has none (so that r gets 405); nil when none.")
	f.Func().Params(jen.Id("rt").Op("*").Id("router")).Id("equivalent").Params(hr()).Op("*").Qual(pkgHTTP, "Request").Block(
		jen.Id("path").Op(":=").Id("r").Dot("URL").Dot("EscapedPath").Call(),
		jen.If(jen.Len(jen.Id("path")).Op(">").Lit(1).Op("&&").Qual("strings", "HasSuffix").Call(jen.Id("path"), jen.Lit("/"))).Block(
			jen.Id("path").Op("=").Id("path").Index(jen.Empty(), jen.Len(jen.Id("path")).Op("-").Lit(1)),
			jen.If(jen.Id("same").Op(":=").Id("withEscapedPath").Call(jen.Id("r"), jen.Id("path")), jen.Id("same").Op("!=").Nil().Op("&&").Id("rt").Dot("routes").Call(jen.Id("same"))).Block(
				jen.Return(jen.Id("same")),
			),
		),
		jen.Id("probe").Op(":=").Id("withEscapedPath").Call(jen.Id("r"), jen.Id("asciiLower").Call(jen.Id("path"))),
		jen.If(jen.Id("probe").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Var().Id("folded").String(),
		jen.Comment("The path under another method spells it too: r then gets 405."),
		jen.For(jen.List(jen.Id("_"), jen.Id("method")).Op(":=").Range().Index().String().Values(jen.Id("r").Dot("Method"), jen.Qual(pkgHTTP, "MethodGet"), jen.Qual(pkgHTTP, "MethodPost"), jen.Qual(pkgHTTP, "MethodPut"), jen.Qual(pkgHTTP, "MethodPatch"), jen.Qual(pkgHTTP, "MethodDelete"))).Block(
			jen.Id("probe").Dot("Method").Op("=").Id("method"),
			jen.If(jen.List(jen.Id("_"), jen.Id("folded")).Op("=").Id("rt").Dot("folded").Dot("Handler").Call(jen.Id("probe")), jen.Id("folded").Op("!=").Lit("")).Block(jen.Break()),
		),
		jen.Id("spellings").Op(":=").Id("rt").Dot("spelled").Index(jen.Id("folded")),
		jen.For(jen.List(jen.Id("_"), jen.Id("pattern")).Op(":=").Range().Id("spellings")).Block(
			jen.If(jen.Id("same").Op(":=").Id("withEscapedPath").Call(jen.Id("r"), jen.Id("respell").Call(jen.Id("path"), jen.Id("pattern"))), jen.Id("same").Op("!=").Nil().Op("&&").Id("rt").Dot("routes").Call(jen.Id("same"))).Block(
				jen.Return(jen.Id("same")),
			),
		),
		jen.If(jen.Len(jen.Id("spellings")).Op(">").Lit(0)).Block(
			jen.Return(jen.Id("withEscapedPath").Call(jen.Id("r"), jen.Id("respell").Call(jen.Id("path"), jen.Id("spellings").Index(jen.Lit(0))))),
		),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Comment("foldPattern is a ServeMux pattern with its literals in lower case.")
	f.Func().Id("foldPattern").Params(jen.Id("pattern").String()).String().Block(
		jen.Id("segments").Op(":=").Qual("strings", "Split").Call(jen.Id("pattern"), jen.Lit("/")),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<").Len(jen.Id("segments")), jen.Id("i").Op("++")).Block(
			jen.If(jen.Op("!").Qual("strings", "HasPrefix").Call(jen.Id("segments").Index(jen.Id("i")), jen.Lit("{"))).Block(
				jen.Id("segments").Index(jen.Id("i")).Op("=").Id("asciiLower").Call(jen.Id("segments").Index(jen.Id("i"))),
			),
		),
		jen.Return(jen.Qual("strings", "Join").Call(jen.Id("segments"), jen.Lit("/"))),
	)
	f.Line()
	f.Comment("respell is an escaped path with each segment that a literal segment of pattern")
	f.Comment("matches in another letter case spelled as the pattern spells it.")
	f.Func().Id("respell").Params(jen.List(jen.Id("path"), jen.Id("pattern")).String()).String().Block(
		jen.List(jen.Id("_"), jen.Id("template"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Id("pattern"), jen.Lit(" ")),
		jen.List(jen.Id("want"), jen.Id("got")).Op(":=").List(jen.Qual("strings", "Split").Call(jen.Id("template"), jen.Lit("/")), jen.Qual("strings", "Split").Call(jen.Id("path"), jen.Lit("/"))),
		jen.For(jen.Id("i").Op(":=").Range().Id("got")).Block(
			jen.If(jen.Id("i").Op(">=").Len(jen.Id("want")).Op("||").Qual("strings", "HasSuffix").Call(jen.Id("want").Index(jen.Id("i")), jen.Lit("...}"))).Block(jen.Break()),
			jen.If(jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual("net/url", "PathUnescape").Call(jen.Id("got").Index(jen.Id("i"))), jen.Err().Op("==").Nil().Op("&&").Op("!").Qual("strings", "HasPrefix").Call(jen.Id("want").Index(jen.Id("i")), jen.Lit("{")).Op("&&").Qual("strings", "EqualFold").Call(jen.Id("s"), jen.Id("want").Index(jen.Id("i")))).Block(
				jen.Id("got").Index(jen.Id("i")).Op("=").Id("want").Index(jen.Id("i")),
			),
		),
		jen.Return(jen.Qual("strings", "Join").Call(jen.Id("got"), jen.Lit("/"))),
	)
	f.Line()
	f.Comment("withEscapedPath is r at another escaped path; nil when it is not validly escaped.")
	f.Func().Id("withEscapedPath").Params(hr(), jen.Id("escaped").String()).Op("*").Qual(pkgHTTP, "Request").Block(
		jen.List(jen.Id("path"), jen.Err()).Op(":=").Qual("net/url", "PathUnescape").Call(jen.Id("escaped")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("same").Op(":=").Id("r").Dot("WithContext").Call(jen.Id("r").Dot("Context").Call()),
		jen.Id("u").Op(":=").Op("*").Id("r").Dot("URL"),
		jen.List(jen.Id("u").Dot("Path"), jen.Id("u").Dot("RawPath")).Op("=").List(jen.Id("path"), jen.Id("escaped")),
		jen.Id("same").Dot("URL").Op("=").Op("&").Id("u"),
		jen.Return(jen.Id("same")),
	)
	f.Line()
}
