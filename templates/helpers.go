package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const (
	pkgJSON  = "encoding/json"
	pkgHTTP  = "net/http"
	pkgIO    = "io"
	pkgBytes = "bytes"
)

// genHelpers writes the package's support code: JSON member handling, the
// error type, and the request and response plumbing of client and server.
func genHelpers(f *jen.File, _ *model.API, _ Options) {
	genOpenHelpers(f)
	genAppendMembers(f)
	genAPIError(f)
	genClientPlumbing(f)
	genServerPlumbing(f)
}

func ifErrReturn(results ...jen.Code) jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(results...))
}

func genOpenHelpers(f *jen.File) {
	extra := jen.Map(jen.String()).Qual(pkgJSON, "RawMessage")
	f.Comment("decodeOpen decodes data into fields, and into extra the members known does not")
	f.Comment("name: the JSON methods of every model. JSON names are case-sensitive but")
	f.Comment("encoding/json matches fields without regard to case, so a member that differs")
	f.Comment("from a declared one only in case (\"Topic\" beside \"topic\") is kept in extra")
	f.Comment("and the fields are decoded from the declared members alone.")
	f.Func().Id("decodeOpen").Params(jen.Id("data").Index().Byte(), jen.Id("fields").Any(), jen.Id("extra").Op("*").Add(extra), jen.Id("known").Index().String()).Error().Block(
		jen.Var().Id("all").Add(extra),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("all")), jen.Err().Op("!=").Nil().Op("||").Id("all").Op("==").Nil()).Block(
			jen.Comment("Not an object (or null): decoding into fields says why in its own terms."),
			jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("fields"))),
		),
		jen.Id("declared").Op(":=").Id("data"),
		jen.If(jen.Id("foldsOntoKnown").Call(jen.Id("all"), jen.Id("known"))).Block(
			jen.Id("own").Op(":=").Map(jen.String()).Qual(pkgJSON, "RawMessage").Values(),
			jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("known")).Block(
				jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("all").Index(jen.Id("name")), jen.Id("ok")).Block(
					jen.Id("own").Index(jen.Id("name")).Op("=").Id("v"),
				),
			),
			jen.Var().Err().Error(),
			jen.If(jen.List(jen.Id("declared"), jen.Err()).Op("=").Qual(pkgJSON, "Marshal").Call(jen.Id("own")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("declared"), jen.Id("fields")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("known")).Block(
			jen.Delete(jen.Id("all"), jen.Id("name")),
		),
		jen.If(jen.Len(jen.Id("all")).Op(">").Lit(0)).Block(jen.Op("*").Id("extra").Op("=").Id("all")),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Comment("foldsOntoKnown reports a member of all that known does not name but that")
	f.Comment("encoding/json would decode into a declared field: one of the same letters in")
	f.Comment("another case.")
	f.Func().Id("foldsOntoKnown").Params(jen.Id("all").Add(extra), jen.Id("known").Index().String()).Bool().Block(
		jen.For(jen.Id("name").Op(":=").Range().Id("all")).Block(
			jen.If(jen.Qual("slices", "Contains").Call(jen.Id("known"), jen.Id("name"))).Block(
				jen.Comment("A declared member: the common case, and no fold to look for."),
				jen.Continue(),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("known")).Block(
				jen.If(jen.Qual("strings", "EqualFold").Call(jen.Id("name"), jen.Id("k"))).Block(jen.Return(jen.True())),
			),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("encodeOpen encodes fields, then the members in extra.")
	f.Func().Id("encodeOpen").Params(jen.Id("fields").Any(), jen.Id("extra").Add(extra)).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("fields")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.Return(jen.Id("appendMembers").Call(jen.Id("data"), jen.Id("extra"))),
	)
	f.Line()
}

func genAppendMembers(f *jen.File) {
	f.Comment("appendMembers adds extra members to the encoded JSON object data, in name")
	f.Comment("order so that encoding is deterministic.")
	f.Func().Id("appendMembers").Params(jen.Id("data").Index().Byte(), jen.Id("extra").Map(jen.String()).Qual(pkgJSON, "RawMessage")).
		Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Len(jen.Id("extra")).Op("==").Lit(0)).Block(jen.Return(jen.Id("data"), jen.Nil())),
		jen.Id("out").Op(":=").Id("data").Index(jen.Empty(), jen.Len(jen.Id("data")).Op("-").Lit(1)),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("extra")))).Block(
			jen.If(jen.Len(jen.Id("out")).Op(">").Lit(1)).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.LitRune(','))),
			jen.List(jen.Id("key"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("name")),
			ifErrReturn(jen.Nil(), jen.Err()),
			jen.Id("out").Op("=").Append(jen.Append(jen.Id("out"), jen.Id("key").Op("...")), jen.LitRune(':')),
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("extra").Index(jen.Id("name")).Op("...")),
		),
		jen.Return(jen.Append(jen.Id("out"), jen.LitRune('}')), jen.Nil()),
	)
	f.Line()
}

func genAPIError(f *jen.File) {
	f.Comment("APIError is a response whose status is not 2xx. Code and Message come from a")
	f.Comment(`Graph-style error body, {"error": {"code": ..., "message": ...}}, when it has one.`)
	f.Type().Id("APIError").Struct(
		jen.Id("StatusCode").Int(),
		jen.Id("Header").Qual(pkgHTTP, "Header"),
		jen.Comment("Body is the response body, cut at maxErrorBody bytes."),
		jen.Id("Body").Index().Byte(),
		jen.Id("Code").String(),
		jen.Id("Message").String(),
	)
	f.Line()
	f.Func().Params(jen.Id("e").Op("*").Id("APIError")).Id("Error").Params().String().Block(
		jen.If(jen.Id("e").Dot("Code").Op("!=").Lit("")).Block(
			jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%d %s: %s: %s"), jen.Id("e").Dot("StatusCode"), jen.Qual(pkgHTTP, "StatusText").Call(jen.Id("e").Dot("StatusCode")), jen.Id("e").Dot("Code"), jen.Id("e").Dot("Message"))),
		),
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%d %s"), jen.Id("e").Dot("StatusCode"), jen.Qual(pkgHTTP, "StatusText").Call(jen.Id("e").Dot("StatusCode")))),
	)
	f.Line()
	genErrorEnvelope(f)
	f.Comment("maxErrorBody bounds how much of an error response is read into memory: API")
	f.Comment("errors are a few hundred bytes, and a proxy's error page is cut.")
	f.Const().Id("maxErrorBody").Op("=").Lit(256).Op("<<").Lit(10)
	f.Line()
	f.Comment("newAPIError reads an error response.")
	f.Func().Id("newAPIError").Params(jen.Id("resp").Op("*").Qual(pkgHTTP, "Response")).Error().Block(
		jen.List(jen.Id("body"), jen.Id("_")).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgIO, "LimitReader").Call(jen.Id("resp").Dot("Body"), jen.Id("maxErrorBody"))),
		jen.Id("e").Op(":=").Op("&").Id("APIError").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode"),
			jen.Id("Header"):     jen.Id("resp").Dot("Header"),
			jen.Id("Body"):       jen.Id("body"),
		}),
		jen.Var().Id("env").Id("errorEnvelope"),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("body"), jen.Op("&").Id("env")).Op("==").Nil()).Block(
			jen.List(jen.Id("e").Dot("Code"), jen.Id("e").Dot("Message")).Op("=").List(jen.Id("env").Dot("Error").Dot("Code"), jen.Id("env").Dot("Error").Dot("Message")),
		),
		jen.Return(jen.Id("e")),
	)
	f.Line()
}

func genErrorEnvelope(f *jen.File) {
	f.Comment("errorEnvelope is the Graph-style error body.")
	f.Type().Id("errorEnvelope").Struct(
		jen.Id("Error").Struct(
			jen.Id("Code").String().Tag(map[string]string{"json": "code"}),
			jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		).Tag(map[string]string{"json": "error"}),
	)
	f.Line()
}
