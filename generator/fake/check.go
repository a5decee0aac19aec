package fake

import (
	"net/http"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/model"
)

// A Checker reads a service's answers to the documented requests against
// the docs, as the generated CheckHandler does: docbind check-service
// runs it.
type Checker struct {
	schema   *checkSchema
	examples []*CheckExample
}

// CheckExample is a documented example a Checker can send.
type CheckExample struct {
	Name   string
	Method string
	Source diag.Pos // the request's annotation
	// Served says the generated handler serves the example's URL as an
	// operation.
	Served bool
	c      *exampleCase
}

// Difference is one way an answer differs from the docs.
type Difference struct {
	Code diag.Code
	// Path is the member, such as value[0].size; "" for the answer as a
	// whole.
	Path    string
	Message string
	// Warning marks what the docs allow without showing it: a member
	// they do not declare, a null they do not name.
	Warning bool
}

func (d Difference) String() string { return checkDiff{Path: d.Path, Message: d.Message}.String() }

// NewChecker returns the checker of api's examples.
func NewChecker(api *model.API) (*Checker, error) {
	types, enums := model.CheckTables(api)
	s, err := newCheckSchema(types, enums)
	if err != nil {
		return nil, err
	}
	c := &Checker{schema: s}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			ec := exampleOf(op.Exchange(ex))
			c.examples = append(c.examples, &CheckExample{Name: ex.Name, Method: ex.Method, Source: ex.Source, Served: ec.op != "", c: &ec})
		}
	}
	return c, nil
}

// Examples are the documented examples, in the order of the docs.
func (c *Checker) Examples() []*CheckExample { return c.examples }

// Check sends ex's request to base with send, values put in for its
// placeholders (ApiDoctor's grammar: {name} in the URL, $.path a member
// of the JSON body, Name: a header, !body, !url), and reads the answer
// against the docs. An error is a request that could not be built or
// sent.
func (c *Checker) Check(send func(*http.Request) (*http.Response, error), base string, ex *CheckExample, values map[string]string) ([]Difference, error) {
	diffs, err := c.schema.checkExample(send, base, ex.c, values)
	if err != nil {
		return nil, err
	}
	out := make([]Difference, len(diffs))
	for i, d := range diffs {
		out[i] = Difference{Code: diag.Code(d.Code), Path: d.Path, Message: d.Message, Warning: d.Warning}
	}
	return out, nil
}

// Request is ex's request to base with values put in for its
// placeholders, as Check sends it.
func Request(base string, ex *CheckExample, values map[string]string) (*http.Request, error) {
	return checkRequest(base, ex.c, values)
}
