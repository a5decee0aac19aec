package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/templates"
)

// The README's section "Writing docs for docbind" holds a complete small API
// as doc pages, and quotes the Go code docbind generates from them. Each
// page and each quote is a fenced block preceded by a marker line, an HTML
// comment that GitHub does not show:
//
//	<!-- docbind-readme-page: api/note-get.md -->          a page, by its path in the docs folder
//	<!-- docbind-readme-excerpt: FILE Decl1 Decl2 -->      declarations of a generated file, as generated
//	<!-- docbind-readme-signatures -->                     lines that open functions of the generated code
//
// TestReadmeWorkedExample generates the pages and checks the quotes, so the
// README cannot go stale. `go test ./generator -run TestReadmeWorkedExample
// -update` rewrites the excerpts from the generated code.

const readmePath = "../README.md"

// readmeBlock is a marked fenced block of the README.
type readmeBlock struct {
	kind string   // page, excerpt, signatures or test
	args []string // the words after the kind
	line int      // the marker's line
	// text is the block's content, ending with a newline; start and end
	// are its byte offsets in the README.
	text       string
	start, end int
}

var readmeMarker = regexp.MustCompile(`^<!--\s*docbind-readme-([a-z]+)(?::\s*(.*?))?\s*-->\s*$`)

// readmeBlocks finds the marked blocks: a marker line, then a fence (``` or
// ~~~, three or more) whose content runs to the same fence.
func readmeBlocks(t *testing.T, readme string) []readmeBlock {
	t.Helper()
	var blocks []readmeBlock
	lines := strings.SplitAfter(readme, "\n")
	offset := 0
	for i := 0; i < len(lines); i++ {
		m := readmeMarker.FindStringSubmatch(strings.TrimRight(lines[i], "\n"))
		offset += len(lines[i])
		if m == nil {
			continue
		}
		b := readmeBlock{kind: m[1], args: strings.Fields(m[2]), line: i + 1}
		if i+1 >= len(lines) {
			t.Fatalf("README.md:%d: marker %s is not followed by a fenced block", b.line, m[0])
		}
		opener := strings.TrimRight(lines[i+1], "\n")
		fence := opener[:len(opener)-len(strings.TrimLeft(opener, "`~"))]
		if len(fence) < 3 || strings.Trim(fence, fence[:1]) != "" {
			t.Fatalf("README.md:%d: marker %s is not followed by a fenced block", b.line, m[0])
		}
		i++
		offset += len(lines[i])
		b.start = offset
		closed := false
		for i++; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == fence {
				b.end, closed = offset, true
				offset += len(lines[i])
				break
			}
			offset += len(lines[i])
		}
		if !closed {
			t.Fatalf("README.md:%d: the block after the marker is never closed with %s", b.line, fence)
		}
		b.text = readme[b.start:b.end]
		blocks = append(blocks, b)
	}
	return blocks
}

func TestReadmeWorkedExample(t *testing.T) {
	src, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(src)
	blocks := readmeBlocks(t, readme)

	// The pages, written to a docs folder as a doc author would.
	docs := t.TempDir()
	var pages []string
	for _, b := range blocks {
		if b.kind != "page" {
			continue
		}
		if len(b.args) != 1 || path.IsAbs(b.args[0]) || strings.Contains(b.args[0], "..") {
			t.Fatalf("README.md:%d: a page marker names one relative path, not %q", b.line, b.args)
		}
		p := filepath.Join(docs, filepath.FromSlash(b.args[0]))
		if _, err := os.Stat(p); err == nil {
			t.Fatalf("README.md:%d: page %s is in the README twice", b.line, b.args[0])
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(b.text), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b.args[0])
	}
	if len(pages) < 6 {
		t.Fatalf("README.md holds %d marked pages (%v); the worked example has a resource page and five operation pages", len(pages), pages)
	}

	// As `docbind -docs docs -out notes` runs it: positions name the docs
	// folder relative to the output folder.
	res, err := Generate(os.DirFS(docs), Options{DocsLabel: "../docs", Package: "notes"})
	if err != nil {
		t.Fatalf("the README's worked example does not generate:\n%v", err)
	}
	if len(res.Diags) > 0 {
		t.Fatalf("the README's worked example generates with warnings; it must have none:\n%s", diag.ErrorList(res.Diags).Error())
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Name] = string(f.Content)
	}

	t.Run("quotes", func(t *testing.T) {
		checkReadmeQuotes(t, readme, blocks, files, pages)
	})

	t.Run("module", func(t *testing.T) {
		if testing.Short() {
			t.Skip("builds and tests the generated module; skipped with -short")
		}
		claims := templates.File{Name: "readme_claims_test.go", Content: []byte(readmeClaimsTest)}
		dir := writeModule(t, "notes", append(res.Files, claims))
		for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "-vet=off", "./..."}} {
			if out, err := goCmd(dir, args...); err != nil {
				t.Fatalf("go %s in the worked example's generated package: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
	})
}

// checkReadmeTest requires a block of test code the README shows to be
// in the test file its marker names, which go test runs.
func checkReadmeTest(t *testing.T, b readmeBlock) {
	t.Helper()
	if len(b.args) != 1 {
		t.Errorf("README.md:%d: a test marker names one file, not %q", b.line, b.args)
		return
	}
	src, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(b.args[0])))
	if err != nil {
		t.Errorf("README.md:%d: %v", b.line, err)
		return
	}
	if !strings.Contains(string(src), b.text) {
		t.Errorf("README.md:%d: %s does not hold the code the README shows:\n%s", b.line, b.args[0], b.text)
	}
}

// checkReadmeQuotes checks each excerpt and signature list of the README
// against the generated files; with -update it rewrites the excerpts.
func checkReadmeQuotes(t *testing.T, readme string, blocks []readmeBlock, files map[string]string, pages []string) {
	normalize := sourcePathNormalizer(pages)
	var out strings.Builder
	last := 0
	excerpts := 0
	for _, b := range blocks {
		switch b.kind {
		case "page":
		case "test":
			checkReadmeTest(t, b)
		case "signatures":
			checkSignatures(t, b, files)
		case "excerpt":
			excerpts++
			if len(b.args) < 2 {
				t.Errorf("README.md:%d: an excerpt marker names a generated file and the declarations it quotes", b.line)
				continue
			}
			src, ok := files[b.args[0]]
			if !ok {
				t.Errorf("README.md:%d: docbind generates no file %s from the worked example", b.line, b.args[0])
				continue
			}
			want, err := declarations(b.args[0], src, b.args[1:])
			if err != nil {
				t.Errorf("README.md:%d: %v", b.line, err)
				continue
			}
			if *update {
				out.WriteString(readme[last:b.start])
				out.WriteString(want)
				last = b.end
				continue
			}
			if normalize(b.text) != normalize(want) {
				t.Errorf("README.md:%d: the excerpt of %s (%s) is not what docbind generates; run `go test ./generator -run TestReadmeWorkedExample -update` and review the diff.\ngenerated:\n%s",
					b.line, b.args[0], strings.Join(b.args[1:], ", "), want)
			}
		default:
			t.Errorf("README.md:%d: unknown marker docbind-readme-%s", b.line, b.kind)
		}
	}
	if excerpts == 0 {
		t.Error("README.md quotes no generated code (no docbind-readme-excerpt marker)")
	}
	if *update && last > 0 {
		out.WriteString(readme[last:])
		if out.String() != readme {
			if err := os.WriteFile(readmePath, []byte(out.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Log("rewrote the excerpts of README.md from the generated code")
		}
	}
}

// checkSignatures requires each line of the block to open a function of
// the generated code, as written there.
func checkSignatures(t *testing.T, b readmeBlock, files map[string]string) {
	t.Helper()
	n := 0
	for _, line := range strings.Split(b.text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		found := false
		for _, src := range files {
			if strings.Contains(src, "\n"+line+" {\n") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("README.md:%d: no generated function is declared as\n\t%s", b.line, line)
		}
	}
	if n == 0 {
		t.Errorf("README.md:%d: the signature list is empty", b.line)
	}
}

// declarations returns the named top-level declarations of a generated
// file, each with its doc comment, as written there, separated by blank
// lines.
func declarations(file, src string, names []string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, name := range names {
		var node ast.Node
		var doc *ast.CommentGroup
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name {
					node, doc = d, d.Doc
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == name && len(d.Specs) == 1 {
						node, doc = d, d.Doc
					}
				}
			}
		}
		if node == nil {
			return "", fmt.Errorf("%s declares no function or type %s", file, name)
		}
		start := node.Pos()
		if doc != nil {
			start = doc.Pos()
		}
		parts = append(parts, src[fset.Position(start).Offset:fset.Position(node.End()).Offset])
	}
	return strings.Join(parts, "\n\n") + "\n", nil
}

// sourcePathNormalizer rewrites the positions generated code cites
// (docs/api/note-list.md:32) to the page's path in the docs folder
// (api/note-list.md:32), whatever folder they are written relative to, so
// that how positions name the docs folder can change without the README.
func sourcePathNormalizer(pages []string) func(string) string {
	var alts []string
	for _, p := range pages {
		alts = append(alts, regexp.QuoteMeta(p))
	}
	re := regexp.MustCompile(`[^\s"'(]*/(` + strings.Join(alts, "|") + `):`)
	return func(s string) string { return re.ReplaceAllString(s, "$1:") }
}

// readmeClaimsTest is added to the worked example's generated package: it
// checks what the README says of the generated API, the signatures by the
// compiler and the behaviour against the generated fake.
const readmeClaimsTest = `package notes

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

var (
	_ func(*Client, context.Context, *ListNotesOptions) (*NoteCollectionResponse, error) = (*Client).ListNotes
	_ func(*Client, context.Context, *ListNotesOptions) iter.Seq2[Note, error]           = (*Client).ListNotesAll
	_ func(*Client, context.Context, string) (*Note, error)                              = (*Client).GetNote
	_ func(*Client, context.Context, *Note) (*Note, error)                               = (*Client).CreateNote
	_ func(*Client, context.Context, string, *Note, *UpdateNoteOptions) (*Note, error)   = (*Client).UpdateNote
	_ func(*Client, context.Context, string) error                                       = (*Client).DeleteNote
)

// The fields the README's worked example says the docs make.
var (
	_ []Note           = NoteCollectionResponse{}.Value
	_ string           = NoteCollectionResponse{}.ODataNextLink
	_ *int             = ListNotesOptions{}.Top
	_ string           = UpdateNoteOptions{}.IfMatch
	_ string           = Note{}.ID
	_ string           = Note{}.Title
	_ Nullable[string] = Note{}.Body
	_ NoteColor        = Note{}.Color
	_ *bool            = Note{}.Pinned
	_ int32            = Note{}.WordCount
	_ []string         = Note{}.Tags
	_ time.Time        = Note{}.CreatedDateTime
	_                  = []NoteColor{NoteColorYellow, NoteColorGreen, NoteColorBlue}
)

func TestReadmeClaims(t *testing.T) {
	srv := httptest.NewServer(NewExampleHandler())
	defer srv.Close()
	ctx := t.Context()
	c := NewClient(srv.URL)

	top := 2
	n := 0
	for _, err := range c.ListNotesAll(ctx, &ListNotesOptions{Top: &top}) {
		if err != nil {
			t.Fatalf("ListNotesAll: %v", err)
		}
		n++
	}
	if n < 2 {
		t.Errorf("ListNotesAll yielded %d notes, want the documented ones", n)
	}

	note, err := c.GetNote(ctx, "n1")
	if err != nil || note.ID != "n1" || !note.Body.Null {
		t.Errorf("GetNote(n1) = %+v, %v; want the documented note, whose body is null", note, err)
	}
	var apiErr *APIError
	if _, err := c.GetNote(ctx, "n404"); !errors.As(err, &apiErr) || apiErr.Code != "itemNotFound" || apiErr.StatusCode != http.StatusNotFound {
		t.Errorf("GetNote(n404) error = %v; want the documented 404 itemNotFound", err)
	}

	if err := c.DeleteNote(ctx, "n1"); err != nil {
		t.Errorf("DeleteNote: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, "DELETE", srv.URL+"/notes/n1", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE /notes/n1 answered %d, want 204", resp.StatusCode)
	}
}
`

// TestReadmeBlocks checks the reader of marked blocks on a small README.
func TestReadmeBlocks(t *testing.T) {
	readme := "# x\n\n<!-- docbind-readme-page: api/a.md -->\n````markdown\n# A\n```http\nGET /a\n```\n````\n\ntext\n" +
		"<!-- docbind-readme-excerpt: a_gen.go T F -->\n```go\ntype T int\n```\n"
	blocks := readmeBlocks(t, readme)
	if len(blocks) != 2 {
		t.Fatalf("found %d blocks, want 2", len(blocks))
	}
	if b := blocks[0]; b.kind != "page" || strings.Join(b.args, " ") != "api/a.md" || b.text != "# A\n```http\nGET /a\n```\n" || b.line != 3 {
		t.Errorf("page block = %+v", b)
	}
	if b := blocks[1]; b.kind != "excerpt" || strings.Join(b.args, " ") != "a_gen.go T F" || b.text != "type T int\n" || readme[b.start:b.end] != b.text {
		t.Errorf("excerpt block = %+v", b)
	}
	norm := sourcePathNormalizer([]string{"api/a.md"})
	for _, in := range []string{"// Source: docs/api/a.md:3", "// Source: ../apidocs/api/a.md:3"} {
		if got := norm(in); got != "// Source: api/a.md:3" {
			t.Errorf("normalized %q to %q", in, got)
		}
	}
	if got := norm(`source: "docs/api/a.md:3",`); got != `source: "api/a.md:3",` {
		t.Errorf("normalized a quoted source to %q", got)
	}
}
