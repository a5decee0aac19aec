package model

import (
	"net/http"
	"slices"
)

// probeMethods are tried in order for a method no route serves at a path,
// which the route tests send to expect 405.
var probeMethods = []string{http.MethodPatch, http.MethodPut, http.MethodDelete, http.MethodPost, http.MethodGet}

// setSamples gives every variant the sample values its route test uses.
func setSamples(api *API) {
	served := map[string][]string{} // template -> methods
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			served[v.Template] = append(served[v.Template], op.Method)
		}
	}
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			v.SampleArgs = nil
			path := ""
			for _, s := range v.Segments {
				if s.Param == nil {
					path += "/" + s.Literal
					continue
				}
				arg := s.Param.ArgName + "-1"
				v.SampleArgs = append(v.SampleArgs, arg)
				path += "/" + arg
			}
			v.SamplePath = path
			v.NotFoundPath = notFoundPath(api, path)
			for _, m := range probeMethods {
				if !slices.Contains(served[v.Template], m) {
					v.UnusedMethod = m
					break
				}
			}
		}
	}
}

// notFoundPath is a path below sample that no route serves, for the route
// tests' 404 check, or "" when every candidate is served.
func notFoundPath(api *API, sample string) string {
	candidate := sample
	for range 3 {
		candidate += "/docbind-no-such-route"
		if !served(api, candidate) {
			return candidate
		}
	}
	return ""
}

func served(api *API, path string) bool {
	for _, op := range api.Operations {
		for _, v := range op.Variants {
			if _, ok := matchPath(v.Segments, path); ok {
				return true
			}
		}
	}
	return false
}
