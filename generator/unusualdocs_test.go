package generator

import (
	"fmt"
	"go/token"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/docbind/docbind/generator/model"
)

// unusualDocs writes a small docs folder of valid but unusual pages: a few
// resource pages (resource blocks and Properties tables) and API pages
// (an "HTTP request" URL list, request headers, request/response pairs),
// whose types refer to themselves and each other (directly, in
// collections, as nullable members), derive from each other in chains,
// use every placeholder, carry OData-annotated keys, GUID and URL keys,
// empty objects and arrays, deep nesting, and are named, with their
// members, path and header parameters, like the Go the generator writes
// (keywords, predeclared identifiers, generated methods and locals).
//
// Every choice comes from c, so a folder is a function of the choice
// bytes and seed: the table test draws from a seed, the fuzz target from
// the fuzzer's bytes.
func unusualDocs(c *chooser) fstest.MapFS {
	docs, _ := unusualFolder(c)
	return docs
}

// unusualFolder is unusualDocs with the docbind.json renames of its run:
// sometimes a type or operation renamed to a name the generated package
// already uses.
func unusualFolder(c *chooser) (fstest.MapFS, model.Config) {
	g := &docsGen{c: c, pages: fstest.MapFS{}, ns: pick(c, namespaces)}
	g.makeTypes()
	for _, t := range g.types {
		if t.page != "" {
			g.resourcePage(t)
		}
	}
	for i, n := 0, 1+c.intn(3); i < n; i++ {
		g.apiPage(i)
	}
	var cfg model.Config
	if c.chance(1, 5) {
		cfg.TypeNames = map[string]string{}
		for i, n := 0, 1+c.intn(2); i < n; i++ {
			from := g.odata(pick(c, g.types))
			if c.chance(1, 3) {
				from = exported(pick(c, g.types).name) // by Go name
			}
			cfg.TypeNames[from] = g.renameTo()
		}
	}
	if c.chance(1, 8) {
		cfg.OperationNames = map[string]string{pick(c, operationGoNames): g.renameTo()}
	}
	return g.pages, cfg
}

// renameTo is what docbind.json renames a type or operation to.
func (g *docsGen) renameTo() string {
	to := pick(g.c, renameNames)
	if avoids("rename-not-identifier") && !(token.IsIdentifier(to) && token.IsExported(to)) {
		to = "Renamed"
	}
	if avoids("operation-named-unimplemented") && to == "Unimplemented" {
		to = "Renamed"
	}
	return to
}

// renameNames are docbind.json renames: names the generated package uses,
// names of other types and operations, and names that are no identifier.
var renameNames = []string{
	"Client", "Server", "Content", "Nullable", "DateTime", "APIError", "Widget", "Item", "GetWidget",
	"GetWidgetRequest", "Ex00", "Ex00Body", "Renamed", "Renamed", "Unimplemented", "NewClient", "Handler",
	"type", "func", "a b", "", "1x", "x", "Ünï",
}

// operationGoNames are the Go names of operations unusualDocs writes.
var operationGoNames = []string{"GetWidget", "CreateItem", "ListChildren", "Update", "DeleteIt", "Type", "Client", "Ex00", "Ex01", "Ex10", "Widget", "DoTheThing"}

// chooser makes the generator's choices: from its bytes while they last,
// then from a PCG stream.
type chooser struct {
	b []byte
	r *rand.Rand
}

func newChooser(seed uint64, b []byte) *chooser {
	return &chooser{b: b, r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
}

// intn returns a choice in [0, n).
func (c *chooser) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if len(c.b) > 0 {
		v := int(c.b[0])
		c.b = c.b[1:]
		if n > 256 && len(c.b) > 0 {
			v = v<<8 | int(c.b[0])
			c.b = c.b[1:]
		}
		return v % n
	}
	return c.r.IntN(n)
}

// chance is true num times in den.
func (c *chooser) chance(num, den int) bool { return c.intn(den) < num }

func pick[T any](c *chooser, xs []T) T { return xs[c.intn(len(xs))] }

var namespaces = []string{"microsoft.graph", "example", "oneDrive", "a.b.c"}

// typeNames are OData type names; several are what the generated package
// declares itself.
var typeNames = []string{
	"widget", "item", "part", "identity", "identitySet", "folder", "node", "tree",
	"client", "server", "content", "accepted", "apiError", "nullable", "dateTime",
	"date", "timeOfDay", "duration", "handler", "clientOption", "error", "string",
	"type", "func", "any", "unimplemented", "request", "response", "query",
	"itemRequest", "itemQuery", "widgetBody", "value", "entity", "Entity", "ITEM",
	"élément", "item_2", "x",
}

// memberNames are JSON member names: ordinary ones, Go keywords and
// predeclared identifiers, the generated code's method and field names,
// case-only duplicates, unicode, names that start with a digit or hold
// punctuation.
var memberNames = []string{
	"id", "Id", "ID", "name", "Name", "displayName", "size", "children", "parent",
	"type", "func", "string", "nil", "map", "chan", "range", "default", "go",
	"select", "interface", "struct", "package", "import", "return", "var", "const",
	"error", "bool", "int", "any", "len", "true", "iota", "byte", "rune", "new",
	"MarshalJSON", "UnmarshalJSON", "Unknown", "IsZero", "IsKnown", "String",
	"additionalProperties", "AdditionalProperties", "value", "Value", "set", "Set",
	"valid", "Valid", "null", "raw", "Raw", "kind", "Kind", "pattern", "Pattern",
	"body", "query", "ctx", "err", "req", "c", "t", "tt",
	"名前", "café", "Ωmega", "ñandú", "2fa", "x-y", "with space", "a.b", "_", "__",
	"$ref", "x_y", "xY", "XY", "x__y", "élan", "Élan",
	"user", "application", "device", "group", "email", "tenantId", "thumbnails", "odataType", "ODataType",
}

// paramNames are path parameter names, several the generated code's locals.
var paramNames = []string{
	"item-id", "itemId", "id", "ctx", "req", "err", "body", "query", "c", "nil",
	"type", "func", "string", "resp", "w", "r", "srv", "t", "tt", "got", "want",
	"handler", "header", "contentType", "u", "path", "url", "http", "context",
	"json", "ok", "v", "i", "name", "names", "pattern", "escaped", "q", "item-path",
	"Item-Id", "ITEM_ID", "drive-id", "é", "1st", "yield", "next", "link", "page", "items",
	"opts", "args", "send", "base", "seq", "it", "headers", "h", "top", "select", "skip",
}

// headerNames are request headers: common ones and ones named like path
// parameters or the client's arguments.
var headerNames = []string{
	"If-Match", "Prefer", "ConsistencyLevel", "Item-Id", "Id", "Ctx", "Body",
	"Query", "Err", "Req", "C", "Nil", "Type", "Func", "Content-Range", "X-Custom",
	"Range", "If-None-Match", "Url", "Path", "Options", "Opts", "Top", "Select", "Filter",
}

// placeholders are the scalar placeholders of "schema by example", with
// concrete values an example may show instead.
var placeholders = []struct {
	text   string
	values []string // JSON texts
}{
	{"string", []string{`"hello"`, `""`, `"héllo ✓ 名前"`, "\"back`tick\"", `"a\"b\\c\u2028\t"`, `"{x}"`, `"%s %v"`}},
	{"String", []string{`"Hello"`}},
	{"String (identifier)", []string{`"01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"`}},
	{"string (url)", []string{`"https://example.com/a?b=c#d"`}},
	{"Int32", []string{`0`, `-1`, `2147483647`, `12`}},
	{"Int64", []string{`9007199254740993`, `-9223372036854775808`, `0`, `42`}},
	{"Boolean", []string{`true`, `false`}},
	{"Double", []string{`1.5`, `1e300`, `0`, `-0.0`, `1`, `12.50`}},
	{"datetime", []string{`"2016-03-21T20:01:37Z"`, `"2016-03-21T20:01:37.000Z"`, `"2016-03-21T20:01:37"`, `"2016-03-21T20:01:37.1234567+02:00"`}},
	{"DateTimeOffset", []string{`"2019-03-15T09:00:00Z"`, `"0001-01-01T00:00:00Z"`}},
	{"String (timestamp)", []string{`"2016-03-21T20:01:37Z"`}},
	{"Edm.Guid", []string{`"8fcb5dbc-d5aa-4681-8e31-b001d5168d79"`, `"00000000-0000-0000-0000-000000000000"`}},
	{"Binary", []string{`"AAEC"`, `""`, `"aGVsbG8="`}},
	{"Duration", []string{`"P1Y"`, `"PT1H30M"`, `"P0D"`}},
	{"String (ISO 8601 duration)", []string{`"PT0S"`}},
	{"TimeOfDay", []string{`"09:00:00"`, `"23:59:59.9999999"`}},
	{"String (time of day)", []string{`"09:00"`}},
	{"Date", []string{`"2016-01-01"`, `"0001-01-01"`}},
	{"Json", []string{`{"any": [1, "two", {"three": 3}]}`, `null`, `[]`}},
	{"Edm.String", []string{`"edm"`}},
}

// tableTypes is how a Properties table writes each placeholder's type.
var tableTypes = map[string]string{
	"string": "String", "String": "string", "String (identifier)": "String", "string (url)": "String",
	"Int32": "Int32", "Int64": "Int64", "Boolean": "Boolean", "Double": "Double",
	"datetime": "DateTimeOffset", "DateTimeOffset": "DateTimeOffset", "String (timestamp)": "DateTimeOffset",
	"Edm.Guid": "Guid", "Binary": "Binary", "Duration": "Duration", "String (ISO 8601 duration)": "Duration",
	"TimeOfDay": "TimeOfDay", "String (time of day)": "String (time of day)", "Date": "Date", "Json": "Json",
	"Edm.String": "Edm.String",
}

// primitiveTypes are the OData primitive types an annotation may name.
var primitiveTypes = []string{"Edm.String", "String", "Int32", "Edm.Int64", "Boolean", "Collection(Edm.String)", "Collection(Int32)", "Edm.Stream", "Edm.DateTimeOffset", "Json"}

// annotatedKeys are OData-annotated member names and their values.
var annotatedKeys = []struct{ key, value string }{
	{"@odata.context", `"https://graph.microsoft.com/v1.0/$metadata#users('x')/drive/$entity"`},
	{"@odata.nextLink", `"https://graph.microsoft.com/v1.0/items?$skiptoken=2"`},
	{"@odata.deltaLink", `"https://graph.microsoft.com/v1.0/items/delta?token=3"`},
	{"@odata.etag", `"W/\"1\""`},
	{"@odata.id", `"https://graph.microsoft.com/v1.0/directoryObjects/1"`},
	{"@odata.count", `3`},
	{"@microsoft.graph.conflictBehavior", `"rename | fail | replace"`},
	{"@microsoft.graph.conflictBehavior", `"rename"`},
	{"@microsoft.graph.downloadUrl", `"https://cdn.example.com/x"`},
	{"members@odata.bind", `["https://graph.microsoft.com/v1.0/directoryObjects/1", "https://graph.microsoft.com/v1.0/directoryObjects/2"]`},
	{"owner@odata.bind", `"https://graph.microsoft.com/v1.0/users/1"`},
	{"x@odata.type", `"#microsoft.graph.x"`},
	{"size@odata.type", `"#Int64"`},
	{"children@odata.nextLink", `"https://graph.microsoft.com/v1.0/children?$skip=2"`},
	{"@type", `"#x"`},
}

var guidKeys = []string{"8fcb5dbc-d5aa-4681-8e31-b001d5168d79", "A1B2C3D4-D5AA-4681-8E31-B001D5168D79", "00000000-0000-0000-0000-000000000000"}

var urlKeys = []string{"https://example.com/a", "http://x/y?z=1", "urn:x:y"}

type memberKind int

const (
	kScalar memberKind = iota
	kEnum
	kRef
	kObject // an anonymous nested object
	kEmptyObject
	kEmptyArray
	kKeyed // an object keyed by GUIDs or URLs
	kDeep  // objects nested deeply, one member each
	nKinds
)

type docType struct {
	name     string // without the namespace
	ns       string // its namespace, when not the folder's
	page     string // its resource page; "" for a type only examples show
	base     *docType
	members  []*docMember
	abstract bool
	open     bool
}

type docMember struct {
	name        string
	kind        memberKind
	placeholder int // index into placeholders for kScalar
	enum        []string
	ref         *docType
	collection  bool
	nested      []*docMember
	keys        []string // kKeyed; the member names of kDeep's levels
	optional    bool
	nullable    bool
}

type docsGen struct {
	c     *chooser
	ns    string
	types []*docType
	pages fstest.MapFS
	files map[string]bool
	urls  []docURL
}

func (g *docsGen) odata(t *docType) string {
	if t.ns != "" {
		return t.ns + "." + t.name
	}
	return g.ns + "." + t.name
}

// pageFiles are page file names: some are what the generated package's own
// files are named after.
var pageFiles = []string{
	"widget", "client", "server", "helpers", "values", "doc", "item_test", "x-y",
	"Widget", "über", "a b", "page", "types", "resources/item", "api/item", "api/client",
}

func (g *docsGen) pageName(prefix, stem string) string {
	if g.files == nil {
		g.files = map[string]bool{}
	}
	if g.c.chance(1, 3) {
		stem = pick(g.c, pageFiles)
	}
	if g.c.chance(1, 6) { // a page at the top of the folder
		prefix = ""
	}
	name := prefix + stem + ".md"
	for i := 2; g.files[name]; i++ {
		name = fmt.Sprintf("%s%s%d.md", prefix, stem, i)
	}
	g.files[name] = true
	return name
}

func (g *docsGen) makeTypes() {
	c := g.c
	n := 1 + c.intn(6)
	used := map[string]bool{}
	for len(g.types) < n {
		name := pick(c, typeNames)
		if used[name] && !c.chance(1, 8) { // rarely, two resource blocks of one type
			continue
		}
		used[name] = true
		t := &docType{name: name, abstract: c.chance(1, 6), open: c.chance(1, 4)}
		if c.chance(1, 6) { // a type of another namespace, maybe with a short name another type has
			t.ns = pick(c, namespaces)
			used[name] = false
		}
		switch {
		case len(g.types) > 0 && g.types[len(g.types)-1].page != "" && c.chance(1, 6): // on the page of the type before
			t.page = g.types[len(g.types)-1].page
		case c.chance(4, 5):
			t.page = g.pageName("resources/", strings.ToLower(name))
		}
		g.types = append(g.types, t)
	}
	for i, t := range g.types {
		switch {
		case i > 0 && c.chance(1, 2): // a chain, or a tree, of base types
			t.base = g.types[c.intn(i)]
		case c.chance(1, 40): // a base type documented later, or itself
			t.base = g.types[c.intn(len(g.types))]
		case c.chance(1, 10): // an undocumented base type
			t.base = &docType{name: "undocumented"}
		}
		t.members = g.members(3, len(g.types))
	}
	// A type named like what the generator derives from another type's
	// member (widget.kind -> WidgetKind) or from an operation.
	if c.chance(1, 3) {
		owner := pick(c, g.types)
		name := owner.name + "Kind"
		if len(owner.members) > 0 {
			name = owner.name + exported(pick(c, owner.members).name)
		}
		if c.chance(1, 2) {
			name = pick(c, derivedNames)
		}
		t := &docType{name: name, page: g.pageName("resources/", "derived")}
		t.members = g.members(1, len(g.types))
		g.types = append(g.types, t)
	}
}

// derivedNames are names of what the generated code derives from the
// operations unusualDocs writes.
var derivedNames = []string{
	"getWidgetRequest", "getWidgetBody", "getWidgetQuery", "createItemBody", "createItemRequest",
	"listChildrenQuery", "doTheThingRequest", "typeRequest", "typeBody", "clientRequest", "clientBody",
	"updateBody", "ex00Body", "ex00Request", "ex01Query", "getWidgetResult", "listChildrenPage",
	"getWidgetOptions", "listChildrenOptions", "ex01Options",
}

// exported capitalizes a name's first letter, as a Go field name starts.
func exported(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// members makes an object's members; depth bounds nesting.
func (g *docsGen) members(depth, ntypes int) []*docMember {
	c := g.c
	var ms []*docMember
	seen := map[string]bool{}
	for i, n := 0, c.intn(7); i < n; i++ {
		name := pick(c, memberNames)
		if c.chance(1, 8) { // a member named like a type, its own or its base's
			name = pick(c, g.types).name
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		m := &docMember{name: name, kind: memberKind(c.intn(int(nKinds))), optional: c.chance(1, 3), nullable: c.chance(1, 4)}
		switch m.kind {
		case kScalar:
			m.placeholder = c.intn(len(placeholders))
			m.collection = c.chance(1, 5)
		case kEnum:
			m.enum = g.enum()
			m.collection = c.chance(1, 5)
		case kRef:
			m.ref = g.types[c.intn(ntypes)] // itself, or any other
			m.collection = c.chance(1, 2)
		case kObject:
			if depth == 0 {
				m.kind = kEmptyObject
				break
			}
			m.nested = g.members(depth-1, ntypes)
			m.collection = c.chance(1, 4)
		case kDeep:
			for j, n := 0, 5+c.intn(40); j < n; j++ {
				m.keys = append(m.keys, pick(c, memberNames))
			}
		case kKeyed:
			if c.chance(1, 2) {
				m.keys = []string{pick(c, guidKeys), pick(c, guidKeys)}
			} else {
				m.keys = []string{pick(c, urlKeys)}
			}
			if m.keys[0] == m.keys[len(m.keys)-1] {
				m.keys = m.keys[:1]
			}
		}
		ms = append(ms, m)
	}
	return ms
}

var enumWords = []string{"a", "b", "c", "none", "unknown", "Unknown", "default", "type", "value", "isKnown", "String", "x-y", "1st", "ü", "unknownFutureValue", "A", "a b", "x_y", "xY", "XY", "", "null", "true", "0"}

func (g *docsGen) enum() []string {
	var vals []string
	for i, n := 0, 1+g.c.intn(4); i < n; i++ {
		v := pick(g.c, enumWords)
		if avoids("duplicate-enum-value") && slices.Contains(vals, v) {
			continue
		}
		vals = append(vals, v)
	}
	return vals
}

// ---- JSON texts ----

// jsonString quotes s as JSON, keeping non-ASCII as it is.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// object writes members as a JSON object at an indentation.
func object(indent string, kvs [][2]string) string {
	if avoids("duplicate-json-key") {
		seen := map[string]bool{}
		kvs = slices.DeleteFunc(slices.Clone(kvs), func(kv [2]string) bool {
			dup := seen[kv[0]]
			seen[kv[0]] = true
			return dup
		})
	}
	if len(kvs) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteString("{\n")
	for i, kv := range kvs {
		b.WriteString(indent + "  " + jsonString(kv[0]) + ": " + kv[1])
		if i < len(kvs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
	return b.String()
}

// deep nests leaf in one object per key.
func deep(keys []string, leaf string) string {
	v := leaf
	for i := len(keys) - 1; i >= 0; i-- {
		v = "{" + jsonString(keys[i]) + ": " + v + "}"
	}
	return v
}

func array(indent string, items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, it := range items {
		b.WriteString(indent + "  " + it)
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "]")
	return b.String()
}

// schemaOf is a member's schema-by-example text in a resource block.
func (g *docsGen) schemaOf(m *docMember, indent string) string {
	c := g.c
	var v string
	switch m.kind {
	case kScalar:
		p := placeholders[m.placeholder]
		if c.chance(1, 5) {
			v = pick(c, p.values)
		} else {
			v = jsonString(p.text)
		}
	case kEnum:
		v = jsonString(strings.Join(m.enum, " | "))
	case kRef:
		v = object(indent+"  ", [][2]string{{"@odata.type", jsonString(g.odata(m.ref))}})
		if c.chance(1, 4) {
			v = `{"@odata.type": ` + jsonString(g.odata(m.ref)) + `}`
		}
	case kObject:
		v = g.schemaObject(m.nested, indent+"  ")
	case kEmptyObject:
		v = "{}"
	case kEmptyArray:
		return "[]"
	case kKeyed:
		var kvs [][2]string
		for _, k := range m.keys {
			kvs = append(kvs, [2]string{k, object(indent+"  ", [][2]string{{"count", `"Int32"`}})})
		}
		v = object(indent, kvs)
	case kDeep:
		v = deep(m.keys, jsonString(placeholders[m.placeholder].text))
	}
	if m.collection {
		return "[" + v + "]"
	}
	return v
}

func (g *docsGen) schemaObject(ms []*docMember, indent string) string {
	var kvs [][2]string
	for _, m := range ms {
		kvs = append(kvs, [2]string{m.name, g.schemaOf(m, indent)})
	}
	kvs = g.annotated(kvs, 1, 6)
	return object(indent, kvs)
}

// annotated adds, num times in den, an OData-annotated key to kvs.
func (g *docsGen) annotated(kvs [][2]string, num, den int) [][2]string {
	if g.c.chance(num, den) {
		a := pick(g.c, annotatedKeys)
		at := g.c.intn(len(kvs) + 1)
		kvs = append(kvs[:at:at], append([][2]string{{a.key, a.value}}, kvs[at:]...)...)
	}
	return kvs
}

// valueOf is an example value of a member: concrete, a placeholder, null,
// or a shape other than the resource block's.
func (g *docsGen) valueOf(m *docMember, indent string, depth int) string {
	c := g.c
	if (m.nullable && c.chance(1, 3)) || c.chance(1, 30) {
		return "null"
	}
	if c.chance(1, 25) { // a value of another kind than the block declares
		return pick(c, []string{`"text"`, `12`, `1.5`, `true`, `{}`, `[1]`, `{"x": 1}`, `[{"y": "z"}]`, `"2016-03-21T20:01:37Z"`})
	}
	one := func() string {
		switch m.kind {
		case kScalar:
			p := placeholders[m.placeholder]
			if c.chance(1, 4) {
				return jsonString(p.text)
			}
			return pick(c, p.values)
		case kEnum:
			if c.chance(1, 6) {
				return jsonString(strings.Join(m.enum, " | "))
			}
			return jsonString(pick(c, m.enum))
		case kRef:
			return g.instance(m.ref, indent+"  ", depth-1, c.chance(1, 3) || m.collection && c.chance(1, 2))
		case kObject:
			return g.valueObject(m.nested, indent+"  ", depth-1)
		case kEmptyObject:
			if c.chance(1, 3) {
				return object(indent+"  ", [][2]string{{pick(c, memberNames), `"x"`}})
			}
			return "{}"
		case kEmptyArray:
			switch c.intn(6) {
			case 0:
				return `["string"]`
			case 1:
				return `[[1, 2], []]`
			case 2:
				return `[1, "one", {"uno": true}, null]`
			}
			return "[]"
		case kKeyed:
			var kvs [][2]string
			for _, k := range m.keys {
				kvs = append(kvs, [2]string{k, `{"count": 3}`})
			}
			return object(indent+"  ", kvs)
		case kDeep:
			keys := m.keys
			if c.chance(1, 3) { // shallower than the resource block
				keys = keys[:c.intn(len(keys))+1]
			}
			return deep(keys, pick(c, placeholders[m.placeholder].values))
		}
		return "null"
	}
	collection := m.collection
	if c.chance(1, 12) { // an object on one page, an array on another
		collection = !collection
	}
	if !collection {
		return one()
	}
	var items []string
	for i, n := 0, c.intn(3); i < n; i++ {
		items = append(items, one())
	}
	return array(indent+"  ", items)
}

func (g *docsGen) valueObject(ms []*docMember, indent string, depth int) string {
	var kvs [][2]string
	for _, m := range ms {
		if g.c.chance(1, 4) {
			continue
		}
		kvs = append(kvs, [2]string{m.name, g.valueOf(m, indent, depth)})
	}
	return object(indent, g.annotated(kvs, 1, 5))
}

// allMembers are a type's members with those of its base types.
func allMembers(t *docType) []*docMember {
	var ms []*docMember
	seen := map[*docType]bool{}
	for ; t != nil && !seen[t]; t = t.base {
		seen[t] = true
		ms = append(ms, t.members...)
	}
	return ms
}

// instance is an example object of type t; typed says whether it names
// its type in "@odata.type", possibly a derived type's.
func (g *docsGen) instance(t *docType, indent string, depth int, typed bool) string {
	c := g.c
	if depth <= 0 {
		return "{}"
	}
	var kvs [][2]string
	if typed {
		name := t
		if derived := g.derivedOf(t); derived != nil && c.chance(1, 2) {
			name = derived
		}
		odata := "#" + g.odata(name)
		if c.chance(1, 10) { // a type no page documents
			odata = "#" + g.ns + ".mystery"
		}
		kvs = append(kvs, [2]string{"@odata.type", jsonString(odata)})
	}
	for _, m := range allMembers(t) {
		if c.chance(1, 4) {
			continue
		}
		kvs = append(kvs, [2]string{m.name, g.valueOf(m, indent, depth)})
	}
	if c.chance(1, 6) { // a member no block lists
		kvs = append(kvs, [2]string{pick(c, memberNames), pick(c, pick(c, placeholders).values)})
	}
	return object(indent, g.annotated(kvs, 1, 4))
}

func (g *docsGen) derivedOf(t *docType) *docType {
	for _, d := range g.types {
		if d.base == t && d != t {
			return d
		}
	}
	return nil
}

// ---- pages ----

func annotation(kvs ...string) string {
	var parts []string
	for i := 0; i+1 < len(kvs); i += 2 {
		parts = append(parts, jsonString(kvs[i])+": "+kvs[i+1])
	}
	return "<!-- { " + strings.Join(parts, ", ") + " } -->\n"
}

func jsonList(xs []string) string {
	var q []string
	for _, x := range xs {
		q = append(q, jsonString(x))
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (g *docsGen) resourcePage(t *docType) {
	c := g.c
	var b strings.Builder
	fmt.Fprintf(&b, "# %s resource type\n\nA **%s** is unusual.\n\n", t.name, t.name)
	start := b.Len()
	ann := []string{"blockType", `"resource"`, "@odata.type", jsonString(g.odata(t))}
	if t.base != nil {
		ann = append(ann, "baseType", jsonString(g.odata(t.base)))
	}
	var optional, nullable []string
	for _, m := range t.members {
		if m.optional {
			optional = append(optional, m.name)
		}
		if m.nullable {
			nullable = append(nullable, m.name)
		}
	}
	if c.chance(1, 10) { // a name no member has
		optional = append(optional, "nosuchmember")
	}
	if len(optional) > 0 {
		ann = append(ann, "optionalProperties", jsonList(optional))
	}
	if len(nullable) > 0 {
		ann = append(ann, "nullableProperties", jsonList(nullable))
	}
	if t.abstract {
		ann = append(ann, "abstract", "true")
	}
	if t.open {
		ann = append(ann, "openType", "true")
	}
	if c.chance(1, 3) && len(t.members) > 0 {
		ann = append(ann, "keyProperty", jsonString(t.members[0].name))
	}
	b.WriteString(annotation(ann...))
	b.WriteString("```json\n" + g.schemaObject(t.members, "") + "\n```\n\n")
	if c.chance(3, 4) {
		g.propertiesTable(&b, t)
	}
	if c.chance(1, 5) { // the page also shows an example of its type
		b.WriteString(annotation("blockType", `"example"`, "@odata.type", jsonString(g.odata(t))))
		b.WriteString("```json\n" + g.instance(t, "", 3, c.chance(1, 2)) + "\n```\n")
	}
	text := b.String()
	if prev := g.pages[t.page]; prev != nil { // a second type on the page
		text = string(prev.Data) + "\n" + text[start:]
	}
	g.pages[t.page] = &fstest.MapFile{Data: []byte(text)}
}

// propertiesTable lists a type's members, their types and descriptions,
// sometimes with a type other than the resource block's.
func (g *docsGen) propertiesTable(b *strings.Builder, t *docType) {
	c := g.c
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	var rels []*docMember
	for _, m := range t.members {
		if m.kind == kRef && c.chance(1, 2) {
			rels = append(rels, m)
			continue
		}
		fmt.Fprintf(b, "| %s | %s | The %s. |\n", pick(c, cellForms)(tableCell(m.name)), g.tableType(m), tableCell(m.name))
		if c.chance(1, 20) { // listed twice
			fmt.Fprintf(b, "| %s | %s | Again. |\n", tableCell(m.name), g.tableType(m))
		}
	}
	if c.chance(1, 8) { // a member only the table lists
		fmt.Fprintf(b, "| %s | %s | Only here. |\n", pick(c, memberNames), tableTypes[pick(c, placeholders).text])
	}
	if len(rels) > 0 {
		b.WriteString("\n## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n")
		for _, m := range rels {
			fmt.Fprintf(b, "| %s | %s | Read-only. Nullable. |\n", tableCell(m.name), g.tableType(m))
		}
	}
	b.WriteString("\n")
}

// cellForms are how a table writes a member's name.
var cellForms = []func(string) string{
	func(s string) string { return s },
	func(s string) string { return s },
	func(s string) string { return "**" + s + "**" },
	func(s string) string { return "`" + s + "`" },
	func(s string) string { return " " + s + " (deprecated)" },
}

func tableCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func (g *docsGen) tableType(m *docMember) string {
	c := g.c
	var typ string
	switch m.kind {
	case kScalar:
		typ = tableTypes[placeholders[m.placeholder].text]
		if c.chance(1, 10) { // a type the block does not show
			typ = tableTypes[pick(c, placeholders).text]
		}
	case kEnum:
		typ = "String"
	case kRef:
		link := "[" + m.ref.name + "](" + g.linkTo(m.ref) + ")"
		if m.collection {
			if c.chance(1, 2) {
				return "Collection(" + link + ")"
			}
			return link + " collection"
		}
		return link
	case kEmptyArray:
		return "Collection(String)"
	default:
		typ = pick(c, []string{"Object", "Json", "String"})
	}
	if m.collection {
		return "Collection(" + typ + ")"
	}
	return typ
}

func (g *docsGen) linkTo(t *docType) string {
	if t.page == "" {
		return "nowhere.md"
	}
	return "../" + t.page
}

// ---- API pages ----

type docURL struct {
	template string   // with {param}s
	params   []string // in order
}

var collectionWords = []string{"items", "widgets", "things", "drives", "me/items", "sites/root/lists", "Items", "élements", "a.b", "items('x')"}

func (g *docsGen) makeURL() docURL {
	c := g.c
	if len(g.urls) > 0 && c.chance(1, 6) { // a URL another page documents
		return pick(c, g.urls)
	}
	u := g.newURL()
	g.urls = append(g.urls, u)
	return u
}

func (g *docsGen) newURL() docURL {
	c := g.c
	var segs, params []string
	used := map[string]bool{}
	param := func() string {
		p := pick(c, paramNames)
		for used[p] || avoids("body-parameter") && strings.EqualFold(p, "body") {
			p = pick(c, paramNames)
		}
		used[p] = true
		params = append(params, p)
		return "{" + p + "}"
	}
	for i, n := 0, 1+c.intn(3); i < n; i++ {
		segs = append(segs, pick(c, collectionWords))
		switch c.intn(6) {
		case 0, 1, 2:
			segs = append(segs, param())
		case 3:
			segs = append(segs, "children")
		}
	}
	switch c.intn(8) {
	case 0: // OneDrive path addressing
		segs = append(segs, "root:", param()+":", "content")
	case 1: // an OData function
		p := param()
		segs = append(segs, "search(q='"+p+"')")
	case 2:
		segs = append(segs, "microsoft.graph.delta()")
	}
	return docURL{template: "/" + strings.Join(segs, "/"), params: params}
}

var paramValues = []string{"42", "abc", "a b", "x%2Fy", "ünï", "01BYE5RZ", "8fcb5dbc-d5aa-4681-8e31-b001d5168d79", "{item-id}"}

// concrete fills a URL's parameters with example values.
func (g *docsGen) concrete(u docURL) string {
	s := u.template
	for _, p := range u.params {
		v := pick(g.c, paramValues)
		if v == "a b" {
			v = "a%20b"
		}
		s = strings.Replace(s, "{"+p+"}", v, 1)
	}
	return s
}

// exampleNames are request names, which name operations and subtests.
var exampleNames = []string{
	"get-widget", "widget", "client", "new-client", "handler", "item-request", "item-query",
	"list", "list-all", "get item", "名前", "type", "func", "unimplemented", "server",
	"with-header", "do", "get-widget", "widget-body",
}

var methods = []string{"GET", "GET", "POST", "PATCH", "PUT", "DELETE"}

var queries = []string{"", "", "", "?$select=id,name", "?$top=5", "?$expand=children", "?$filter=name eq 'x'", "?ctx=1", "?body=2&query=3", "?$skiptoken=abc", "?format={format}",
	"?top=1&$top=2", "?v=1&q=2", "?err=x&url=y", "?$Filter=x&filter=y", "?pattern=1", "?a-b=1&a_b=2&aB=3", "?名前=x", "?$count=true", "?select=a"}

func (g *docsGen) apiPage(i int) {
	c := g.c
	var b strings.Builder
	title := pick(c, []string{"Get widget", "Create item", "List children", "Update", "Delete it", "Type", "Client", "func", "名前を付ける", "Do the thing"})
	fmt.Fprintf(&b, "# %s\n\nAn unusual operation.\n\n", title)
	method := pick(c, methods)
	var urls []docURL
	for j, n := 0, 1+c.intn(3); j < n; j++ {
		urls = append(urls, g.makeURL())
	}
	b.WriteString("## HTTP request\n\n" + annotation("blockType", `"ignored"`) + "```http\n")
	for _, u := range urls {
		m := method
		if c.chance(1, 8) {
			m = pick(c, methods)
		}
		q := pick(c, queries)
		if strings.Contains(q, "{format}") && !strings.Contains(u.template, "/") {
			q = ""
		}
		host := ""
		if c.chance(1, 8) {
			host = "https://graph.microsoft.com/v1.0"
		}
		fmt.Fprintf(&b, "%s %s%s%s\n", m, host, u.template, q)
	}
	b.WriteString("```\n\n")

	var headers []string
	if c.chance(1, 2) {
		b.WriteString("## Request headers\n\n| Name | Type | Description |\n|:--|:--|:--|\n")
		for j, n := 0, 1+c.intn(3); j < n; j++ {
			h := pick(c, headerNames)
			if c.chance(1, 3) && len(urls[0].params) > 0 { // a header named like a path parameter
				h = pick(c, urls[0].params)
			}
			if avoids("body-parameter") && strings.EqualFold(h, "body") ||
				avoids("duplicate-header-row") && slices.ContainsFunc(headers, func(o string) bool { return http.CanonicalHeaderKey(o) == http.CanonicalHeaderKey(h) }) {
				continue
			}
			headers = append(headers, h)
			fmt.Fprintf(&b, "| %s | String | A header. |\n", tableCell(h))
		}
		b.WriteString("\n")
	}

	body := g.bodyType()
	if body != nil && c.chance(1, 3) {
		fmt.Fprintf(&b, "## Request body\n\nIn the request body, supply a [%s](%s) object.\n\n", body.name, strings.TrimPrefix(g.linkTo(body), "../"+"resources/"))
	}
	result := g.bodyType()
	b.WriteString("## Examples\n\n")
	for j, n := 0, 1+c.intn(3); j < n; j++ {
		name := fmt.Sprintf("ex-%d-%d", i, j)
		if c.chance(1, 4) { // a name like a type's, a member's or the generated code's
			name = pick(c, exampleNames)
			if avoids("operation-named-unimplemented") && name == "unimplemented" {
				name = "not-unimplemented"
			}
		}
		g.exchange(&b, name, method, urls, headers, body, result)
	}
	g.pages[g.pageName("api/", fmt.Sprintf("op%d", i))] = &fstest.MapFile{Data: []byte(b.String())}
}

// bodyType is the type of a body, or nil for an untyped one.
func (g *docsGen) bodyType() *docType {
	if len(g.types) == 0 || g.c.chance(1, 4) {
		return nil
	}
	return g.types[g.c.intn(len(g.types))]
}

// exchange writes one request and its response.
func (g *docsGen) exchange(b *strings.Builder, name, method string, urls []docURL, headers []string, body, result *docType) {
	c := g.c
	u := urls[c.intn(len(urls))]
	if c.chance(1, 10) {
		method = pick(c, methods)
	}
	ann := []string{"blockType", `"request"`, "name", jsonString(name)}
	switch {
	case body != nil && c.chance(1, 2):
		ann = append(ann, "@odata.type", jsonString(g.odata(body)))
	case c.chance(1, 10):
		ann = append(ann, "@odata.type", jsonString(pick(c, primitiveTypes)))
	}
	b.WriteString(annotation(ann...))
	host := pick(c, []string{"", "", "https://graph.microsoft.com/v1.0", "https://api.example.com/v2.0"})
	query := ""
	if c.chance(1, 4) {
		query = pick(c, []string{"?$select=id", "?$top=2", "?ctx=x", "?$filter=a%20eq%201"})
	}
	fmt.Fprintf(b, "```http\n%s %s%s%s\n", method, host, g.concrete(u), query)
	for _, h := range headers {
		if c.chance(1, 2) {
			fmt.Fprintf(b, "%s: %s\n", h, pick(c, []string{`"etag-1"`, "respond-async", "x", "eventual", "bytes=0-4"}))
		}
	}
	if h := pick(c, headerNames); c.chance(1, 8) && !(avoids("body-parameter") && h == "Body") {
		fmt.Fprintf(b, "%s: %s\n", h, "v")
	}
	if method != "GET" && method != "DELETE" || c.chance(1, 10) {
		if text := g.requestBody(body); text != "" {
			ct := "application/json"
			if c.chance(1, 10) {
				ct = "text/plain"
			}
			fmt.Fprintf(b, "Content-Type: %s\n\n%s\n", ct, text)
		}
	}
	b.WriteString("```\n\n")
	if c.chance(1, 12) { // a request without a response
		return
	}
	g.response(b, name, result)
}

// requestBody is a request's JSON body: an object of the body type, or an
// untyped object, array or scalar.
func (g *docsGen) requestBody(t *docType) string {
	c := g.c
	switch {
	case t != nil && c.chance(1, 10): // an array of them
		return array("", []string{g.instance(t, "  ", 3, c.chance(1, 3)), g.instance(t, "  ", 3, c.chance(1, 3))})
	case t != nil && c.chance(3, 4):
		return g.instance(t, "", 4, c.chance(1, 3))
	case c.chance(1, 3):
		return g.valueObject(g.members(2, len(g.types)), "", 3)
	case c.chance(1, 2):
		return pick(c, []string{`[1, 2, 3]`, `["a", "b"]`, `[{"id": "x"}, {"id": "y"}]`, `[]`, `[[1], [2]]`})
	default:
		return pick(c, []string{`"text"`, `42`, `true`, `null`, `{}`, `"string"`, `"Int32"`})
	}
}

func (g *docsGen) response(b *strings.Builder, name string, t *docType) {
	c := g.c
	ann := []string{"blockType", `"response"`}
	switch {
	case c.chance(1, 3):
		ann = append(ann, "name", jsonString(name))
	case c.chance(1, 10): // one response for several requests
		ann = append(ann, "name", jsonList([]string{name, "ex-0-0", "get-widget"}))
	}
	if c.chance(1, 4) {
		ann = append(ann, "truncated", "true")
	}
	status := pick(c, []string{"200 OK", "200 OK", "201 Created", "204 No Content", "202 Accepted", "200 OK", "302 Found", "206 Partial Content", "404 Not Found"})
	var text string
	switch {
	case strings.HasPrefix(status, "204"):
	case strings.HasPrefix(status, "302"):
		status += "\nLocation: https://cdn.example.com/x?y=1"
	case strings.HasPrefix(status, "206"):
		b.WriteString(annotation(ann...))
		b.WriteString("```http\nHTTP/1.1 " + status + "\nContent-Range: bytes 0-4/12\nContent-Type: application/octet-stream\n\nHello\n```\n\n")
		return
	case strings.HasPrefix(status, "404"):
		ann = append(ann, "expectError", "true")
		text = `{"error": {"code": "itemNotFound", "message": "gone", "innerError": {"request-id": "r1"}}}`
	case strings.HasPrefix(status, "202") && c.chance(1, 2):
		status += "\nLocation: https://api.example.com/monitor/1"
	case t != nil && c.chance(1, 3): // a collection
		prop := "value"
		switch c.intn(3) {
		case 0:
			ann = append(ann, "@odata.type", jsonString("Collection("+g.odata(t)+")"))
		case 1:
			ann = append(ann, "@odata.type", jsonString(g.odata(t)), "isCollection", "true")
		default:
			prop = pick(c, []string{"value", "items", "Value", "@odata.nextLink", "type", "children"})
			ann = append(ann, "@odata.type", jsonString(g.odata(t)), "isCollection", "true", "collectionProperty", jsonString(prop))
		}
		var items []string
		for i, n := 0, c.intn(3); i < n; i++ {
			items = append(items, g.instance(t, "    ", 4, c.chance(1, 3)))
		}
		kvs := [][2]string{{prop, array("  ", items)}}
		if c.chance(1, 2) {
			kvs = append(kvs, [2]string{"@odata.nextLink", `"https://api.example.com/v1.0/items?$skiptoken=2"`})
		}
		if c.chance(1, 4) {
			kvs = append([][2]string{{"@odata.context", `"https://graph.microsoft.com/v1.0/$metadata#items"`}}, kvs...)
		}
		text = object("", kvs)
	case t != nil:
		ann = append(ann, "@odata.type", jsonString(g.odata(t)))
		text = g.instance(t, "", 5, c.chance(1, 3))
	case c.chance(1, 4): // a primitive type
		ann = append(ann, "@odata.type", jsonString(pick(c, primitiveTypes)))
		text = g.requestBody(nil)
	default: // an untyped body: object, array or scalar
		text = g.requestBody(nil)
	}
	b.WriteString(annotation(ann...))
	b.WriteString("```http\nHTTP/1.1 " + status + "\n")
	if text != "" {
		b.WriteString("Content-Type: application/json\n\n" + text + "\n")
	}
	b.WriteString("```\n\n")
}

// unusualSeed is the i-th folder of the table test.
func unusualSeed(i int) fstest.MapFS { return unusualDocs(newChooser(uint64(i), nil)) }
