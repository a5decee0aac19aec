package templates

import (
	"github.com/dave/jennifer/jen"
)

// genTemplateRoutes writes the router of URL templates net/http.ServeMux
// cannot match: OneDrive path addressing and OData function calls.
func genTemplateRoutes(f *jen.File) {
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
	f.Comment("first. It matches the escaped path, decodes each parameter exactly once, and")
	f.Comment("hands it to the operation as a path value.")
	f.Type().Id("templateRoutes").Index().Id("templateRoute")
	f.Line()
	f.Func().Params(jen.Id("routes").Id("templateRoutes")).Id("ServeHTTP").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("rt")).Op(":=").Range().Id("routes")).Block(
			jen.List(jen.Id("values"), jen.Id("ok")).Op(":=").Id("matchTemplate").Call(jen.Id("r").Dot("URL").Dot("EscapedPath").Call(), jen.Id("rt").Dot("literals"), jen.Id("rt").Dot("multi")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
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
			jen.Return(),
		),
		jen.Qual(pkgHTTP, "NotFound").Call(jen.Id("w"), jen.Id("r")),
	)
	f.Line()
	genMatchTemplate(f)
}

func genMatchTemplate(f *jen.File) {
	f.Comment("matchTemplate matches an escaped path against literals around len(literals)-1")
	f.Comment("parameters. A parameter takes the text up to the next literal (its last")
	f.Comment("occurrence for a multi-segment parameter), is never empty, and holds a '/' only")
	f.Comment("when multi-segment, so \"..\" or an encoded slash cannot reach another route.")
	f.Func().Id("matchTemplate").Params(jen.Id("path").String(), jen.Id("literals").Index().String(), jen.Id("multi").Index().Bool()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.If(jen.Op("!").Qual("strings", "HasPrefix").Call(jen.Id("path"), jen.Id("literals").Index(jen.Lit(0)))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Id("rest").Op(":=").Id("path").Index(jen.Len(jen.Id("literals").Index(jen.Lit(0))), jen.Empty()),
		jen.Var().Id("values").Index().String(),
		jen.For(jen.List(jen.Id("i"), jen.Id("next")).Op(":=").Range().Id("literals").Index(jen.Lit(1), jen.Empty())).Block(
			jen.Id("end").Op(":=").Qual("strings", "Index").Call(jen.Id("rest"), jen.Id("next")),
			jen.Switch().Block(
				jen.Case(jen.Id("i").Op("==").Len(jen.Id("literals")).Op("-").Lit(2)).Block(
					jen.Comment("The last literal ends the path."),
					jen.Id("end").Op("=").Len(jen.Id("rest")).Op("-").Len(jen.Id("next")),
					jen.If(jen.Op("!").Qual("strings", "HasSuffix").Call(jen.Id("rest"), jen.Id("next"))).Block(jen.Id("end").Op("=").Lit(-1)),
				),
				jen.Case(jen.Id("multi").Index(jen.Id("i"))).Block(
					jen.Id("end").Op("=").Qual("strings", "LastIndex").Call(jen.Id("rest"), jen.Id("next")),
				),
			),
			jen.If(jen.Id("end").Op("<=").Lit(0).Op("||").Op("!").Id("multi").Index(jen.Id("i")).Op("&&").Qual("strings", "Contains").Call(jen.Id("rest").Index(jen.Empty(), jen.Id("end")), jen.Lit("/"))).Block(
				jen.Return(jen.Nil(), jen.False()),
			),
			jen.Id("values").Op("=").Append(jen.Id("values"), jen.Id("rest").Index(jen.Empty(), jen.Id("end"))),
			jen.Id("rest").Op("=").Id("rest").Index(jen.Id("end").Op("+").Len(jen.Id("next")), jen.Empty()),
		),
		jen.Return(jen.Id("values"), jen.Id("rest").Op("==").Lit("")),
	)
	f.Line()
}
