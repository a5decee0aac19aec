package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genUnion(f *jen.File, u *model.Union) {
	f.Comment(fmt.Sprintf("%s holds a %s or a type derived from it: decoding sets the field of the", u.Name, u.Base.Name))
	f.Comment(`type its "@odata.type" member names, and keeps a type the docs do not list in`)
	f.Comment("Unknown. Set one field before encoding.")
	f.Comment("")
	f.Comment(source(u.Source))
	var fields []jen.Code
	for _, t := range u.Variants {
		fields = append(fields, jen.Comment(fmt.Sprintf("%s is set for %q.", t.Name, t.ODataType)), jen.Id(t.Name).Op("*").Id(t.Name))
	}
	fields = append(fields, jen.Comment("Unknown holds an object of a type the docs do not list."), jen.Id("Unknown").Qual(pkgJSON, "RawMessage"))
	f.Type().Id(u.Name).Struct(fields...)
	f.Line()
	genUnionIsZero(f, u)
	genUnionMarshal(f, u)
	genUnionUnmarshal(f, u)
}

func genUnionIsZero(f *jen.File, u *model.Union) {
	cond := jen.Id("u").Dot("Unknown").Op("==").Nil()
	for _, t := range u.Variants {
		cond = cond.Op("&&").Id("u").Dot(t.Name).Op("==").Nil()
	}
	f.Comment("IsZero reports that no field is set, which omitzero leaves out.")
	f.Func().Params(jen.Id("u").Id(u.Name)).Id("IsZero").Params().Bool().Block(jen.Return(cond))
	f.Line()
}

func genUnionMarshal(f *jen.File, u *model.Union) {
	var cases []jen.Code
	for _, t := range u.Variants {
		cases = append(cases, jen.Case(jen.Id("u").Dot(t.Name).Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("u").Dot(t.Name)))))
	}
	cases = append(cases, jen.Case(jen.Id("u").Dot("Unknown").Op("!=").Nil()).Block(jen.Return(jen.Id("u").Dot("Unknown"), jen.Nil())))
	f.Comment("MarshalJSON encodes the field that is set.")
	f.Func().Params(jen.Id("u").Id(u.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Switch().Block(cases...),
		jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil()),
	)
	f.Line()
}

func genUnionUnmarshal(f *jen.File, u *model.Union) {
	var cases []jen.Code
	for _, t := range u.Variants {
		values := []jen.Code{jen.Lit(strings.ToLower(t.ODataType))}
		if t == u.Base {
			values = append(values, jen.Lit("")) // no "@odata.type": the declared type
		}
		cases = append(cases, jen.Case(values...).Block(
			jen.Id("u").Dot(t.Name).Op("=").New(jen.Id(t.Name)),
			jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("u").Dot(t.Name))),
		))
	}
	f.Comment(`UnmarshalJSON decodes into the field of the type the "@odata.type" member names.`)
	f.Func().Params(jen.Id("u").Op("*").Id(u.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("u").Op("=").Id(u.Name).Values(),
		jen.Var().Id("probe").Struct(jen.Id("Type").String().Tag(map[string]string{"json": "@odata.type"})),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("probe")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Qual("strings", "TrimPrefix").Call(jen.Id("probe").Dot("Type"), jen.Lit("#")))).Block(cases...),
		jen.Id("u").Dot("Unknown").Op("=").Append(jen.Qual(pkgJSON, "RawMessage").Call(jen.Nil()), jen.Id("data").Op("...")),
		jen.Return(jen.Nil()),
	)
	f.Line()
}
