package cli

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/docbind/docbind/generator/diag"
)

// docsPaths are the two ways a run names the docs folder, as slash paths.
// The generator names pages one way, generated; what the CLI prints is
// turned into the other, shown.
type docsPaths struct {
	// generated is the docs folder relative to the output folder. The
	// generated files (and the OpenAPI document) name pages so, which
	// makes them the same bytes whatever folder docbind runs in: go
	// generate runs it in the package's folder, CI often at the module's
	// root, and both must agree for -check to pass.
	generated string
	// shown is the docs folder as the working folder reaches it: the
	// diagnostics and -v name pages so, as compilers print positions, so
	// that an editor or a terminal opens them from there.
	shown string
}

func newDocsPaths(docs, out string) docsPaths {
	return docsPaths{generated: docsFromOut(docs, out), shown: docsShown(docs)}
}

// docsFromOut is the docs folder relative to the output folder. Both are
// made absolute from the working folder first, so the answer does not
// depend on it. On another volume (Windows) there is no relative path:
// the folder's name stands for it, never an absolute path.
func docsFromOut(docs, out string) string {
	absDocs, err1 := filepath.Abs(docs)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(filepath.Base(filepath.Clean(docs)))
	}
	rel, err := filepath.Rel(absOut, absDocs)
	if err != nil {
		return filepath.ToSlash(filepath.Base(absDocs))
	}
	return filepath.ToSlash(rel)
}

// docsShown is the docs folder as typed when relative, and relative to
// the working folder when absolute but under it; else absolute, which
// still opens from anywhere.
func docsShown(docs string) string {
	if !filepath.IsAbs(docs) {
		return filepath.ToSlash(filepath.Clean(docs))
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, docs); err == nil && !climbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(docs))
}

// climbs reports whether a relative path starts by leaving its folder.
func climbs(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// diags names the pages of the generator's diagnostics (and of their
// related positions) as shown, and sorts them again, since names changed.
func (p docsPaths) diags(list diag.List) diag.List {
	if p.generated == p.shown || len(list) == 0 {
		return list
	}
	out := make(diag.List, len(list))
	for i, d := range list {
		d.Pos.File = p.file(d.Pos.File)
		d.Message = p.text(d.Message)
		if len(d.Related) > 0 {
			related := make([]diag.Related, len(d.Related))
			for j, rel := range d.Related {
				rel.Pos.File = p.file(rel.Pos.File)
				rel.Message = p.text(rel.Message)
				related[j] = rel
			}
			d.Related = related
		}
		out[i] = d
	}
	return out.Sorted()
}

// err is diags for an error that holds the generator's diagnostics.
func (p docsPaths) err(err error) error {
	if list, ok := err.(diag.ErrorList); ok {
		return diag.ErrorList(p.diags(diag.List(list)))
	}
	return err
}

// file names a page (or the docs folder) as shown; other names are kept.
func (p docsPaths) file(name string) string {
	if name == p.generated {
		return p.shown
	}
	if rest, ok := strings.CutPrefix(name, p.generated+"/"); ok {
		return path.Join(p.shown, rest)
	}
	return name
}

// text names as shown the page positions in a text: a message that says
// where else something is documented, or -v's report. A position is
// where a word starts with the generated folder and names a .md page, so
// a URL or a JSON value that happens to contain the folder's name is
// left alone.
func (p docsPaths) text(s string) string {
	if p.generated == p.shown {
		return s
	}
	prefix := p.generated + "/"
	var b strings.Builder
	for from := 0; ; {
		i := strings.Index(s[from:], prefix)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		i += from
		end := i + wordEnd(s[i:])
		if i > 0 && inPath(s[i-1]) || !strings.Contains(strings.ToLower(s[i:end]), ".md") {
			from = i + len(prefix)
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(p.file(s[i:end]))
		s, from = s[end:], 0
	}
}

// wordEnd is where the word at the start of s ends: positions stand
// between spaces, parentheses, quotes and punctuation in messages.
func wordEnd(s string) int {
	if i := strings.IndexAny(s, " \t\n)\"',;"); i >= 0 {
		return i
	}
	return len(s)
}

// inPath reports whether c can be part of a path before a folder name, so
// that a match after it is the end of another path, not one of ours.
func inPath(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._-/\\~+@", c) >= 0
}
