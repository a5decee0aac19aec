package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgTesting = "testing"

func tParam() jen.Code { return jen.Id("t").Op("*").Qual(pkgTesting, "T") }

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

// wantRequest is the request struct the Server must receive, but for a JSON
// body.
func wantRequest(op *model.Operation, v *model.Variant, pattern string, pathArgs, headerArgs, queryArgs []string, ex *model.Example) jen.Code {
	kvs := []kv{{"Pattern", jen.Lit(pattern)}}
	for i, p := range v.Params {
		if i < len(pathArgs) {
			kvs = append(kvs, kv{p.FieldName, jen.Lit(pathArgs[i])})
		}
	}
	lit, hasOptions := optionsLiteral(op, headerArgs, queryArgs)
	if hasOptions {
		kvs = append(kvs, kv{"Options", lit})
	}
	// A JSON body is the documented one: the check decodes it from the
	// exchange rather than repeating it here.
	switch {
	case op.BodyKind == model.BodyStream && ex != nil:
		kvs = append(kvs, kv{"ContentType", jen.Lit(streamContentType(ex))})
	case op.BodyKind == model.BodyStream:
		kvs = append(kvs, kv{"ContentType", jen.Lit("application/octet-stream")})
	}
	if hasOptions || len(kvs) > 3 {
		return jen.Op("&").Id(op.RequestType).Add(keyed(nil, kvs...))
	}
	return jen.Op("&").Id(op.RequestType).Add(inline(kvs))
}

// inline writes a short keyed literal, such as the pattern and up to two
// path values, on one line.
func inline(kvs []kv) *jen.Statement {
	var items []jen.Code
	for _, e := range kvs {
		items = append(items, jen.Id(e.key).Op(":").Add(e.value))
	}
	return jen.Values(items...)
}
