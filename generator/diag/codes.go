package diag

// Code identifies a kind of diagnostic. Codes are stable: suppressions in
// docbind.json and scripts may name them, so a code is never reused.
type Code string

// The diagnostic codes, by stage: 1xx Markdown, 2xx HTTP examples, 3xx
// types, 4xx operations and routes, 5xx the run, 6xx the output folder,
// 7xx a service checked against the docs (docbind check-service, CheckHandler).
const (
	BadAnnotation         Code = "DB101" // an annotation's JSON cannot be read
	AnnotationNoFence     Code = "DB102" // an annotation is not followed by a fenced code block
	UnclosedFence         Code = "DB103" // a code fence runs to the end of the page
	PageTooLarge          Code = "DB104" // a page is larger than docparse.MaxPageBytes
	EscapedAnnotation     Code = "DB105" // an annotation's JSON was HTML-escaped; its entities were decoded
	BrokenPageLink        Code = "DB106" // a relative link names a page or file that is not in the docs
	BrokenAnchorLink      Code = "DB107" // a link's #anchor is no heading of its target page
	UndefinedLinkID       Code = "DB108" // a reference-style link's id is never defined
	BadFrontMatter        Code = "DB109" // a page's YAML front matter cannot be read
	BadRequest            Code = "DB201" // a request block is not an HTTP request
	BadResponse           Code = "DB202" // a response block is not an HTTP response
	BadJSON               Code = "DB203" // a JSON body cannot be read, even leniently
	RepairedJSON          Code = "DB204" // a JSON body had comments or trailing commas
	UnpairedResponse      Code = "DB205" // a response has no request
	UnpairedRequest       Code = "DB206" // a request has no response
	BadURLLine            Code = "DB207" // a line of the HTTP request block is not "METHOD /path"
	BadPath               Code = "DB208" // a documented path cannot be used
	BodyNotAllowed        Code = "DB209" // a 204 or 304 response shows a body
	UnpairedPlainExample  Code = "DB210" // a plain (unannotated) request or response example has no other half
	DuplicateExampleName  Code = "DB211" // two examples have one name
	AnnotationContradicts Code = "DB212" // a response's annotation says what its block does not show
	VersionBeforeURL      Code = "DB213" // a request line puts the HTTP version between the method and the URL
	BadMultipartJSON      Code = "DB214" // a JSON part of a multipart body cannot be read
	HeadersAfterBlank     Code = "DB215" // a blank line separates a request line from its header lines
	UntypedResource       Code = "DB301" // a resource block names no type
	ResourceNotObject     Code = "DB302" // a resource block is not a JSON object
	UnknownBaseType       Code = "DB303" // a baseType is not documented
	TypeConflict          Code = "DB304" // an example contradicts a member's declared type
	TypeDefinedTwice      Code = "DB305" // two resource blocks define one type
	ResultTypeDiffers     Code = "DB306" // an example answers another type than its operation returns
	UnlistedEnumValue     Code = "DB307" // an example shows a value its enum's table does not list
	MissingIsCollection   Code = "DB308" // a response's body is a collection its annotation does not declare
	CaseOnlyMember        Code = "DB309" // an example's member differs from a declared one only in letter case
	PrimitiveResult       Code = "DB310" // a response names an entity type but its body is a primitive result ({"value": 12})
	UndeclaredMember      Code = "DB311" // an example shows a member its documented type does not declare
	RequiredMemberMissing Code = "DB312" // an example leaves out members its resource requires
	NullNotAllowed        Code = "DB313" // an example shows null for a member nullableProperties does not name
	NotAnAbsoluteURL      Code = "DB314" // an example's value of a url member is not an absolute URL
	UndocumentedURL       Code = "DB401" // an example's URL is none of the documented ones
	URLDocumentedTwice    Code = "DB402" // one URL is documented for two operations
	UnroutableURL         Code = "DB403" // a URL conflicts with another in the router
	ClientOnlyExample     Code = "DB404" // an example's handler half cannot be tested
	PagesDisagree         Code = "DB405" // two pages document one operation with different results
	NameNumbered          Code = "DB406" // nothing tells two generated names apart; a number was appended
	StatusFromProse       Code = "DB407" // no example shows an operation succeeding; its status is the prose's
	StatusDisagrees       Code = "DB408" // an example's success status is none of those the page's prose names
	NotAHeaderName        Code = "DB409" // a request-headers row's name cell is no HTTP header name
	SameRequest           Code = "DB410" // two examples show one request with different responses
	NoPages               Code = "DB501" // the docs folder holds no Markdown page
	NoOperations          Code = "DB502" // the docs document no operation
	BadConfig             Code = "DB503" // docbind.json cannot be used
	DocsUnreadable        Code = "DB504" // the docs folder or a page cannot be read
	BadPackageName        Code = "DB505" // the package name is not a Go identifier
	InternalError         Code = "DB506" // docbind produced code it cannot format: a bug
	PageLeftOut           Code = "DB507" // a page's generated code does not compile: the page is left out
	UnknownRename         Code = "DB508" // a docbind.json rename names nothing generated
	BadOutput             Code = "DB601" // a file docbind did not generate would be overwritten
	OutputOverlapsDocs    Code = "DB602" // the output folder is the docs folder
	OutputNotFolder       Code = "DB603" // -out names a file, not a folder
	OutputOtherPackage    Code = "DB604" // the output folder holds hand-written Go of another package
	OutputNotRegular      Code = "DB605" // a name docbind writes in the output folder is a symlink or not a regular file
	OutputLocked          Code = "DB606" // another run kept the output folder's lock too long
	OutputIO              Code = "DB607" // reading or writing the output folder failed
	ServiceStatus         Code = "DB701" // a service answered another status than the docs show
	ServiceHeader         Code = "DB702" // a service's answer lacks a header the example documents
	ServiceNotJSON        Code = "DB703" // a service's answer is not of the Content-Type, or not the JSON, the docs show
	ServiceValue          Code = "DB704" // a member of a service's answer is of another JSON type than documented
	ServiceMissing        Code = "DB705" // a service's answer leaves out a member the docs show
	ServiceUndeclared     Code = "DB706" // a service's answer holds a member its type does not declare
	ServiceNull           Code = "DB707" // a service's answer holds a null the docs do not allow
	ServiceEnum           Code = "DB708" // a service's answer holds an enum value the docs do not list
	ServiceUnusable       Code = "DB709" // a documented request could not be built or sent, or a scenario's setup failed
)

// Explanations says what each code means and what to do about it; the
// README's table is checked against it.
var Explanations = map[Code]string{
	BadAnnotation:         "An annotation's JSON cannot be read, even leniently. Fix the JSON; this error stops generation.",
	AnnotationNoFence:     "An annotation is followed by something other than a fenced code block (a heading, say), so it annotates nothing.",
	UnclosedFence:         "A code fence is never closed, so the rest of the page became code.",
	PageTooLarge:          "A page is larger than 32 MiB, a bound that keeps a run's memory bounded (a 10 MB page takes about 2.5 s and 460 MB); it is not read. Split the page.",
	EscapedAnnotation:     "An annotation's JSON was HTML-escaped (`&quot;` for a quote, say), as translation tools leave it; docbind decoded the entities to read it. Write the quotes plainly.",
	BadRequest:            "A request block does not start with \"METHOD URL\", or a header line is not \"Name: value\". The example is left out.",
	BadResponse:           "A response block does not start with \"HTTP/1.1 STATUS\". The example is left out.",
	BadJSON:               "A JSON body cannot be read even after repairs; its shape is not used. When a `}`, `]` or `,` is missing, the diagnostic points where it is missing, as the body's indentation shows, and names the object or array left open and where the parser stopped (related positions under `-format json`).",
	RepairedJSON:          "A JSON body had a comment or a trailing comma; docbind removed it to read the body, and the tests use the repaired body. It is a note, not a warning: ApiDoctor's JSON reader accepts both, so `-strict` and `-lint` let it pass; remove them to be read by strict JSON parsers too.",
	UnpairedResponse:      "A response names no request, and no request before it lacks a response.",
	UnpairedRequest:       "A request has no response, so it has no test.",
	BadURLLine:            "A line of the HTTP request block is not \"METHOD /path\".",
	BadPath:               "A documented path cannot be used: no leading slash, an empty segment, a broken placeholder, or too many segments.",
	BodyNotAllowed:        "A response whose status has no body in HTTP (204 No Content, 304 Not Modified, 1xx) shows one; docbind ignores it, as every HTTP client does. Remove the body or document the status the API really answers.",
	UnpairedPlainExample:  "A code block without annotation reads as a request example (its first line is METHOD URL) or a response example (HTTP/1.1 STATUS), but the other half does not follow it (with no annotated block between), so it is not an example. Put the response right after its request, or annotate both.",
	DuplicateExampleName:  "Two examples, on one page or on two, have the same name, which is what a generated subtest runs as and what a fake is asked for. The first in page order keeps it; the later is named after it with a number (`get_note_2`), as the message says. Give each example a name of its own.",
	AnnotationContradicts: "A response's annotation contradicts its block: `\"isEmpty\": true` over a body (a collection's page of no items agrees with it), or `\"expectError\": true` over a success status. docbind reads the block as it is (the body is the example's; the status decides whether it is an error), and the tests replay that. Correct the annotation or the block.",
	UntypedResource:       "A resource block names no type with \"@odata.type\".",
	ResourceNotObject:     "A resource block's JSON is not an object.",
	UnknownBaseType:       "A baseType is not documented, so its members are not inherited.",
	TypeConflict:          "An example shows a value of another type than the one the resource block or Properties table declares; the declared type wins and the tests substitute a valid value.",
	TypeDefinedTwice:      "Two resource blocks define one type; their members are merged.",
	ResultTypeDiffers:     "An example's response names a type that is neither the type its operation returns (its first example's) nor derived from it, so the example is read as the operation's type and may lose what only its own type has. Give the types a documented baseType, or document the other response on its own page.",
	UnlistedEnumValue:     "An example shows a value of an enum member that the enum's table does not list. The Go enum keeps it (IsKnown reports false), but the OpenAPI description's enum is closed, so the example does not validate against it. List the value in the table, or correct the example.",
	MissingIsCollection:   "A response annotation names a type (`@odata.type`) but not `\"isCollection\": true`, while its body is a collection of objects (`\"value\": [...]`, with only `@odata` annotations beside it) and the type declares no `value` member; docbind reads it as a collection of the type. Add `\"isCollection\": true`.",
	CaseOnlyMember:        "An example shows a member whose name differs from a declared member's only in letter case (`Topic` beside `topic`). JSON names are case-sensitive, so it is not that member, and docbind does not make it a field of its own: it is kept in AdditionalProperties, and never fills the declared field. Where a Properties table spells a member of the JSON representation otherwise (`subUnit` for `subunit`), the two are one field, named as the JSON representation spells it, and the warning points at the table's row. Spell the member as declared.",
	PrimitiveResult:       "A response's annotation names a documented type (`@odata.type`), but its body is a primitive result, as OData answers a function that returns a number, a string or a list of them: an object whose only member besides `@odata` annotations is `value`, holding a scalar or an array of scalars (`{\"value\": 12}`), and the type declares no `value` member. docbind reads the body as it is (a result with a `Value` field of the shown type), and the tests replay it. Name the primitive type in the annotation (`Edm.Int64`, `Collection(Edm.String)`).",
	UndocumentedURL:       "An example's URL matches none of the URLs under \"HTTP request\"; it becomes another URL of the operation.",
	URLDocumentedTwice:    "One method and URL are documented for two operations; the handler serves it as the first, and both keep client methods.",
	UnroutableURL:         "A URL conflicts with another in net/http.ServeMux (neither is more specific), or another documented route takes its requests even once docbind routes the two together (a wildcard beside a function call at the same depth); only its client method is generated.",
	ClientOnlyExample:     "An example's URL is served by another operation with another request or result, or cannot be routed: only its client half is tested.",
	PagesDisagree:         "Two pages document the same method and URL, so they are one operation (its doc comment names both), but their examples answer different types or kinds of result; the first page's is kept and the other's examples are tested against it. Make the pages agree.",
	NameNumbered:          "Nothing in the docs (title, URL, page file name) tells two generated names apart, so a number was appended to one. Such a name can change when pages change: give the pages distinct titles, or rename it in docbind.json.",
	StatusFromProse:       "No example shows an operation succeeding, so its success status is the one the page's prose names with its reason phrase (\"returns a `204 No Content` response code\"), as its doc comment says; where the prose names several success statuses, it is the method's default (201 for POST, else 200). Add an example with its response.",
	StatusDisagrees:       "An example answers a success status that the page's prose does not name (the prose says `201 Created`, the example `200 OK`); the example's status is kept, as the tests replay it. Make the prose and the example agree.",
	NotAHeaderName:        "A row of a request headers table names no HTTP header: a header's name is an RFC 9110 token (ASCII letters, digits and a few marks such as `-` and `_`; no space, no accented letter), and the row's first cell is not one, as when a translation wrote `Autorização` for `Authorization`. No client can send it, so it is not an option of the operation. A row whose value shows a header the client sets itself (`Bearer {token}` for Authorization; a media type such as `application/json` for Content-Type or Accept) is left out without a warning, in any language. Write the header's name as it is sent.",
	SameRequest:           "Two examples show one request (method, path, query, header parameters and body) with different responses, as when two pages document one request, or a page shows it succeeding and failing. A fake cannot tell the requests apart: `docbind serve` and `NewExampleHandler` answer the earlier example, and the later one when the request names it in a `Docbind-Example` header, as the generated tests do. Make the requests differ where the answers do (a value, a header), or leave one out.",
	NoPages:               "The docs folder holds no Markdown page.",
	NoOperations:          "The docs hold no request example, so there is nothing to generate.",
	BadConfig:             "docbind.json cannot be read: bad JSON, an unknown key, or a bad glob.",
	DocsUnreadable:        "The docs folder, or a page in it, cannot be read (no permission, say); every such page is named, and the pages that could be read are counted. A -docs that names no folder, or names a file, is a usage error (exit 2).",
	BadPackageName:        "The package name (-package, docbind.json, $GOPACKAGE or the output folder's name) is not a Go identifier.",
	InternalError:         "docbind generated code it cannot format or type-check. This is a bug in docbind: please report it with the page named.",
	PageLeftOut:           "The Go code generated from a page does not type-check (docbind checks the whole package before writing it), so that page's operations and types are left out and the rest of the package is generated, builds and passes. The message gives the first compiler error; please report it, with the page.",
	UnknownRename:         "An operations or types rename in docbind.json names nothing generated; it is ignored. The message lists the closest generated names, as `docbind -v` prints them.",
	BadOutput:             "A file docbind did not generate (its first line is not docbind's header) would be overwritten; docbind refuses and writes nothing. If it is your code, rename it or move it out of the folder (docbind generates that name); if it is an old generated file whose header was edited, delete it. For the -openapi document, choose another file.",
	OutputOverlapsDocs:    "The output folder is the docs folder (symbolic links resolved); docbind refuses to write there. Choose another -out.",
	OutputNotFolder:       "-out names an existing file, not a folder; docbind writes a folder of files.",
	OutputOtherPackage:    "The output folder holds hand-written Go of another package than the one generated (-package, $GOPACKAGE, else the folder's name), so it would not compile. Set -package or choose another -out.",
	OutputNotRegular:      "A name docbind writes in the output folder (a generated file or the lock file) is a symbolic link or not a regular file; docbind never writes through it. Remove it.",
	OutputLocked:          "Another docbind run held the output folder's lock file (.docbind.lock) for a minute. If no run is going on, delete the file.",
	BrokenPageLink:        "A relative link or image names a page or file that is not in the docs folder (ApiDoctor's `LinkDestinationNotFound`). The path is read from the page's folder, with `?query` and `#anchor` left out, `%20` escapes decoded and letter case ignored, as the docs sites serve it; a path without an extension names the page `path.md`. Links with a scheme (`https:`, `mailto:`, `xref:`), site-absolute links (`/graph/api/...`) and links that climb out of the docs folder are not checked. Links into a folder the docs folder does not have at all (a partial copy, say) are reported once, at the first, with their count. Correct the link, or add the file.",
	BrokenAnchorLink:      "A link's `#anchor` is no anchor of the page it names (of its own page, for `#anchor` alone), as ApiDoctor checks bookmarks. A heading's anchor is the one the docs sites give it: its text lower-cased, spaces as hyphens, other punctuation dropped, `-1`, `-2` appended to a repeated one; HTML anchors count too (`<a name=\"x\">`, any element's `id=\"x\"`). Anchors match with letter case, as browsers match them. Only pages docbind reads are checked. Correct the anchor, or the heading.",
	UndefinedLinkID:       "A reference-style link (`[text][id]` or `[text][]`) names an id that no `[id]: destination` line of the page defines (ApiDoctor's `MissingLinkSourceId`), so it renders as plain text. Brackets in code, DocFX's `[!NOTE]` and `[!INCLUDE ...]`, a lone `[word]` and brackets right after a word (`items[0][name]`) are not links. Define the id, or write the link inline.",
	BadFrontMatter:        "A page's YAML front matter (from a `---` first line to the next `---`) is not closed, or is not YAML the docs site can read (ApiDoctor's `IncorrectYamlHeaderFormat`): a line that is not `key: value`, a list item under a key with no value, an indented line or a comment; a key given twice; a quoted value never closed, or followed by more text; a plain value holding `: ` or starting with a character YAML reserves (`` ` ``, `@`, `*`); a tab for indentation. A page's first such line is reported. Fix the header, quoting values as needed.",
	VersionBeforeURL:      "A request line puts the HTTP version between the method and the URL (`GET HTTP/1.1 https://...`), in an example or in the URL lines of an HTTP request section. docbind reads the version as the version and the rest as the URL, as ApiDoctor's HttpParser reads the version, so it is a note, not a warning: `-strict` and `-lint` let it pass. ApiDoctor's parser keeps the version in its URL too (`HTTP/1.1 https://...`), so its checks of that URL go wrong: write the version after the URL (`GET https://... HTTP/1.1`), or leave it out.",
	HeadersAfterBlank:     "A request example writes a blank line between its request line and its header lines (`POST /x`, a blank line, `Content-Type: application/json`, a blank line, the body). In HTTP the first blank line ends the headers, so the header lines would be the body, and the JSON after them would be lost. docbind reads them as headers when they are a run of `Name: value` lines that a blank line or the block's end closes (a body of another form, such as a MIME message, stays a body). Remove the blank line.",
	BadMultipartJSON:      "A `multipart` body (Content-Type `multipart/related`, `multipart/form-data`, `multipart/mixed`...) cannot be checked as written: a part whose own Content-Type is JSON does not parse (the message says where, as DB203's does), or the body cannot be split into its parts (its Content-Type names no `boundary`, no line `--boundary` opens a part, a part's header line is not `Name: value`, or no line `--boundary--` closes the body). ApiDoctor checks the JSON metadata part of a `multipart/related` request so; docbind checks every JSON part of every multipart request and response. The body is still sent as written. Fix the part's JSON or the boundary lines.",
	UndeclaredMember:      "An example shows a member that its documented type does not declare: neither its resource block, nor its Properties or Relationships table, nor those of its base types (ApiDoctor's `AdditionalPropertyDetected`). OData control information (`@odata.etag`, any member starting with `@`) and annotations of a declared member (`members@odata.bind` where `members` is declared) are not reported, nor are members of an open type (`\"openType\": true`). docbind does not make the member a field, so the package's API is what the docs declare: it is kept in AdditionalProperties, and the tests replay it from there. An object whose own `@odata.type` names a derived type is checked against, and informs, that type, not the base its annotation names. Declare the member, or correct the example.",
	RequiredMemberMissing: "An annotated response's body, or an element of an array in it, leaves out members that its resource block lists (its own or its base types'), while the response is not marked `\"truncated\": true` and no `optionalProperties` names them (ApiDoctor's `RequiredPropertiesMissing`). As in ApiDoctor, an object member inside the body is not asked for every member, nor is a request body (it sends what it sets), nor a plain (unannotated) response, which no annotation claims whole. Add the members, mark the response truncated, or list them as optional.",
	NullNotAllowed:        "An example shows `null` for a member, while the resource's annotation gives a `nullableProperties` list that does not name it (ApiDoctor's `NullPropertyValue`). A resource without the list allows null anywhere. The Go field still holds the null. Name the member in `nullableProperties`, or show a value.",
	NotAnAbsoluteURL:      "An example shows a value that is not an absolute URL (a scheme, then the rest: `https://...`, `mailto:...`) for a member its resource block declares `\"url\"` or `\"absolute url\"` (ApiDoctor's `InvalidUrlString`), such as `../items/1`. Show an absolute URL, or declare the member `\"string\"`.",
	OutputIO:              "The output folder (or the -openapi document's) cannot be read or written; the message names the folder or file and gives the system's error (a read-only folder, permissions, a full disk...). A run whose writing fails puts back the files it had already written; one it cannot put back is named.",
	ServiceStatus:         "The service answered a documented request with a status that is neither the example's nor another the docs show for the operation (`docbind check-service`, `CheckHandler`). The message quotes the start of the answer's body. Fix the service, or document the status it answers.",
	ServiceHeader:         "The example's response documents a header the tests check (`Location`, `Content-Range`, ...) that the service's answer lacks.",
	ServiceNotJSON:        "The example's response documents a Content-Type and the service's answer has another media type, or the docs show a JSON body and the answer has another Content-Type, or a body that is not JSON.",
	ServiceValue:          "A member of the service's answer (the message gives its path, such as `value[0].size`) is of another JSON type than the documented type declares: a string for an Int64, an object for a collection. Integers must be in their type's range; a Double may also be `NaN`, `INF` or `-INF`, as OData writes them.",
	ServiceMissing:        "The service's answer leaves out a member that the example shows of that type (ApiDoctor's rule: what a response example shows, the service must answer), or, where the example claims its type whole (annotated, not `truncated`) without showing an instance of it, a member its resource requires. A member the resource's `optionalProperties` lists is never required. Mark the example `truncated`, list the member as optional, or fix the service.",
	ServiceUndeclared:     "A warning: the service's answer holds a member the documented type (or its base types) does not declare, and the type is not open. Instance annotations such as `@odata.context` are not members. Document the member.",
	ServiceNull:           "A warning: the service answered `null` for a member the docs do not say may be null (`nullableProperties`, or an example showing null).",
	ServiceEnum:           "A member of an enum type holds a value its enum's table does not list (compared without regard to case; a flags value's comma-separated parts each).",
	ServiceUnusable:       "`docbind check-service` could not build an example's request (a scenario value that does not fit it), a scenario's setup request failed or lacked the value it captures, or the request could not be sent. The example is counted as differing.",
}
