package model

import "fmt"

// Exchange is a documented example as plain values: what the generated
// tests replay and what a fake of the API answers, so that the generated
// fake (templates) and docbind serve (generator/fake) read one rule.
type Exchange struct {
	Source string // where the request is documented: docs/page.md:LINE
	Name   string
	// Op and Pattern are the operation and route the handler serves the
	// request as; both "" when it routes it to no operation that can.
	Op, Pattern  string
	Method, Path string      // Path is escaped as the client sends it
	Query        [][2]string // the documented query, in order
	Header       [][2]string // the documented header parameters
	// ContentType is set for a body sent as it is rather than as JSON.
	ContentType string
	RequestBody string
	Status      int
	// ResponseHeader holds the headers the tests check; FakeHeader the
	// other documented ones, which a fake answers too.
	ResponseHeader, FakeHeader [][2]string
	ResponseBody               string
	Content                    bool // the response body is content, not JSON
	PinPath                    bool // see Example.PinPath
	// SameRequestAs names an earlier example with this one's request.
	SameRequestAs string
	// DocRequestBody is the request body as the docs write it, when the
	// tests send another (RequestBody, its placeholders made valid): a
	// fake accepts both. DocResponseBody is the response body as
	// documented, when the tests expect another (ResponseBody): docbind
	// serve answers it, a generated package's fake ResponseBody, which
	// the generated client decodes.
	DocRequestBody, DocResponseBody string
	// CheckShape is the CheckShape of the response's JSON body, "" when
	// the answer is not checked as a documented type (an error, content,
	// no body). Shown holds the members an answer must hold of each type
	// the body shows, as a JSON object of member names by the type's Go
	// name ("" for none); Whole says the response claims its type
	// whole, so that an answer holds every member a type requires that
	// the example does not show. Statuses are the others the docs show
	// for the operation.
	CheckShape string
	Shown      string
	Whole      bool
	Statuses   []int
	// PageLinks is Example.PageLinks.
	PageLinks int
}

// Exchange is one of op's examples as plain values.
func (op *Operation) Exchange(ex *Example) Exchange {
	x := Exchange{
		Source:          fmt.Sprintf("%s:%d", ex.Source.File, ex.Source.Line),
		Name:            ex.Name,
		Method:          ex.Method,
		Path:            ex.Path,
		Query:           ex.Query,
		RequestBody:     ex.RequestBody,
		Status:          ex.Status,
		ResponseHeader:  ex.ResponseHeader,
		FakeHeader:      ex.FakeHeader,
		ResponseBody:    ex.ResponseBody,
		Content:         op.Result.Kind == ResultContent && !ex.IsError,
		PinPath:         ex.PinPath,
		DocRequestBody:  ex.DocRequestBody,
		DocResponseBody: ex.DocResponseBody,
	}
	if ex.Handler != nil {
		x.Op, x.Pattern = ex.Handler.Name, ex.ServedPattern
	}
	if ex.SameRequestAs != nil {
		x.SameRequestAs = ex.SameRequestAs.Name
	}
	x.Header = op.sentHeaders(ex)
	x.CheckShape, x.Shown = op.checkResult(ex)
	x.Whole = ex.ResponseWhole
	x.Statuses = op.otherStatuses(ex.Status)
	x.PageLinks = ex.PageLinks
	if ex.ContentType != "" || op.BodyKind == BodyStream && ex.RequestBody != "" {
		x.ContentType = ex.StreamContentType()
	}
	return x
}

// sentHeaders are the header parameters an example of op sends, by wire
// name, in the operation's order.
func (op *Operation) sentHeaders(ex *Example) [][2]string {
	var out [][2]string
	for i, p := range op.HeaderParams {
		if i < len(ex.HeaderArgs) && ex.HeaderArgs[i] != "" {
			out = append(out, [2]string{p.WireName, ex.HeaderArgs[i]})
		}
	}
	return out
}

// StreamContentType is the Content-Type a streamed example sends: the
// documented one, or the client's default.
func (ex *Example) StreamContentType() string {
	if ex.ContentType != "" {
		return ex.ContentType
	}
	return "application/octet-stream"
}
