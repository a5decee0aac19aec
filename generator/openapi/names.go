package openapi

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// generatedSuffixes are what code generators append to an operation's
// name for the types they generate of it: oapi-codegen's client response
// (CheckMemberGroupsResponse), its parameters and its bodies.
var generatedSuffixes = []string{"Response", "Params", "JSONBody", "JSONRequestBody", "TextBody", "TextRequestBody",
	"MultipartBody", "MultipartRequestBody", "FormdataBody", "FormdataRequestBody"}

// generatedNames are the types and functions of a generated client that
// no schema may be named: oapi-codegen's.
var generatedNames = []string{"Client", "ClientOption", "ClientInterface", "ClientWithResponses", "ClientWithResponsesInterface",
	"HttpRequestDoer", "RequestEditorFn", "NewClient", "NewClientWithResponses", "WithHTTPClient", "WithRequestEditorFn", "WithBaseURL"}

// avoidGeneratedNames renames the component schemas whose names a code
// generator gives its own types: an operation's name and one of
// generatedSuffixes (docbind names an operation's result type after the
// operation, CheckMemberGroupsResponse, as oapi-codegen names its response
// wrapper), or one of generatedNames. The schema gets "Schema" appended,
// and a number if that is taken too; its references follow.
func avoidGeneratedNames(doc *Document) {
	reserved := map[string]bool{}
	for _, n := range generatedNames {
		reserved[n] = true
	}
	for _, item := range doc.Paths {
		for _, o := range *item {
			op := camelName(o.OperationID)
			for _, suffix := range generatedSuffixes {
				reserved[op+suffix] = true
			}
		}
	}
	renames := map[string]string{}
	taken := map[string]bool{}
	schemas := doc.Components.Schemas
	for _, name := range slices.Sorted(maps.Keys(schemas)) {
		if !reserved[camelName(name)] {
			continue
		}
		to := name + "Schema"
		for i := 2; schemas[to] != nil || reserved[camelName(to)] || taken[to]; i++ {
			to = name + "Schema" + strconv.Itoa(i)
		}
		renames[name] = to
		taken[to] = true
	}
	if len(renames) == 0 {
		return
	}
	for from, to := range renames {
		schemas[to] = schemas[from]
		delete(schemas, from)
	}
	r := refRenamer(renames)
	for _, s := range schemas {
		r.schema(s)
	}
	for _, item := range doc.Paths {
		for _, o := range *item {
			for _, p := range o.Parameters {
				r.schema(p.Schema)
			}
			if o.RequestBody != nil {
				for _, m := range o.RequestBody.Content {
					r.schema(m.Schema)
				}
			}
			for _, resp := range o.Responses {
				for _, m := range resp.Content {
					r.schema(m.Schema)
				}
				for _, h := range resp.Headers {
					r.schema(h.Schema)
				}
			}
		}
	}
}

// camelName is a name as oapi-codegen makes a Go type name of it: the
// letters and digits of each part, the first of each upper case.
func camelName(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// refRenamer points the references to renamed schemas at their new names.
type refRenamer map[string]string

func (r refRenamer) schema(s *Schema) {
	if s == nil {
		return
	}
	if name, ok := strings.CutPrefix(s.Ref, "#/components/schemas/"); ok {
		if to, ok := r[name]; ok {
			s.Ref = "#/components/schemas/" + to
		}
	}
	for _, p := range s.Properties {
		r.schema(p)
	}
	r.schema(s.Items)
	if ap, ok := s.AdditionalProperties.(*Schema); ok {
		r.schema(ap)
	}
	for _, list := range [][]*Schema{s.AllOf, s.AnyOf, s.OneOf} {
		for _, x := range list {
			r.schema(x)
		}
	}
	r.schema(s.Not)
}
