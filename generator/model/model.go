// Package model is docbind's API model: operations, URL variants,
// parameters, types and documented examples, with every name and Go type
// already decided. The templates stage only translates it into code.
package model

import "github.com/docbind/docbind/generator/diag"

// API is everything generated into one package. Slices are in a stable
// order: operations by page path and position, types by name.
type API struct {
	BaseURL    string // the base URL the examples use, such as https://graph.microsoft.com/v1.0
	Operations []*Operation
	Types      []*Type
	Enums      []*Enum
	Unions     []*Union
	Routes     []*Route // the handler's ServeMux registrations, in order
	Handles    []*Handle
	Pages      []*Page // the same operations and types, by doc page
}

// Operation is one documented API method: one server method, and one client
// method per URL variant.
type Operation struct {
	Name         string // Go name, such as CreateVersion
	NameFrom     string // what the name was made of, for -v: from title "Create version"
	Title        string // the page title
	Doc          string // the page's first paragraph
	Method       string
	Variants     []*Variant
	HeaderParams []*Param // fields of the options type, sent as request headers
	QueryParams  []*Param // fields of the options type, sent in the query
	OptionsType  string   // Go name of the options type, the client's last argument (nil for none) and the server request's Options; "" when there are no header or query parameters
	BodyKind     BodyKind
	Body         *TypeRef // the JSON request body, for BodyJSON
	Result       Result
	// StatusFrom is where the page's prose states Result.Status, when no
	// example shows the operation succeeding; zero otherwise.
	StatusFrom  diag.Pos
	Examples    []*Example
	RequestType string // Go name of the struct the server method receives
	Source      diag.Pos
	// AlsoDocumented are the other places that document this method and
	// URL, whose examples joined this operation's.
	AlsoDocumented []diag.Pos
	// Permissions are the page's Permissions table: the scopes that let an
	// app call the operation, by permission type; nil when the page has
	// none.
	Permissions []Permission
}

// Result is what a successful call returns.
type Result struct {
	Status int // the documented success status
	Kind   ResultKind
	Type   *TypeRef // the JSON body, for ResultJSON
}

// ResultKind says what a successful response carries.
type ResultKind int

// The kinds of results.
const (
	ResultNone     ResultKind = iota // no body: 204, or a status alone
	ResultJSON                       // a JSON body of Result.Type
	ResultContent                    // content to stream (200, 206) or a redirect to it (302, 303)
	ResultAccepted                   // 202 with a Location to monitor a long-running operation
)

// BodyKind says what a request carries.
type BodyKind int

// The kinds of request bodies.
const (
	BodyNone   BodyKind = iota
	BodyJSON            // JSON of Operation.Body
	BodyStream          // bytes of a content type the caller gives: uploads, multipart
)

// Variant is one URL an operation is reachable at.
type Variant struct {
	ClientMethod string // Go name of the client method for this URL, on Client or on Handle
	// Handle is the client the method is on (c.User(userID).GetEvent for
	// /users/{id}/events/{id}); nil for Client itself. Its chain takes the
	// URL's first Handle.Depth parameters, and the method's URL below it
	// is Parts[HandleParts:].
	Handle      *Handle
	HandleParts int
	NameFrom    string // what the method name adds to the operation's, for -v
	Template    string // the path as documented, with {name} wildcards
	Pattern     string // method and template: "POST /drives/{driveID}/root/versions"
	// MuxPattern is what the handler registers with net/http.ServeMux: the
	// Pattern itself, or for a template the mux cannot match (path
	// addressing, function calls) its literal prefix and {docbindRest...},
	// after which the generated router matches Parts.
	MuxPattern string
	// ServedBy is the variant of another operation that the handler serves
	// this URL as, when the docs document the URL twice; Unrouted marks a URL
	// the handler cannot serve beside the others. Both keep their client
	// method.
	ServedBy *RouteTarget
	Unrouted bool
	Parts    []PathPart
	Params   []*Param // path parameters in path order
	Source   diag.Pos
	// For the generated route tests: a path with a sample value for each
	// parameter, those values, and a method no route serves at this path.
	SamplePath   string
	SampleArgs   []string
	UnusedMethod string
	NotFoundPath string // "" when no path below SamplePath is unserved
	// RoutedNearPaths are the hostile variations of SamplePath (nearPaths)
	// that another documented route serves, so that the defence test does
	// not take them for an attack that got through: /me%2FfollowedSites is
	// /{userID} of another operation when the docs document one.
	RoutedNearPaths []string
}

// Param is a path, header or query parameter.
type Param struct {
	ArgName   string // a path parameter's client method argument: itemID
	FieldName string // a path parameter's server request field (ItemID), or a header or query parameter's options field
	WireName  string // the wildcard, the HTTP header name, or the query key
	Kind      ParamKind
	Multi     bool      // a path parameter that may span segments, such as an item path
	Query     QueryKind // the Go type of a query parameter
	Doc       string
}

// ParamKind says where a parameter travels.
type ParamKind int

// The places a parameter travels in.
const (
	PathParam ParamKind = iota
	HeaderParam
	QueryParam
)

// HasServer reports whether any variant of the operation is served as the
// operation itself, so that it has a Server method.
func (op *Operation) HasServer() bool {
	for _, v := range op.Variants {
		if v.Served() {
			return true
		}
	}
	return false
}

// Served reports whether the handler serves the variant as its own
// operation.
func (v *Variant) Served() bool { return v.ServedBy == nil && !v.Unrouted }

// IsCustom reports a variant the generated router matches itself.
func (v *Variant) IsCustom() bool { return v.MuxPattern != v.Pattern }

// Type is one generated struct type.
type Type struct {
	Name        string // Go name
	ODataType   string // such as microsoft.graph.item; "" for a type named after its shape
	Doc         string
	Origin      string // how the type was found, for its doc comment
	Truncated   bool   // some example of the type is marked truncated
	Base        *Type  // the documented baseType, embedded
	Abstract    bool
	OpenType    bool   // the docs say instances carry members they do not list
	KeyProperty string // the JSON member that identifies an instance
	Fields      []*Field
	Examples    []*TypeExample // documented instances, for the round-trip test
	// Items, NextLink and DeltaLink are set on a collection envelope
	// ({"value": [...], "@odata.nextLink": ...}) so the client can page it.
	Items, NextLink, DeltaLink *Field
	Source                     diag.Pos
}

// AllFields lists the type's fields and those of its bases, base first.
func (t *Type) AllFields() []*Field {
	if t.Base == nil {
		return t.Fields
	}
	return append(t.Base.AllFields(), t.Fields...)
}

// TypeExample is one documented JSON instance of a type.
type TypeExample struct {
	Source        diag.Pos
	JSON          string // with placeholders made valid
	Substitutions []Substitution
	// Value is the instance as the model types it: which of its members
	// no field declares, and so decoding keeps in AdditionalProperties.
	Value *Value
}

// Field is one member of a struct type.
type Field struct {
	Name     string // Go name
	JSONName string // the exact JSON member name
	Type     *TypeRef
	// Pointer makes a scalar field a pointer, so that an unset member (nil,
	// omitted) differs from a documented zero value such as false or 0.
	Pointer bool
	// Nullable wraps the field in Nullable[T]: the docs say it may be JSON
	// null, which differs from absent.
	Nullable   bool
	Required   bool // documented and not listed as optional
	Optional   bool // the resource's optionalProperties list it: no example need show it
	Navigation bool // a relationship rather than a property
	Doc        string
	Source     diag.Pos
}

// Enum is a string type with documented values.
type Enum struct {
	Name   string
	Doc    string
	Values []EnumValue
	Source diag.Pos
}

// EnumValue is one documented value of an enum.
type EnumValue struct {
	Const string // Go constant name
	Value string
}

// RefKind says what Go type a TypeRef stands for.
type RefKind int

// The Go types docbind generates fields of.
const (
	RefString    RefKind = iota
	RefBool              // bool
	RefInt32             // int32
	RefInt64             // int64
	RefFloat64           // float64
	RefTime              // time.Time
	RefDateTime          // the generated DateTime: a timestamp that may lack a zone
	RefDate              // the generated Date: a civil date
	RefTimeOfDay         // the generated TimeOfDay
	RefDuration          // the generated Duration: ISO 8601
	RefBytes             // []byte, base64 in JSON
	RefRaw               // json.RawMessage: a value whose shape the docs leave open
	RefEnum              // a generated enum
	RefNamed             // a pointer to a generated struct type
	RefSlice             // a slice of Elem
	RefMap               // map[string]Elem: an object whose keys are data
	RefUnion             // a generated union of a type and the types derived from it
)

// TypeRef is a use of a type.
type TypeRef struct {
	Kind  RefKind
	Named *Type    // for RefNamed
	Enum  *Enum    // for RefEnum
	Union *Union   // for RefUnion
	Elem  *TypeRef // for RefSlice and RefMap
	// ByPointer holds a struct by pointer where it is otherwise held by
	// value: as an element of a slice or map that the docs show as null
	// (nil keeps it), or in a Nullable field whose type would otherwise
	// contain itself (Nullable[*T]).
	ByPointer bool
}

// Union holds one of several types that share a base, chosen by the JSON
// "@odata.type" member: a polymorphic member.
type Union struct {
	Name     string
	Base     *Type
	Variants []*Type // concrete types, by OData name
	Source   diag.Pos
}

// Example is one documented request with its response.
type Example struct {
	Name           string
	Source         diag.Pos // the request's annotation
	ResponseSource diag.Pos
	Variant        *Variant
	PathArgs       []string    // values of Variant.Params, in order
	HeaderArgs     []string    // values of the operation's HeaderParams ("" when not sent)
	QueryArgs      []string    // values of the operation's QueryParams ("" when not sent)
	Query          [][2]string // the documented query, key and value, in order
	Method         string
	Path           string // the request path as the client sends it
	DocPath        string // the request path as documented
	RequestBody    string // documented body ("" when none), JSON with placeholders made valid
	ContentType    string // for a BodyStream request: its documented Content-Type
	Request        *Value
	Status         int
	ResponseHeader [][2]string // documented response headers the tests check (Location, Content-Range)
	ResponseBody   string      // documented body, JSON with placeholders made valid
	Response       *Value
	IsError        bool // the response is an error (4xx, 5xx): the client returns *APIError
	// ResponseWhole says the response claims to show its type whole: an
	// annotated success response not marked truncated. A service's answer
	// to it must then hold every member the type requires.
	ResponseWhole bool
	// PageLinks counts the other pages that link to the example's page:
	// where several pages document one route, a lenient fake answers a
	// request the docs do not show from the most linked one.
	PageLinks     int
	Substitutions []Substitution
	// Handler is the operation whose Server method the handler calls for
	// this example: its own, or the one that serves its URL. Nil when the
	// handler cannot serve it, which HandlerNote explains.
	Handler     *Operation
	HandlerNote string
	// ServedPattern is the route the handler serves the request under
	// ("GET /users/{userID}"); "" when Handler is nil.
	ServedPattern string
	// PinPath says another example served under ServedPattern differs
	// from this one only in its path values, so a fake matches this one
	// only at its own path.
	PinPath bool
	// SameRequestAs is an earlier example whose request is this one's:
	// a fake answers that one unless asked for this one by name.
	SameRequestAs *Example
	// FakeHeader holds the documented response headers a fake answers
	// besides ResponseHeader: ETag, Content-Type and the like, by name.
	FakeHeader [][2]string
	// DocRequestBody is the request body as the docs write it, byte for
	// byte, and DocResponseBody the response body as documented (JSON
	// repaired, no value substituted); each "" when the same as
	// RequestBody or ResponseBody. A fake accepts and answers them.
	DocRequestBody, DocResponseBody string
}

// Substitution records a placeholder in a documented body that the tests
// replace with a valid value of the member's type.
type Substitution struct {
	Member string // JSON path of the member, such as createdDateTime
	From   string
	To     string
	offset int // byte offset of From in the documented body
}

// Value is a documented JSON value typed by the model: what the generated
// tests write as a Go composite literal.
type Value struct {
	Type    *TypeRef
	Null    bool         // JSON null, for a nullable field
	Fields  []FieldValue // for RefNamed
	Elems   []*Value     // for RefSlice
	Entries []MapEntry   // for RefMap, in document order
	Extra   []MapEntry   // for RefNamed: members the type does not declare
	Variant *Type        // for RefUnion: the type chosen; nil keeps Scalar as unknown JSON
	Scalar  string       // for scalars: the JSON text
}

// MapEntry is one member of an object whose keys are data.
type MapEntry struct {
	Key   string
	Value *Value
}

// FieldValue is one member of a struct literal.
type FieldValue struct {
	Field *Field
	Value *Value
}

// QualifiedMethod names a variant's method as a caller writes it, after
// "c.": GetEvent, or User(userID).Calendar(calendarID).GetEvent.
func (v *Variant) QualifiedMethod() string {
	name := v.ClientMethod
	for h := v.Handle; h != nil; h = h.Parent {
		name = h.Func + "(" + h.Key.ArgName + ")." + name
	}
	return name
}

// Handle is a client for the URLs under one item of a collection, such
// as /users/{userID} or /users/{userID}/mailFolders/{mailFolderID}: the
// variants of operations there are its methods, named as the operations
// are, so c.User(id).ListMessages is ListMessages for another user and
// c.User(id).MailFolder(f).ListMessages for one of their folders.
type Handle struct {
	Type   string     // Go type: UserMailFolderClient
	Func   string     // the method of Parent (or Client) that returns one: MailFolder
	Parent *Handle    // nil: Client's
	Parts  []PathPart // its URL below Parent's: "/mailFolders/" and the key
	Key    *Param     // the item's key parameter, Func's argument
	Depth  int        // handles from Client to it, itself included
}
