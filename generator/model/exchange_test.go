package model

import (
	"fmt"
	"strings"
	"testing"

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
		block("bob_again", "GET /users/bob", "HTTP/1.1 200 OK\n\n{\"id\": \"bob\", \"name\": \"Bob\"}")
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
}
