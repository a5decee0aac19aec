package model

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// probeMethods are tried in order for a method no route serves at a path,
// which the route tests send to expect 405.
var probeMethods = []string{http.MethodPatch, http.MethodPut, http.MethodDelete, http.MethodPost, http.MethodGet}

// setSamples gives every variant the sample values its route test uses,
// and finds, by asking a ServeMux routed as the generated one, a method
// that gets 405 at the sample path and a path below it that gets 404.
func setSamples(api *API) {
	rt := newRouter(api)
	probe := rt.mux
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			v.SampleArgs = sampleArgs(v)
			v.SamplePath = wirePath(v.Parts, v.SampleArgs)
			v.UnusedMethod, v.NotFoundPath = "", ""
			for _, m := range probeMethods {
				if status(probe, m, v.SamplePath) == http.StatusMethodNotAllowed {
					v.UnusedMethod = m
					break
				}
			}
			v.RoutedNearPaths = routedNearPaths(rt, v)
			candidate := v.SamplePath
			for range 3 {
				candidate += "/docbind-no-such-route"
				if status(probe, op.Method, candidate) == http.StatusNotFound {
					v.NotFoundPath = candidate
					break
				}
			}
		}
	}
}

// routedNearPaths are the near paths of a variant's sample path that the
// handler serves as some operation.
func routedNearPaths(rt *router, v *Variant) []string {
	method, _, _ := strings.Cut(v.Pattern, " ")
	var routed []string
	for _, p := range nearPaths(v.SamplePath, v.Pattern) {
		if op, ok := rt.route(method, p); ok && op != nil {
			routed = append(routed, p)
		}
	}
	return routed
}

// nearPaths is the Go twin of the generated test's nearPaths: variations
// of a served path that a router must not serve as the same URL (a dot
// segment, an empty segment, an encoded slash between two segments of the
// pattern's literal start).
func nearPaths(path, pattern string) []string {
	first := strings.Index(path[1:], "/") + 1
	if first <= 0 {
		return []string{path + "/..", "/docbind/.." + path}
	}
	paths := []string{path[:first] + "/docbind/.." + path[first:], path[:first] + "/" + path[first:]}
	_, template, _ := strings.Cut(pattern, " ")
	if literal, _, _ := strings.Cut(template, "{"); first < len(literal)-1 {
		paths = append(paths, path[:first]+"%2F"+path[first+1:])
	}
	return paths
}

// sampleArgs are the values a variant's route test fills its parameters
// with.
func sampleArgs(v *Variant) []string {
	var args []string
	for _, p := range v.Params {
		arg := p.ArgName + "-1"
		if p.Multi {
			arg += "/" + p.ArgName + "-2" // a multi-segment value spans a slash
		}
		args = append(args, arg)
	}
	return args
}

// status is what the mux answers method at path; 0 for a request that
// cannot be made, which no probe then picks.
func status(mux *http.ServeMux, method, path string) (code int) {
	defer func() {
		if recover() != nil {
			code = 0
		}
	}()
	req := httptest.NewRequest(method, path, nil)
	w := &statusWriter{code: http.StatusOK}
	mux.ServeHTTP(w, req)
	return w.code
}

// statusWriter records the status a handler writes and drops the rest.
type statusWriter struct {
	code   int
	header http.Header
}

func (w *statusWriter) Header() http.Header {
	if w.header == nil {
		w.header = http.Header{}
	}
	return w.header
}

func (w *statusWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *statusWriter) WriteHeader(code int)        { w.code = code }

// router routes like the generated handler and says which operation's
// Server method it calls for a request: the docs may document a path
// twice (a template and a literal path from an example), and the more
// specific route wins. Its mux answers 200 where the handler would call a
// Server method, for the route tests' probes.
type router struct {
	mux        *http.ServeMux
	hit        *Operation
	hitPattern string // the route pattern that served the request
}

func newRouter(api *API) *router {
	rt := &router{mux: http.NewServeMux()}
	for _, r := range api.Routes {
		targets := r.Targets
		if !r.IsTemplate() {
			rt.mux.HandleFunc(r.MuxPattern, func(_ http.ResponseWriter, req *http.Request) { rt.hit, rt.hitPattern = targets[0].Op, req.Pattern })
			continue
		}
		rt.mux.HandleFunc(r.MuxPattern, func(w http.ResponseWriter, req *http.Request) {
			for _, t := range targets {
				if _, matched := matchRawExact(t.Variant.Parts, req.URL.EscapedPath()); matched {
					rt.hit, rt.hitPattern = t.Op, t.Variant.Pattern
					return
				}
			}
			http.NotFound(w, req)
		})
	}
	return rt
}

// route is the operation the handler calls for method and path, nil for
// none; ok is false when no request can be made of them.
func (rt *router) route(method, path string) (op *Operation, ok bool) {
	rt.hit, rt.hitPattern = nil, ""
	if status(rt.mux, method, path) == 0 {
		return nil, false
	}
	return rt.hit, true
}
