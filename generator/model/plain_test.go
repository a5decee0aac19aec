package model

import (
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

const widgetResource = "# widget resource type\n\n## JSON representation\n\n" +
	"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n" +
	"```json\n{ \"id\": \"string\", \"size\": 1024 }\n```\n"

// plainPage is a page whose examples carry no annotation, in English or
// as a translated edition writes it (anchors kept, words translated).
func plainPage(translated bool) string {
	h := func(anchor, english, other string) string {
		if translated {
			return `<a name="` + anchor + `"></a>` + other
		}
		return english
	}
	prose := "If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body."
	if translated {
		prose = "成功した場合、このメソッドは `200 OK` 応答コードと [widget](../resources/widget.md) オブジェクトのコレクションを返します。"
	}
	return "# " + h("list-widgets", "List widgets", "ウィジェットを一覧表示する") + "\n\n" +
		"## " + h("http-request", "HTTP request", "HTTP 要求") + "\n\n``` http\nGET /widgets\nGET /me/widgets\n```\n\n" +
		"## " + h("response", "Response", "応答") + "\n\n" + prose + "\n\n" +
		"## " + h("example", "Example", "例") + "\n\n### " + h("request", "Request", "要求") + "\n\n``` http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n\n" +
		"### " + h("response", "Response", "応答") + "\n\n``` http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"value\": [ { \"id\": \"w1\", \"size\": 7 } ] }\n```\n\n" +
		"### " + h("request", "Request", "要求") + "\n\n```\nGET https://graph.microsoft.com/v1.0/me/widgets\n```\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"value\": [] }\n```\n\n" +
		"``` http\nGET https://graph.microsoft.com/v1.0/widgets/w1\n```\n"
}

func TestPlainExamples(t *testing.T) {
	for _, translated := range []bool{false, true} {
		res, _ := docparse.Parse("resources/widget.md", []byte(widgetResource))
		page, _ := docparse.Parse("api/widget-list.md", []byte(plainPage(translated)))
		api, diags := Build([]*docparse.Page{page, res}, Config{})
		if len(api.Operations) != 1 {
			t.Fatalf("translated=%v: %d operations, want 1", translated, len(api.Operations))
		}
		op := api.Operations[0]
		var got []string
		for _, v := range op.Variants {
			got = append(got, v.Template)
		}
		if strings.Join(got, " ") != "/widgets /me/widgets" {
			t.Errorf("translated=%v: URLs %v", translated, got)
		}
		var names []string
		for _, ex := range op.Examples {
			names = append(names, ex.Name)
		}
		if strings.Join(names, " ") != "widget-list widget-list_2" {
			t.Errorf("translated=%v: examples %v, want widget-list widget-list_2", translated, names)
		}
		if r := op.Result.Type; r == nil || r.Kind != RefNamed || r.Named.Name != "WidgetCollectionResponse" {
			t.Errorf("translated=%v: result %+v, want the widget collection the prose links to", translated, r)
		}
		unpaired := 0
		for _, d := range diags {
			if d.Code == diag.UnpairedPlainExample {
				unpaired++
			}
		}
		if unpaired != 1 {
			t.Errorf("translated=%v: %d DB210 warnings, want 1 (the request with no response): %v", translated, unpaired, diags)
		}
	}
}

// TestPlainResponseOfAMissingResourcePage: a plain response's prose links
// a resource page the docs do not have (a partial copy); the link still
// names the type the page's annotated example shows, so the plain
// response is an instance of it, and its null makes the member Nullable
// (else the generated test of the example loses the null).
func TestPlainResponseOfAMissingResourcePage(t *testing.T) {
	page := "# Update gadget\n\n## Response\n\nReturns an updated [gadget](../resources/gadget.md) object.\n\n" +
		"## Example 1\n\n### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"update_gadget\" } -->\n" +
		"```http\nPATCH /gadgets/{id}\nContent-Type: application/json\n\n{ \"label\": \"a\" }\n```\n\n" +
		"### Response\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.gadget\" } -->\n" +
		"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"label\": \"a\" }\n```\n\n" +
		"## Example 2\n\n### Request\n\n```\nPATCH https://graph.microsoft.com/v1.0/gadgets/g2\n\n{ \"label\": \"b\" }\n```\n\n" +
		"### Response\n\n```\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"label\": null }\n```\n"
	p, _ := docparse.Parse("api/gadget-update.md", []byte(page))
	api, _ := Build([]*docparse.Page{p}, Config{})
	gadget := typeNamed(api, "Gadget")
	if gadget == nil {
		t.Fatal("no Gadget type")
	}
	if f := fieldNamed(gadget, "label"); f == nil || !f.Nullable {
		t.Errorf("Gadget.label %+v, want Nullable: the plain response shows it null", f)
	}
}

func TestKindOfPlain(t *testing.T) {
	tests := map[string]plainKind{
		"GET https://graph.microsoft.com/v1.0/users": plainRequest,
		"\n post /me/messages\nContent-Type: x":      plainRequest,
		"HTTP/1.1 204 No Content":                    plainResponse,
		"{ \"a\": 1 }":                               plainOther,
		"GET is a verb":                              plainOther,
		"GET HTTP/1.1 /me/messages":                  plainRequest,
		"GET HTTP/1.1":                               plainOther,
		"":                                           plainOther,
	}
	for code, want := range tests {
		if got := kindOfPlain(code); got != want {
			t.Errorf("kindOfPlain(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestRequestBodyOfItsOwnType checks a request body that neither its
// annotation nor its page types (the "Request body" section links a base
// type's page the docs lack) but that names a documented type as its own
// "@odata.type": it is an instance of that type, checked against its
// declaration (a member it does not declare is DB311), and its false for
// a required member makes the member a pointer, so the client sends it.
func TestRequestBodyOfItsOwnType(t *testing.T) {
	resource := "# countryLocation resource type\n\n" +
		"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.countryLocation\", \"baseType\": \"microsoft.graph.location\" } -->\n" +
		"```json\n{ \"displayName\": \"String\", \"includeUnknown\": true }\n```\n"
	update := "# Update countryLocation\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPATCH /locations/{id}\n```\n\n" +
		"## Request body\n\nSupply the values of the [location](../resources/location.md) to update.\n\n" +
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"update_countrylocation\" } -->\n" +
		"```http\nPATCH /locations/1\nContent-Type: application/json\n\n" +
		"{ \"@odata.type\": \"#microsoft.graph.countryLocation\", \"displayName\": \"x\", \"includeUnknown\": false, \"color\": \"red\" }\n```\n\n" +
		"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
	api, diags := buildPages(t, map[string]string{"resources/countrylocation.md": resource, "api/countrylocation-update.md": update})
	if got := warnings(diags, diag.UndeclaredMember); len(got) != 1 || !strings.Contains(got[0], `"color"`) {
		t.Errorf("DB311 warnings %q, want one for the body's undeclared \"color\"", got)
	}
	country := typeNamed(api, "CountryLocation")
	if country == nil {
		t.Fatal("no CountryLocation type")
	}
	if f := fieldNamed(country, "includeUnknown"); f == nil || !f.Pointer {
		t.Errorf("CountryLocation.includeUnknown %+v, want a pointer: the request body shows false", f)
	}
}

// TestExampleOfAnotherPagesBodyType checks an unannotated request example
// whose page types its body nowhere, of an operation whose body type
// another page's annotated example names: the example is decoded into that
// type, so its false for a required member makes the member a pointer.
func TestExampleOfAnotherPagesBodyType(t *testing.T) {
	resource := "# thing resource type\n\n" +
		"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\" } -->\n" +
		"```json\n{ \"name\": \"String\", \"enabled\": true }\n```\n"
	create := func(title, name, annotation, body string) string {
		return "# " + title + "\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /things\n```\n\n" +
			"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"" + name + "\"" + annotation + " } -->\n" +
			"```http\nPOST /things\nContent-Type: application/json\n\n" + body + "\n```\n\n" +
			"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.thing\" } -->\n" +
			"```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{ \"name\": \"a\", \"enabled\": true }\n```\n"
	}
	api, _ := buildPages(t, map[string]string{
		"resources/thing.md":           resource,
		"api/thing-create.md":          create("Create thing", "create_thing", `, "@odata.type": "microsoft.graph.thing"`, `{ "name": "a", "enabled": true }`),
		"api/thing-create-disabled.md": create("Create disabled thing", "create_disabled_thing", "", `{ "name": "b", "enabled": false }`),
	})
	thing := typeNamed(api, "Thing")
	if thing == nil {
		t.Fatal("no Thing type")
	}
	if f := fieldNamed(thing, "enabled"); f == nil || !f.Pointer {
		t.Errorf("Thing.enabled %+v, want a pointer: an example of its operation's body shows false", f)
	}
}
