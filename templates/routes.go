package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/docbind/docbind/generator/model"
)

// sampleArgs are the arguments of a call of v with its sample path values
// and nothing else: no body, no options (nil, the last argument).
func sampleArgs(ctx jen.Code, op *model.Operation, v *model.Variant) []jen.Code {
	args := []jen.Code{ctx}
	for _, a := range v.SampleArgs {
		args = append(args, jen.Lit(a))
	}
	switch op.BodyKind {
	case model.BodyJSON:
		args = append(args, jen.Nil())
	case model.BodyStream:
		args = append(args, jen.Qual("strings", "NewReader").Call(jen.Lit("")), jen.Lit(""))
	}
	if op.OptionsType != "" {
		args = append(args, jen.Nil())
	}
	return args
}
