package templates

import (
	"fmt"

	"github.com/docbind/docbind/generator/model"
)

// hostileValue is a path or header value an attacker might send: a slash,
// a dot segment, a query and a fragment, which must stay in one segment.
const hostileValue = "a/../b?c#d%2F"

// stringQueryParam is the operation's first query parameter of type string.
func stringQueryParam(op *model.Operation) *model.Param {
	for _, p := range op.QueryParams {
		if p.Query == model.QueryString {
			return p
		}
	}
	return nil
}

// wrongJSON is a JSON body of the wrong type for the operation's body.
func wrongJSON(op *model.Operation) string {
	if op.Body.Kind == model.RefSlice {
		return `{"docbind": "an object, not an array"}`
	}
	return `["an array, not an object"]`
}

// wrongMemberJSON is a body object whose first member of a plain JSON type
// holds a value of another JSON type, or "" when the body has none.
func wrongMemberJSON(op *model.Operation) string {
	if op.Body.Kind != model.RefNamed {
		return ""
	}
	wrong := map[model.RefKind]string{
		model.RefString: "12345", model.RefBool: `"yes"`, model.RefInt32: `"many"`, model.RefInt64: `"many"`,
		model.RefFloat64: `"many"`, model.RefNamed: `"an object"`, model.RefSlice: `"an array"`,
	}
	for _, f := range op.Body.Named.Fields {
		if value, ok := wrong[f.Type.Kind]; ok {
			return fmt.Sprintf(`{%q: %s}`, f.JSONName, value)
		}
	}
	return ""
}

func servedVariant(op *model.Operation) *model.Variant {
	for _, v := range op.Variants {
		if v.Served() {
			return v
		}
	}
	return nil
}
