package templates

import (
	"fmt"
	"path"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// genUnionTests checks that every union keeps an object of a type the docs
// do not list, and encodes it back unchanged.
func genUnionTests(f *jen.File, name string, unions []*model.Union) {
	if len(unions) == 0 {
		return
	}
	const unknown = `{"@odata.type":"#docbind.undocumented","id":"x"}`
	var cases []jen.Code
	for _, u := range unions {
		cases = append(cases, keyed([]string{source(u.Source)},
			kv{"name", jen.Lit(u.Name)},
			kv{"decode", jen.Id("decodeAs").Types(jen.Id(u.Name))},
			kv{"unknown", jen.Func().Params(jen.Id("v").Any()).Qual(pkgJSON, "RawMessage").Block(jen.Return(jen.Id("v").Assert(jen.Op("*").Id(u.Name)).Dot("Unknown")))},
		))
	}
	f.Comment(name + " decodes an object of an undocumented type into each union: it is")
	f.Comment("kept in Unknown and encodes back unchanged.")
	f.Func().Id(name).Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("decode").Func().Params(jen.Index().Byte()).Params(jen.Any(), jen.Error()),
			jen.Id("unknown").Func().Params(jen.Any()).Qual(pkgJSON, "RawMessage"),
		).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Id("tt").Dot("decode").Call(jen.Index().Byte().Call(jen.Lit(unknown))),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Id("tt").Dot("unknown").Call(jen.Id("v")).Op("==").Nil()).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: an undocumented type was not kept in Unknown: %v"), jen.Id("tt").Dot("name"), jen.Err()),
				jen.Continue(),
			),
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Id("tt").Dot("name"), jen.Id("data"), jen.Lit(unknown)),
		),
	)
	f.Line()
}

func genRoundTrip(f *jen.File, name string, instances []model.Instance) {
	var cases []jen.Code
	for _, in := range instances {
		t, ex := in.Type, in.Example
		notes := []string{source(ex.Source)}
		for _, s := range ex.Substitutions {
			notes = append(notes, substitutionNote(s))
		}
		kvs := []kv{
			{"name", jen.Lit(fmt.Sprintf("%s from %s:%d", t.Name, path.Base(ex.Source.File), ex.Source.Line))},
			{"into", jen.New(jen.Id(t.Name))},
			{"json", rawString(ex.JSON)},
		}
		if extras := valueExtras(ex.Value, nil); len(extras) > 0 {
			kvs = append(kvs, kv{"extras", stringsLit(extras)})
		}
		cases = append(cases, keyed(notes, kvs...))
	}
	if len(cases) == 0 {
		return
	}
	f.Comment(name + " decodes every documented instance of each type into its model")
	f.Comment("and encodes it again: the JSON must be the same, members the docs truncated or")
	f.Comment("never listed included.")
	f.Func().Id(name).Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Comment("into is a new value of the type the JSON decodes into."),
			jen.Id("into").Any(),
			jen.Id("json").String(),
			jen.Comment("extras are the members of the JSON that no field declares."),
			jen.Id("extras").Index().String(),
		).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(tParam()).Block(
				jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("tt").Dot("json")), jen.Id("tt").Dot("into")), jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("decoding the documented JSON: %v"), jen.Err())),
				jen.Id("checkExtras").Call(jen.Id("t"), jen.Id("tt").Dot("extras"), jen.Id("tt").Dot("into")),
				jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("tt").Dot("into")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("encoding: %v"), jen.Err())),
				jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Lit("re-encoded JSON"), jen.Id("data"), jen.Id("tt").Dot("json")),
			)),
		),
	)
	f.Line()
}

func genDecodeAs(f *jen.File) {
	f.Comment("decodeAs decodes JSON into a new T.")
	f.Func().Id("decodeAs").Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(
		jen.Var().Id("v").Id("T"),
		jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")),
		jen.Return(jen.Op("&").Id("v"), jen.Err()),
	)
	f.Line()
}

func genEnumTests(f *jen.File, name string, enums []*model.Enum) {
	if len(enums) == 0 {
		return
	}
	var cases []jen.Code
	for _, e := range enums {
		var known []jen.Code
		for _, v := range e.Values {
			known = append(known, jen.Id(v.Const).Dot("IsKnown").Call())
		}
		cases = append(cases, keyed([]string{source(e.Source)},
			kv{"name", jen.Lit(e.Name)},
			kv{"known", jen.Index().Bool().Values(known...)},
			kv{"unknown", jen.Id(e.Name).Call(jen.Lit("docbind-unknown-value")).Dot("IsKnown").Call()},
			kv{"roundTrip", jen.Func().Params().Params(jen.Any(), jen.Error()).Block(
				jen.Var().Id("v").Id(e.Name),
				jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Lit(`"docbind-unknown-value"`)), jen.Op("&").Id("v")),
				jen.Return(jen.Id("v"), jen.Err()),
			)},
		))
	}
	f.Comment(name + " checks that every documented value is known, and that an unknown value")
	f.Comment("is not known but decodes and encodes unchanged.")
	f.Func().Id(name).Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("known").Index().Bool(),
			jen.Id("unknown").Bool(),
			jen.Id("roundTrip").Func().Params().Params(jen.Any(), jen.Error()),
		).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.For(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Range().Id("tt").Dot("known")).Block(
				jen.If(jen.Op("!").Id("ok")).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: documented value %d is not known"), jen.Id("tt").Dot("name"), jen.Id("i"))),
			),
			jen.If(jen.Id("tt").Dot("unknown")).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: an undocumented value is known"), jen.Id("tt").Dot("name"))),
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Id("tt").Dot("roundTrip").Call(),
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.If(jen.Err().Op("!=").Nil().Op("||").String().Call(jen.Id("data")).Op("!=").Lit(`"docbind-unknown-value"`)).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: unknown value round trip gave %s, %v"), jen.Id("tt").Dot("name"), jen.Id("data"), jen.Err()),
			),
		),
	)
	f.Line()
}
