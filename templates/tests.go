package templates

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgTesting = "testing"

func tParam() jen.Code { return jen.Id("t").Op("*").Qual(pkgTesting, "T") }

// onField is the testServer field that stands in for an operation.
func onField(op *model.Operation) string { return "on" + op.Name }

// callFunc is the type of a test case's call: the client method as a
// closure returning what the method returns.
func callFunc(op *model.Operation) jen.Code {
	return jen.Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Params(clientResults(op)...)
}

// respondFunc is the type of the function a test Server answers with.
func respondFunc(op *model.Operation) jen.Code {
	return jen.Func().Params(jen.Qual("context", "Context")).Params(serverResults(op)...)
}

// serveFunc is the type of a test case's serve: it builds the Server the
// handler calls, recording what it receives.
func serveFunc(op *model.Operation) jen.Code {
	return jen.Func().Params(jen.Id("got").Op("*").Id("received"), jen.Id("respond").Add(respondFunc(op))).Op("*").Id("testServer")
}

func hasErrorExamples(op *model.Operation) bool {
	for _, ex := range op.Examples {
		if ex.IsError {
			return true
		}
	}
	return false
}

func hasClientOnlyExamples(op *model.Operation) bool {
	for _, ex := range op.Examples {
		if ex.Handler == nil {
			return true
		}
	}
	return false
}

func genOperationExamples(f *jen.File, op *model.Operation) {
	fields := []jen.Code{
		jen.Id("name").String(),
		jen.Id("exchange").Id("documentedExchange"),
		jen.Id("call").Add(callFunc(op)),
		jen.Id("serve").Add(serveFunc(op)),
		jen.Id("wantRequest").Any(),
	}
	if op.Result.Kind == model.ResultJSON {
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
	stmts := []jen.Code{
		jen.Comment("The client sends the documented request and reads the documented response."),
		jen.Id("docs").Op(":=").Id("serveDocumented").Call(jen.Id("t"), jen.Id("tt").Dot("exchange")),
	}
	client := jen.Id("NewClient").Call(jen.Id("docs").Dot("URL"))
	if resultType(op) != nil {
		stmts = append(stmts, jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), client))
	} else {
		stmts = append(stmts, jen.Err().Op(":=").Id("tt").Dot("call").Call(jen.Id("t").Dot("Context").Call(), client))
	}
	stmts = append(stmts, clientChecks(op)...)
	stmts = append(stmts, jen.Line(), jen.Comment("The handler routes the documented request to the Server and answers as documented."))
	if hasClientOnlyExamples(op) {
		stmts = append(stmts, jen.If(jen.Id("tt").Dot("serve").Op("==").Nil()).Block(jen.Return()))
	}
	stmts = append(stmts,
		jen.Var().Id("seen").Id("received"),
		jen.Id("respond").Op(":=").Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(serverResults(op)...).Block(respondBody(op)...),
		jen.Id("rec").Op(":=").Id("sendDocumented").Call(jen.Id("handlerFor").Call(jen.Id("tt").Dot("serve").Call(jen.Op("&").Id("seen"), jen.Id("respond"))), jen.Id("tt").Dot("exchange")),
		jen.Id("checkResponse").Call(jen.Id("t"), jen.Id("rec"), jen.Id("tt").Dot("exchange")),
		jen.Id("checkReceived").Call(jen.Id("t"), jen.Id("seen"), jen.Id("tt").Dot("wantRequest"), jen.Id("tt").Dot("exchange")),
	)
	return stmts
}

// clientChecks check what the client returned against the documented
// response: the typed result, the content, the monitor URL, or the error.
func clientChecks(op *model.Operation) []jen.Code {
	var ok []jen.Code
	ok = append(ok, jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("client: %v"), jen.Err())))
	switch op.Result.Kind {
	case model.ResultJSON:
		ok = append(ok, jen.Id("checkEqual").Call(jen.Id("t"), jen.Lit("client result"), jen.Id("got"), jen.Id("tt").Dot("want")))
	case model.ResultContent:
		ok = append(ok, jen.Id("checkContent").Call(jen.Id("t"), jen.Id("got"), jen.Id("docs").Dot("URL"), jen.Id("tt").Dot("exchange")))
	case model.ResultAccepted:
		ok = append(ok, jen.Id("checkAccepted").Call(jen.Id("t"), jen.Id("got"), jen.Id("docs").Dot("URL"), jen.Id("tt").Dot("exchange")))
	}
	if !hasErrorExamples(op) {
		return ok
	}
	return []jen.Code{jen.If(jen.Id("tt").Dot("exchange").Dot("status").Op(">=").Lit(400)).Block(
		jen.Id("checkAPIError").Call(jen.Id("t"), jen.Err(), jen.Id("tt").Dot("exchange")),
	).Else().Block(ok...)}
}

// respondBody answers as documented: the case's want, content or monitor
// built from the exchange, or the documented error.
func respondBody(op *model.Operation) []jen.Code {
	var success jen.Code
	switch op.Result.Kind {
	case model.ResultJSON:
		success = jen.Return(jen.Id("tt").Dot("want"), jen.Nil())
	case model.ResultContent:
		success = jen.Return(jen.Id("documentedContent").Call(jen.Id("tt").Dot("exchange")), jen.Nil())
	case model.ResultAccepted:
		success = jen.Return(jen.Id("documentedAccepted").Call(jen.Id("tt").Dot("exchange")), jen.Nil())
	default:
		success = jen.Return(jen.Nil())
	}
	var stmts []jen.Code
	if hasErrorExamples(op) {
		failure := []jen.Code{jen.Id("documentedError").Call(jen.Id("tt").Dot("exchange"))}
		if resultType(op) != nil {
			failure = append([]jen.Code{jen.Nil()}, failure...)
		}
		stmts = append(stmts, jen.If(jen.Id("tt").Dot("exchange").Dot("status").Op(">=").Lit(400)).Block(jen.Return(failure...)))
	}
	if hasOtherStatus(op) {
		stmts = append(stmts, jen.If(jen.Id("tt").Dot("exchange").Dot("status").Op("!=").Lit(op.Result.Status)).Block(
			jen.Id("SetStatus").Call(jen.Id("ctx"), jen.Id("tt").Dot("exchange").Dot("status")),
		))
	}
	return append(stmts, success)
}

// hasOtherStatus reports success examples whose status is not the
// operation's documented one: the test Server sets theirs.
func hasOtherStatus(op *model.Operation) bool {
	for _, ex := range op.Examples {
		if !ex.IsError && ex.Status != op.Result.Status && op.Result.Kind != model.ResultContent {
			return true
		}
	}
	return false
}

func exampleCase(op *model.Operation, ex *model.Example) jen.Code {
	notes := []string{fmt.Sprintf("Source: %s:%d (request), %s:%d (response)", ex.Source.File, ex.Source.Line, ex.ResponseSource.File, ex.ResponseSource.Line)}
	if ex.DocPath != ex.Path {
		notes = append(notes, fmt.Sprintf("The docs write the path %s.", ex.DocPath))
	}
	for _, s := range ex.Substitutions {
		notes = append(notes, fmt.Sprintf("%s: %s is replaced by %s, a valid value of its type.", s.Member, s.From, s.To))
	}
	if ex.Handler == nil {
		notes = append(notes, "The handler is not tested: "+ex.HandlerNote+".")
	} else if ex.Handler != op {
		notes = append(notes, fmt.Sprintf("The handler serves this URL as %s.", ex.Handler.Name))
	}
	kvs := []kv{
		{"name", jen.Lit(ex.Name)},
		{"exchange", exchangeValue(op, ex)},
		{"call", exampleCall(op, ex)},
	}
	if ex.Handler != nil {
		kvs = append(kvs, kv{"serve", serveValue(ex.Handler)})
		if ex.Handler == op {
			kvs = append(kvs, kv{"wantRequest", wantRequest(op, ex.Variant, ex.Variant.Pattern, ex.PathArgs, ex.HeaderArgs, ex.QueryArgs, ex)})
		}
	}
	if op.Result.Kind == model.ResultJSON && !ex.IsError {
		kvs = append(kvs, kv{"want", valueCode(ex.Response, op.Result.Type)})
	}
	return keyed(notes, kvs...)
}

// serveValue builds a test Server whose handler op records the request
// and answers with respond.
func serveValue(op *model.Operation) jen.Code {
	record := []jen.Code{jen.Id("got").Dot("request").Op("=").Id("req")}
	if op.BodyKind == model.BodyStream {
		record = []jen.Code{
			jen.Id("got").Dot("body").Op("=").Id("readAll").Call(jen.Id("req").Dot("Body")),
			jen.Id("req").Dot("Body").Op("=").Nil(),
			jen.Id("got").Dot("request").Op("=").Id("req"),
		}
	}
	hook := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(op.RequestType)).Params(serverResults(op)...).Block(
		append(record, jen.Return(jen.Id("respond").Call(jen.Id("ctx"))))...,
	)
	return jen.Func().Params(jen.Id("got").Op("*").Id("received"), jen.Id("respond").Add(respondFunc(op))).Op("*").Id("testServer").Block(
		jen.Return(jen.Op("&").Id("testServer").Values(jen.Id(onField(op)).Op(":").Add(hook))),
	)
}

func exchangeValue(op *model.Operation, ex *model.Example) jen.Code {
	kvs := []kv{{"method", jen.Lit(ex.Method)}, {"path", jen.Lit(ex.Path)}}
	if len(ex.Query) > 0 {
		var entries []jen.Code
		seen := map[string]bool{}
		for _, q := range ex.Query {
			if !seen[q[0]] {
				seen[q[0]] = true
				entries = append(entries, jen.Lit(q[0]).Op(":").Values(queryValues(ex.Query, q[0])...))
			}
		}
		kvs = append(kvs, kv{"query", jen.Qual("net/url", "Values").Add(lines(entries))})
	}
	if headers := headerDict(op, ex.HeaderArgs); len(headers) > 0 {
		kvs = append(kvs, kv{"header", jen.Map(jen.String()).String().Values(headers)})
	}
	if ex.ContentType != "" || op.BodyKind == model.BodyStream && ex.RequestBody != "" {
		kvs = append(kvs, kv{"contentType", jen.Lit(streamContentType(ex))})
	}
	if ex.RequestBody != "" {
		kvs = append(kvs, kv{"requestBody", rawString(ex.RequestBody)})
	}
	kvs = append(kvs, kv{"status", jen.Lit(ex.Status)})
	if len(ex.ResponseHeader) > 0 {
		d := jen.Dict{}
		for _, h := range ex.ResponseHeader {
			d[jen.Lit(h[0])] = jen.Lit(h[1])
		}
		kvs = append(kvs, kv{"responseHeader", jen.Map(jen.String()).String().Values(d)})
	}
	if ex.ResponseBody != "" {
		kvs = append(kvs, kv{"responseBody", rawString(ex.ResponseBody)})
	}
	if op.Result.Kind == model.ResultContent && !ex.IsError {
		kvs = append(kvs, kv{"content", jen.True()})
	}
	return jen.Id("documentedExchange").Add(keyed(nil, kvs...))
}

// streamContentType is the Content-Type a streamed example sends: the
// documented one, or the client's default.
func streamContentType(ex *model.Example) string {
	if ex.ContentType != "" {
		return ex.ContentType
	}
	return "application/octet-stream"
}

func queryValues(pairs [][2]string, key string) []jen.Code {
	var vs []jen.Code
	for _, q := range pairs {
		if q[0] == key {
			vs = append(vs, jen.Lit(q[1]))
		}
	}
	return vs
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
	switch op.BodyKind {
	case model.BodyJSON:
		if ex.Request != nil {
			args = append(args, valueCode(ex.Request, op.Body))
		} else {
			args = append(args, jen.Nil())
		}
	case model.BodyStream:
		args = append(args, jen.Qual("strings", "NewReader").Call(rawString(ex.RequestBody)), jen.Lit(ex.ContentType))
	}
	if op.OptionsType != "" {
		args = append(args, optionsCode(op, ex.HeaderArgs, ex.QueryArgs))
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Params(clientResults(op)...).Block(
		jen.Return(callVariant(jen.Id("c"), ex.Variant, args)),
	)
}

// optionsCode is the options of a call, or nil when none are sent.
func optionsCode(op *model.Operation, headerArgs, queryArgs []string) jen.Code {
	lit, ok := optionsLiteral(op, headerArgs, queryArgs)
	if !ok {
		return jen.Nil()
	}
	return jen.Op("&").Add(lit)
}

// optionsLiteral is the options type's literal for the header and query
// values ("" when not sent), and whether any value is set.
func optionsLiteral(op *model.Operation, headerArgs, queryArgs []string) (jen.Code, bool) {
	var kvs []kv
	for i, p := range op.HeaderParams {
		if i < len(headerArgs) && headerArgs[i] != "" {
			kvs = append(kvs, kv{p.FieldName, jen.Lit(headerArgs[i])})
		}
	}
	for i, p := range op.QueryParams {
		if i >= len(queryArgs) || queryArgs[i] == "" {
			continue
		}
		switch p.Query {
		case model.QueryInt:
			kvs = append(kvs, kv{p.FieldName, jen.Id("ptr").Call(jen.Op(queryArgs[i]))})
		case model.QueryList:
			var items []jen.Code
			for _, item := range strings.Split(queryArgs[i], ",") {
				items = append(items, jen.Lit(item))
			}
			kvs = append(kvs, kv{p.FieldName, jen.Index().String().Values(items...)})
		default:
			kvs = append(kvs, kv{p.FieldName, jen.Lit(queryArgs[i])})
		}
	}
	return jen.Id(op.OptionsType).Add(keyed(nil, kvs...)), len(kvs) > 0
}

// wantRequest is the request struct the Server must receive.
func wantRequest(op *model.Operation, v *model.Variant, pattern string, pathArgs, headerArgs, queryArgs []string, ex *model.Example) jen.Code {
	kvs := []kv{{"Pattern", jen.Lit(pattern)}}
	for i, p := range v.Params {
		if i < len(pathArgs) {
			kvs = append(kvs, kv{p.FieldName, jen.Lit(pathArgs[i])})
		}
	}
	if lit, ok := optionsLiteral(op, headerArgs, queryArgs); op.OptionsType != "" && ok {
		kvs = append(kvs, kv{"Options", lit})
	}
	switch {
	case op.BodyKind == model.BodyJSON && ex != nil && ex.Request != nil:
		kvs = append(kvs, kv{"Body", valueCode(ex.Request, op.Body)})
	case op.BodyKind == model.BodyStream && ex != nil:
		kvs = append(kvs, kv{"ContentType", jen.Lit(streamContentType(ex))})
	case op.BodyKind == model.BodyStream:
		kvs = append(kvs, kv{"ContentType", jen.Lit("application/octet-stream")})
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
// value, unless the model holds them by pointer.
func elemCode(v *model.Value, ref *model.TypeRef) jen.Code {
	switch {
	case ref.ByPointer && v.Null:
		return jen.Nil()
	case ref.ByPointer:
		return valueCode(v, ref)
	}
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

// scalarWrappers are the functions or conversions that turn a documented
// string into the Go value of a kind.
var scalarWrappers = map[model.RefKind]string{
	model.RefTime: "mustTime", model.RefDateTime: "mustDateTime", model.RefDate: "mustDate",
	model.RefTimeOfDay: "TimeOfDay", model.RefDuration: "Duration", model.RefBytes: "mustBase64",
}

// scalarValue writes a JSON scalar as the Go value of kind.
func scalarValue(kind model.RefKind, raw string) jen.Code {
	if wrap, ok := scalarWrappers[kind]; ok {
		return jen.Id(wrap).Call(jen.Lit(unquote(raw)))
	}
	switch kind {
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
