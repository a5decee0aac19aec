package fake_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/fake"
	"github.com/docbind/docbind/generator/model"
)

// widgetDocs are a small API's docs: a resource, and an operation that
// gets one. The tests change them one way at a time.
var widgetDocs = map[string]string{
	"resources/widget.md": "# widget resource type\n\n" +
		"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\", \"optionalProperties\": [\"note\"] } -->\n" +
		"```json\n{\n  \"id\": \"string\",\n  \"size\": 1024,\n  \"color\": \"string\",\n  \"note\": \"string\"\n}\n```\n",
	"api/widget-get.md": "# Get widget\n\nGet a widget.\n\n## HTTP request\n\n" +
		"<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /widgets/{id}\n```\n\n## Example\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"get_widget\" } -->\n" +
		"```http\nGET /widgets/w1\n```\n\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n" +
		"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"id\": \"w1\",\n  \"size\": 1024,\n  \"color\": \"blue\"\n}\n```\n",
}

// buildDocs builds the model of docs, each change (old, new) made to the
// page named before it.
func buildDocs(t *testing.T, changes ...string) *model.API {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range widgetDocs {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for i := 0; i+2 < len(changes); i += 3 {
		page, old, new := changes[i], changes[i+1], changes[i+2]
		text := string(fsys[page].Data)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", page, old)
		}
		fsys[page] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	}
	api, _, err := generator.ReadModel(fsys, generator.Options{DocsLabel: "docs", Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// checkAgainst checks the examples of docs against the fake of service,
// and returns every difference as "file:line: CODE difference".
func checkAgainst(t *testing.T, docs, service *model.API) []string {
	t.Helper()
	srv := httptest.NewServer(fake.New(service, nil))
	defer srv.Close()
	checker, err := fake.NewChecker(docs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ex := range checker.Examples() {
		diffs, err := checker.Check(http.DefaultClient.Do, srv.URL, ex, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diffs {
			got = append(got, fmt.Sprintf("%s: %s %s", ex.Source, d.Code, d))
		}
	}
	return got
}

// TestCheckCatchesChangedDocs serves the fake of the docs and checks it
// against the docs changed one way at a time: each change is reported at
// the changed example's place, and the unchanged docs conform.
func TestCheckCatchesChangedDocs(t *testing.T) {
	service := buildDocs(t)
	const get, resource = "api/widget-get.md", "resources/widget.md"
	tests := []struct {
		name    string
		changes []string
		want    []string
	}{
		{name: "unchanged"},
		{
			name:    "a member's type",
			changes: []string{resource, `"size": 1024`, `"size": "string"`, get, `"size": 1024`, `"size": "1 KB"`},
			want:    []string{`docs/api/widget-get.md:14:1: DB704 size: the docs say String, the service sent 1024`},
		},
		{
			name:    "a status",
			changes: []string{get, "HTTP/1.1 200 OK", "HTTP/1.1 203 Non-Authoritative Information"},
			want:    []string{`docs/api/widget-get.md:14:1: DB701 the docs say status 203, the service answered 200: { "id": "w1", "size": 1024, "color": "blue" }`},
		},
		{
			name:    "a member the example shows",
			changes: []string{get, `"color": "blue"`, `"color": "blue",` + "\n" + `  "weight": 3`, resource, `"color": "string",`, `"color": "string",` + "\n" + `  "weight": 1,`},
			want:    []string{`docs/api/widget-get.md:14:1: DB705 the service left out "weight" of microsoft.graph.widget, which the docs show`},
		},
		{
			name:    "a member the docs no longer declare",
			changes: []string{resource, `"color": "string",`, "", get, `,` + "\n" + `  "color": "blue"`, ""},
			want:    []string{`docs/api/widget-get.md:14:1: DB706 color: the docs declare no member "color" of microsoft.graph.widget`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkAgainst(t, buildDocs(t, tt.changes...), service)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
