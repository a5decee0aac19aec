package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/docparse"
)

// PermissionKind is the kind of permission a row of a Permissions table
// grants: the convention's three, in the order the docs list them.
type PermissionKind int

// The kinds of permissions.
const (
	DelegatedWork     PermissionKind = iota // Delegated (work or school account)
	DelegatedPersonal                       // Delegated (personal Microsoft account)
	Application                             // Application: no signed-in user
)

// Delegated reports a permission a signed-in user delegates to the app.
func (k PermissionKind) Delegated() bool { return k != Application }

// Permission is one kind of permission of a page's Permissions table: the
// scopes that let an app call the operation, least to most privileged.
type Permission struct {
	Kind  PermissionKind
	Label string // the permission type as the docs write it: "Delegated (work or school account)"
	// Scopes are the alternatives, any one of which suffices: each is the
	// scopes it needs together, one, or several the docs join in one
	// item ("Policy.Read.All and Application.ReadWrite.All"). Empty when
	// the docs say the kind is not supported.
	Scopes [][]string
}

// pagePermissions reads the page's Permissions tables (Intune's pages call
// the section Prerequisites), found by their section's heading or its
// anchor (translated editions keep the English anchor), and by their
// shape: a row per permission type with its scopes,
// or a row per resource with a column per permission type. Several tables
// (one per resource a page serves) add up, each scope listed once.
func pagePermissions(p *docparse.Page) []Permission {
	var out []Permission
	for i := range p.Tables {
		t := &p.Tables[i]
		if !inPermissions(p, t) {
			continue
		}
		for _, perm := range permissionTable(t) {
			j := slices.IndexFunc(out, func(o Permission) bool { return o.Kind == perm.Kind })
			if j < 0 {
				out = append(out, Permission{Kind: perm.Kind, Label: perm.Label})
				j = len(out) - 1
			}
			for _, s := range perm.Scopes {
				if !slices.ContainsFunc(out[j].Scopes, func(o []string) bool { return slices.Equal(o, s) }) {
					out[j].Scopes = append(out[j].Scopes, s)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Permission) int { return int(a.Kind) - int(b.Kind) })
	return out
}

// permissionWords name the Permissions section; otherSections the other
// sections of an operation's page, which end it.
var (
	permissionWords = []string{"permission", "prerequisite"}
	otherSections   = []string{"http request", "request header", "request body", "response", "example", "query parameter", "propert", "relationship", "method"}
)

// inPermissions reports a table of the page's Permissions section: under
// its heading, or under a heading of its own inside the section ("### For
// users"): the nearest heading above the table that names a section of
// the page names that one.
func inPermissions(p *docparse.Page, t *docparse.Table) bool {
	if docparse.InSection(t.Heading, t.HeadingAnchors, permissionWords...) {
		return true
	}
	in := false
	for _, a := range p.Anchors {
		if a.Pos.Line >= t.Pos.Line {
			break
		}
		switch {
		case docparse.InSection("", []string{a.ID}, permissionWords...):
			in = true
		case docparse.InSection("", []string{a.ID}, otherSections...):
			in = false
		}
	}
	return in
}

// permissionTable reads one table of a Permissions section: nil when its
// shape is not a permissions table's (a table of properties under a
// heading that names permissions), so that only a table whose permission
// types are told apart and which names a scope counts.
func permissionTable(t *docparse.Table) []Permission {
	var labels []string
	var cells [][]string // by label: the cells of its scopes
	switch width := tableWidth(t); {
	case width == 2:
		// | Permission type | Permissions |: a row per type.
		for _, row := range t.Rows {
			if len(row.Cells) < 2 {
				continue
			}
			labels = append(labels, strings.TrimSpace(row.Cells[0].Text))
			cells = append(cells, []string{row.Cells[1].Text})
		}
	case width >= 3 && width <= 4 && len(t.Header) == width:
		// | Resource | Delegated (work...) | Delegated (personal...) | Application |:
		// a column per type, a row per resource it applies to.
		for col := 1; col < width; col++ {
			labels = append(labels, strings.TrimSpace(t.Header[col]))
			var column []string
			for _, row := range t.Rows {
				if col < len(row.Cells) {
					column = append(column, row.Cells[col].Text)
				}
			}
			cells = append(cells, column)
		}
	default:
		return nil
	}
	kinds := permissionKinds(labels)
	if kinds == nil {
		return nil
	}
	var out []Permission
	named := false
	for i, label := range labels {
		perm := Permission{Kind: kinds[i], Label: label}
		for _, cell := range cells[i] {
			for _, set := range scopeSets(cell) {
				if !slices.ContainsFunc(perm.Scopes, func(o []string) bool { return slices.Equal(o, set) }) {
					perm.Scopes = append(perm.Scopes, set)
				}
			}
		}
		named = named || len(perm.Scopes) > 0
		out = append(out, perm)
	}
	if !named {
		return nil
	}
	return out
}

// permissionKinds tells the permission types of a table apart: by their
// English words where the docs are in English, else by the convention's
// shape, which every edition keeps: the delegated types qualify the
// account in parentheses ("Delegiert (persönliches Microsoft-Konto)",
// "委任 (個人用 Microsoft アカウント)"), work or school first, personal
// second, and the application type has none. Nil when the labels are not
// three distinct kinds at most.
func permissionKinds(labels []string) []PermissionKind {
	if len(labels) == 0 || len(labels) > 3 {
		return nil
	}
	kinds := make([]PermissionKind, len(labels))
	delegated := 0
	for i, label := range labels {
		lower := strings.ToLower(label)
		switch {
		case strings.Contains(lower, "application") || strings.Contains(lower, "app-only"):
			kinds[i] = Application
		case strings.Contains(lower, "personal"):
			kinds[i] = DelegatedPersonal
		case strings.Contains(lower, "work") || strings.Contains(lower, "school") || strings.Contains(lower, "delegated"):
			kinds[i] = DelegatedWork
		case strings.ContainsAny(label, "(（"):
			kinds[i] = DelegatedWork
			if delegated > 0 {
				kinds[i] = DelegatedPersonal
			}
		case label != "":
			kinds[i] = Application
		default:
			return nil
		}
		if kinds[i].Delegated() {
			delegated++
		}
	}
	for i := range kinds {
		if slices.Contains(kinds[:i], kinds[i]) {
			return nil
		}
	}
	return kinds
}

// scopeName is a permission scope as the convention writes them: dotted
// names such as User.Read.All or Files.ReadWrite.AppFolder.
var scopeName = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+`)

// itemSeparator splits a scopes cell into its items: commas, semicolons
// and line breaks (<br/>) between them.
var itemSeparator = regexp.MustCompile(`(?i)[,;，、]|<br\s*/?>`)

// scopeSets reads a scopes cell: its items, least to most privileged,
// each the scopes in it. An item that names several with words between
// them joins them: the docs write "Policy.Read.All and
// Application.ReadWrite.All" for a call that needs both; English "or"
// between two names, or white space alone, makes each an item. A cell
// that names no scope ("Not supported.", "Nicht unterstützt.") has none.
func scopeSets(cell string) [][]string {
	var sets [][]string
	add := func(set []string) {
		if len(set) > 0 && !slices.ContainsFunc(sets, func(o []string) bool { return slices.Equal(o, set) }) {
			sets = append(sets, set)
		}
	}
	for _, item := range itemSeparator.Split(cell, -1) {
		for _, alt := range orSeparator.Split(item, -1) {
			var set []string
			end := -1
			for _, at := range scopeName.FindAllStringIndex(alt, -1) {
				s := alt[at[0]:at[1]]
				if isFileName(s) {
					continue
				}
				if end >= 0 && strings.TrimSpace(alt[end:at[0]]) == "" {
					// Names with nothing but space between them are a list
					// that lost its commas.
					add(set)
					set = nil
				}
				if !slices.Contains(set, s) {
					set = append(set, s)
				}
				end = at[1]
			}
			add(set)
		}
	}
	return sets
}

// orSeparator is the English "or" between two scopes of one item.
var orSeparator = regexp.MustCompile(`(?i)\s+or\s+`)

// isFileName reports a dotted name that is a link's page (resource.md),
// which a cell's text keeps when it links one.
func isFileName(s string) bool {
	return strings.HasSuffix(strings.ToLower(s), ".md")
}
