package templates

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// An operation's tests are one function, TestOpName, that describes the
// operation as data (its URLs with the client call of each, its documented
// examples) and hands it to the generic checks of helpers_gen_test.go. What
// differs between operations is what a reviewer reads: the documented
// exchanges, the calls and the requests the Server must receive. What is
// the same (how a client is pointed at a server, how a handler is driven)
// is written once.

// bodyType is the B of opTest: what an operation's client method takes as
// its body.
func bodyType(op *model.Operation) jen.Code {
	switch op.BodyKind {
	case model.BodyJSON:
		return goType(op.Body)
	case model.BodyStream:
		return jen.Qual(pkgIO, "Reader")
	}
	return jen.Id("none")
}

// optionsType is the O of opTest: a pointer to the operation's options
// type. Type arguments that are pointers share one instance of each generic
// check, where each options struct would make its own.
func optionsType(op *model.Operation) jen.Code {
	if op.OptionsType == "" {
		return jen.Op("*").Id("none")
	}
	return jen.Op("*").Id(op.OptionsType)
}

// resultTypeOrNone is the R of opTest: what the client method returns
// beside its error.
func resultTypeOrNone(op *model.Operation) jen.Code {
	if t := resultType(op); t != nil {
		return t
	}
	return jen.Id("none")
}

func opTypes(op *model.Operation) jen.Code {
	return jen.Types(bodyType(op), optionsType(op), resultTypeOrNone(op))
}

func ctxParam() jen.Code    { return jen.Id("ctx").Qual("context", "Context") }
func clientParam() jen.Code { return jen.Id("c").Op("*").Id("Client") }

// returnCall returns a client call as (R, error), with none for R when the
// method returns only an error.
func returnCall(op *model.Operation, call jen.Code) jen.Code {
	if resultType(op) == nil {
		return jen.Return(jen.Id("none").Values(), call)
	}
	return jen.Return(call)
}

// genOperationTest writes TestOpName: the operation's URLs, its documented
// examples and its defences, checked by the generic helpers.
func genOperationTest(f *jen.File, op *model.Operation) {
	var examples jen.Code = jen.Nil()
	if len(op.Examples) > 0 {
		var cases []jen.Code
		for i, ex := range op.Examples {
			cases = append(cases, exampleCase(op, i, ex))
		}
		examples = jen.Index().Id("example").Types(bodyType(op), resultTypeOrNone(op)).Add(lines(cases))
	}
	f.Func().Id("Test"+op.Name).Params(tParam()).Block(
		jen.Id("op").Op(":=").Id("opTest").Add(opTypes(op)).Add(keyed(nil, opFields(op)...)),
		jen.Id("op").Dot("check").Call(jen.Id("t"), examples),
	)
	f.Line()
}

// opFields describe an operation to its checks; defences only when it
// offers an attacker more than its routes.
func opFields(op *model.Operation) []kv {
	kvs := []kv{
		{"name", jen.Lit(op.Name)},
		{"method", jen.Lit(op.Method)},
		{"status", jen.Lit(op.Result.Status)},
		{"routes", jen.Index().Id("route").Add(opTypes(op)).Add(lines(routeCases(op)))},
	}
	if d := defenceFields(op); len(d) > 0 {
		kvs = append(kvs, kv{"defences", jen.Id("defences").Add(keyed(nil, d...))})
	}
	return kvs
}

// routeCases are an operation's URLs, each with a call of its client
// method that takes the path values as arguments.
func routeCases(op *model.Operation) []jen.Code {
	var cases []jen.Code
	for _, v := range op.Variants {
		notes := []string{source(v.Source)}
		var args []jen.Code
		for _, a := range v.SampleArgs {
			args = append(args, jen.Lit(a))
		}
		kvs := []kv{
			{"name", jen.Lit(v.QualifiedMethod())},
			{"path", jen.Lit(v.SamplePath)},
		}
		if len(args) > 0 {
			kvs = append(kvs, kv{"args", jen.Index().String().Values(args...)})
		}
		kvs = append(kvs, kv{"call", routeCall(op, v)})
		switch {
		case v.Served() && op.HasServer():
			kvs = append(kvs, kv{"wantRequest", wantRequest(op, v, v.Pattern, v.SampleArgs, nil, nil, nil)})
			if v.UnusedMethod != "" {
				kvs = append(kvs, kv{"unusedMethod", jen.Lit(v.UnusedMethod)})
			}
			if v.NotFoundPath != "" && v.NotFoundPath != v.SamplePath+"/docbind-no-such-route" {
				kvs = append(kvs, kv{"notFoundPath", jen.Lit(v.NotFoundPath)})
			}
			if v.NotFoundPath == "" {
				kvs = append(kvs, kv{"allFound", jen.True()})
			}
		case v.ServedBy != nil:
			notes = append(notes, fmt.Sprintf("The handler serves this URL as %s: only the client is checked here.", v.ServedBy.Op.Name))
		case op.HasServer():
			notes = append(notes, "The handler cannot route this URL beside the others: only the client is checked here.")
		}
		cases = append(cases, keyed(notes, kvs...))
	}
	return cases
}

// routeCall calls a variant's client method with the path values in args,
// the body and the options.
func routeCall(op *model.Operation, v *model.Variant) jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for i := range v.SampleArgs {
		args = append(args, jen.Id("args").Index(jen.Lit(i)))
	}
	args = append(args, bodyAndOptions(op, jen.Id("body"), jen.Lit(""), jen.Id("opts"))...)
	return jen.Func().Params(ctxParam(), clientParam(), jen.Id("args").Index().String(), jen.Id("body").Add(bodyType(op)), jen.Id("opts").Add(optionsType(op))).Params(resultTypeOrNone(op), jen.Error()).Block(
		returnCall(op, callVariant(jen.Id("c"), v, args)),
	)
}

// exampleCase is one documented example: the exchange as the docs show it,
// the client call with the documented arguments, and the request the
// Server must receive (its JSON body is the documented one).
func exampleCase(op *model.Operation, i int, ex *model.Example) jen.Code {
	notes := []string{fmt.Sprintf("%s. Source: %s:%d (request), %s:%d (response)", ex.Name, ex.Source.File, ex.Source.Line, ex.ResponseSource.File, ex.ResponseSource.Line)}
	if ex.Handler == nil {
		notes = append(notes, "The handler is not tested: "+ex.HandlerNote+".")
	} else if ex.Handler != op {
		notes = append(notes, fmt.Sprintf("The handler serves this URL as %s.", ex.Handler.Name))
	}
	kvs := []kv{
		{"exchange", jen.Id(examplesVar(op)).Index(jen.Lit(i))},
		{"call", exampleCall(op, ex)},
	}
	switch ex.Handler {
	case nil:
		kvs = append(kvs, kv{"untested", jen.True()})
	case op:
		kvs = append(kvs, kv{"wantRequest", wantRequest(op, ex.Variant, ex.Variant.Pattern, ex.PathArgs, ex.HeaderArgs, ex.QueryArgs, ex)})
	default:
		kvs = append(kvs, kv{"servedAs", jen.Lit(ex.Handler.Name)})
	}
	if op.BodyKind == model.BodyJSON && ex.Request == nil && ex.RequestBody != "" {
		kvs = append(kvs, kv{"noBody", jen.True()})
	}
	if extras := exampleExtras(op, ex); len(extras) > 0 {
		kvs = append(kvs, kv{"extras", stringsLit(extras)})
	}
	return keyed(notes, kvs...)
}

// exampleExtras are the members of an example's bodies that no field of
// their types declares: the only ones decoding may keep in
// AdditionalProperties. Any other member found there has lost its field.
func exampleExtras(op *model.Operation, ex *model.Example) []string {
	var keys []string
	if op.BodyKind == model.BodyJSON {
		keys = appendValueExtras(ex.Request, keys)
	}
	if op.Result.Kind == model.ResultJSON && !ex.IsError {
		keys = appendValueExtras(ex.Response, keys)
	}
	return valueExtras(nil, keys)
}

// stringsLit is a []string literal of ss.
func stringsLit(ss []string) jen.Code {
	var lits []jen.Code
	for _, s := range ss {
		lits = append(lits, jen.Lit(s))
	}
	return jen.Index().String().Values(lits...)
}

// valueExtras appends the keys a value and the values in it do not
// declare, sorted and once each.
func valueExtras(v *model.Value, keys []string) []string {
	keys = appendValueExtras(v, keys)
	slices.Sort(keys)
	return slices.Compact(keys)
}

func appendValueExtras(v *model.Value, keys []string) []string {
	if v == nil {
		return keys
	}
	for _, e := range v.Extra {
		keys = append(keys, e.Key)
	}
	for _, fv := range v.Fields {
		keys = appendValueExtras(fv.Value, keys)
	}
	for _, e := range v.Elems {
		keys = appendValueExtras(e, keys)
	}
	for _, e := range v.Entries {
		keys = appendValueExtras(e.Value, keys)
	}
	return keys
}

// exampleCall is the closure that calls the example's client method with
// the documented path values and options; the body is the documented one,
// decoded by the check.
func exampleCall(op *model.Operation, ex *model.Example) jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, a := range ex.PathArgs {
		args = append(args, jen.Lit(a))
	}
	args = append(args, bodyAndOptions(op, jen.Id("body"), jen.Lit(ex.ContentType), optionsCode(op, ex.HeaderArgs, ex.QueryArgs))...)
	return jen.Func().Params(ctxParam(), clientParam(), jen.Id("body").Add(bodyType(op))).Params(resultTypeOrNone(op), jen.Error()).Block(
		returnCall(op, callVariant(jen.Id("c"), ex.Variant, args)),
	)
}

// defenceFields tell checkDefences what the operation offers an attacker
// beyond its routes: a string query option, a header option and bodies of
// the wrong type.
func defenceFields(op *model.Operation) []kv {
	var kvs []kv
	if p := stringQueryParam(op); p != nil {
		kvs = append(kvs, kv{"queryField", jen.Lit(p.FieldName)}, kv{"queryKey", jen.Lit(p.WireName)})
	}
	if len(op.HeaderParams) > 0 {
		kvs = append(kvs, kv{"headerField", jen.Lit(op.HeaderParams[0].FieldName)})
	}
	if op.BodyKind == model.BodyJSON && servedVariant(op) != nil && op.HasServer() {
		kvs = append(kvs, kv{"wrongBodies", jen.Index().String().Values(wrongBodies(op)...)})
	}
	if v := servedVariant(op); v != nil && op.HasServer() && len(v.RoutedNearPaths) > 0 {
		var paths []jen.Code
		for _, p := range v.RoutedNearPaths {
			paths = append(paths, jen.Lit(p))
		}
		kvs = append(kvs, kv{"routedNear", jen.Index().String().Values(paths...)})
	}
	return kvs
}

// wrongBodies are JSON bodies of the wrong type for the operation's body:
// the handler must answer each 400.
func wrongBodies(op *model.Operation) []jen.Code {
	bodies := []jen.Code{jen.Lit(wrongJSON(op))}
	if member := wrongMemberJSON(op); member != "" {
		bodies = append(bodies, jen.Lit(member))
	}
	return bodies
}
