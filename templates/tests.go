package templates

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgTesting = "testing"

func tParam() jen.Code { return jen.Id("t").Op("*").Qual(pkgTesting, "T") }

// onField is the testServer field that stands in for an operation.
func onField(op *model.Operation) string { return "on" + op.Name }

func genExampleTests(f *jen.File, api *model.API, _ Options) {
	for _, op := range api.Operations {
		if len(op.Examples) > 0 {
			genOperationExamples(f, op)
		}
	}
}

// callFunc is the type of a test case's call: the client method as a
// closure returning what the method returns.
func callFunc(op *model.Operation) jen.Code {
	return jen.Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Params(clientResults(op)...)
}

func genOperationExamples(f *jen.File, op *model.Operation) {
	fields := []jen.Code{
		jen.Id("name").String(),
		jen.Id("exchange").Id("documentedExchange"),
		jen.Id("call").Add(callFunc(op)),
		jen.Id("wantRequest").Op("*").Id(op.RequestType),
	}
	if op.Result.Type != nil {
		fields = append(fields, jen.Id("want").Add(goType(op.Result.Type)))
	}
	var cases []jen.Code
	for _, ex := range op.Examples {
		cases = append(cases, exampleCase(op, ex))
	}
	f.Comment(fmt.Sprintf("Test%sExamples sends each documented request of %s through the", op.Name, op.Name))
	f.Comment("client to a server answering the documented response, and through the handler")
	f.Comment("to a Server answering the documented result.")
	f.Func().Id("Test"+op.Name+"Examples").Params(tParam()).Block(
		jen.Id("tests").Op(":=").Index().Struct(fields...).Add(lines(cases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(tParam()).Block(exampleRun(op)...)),
		),
	)
	f.Line()
}

func exampleRun(op *model.Operation) []jen.Code {
	hasResult := op.Result.Type != nil
	var clientCall, clientCheck []jen.Code
	if hasResult {
		clientCall = []jen.Code{jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("NewClient").Call(jen.Id("docs").Dot("URL")))}
		clientCheck = []jen.Code{jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("client result"), jen.Id("got"), jen.Id("tt").Dot("want"))}
	} else {
		clientCall = []jen.Code{jen.Err().Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), jen.Id("NewClient").Call(jen.Id("docs").Dot("URL")))}
	}
	stmts := []jen.Code{
		jen.Comment("The client sends the documented request and decodes the documented response."),
		jen.Id("docs").Op(":=").Id("serveDocumented").Call(jen.Id("t"), jen.Id("tt").Dot("exchange")),
	}
	stmts = append(stmts, clientCall...)
	stmts = append(stmts, jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("client: %v"), jen.Err())))
	stmts = append(stmts, clientCheck...)
	stmts = append(stmts,
		jen.Line(),
		jen.Comment("The handler routes the documented request to the Server and answers as documented."),
		jen.Var().Id("gotRequest").Op("*").Id(op.RequestType),
		jen.Id("srv").Op(":=").Op("&").Id("testServer").Values(jen.Dict{
			jen.Id(onField(op)): jen.Func().Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
				jen.Id("gotRequest").Op("=").Id("req"),
				jen.Return(successValues(op)...),
			),
		}),
		jen.Id("rec").Op(":=").Id("sendDocumented").Call(jen.Id("NewHandler").Call(jen.Id("srv")), jen.Id("tt").Dot("exchange")),
		jen.If(jen.Id("rec").Dot("Code").Op("!=").Id("tt").Dot("exchange").Dot("status")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("handler answered %d, docs show %d: %s"), jen.Id("rec").Dot("Code"), jen.Id("tt").Dot("exchange").Dot("status"), jen.Id("rec").Dot("Body")),
		),
		jen.Id("checkJSONBody").Call(jen.Id("t"), jen.Lit("handler response"), jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Id("tt").Dot("exchange").Dot("responseBody")),
		jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("request the Server received"), jen.Id("gotRequest"), jen.Id("tt").Dot("wantRequest")),
	)
	return stmts
}

func successValues(op *model.Operation) []jen.Code {
	if op.Result.Type == nil {
		return []jen.Code{jen.Nil()}
	}
	return []jen.Code{jen.Id("tt").Dot("want"), jen.Nil()}
}

func exampleCase(op *model.Operation, ex *model.Example) jen.Code {
	notes := []string{fmt.Sprintf("Source: %s:%d (request), %s:%d (response)", ex.Source.File, ex.Source.Line, ex.ResponseSource.File, ex.ResponseSource.Line)}
	for _, s := range ex.Substitutions {
		notes = append(notes, fmt.Sprintf("%s: the placeholder %s is replaced by %s, a valid value of its type.", s.Member, s.From, s.To))
	}
	kvs := []kv{
		{"name", jen.Lit(ex.Name)},
		{"exchange", exchangeValue(op, ex)},
		{"call", exampleCall(op, ex)},
		{"wantRequest", wantRequest(op, ex.Variant, ex.Variant.Pattern, ex.PathArgs, ex.HeaderArgs, ex.Request)},
	}
	if op.Result.Type != nil {
		kvs = append(kvs, kv{"want", valueCode(ex.Response, op.Result.Type)})
	}
	return keyed(notes, kvs...)
}

func exchangeValue(op *model.Operation, ex *model.Example) jen.Code {
	kvs := []kv{{"method", jen.Lit(ex.Method)}, {"path", jen.Lit(ex.Path)}}
	if headers := headerDict(op, ex.HeaderArgs); len(headers) > 0 {
		kvs = append(kvs, kv{"header", jen.Map(jen.String()).String().Values(headers)})
	}
	if ex.RequestBody != "" {
		kvs = append(kvs, kv{"requestBody", rawString(ex.RequestBody)})
	}
	kvs = append(kvs, kv{"status", jen.Lit(ex.Status)})
	if ex.ResponseBody != "" {
		kvs = append(kvs, kv{"responseBody", rawString(ex.ResponseBody)})
	}
	return jen.Id("documentedExchange").Add(keyed(nil, kvs...))
}

func headerDict(op *model.Operation, args []string) jen.Dict {
	d := jen.Dict{}
	for i, p := range op.HeaderParams {
		if i < len(args) && args[i] != "" {
			d[jen.Lit(p.WireName)] = jen.Lit(args[i])
		}
	}
	return d
}

// exampleCall is the closure that calls the example's client method with
// the documented arguments.
func exampleCall(op *model.Operation, ex *model.Example) jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, a := range ex.PathArgs {
		args = append(args, jen.Lit(a))
	}
	for _, a := range ex.HeaderArgs {
		args = append(args, jen.Lit(a))
	}
	if op.Body != nil {
		if ex.Request != nil {
			args = append(args, valueCode(ex.Request, op.Body))
		} else {
			args = append(args, jen.Nil())
		}
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Params(clientResults(op)...).Block(
		jen.Return(jen.Id("c").Dot(ex.Variant.ClientMethod).Call(args...)),
	)
}

// wantRequest is the request struct the Server must receive.
func wantRequest(op *model.Operation, v *model.Variant, pattern string, pathArgs, headerArgs []string, body *model.Value) jen.Code {
	kvs := []kv{{"Pattern", jen.Lit(pattern)}}
	for i, p := range v.Params {
		if i < len(pathArgs) {
			kvs = append(kvs, kv{p.FieldName, jen.Lit(pathArgs[i])})
		}
	}
	for i, p := range op.HeaderParams {
		if i < len(headerArgs) && headerArgs[i] != "" {
			kvs = append(kvs, kv{p.FieldName, jen.Lit(headerArgs[i])})
		}
	}
	if body != nil && op.Body != nil {
		kvs = append(kvs, kv{"Body", valueCode(body, op.Body)})
	}
	return jen.Op("&").Id(op.RequestType).Add(keyed(nil, kvs...))
}

// valueCode writes a documented value as a Go expression of its type.
func valueCode(v *model.Value, ref *model.TypeRef) jen.Code {
	if v == nil {
		return jen.Nil()
	}
	if ref.Kind == model.RefNamed {
		return jen.Op("&").Add(structLiteral(ref.Named, v.Fields, v.Extra))
	}
	return elemCode(v, ref)
}

// elemCode writes a value as held in a slice, map or Nullable: structs by
// value.
func elemCode(v *model.Value, ref *model.TypeRef) jen.Code {
	switch ref.Kind {
	case model.RefNamed:
		return structLiteral(ref.Named, v.Fields, v.Extra)
	case model.RefSlice:
		var elems []jen.Code
		for _, e := range v.Elems {
			elems = append(elems, elemCode(e, ref.Elem))
		}
		return jen.Add(goType(ref)).Add(lines(elems))
	case model.RefMap:
		var kvs []jen.Code
		for _, e := range v.Entries {
			kvs = append(kvs, jen.Lit(e.Key).Op(":").Add(elemCode(e.Value, ref.Elem)))
		}
		return jen.Add(goType(ref)).Add(lines(kvs))
	case model.RefEnum:
		return enumCode(ref.Enum, unquote(v.Scalar))
	case model.RefUnion:
		if v.Variant == nil {
			return jen.Id(ref.Union.Name).Values(jen.Id("Unknown").Op(":").Qual("encoding/json", "RawMessage").Call(rawString(v.Scalar)))
		}
		return jen.Id(ref.Union.Name).Values(jen.Id(v.Variant.Name).Op(":").Op("&").Add(structLiteral(v.Variant, v.Fields, v.Extra)))
	}
	return scalarValue(ref.Kind, v.Scalar)
}

// scalarValue writes a JSON scalar as the Go value of kind.
func scalarValue(kind model.RefKind, raw string) jen.Code {
	switch kind {
	case model.RefTime:
		return jen.Id("mustTime").Call(jen.Lit(unquote(raw)))
	case model.RefDateTime:
		return jen.Id("mustDateTime").Call(jen.Lit(unquote(raw)))
	case model.RefDate:
		return jen.Id("mustDate").Call(jen.Lit(unquote(raw)))
	case model.RefTimeOfDay:
		return jen.Id("TimeOfDay").Call(jen.Lit(unquote(raw)))
	case model.RefDuration:
		return jen.Id("Duration").Call(jen.Lit(unquote(raw)))
	case model.RefBytes:
		return jen.Id("mustBase64").Call(jen.Lit(unquote(raw)))
	case model.RefString:
		return jen.Lit(unquote(raw))
	case model.RefRaw:
		return jen.Qual("encoding/json", "RawMessage").Call(rawString(raw))
	}
	return scalarCode(raw)
}

func enumCode(e *model.Enum, value string) jen.Code {
	for _, ev := range e.Values {
		if ev.Value == value {
			return jen.Id(ev.Const)
		}
	}
	return jen.Id(e.Name).Call(jen.Lit(value))
}

func unquote(raw string) string {
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return raw
	}
	return s
}

// structLiteral writes T{...}: an embedded base type gets the fields it
// declares, in the order the docs show them, and undeclared members go to
// AdditionalProperties.
func structLiteral(t *model.Type, fields []model.FieldValue, extra []model.MapEntry) jen.Code {
	var kvs []kv
	if t.Base != nil {
		var inBase []model.FieldValue
		for _, fv := range fields {
			if declares(t.Base, fv.Field) {
				inBase = append(inBase, fv)
			}
		}
		if len(inBase) > 0 {
			kvs = append(kvs, kv{t.Base.Name, structLiteral(t.Base, inBase, nil)})
		}
	}
	for _, fv := range fields {
		if t.Base == nil || !declares(t.Base, fv.Field) {
			kvs = append(kvs, kv{fv.Field.Name, fieldValue(fv)})
		}
	}
	if len(extra) > 0 {
		var entries []jen.Code
		for _, e := range extra {
			entries = append(entries, jen.Lit(e.Key).Op(":").Add(jen.Qual("encoding/json", "RawMessage").Call(rawString(e.Value.Scalar))))
		}
		kvs = append(kvs, kv{"AdditionalProperties", jen.Map(jen.String()).Qual("encoding/json", "RawMessage").Add(lines(entries))})
	}
	return jen.Id(t.Name).Add(keyed(nil, kvs...))
}

func declares(t *model.Type, f *model.Field) bool {
	for _, g := range t.AllFields() {
		if g == f {
			return true
		}
	}
	return false
}

// fieldValue writes a field's value: wrapped in Nullable or a pointer as
// the field is.
func fieldValue(fv model.FieldValue) jen.Code {
	f := fv.Field
	switch {
	case f.Nullable && fv.Value.Null:
		return jen.Id("Null").Types(elemType(f.Type)).Call()
	case f.Nullable:
		return jen.Id("NullableOf").Types(elemType(f.Type)).Call(elemCode(fv.Value, f.Type))
	case f.Pointer:
		return jen.Id("ptr").Types(goType(f.Type)).Call(elemCode(fv.Value, f.Type))
	}
	return valueCode(fv.Value, f.Type)
}

// scalarCode writes a JSON number or boolean as the Go constant it is.
func scalarCode(raw string) jen.Code {
	switch raw {
	case "true":
		return jen.True()
	case "false":
		return jen.False()
	}
	if _, err := strconv.ParseFloat(raw, 64); err == nil {
		return jen.Op(raw)
	}
	return jen.Lit(raw)
}
