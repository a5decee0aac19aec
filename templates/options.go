package templates

import (
	"fmt"
	"net/http"
	"strings"

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

// genOptionsType writes an operation's options, the header and query
// parameters a client method takes last, how the client sets them on a
// request, and how the server reads them from one.
func genOptionsType(f *jen.File, op *model.Operation) {
	var fields []jen.Code
	for _, p := range op.HeaderParams {
		fields = append(fields, comments(headerDoc(p))...)
		fields = append(fields, jen.Id(p.FieldName).String())
	}
	for _, p := range op.QueryParams {
		doc := fmt.Sprintf("%s is the %s query parameter.", p.FieldName, p.WireName)
		if p.Doc != "" {
			doc = endSentence(fmt.Sprintf("%s is %s: %s", p.FieldName, p.WireName, p.Doc))
		}
		// A table's description may be long: wrapped, as a header's is.
		fields = append(fields, comments(doc)...)
		fields = append(fields, jen.Id(p.FieldName).Add(queryFieldType(p)))
	}
	for _, c := range comments(fmt.Sprintf("%s holds the optional %s of %s; nil and empty fields are not sent.", op.OptionsType, optionsKinds(op), op.Name)) {
		f.Add(c)
	}
	f.Type().Id(op.OptionsType).Struct(fields...)
	f.Line()
	genOptionsApply(f, op)
	if len(op.QueryParams) > 0 {
		genOptionsParse(f, op)
	}
}

// optionsKinds says what an operation's options are.
func optionsKinds(op *model.Operation) string {
	return byKind(op, "request headers", "query parameters", "request headers and query parameters")
}

// optionsParts says where an operation's options travel.
func optionsParts(op *model.Operation) string {
	return byKind(op, "its headers", "its query", "its query, then its headers")
}

// byKind picks the words for an operation's options: headers only, query
// parameters only, or both.
func byKind(op *model.Operation, headers, query, both string) string {
	switch {
	case len(op.QueryParams) == 0:
		return headers
	case len(op.HeaderParams) == 0:
		return query
	}
	return both
}

// headerDoc documents a header parameter's options field.
func headerDoc(p *model.Param) string {
	doc := fmt.Sprintf("%s is sent as the %s header when not empty.", p.FieldName, p.WireName)
	if p.Doc != "" {
		doc = fmt.Sprintf("%s is sent as the %s header when not empty: %s", p.FieldName, p.WireName, p.Doc)
	}
	if defaultedHeaders[http.CanonicalHeaderKey(p.WireName)] {
		if !strings.HasSuffix(doc, ".") {
			doc += "."
		}
		doc += fmt.Sprintf(" When %s is empty (or the options are nil), the Client's WithHeader value is sent, or none: never Go's default.", p.FieldName)
	}
	return doc
}

// endSentence ends text with a period unless a page's description (a
// query parameter's, from its table) already ends it, in any script.
func endSentence(text string) string {
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "。") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") {
		return text
	}
	return text + "."
}

// defaultedHeaders are the request headers Go's HTTP client sends on its own
// when a request has none (User-Agent: Go-http-client/1.1). A header
// parameter of one of them is sent exactly: its value, else the Client's
// WithHeader value, else none.
var defaultedHeaders = map[string]bool{"User-Agent": true}

// hasDefaultedHeader reports a header parameter that is set on every
// request, even without options, so that Go sends no default of its own.
func hasDefaultedHeader(op *model.Operation) bool {
	for _, p := range op.HeaderParams {
		if defaultedHeaders[http.CanonicalHeaderKey(p.WireName)] {
			return true
		}
	}
	return false
}

// genOptionsApply writes how the client sets the options on a request: the
// query, then the headers, refusing a header value ErrInvalidHeader
// describes.
func genOptionsApply(f *jen.File, op *model.Operation) {
	var stmts []jen.Code
	if hasDefaultedHeader(op) {
		stmts = append(stmts, jen.If(jen.Id("o").Op("==").Nil()).Block(jen.Id("o").Op("=").Op("&").Id(op.OptionsType).Values()))
	} else {
		stmts = append(stmts, jen.If(jen.Id("o").Op("==").Nil()).Block(jen.Return(jen.Nil())))
	}
	if len(op.QueryParams) > 0 {
		stmts = append(stmts, jen.Id("v").Op(":=").Qual("net/url", "Values").Values())
		for _, p := range op.QueryParams {
			field := jen.Id("o").Dot(p.FieldName)
			switch p.Query {
			case model.QueryInt:
				stmts = append(stmts, jen.If(field.Clone().Op("!=").Nil()).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), jen.Qual("strconv", "Itoa").Call(jen.Op("*").Add(field.Clone())))))
			case model.QueryList:
				stmts = append(stmts, jen.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), jen.Qual("strings", "Join").Call(field.Clone(), jen.Lit(",")))))
			default:
				stmts = append(stmts, jen.If(field.Clone().Op("!=").Lit("")).Block(jen.Id("v").Dot("Set").Call(jen.Lit(p.WireName), field.Clone())))
			}
		}
		stmts = append(stmts, jen.Id("req").Dot("URL").Dot("RawQuery").Op("=").Id("v").Dot("Encode").Call())
	}
	for _, p := range op.HeaderParams {
		field := jen.Id("o").Dot(p.FieldName)
		set := jen.If(field.Clone().Op("!=").Lit("")).Block(
			jen.If(jen.Err().Op(":=").Id("setHeader").Call(jen.Id("req"), jen.Lit(p.WireName), field.Clone()), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)
		if defaultedHeaders[http.CanonicalHeaderKey(p.WireName)] {
			// An empty value in the header map makes net/http send none.
			set = set.Else().If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("req").Dot("Header").Index(jen.Lit(p.WireName)), jen.Op("!").Id("ok")).Block(
				jen.Comment(fmt.Sprintf("Not Go's own %s: none, as the option says.", p.WireName)),
				jen.Id("req").Dot("Header").Index(jen.Lit(p.WireName)).Op("=").Index().String().Values(jen.Lit("")),
			)
		}
		stmts = append(stmts, set)
	}
	stmts = append(stmts, jen.Return(jen.Nil()))
	f.Comment(fmt.Sprintf("apply sets the options on a request: %s.", optionsParts(op)))
	f.Func().Params(jen.Id("o").Op("*").Id(op.OptionsType)).Id("apply").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Error().Block(stmts...)
	f.Line()
}

// optionsParser names the function that reads an operation's options from
// a request: one with query parameters, which it may find invalid.
func optionsParser(op *model.Operation) string { return "parse" + op.OptionsType }

// headerOptions are the options fields read from a request's headers.
func headerOptions(op *model.Operation) jen.Dict {
	d := jen.Dict{}
	for _, p := range op.HeaderParams {
		d[jen.Id(p.FieldName)] = jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit(p.WireName))
	}
	return d
}

func genOptionsParse(f *jen.File, op *model.Operation) {
	stmts := []jen.Code{
		jen.Var().Id("o").Id(op.OptionsType),
		jen.Id("v").Op(":=").Id("r").Dot("URL").Dot("Query").Call(),
	}
	if len(op.HeaderParams) > 0 {
		stmts[0] = jen.Id("o").Op(":=").Id(op.OptionsType).Values(headerOptions(op))
	}
	for _, p := range op.QueryParams {
		get := jen.Id("v").Dot("Get").Call(jen.Lit(p.WireName))
		switch p.Query {
		case model.QueryInt:
			stmts = append(stmts, jen.If(jen.Id("s").Op(":=").Add(get), jen.Id("s").Op("!=").Lit("")).Block(
				jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(jen.Id("s")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("o"), jen.Qual("fmt", "Errorf").Call(jen.Lit(p.WireName+" is not a whole number")))),
				jen.Id("o").Dot(p.FieldName).Op("=").Op("&").Id("n"),
			))
		case model.QueryList:
			stmts = append(stmts, jen.If(jen.Id("s").Op(":=").Add(get), jen.Id("s").Op("!=").Lit("")).Block(
				jen.Id("o").Dot(p.FieldName).Op("=").Qual("strings", "Split").Call(jen.Id("s"), jen.Lit(",")),
			))
		default:
			stmts = append(stmts, jen.Id("o").Dot(p.FieldName).Op("=").Add(get))
		}
	}
	stmts = append(stmts, jen.Return(jen.Id("o"), jen.Nil()))
	from := "query"
	if len(op.HeaderParams) > 0 {
		from = "headers and query"
	}
	f.Comment(fmt.Sprintf("%s reads the options of %s from a request's %s.", optionsParser(op), op.Name, from))
	f.Func().Id(optionsParser(op)).Params(jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Id(op.OptionsType), jen.Error()).Block(stmts...)
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
	method := jen.Id("c").Dot(v.ClientMethod).Call(args...)
	if v.Handle != nil {
		method = jen.Id("h").Dot(v.ClientMethod).Call(append(args[:1:1], args[1+v.Handle.Depth:]...)...)
	}
	elem := elemType(items.Type.Elem)
	f.Comment(fmt.Sprintf("%s iterates over every item of %s, following %s from page", iteratorName(v), v.ClientMethod, env.NextLink.JSONName))
	f.Comment("to page. It stops at the first error, which it yields. For one page at a time,")
	f.Comment(fmt.Sprintf("call %s and then FollowLink with the page's %s.", v.ClientMethod, env.NextLink.Name))
	client := jen.Id("c")
	if v.Handle != nil {
		client = jen.Id("h").Dot("c")
	}
	page := jen.Op("*").Id(env.Name)
	f.Func().Params(receiver(v)).Id(iteratorName(v)).Params(methodParams(op, v)...).Qual("iter", "Seq2").Types(elem, jen.Error()).Block(
		jen.Return(jen.Id("allItems").Call(jen.Id("ctx"), client,
			jen.Func().Params().Params(page, jen.Error()).Block(jen.Return(method)),
			jen.Func().Params(jen.Id("p").Add(page)).Params(jen.Index().Add(elem), jen.String()).Block(
				jen.Return(jen.Id("p").Dot(items.Name), jen.Id("p").Dot(env.NextLink.Name)),
			),
		)),
	)
	f.Line()
}
