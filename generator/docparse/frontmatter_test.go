package docparse

import (
	"strings"
	"testing"
)

// TestFrontMatter: a page's YAML front matter is blanked out of the
// Markdown, and one that the docs site's YAML reader would refuse is
// reported (DB109), at its first bad line.
func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		front     string // the page's first lines, before "# Title"
		wantDiags []string
	}{
		{name: "none", front: ""},
		{name: "flat keys", front: "---\ntitle: \"Get user\"\ndescription: Retrieve the properties of a user.\nms.localizationpriority: high\nauthor: \"\"\n---\n"},
		{name: "trailing blanks on the delimiters, CRLF", front: "--- \r\ntitle: x\r\n---\t\r\n"},
		{name: "closed by ...", front: "---\ntitle: x\n...\n"},
		{name: "empty", front: "---\n---\n"},
		{name: "a list under a key, comments, blank lines, nested keys", front: "---\n# metadata\ntoc.keywords:\n- foo\n- bar\n\nms.custom:\n  a: b\n  - c\ntitle: x # the title\n---\n"},
		{name: "single quotes with an escaped quote; a colon in quotes", front: "---\ntitle: 'It''s: here'\ndescription: \"a: b \\\" c\"\n---\n"},
		{name: "a double-quoted value over two lines", front: "---\ndescription: \"one\n  two\"\ntitle: x\n---\n"},
		{
			name:      "text after a closing quote",
			front:     "---\ntitle: \"Get\" user\n---\n",
			wantDiags: []string{`2:14: warning DB109: YAML front matter: text after the value's closing quote`},
		},
		{name: "URLs and times in plain values", front: "---\nurl: https://example.com/a\ntime: 10:30\n---\n"},
		{name: "block scalar", front: "---\ndescription: >\n  folded text: with a colon\ntitle: x\n---\n"},
		{
			name:      "never closed",
			front:     "---\ntitle: x\n",
			wantDiags: []string{"1:1: warning DB109: YAML front matter: the page starts with a --- line, which opens YAML front matter, but no later --- line closes it"},
		},
		{
			name:      "a line that is not key: value",
			front:     "---\ntitle: x\nthis is prose\n---\n",
			wantDiags: []string{`3:1: warning DB109: YAML front matter: "this is prose" is not "key: value", a list item or a comment`},
		},
		{
			name:      "key without a space after its colon",
			front:     "---\ntitle:x\n---\n",
			wantDiags: []string{`2:1: warning DB109: YAML front matter: "title:x" is not "key: value"`},
		},
		{
			name:      "closing quote missing (ApiDoctor's malformed YAML test)",
			front:     "---\ntitle: \"Define the /me as singleton\ndescription: \"These are things\"\n---\n",
			wantDiags: []string{`2:8: warning DB109: YAML front matter: the value's opening " is not closed on its line, and the quote that closes it on line 3 is followed by text`},
		},
		{
			name:      "closing quote missing at the end",
			front:     "---\ntitle: x\ndescription: \"no end\n---\n",
			wantDiags: []string{`3:14: warning DB109: YAML front matter: the value's opening " is never closed`},
		},
		{
			name:      "a colon and space in a plain value",
			front:     "---\ntitle: Get user: details\n---\n",
			wantDiags: []string{`2:16: warning DB109: YAML front matter: the value holds ": "`},
		},
		{
			name:      "a list item under a key with a value",
			front:     "---\ntitle: x\n- y\n---\n",
			wantDiags: []string{`3:1: warning DB109: YAML front matter: a list item ("- y") belongs under a key with no value`},
		},
		{
			name:      "a key given twice",
			front:     "---\ntitle: x\nauthor: a\ntitle: y\n---\n",
			wantDiags: []string{`4:1: warning DB109: YAML front matter: the key "title" is given twice (first on line 2)`},
		},
		{
			name:      "a reserved first character",
			front:     "---\ntitle: `code` here\n---\n",
			wantDiags: []string{"2:8: warning DB109: YAML front matter: a value cannot start with `"},
		},
		{
			name:      "markdown emphasis read as an alias",
			front:     "---\ntitle: *Note*\n---\n",
			wantDiags: []string{"2:8: warning DB109: YAML front matter: a value cannot start with *"},
		},
		{
			name:      "tab indentation",
			front:     "---\nkeywords:\n\t- a\n---\n",
			wantDiags: []string{"3:1: warning DB109: YAML front matter: a line indented with a tab"},
		},
		{
			name:      "the closing line forgotten: prose up to a later --- is counted, reported once",
			front:     "---\ntitle: x\n\nSome prose.\nMore prose.\n\n---\n",
			wantDiags: []string{`4:1: warning DB109: YAML front matter: "Some prose." is not "key: value", a list item or a comment (and 1 more line of the front matter)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.front + "# Title\n\nIntro text.\n"
			page, diags := Parse("p.md", []byte(src))
			checkDiags(t, diags, tt.wantDiags)
			wantLine := strings.Count(tt.front, "\n") + 1
			if page.Title != "Title" || page.TitlePos.Line != wantLine || page.Intro != "Intro text." {
				t.Errorf("title %q at %v, intro %q; want the title on line %d", page.Title, page.TitlePos, page.Intro, wantLine)
			}
		})
	}
}

// TestFrontMatterNotClosedIsMarkdown: front matter that is never closed
// is not front matter: goldmark reads the page as it is.
func TestFrontMatterNotClosedIsMarkdown(t *testing.T) {
	page, _ := Parse("p.md", []byte("---\n# Title\n"))
	if page.Title != "Title" {
		t.Errorf("title %q", page.Title)
	}
	// A page of one line opens nothing.
	if _, diags := Parse("p.md", []byte("---")); len(diags) != 0 {
		t.Errorf("diagnostics %v", diags)
	}
}
