package templates

import (
	"github.com/dave/jennifer/jen"

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

// genPageTests writes a page's tests: the examples, routes and paging of
// its operations, and the round trips of its types.
func genPageTests(f *jen.File, p *model.Page) {
	for _, op := range p.Operations {
		if len(op.Examples) > 0 {
			genOperationExamples(f, op)
		}
		genOperationRoutes(f, op)
		genDefenceTests(f, op)
		if isPaged(op) {
			genPagingTest(f, op)
		}
	}
	genRoundTrip(f, "Test"+p.TestName+"RoundTrip", p.Instances)
	genEnumTests(f, "Test"+p.TestName+"Enums", p.Enums)
	genUnionTests(f, "Test"+p.TestName+"Unions", p.Unions)
}
