package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genValueTypes writes the value types models use beside the standard
// library's: Nullable, DateTime, Date, TimeOfDay and Duration, and the
// hideJSONMethods helper of the models' JSON methods.
func genValueTypes(f *jen.File, _ *model.API, _ Options) {
	genNullable(f)
	genDateTime(f)
	genDate(f)
	f.Comment(`TimeOfDay is a time of day as the API writes it, such as "15:04:05".`)
	f.Type().Id("TimeOfDay").String()
	f.Line()
	f.Comment(`Duration is an ISO 8601 duration as the API writes it, such as "PT1H30M".`)
	f.Type().Id("Duration").String()
	f.Line()
	genHideJSONMethods(f)
}

func genNullable(f *jen.File) {
	T := jen.Id("T")
	f.Comment("Nullable is a member the docs say may be JSON null. Set reports that the")
	f.Comment("member is present, and Null that it is null; the zero Nullable is absent and")
	f.Comment("is not encoded.")
	f.Type().Id("Nullable").Types(jen.Id("T").Any()).Struct(
		jen.Id("Value").Id("T"),
		jen.Id("Null").Bool(),
		jen.Id("Set").Bool(),
	)
	f.Line()
	f.Comment("NullableOf returns a present, non-null member holding v.")
	f.Func().Id("NullableOf").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Id("Nullable").Types(T).Block(
		jen.Return(jen.Id("Nullable").Types(T).Values(jen.Dict{jen.Id("Value"): jen.Id("v"), jen.Id("Set"): jen.True()})),
	)
	f.Line()
	f.Comment("Null returns a member that is present and null.")
	f.Func().Id("Null").Types(jen.Id("T").Any()).Params().Id("Nullable").Types(T).Block(
		jen.Return(jen.Id("Nullable").Types(T).Values(jen.Dict{jen.Id("Null"): jen.True(), jen.Id("Set"): jen.True()})),
	)
	f.Line()
	f.Comment("IsZero reports an absent member, which omitzero leaves out.")
	f.Func().Params(jen.Id("n").Id("Nullable").Types(T)).Id("IsZero").Params().Bool().Block(jen.Return(jen.Op("!").Id("n").Dot("Set")))
	f.Line()
	f.Comment("MarshalJSON encodes null, or the value.")
	f.Func().Params(jen.Id("n").Id("Nullable").Types(T)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Id("n").Dot("Null").Op("||").Op("!").Id("n").Dot("Set")).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("n").Dot("Value"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes null, or the value.")
	f.Func().Params(jen.Id("n").Op("*").Id("Nullable").Types(T)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("n").Op("=").Id("Nullable").Types(T).Values(jen.Dict{jen.Id("Set"): jen.True()}),
		jen.If(jen.String().Call(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit("null")).Block(
			jen.Id("n").Dot("Null").Op("=").True(),
			jen.Return(jen.Nil()),
		),
		jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("n").Dot("Value"))),
	)
	f.Line()
}

func genDateTime(f *jen.File) {
	f.Comment("DateTime is a timestamp as the API writes it: RFC 3339, or without a zone")
	f.Comment(`offset ("2019-03-15T09:00:00", read as UTC). It encodes the text it decoded`)
	f.Comment("while its time is unchanged, so a round trip keeps the documented form.")
	f.Type().Id("DateTime").Struct(jen.Qual("time", "Time"), jen.Id("text").String())
	f.Line()
	f.Comment("dateTimeLayouts are the forms DateTime reads, with a zone first.")
	f.Var().Id("dateTimeLayouts").Op("=").Index().String().Values(jen.Qual("time", "RFC3339Nano"), jen.Lit("2006-01-02T15:04:05.999999999"), jen.Lit("2006-01-02T15:04"))
	f.Line()
	f.Comment("ParseDateTime reads a timestamp with or without a zone offset.")
	f.Func().Id("ParseDateTime").Params(jen.Id("s").String()).Params(jen.Id("DateTime"), jen.Error()).Block(
		jen.Var().Id("err").Error(),
		jen.For(jen.List(jen.Id("_"), jen.Id("layout")).Op(":=").Range().Id("dateTimeLayouts")).Block(
			jen.Var().Id("t").Qual("time", "Time"),
			jen.If(jen.List(jen.Id("t"), jen.Err()).Op("=").Qual("time", "Parse").Call(jen.Id("layout"), jen.Id("s")), jen.Err().Op("==").Nil()).Block(
				jen.Return(jen.Id("DateTime").Values(jen.Dict{jen.Id("Time"): jen.Id("t"), jen.Id("text"): jen.Id("s")}), jen.Nil()),
			),
		),
		jen.Return(jen.Id("DateTime").Values(), jen.Err()),
	)
	f.Line()
	f.Comment("MarshalJSON encodes the decoded text while the time is unchanged, else RFC 3339.")
	f.Func().Params(jen.Id("d").Id("DateTime")).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("ParseDateTime").Call(jen.Id("d").Dot("text")), jen.Err().Op("==").Nil().Op("&&").Id("t").Dot("Equal").Call(jen.Id("d").Dot("Time"))).Block(
			jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("d").Dot("text"))),
		),
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("d").Dot("Time").Dot("Format").Call(jen.Qual("time", "RFC3339Nano")))),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes a timestamp with or without a zone offset.")
	f.Func().Params(jen.Id("d").Op("*").Id("DateTime")).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Var().Id("s").String(),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("s")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("ParseDateTime").Call(jen.Id("s")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Op("*").Id("d").Op("=").Id("t"),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

func genDate(f *jen.File) {
	f.Comment(`Date is a calendar date without a time or zone, written "2006-01-02".`)
	f.Type().Id("Date").Struct(jen.Id("Year").Int(), jen.Id("Month").Qual("time", "Month"), jen.Id("Day").Int())
	f.Line()
	f.Comment(`ParseDate reads a date written "2006-01-02".`)
	f.Func().Id("ParseDate").Params(jen.Id("s").String()).Params(jen.Id("Date"), jen.Error()).Block(
		jen.List(jen.Id("t"), jen.Err()).Op(":=").Qual("time", "Parse").Call(jen.Qual("time", "DateOnly"), jen.Id("s")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("Date").Values(), jen.Err())),
		jen.Return(jen.Id("Date").Values(jen.Dict{jen.Id("Year"): jen.Id("t").Dot("Year").Call(), jen.Id("Month"): jen.Id("t").Dot("Month").Call(), jen.Id("Day"): jen.Id("t").Dot("Day").Call()}), jen.Nil()),
	)
	f.Line()
	f.Comment(`String formats the date as "2006-01-02".`)
	f.Func().Params(jen.Id("d").Id("Date")).Id("String").Params().String().Block(
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%04d-%02d-%02d"), jen.Id("d").Dot("Year"), jen.Id("d").Dot("Month"), jen.Id("d").Dot("Day"))),
	)
	f.Line()
	f.Comment("MarshalJSON encodes the date as a JSON string.")
	f.Func().Params(jen.Id("d").Id("Date")).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("d").Dot("String").Call())),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes a date from a JSON string.")
	f.Func().Params(jen.Id("d").Op("*").Id("Date")).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Var().Id("s").String(),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("s")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Var().Err().Error(),
		jen.List(jen.Op("*").Id("d"), jen.Err()).Op("=").Id("ParseDate").Call(jen.Id("s")),
		jen.Return(jen.Err()),
	)
	f.Line()
}

func genHideJSONMethods(f *jen.File) {
	f.Comment("hideJSONMethods, embedded beside a model as in struct{ Item; hideJSONMethods },")
	f.Comment("makes the model's MarshalJSON and UnmarshalJSON ambiguous, so encoding/json")
	f.Comment("encodes the fields (and those of an embedded base type) itself. The models'")
	f.Comment("JSON methods use it to handle AdditionalProperties around the fields. It is not")
	f.Comment("comparable, so that the compiler writes no equality function for each struct")
	f.Comment("that embeds it.")
	f.Type().Id("hideJSONMethods").Struct(jen.Id("_").Id("doNotCompare"))
	f.Line()
	f.Comment("MarshalJSON is never called: it only makes the embedding struct's method ambiguous.")
	f.Func().Params(jen.Id("hideJSONMethods")).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("hideJSONMethods is not encoded"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON is never called: it only makes the embedding struct's method ambiguous.")
	f.Func().Params(jen.Op("*").Id("hideJSONMethods")).Id("UnmarshalJSON").Params(jen.Index().Byte()).Error().Block(
		jen.Return(jen.Qual("errors", "New").Call(jen.Lit("hideJSONMethods is not decoded"))),
	)
	f.Line()
}
