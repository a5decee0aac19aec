package generator

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/templates"
)

// contradictionPages are pages whose examples contradict the type their
// page links or their annotation names: a count that answers a number
// while the Response section links the entity it counts, a list of ids
// annotated as a collection of entities, and strings where a collection
// of objects is declared. Each used to fail the generated round trip.
func contradictionPages() []Source {
	fence := func(annotation, code string) string {
		if annotation != "" {
			annotation = "<!-- " + annotation + " -->\n"
		}
		return annotation + "```http\n" + code + "\n```\n\n"
	}
	resource := func(title, odata, body string) string {
		return "# " + title + " resource type\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"" + odata + "\" } -->\n```json\n" + body + "\n```\n"
	}
	return []Source{
		{Path: "resources/gadget.md", Data: []byte(resource("gadget", "example.gadget", `{"id": "String (identifier)", "size": 1024}`))},
		{Path: "resources/capabilities.md", Data: []byte(resource("capabilities", "example.capabilities", `{"qualities": [{"@odata.type": "example.quality"}], "copies": 1}`))},
		{Path: "resources/quality.md", Data: []byte(resource("quality", "example.quality", `{"name": "String"}`))},
		{Path: "api/gadget-count.md", Data: []byte("# getGadgetCount function\n\nCounts gadgets.\n\n## HTTP request\n\n" +
			fence("", "GET /gadgets/getGadgetCount") +
			"## Response\n\nIf successful, returns the number of [gadget](../resources/gadget.md) objects.\n\n## Example\n\n" +
			fence("", "GET https://graph.microsoft.com/v1.0/gadgets/getGadgetCount") +
			fence("", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"value\": 12\n}"))},
		{Path: "api/gadget-ids.md", Data: []byte("# List gadget ids\n\nLists the ids of gadgets.\n\n## Example\n\n" +
			fence(`{ "blockType": "request", "name": "list_gadget_ids" }`, "GET https://graph.microsoft.com/v1.0/gadgets/ids") +
			fence(`{ "blockType": "response", "@odata.type": "example.gadget", "isCollection": true }`, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": [\"g1\", \"g2\"]}"))},
		{Path: "api/capabilities-get.md", Data: []byte("# Get capabilities\n\nGets capabilities.\n\n## Example\n\n" +
			fence(`{ "blockType": "request", "name": "get_capabilities" }`, "GET https://graph.microsoft.com/v1.0/capabilities") +
			fence(`{ "blockType": "response", "@odata.type": "example.capabilities" }`, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"qualities\": [\"high\"], \"copies\": 2}"))},
	}
}

var clientMethodLine = regexp.MustCompile(`(?m)^func \(c \*\w+\) [A-Z]\w*\(.*$`)

// clientAPI lists the generated files and the exported methods of the
// clients: what a user of the package writes against.
func clientAPI(files []templates.File) string {
	var lines []string
	for _, f := range files {
		lines = append(lines, "file "+f.Name)
		for _, m := range clientMethodLine.FindAll(f.Content, -1) {
			lines = append(lines, string(bytes.TrimSpace(m)))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestTranslatedEditionPasses generates a mini-edition of corpus pages and
// pages of contradicting examples, in English and translated into a
// Latin-script and a non-Latin-script language, and runs each generated
// package's go vet and tests in a module of its own: every edition gives
// the English edition's files and client methods, and its generated tests
// pass.
func TestTranslatedEditionPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated modules; skipped with -short")
	}
	english := append(translatedPages(t), contradictionPages()...)
	editions := map[string][]Source{"English": english}
	for _, tr := range translations {
		if tr.lang == "Portuguese" || tr.lang == "Chinese" {
			editions[tr.lang] = translateAll(english, tr)
		}
	}
	var want string
	for _, lang := range []string{"English", "Portuguese", "Chinese"} {
		res, err := GenerateFrom(editions[lang], Options{DocsLabel: "docs", Package: "edition"})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if lang == "English" {
			want = clientAPI(res.Files)
		} else if got := clientAPI(res.Files); got != want {
			t.Errorf("%s: files and client methods differ from English:\n got\n%s\nwant\n%s", lang, got, want)
		}
		if lang == "English" {
			// The translations give English's code: their packages are the
			// ones to build and test. (go test runs vet's checks too.)
			continue
		}
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			dir := writeModule(t, "edition", res.Files)
			if out, err := goCmd(dir, "test", "-count=1", "./..."); err != nil {
				t.Fatalf("go test: %v\n%s", err, out)
			}
		})
	}
}
