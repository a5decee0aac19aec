package model

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
	"github.com/docbind/docbind/generator/naming"
)

// How an operation is named (the README states the same rules):
//
//  1. Its words come from the page title, or from the title's anchor when
//     the title is not in English letters (translated editions keep the
//     English anchor: # <a name="list-users"></a>列出用户). Both are read as
//     the same slug, list-users, and each word takes the casing the docs'
//     own identifiers give it (driveitem -> driveItem, from the type, paths
//     and members), so a page and its translation give the same name.
//  2. Operations of different URLs that would share a name are told apart
//     by the items their URL hangs under (ListUsers for /users,
//     ListManagedDeviceUsers for /deviceManagement/managedDevices/{id}/users),
//     nearest first, then by the singletons it passes through; the one
//     operation whose URL hangs under no item keeps the plain name. What
//     qualifies a name depends on its own URL only, so a page added
//     elsewhere never renames it unless it documents the same title.
//  3. No number is ever appended, except as a last resort with a warning
//     (DB406) when nothing in the docs tells two names apart.

// opName is an operation being named.
type opName struct {
	draft  *opDraft
	base   string   // the Go name of its words: ListUsers
	head   string   // the first word of the title, before which nothing goes: List
	owners []string // Go words of the resources its URL hangs under, nearest first
	keyed  int      // how many owners are items of collections; the rest are singletons
	stem   string   // the page's file stem as a Go name: the last qualifier
	method string   // the first qualifier: the method where the page documents several, or the type a split operation returns
	from   string   // what the words came from, for -v
	level  int      // qualifiers used: 0 none, then owners, then the stem
}

// name is the Go name at the current level of qualification: the method
// first where the page documents several (UpdateBrandingPatch beside
// UpdateBrandingPut), then the owners its URL hangs under, outermost first
// (ListDeviceManagementManagedDeviceUsers), then the page's file name.
func (n *opName) name() string {
	level := n.level
	suffix := ""
	if n.method != "" && level > 0 {
		suffix, level = n.method, level-1
	}
	switch {
	case level == 0:
		return fit(n.base, suffix)
	case level <= len(n.owners):
		quals := slices.Clone(n.owners[:level])
		slices.Reverse(quals)
		return fit(n.head+strings.Join(quals, "")+strings.TrimPrefix(n.base, n.head), suffix)
	}
	return fit(n.base+suffix, fit("In"+n.stem, ""))
}

func (n *opName) maxLevel() int {
	if n.method != "" {
		return len(n.owners) + 2
	}
	return len(n.owners) + 1
}

// nameOperations names every operation of the docs, once all pages are
// read: whether a name needs qualifying depends on the other pages.
func (b *builder) nameOperations(docs []*pageOps) {
	dict := b.caseDictionary(docs)
	b.caseDict = dict
	var all []*opName
	for _, d := range docs {
		for _, dr := range d.ops {
			all = append(all, b.newOpName(d.page, dr, dict))
		}
	}
	settleNames(all, b.reservedOpNames())
	taken := naming.Set{}
	taken.Reserve(b.reservedOpNames()...)
	for _, n := range all {
		op := n.draft.op
		op.Name, op.NameFrom = n.name(), n.describe()
		if override, ok := b.cfg.OperationNames[op.Name]; ok {
			op.NameFrom += "; renamed from " + op.Name + " by docbind.json"
			op.Name = override
		}
		if taken.Taken(op.Name) {
			unique := taken.Unique(op.Name)
			b.diags.Warnf(op.Source, diag.NameNumbered, "nothing in the docs tells operation %s (%s) from another of that name; it is named %s", op.Name, op.Title, unique)
			op.Name = unique
		} else {
			taken.Reserve(op.Name)
		}
		n.draft.requestName = op.Name + "Request"
		b.clientNames.Reserve(op.Name)
		b.opNames = append(b.opNames, op.Name)
	}
	b.checkRenames(all)
}

func (b *builder) reservedOpNames() []string {
	// Unimplemented is embedded in the generated test Server, whose methods
	// are the operations': an operation of that name would clash with it.
	return []string{"NewClient", "NewHandler", "WithHTTPClient", "WithHeader", "WithBearerToken", "WithMaxBodyBytes", "NullableOf", "Null", "Unimplemented", "NewExampleHandler", "WithServer", "WithExampleLog"}
}

// settleNames qualifies names until no two are equal: in each set of equal
// names, the one whose URL hangs under no item keeps it and the others take
// their next qualifier; when none or several hang under no item, all do.
func settleNames(all []*opName, reserved []string) {
	for changed := true; changed; {
		changed = false
		byName := map[string][]*opName{}
		for _, n := range all {
			name := n.name()
			byName[name] = append(byName[name], n)
		}
		for _, name := range sortedKeys(byName) {
			group := byName[name]
			if len(group) == 1 && !slices.Contains(reserved, name) {
				continue
			}
			keeper := -1 // the one name that hangs under nothing, if only one does
			for i, n := range group {
				if n.level == 0 && n.keyed == 0 && !slices.Contains(reserved, name) {
					if keeper != -1 {
						keeper = -1
						break
					}
					keeper = i
				}
			}
			for i, n := range group {
				if i != keeper && n.level < n.maxLevel() {
					n.level++
					changed = true
				}
			}
		}
	}
}

func (b *builder) newOpName(p *docparse.Page, dr *opDraft, dict map[string]string) *opName {
	words, from := titleWords(p)
	if dr.namedAfterExample && len(dr.requests) > 0 {
		words, from = exampleWords(exampleName(dr.requests[0].block)), "example "+exampleName(dr.requests[0].block)
	}
	if dr.namedAfterExample && slices.Equal(words, titleOnly(p)) {
		// Split off its page's operation at the same URL for another kind
		// of result: the kind tells it apart.
		kind := ResultNone
		if resp := successResponse(dr.requests); resp != nil {
			kind = resultKind(resp)
		}
		words = append(words, "returning", kindWord(kind))
	}
	words = fitWords(recase(words, dict))
	stem := naming.Exported(strings.Join(recase(slugWords(strings.TrimSuffix(path.Base(p.Path), ".md")), dict), " "))
	if len(words) == 0 {
		words, from = []string{strings.ToLower(dr.op.Method), stem}, "the page's file name"
	}
	first := ""
	switch {
	case dr.severalMethods:
		first = naming.Exported(strings.ToLower(dr.op.Method))
	case dr.splitType != "":
		first = "Returning" + naming.Exported(recaseWord(shortName(dr.splitType), dict))
	}
	n := &opName{method: first, draft: dr, base: naming.Exported(strings.Join(words, " ")), head: naming.Exported(words[0]), stem: stem, from: from}
	keyed, singletons := urlOwners(dr.firstPath())
	for i, owner := range slices.Concat(keyed, singletons) {
		q := naming.Exported(naming.Singular(recaseWord(owner, dict)))
		if !strings.Contains(strings.ToLower(n.base), strings.ToLower(q)) {
			n.owners = append(n.owners, q)
			if i < len(keyed) {
				n.keyed++
			}
		}
	}
	return n
}

func titleOnly(p *docparse.Page) []string {
	words, _ := titleWords(p)
	return words
}

func kindWord(k ResultKind) string {
	switch k {
	case ResultJSON:
		return "JSON"
	case ResultContent:
		return "content"
	case ResultAccepted:
		return "accepted"
	}
	return "nothing"
}

// fitWords keeps the leading words of a long title that fit in
// maxNameLen as a Go name: "Delete permissionGrantConditionSet from
// excludes collection of permissionGrantPolicy" ->
// DeletePermissionGrantConditionSetFromExcludesCollection.
func fitWords(words []string) []string {
	if len(naming.Exported(strings.Join(words, " "))) <= maxNameLen {
		return words
	}
	// Go words, so that a long camelCase word (a function's name) loses
	// its tail, not all of itself.
	var goWords []string
	for _, w := range words {
		goWords = append(goWords, naming.Words(w)...)
	}
	for len(goWords) > 1 && len(naming.Exported(strings.Join(goWords, " "))) > maxNameLen {
		goWords = goWords[:len(goWords)-1]
	}
	return goWords
}

// describe says where a name came from, for -v.
func (n *opName) describe() string {
	s := "from " + n.from
	switch {
	case n.level == 0:
	case n.level <= len(n.owners):
		s += fmt.Sprintf(", told apart by the URL %s", n.draft.firstPath())
	default:
		s += ", told apart by the page's file name"
	}
	return s
}

// titleWords are the lower-case words of a page's title: its slug, as a
// translated edition's anchor writes it. Articles, and "resource" or
// "type" at the end, say nothing the name needs.
func titleWords(p *docparse.Page) ([]string, string) {
	title, from := titleSlug(p)
	var words []string
	for _, w := range slugWords(title) {
		switch w {
		case "a", "an", "the":
			continue
		}
		words = append(words, w)
	}
	for len(words) > 1 {
		switch words[len(words)-1] {
		case "resource", "type", "preview":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return words, from
}

// titleSlug is the text an operation's name is read from, and what it is:
// the title's English anchor where it has one, else the title. Translated
// editions translate the title, in any script (# <a
// name="update-accesspackage"></a>Atualizar accessPackage, 列出用户), and
// keep the English heading's anchor, so the anchor is what every edition
// of a page shares; an English page's anchor is its title's slug. A title
// in another script with no anchor gives no words.
func titleSlug(p *docparse.Page) (string, string) {
	anchor := englishAnchor(p.TitleAnchors)
	switch {
	case anchor != "" && !slices.Equal(slugWords(anchor), slugWords(p.Title)):
		return anchor, fmt.Sprintf("title anchor %q (title %q)", anchor, p.Title)
	case anchor == "" && hasNonASCIILetter(p.Title):
		return "", fmt.Sprintf("title %q (no English words, no anchor)", p.Title)
	}
	return p.Title, fmt.Sprintf("title %q", p.Title)
}

// englishSlug is an anchor as the docs' tooling writes a heading's: ASCII
// words joined by hyphens (or underscores, or dots), one of them with a
// letter.
var englishSlug = regexp.MustCompile(`^[A-Za-z0-9]+(?:[-_.]+[A-Za-z0-9]+)*$`)

// englishAnchor is the first of a heading's anchors that is an English
// slug, or "": an anchor in another script names nothing in Go.
func englishAnchor(anchors []string) string {
	for _, a := range anchors {
		if englishSlug.MatchString(a) && strings.IndexFunc(a, unicode.IsLetter) >= 0 {
			return a
		}
	}
	return ""
}

// exampleWords are the words of an example's name without the numbers
// that tell a page's examples apart (get_opentypeextension_2): the URL
// tells operations apart better.
func exampleWords(name string) []string {
	words := slugWords(name)
	for len(words) > 1 && isDigits(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// slugWords splits text as an anchor slug does: lower case, at anything
// but ASCII letters and digits, apostrophes dropped (user's -> users).
func slugWords(s string) []string {
	s = strings.NewReplacer("'", "", "’", "").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func hasNonASCIILetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
}

// recase gives each lower-case word the casing the docs' identifiers give
// it: driveitem -> driveItem.
func recase(words []string, dict map[string]string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = recaseWord(w, dict)
	}
	return out
}

func recaseWord(w string, dict map[string]string) string {
	if c, ok := dict[strings.ToLower(w)]; ok {
		return c
	}
	// A plural the docs write only in the singular, as a type name
	// (windowsinformationprotectionapplockerfiles, policies), or a
	// singular they write only in the plural, as a URL segment
	// (manageddevice).
	forms := []string{naming.Singular(w), w + "s", w + "es"}
	if strings.HasSuffix(w, "y") {
		forms = append(forms, strings.TrimSuffix(w, "y")+"ies")
	}
	for _, form := range forms {
		if c, ok := dict[form]; ok && form != w {
			common := 0
			for common < len(form) && common < len(w) && form[common] == w[common] {
				common++
			}
			return c[:common] + w[common:]
		}
	}
	return w
}

// caseDictionary maps each identifier of the docs, lower-cased, to the
// casing the docs write it in: type names, member names and the words of
// URLs, which translated editions keep in English. Where the docs write a
// word two ways, the one with more capitals wins (it tells more words
// apart), then the first in byte order.
func (b *builder) caseDictionary(docs []*pageOps) map[string]string {
	dict := map[string]string{}
	add := func(id string) {
		if id == "" || !isIdentifier(id) {
			return
		}
		key := strings.ToLower(id)
		if old, ok := dict[key]; !ok || upperCount(id) > upperCount(old) || upperCount(id) == upperCount(old) && id < old {
			dict[key] = id
		}
	}
	for _, d := range docs {
		for _, u := range d.urls {
			for _, w := range urlWords(template(u.parts)) {
				add(w)
			}
		}
		for _, r := range d.requests {
			for _, w := range urlWords(r.msg.Path) {
				add(w)
			}
		}
	}
	for _, key := range sortedKeys(b.types.defs) {
		def := b.types.defs[key]
		add(shortName(def.odataType))
		for _, m := range def.members {
			add(m.name)
		}
	}
	return dict
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// urlWords are the identifiers in a path's literal text, placeholders
// left out: /me/drive/items/{id}/microsoft.graph.delta() -> me drive items
// microsoft graph delta.
func urlWords(path string) []string {
	path = placeholderRE.ReplaceAllString(path, "/")
	return strings.FieldsFunc(path, func(r rune) bool {
		return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// urlOwners are the resources a URL hangs under, nearest first: the
// items of collections before its last segment (the resource itself),
// then the singletons it is reached through. /deviceManagement/
// managedDevices/{id}/users -> managedDevices; deviceManagement. Only the
// first kind makes a name need qualifying: /me/events/{id} hangs under no
// item, and keeps "GetEvent".
func urlOwners(path string) (keyed, singletons []string) {
	segs := pathSegments(path)
	if len(segs) == 0 {
		return nil, nil
	}
	for _, seg := range slices.Backward(segs[:len(segs)-1]) {
		switch {
		case seg.dollar:
		case seg.keyed:
			keyed = append(keyed, seg.name)
		default:
			singletons = append(singletons, seg.name)
		}
	}
	return keyed, singletons
}

// firstPath is the URL an operation is named after: its first documented
// variant, else its first example's.
func (dr *opDraft) firstPath() string {
	if len(dr.op.Variants) > 0 {
		return dr.op.Variants[0].Template
	}
	if len(dr.requests) > 0 {
		return examplePath(dr.requests[0])
	}
	return ""
}

// checkRenames warns of a docbind.json operation rename that names no
// operation, with the names closest to it.
func (b *builder) checkRenames(all []*opName) {
	var names []string
	for _, n := range all {
		names = append(names, n.name())
	}
	for _, from := range sortedKeys(b.cfg.OperationNames) {
		if !slices.Contains(names, from) {
			b.diags.Warnf(diag.Pos{File: "docbind.json"}, diag.UnknownRename, "operations: %q names no operation%s; the rename is ignored", from, closestNote(from, names))
		}
	}
}

// closestNote lists up to three names closest to name in edit distance.
func closestNote(name string, names []string) string {
	type scored struct {
		name string
		d    int
	}
	var best []scored
	for _, n := range names {
		best = append(best, scored{n, naming.Distance(strings.ToLower(name), strings.ToLower(n), len(name)+len(n))})
	}
	slices.SortFunc(best, func(x, y scored) int {
		if x.d != y.d {
			return x.d - y.d
		}
		return strings.Compare(x.name, y.name)
	})
	if len(best) == 0 {
		return ""
	}
	var out []string
	for _, s := range best[:min(3, len(best))] {
		out = append(out, s.name)
	}
	return " (closest: " + strings.Join(out, ", ") + ")"
}
