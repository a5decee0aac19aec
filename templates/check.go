package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/diag"
)

// The check of a service against the docs: it sends each documented
// request and reads the answer against the documented response and
// types. Like the fake's engine it depends on no model, so it is written
// both into every generated package (behind CheckHandler) and, by Kit,
// into generator/fake, which docbind check-service runs.

const pkgStrconv = "strconv"

// The diagnostic codes of the check's differences, as docbind's README
// explains them.
var (
	codeStatus     = string(diag.ServiceStatus)
	codeHeader     = string(diag.ServiceHeader)
	codeNotJSON    = string(diag.ServiceNotJSON)
	codeValue      = string(diag.ServiceValue)
	codeRequired   = string(diag.ServiceMissing)
	codeUndeclared = string(diag.ServiceUndeclared)
	codeNull       = string(diag.ServiceNull)
	codeEnum       = string(diag.ServiceEnum)
)

// genCheckEngine writes the check: the type tables' form, reading an
// answer against them, and building the documented request.
func genCheckEngine(f *jen.File) {
	genCheckTables(f)
	genNewCheckSchema(f)
	genCheckDiff(f)
	genCheckAnswer(f)
	genCheckContentType(f)
	genCheckValue(f)
	genCheckObject(f)
	genCheckRequest(f)
	genJSONPath(f)
	genCheckExample(f)
}

func jsonTag(name string, omitEmpty bool) map[string]string {
	if omitEmpty {
		name += ",omitempty"
	}
	return map[string]string{"json": name}
}

func genCheckTables(f *jen.File) {
	f.Comment("checkType is a documented type as the check reads answers against it: a line of")
	f.Comment("the check's type table, in JSON. Its members' shapes are model.CheckShape's: a")
	f.Comment("scalar's EDM name, Any, enum:NAME, #TYPE, []SHAPE or {}SHAPE.")
	f.Type().Id("checkType").Struct(
		id("Name").String().Tag(jsonTag("name", false)),
		id("OData").String().Tag(jsonTag("odata", true)),
		id("Base").String().Tag(jsonTag("base", true)),
		jen.Comment("Open types may hold members they do not declare."),
		id("Open").Bool().Tag(jsonTag("open", true)),
		id("Members").Index().Id("checkMember").Tag(jsonTag("members", true)),
	)
	f.Line()
	f.Comment("checkMember is a member a type declares.")
	f.Type().Id("checkMember").Struct(
		id("Name").String().Tag(jsonTag("name", false)),
		id("Shape").String().Tag(jsonTag("shape", false)),
		id("Nullable").Bool().Tag(jsonTag("nullable", true)),
		id("Required").Bool().Tag(jsonTag("required", true)),
	)
	f.Line()
	f.Comment("checkEnum is a documented enum: a line of the check's enum table, in JSON.")
	f.Type().Id("checkEnum").Struct(
		id("Name").String().Tag(jsonTag("name", false)),
		id("Values").Index().String().Tag(jsonTag("values", false)),
	)
	f.Line()
	f.Comment("label is how a difference names the type: its OData name, else its Go name.")
	f.Func().Params(id("t").Op("*").Id("checkType")).Id("label").Params().String().Block(
		jen.If(id("t").Dot("OData").Op("!=").Lit("")).Block(jen.Return(id("t").Dot("OData"))),
		jen.Return(id("t").Dot("Name")),
	)
	f.Line()
	f.Comment("checkSchema is the documented types and enums, by name.")
	f.Type().Id("checkSchema").Struct(
		jen.List(id("types"), id("byOData")).Map(jen.String()).Op("*").Id("checkType"),
		id("enums").Map(jen.String()).Index().String(),
	)
	f.Line()
}

func genNewCheckSchema(f *jen.File) {
	decode := func(into jen.Code) jen.Code {
		return jen.If(id("err").Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Parens(id("line")), into), id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the check's tables: %v"), id("err"))),
		)
	}
	f.Comment("newCheckSchema reads the check's tables, a JSON line per type and per enum.")
	f.Func().Id("newCheckSchema").Params(jen.List(id("types"), id("enums")).Index().String()).Params(jen.Op("*").Id("checkSchema"), jen.Error()).Block(
		id("s").Op(":=").Op("&").Id("checkSchema").Values(jen.Dict{
			id("types"):   jen.Map(jen.String()).Op("*").Id("checkType").Values(),
			id("byOData"): jen.Map(jen.String()).Op("*").Id("checkType").Values(),
			id("enums"):   jen.Map(jen.String()).Index().String().Values(),
		}),
		jen.For(jen.List(id("_"), id("line")).Op(":=").Range().Id("types")).Block(
			id("t").Op(":=").Op("&").Id("checkType").Values(),
			decode(id("t")),
			id("s").Dot("types").Index(id("t").Dot("Name")).Op("=").Id("t"),
			jen.If(id("t").Dot("OData").Op("!=").Lit("")).Block(id("s").Dot("byOData").Index(id("t").Dot("OData")).Op("=").Id("t")),
		),
		jen.For(jen.List(id("_"), id("line")).Op(":=").Range().Id("enums")).Block(
			jen.Var().Id("e").Id("checkEnum"),
			decode(jen.Op("&").Id("e")),
			id("s").Dot("enums").Index(id("e").Dot("Name")).Op("=").Id("e").Dot("Values"),
		),
		jen.Return(id("s"), jen.Nil()),
	)
	f.Line()
}

func genCheckDiff(f *jen.File) {
	f.Comment("checkDiff is one way an answer differs from the docs.")
	f.Type().Id("checkDiff").Struct(
		jen.Comment("Code is docbind's diagnostic code for the kind of difference (its README explains"),
		jen.Comment("each); Path the member, such as value[0].size, \"\" for the answer as a whole."),
		jen.List(id("Code"), id("Path"), id("Message")).String(),
		jen.Comment("Warning marks a difference the docs allow but do not show: an undeclared member,"),
		jen.Comment("a null."),
		id("Warning").Bool(),
	)
	f.Line()
	f.Func().Params(id("d").Id("checkDiff")).Id("String").Params().String().Block(
		jen.If(id("d").Dot("Path").Op("==").Lit("")).Block(jen.Return(id("d").Dot("Message"))),
		jen.Return(id("d").Dot("Path").Op("+").Lit(": ").Op("+").Id("d").Dot("Message")),
	)
	f.Line()
	f.Comment("checker reads one answer against one example.")
	f.Type().Id("checker").Struct(
		id("schema").Op("*").Id("checkSchema"),
		id("ex").Op("*").Id("exampleCase"),
		jen.Comment("shown is the example's shown, decoded."),
		id("shown").Map(jen.String()).Index().String(),
		id("diffs").Index().Id("checkDiff"),
	)
	f.Line()
	f.Func().Params(id("c").Op("*").Id("checker")).Id("add").Params(jen.List(id("code"), id("path"), id("message")).String(), id("warning").Bool()).Block(
		id("c").Dot("diffs").Op("=").Append(id("c").Dot("diffs"), id("checkDiff").Values(jen.Dict{
			id("Code"): id("code"), id("Path"): id("path"), id("Message"): id("message"), id("Warning"): id("warning"),
		})),
	)
	f.Line()
	f.Comment("clip shortens a value quoted in a difference.")
	f.Func().Id("clip").Params(id("s").String()).String().Block(
		id("s").Op("=").Qual(pkgStrings, "Join").Call(jen.Qual(pkgStrings, "Fields").Call(id("s")), jen.Lit(" ")),
		jen.If(jen.Len(id("s")).Op(">").Lit(120)).Block(jen.Return(id("s").Index(jen.Empty(), jen.Lit(117)).Op("+").Lit("..."))),
		jen.Return(id("s")),
	)
	f.Line()
}

func genCheckAnswer(f *jen.File) {
	f.Comment("checkAnswer reads a service's answer to ex's request against the docs: its status")
	f.Comment("(ex's, or another the docs show for the operation, whose body is then not read),")
	f.Comment("the headers ex documents, a JSON Content-Type and body where ex shows one, and")
	f.Comment("that body against the documented type rather than ex's values.")
	f.Func().Params(id("s").Op("*").Id("checkSchema")).Id("checkAnswer").Params(id("ex").Op("*").Id("exampleCase"), id("status").Int(), id("header").Qual(pkgHTTP, "Header"), id("body").Index().Byte()).Index().Id("checkDiff").Block(
		id("c").Op(":=").Op("&").Id("checker").Values(jen.Dict{id("schema"): id("s"), id("ex"): id("ex")}),
		jen.If(id("status").Op("!=").Id("ex").Dot("status")).Block(
			jen.If(jen.Op("!").Qual(pkgSlices, "Contains").Call(id("ex").Dot("statuses"), id("status"))).Block(
				id("answer").Op(":=").Id("clip").Call(jen.String().Parens(id("body"))),
				jen.If(id("answer").Op("!=").Lit("")).Block(id("answer").Op("=").Lit(": ").Op("+").Id("answer")),
				id("c").Dot("add").Call(jen.Lit(codeStatus), jen.Lit(""), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs say status %d, the service answered %d%s"), id("ex").Dot("status"), id("status"), id("answer")), jen.False()),
			),
			jen.Return(id("c").Dot("diffs")),
		),
		jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("ex").Dot("responseHeader")))).Block(
			jen.If(id("header").Dot("Get").Call(id("name")).Op("==").Lit("")).Block(
				id("c").Dot("add").Call(jen.Lit(codeHeader), jen.Lit(""), jen.Lit("the docs show the header ").Op("+").Id("name").Op("+").Lit(", the service sent none"), jen.False()),
			),
		),
		jen.If(id("doc").Op(":=").Id("documentedContentType").Call(id("ex")), id("doc").Op("!=").Lit("").Op("&&").Op("!").Id("sameMediaType").Call(id("doc"), id("header").Dot("Get").Call(jen.Lit("Content-Type")))).Block(
			id("c").Dot("add").Call(jen.Lit(codeNotJSON), jen.Lit(""), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs show Content-Type %q, the service sent %q"), id("doc"), id("header").Dot("Get").Call(jen.Lit("Content-Type"))), jen.False()),
			jen.Return(id("c").Dot("diffs")),
		),
		jen.If(id("ex").Dot("content").Op("||").Qual(pkgStrings, "TrimSpace").Call(id("ex").Dot("responseBody")).Op("==").Lit("")).Block(jen.Return(id("c").Dot("diffs"))),
		jen.If(id("ct").Op(":=").Id("header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Op("!").Id("isJSON").Call(id("ct"))).Block(
			id("c").Dot("add").Call(jen.Lit(codeNotJSON), jen.Lit(""), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs show a JSON body, the service sent Content-Type %q"), id("ct")), jen.False()),
			jen.Return(id("c").Dot("diffs")),
		),
		id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgBytes, "NewReader").Call(id("body"))),
		id("dec").Dot("UseNumber").Call(),
		jen.Var().Id("v").Any(),
		jen.If(id("err").Op(":=").Id("dec").Dot("Decode").Call(jen.Op("&").Id("v")), id("err").Op("!=").Nil()).Block(
			id("c").Dot("add").Call(jen.Lit(codeNotJSON), jen.Lit(""), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs show a JSON body, the service sent one that is not JSON (%v)"), id("err")), jen.False()),
			jen.Return(id("c").Dot("diffs")),
		),
		jen.If(id("ex").Dot("shown").Op("!=").Lit("")).Block(
			jen.If(id("err").Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Parens(id("ex").Dot("shown")), jen.Op("&").Id("c").Dot("shown")), id("err").Op("!=").Nil()).Block(
				jen.Panic(jen.Lit("docbind wrote an example's shown members that are not JSON: ").Op("+").Id("err").Dot("Error").Call()),
			),
		),
		jen.If(id("ex").Dot("shape").Op("!=").Lit("")).Block(
			jen.If(id("v").Op("==").Nil()).Block(
				id("c").Dot("mismatch").Call(jen.Lit(""), id("ex").Dot("shape"), id("v")),
			).Else().Block(
				id("c").Dot("value").Call(jen.Lit(""), id("ex").Dot("shape"), id("v")),
			),
		),
		jen.Return(id("c").Dot("diffs")),
	)
	f.Line()
}

func genCheckContentType(f *jen.File) {
	f.Comment("documentedContentType is the Content-Type the example's response documents, or \"\".")
	f.Func().Id("documentedContentType").Params(id("ex").Op("*").Id("exampleCase")).String().Block(
		jen.For(jen.List(id("_"), id("headers")).Op(":=").Range().Index().Map(jen.String()).String().Values(id("ex").Dot("responseHeader"), id("ex").Dot("fakeHeader"))).Block(
			jen.For(jen.List(id("name"), id("value")).Op(":=").Range().Id("headers")).Block(
				jen.If(jen.Qual(pkgStrings, "EqualFold").Call(id("name"), jen.Lit("Content-Type"))).Block(jen.Return(id("value"))),
			),
		),
		jen.Return(jen.Lit("")),
	)
	f.Line()
	f.Comment("sameMediaType reports whether two Content-Types name one media type, whatever")
	f.Comment("their parameters (charset, odata.metadata).")
	f.Func().Id("sameMediaType").Params(jen.List(id("a"), id("b")).String()).Bool().Block(
		jen.List(id("ma"), id("_"), id("errA")).Op(":=").Qual("mime", "ParseMediaType").Call(id("a")),
		jen.List(id("mb"), id("_"), id("errB")).Op(":=").Qual("mime", "ParseMediaType").Call(id("b")),
		jen.Return(id("errA").Op("==").Nil().Op("&&").Id("errB").Op("==").Nil().Op("&&").Id("ma").Op("==").Id("mb")),
	)
	f.Line()
}

func genCheckValue(f *jen.File) {
	f.Comment("value reads v, at path, against a documented shape; a null is read where its")
	f.Comment("member is.")
	f.Func().Params(id("c").Op("*").Id("checker")).Id("value").Params(jen.List(id("path"), id("shape")).String(), id("v").Any()).Block(
		jen.Switch().Block(
			jen.Case(id("v").Op("==").Nil().Op("||").Id("shape").Op("==").Lit("Any")),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("[]"))).Block(
				jen.List(id("items"), id("ok")).Op(":=").Id("v").Assert(jen.Index().Any()),
				jen.If(jen.Op("!").Id("ok")).Block(
					id("c").Dot("mismatch").Call(id("path"), id("shape"), id("v")),
					jen.Return(),
				),
				jen.For(jen.List(id("i"), id("item")).Op(":=").Range().Id("items")).Block(
					id("c").Dot("value").Call(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s[%d]"), id("path"), id("i")), id("shape").Index(jen.Lit(2), jen.Empty()), id("item")),
				),
			),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("{}")), jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("#"))).Block(
				jen.List(id("m"), id("ok")).Op(":=").Id("v").Assert(jen.Map(jen.String()).Any()),
				jen.Switch().Block(
					jen.Case(jen.Op("!").Id("ok")).Block(id("c").Dot("mismatch").Call(id("path"), id("shape"), id("v"))),
					jen.Case(id("shape").Index(jen.Lit(0)).Op("==").LitByte('#')).Block(
						id("c").Dot("object").Call(id("path"), id("c").Dot("schema").Dot("types").Index(id("shape").Index(jen.Lit(1), jen.Empty())), id("m")),
					),
					jen.Default().Block(
						jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("m")))).Block(
							id("c").Dot("value").Call(id("memberPath").Call(id("path"), id("key")), id("shape").Index(jen.Lit(2), jen.Empty()), id("m").Index(id("key"))),
						),
					),
				),
			),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("enum:"))).Block(
				id("c").Dot("enum").Call(id("path"), id("shape"), id("v")),
			),
			jen.Case(jen.Op("!").Id("scalarIs").Call(id("shape"), id("v"))).Block(
				id("c").Dot("mismatch").Call(id("path"), id("shape"), id("v")),
			),
		),
	)
	f.Line()
	f.Comment("mismatch reports a value of another JSON type than the docs say.")
	f.Func().Params(id("c").Op("*").Id("checker")).Id("mismatch").Params(jen.List(id("path"), id("shape")).String(), id("v").Any()).Block(
		jen.List(id("sent"), id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(id("v")),
		id("c").Dot("add").Call(jen.Lit(codeValue), id("path"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs say %s, the service sent %s"), id("shapeName").Call(id("shape")), id("clip").Call(jen.String().Parens(id("sent")))), jen.False()),
	)
	f.Line()
	f.Comment("shapeName is a shape as a difference names it.")
	f.Func().Id("shapeName").Params(id("shape").String()).String().Block(
		jen.Switch().Block(
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("[]"))).Block(jen.Return(jen.Lit("a collection of ").Op("+").Id("shapeName").Call(id("shape").Index(jen.Lit(2), jen.Empty())))),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("{}"))).Block(jen.Return(jen.Lit("an object of ").Op("+").Id("shapeName").Call(id("shape").Index(jen.Lit(2), jen.Empty())))),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("#"))).Block(jen.Return(jen.Lit("an object of type ").Op("+").Id("shape").Index(jen.Lit(1), jen.Empty()))),
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("shape"), jen.Lit("enum:"))).Block(jen.Return(jen.Lit("a value of ").Op("+").Id("shape").Index(jen.Lit(5), jen.Empty()))),
		),
		jen.Return(id("shape")),
	)
	f.Line()
	f.Comment("scalarIs reports whether v is a JSON value of a scalar shape: a number for Int32,")
	f.Comment("Int64 (integers in range) and Double (or OData's NaN, INF and -INF), a bool for")
	f.Comment("Boolean, a string for the others.")
	f.Func().Id("scalarIs").Params(id("shape").String(), id("v").Any()).Bool().Block(
		jen.List(id("n"), id("isNumber")).Op(":=").Id("v").Assert(jen.Qual(pkgJSON, "Number")),
		jen.List(id("s"), id("isString")).Op(":=").Id("v").Assert(jen.String()),
		jen.Switch(id("shape")).Block(
			jen.Case(jen.Lit("Boolean")).Block(
				jen.List(id("_"), id("ok")).Op(":=").Id("v").Assert(jen.Bool()),
				jen.Return(id("ok")),
			),
			jen.Case(jen.Lit("Int32"), jen.Lit("Int64")).Block(
				id("bits").Op(":=").Lit(64),
				jen.If(id("shape").Op("==").Lit("Int32")).Block(id("bits").Op("=").Lit(32)),
				jen.List(id("_"), id("err")).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.String().Parens(id("n")), jen.Lit(10), id("bits")),
				jen.Return(id("isNumber").Op("&&").Id("err").Op("==").Nil()),
			),
			jen.Case(jen.Lit("Double")).Block(
				jen.Return(id("isNumber").Op("||").Id("s").Op("==").Lit("NaN").Op("||").Id("s").Op("==").Lit("INF").Op("||").Id("s").Op("==").Lit("-INF")),
			),
		),
		jen.Return(id("isString")),
	)
	f.Line()
	f.Comment("enum reads a value of an enum: one of its values, without regard to case, or for a")
	f.Comment("flags enum several, comma-separated.")
	f.Func().Params(id("c").Op("*").Id("checker")).Id("enum").Params(jen.List(id("path"), id("shape")).String(), id("v").Any()).Block(
		jen.List(id("s"), id("ok")).Op(":=").Id("v").Assert(jen.String()),
		jen.If(jen.Op("!").Id("ok")).Block(
			id("c").Dot("mismatch").Call(id("path"), id("shape"), id("v")),
			jen.Return(),
		),
		id("values").Op(":=").Id("c").Dot("schema").Dot("enums").Index(id("shape").Index(jen.Len(jen.Lit("enum:")), jen.Empty())),
		jen.If(jen.Len(id("values")).Op("==").Lit(0)).Block(jen.Return()),
		jen.For(jen.List(id("_"), id("part")).Op(":=").Range().Qual(pkgStrings, "Split").Call(id("s"), jen.Lit(","))).Block(
			id("part").Op("=").Qual(pkgStrings, "TrimSpace").Call(id("part")),
			jen.If(jen.Op("!").Qual(pkgSlices, "ContainsFunc").Call(id("values"), jen.Func().Params(id("v").String()).Bool().Block(jen.Return(jen.Qual(pkgStrings, "EqualFold").Call(id("v"), id("part")))))).Block(
				id("c").Dot("add").Call(jen.Lit(codeEnum), id("path"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the service sent %q, which is none of the values the docs list: %s"), id("part"), id("clip").Call(jen.Qual(pkgStrings, "Join").Call(id("values"), jen.Lit(", ")))), jen.False()),
			),
		),
	)
	f.Line()
	f.Comment("memberPath is the path of a member of the object at path.")
	f.Func().Id("memberPath").Params(jen.List(id("path"), id("name")).String()).String().Block(
		jen.If(id("path").Op("==").Lit("")).Block(jen.Return(id("name"))),
		jen.Return(id("path").Op("+").Lit(".").Op("+").Id("name")),
	)
	f.Line()
}

func genCheckObject(f *jen.File) {
	f.Comment("object reads an object against its documented type, or the type derived from it")
	f.Comment("that its @odata.type names: every member declared (else a warning), of its")
	f.Comment("declared shape, null only where the docs allow it (else a warning), and the")
	f.Comment("members required present. Instance annotations (@odata.type, name@odata.nextLink)")
	f.Comment("are not members.")
	f.Func().Params(id("c").Op("*").Id("checker")).Id("object").Params(id("path").String(), id("t").Op("*").Id("checkType"), id("m").Map(jen.String()).Any()).Block(
		jen.If(id("t").Op("==").Nil()).Block(jen.Return()),
		id("t").Op("=").Id("c").Dot("schema").Dot("derived").Call(id("t"), id("m")),
		jen.List(id("members"), id("open")).Op(":=").Id("c").Dot("schema").Dot("members").Call(id("t")),
		jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("m")))).Block(
			jen.If(jen.Qual(pkgStrings, "Contains").Call(id("name"), jen.Lit("@"))).Block(jen.Continue()),
			id("at").Op(":=").Id("memberPath").Call(id("path"), id("name")),
			jen.List(id("member"), id("declared")).Op(":=").Id("members").Index(id("name")),
			jen.Switch().Block(
				jen.Case(jen.Op("!").Id("declared").Op("&&").Op("!").Id("open")).Block(
					id("c").Dot("add").Call(jen.Lit(codeUndeclared), id("at"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the docs declare no member %q of %s"), id("name"), id("t").Dot("label").Call()), jen.True()),
				),
				jen.Case(jen.Op("!").Id("declared")),
				jen.Case(id("m").Index(id("name")).Op("==").Nil().Op("&&").Op("!").Id("member").Dot("Nullable")).Block(
					id("c").Dot("add").Call(jen.Lit(codeNull), id("at"), jen.Lit("the service sent null, which the docs do not say it may be"), jen.True()),
				),
				jen.Default().Block(
					id("c").Dot("value").Call(id("at"), id("member").Dot("Shape"), id("m").Index(id("name"))),
				),
			),
		),
		jen.For(jen.List(id("_"), id("name")).Op(":=").Range().Id("c").Dot("required").Call(id("t"), id("members"))).Block(
			jen.If(jen.List(id("_"), id("ok")).Op(":=").Id("m").Index(id("name")), jen.Op("!").Id("ok")).Block(
				id("c").Dot("add").Call(jen.Lit(codeRequired), id("path"), jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("the service left out %q of %s, which the docs show"), id("name"), id("t").Dot("label").Call()), jen.False()),
			),
		),
	)
	f.Line()
	f.Comment("required are the members an answer must hold of t: those the example shows of it")
	f.Comment("(ApiDoctor's rule), else, when the example claims its type whole, those t")
	f.Comment("requires. An example marked truncated, and a member the resource lists as")
	f.Comment("optional, require nothing more.")
	f.Func().Params(id("c").Op("*").Id("checker")).Id("required").Params(id("t").Op("*").Id("checkType"), id("members").Map(jen.String()).Id("checkMember")).Index().String().Block(
		jen.Comment("An instance the example shows as a base type's (its @odata.type naming a type"),
		jen.Comment("derived from the one its operation returns) is read by what it shows of that one."),
		jen.For(jen.List(id("b"), id("depth")).Op(":=").List(id("t"), jen.Lit(0)), id("b").Op("!=").Nil().Op("&&").Id("depth").Op("<").Lit(64), jen.List(id("b"), id("depth")).Op("=").List(id("c").Dot("schema").Dot("types").Index(id("b").Dot("Base")), id("depth").Op("+").Lit(1))).Block(
			jen.If(jen.List(id("shown"), id("ok")).Op(":=").Id("c").Dot("shown").Index(id("b").Dot("Name")), id("ok")).Block(jen.Return(id("shown"))),
		),
		jen.If(jen.Op("!").Id("c").Dot("ex").Dot("whole")).Block(jen.Return(jen.Nil())),
		jen.Var().Id("names").Index().String(),
		jen.For(jen.List(id("name"), id("m")).Op(":=").Range().Id("members")).Block(
			jen.If(id("m").Dot("Required")).Block(id("names").Op("=").Append(id("names"), id("name"))),
		),
		jen.Qual(pkgSlices, "Sort").Call(id("names")),
		jen.Return(id("names")),
	)
	f.Line()
	f.Comment("derived is the type an object's @odata.type names, when it is t or derives from it;")
	f.Comment("else t.")
	f.Func().Params(id("s").Op("*").Id("checkSchema")).Id("derived").Params(id("t").Op("*").Id("checkType"), id("m").Map(jen.String()).Any()).Op("*").Id("checkType").Block(
		jen.List(id("name"), id("_")).Op(":=").Id("m").Index(jen.Lit("@odata.type")).Assert(jen.String()),
		id("d").Op(":=").Id("s").Dot("byOData").Index(jen.Qual(pkgStrings, "TrimPrefix").Call(id("name"), jen.Lit("#"))),
		jen.For(jen.List(id("b"), id("depth")).Op(":=").List(id("d"), jen.Lit(0)), id("b").Op("!=").Nil().Op("&&").Id("depth").Op("<").Lit(64), jen.List(id("b"), id("depth")).Op("=").List(id("s").Dot("types").Index(id("b").Dot("Base")), id("depth").Op("+").Lit(1))).Block(
			jen.If(id("b").Op("==").Id("t")).Block(jen.Return(id("d"))),
		),
		jen.Return(id("t")),
	)
	f.Line()
	f.Comment("members are t's members and its base types', by name, and whether any of them is")
	f.Comment("open.")
	f.Func().Params(id("s").Op("*").Id("checkSchema")).Id("members").Params(id("t").Op("*").Id("checkType")).Params(jen.Map(jen.String()).Id("checkMember"), jen.Bool()).Block(
		id("members").Op(":=").Map(jen.String()).Id("checkMember").Values(),
		id("open").Op(":=").False(),
		jen.For(id("depth").Op(":=").Lit(0), id("t").Op("!=").Nil().Op("&&").Id("depth").Op("<").Lit(64), id("depth").Op("++")).Block(
			id("open").Op("=").Id("open").Op("||").Id("t").Dot("Open"),
			jen.For(jen.List(id("_"), id("m")).Op(":=").Range().Id("t").Dot("Members")).Block(
				jen.If(jen.List(id("_"), id("ok")).Op(":=").Id("members").Index(id("m").Dot("Name")), jen.Op("!").Id("ok")).Block(
					id("members").Index(id("m").Dot("Name")).Op("=").Id("m"),
				),
			),
			id("t").Op("=").Id("s").Dot("types").Index(id("t").Dot("Base")),
		),
		jen.Return(id("members"), id("open")),
	)
	f.Line()
}

func genCheckRequest(f *jen.File) {
	f.Comment("checkRequest is ex's request to base with values put in for placeholders. A")
	f.Comment("value's key is ApiDoctor's placeholder grammar: {name} in the URL (as documented or")
	f.Comment("escaped), $.path a member of the JSON body (the value is JSON, or else a string),")
	f.Comment("Name: a header, !body the whole body, !url the path and query below base.")
	f.Func().Id("checkRequest").Params(id("base").String(), id("ex").Op("*").Id("exampleCase"), id("values").Map(jen.String()).String()).Params(jen.Op("*").Qual(pkgHTTP, "Request"), jen.Error()).Block(
		jen.List(id("path"), id("body")).Op(":=").List(id("ex").Dot("path"), id("ex").Dot("requestBody")),
		id("query").Op(":=").Qual(pkgURL, "Values").Values(),
		jen.For(jen.List(id("k"), id("vs")).Op(":=").Range().Id("ex").Dot("query")).Block(
			id("query").Index(id("k")).Op("=").Qual(pkgSlices, "Clone").Call(id("vs")),
		),
		id("header").Op(":=").Qual(pkgHTTP, "Header").Values(),
		jen.For(jen.List(id("name"), id("value")).Op(":=").Range().Id("ex").Dot("header")).Block(
			id("header").Dot("Set").Call(id("name"), id("value")),
		),
		id("target").Op(":=").Lit(""),
		jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Qual(pkgSlices, "Sorted").Call(jen.Qual(pkgMaps, "Keys").Call(id("values")))).Block(
			id("value").Op(":=").Id("values").Index(id("key")),
			jen.Switch().Block(
				jen.Case(id("key").Op("==").Lit("!url")).Block(id("target").Op("=").Id("value")),
				jen.Case(id("key").Op("==").Lit("!body")).Block(id("body").Op("=").Id("value")),
				jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("key"), jen.Lit("$"))).Block(
					jen.Var().Id("err").Error(),
					jen.If(jen.List(id("body"), id("err")).Op("=").Id("setJSONMember").Call(id("body"), id("key"), id("value")), id("err").Op("!=").Nil()).Block(
						jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the value of %s: %v"), id("key"), id("err"))),
					),
				),
				jen.Case(jen.Qual(pkgStrings, "HasSuffix").Call(id("key"), jen.Lit(":"))).Block(
					id("header").Dot("Set").Call(jen.Qual(pkgStrings, "TrimSuffix").Call(id("key"), jen.Lit(":")), id("value")),
				),
				jen.Default().Block(
					id("path").Op("=").Qual(pkgStrings, "ReplaceAll").Call(jen.Qual(pkgStrings, "ReplaceAll").Call(id("path"), id("key"), id("value")), jen.Qual(pkgURL, "PathEscape").Call(id("key")), id("value")),
					jen.For(jen.List(id("_"), id("vs")).Op(":=").Range().Id("query")).Block(
						jen.For(id("i").Op(":=").Range().Id("vs")).Block(
							id("vs").Index(id("i")).Op("=").Qual(pkgStrings, "ReplaceAll").Call(id("vs").Index(id("i")), id("key"), id("value")),
						),
					),
				),
			),
		),
		jen.If(id("target").Op("==").Lit("")).Block(
			id("target").Op("=").Id("path"),
			jen.If(jen.Len(id("query")).Op(">").Lit(0)).Block(id("target").Op("+=").Lit("?").Op("+").Id("query").Dot("Encode").Call()),
		),
		jen.List(id("req"), id("err")).Op(":=").Qual(pkgHTTP, "NewRequest").Call(id("ex").Dot("method"), jen.Qual(pkgStrings, "TrimSuffix").Call(id("base"), jen.Lit("/")).Op("+").Id("target"), jen.Qual(pkgStrings, "NewReader").Call(id("body"))),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), id("err"))),
		jen.Switch().Block(
			jen.Case(id("header").Dot("Get").Call(jen.Lit("Content-Type")).Op("!=").Lit("")),
			jen.Case(id("ex").Dot("contentType").Op("!=").Lit("")).Block(id("header").Dot("Set").Call(jen.Lit("Content-Type"), id("ex").Dot("contentType"))),
			jen.Case(id("body").Op("!=").Lit("")).Block(id("header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json"))),
		),
		jen.Comment("Where another example shows the same request, the fake of NewExampleHandler and"),
		jen.Comment("docbind serve answer this one when asked by name; a service ignores the header."),
		jen.If(id("ex").Dot("sameAs").Op("!=").Lit("")).Block(id("header").Dot("Set").Call(id("exampleHeader"), id("ex").Dot("name"))),
		id("req").Dot("Header").Op("=").Id("header"),
		jen.Return(id("req"), jen.Nil()),
	)
	f.Line()
}

func genJSONPath(f *jen.File) {
	f.Comment("jsonPathSteps reads a JSONPath of members and items, such as $.value[0].id or")
	f.Comment("$['odd name']: member names (string) and item indexes (int).")
	f.Func().Id("jsonPathSteps").Params(id("path").String()).Params(jen.Index().Any(), jen.Error()).Block(
		id("rest").Op(":=").Qual(pkgStrings, "TrimPrefix").Call(id("path"), jen.Lit("$")),
		jen.Var().Id("steps").Index().Any(),
		jen.For(id("rest").Op("!=").Lit("")).Block(
			jen.Switch().Block(
				jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("rest"), jen.Lit("['"))).Block(
					id("end").Op(":=").Qual(pkgStrings, "Index").Call(id("rest").Index(jen.Lit(2), jen.Empty()), jen.Lit("']")),
					jen.If(id("end").Op("<").Lit(0)).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q: a ['name'] is not closed"), id("path")))),
					id("steps").Op("=").Append(id("steps"), id("rest").Index(jen.Lit(2), jen.Lit(2).Op("+").Id("end"))),
					id("rest").Op("=").Id("rest").Index(jen.Lit(4).Op("+").Id("end"), jen.Empty()),
				),
				jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("rest"), jen.Lit("["))).Block(
					id("end").Op(":=").Qual(pkgStrings, "Index").Call(id("rest"), jen.Lit("]")),
					jen.If(id("end").Op("<").Lit(0)).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q: a [ is not closed"), id("path")))),
					jen.List(id("i"), id("err")).Op(":=").Qual(pkgStrconv, "Atoi").Call(id("rest").Index(jen.Lit(1), id("end"))),
					jen.If(id("err").Op("!=").Nil().Op("||").Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q: %q is no item index"), id("path"), id("rest").Index(jen.Lit(1), id("end"))))),
					id("steps").Op("=").Append(id("steps"), id("i")),
					id("rest").Op("=").Id("rest").Index(id("end").Op("+").Lit(1), jen.Empty()),
				),
				jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(id("rest"), jen.Lit("."))).Block(
					id("name").Op(":=").Id("rest").Index(jen.Lit(1), jen.Empty()),
					jen.If(id("end").Op(":=").Qual(pkgStrings, "IndexAny").Call(id("name"), jen.Lit(".[")), id("end").Op(">=").Lit(0)).Block(id("name").Op("=").Id("name").Index(jen.Empty(), id("end"))),
					jen.If(id("name").Op("==").Lit("")).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q: a member's name is empty"), id("path")))),
					id("steps").Op("=").Append(id("steps"), id("name")),
					id("rest").Op("=").Id("rest").Index(jen.Lit(1).Op("+").Len(id("name")), jen.Empty()),
				),
				jen.Default().Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q is no JSONPath of members and items, such as $.value[0].id"), id("path")))),
			),
		),
		jen.Return(id("steps"), jen.Nil()),
	)
	f.Line()
	f.Comment("setJSONMember sets the member at a JSONPath of a JSON body (an empty body is an")
	f.Comment("empty object) to value: the JSON it is, or else a string.")
	f.Func().Id("setJSONMember").Params(jen.List(id("body"), id("path"), id("value")).String()).Params(jen.String(), jen.Error()).Block(
		jen.List(id("steps"), id("err")).Op(":=").Id("jsonPathSteps").Call(id("path")),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Lit(""), id("err"))),
		jen.Var().Id("doc").Any().Op("=").Map(jen.String()).Any().Values(),
		jen.If(jen.Qual(pkgStrings, "TrimSpace").Call(id("body")).Op("!=").Lit("")).Block(
			id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgStrings, "NewReader").Call(id("body"))),
			id("dec").Dot("UseNumber").Call(),
			jen.If(id("err").Op(":=").Id("dec").Dot("Decode").Call(jen.Op("&").Id("doc")), id("err").Op("!=").Nil()).Block(
				jen.Return(jen.Lit(""), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the request body is not JSON: %v"), id("err"))),
			),
		),
		jen.Var().Id("v").Any(),
		id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgStrings, "NewReader").Call(id("value"))),
		id("dec").Dot("UseNumber").Call(),
		jen.If(id("dec").Dot("Decode").Call(jen.Op("&").Id("v")).Op("!=").Nil().Op("||").Id("dec").Dot("More").Call()).Block(id("v").Op("=").Id("value")),
		jen.List(id("doc"), id("err")).Op("=").Id("setAt").Call(id("doc"), id("steps"), id("v")),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Lit(""), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: %v"), id("path"), id("err")))),
		jen.List(id("out"), id("err")).Op(":=").Qual(pkgJSON, "Marshal").Call(id("doc")),
		jen.Return(jen.String().Parens(id("out")), id("err")),
	)
	f.Line()
	f.Comment("setAt sets the value at steps below node, adding the objects a member needs.")
	f.Func().Id("setAt").Params(id("node").Any(), id("steps").Index().Any(), id("v").Any()).Params(jen.Any(), jen.Error()).Block(
		jen.If(jen.Len(id("steps")).Op("==").Lit(0)).Block(jen.Return(id("v"), jen.Nil())),
		jen.Switch(id("step").Op(":=").Id("steps").Index(jen.Lit(0)).Assert(jen.Type())).Block(
			jen.Case(jen.String()).Block(
				jen.List(id("m"), id("ok")).Op(":=").Id("node").Assert(jen.Map(jen.String()).Any()),
				jen.If(jen.Op("!").Id("ok").Op("&&").Id("node").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q is a member of no object"), id("step")))),
				jen.If(id("m").Op("==").Nil()).Block(id("m").Op("=").Map(jen.String()).Any().Values()),
				jen.List(id("child"), id("err")).Op(":=").Id("setAt").Call(id("m").Index(id("step")), id("steps").Index(jen.Lit(1), jen.Empty()), id("v")),
				id("m").Index(id("step")).Op("=").Id("child"),
				jen.Return(id("m"), id("err")),
			),
			jen.Case(jen.Int()).Block(
				jen.List(id("items"), id("_")).Op(":=").Id("node").Assert(jen.Index().Any()),
				jen.If(id("step").Op(">=").Len(id("items"))).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("there is no item [%d]"), id("step")))),
				jen.List(id("child"), id("err")).Op(":=").Id("setAt").Call(id("items").Index(id("step")), id("steps").Index(jen.Lit(1), jen.Empty()), id("v")),
				id("items").Index(id("step")).Op("=").Id("child"),
				jen.Return(id("items"), id("err")),
			),
		),
		jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("a step of %T"), id("steps").Index(jen.Lit(0)))),
	)
	f.Line()
}

func genCheckExample(f *jen.File) {
	f.Comment("checkMaxBody bounds the answer the check reads.")
	f.Const().Id("checkMaxBody").Op("=").Lit(32 << 20)
	f.Line()
	f.Comment("checkExample sends ex's request to base with send, with values put in for")
	f.Comment("placeholders (see checkRequest), and reads the answer against the docs.")
	f.Func().Params(id("s").Op("*").Id("checkSchema")).Id("checkExample").Params(
		id("send").Func().Params(jen.Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()),
		id("base").String(), id("ex").Op("*").Id("exampleCase"), id("values").Map(jen.String()).String(),
	).Params(jen.Index().Id("checkDiff"), jen.Error()).Block(
		jen.List(id("req"), id("err")).Op(":=").Id("checkRequest").Call(id("base"), id("ex"), id("values")),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), id("err"))),
		jen.List(id("resp"), id("err")).Op(":=").Id("send").Call(id("req")),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), id("err"))),
		jen.Defer().Id("resp").Dot("Body").Dot("Close").Call(),
		jen.List(id("body"), id("err")).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgIO, "LimitReader").Call(id("resp").Dot("Body"), id("checkMaxBody"))),
		jen.If(id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), id("err"))),
		jen.Return(id("s").Dot("checkAnswer").Call(id("ex"), id("resp").Dot("StatusCode"), id("resp").Dot("Header"), id("body")), jen.Nil()),
	)
	f.Line()
}
