package generator

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/docbind/docbind/templates"
)

var (
	routingN    = flag.Int("routing.n", 4, "TestRoutingDocsPass: how many folders of colliding routes to generate and test")
	routingSeed = flag.Int("routing.seed", 0, "TestRoutingDocsPass: the seed of the first folder")
)

// routingDocs writes a docs folder whose URLs are built to collide in a
// router: whole-segment wildcards at every depth beside literal segments,
// OData function calls with and without arguments, keys inside a segment
// (roleTemplateId={id}), path addressing (root:/{path}:/content) and a
// wildcard at the root, each URL on a page of its own with an example
// whose path fills the URL with concrete values. The generated package's
// tests must pass whatever collides: a URL the router cannot give its own
// operation is a diagnostic, never a red test.
func routingDocs(c *chooser) fstest.MapFS {
	pages := fstest.MapFS{}
	seen := map[string]bool{}
	for i, n := 0, 5+c.intn(8); i < n; i++ {
		method := pick(c, []string{"GET", "GET", "GET", "POST", "DELETE", "PATCH"})
		template, concrete := routingURL(c)
		if seen[method+" "+template] {
			continue
		}
		seen[method+" "+template] = true
		name := fmt.Sprintf("op%02d", i)
		pages["api/"+name+".md"] = &fstest.MapFile{Data: []byte(routingPage(name, method, template, concrete))}
	}
	return pages
}

// routingSegment is a kind of URL segment: its template and a concrete
// instance of it.
type routingSegment struct{ template, concrete string }

var routingSegments = []func(c *chooser, depth int) routingSegment{
	func(c *chooser, depth int) routingSegment {
		w := pick(c, []string{"items", "reviews", "roles", "me", "root", "children"})
		return routingSegment{w, w}
	},
	func(c *chooser, depth int) routingSegment {
		return routingSegment{fmt.Sprintf("{id%d}", depth), pick(c, []string{"a1", "x-2", "filterByCurrentUser(on='reviewer')", "roleTemplateId=t1"})}
	},
	func(c *chooser, depth int) routingSegment {
		fn := pick(c, []string{"filterByCurrentUser", "getTopics", "delta"})
		return routingSegment{fmt.Sprintf("%s(on='{on%d}')", fn, depth), fn + "(on='reviewer')"}
	},
	func(c *chooser, depth int) routingSegment {
		fn := pick(c, []string{"getTopics", "delta", "recent"})
		return routingSegment{fn, fn}
	},
	func(c *chooser, depth int) routingSegment {
		return routingSegment{fmt.Sprintf("roleTemplateId={template%d}", depth), "roleTemplateId=t1"}
	},
}

// routingURL is a URL template of one to four segments, and a concrete
// path of it; now and then OneDrive path addressing ends it.
func routingURL(c *chooser) (template, concrete string) {
	var ts, cs []string
	for depth, n := 0, 1+c.intn(4); depth < n; depth++ {
		seg := pick(c, routingSegments)(c, depth)
		ts, cs = append(ts, seg.template), append(cs, seg.concrete)
	}
	template, concrete = "/"+strings.Join(ts, "/"), "/"+strings.Join(cs, "/")
	if c.chance(1, 6) {
		template, concrete = "/drive/root:/{itemPath}:/content", "/drive/root:/a/b.txt:/content"
	}
	return template, concrete
}

func routingPage(name, method, template, concrete string) string {
	status, body := "200 OK", "\nContent-Type: application/json\n\n{ \"id\": \"r1\", \"name\": \"n\" }"
	if method == "DELETE" {
		status, body = "204 No Content", ""
	}
	request := method + " https://api.example.com/v1.0" + concrete
	if method == "POST" || method == "PATCH" {
		request += "\nContent-Type: application/json\n\n{ \"name\": \"n\" }"
	}
	return fmt.Sprintf("# Operation %s\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n%s %s\n```\n\n"+
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": %q } -->\n```http\n%s\n```\n\n"+
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"example.thing\" } -->\n```http\nHTTP/1.1 %s%s\n```\n",
		name, method, template, name, request, status, body)
}

// TestRoutingDocsPass generates -routing.n folders of colliding routes
// (routingDocs) and runs each generated package's tests in one module:
// every folder must generate, type-check, and pass.
func TestRoutingDocsPass(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated packages; skipped with -short")
	}
	dir := writeModule(t, "seeds", nil)
	for i := *routingSeed; i < *routingSeed+*routingN; i++ {
		docs := routingDocs(newChooser(uint64(i), nil))
		pkg := fmt.Sprintf("seed%d", i)
		res, err := Generate(docs, Options{DocsLabel: "docs", Package: pkg})
		if err != nil {
			t.Fatalf("%s: %v\n%s", pkg, err, docsText(docs))
		}
		writePackage(t, filepath.Join(dir, pkg), res.Files)
	}
	// go test runs vet's checks too; the cases and corpora run go vet whole.
	if out, err := goCmd(dir, "test", "-count=1", "./..."); err != nil {
		t.Fatalf("go test: %v\n%s", err, out)
	}
}

// writePackage writes a generated package's files into folder.
func writePackage(t *testing.T, folder string, files []templates.File) {
	t.Helper()
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(folder, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
