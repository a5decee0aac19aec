package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func genDoc(f *jen.File, _ *model.API, opt Options) {
	for _, line := range []string{
		fmt.Sprintf("Package %s is a client and server for the API documented in %s/.", opt.Package, opt.DocsDir),
		"",
		"Every operation has a Client method per documented URL, a Server method,",
		"and a test per documented example. Models follow these rules:",
		"",
		"  - One struct per documented type, with the exact JSON member names as tags;",
		"    a type with a documented base type embeds it.",
		"  - An unset member is not encoded (omitzero). Where the zero value is data",
		"    (false or 0 of an optional member, or any zero value an example shows),",
		"    the field is a pointer, so that nil (unset) differs from it. Nested",
		"    objects are pointers, nil when absent.",
		"  - A member the docs say may be JSON null is a Nullable[T], whose Null field",
		"    tells null from a value after decoding; its zero value is absent.",
		"  - Members the docs do not list are kept in AdditionalProperties when",
		"    decoding and written back when encoding, so nothing is silently dropped.",
		"  - Enums are string types: unknown values decode and encode unchanged, and",
		"    IsKnown tells documented values from others.",
	} {
		f.PackageComment(line)
	}
}

func genEnum(f *jen.File, e *model.Enum) {
	f.Comment(fmt.Sprintf("%s holds %s.", e.Name, e.Doc))
	f.Comment("")
	f.Comment(source(e.Source))
	f.Type().Id(e.Name).String()
	f.Line()
	var consts []jen.Code
	for _, v := range e.Values {
		consts = append(consts, jen.Id(v.Const).Id(e.Name).Op("=").Lit(v.Value))
	}
	f.Comment(fmt.Sprintf("The documented values of %s.", e.Name))
	f.Const().Defs(consts...)
	f.Line()
	var cases []jen.Code
	for _, v := range e.Values {
		cases = append(cases, jen.Id(v.Const))
	}
	f.Comment("IsKnown reports whether v is a documented value; others decode and encode unchanged.")
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("IsKnown").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
	f.Line()
}

func genModel(f *jen.File, t *model.Type) {
	for _, c := range comments(typeDoc(t)) {
		f.Add(c)
	}
	f.Comment("")
	f.Comment(source(t.Source))
	var fields []jen.Code
	if t.Base != nil {
		fields = append(fields, jen.Id(t.Base.Name), jen.Line())
	}
	for _, fd := range t.Fields {
		fields = append(fields, comments(fieldDoc(fd))...)
		fields = append(fields, jen.Id(fd.Name).Add(fieldType(fd)).Tag(map[string]string{"json": fd.JSONName + omitOption(fd)}))
	}
	fields = append(fields,
		jen.Line(),
		jen.Comment("AdditionalProperties holds the members the docs do not list, so that"),
		jen.Comment("decoding and re-encoding keeps them."),
		jen.Id("AdditionalProperties").Map(jen.String()).Qual(pkgJSON, "RawMessage").Tag(map[string]string{"json": "-"}),
	)
	f.Type().Id(t.Name).Struct(fields...)
	f.Line()
	genMembers(f, t)
	genUnmarshal(f, t)
	genMarshal(f, t)
}

func fieldDoc(fd *model.Field) string {
	doc := fd.Doc
	if doc == "" {
		doc = fmt.Sprintf("%s is the %q member.", fd.Name, fd.JSONName)
	} else if !strings.HasPrefix(doc, fd.Name) {
		doc = fmt.Sprintf("%s: %s", fd.Name, doc)
	}
	if fd.Navigation {
		doc += " (A relationship.)"
	}
	if fd.Required {
		doc += " Required."
	}
	return doc
}

// fieldType is a field's Go type: its type, behind a pointer or in
// Nullable as the model decided.
func fieldType(fd *model.Field) jen.Code {
	switch {
	case fd.Nullable:
		return jen.Id("Nullable").Types(elemType(fd.Type))
	case fd.Pointer:
		return jen.Op("*").Add(goType(fd.Type))
	}
	return goType(fd.Type)
}

// omitOption leaves an unset member out of the JSON. A pointer field uses
// omitempty, which omits nil only: omitzero would call the IsZero method a
// pointer to time.Time has, and drop a documented zero time.
func omitOption(fd *model.Field) string {
	if fd.Pointer && !fd.Nullable {
		return ",omitempty"
	}
	return ",omitzero"
}

func typeDoc(t *model.Type) string {
	doc := t.Name + " is "
	switch {
	case t.ODataType != "" && t.Doc != "":
		doc += fmt.Sprintf("the %s type: %s", t.ODataType, strings.TrimSuffix(t.Doc, ".")+".")
	case t.ODataType != "":
		doc += fmt.Sprintf("the %s type, as its %s shows it.", t.ODataType, t.Origin)
	default:
		doc += fmt.Sprintf("the shape of %s.", t.Origin)
	}
	if t.Abstract {
		doc += " It is abstract: the API sends types derived from it."
	}
	if t.OpenType {
		doc += " It is an open type: instances carry members the docs do not list, which AdditionalProperties keeps."
	}
	if t.KeyProperty != "" {
		doc += fmt.Sprintf(" The %q member identifies an instance.", t.KeyProperty)
	}
	if t.Truncated {
		doc += "\n\nIts documented examples are truncated, so it may lack members the API sends: those are kept in AdditionalProperties."
	}
	return doc
}

// membersVar names the list of the JSON members a model declares as fields,
// which its UnmarshalJSON keeps out of AdditionalProperties; the "members"
// prefix keeps it unexported whatever the type is called.
func membersVar(t *model.Type) string { return "members" + t.Name }

func genMembers(f *jen.File, t *model.Type) {
	var names []jen.Code
	for _, fd := range t.AllFields() {
		names = append(names, jen.Lit(fd.JSONName))
	}
	f.Var().Id(membersVar(t)).Op("=").Index().String().Values(names...)
	f.Line()
}

// fieldsOf is T's fields without T's JSON methods, so that encoding/json
// handles the fields itself: the local type "fields" (type fields T) when T
// embeds no base type, else struct{ T; hideJSONMethods }, where the two
// embedded types' methods hide each other. ptr makes it hold a *T.
func fieldsOf(t *model.Type, v jen.Code, ptr bool) jen.Code {
	if t.Base == nil {
		if ptr {
			return jen.Parens(jen.Op("*").Id("fields")).Parens(v)
		}
		return jen.Id("fields").Parens(v)
	}
	embedded := jen.Id(t.Name)
	if ptr {
		embedded = jen.Op("*").Id(t.Name)
	}
	lit := jen.Struct(embedded, jen.Id("hideJSONMethods")).Values(jen.Dict{jen.Id(t.Name): v})
	if ptr {
		return jen.Op("&").Add(lit)
	}
	return lit
}

// localFields declares the local type fieldsOf uses, when it uses one.
func localFields(t *model.Type) []jen.Code {
	if t.Base != nil {
		return nil
	}
	return []jen.Code{jen.Type().Id("fields").Id(t.Name)}
}

func genUnmarshal(f *jen.File, t *model.Type) {
	f.Comment(fmt.Sprintf("UnmarshalJSON keeps the members %s does not declare in AdditionalProperties.", t.Name))
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(append(localFields(t),
		jen.Op("*").Id("v").Op("=").Id(t.Name).Values(),
		jen.Return(jen.Id("decodeOpen").Call(jen.Id("data"), fieldsOf(t, jen.Id("v"), true), jen.Op("&").Id("v").Dot("AdditionalProperties"), jen.Id(membersVar(t)))),
	)...)
	f.Line()
}

func genMarshal(f *jen.File, t *model.Type) {
	f.Comment("MarshalJSON writes the members kept in AdditionalProperties after the fields.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(append(localFields(t),
		jen.Return(jen.Id("encodeOpen").Call(fieldsOf(t, jen.Id("v"), false), jen.Id("v").Dot("AdditionalProperties"))),
	)...)
	f.Line()
}

// genDeclaredMembersTest checks every model's fields against its members
// list: a field that lost its documented JSON name fails, even when no
// example shows the member.
func genDeclaredMembersTest(f *jen.File, api *model.API) {
	var cases []jen.Code
	for _, t := range api.Types {
		cases = append(cases, jen.Values(jen.New(jen.Id(t.Name)), jen.Id(membersVar(t))))
	}
	if len(cases) == 0 {
		return
	}
	f.Comment("TestDeclaredMembers checks that each model's fields carry the JSON names the docs")
	f.Comment("give its members: a field that lost its name fails here even when no example")
	f.Comment("shows the member.")
	f.Func().Id("TestDeclaredMembers").Params(tParam()).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Index().Struct(
			jen.Id("model").Any(),
			jen.Id("members").Index().String(),
		).Add(lines(cases))).Block(
			jen.Id("typ").Op(":=").Qual(pkgReflect, "TypeOf").Call(jen.Id("tt").Dot("model")).Dot("Elem").Call(),
			jen.If(jen.Id("got").Op(":=").Id("jsonNames").Call(jen.Id("typ")), jen.Op("!").Qual("slices", "Equal").Call(jen.Id("got"), jen.Id("tt").Dot("members"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: fields named %q, the docs' members are %q"), jen.Id("typ").Dot("Name").Call(), jen.Id("got"), jen.Id("tt").Dot("members")),
			),
		),
	)
	f.Line()
	f.Comment("jsonNames are the JSON names of a struct's fields, an embedded base's first.")
	f.Func().Id("jsonNames").Params(jen.Id("typ").Qual(pkgReflect, "Type")).Index().String().Block(
		jen.Var().Id("names").Index().String(),
		jen.For(jen.Id("i").Op(":=").Range().Id("typ").Dot("NumField").Call()).Block(
			jen.Id("field").Op(":=").Id("typ").Dot("Field").Call(jen.Id("i")),
			jen.If(jen.Id("field").Dot("Anonymous")).Block(
				jen.Id("names").Op("=").Append(jen.Id("names"), jen.Id("jsonNames").Call(jen.Id("field").Dot("Type")).Op("...")),
				jen.Continue(),
			),
			jen.If(jen.List(jen.Id("name"), jen.Id("_"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Id("field").Dot("Tag").Dot("Get").Call(jen.Lit("json")), jen.Lit(",")), jen.Id("name").Op("!=").Lit("-")).Block(
				jen.Id("names").Op("=").Append(jen.Id("names"), jen.Id("name")),
			),
		),
		jen.Return(jen.Id("names")),
	)
	f.Line()
}
