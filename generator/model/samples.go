package model

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/par"
)

// probeMethods are tried in order for a method no route serves at a path,
// which the route tests send to expect 405.
var probeMethods = []string{http.MethodPatch, http.MethodPut, http.MethodDelete, http.MethodPost, http.MethodGet}

// setSamples gives every variant the sample values its route test uses,
// and finds, by asking a ServeMux routed as the generated one, a method
// that gets 405 at the sample path and a path below it that gets 404.
func setSamples(api *API) {
	rt := newRouter(api)
	type sample struct {
		op *Operation
		v  *Variant
	}
	var samples []sample
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			samples = append(samples, sample{op, v})
		}
	}
	// Each variant's probes are its own, and the router only reads: the
	// probes, a few ServeMux requests per variant, run in parallel.
	par.Do(len(samples), 0, func(i int) {
		op, v := samples[i].op, samples[i].v
		v.SampleArgs = sampleArgs(v)
		v.SamplePath = wirePath(v.Parts, v.SampleArgs)
		v.UnusedMethod, v.NotFoundPath = "", ""
		for _, m := range probeMethods {
			if status(rt, m, v.SamplePath) == http.StatusMethodNotAllowed {
				v.UnusedMethod = m
				break
			}
		}
		v.RoutedNearPaths = routedNearPaths(rt, v)
		candidate := v.SamplePath
		for range 3 {
			candidate += "/docbind-no-such-route"
			if status(rt, op.Method, candidate) == http.StatusNotFound {
				v.NotFoundPath = candidate
				break
			}
		}
	})
}

// routedNearPaths are the near paths of a variant's sample path that the
// handler serves as some operation.
func routedNearPaths(rt *router, v *Variant) []string {
	method, _, _ := strings.Cut(v.Pattern, " ")
	var routed []string
	for _, p := range nearPaths(v.SamplePath, v.Pattern) {
		if hit, ok := rt.route(method, p); ok && hit.op != nil {
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

// status is what the router answers method at path; 0 for a request that
// cannot be made, which no probe then picks.
func status(mux http.Handler, method, path string) int {
	w, ok := serve(mux, method, path)
	if !ok {
		return 0
	}
	return w.code
}

// serve sends a request without a body to mux and returns what it wrote;
// ok is false for a request that cannot be made.
func serve(mux http.Handler, method, path string) (w *statusWriter, ok bool) {
	req, ok := probeRequest(method, path)
	if !ok {
		return nil, false
	}
	w = &statusWriter{code: http.StatusOK}
	mux.ServeHTTP(w, req)
	return w, true
}

// probeRequest is the request httptest.NewRequest(method, target, nil)
// makes, as a server reads it from its request line, without writing and
// reading that line: the probes make tens of thousands. ok is false where
// NewRequest would panic: a method that is not a token, a target that does
// not fit in a request line or is not a request URI. No method is GET.
func probeRequest(method, target string) (*http.Request, bool) {
	if method == "" {
		method = http.MethodGet
	}
	if strings.IndexFunc(method, notTokenChar) >= 0 || strings.ContainsAny(target, " \r\n") {
		return nil, false
	}
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil, false
	}
	return &http.Request{
		Method: method, URL: u, RequestURI: target,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{}, Body: http.NoBody,
		Host: "example.com", RemoteAddr: "192.0.2.1:1234",
	}, true
}

// notTokenChar reports a rune that cannot be in an HTTP token (RFC 9110).
func notTokenChar(r rune) bool {
	return r > 0x7e || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
}

// statusWriter records the status a handler writes and drops the rest; the
// router's handlers record on it which operation they stand for.
type statusWriter struct {
	code   int
	header http.Header
	hit    routeHit
}

// routeHit is the operation the router calls for a request, and the route
// pattern that served it.
type routeHit struct {
	op      *Operation
	pattern string
}

// record notes on the probe's writer what a route serves.
func record(w http.ResponseWriter, op *Operation, pattern string) {
	if sw, ok := w.(*statusWriter); ok {
		sw.hit = routeHit{op: op, pattern: pattern}
	}
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
// specific route wins. It answers 200 where the handler would call a
// Server method, for the route tests' probes. It is the Go twin of the
// generated router (templates/router.go): a path its patterns refuse is
// routed again without its trailing slash, or with its literal segments
// spelled as a pattern that matches them in another letter case does.
type router struct {
	mux *http.ServeMux
	// folded holds the patterns with their literals in lower case, spelled
	// the patterns each stands for.
	folded  *http.ServeMux
	spelled map[string][]string
}

func newRouter(api *API) *router {
	rt := &router{mux: http.NewServeMux(), folded: http.NewServeMux(), spelled: map[string][]string{}}
	for _, r := range api.Routes {
		targets := r.Targets
		if !r.IsTemplate() {
			rt.handle(r.MuxPattern, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) { record(w, targets[0].Op, req.Pattern) }))
			continue
		}
		rt.handle(r.MuxPattern, templateTargets{targets: targets})
	}
	return rt
}

// templateTargets are the templates behind one prefix, as the generated
// templateRoutes match them: the path percent-decoded, literals as
// spelled first, then in any letter case.
type templateTargets struct {
	targets []RouteTarget
}

func (tt templateTargets) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	t := tt.find(req.URL.EscapedPath())
	if t == nil {
		http.NotFound(w, req)
		return
	}
	record(w, t.Op, t.Variant.Pattern)
}

func (tt templateTargets) find(escaped string) *RouteTarget {
	path := canonicalPath(escaped)
	for _, match := range []func([]PathPart, string) ([]string, bool){matchRawExact, matchRaw} {
		for i, t := range tt.targets {
			if _, ok := match(t.Variant.Parts, path); ok {
				return &tt.targets[i]
			}
		}
	}
	return nil
}

// handle registers a pattern, and its lower-case form unless another
// pattern's is the same (which then stands for both) or conflicts.
func (rt *router) handle(pattern string, h http.Handler) {
	rt.mux.Handle(pattern, h)
	folded := foldPattern(pattern)
	if _, taken := rt.spelled[folded]; taken {
		rt.spelled[folded] = append(rt.spelled[folded], pattern)
		return
	}
	if register(rt.folded, folded) == nil {
		rt.spelled[folded] = []string{pattern}
	}
}

func (rt *router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if !rt.routes(req) {
		if same := rt.equivalent(req); same != nil {
			req = same
		}
	}
	rt.mux.ServeHTTP(w, req)
}

// routes reports whether the patterns route req to an operation.
func (rt *router) routes(req *http.Request) bool {
	h, pattern := rt.mux.Handler(req)
	if tt, ok := h.(templateTargets); ok {
		return tt.find(req.URL.EscapedPath()) != nil
	}
	return pattern != ""
}

// equivalent is req at the first equivalent spelling of its path the
// patterns route, or one of another method's pattern; nil when none.
func (rt *router) equivalent(req *http.Request) *http.Request {
	path := req.URL.EscapedPath()
	if len(path) > 1 && strings.HasSuffix(path, "/") {
		path = path[:len(path)-1]
		if same := withEscapedPath(req, path); same != nil && rt.routes(same) {
			return same
		}
	}
	probe := withEscapedPath(req, asciiLower(path))
	if probe == nil {
		return nil
	}
	var folded string
	for _, method := range []string{req.Method, http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe.Method = method
		if _, folded = rt.folded.Handler(probe); folded != "" {
			break
		}
	}
	spellings := rt.spelled[folded]
	for _, pattern := range spellings {
		if same := withEscapedPath(req, respell(path, pattern)); same != nil && rt.routes(same) {
			return same
		}
	}
	if len(spellings) > 0 {
		return withEscapedPath(req, respell(path, spellings[0]))
	}
	return nil
}

// foldPattern is a ServeMux pattern with its literals in lower case.
func foldPattern(pattern string) string {
	segments := strings.Split(pattern, "/")
	for i := 1; i < len(segments); i++ {
		if !strings.HasPrefix(segments[i], "{") {
			segments[i] = asciiLower(segments[i])
		}
	}
	return strings.Join(segments, "/")
}

// respell is an escaped path with each segment that a literal segment of
// pattern matches in another letter case spelled as the pattern does.
func respell(path, pattern string) string {
	_, template, _ := strings.Cut(pattern, " ")
	want, got := strings.Split(template, "/"), strings.Split(path, "/")
	for i := range got {
		if i >= len(want) || strings.HasSuffix(want[i], "...}") {
			break
		}
		if s, err := url.PathUnescape(got[i]); err == nil && !strings.HasPrefix(want[i], "{") && strings.EqualFold(s, want[i]) {
			got[i] = want[i]
		}
	}
	return strings.Join(got, "/")
}

// withEscapedPath is req at another escaped path; nil when it is not
// validly escaped.
func withEscapedPath(req *http.Request, escaped string) *http.Request {
	path, err := url.PathUnescape(escaped)
	if err != nil {
		return nil
	}
	same := req.WithContext(req.Context())
	u := *req.URL
	u.Path, u.RawPath = path, escaped
	same.URL = &u
	return same
}

// canonicalPath is an escaped path percent-decoded but for an escaped
// slash or percent sign, as the generated router compares paths.
func canonicalPath(escaped string) string {
	if !strings.Contains(escaped, "%") {
		return escaped
	}
	var b strings.Builder
	for i := 0; i < len(escaped); i++ {
		if escaped[i] == '%' && i+2 < len(escaped) {
			if c, err := strconv.ParseUint(escaped[i+1:i+3], 16, 8); err == nil {
				if c == '/' || c == '%' {
					b.WriteString(strings.ToUpper(escaped[i : i+3]))
				} else {
					b.WriteByte(byte(c))
				}
				i += 2
				continue
			}
		}
		b.WriteByte(escaped[i])
	}
	return b.String()
}

// route is the operation the handler calls for method and path (nil for
// none) and the pattern it serves them by; ok is false when no request can
// be made of them. The router is safe for concurrent routes.
func (rt *router) route(method, path string) (hit routeHit, ok bool) {
	w, ok := serve(rt, method, path)
	if !ok {
		return routeHit{}, false
	}
	return w.hit, true
}
