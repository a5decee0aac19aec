// Package fake serves a fake of documented API straight from its model:
// each documented request answered with its documented response, as the
// generated NewExampleHandler does, without generating or compiling Go.
// docbind serve runs it.
//
// The engine is kit_gen.go, written by templates.Kit: the very code every
// generated package holds behind NewExampleHandler.
package fake

//go:generate go run ./internal/genkit

import (
	"net/http"
	"net/url"

	"github.com/docbind/docbind/generator/model"
)

// An Option configures New.
type Option func(*exampleFake)

// Strict answers a request only with an example it matches, as the
// generated WithStrictMatching does; else the closest example of its
// route's operation answers.
func Strict() Option { return func(f *exampleFake) { f.strict = true } }

// New returns the fake of api. It routes requests as the generated
// handler does and answers each with the best-matching documented
// example; log, when not nil, gets a line for every request.
func New(api *model.API, log func(line string), opts ...Option) http.Handler {
	fake := newExampleFake(api.BaseURL, examples(api), log)
	fake.setAliases(model.URLAliases(api))
	for _, opt := range opts {
		opt(fake)
	}
	rt := newRouter()
	for _, r := range api.Routes {
		if first := r.Targets[0]; !r.IsTemplate() {
			rt.handle(r.MuxPattern, fake.answer(first.Op.Name))
			continue
		}
		var routes templateRoutes
		for _, t := range r.Targets {
			rt := templateRoute{pattern: t.Variant.Pattern, literals: t.Variant.Literals(), serve: fake.answer(t.Op.Name)}
			for _, p := range t.Variant.Params {
				rt.names = append(rt.names, p.WireName)
				rt.multi = append(rt.multi, p.Multi)
			}
			routes = append(routes, rt)
		}
		rt.handle(r.MuxPattern, routes)
	}
	return recoverPanics(fake.wrap(rt))
}

// examples are api's documented examples, an operation's together, in
// the order the generated NewExampleHandler lists them.
func examples(api *model.API) [][]exampleCase {
	var groups [][]exampleCase
	for _, op := range api.Operations {
		var group []exampleCase
		for _, ex := range op.Examples {
			group = append(group, exampleOf(op.Exchange(ex)))
		}
		if len(group) > 0 {
			groups = append(groups, group)
		}
	}
	return groups
}

// exampleOf is the engine's form of an exchange, as templates writes it
// into a generated package.
func exampleOf(x model.Exchange) exampleCase {
	c := exampleCase{
		source: x.Source, name: x.Name, op: x.Op, pattern: x.Pattern,
		method: x.Method, path: x.Path,
		contentType: x.ContentType, requestBody: x.RequestBody, docRequestBody: x.DocRequestBody,
		status: x.Status, responseBody: x.ResponseBody, docResponseBody: x.DocResponseBody,
		content: x.Content, pinPath: x.PinPath, sameAs: x.SameRequestAs,
		header: headerMap(x.Header), responseHeader: headerMap(x.ResponseHeader), fakeHeader: headerMap(x.FakeHeader),
		shape: x.CheckShape, shown: x.Shown, whole: x.Whole, statuses: x.Statuses, links: x.PageLinks,
	}
	if len(x.Query) > 0 {
		c.query = url.Values{}
		for _, q := range x.Query {
			c.query.Add(q[0], q[1])
		}
	}
	return c
}

func headerMap(pairs [][2]string) map[string]string {
	if len(pairs) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, p := range pairs {
		m[p[0]] = p[1]
	}
	return m
}
