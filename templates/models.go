package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genDoc(f *jen.File, api *model.API, opt Options) {
	f.PackageComment(fmt.Sprintf("Package %s is a client and server for the API documented in %s/.", opt.Package, opt.DocsDir))
	f.PackageComment("")
	f.PackageComment("Every operation has a Client method per documented URL, a Server method,")
	f.PackageComment("and a test per documented example. Models follow these rules:")
	f.PackageComment("")
	f.PackageComment("  - A member the docs show is a field; its JSON name is its exact tag.")
	f.PackageComment("  - Members are optional (the docs' examples are partial): an unset field is")
	f.PackageComment("    not encoded (omitzero). Booleans and numbers are pointers, as are strings")
	f.PackageComment("    the docs show empty, so that nil (unset) differs from false, 0 or \"\".")
	f.PackageComment("    Nested objects are pointers, nil when absent.")
	f.PackageComment("  - Members the docs do not list are kept in AdditionalProperties when")
	f.PackageComment("    decoding and written back when encoding, so nothing is silently dropped.")
}

func genModels(f *jen.File, api *model.API, _ Options) {
	for _, t := range api.Types {
		genModel(f, t)
	}
}

func genModel(f *jen.File, t *model.Type) {
	for _, c := range comments(typeDoc(t)) {
		f.Add(c)
	}
	f.Comment("")
	f.Comment(source(t.Source))
	var fields []jen.Code
	for _, fd := range t.Fields {
		if fd.Doc != "" {
			fields = append(fields, comments(fd.Doc)...)
		}
		fields = append(fields, jen.Id(fd.Name).Add(fieldType(fd)).Tag(map[string]string{"json": fd.JSONName + ",omitzero"}))
	}
	fields = append(fields,
		jen.Line(),
		jen.Comment("AdditionalProperties holds the members the docs do not list, so that"),
		jen.Comment("decoding and re-encoding keeps them."),
		jen.Id("AdditionalProperties").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}),
	)
	f.Type().Id(t.Name).Struct(fields...)
	f.Line()
	genMembers(f, t)
	genUnmarshal(f, t)
	genMarshal(f, t)
}

// fieldType is a field's Go type: its type, behind a pointer when the model
// says an unset member must differ from a zero one.
func fieldType(fd *model.Field) jen.Code {
	if fd.Pointer {
		return jen.Op("*").Add(goType(fd.Type))
	}
	return goType(fd.Type)
}

func typeDoc(t *model.Type) string {
	doc := t.Name + " is "
	switch {
	case t.ODataType != "" && t.Doc != "":
		doc += fmt.Sprintf("the %s type: %s.", t.ODataType, t.Doc)
	case t.ODataType != "":
		doc += fmt.Sprintf("the %s type, as its %s shows it.", t.ODataType, t.Origin)
	default:
		doc += fmt.Sprintf("the shape of %s.", t.Origin)
	}
	if t.Truncated {
		doc += "\n\nIts documented example is truncated, so it may lack members the API sends: those are kept in AdditionalProperties."
	}
	return doc
}

// membersVar names the list of declared members; the "members" prefix keeps
// it unexported whatever the type is called.
func membersVar(t *model.Type) string { return "members" + t.Name }

func genMembers(f *jen.File, t *model.Type) {
	var names []jen.Code
	for _, fd := range t.Fields {
		names = append(names, jen.Lit(fd.JSONName))
	}
	f.Comment(fmt.Sprintf("%s are the JSON members declared as fields of %s.", membersVar(t), t.Name))
	f.Var().Id(membersVar(t)).Op("=").Index().String().Values(names...)
	f.Line()
}

func genUnmarshal(f *jen.File, t *model.Type) {
	f.Comment("UnmarshalJSON decodes the declared members into fields and keeps the others in")
	f.Comment("AdditionalProperties.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("v"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Var().Err().Error(),
		jen.List(jen.Id("v").Dot("AdditionalProperties"), jen.Err()).Op("=").Id("unknownMembers").Call(jen.Id("data"), jen.Id(membersVar(t))),
		jen.Return(jen.Err()),
	)
	f.Line()
}

func genMarshal(f *jen.File, t *model.Type) {
	f.Comment("MarshalJSON encodes the fields, then the members kept in AdditionalProperties.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("plain").Call(jen.Id("v"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("appendMembers").Call(jen.Id("data"), jen.Id("v").Dot("AdditionalProperties"))),
	)
	f.Line()
}
