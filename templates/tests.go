package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

const pkgTesting = "testing"

func tParam() jen.Code { return jen.Id("t").Op("*").Qual(pkgTesting, "T") }

// examplesVar names the table of an operation's documented examples.
func examplesVar(op *model.Operation) string { return "examples" + op.Name }

// genExamples writes the table of an operation's documented examples,
// which its test replays and NewExampleHandler answers.
func genExamples(f *jen.File, op *model.Operation) {
	var cases []jen.Code
	for _, ex := range op.Examples {
		cases = append(cases, exchangeValue(op, ex))
	}
	f.Comment(fmt.Sprintf("%s are the documented examples of %s: its test replays them, and", examplesVar(op), op.Name))
	f.Comment("NewExampleHandler answers them.")
	f.Var().Id(examplesVar(op)).Op("=").Index().Id("exampleCase").Add(lines(cases))
	f.Line()
}

// exchangeValue is an example as an exampleCase literal, after notes on
// how its documented values were made valid.
func exchangeValue(op *model.Operation, ex *model.Example) jen.Code {
	x := op.Exchange(ex)
	var notes []string
	if ex.DocPath != ex.Path {
		notes = append(notes, fmt.Sprintf("The docs write the path %s.", ex.DocPath))
	}
	for _, s := range ex.Substitutions {
		notes = append(notes, substitutionNote(s))
	}
	kvs := []kv{{"source", jen.Lit(x.Source)}, {"name", jen.Lit(x.Name)}}
	if x.Op != "" {
		kvs = append(kvs, kv{"op", jen.Lit(x.Op)}, kv{"pattern", jen.Lit(x.Pattern)})
	}
	kvs = append(kvs, kv{"method", jen.Lit(x.Method)}, kv{"path", jen.Lit(x.Path)})
	if len(x.Query) > 0 {
		var entries []jen.Code
		seen := map[string]bool{}
		for _, q := range x.Query {
			if !seen[q[0]] {
				seen[q[0]] = true
				entries = append(entries, jen.Lit(q[0]).Op(":").Values(queryValues(x.Query, q[0])...))
			}
		}
		kvs = append(kvs, kv{"query", jen.Qual("net/url", "Values").Add(lines(entries))})
	}
	if len(x.Header) > 0 {
		kvs = append(kvs, kv{"header", headerMap(x.Header)})
	}
	if x.ContentType != "" {
		kvs = append(kvs, kv{"contentType", jen.Lit(x.ContentType)})
	}
	if x.RequestBody != "" {
		kvs = append(kvs, kv{"requestBody", rawString(x.RequestBody)})
	}
	if x.DocRequestBody != "" {
		kvs = append(kvs, kv{"docRequestBody", rawString(x.DocRequestBody)})
	}
	kvs = append(kvs, kv{"status", jen.Lit(x.Status)})
	if len(x.ResponseHeader) > 0 {
		kvs = append(kvs, kv{"responseHeader", headerMap(x.ResponseHeader)})
	}
	if len(x.FakeHeader) > 0 {
		kvs = append(kvs, kv{"fakeHeader", headerMap(x.FakeHeader)})
	}
	if x.ResponseBody != "" {
		kvs = append(kvs, kv{"responseBody", rawString(x.ResponseBody)})
	}
	if x.Content {
		kvs = append(kvs, kv{"content", jen.True()})
	}
	if x.PinPath {
		kvs = append(kvs, kv{"pinPath", jen.True()})
	}
	if x.SameRequestAs != "" {
		kvs = append(kvs, kv{"sameAs", jen.Lit(x.SameRequestAs)})
	}
	if x.CheckShape != "" {
		kvs = append(kvs, kv{"shape", jen.Lit(x.CheckShape)})
	}
	if x.Shown != "" {
		kvs = append(kvs, kv{"shown", rawString(x.Shown)})
	}
	if x.Whole {
		kvs = append(kvs, kv{"whole", jen.True()})
	}
	if x.PageLinks > 0 {
		kvs = append(kvs, kv{"links", jen.Lit(x.PageLinks)})
	}
	if len(x.Statuses) > 0 {
		var statuses []jen.Code
		for _, s := range x.Statuses {
			statuses = append(statuses, jen.Lit(s))
		}
		kvs = append(kvs, kv{"statuses", jen.Index().Int().Values(statuses...)})
	}
	return keyed(notes, kvs...)
}

// headerMap is a map[string]string literal of header names and values.
func headerMap(pairs [][2]string) jen.Code {
	d := jen.Dict{}
	for _, h := range pairs {
		d[jen.Lit(h[0])] = jen.Lit(h[1])
	}
	return jen.Map(jen.String()).String().Values(d)
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
		kvs = append(kvs, kv{"ContentType", jen.Lit(ex.StreamContentType())})
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

// substitutionNote says in a comment which documented value a test
// replaces. A value that spans lines (an object) is written on one: gofmt
// re-indents the lines of a block comment on every pass, so a comment
// with them would never be gofmt-clean.
func substitutionNote(s model.Substitution) string {
	return fmt.Sprintf("%s: %s is replaced by %s, a valid value of its type.", s.Member, oneLine(s.From), oneLine(s.To))
}

// oneLine joins text's lines with single spaces.
func oneLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}
