package model

import (
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
)

// gadgetResource is a documented entity; its "value" member only when
// withValue.
func gadgetResource(withValue bool) string {
	members := `"id": "String", "size": 1024`
	if withValue {
		members += `, "value": 1`
	}
	return resource("example.gadget", "", "{"+members+"}")
}

// countPage documents a function that counts gadgets. annotation is "" for
// plain examples, as the Intune reference writes them; its Response section
// links the gadget, the type it counts.
func countPage(annotation, body string) string {
	req, resp := "", ""
	if annotation != "" {
		req, resp = `{ "blockType": "request", "name": "count_gadgets" }`, `{ "blockType": "response"`+annotation+` }`
	}
	return "# getGadgetCount function\n\n## HTTP request\n\n" + fence("", "http", "GET /gadgets/getGadgetCount") +
		"\n## Response\n\nReturns the number of [gadget](../resources/gadget.md) objects.\n\n## Example\n\n" +
		fence(req, "http", "GET https://api.example.com/v1.0/gadgets/getGadgetCount") + "\n" +
		fence(resp, "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+body)
}

// TestPrimitiveResults reads a body whose only member is a scalar "value",
// or an array of scalars, as the primitive result it is, whatever type the
// page links or the annotation names: read as the entity (or a collection
// of it), the example would not decode into the generated type.
func TestPrimitiveResults(t *testing.T) {
	tests := []struct {
		name       string
		page       string
		withValue  bool   // the gadget declares a value member
		wantResult string // the Go type the operation returns
		wantWarn   bool   // a DB310 at the response
	}{
		{"plain, a count", countPage("", `{"value": 12}`), false, "*GetGadgetCountFunctionResponse", false},
		{"plain, a count with its context", countPage("", `{"@odata.context": "https://api.example.com/v1.0/$metadata#Edm.Int64", "value": 12}`), false, "*GetGadgetCountFunctionResponse", false},
		{"plain, a list of numbers", countPage("", `{"value": [12, 13]}`), false, "*GetGadgetCountFunctionResponse", false},
		{"plain, a collection of gadgets", countPage("", `{"value": [{"id": "g1", "size": 2}]}`), false, "*GadgetCollectionResponse", false},
		{"plain, the gadget declares value", countPage("", `{"value": 12}`), true, "*Gadget", false},
		{"annotated as a collection of gadgets", countPage(`, "@odata.type": "example.gadget", "isCollection": true`, `{"value": 12}`), false, "*GetGadgetCountFunctionResponse", true},
		{"annotated as a gadget", countPage(`, "@odata.type": "example.gadget"`, `{"value": "twelve"}`), false, "*GetGadgetCountFunctionResponse", true},
		{"annotated as Collection(gadget), strings", countPage(`, "@odata.type": "Collection(example.gadget)"`, `{"value": ["a", "b"]}`), false, "*GetGadgetCountFunctionResponse", true},
		{"annotated as Edm.Int64", countPage(`, "@odata.type": "Edm.Int64"`, `{"value": 12}`), false, "*GetGadgetCountFunctionResponse", false},
		{"annotated, the gadget declares value", countPage(`, "@odata.type": "example.gadget"`, `{"value": 12}`), true, "*Gadget", false},
		{"annotated, an empty collection says nothing", countPage(`, "@odata.type": "example.gadget", "isCollection": true`, `{"value": []}`), false, "*GadgetCollectionResponse", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, diags := buildPages(t, map[string]string{"resources/gadget.md": gadgetResource(tt.withValue), "api/gadget-count.md": tt.page})
			// A gadget that declares value, read as one, leaves out its id
			// and size: DB312 says so.
			othersThan(t, diags, diag.PrimitiveResult, diag.RequiredMemberMissing)
			if len(api.Operations) != 1 {
				t.Fatalf("%d operations", len(api.Operations))
			}
			if got := resultString(api.Operations[0].Result); got != tt.wantResult {
				t.Errorf("returns %s, want %s", got, tt.wantResult)
			}
			if got := len(warnings(diags, diag.PrimitiveResult)) > 0; got != tt.wantWarn {
				t.Errorf("DB310 %v, want %v: %q", got, tt.wantWarn, warnings(diags, diag.PrimitiveResult))
			}
			if g := typeNamed(api, "Gadget"); g != nil && (fieldNamed(g, "value") != nil) != tt.withValue {
				t.Errorf("Gadget has a value field: %v, want %v", !tt.withValue, tt.withValue)
			}
		})
	}
}

// TestShapeContradictions keeps as raw JSON a member that an example shows
// in another shape than declared, down through arrays' elements (strings
// where objects are declared): no substituted value stands in for a shape,
// so the generated round trip would fail on the documented JSON.
func TestShapeContradictions(t *testing.T) {
	capabilities := func(qualities string) string {
		return resource("example.capabilities", "", `{"qualities": `+qualities+`, "copies": 1}`)
	}
	const objects = `[{"@odata.type": "example.quality"}]`
	tests := []struct {
		name, declared, shown string
		want                  string // the Go type of qualities
		conflict              string // the DB304 message's shapes, "" for none
	}{
		{"strings where objects are declared", objects, `["high"]`, "raw", "shows array of string"},
		{"arrays where objects are declared", objects, `[["high"]]`, "raw", "shows array of array"},
		{"a string where a collection is declared", objects, `"high"`, "raw", "shows string"},
		{"a string where strings are declared", `["String"]`, `"high"`, "raw", "shows string"},
		{"numbers where strings are declared: substituted", `["String"]`, `[1]`, "[]string", "the declared type is used"},
		{"objects as declared", objects, `[{"name": "high"}]`, "[]*Quality", ""},
		{"an empty array", objects, `[]`, "[]*Quality", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "# Get capabilities\n\n## Example\n\n" +
				fence(`{ "blockType": "request", "name": "get_capabilities" }`, "http", "GET https://api.example.com/v1.0/capabilities") +
				fence(`{ "blockType": "response", "@odata.type": "example.capabilities" }`, "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"+`{"qualities": `+tt.shown+`, "copies": 2}`)
			api, diags := buildPages(t, map[string]string{
				"resources/capabilities.md": capabilities(tt.declared),
				"resources/quality.md":      resource("example.quality", "", `{"name": "String"}`),
				"api/capabilities-get.md":   page,
			})
			othersThan(t, diags, diag.TypeConflict)
			f := fieldNamed(typeNamed(api, "Capabilities"), "qualities")
			if got := refString(f.Type); got != tt.want {
				t.Errorf("qualities is %s, want %s", got, tt.want)
			}
			got := strings.Join(warnings(diags, diag.TypeConflict), "\n")
			if tt.conflict == "" && got != "" || !strings.Contains(got, tt.conflict) {
				t.Errorf("DB304 %q, want one saying %q", got, tt.conflict)
			}
		})
	}
}
