package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// TestExchanges checks what a fake learns of each example: the route that
// serves it, whether only its path tells it apart, whether an earlier
// example shows its very request, and the headers it answers.
func TestExchanges(t *testing.T) {
	block := func(name, req, resp string) string {
		return `<!-- { "blockType": "request", "name": "` + name + `" } -->` + "\n```http\n" + req + "\n```\n" +
			`<!-- { "blockType": "response" } -->` + "\n```http\n" + resp + "\n```\n"
	}
	page := "# Get user\n## HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /users/{id}\n```\n## Example\n" +
		block("alice", "GET /users/alice", "HTTP/1.1 200 OK\nContent-Type: application/json\nETag: \"1\"\nDate: Mon, 30 Nov 2026 04:00:00 GMT\n\n{\"id\": \"alice\"}") +
		block("bob", "GET /users/bob", "HTTP/1.1 200 OK\n\n{\"id\": \"bob\"}") +
		block("bob_selected", "GET /users/bob?$select=id", "HTTP/1.1 200 OK\n\n{\"id\": \"bob\"}") +
		block("bob_again", "GET /users/bob", "HTTP/1.1 200 OK\n\n{\"id\": \"bob\", \"name\": \"Bob\"}") +
		block("bob_same", "GET /users/bob", "HTTP/1.1 200 OK\n\n{\"id\":\"bob\"}")
	p, _ := docparse.Parse("docs/user.md", []byte(page))
	api, diags := Build([]*docparse.Page{p}, Config{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{
		"alice":        "op=GetUser pattern=GET /users/{userID} pin=true same= fake=[[Etag \"1\"]]",
		"bob":          "op=GetUser pattern=GET /users/{userID} pin=true same= fake=[]",
		"bob_selected": "op=GetUser pattern=GET /users/{userID} pin=false same= fake=[]",
		"bob_again":    "op=GetUser pattern=GET /users/{userID} pin=true same=bob fake=[]",
		"bob_same":     "op=GetUser pattern=GET /users/{userID} pin=true same=bob fake=[]",
	}
	seen := 0
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			x := op.Exchange(ex)
			got := fmt.Sprintf("op=%s pattern=%s pin=%v same=%s fake=%v", x.Op, x.Pattern, x.PinPath, x.SameRequestAs, x.FakeHeader)
			if got != want[x.Name] {
				t.Errorf("%s: %s\n want %s", x.Name, got, want[x.Name])
			}
			if !strings.HasPrefix(x.Source, "docs/user.md:") {
				t.Errorf("%s: source %q", x.Name, x.Source)
			}
			seen++
		}
	}
	if seen != len(want) {
		t.Errorf("%d examples, want %d", seen, len(want))
	}
	// Only the example answered otherwise than its request's first is said.
	var same []string
	for _, d := range diags {
		if d.Code == diag.SameRequest {
			same = append(same, d.Message)
		}
	}
	if len(same) != 1 || !strings.Contains(same[0], `example "bob_again" shows the request of example "bob"`) {
		t.Errorf("DB410: %q, want one for bob_again", same)
	}
}

// TestDocumentedBodies checks that an example keeps its bodies as the docs
// write them beside those the tests use, where placeholders were made valid.
func TestDocumentedBodies(t *testing.T) {
	request := "POST /events\nContent-Type: application/json\n\n{\n  \"subject\": \"Plan\",\n  \"start\": \"DateTimeOffset\", // when\n}"
	response := "HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\"id\": \"1\", \"start\": \"DateTimeOffset\"}"
	page := "# Create event\n## Example\n" +
		`<!-- { "blockType": "request", "name": "create_event" } -->` + "\n```http\n" + request + "\n```\n" +
		`<!-- { "blockType": "response" } -->` + "\n```http\n" + response + "\n```\n" +
		`<!-- { "blockType": "request", "name": "create_plain" } -->` + "\n```http\nPOST /events\n\n{\"subject\": \"Lunch\", \"start\": \"2018-10-04T00:58:45Z\"}\n```\n" +
		`<!-- { "blockType": "response" } -->` + "\n```http\nHTTP/1.1 201 Created\n\n{\"id\": \"2\", \"start\": \"2018-10-04T00:58:45Z\"}\n```\n"
	p, _ := docparse.Parse("docs/event.md", []byte(page))
	api, diags := Build([]*docparse.Page{p}, Config{})
	if diags.HasErrors() || len(api.Operations) != 1 {
		t.Fatal(diags)
	}
	xs := map[string]Exchange{}
	for _, ex := range api.Operations[0].Examples {
		xs[ex.Name] = api.Operations[0].Exchange(ex)
	}
	x := xs["create_event"]
	if !strings.Contains(x.RequestBody, `"start": "2006-01-02T15:04:05Z"`) || strings.Contains(x.RequestBody, "//") {
		t.Errorf("the tests' request body: %s", x.RequestBody)
	}
	if want := "{\n  \"subject\": \"Plan\",\n  \"start\": \"DateTimeOffset\", // when\n}"; x.DocRequestBody != want {
		t.Errorf("the documented request body: %q, want %q", x.DocRequestBody, want)
	}
	if !strings.Contains(x.ResponseBody, `"2006-01-02T15:04:05Z"`) || x.DocResponseBody != `{"id": "1", "start": "DateTimeOffset"}` {
		t.Errorf("the response bodies: %s, documented %s", x.ResponseBody, x.DocResponseBody)
	}
	if x := xs["create_plain"]; x.DocRequestBody != "" || x.DocResponseBody != "" {
		t.Errorf("an example the tests send as documented keeps a second body: %q, %q", x.DocRequestBody, x.DocResponseBody)
	}
}
