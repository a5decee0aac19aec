package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/diag"

	"github.com/docbind/docbind/generator/model"
)

// genPage writes a page's code: its enums, types and unions, then each
// operation's options, client methods, server request type and
// handler.
func genPage(f *jen.File, p *model.Page) {
	for _, e := range p.Enums {
		genEnum(f, e)
	}
	for _, t := range p.Types {
		genModel(f, t)
	}
	for _, u := range p.Unions {
		genUnion(f, u)
	}
	for _, op := range p.Operations {
		if len(op.Examples) > 0 {
			genExamples(f, op)
		}
		if op.OptionsType != "" {
			genOptionsType(f, op)
		}
		if len(op.Variants) > 1 {
			genSendMethod(f, op)
		}
		for _, v := range op.Variants {
			genClientMethod(f, op, v)
			if isPaged(op) {
				genIterator(f, op, v)
			}
		}
		if op.HasServer() {
			genRequestType(f, op)
			genHandlerFunc(f, op)
		}
	}
}

func pageHasTests(p *model.Page) bool {
	return len(p.Operations)+len(p.Enums)+len(p.Unions)+len(p.Instances) > 0
}

// genPageTests writes a page's tests: the examples, routes, defences and
// paging of its operations, and the round trips of its types.
func genPageTests(f *jen.File, p *model.Page) {
	for _, op := range p.Operations {
		genOperationTest(f, op)
		if isPaged(op) {
			genPagingTest(f, op)
		}
	}
	genRoundTrip(f, "Test"+p.TestName+"RoundTrip", roundTripped(p))
	genEnumTests(f, "Test"+p.TestName+"Enums", p.Enums)
	genUnionTests(f, "Test"+p.TestName+"Unions", p.Unions)
}

// roundTripped are the page's instances that no example test already
// decodes and encodes again. An example's test decodes its documented body
// and its response and checks them encoded again against the docs: the body
// as the client sends it, the response as the handler answers it or, when
// the handler is not tested, as it encodes.
func roundTripped(p *model.Page) []model.Instance {
	checked := map[diag.Pos]*model.Type{}
	for _, op := range p.Operations {
		for _, ex := range op.Examples {
			if op.Result.Kind == model.ResultJSON && op.Result.Type.Kind == model.RefNamed && !ex.IsError {
				checked[ex.ResponseSource] = op.Result.Type.Named
			}
			if op.BodyKind == model.BodyJSON && op.Body.Kind == model.RefNamed && ex.Request != nil {
				checked[ex.Source] = op.Body.Named
			}
		}
	}
	var out []model.Instance
	for _, in := range p.Instances {
		if checked[in.Example.Source] != in.Type {
			out = append(out, in)
		}
	}
	return out
}
