package model

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// routePage is an operation page: its title, the URLs under "HTTP
// request", and one annotated example of the first method, request line
// reqLine, answering a review.
func routePage(title string, urls []string, name, reqLine string) string {
	return fmt.Sprintf("# %s\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n%s\n```\n\n"+
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": %q } -->\n```http\n%s\n```\n\n"+
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.review\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"r1\" }\n```\n",
		title, strings.Join(urls, "\n"), name, reqLine)
}

// TestRoutesReachTheirOperations: a URL that ServeMux cannot express as a
// pattern of its own (a function call or a key inside a segment) beside a
// whole-segment wildcard at the same depth must still reach its own
// operation, and so must the wildcard's; an example is the instance of the
// most literal URL it matches.
func TestRoutesReachTheirOperations(t *testing.T) {
	tests := []struct {
		name  string
		pages map[string]string
		// want maps a request to the operation that must serve it.
		want map[string]string
	}{
		{
			name: "function call beside an item wildcard",
			pages: map[string]string{
				"get.md":    routePage("Get review", []string{"GET /reviews/{id}"}, "get_review", "GET https://api.example.com/v1.0/reviews/r1"),
				"filter.md": routePage("Filter reviews by current user", []string{"GET /reviews/filterByCurrentUser(on='{on}')"}, "filter_reviews", "GET https://api.example.com/v1.0/reviews/filterByCurrentUser(on='reviewer')"),
			},
			want: map[string]string{
				"GET /reviews/r1": "GetReview",
				"GET /reviews/filterByCurrentUser(on='reviewer')": "FilterReviewsByCurrentUser",
			},
		},
		{
			name: "key inside a segment beside a wildcard, with a path below both",
			pages: map[string]string{
				"get.md":     routePage("Get role", []string{"GET /roles/{id}", "GET /roles/roleTemplateId={roleTemplateId}"}, "get_role_by_template", "GET https://api.example.com/v1.0/roles/roleTemplateId=t1"),
				"members.md": routePage("List role members", []string{"GET /roles/{id}/members", "GET /roles/roleTemplateId={roleTemplateId}/members"}, "list_members_by_template", "GET https://api.example.com/v1.0/roles/roleTemplateId=t1/members"),
			},
			want: map[string]string{
				"GET /roles/r1":                        "GetRole",
				"GET /roles/roleTemplateId=t1":         "GetRole",
				"GET /roles/r1/members":                "ListRoleMembers",
				"GET /roles/roleTemplateId=t1/members": "ListRoleMembers",
			},
		},
		{
			name: "an example calls with arguments a function its page lists without",
			pages: map[string]string{
				"get.md":   routePage("Get event", []string{"GET /events/{id}"}, "get_event", "GET https://api.example.com/v1.0/events/e1"),
				"types.md": routePage("getTypes function", []string{"GET /events/getTypes"}, "get_types", "GET https://api.example.com/v1.0/events/getTypes(category='x')"),
			},
			want: map[string]string{
				"GET /events/e1":                     "GetEvent",
				"GET /events/getTypes(category='x')": "GetTypesFunction",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, diags := buildPages(t, tt.pages)
			for _, d := range diags {
				if d.Code == diag.UnroutableURL || d.Code == diag.ClientOnlyExample {
					t.Errorf("unexpected %v", d)
				}
			}
			rt := newRouter(api)
			for _, req := range sortedKeys(tt.want) {
				method, path, _ := strings.Cut(req, " ")
				hit, ok := rt.route(method, path)
				op := hit.op
				if !ok || op == nil || op.Name != tt.want[req] {
					name := "nothing"
					if op != nil {
						name = op.Name
					}
					t.Errorf("%s reaches %s, want %s", req, name, tt.want[req])
				}
			}
			for _, op := range api.Operations {
				for _, v := range op.Variants {
					if !v.Served() {
						continue
					}
					if got, _ := rt.route(op.Method, wirePath(v.Parts, sampleArgs(v))); got.op != op {
						t.Errorf("the sample path of %s reaches %s, want %s", v.Pattern, got.pattern, op.Name)
					}
				}
				for _, ex := range op.Examples {
					if ex.Handler != op {
						t.Errorf("example %s of %s is served by %v", ex.Name, op.Name, ex.Handler)
					}
					if _, ok := matchPath(ex.Variant.Parts, ex.Path); !ok {
						t.Errorf("example %s is attached to %s, which its path %s does not match", ex.Name, ex.Variant.Pattern, ex.Path)
					}
				}
			}
		})
	}
}

// TestExampleTakesTheMostLiteralVariant: an example path that instances
// both /roles/{id} and /roles/roleTemplateId={id} is the latter's.
func TestExampleTakesTheMostLiteralVariant(t *testing.T) {
	api, _ := buildPages(t, map[string]string{
		"get.md": routePage("Get role", []string{"GET /roles/{id}", "GET /roles/roleTemplateId={roleTemplateId}"}, "get_role_by_template", "GET https://api.example.com/v1.0/roles/roleTemplateId=t1"),
	})
	op := opNamed(api, "GetRole")
	if op == nil || len(op.Examples) != 1 {
		t.Fatalf("no GetRole with one example in %v", api.Operations)
	}
	if got := op.Examples[0].Variant.Pattern; got != "GET /roles/roleTemplateId={roleTemplateID}" {
		t.Errorf("the example is an instance of %s", got)
	}
}

// TestRoutedNearPaths: a hostile variation of a served path that another
// documented route serves (an encoded slash read as one segment by
// /{name}) is listed, so the defence test does not take it for an attack
// that got through; the others are not.
func TestRoutedNearPaths(t *testing.T) {
	api, _ := buildPages(t, map[string]string{
		"followed.md": routePage("List followed sites", []string{"GET /me/followedSites"}, "list_followed", "GET https://api.example.com/v1.0/me/followedSites"),
		"reviewer.md": routePage("Get reviewer", []string{"GET /{reviewerName}"}, "get_reviewer", "GET https://api.example.com/v1.0/ann"),
	})
	v := opNamed(api, "ListFollowedSites").Variants[0]
	if want := []string{"/me%2FfollowedSites"}; !slices.Equal(v.RoutedNearPaths, want) {
		t.Errorf("routed near paths of %s: %q, want %q", v.SamplePath, v.RoutedNearPaths, want)
	}
	if got := opNamed(api, "GetReviewer").Variants[0].RoutedNearPaths; len(got) > 0 {
		t.Errorf("routed near paths of /{reviewerName}: %q, want none", got)
	}
}

// TestProbeRequestIsNewRequest checks that the probes' requests are
// httptest.NewRequest's: the same method, URL, host and headers where it
// makes one, and none where it panics.
func TestProbeRequestIsNewRequest(t *testing.T) {
	tests := []struct{ method, target string }{
		{"GET", "/me/drive/root"},
		{"POST", "/drives/a%2Fb/items/x:/file%20name.txt:/content"},
		{"PATCH", "/users/{id}/x?$select=a,b"},
		{"DELETE", "/sites/root/lists('a')/items(1)"},
		{"GET", "/a/../b/./c//d"},
		{"GET", "/docbind/../x"},
		{"GET", "/a b"},
		{"GET", "/a\r\nX: y"},
		{"GET", "relative"},
		{"GET", "/%zz"},
		{"GET", "/caf\u00e9"},
		{"G:T", "/a"},
		{"", "/a"},
		{"PROPFIND", "/a"},
	}
	for _, tt := range tests {
		want, wantOK := newRequest(tt.method, tt.target)
		got, ok := probeRequest(tt.method, tt.target)
		if ok != wantOK {
			t.Errorf("%s %q: made %v, NewRequest %v", tt.method, tt.target, ok, wantOK)
			continue
		}
		if !ok {
			continue
		}
		if got.Method != want.Method || *got.URL != *want.URL || got.Host != want.Host || got.RequestURI != want.RequestURI ||
			got.Proto != want.Proto || !reflect.DeepEqual(got.Header, want.Header) {
			t.Errorf("%s %q: got %s %#v host %s, NewRequest %s %#v host %s", tt.method, tt.target, got.Method, got.URL, got.Host, want.Method, want.URL, want.Host)
		}
	}
}

// newRequest is httptest.NewRequest, false where it panics.
func newRequest(method, target string) (req *http.Request, ok bool) {
	defer func() {
		if recover() != nil {
			req, ok = nil, false
		}
	}()
	return httptest.NewRequest(method, target, nil), true
}
