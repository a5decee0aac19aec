// Package naming turns documentation names (page titles, JSON members, URL
// placeholders) into Go identifiers.
package naming

import (
	"go/token"
	"strings"
	"unicode"
)

// initialisms are written in capitals in Go names, as golint and the
// standard library do.
var initialisms = map[string]string{
	"id": "ID", "url": "URL", "uri": "URI", "http": "HTTP", "https": "HTTPS",
	"json": "JSON", "api": "API", "odata": "OData", "html": "HTML", "xml": "XML",
	"guid": "GUID", "uuid": "UUID", "ip": "IP", "sql": "SQL", "utc": "UTC",
}

// Words splits a name into words at punctuation, spaces and case changes:
// "createdDateTime" -> created Date Time, "@odata.type" -> odata type,
// "X-Sample-Header" -> X Sample Header, "HTMLPage" -> HTML Page. Only
// ASCII letters and digits make words, so every Go name is ASCII: a name
// outside ASCII could not even be exported (列出用户 is not).
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && isBoundary(runes, i) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

func isBoundary(runes []rune, i int) bool {
	prev, r := runes[i-1], runes[i]
	if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
		return true
	}
	// "HTMLPage": the P starts a word when a lower-case letter follows it.
	return unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1])
}

// Exported is the exported Go name for s: "create version" -> CreateVersion,
// "cTag" -> CTag, "id" -> ID. A name that would start with a digit gets an
// "N" prefix; an empty one becomes "X".
func Exported(s string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		b.WriteString(capitalize(w))
	}
	return fixStart(b.String(), "N")
}

// Unexported is the lower-camel Go name for s: "X-Sample-Header" ->
// xSampleHeader, "id" -> id, "URL" -> url. Go keywords get a trailing
// underscore.
func Unexported(s string) string {
	words := Words(s)
	var b strings.Builder
	for i, w := range words {
		if i == 0 {
			b.WriteString(strings.ToLower(w))
			continue
		}
		b.WriteString(capitalize(w))
	}
	name := fixStart(b.String(), "n")
	if token.IsKeyword(name) || isPredeclared(name) {
		name += "_"
	}
	return name
}

func capitalize(w string) string {
	if up, ok := initialisms[strings.ToLower(w)]; ok {
		return up
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func fixStart(name, prefix string) string {
	if name == "" {
		if prefix == "N" {
			return "X"
		}
		return "x"
	}
	if unicode.IsDigit([]rune(name)[0]) {
		return prefix + name
	}
	return name
}

// isPredeclared reports names a parameter must not shadow in generated code.
func isPredeclared(name string) bool {
	switch name {
	case "ctx", "body", "req", "resp", "err", "c", "string", "int", "bool", "error", "len", "url", "http", "json", "time", "any", "new", "make":
		return true
	}
	return false
}

// Singular makes a plural path segment singular for a parameter name:
// "items" -> item, "drives" -> drive, "activities" -> activity.
func Singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "tuses"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && !strings.HasSuffix(s, "us") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// Set hands out names that are unique within it: a taken name gets the
// smallest numeric suffix from 2 that is free.
type Set struct {
	taken map[string]bool
}

// Reserve marks names as taken without handing them out.
func (s *Set) Reserve(names ...string) {
	if s.taken == nil {
		s.taken = map[string]bool{}
	}
	for _, n := range names {
		s.taken[n] = true
	}
}

// Taken reports whether name is already handed out or reserved.
func (s *Set) Taken(name string) bool { return s.taken[name] }

// Unique returns name, or name with a number appended, that is not taken,
// and takes it.
func (s *Set) Unique(name string) string {
	s.Reserve()
	candidate := name
	for i := 2; s.taken[candidate]; i++ {
		candidate = name + itoa(i)
	}
	s.taken[candidate] = true
	return candidate
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
