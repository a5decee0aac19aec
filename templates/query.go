package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

func queryFieldType(p *model.Param) jen.Code {
	switch p.Query {
	case model.QueryInt:
		// A pointer, so that 0 (such as $skip=0) is sent; nil is not.
		return jen.Op("*").Int()
	case model.QueryList:
		return jen.Index().String()
	}
	return jen.String()
}

// genQueryType writes an operation's query options, how the client encodes
// them, and how the server parses them.
func genQueryType(f *jen.File, op *model.Operation) {
	var fields []jen.Code
	for _, p := range op.QueryParams {
		doc := fmt.Sprintf("%s is the %s query parameter.", p.FieldName, p.WireName)
		if p.Doc != "" {
			doc = fmt.Sprintf("%s is %s: %s.", p.FieldName, p.WireName, p.Doc)
		}
		fields = append(fields, jen.Comment(doc), jen.Id(p.FieldName).Add(queryFieldType(p)))
	}
	f.Comment(fmt.Sprintf("%s holds the query options of %s; nil and empty fields are not sent.", op.QueryType, op.Name))
	f.Comment("")
	f.Comment(source(op.Source))
	f.Type().Id(op.QueryType).Struct(fields...)
	f.Line()
	genQueryEncode(f, op)
	genQueryParse(f, op)
}

func genQueryEncode(f *jen.File, op *model.Operation) {
	stmts := []jen.Code{jen.Id("v").Op(":=").Qual("net/url", "Values").Values()}
	for _, p := range op.QueryParams {
		field := jen.Id("q").Dot(p.FieldName)
		switch p.Query {
		case model.QueryInt:
			stmts = append(stmts, jen.If(field.Clone().Op("!=").Nil()).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), jen.Qual("strconv", "Itoa").Call(jen.Op("*").Add(field.Clone())))))
		case model.QueryList:
			stmts = append(stmts, jen.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), jen.Qual("strings", "Join").Call(field.Clone(), jen.Lit(",")))))
		default:
			stmts = append(stmts, jen.If(field.Clone().Op("!=").Lit("")).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), field.Clone())))
		}
	}
	stmts = append(stmts, jen.Return(jen.Id("v").Dot("Encode").Call()))
	f.Comment("encode writes the options as a query string.")
	f.Func().Params(jen.Id("q").Op("*").Id(op.QueryType)).Id("encode").Params().String().Block(stmts...)
	f.Line()
}

func queryParser(op *model.Operation) string { return "parse" + op.QueryType }

func genQueryParse(f *jen.File, op *model.Operation) {
	stmts := []jen.Code{jen.Var().Id("q").Id(op.QueryType)}
	for _, p := range op.QueryParams {
		get := jen.Id("v").Dot("Get").Call(jen.Lit(p.WireName))
		switch p.Query {
		case model.QueryInt:
			stmts = append(stmts, jen.If(jen.Id("s").Op(":=").Add(get), jen.Id("s").Op("!=").Lit("")).Block(
				jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(jen.Id("s")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("q"), jen.Qual("fmt", "Errorf").Call(jen.Lit(p.WireName+" is not a whole number")))),
				jen.Id("q").Dot(p.FieldName).Op("=").Op("&").Id("n"),
			))
		case model.QueryList:
			stmts = append(stmts, jen.If(jen.Id("s").Op(":=").Add(get), jen.Id("s").Op("!=").Lit("")).Block(
				jen.Id("q").Dot(p.FieldName).Op("=").Qual("strings", "Split").Call(jen.Id("s"), jen.Lit(",")),
			))
		default:
			stmts = append(stmts, jen.Id("q").Dot(p.FieldName).Op("=").Add(get))
		}
	}
	stmts = append(stmts, jen.Return(jen.Id("q"), jen.Nil()))
	f.Comment(fmt.Sprintf("%s reads the query options of %s from a request.", queryParser(op), op.Name))
	f.Func().Id(queryParser(op)).Params(jen.Id("v").Qual("net/url", "Values")).Params(jen.Id(op.QueryType), jen.Error()).Block(stmts...)
	f.Line()
}

// isPaged reports an operation whose result is a collection envelope with
// a next link, which the client can iterate.
func isPaged(op *model.Operation) bool {
	t := op.Result.Type
	return op.Result.Kind == model.ResultJSON && t != nil && t.Kind == model.RefNamed && t.Named.Items != nil && t.Named.NextLink != nil
}

// iteratorName is the client method that iterates a variant's items.
func iteratorName(v *model.Variant) string { return v.ClientMethod + "All" }

// genIterator writes an iterator over every item of a paged collection,
// following @odata.nextLink from page to page.
func genIterator(f *jen.File, op *model.Operation, v *model.Variant) {
	env := op.Result.Type.Named
	items := env.Items
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range v.Params {
		args = append(args, jen.Id(p.ArgName))
	}
	args = append(args, sharedArgs(op)...)
	elem := elemType(items.Type.Elem)
	f.Comment(fmt.Sprintf("%s iterates over every item of %s, following %s from page", iteratorName(v), v.ClientMethod, env.NextLink.JSONName))
	f.Comment("to page. It stops at the first error, which it yields. For one page at a time,")
	f.Comment(fmt.Sprintf("call %s and then FollowLink with the page's %s.", v.ClientMethod, env.NextLink.Name))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(iteratorName(v)).Params(clientParams(op, v)...).Qual("iter", "Seq2").Types(elem, jen.Error()).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(elem, jen.Error()).Bool()).Block(
			jen.List(jen.Id("page"), jen.Err()).Op(":=").Id("c").Dot(v.ClientMethod).Call(args...),
			jen.For().Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Add(elem),
					jen.Id("yield").Call(jen.Id("zero"), jen.Err()),
					jen.Return(),
				),
				jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Id("page").Dot(items.Name)).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("item"), jen.Nil())).Block(jen.Return()),
				),
				jen.If(jen.Id("page").Dot(env.NextLink.Name).Op("==").Lit("")).Block(jen.Return()),
				jen.List(jen.Id("page"), jen.Err()).Op("=").Id("FollowLink").Types(jen.Id(env.Name)).Call(jen.Id("ctx"), jen.Id("c"), jen.Id("page").Dot(env.NextLink.Name)),
			),
		)),
	)
	f.Line()
}
