package model

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/docbind/docbind/generator/diag"
)

// uniqueExampleNames gives every example a name no other example has,
// across the docs. A name is what a generated subtest runs as, what a
// fake is asked for (the Docbind-Example header) and what its log
// prints, so two examples of one name would be told apart only by the
// number go test appends (get_note#01), by their order. The first in page
// order keeps the name; each later one takes the first of name_2, name_3...
// that no example is named, with a warning when the docs gave it the name
// (a name docbind made, after a page's file name, is its own to change).
func (b *builder) uniqueExampleNames(docs []*pageOps) {
	taken := map[string]bool{}
	for _, d := range docs {
		for _, r := range d.requests {
			if r.response != nil {
				taken[subtestKey(r.name)] = true
			}
		}
	}
	first := map[string]*docRequest{}
	for _, d := range docs {
		for _, r := range d.requests {
			if r.response == nil {
				continue
			}
			key := subtestKey(r.name)
			other := first[key]
			if other == nil {
				first[key] = r
				continue
			}
			b.rename(r, other, taken)
		}
	}
}

// rename names r, whose name other has, after it: name_2, name_3...
func (b *builder) rename(r, other *docRequest, taken map[string]bool) {
	name := r.name
	for i := 2; taken[subtestKey(name)]; i++ {
		name = fmt.Sprintf("%s_%d", r.name, i)
	}
	taken[subtestKey(name)] = true
	if r.namedByDocs() {
		where := "on this page"
		if other.block.AnnotationPos.File != r.block.AnnotationPos.File {
			where = "on another page"
		}
		b.diags.Warnf(r.block.AnnotationPos, diag.DuplicateExampleName, "example name %q is taken by the example at %s (%s); this one is named %q", r.name, other.block.AnnotationPos, where, name)
	}
	r.name = name
}

// subtestKey is a name as go test runs a subtest of it, which writes
// spaces as underscores: "get note" and "get_note" are one subtest.
func subtestKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return '_'
		}
		return r
	}, name)
}

// namedByDocs reports an example whose annotation names it, rather than
// one docbind named after its line or its page's file.
func (r *docRequest) namedByDocs() bool {
	return !r.plain && len(r.block.Annotation.Names) > 0
}
