package openapi

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/docbind/docbind/generator"
)

// TestUnionAlternativesExclusive checks that a union's alternatives are
// told apart by @odata.type alone, as oneOf demands: an object that says
// none is the base's, one that names a type is that type's.
func TestUnionAlternativesExclusive(t *testing.T) {
	api := buildDocs(t, "../testdata/cases/models/docs", "docs")
	doc := load(t, api)
	if len(api.Unions) == 0 {
		t.Fatal("the models case has no union")
	}
	for _, u := range api.Unions {
		ref := doc.Components.Schemas[u.Name]
		if ref == nil || len(ref.Value.OneOf) != len(u.Variants)+boolInt(!slices.Contains(u.Variants, u.Base)) {
			t.Fatalf("%s: %d alternatives for %d variants", u.Name, len(ref.Value.OneOf), len(u.Variants))
		}
		if ref.Value.Discriminator != nil {
			t.Errorf("%s has a discriminator, which demands @odata.type of every object", u.Name)
		}
		objects := []map[string]any{{}}
		for _, v := range u.Variants {
			for _, spelling := range odataNames(v.ODataType) {
				objects = append(objects, map[string]any{"@odata.type": spelling})
			}
		}
		// Each alternative is its type and a constraint on @odata.type:
		// exactly one constraint takes each object.
		for _, obj := range objects {
			matched := 0
			for _, alt := range ref.Value.OneOf {
				if parts := alt.Value.AllOf; len(parts) != 2 || parts[0].Ref == "" {
					t.Fatalf("%s: an alternative is not its type and a constraint", u.Name)
				} else if parts[1].Value.VisitJSON(obj) == nil {
					matched++
				}
			}
			if matched != 1 {
				t.Errorf("%s: %d alternatives take %v, want 1", u.Name, matched, obj)
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDurationGrammar checks format duration's grammar as JSON Schema's
// validators implement RFC 3339's appendix A: no sign, no fractions.
func TestDurationGrammar(t *testing.T) {
	for d, want := range map[string]bool{
		"PT1H": true, "P1D": true, "P1Y2M3DT4H5M6S": true, "P2W": true, "PT0S": true,
		"PT0.043S": false, "-PT17.1357909S": false, "P": false, "PT": false, "P1DT": false, "1H": false, "P1W2D": false,
	} {
		if got := validDuration(d); got != want {
			t.Errorf("validDuration(%q) = %v, want %v", d, got, want)
		}
	}
}

// TestAvoidGeneratedNames checks that a schema named as a generator names
// its own types of an operation is renamed, and its references follow.
func TestAvoidGeneratedNames(t *testing.T) {
	doc := &Document{
		Paths: map[string]*PathItem{"/x": {"post": {OperationID: "User.CheckMemberGroups", Responses: map[string]*Response{
			"200": {Content: map[string]*MediaType{"application/json": {Schema: schemaRef("UserCheckMemberGroupsResponse")}}},
		}}}},
		Components: Components{Schemas: map[string]*Schema{
			"UserCheckMemberGroupsResponse": {Type: "object", Properties: map[string]*Schema{"next": schemaRef("Client")}},
			"Client":                        {Type: "object"},
			"ClientSchema":                  {Type: "string"},
		}},
	}
	avoidGeneratedNames(doc)
	got := slices.Sorted(func(yield func(string) bool) {
		for k := range doc.Components.Schemas {
			if !yield(k) {
				return
			}
		}
	})
	if want := []string{"ClientSchema", "ClientSchema2", "UserCheckMemberGroupsResponseSchema"}; !slices.Equal(got, want) {
		t.Errorf("schemas %v, want %v", got, want)
	}
	if ref := (*doc.Paths["/x"])["post"].Responses["200"].Content["application/json"].Schema.Ref; ref != "#/components/schemas/UserCheckMemberGroupsResponseSchema" {
		t.Errorf("the response refers to %s", ref)
	}
	if ref := doc.Components.Schemas["UserCheckMemberGroupsResponseSchema"].Properties["next"].Ref; ref != "#/components/schemas/ClientSchema2" {
		t.Errorf("the member refers to %s", ref)
	}
}

// TestSecurityFromPermissions checks the security schemes and an
// operation's requirements, read from its page's Permissions table.
func TestSecurityFromPermissions(t *testing.T) {
	api := buildDocs(t, "../testdata/cases/plain/docs", "docs")
	doc := Build(api, Settings{})
	for _, name := range []string{DelegatedScheme, ApplicationScheme} {
		if doc.Components.SecuritySchemes[name] == nil {
			t.Errorf("no security scheme %s", name)
		}
	}
	got, _ := json.Marshal((*doc.Paths["/gadgets"])["post"].Security)
	want := `[{"delegatedPermissions":["Gadgets.ReadWrite.All"]},{"applicationPermissions":["Gadgets.ReadWrite.All","Directory.Read.All"]},{"applicationPermissions":["Gadgets.Manage.All"]}]`
	if string(got) != want {
		t.Errorf("security %s\nwant     %s", got, want)
	}
	if s := (*doc.Paths["/gadgets"])["get"].Security; s != nil {
		t.Errorf("an operation whose page documents no permission has security %v", s)
	}
	loaded := load(t, api)
	if err := loaded.Validate(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestDocumentOfOpaqueURLs checks what the description makes of a URL
// documented twice, with another body, and of an upload URL: the URL
// takes either body, both examples show, and the base URL is the API's,
// not the upload host's.
func TestDocumentOfOpaqueURLs(t *testing.T) {
	const resp = "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.%s\" } -->\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{ \"@odata.type\": \"#microsoft.graph.%s\", \"id\": \"1\", \"%s\": %s }\n```\n"
	page := func(title, typ, member, value, base string) string {
		return "# " + title + "\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /apps\n```\n\n## Example\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"" + strings.ReplaceAll(title, " ", "-") + "\" } -->\n```http\nPOST " + base + "/apps\nContent-Type: application/json\n\n" +
			"{ \"@odata.type\": \"#microsoft.graph." + typ + "\", \"" + member + "\": " + value + " }\n```\n\n" + fmt.Sprintf(resp, typ, typ, member, value)
	}
	fsys := fstest.MapFS{
		"lob.md":   {Data: []byte(page("Create lobApp", "lobApp", "size", "1", "https://api.example.com/v1.0"))},
		"store.md": {Data: []byte(page("Create storeApp", "storeApp", "url", `"https://x"`, "https://api.example.com/v1.0"))},
		"upload.md": {Data: []byte("# Upload\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPUT /up/{session}\n```\n\n## Example\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"upload\", \"opaqueUrl\": true } -->\n```http\nPUT https://up.example.net/up/abc\nContent-Type: text/plain\n\nhello\n```\n\n" +
			"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"upload-2\", \"opaqueUrl\": true } -->\n```http\nPUT https://up.example.net/up/abd\nContent-Type: text/plain\n\nhello again\n```\n\n" +
			"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n")},
	}
	opt := generator.Options{DocsLabel: "docs"}
	sources, err := generator.ReadSources(fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	api, _, err := generator.BuildModel(sources, opt)
	if err != nil {
		t.Fatal(err)
	}
	if api.BaseURL != "https://api.example.com/v1.0" {
		t.Errorf("base URL %q, want the API's", api.BaseURL)
	}
	doc := Build(api, Settings{})
	post := (*doc.Paths["/apps"])["post"]
	media := post.RequestBody.Content["application/json"]
	if len(media.Examples) != 2 {
		t.Errorf("the URL shows %d request examples, want both pages'", len(media.Examples))
	}
	if media.Schema.Ref != "" || len(media.Schema.AnyOf) > 0 {
		body, _ := json.Marshal(media.Schema)
		t.Errorf("the two bodies' schema is %s, want an object that takes both", body)
	}
	upload := (*doc.Paths["/up/{session}"])["put"]
	if n := len(upload.RequestBody.Content["text/plain"].Examples); n != 2 {
		t.Errorf("the upload shows %d examples, want 2", n)
	}
	loaded := load(t, api)
	if err := loaded.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
		t.Error(err)
	}
}
