package model

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// edition is one language of the docs: a translated edition translates
// headings and table header rows but keeps the English anchors (Microsoft
// Graph's localised reference does), and every code block and type name.
type edition struct {
	name     string
	headings map[string]string // anchor -> heading text
	anchored bool              // headings carry <a name="anchor"></a>
	escaped  bool              // annotations are HTML-escaped
	// header rows of the Properties, Relationships, Methods and request
	// headers tables
	props, rels, methods, reqHeaders string
}

var editions = []edition{
	{
		name: "English",
		headings: map[string]string{
			"methods": "Methods", "properties": "Properties", "relationships": "Relationships", "json-representation": "JSON representation",
			"http-request": "HTTP request", "request-headers": "Request headers", "request-body": "Request body", "response": "Response",
			"example": "Example", "request": "Request",
		},
		props:      "| Property | Type | Description |",
		rels:       "| Relationship | Type | Description |",
		methods:    "| Method | Return Type | Description |",
		reqHeaders: "| Name | Description |",
	},
	{
		name: "German", anchored: true,
		headings: map[string]string{
			"methods": "Methoden", "properties": "Eigenschaften", "relationships": "Beziehungen", "json-representation": "JSON-Darstellung",
			"http-request": "HTTP-Anforderung", "request-headers": "Anforderungsheader", "request-body": "Anforderungstext", "response": "Antwort",
			"example": "Beispiel", "request": "Anforderung",
		},
		props:      "| Eigenschaft | Typ | Beschreibung |",
		rels:       "| Beziehung | Typ | Beschreibung |",
		methods:    "| Methode | Rückgabetyp | Beschreibung |",
		reqHeaders: "| Name | Beschreibung |",
	},
	{
		name: "Japanese", anchored: true,
		headings: map[string]string{
			"methods": "メソッド", "properties": "プロパティ", "relationships": "リレーションシップ", "json-representation": "JSON 表記",
			"http-request": "HTTP 要求", "request-headers": "要求ヘッダー", "request-body": "要求本文", "response": "応答",
			"example": "例", "request": "要求",
		},
		props:      "| プロパティ | 型 | 説明 |",
		rels:       "| リレーションシップ | 型 | 説明 |",
		methods:    "| メソッド | 戻り値の型 | 説明 |",
		reqHeaders: "| 名前 | 説明 |",
	},
	{
		name: "French", anchored: true,
		headings: map[string]string{
			"methods": "Méthodes", "properties": "Propriétés", "relationships": "Relations", "json-representation": "Représentation JSON",
			"http-request": "Requête HTTP", "request-headers": "En-têtes de demande", "request-body": "Corps de la demande", "response": "Réponse",
			"example": "Exemple", "request": "Demande",
		},
		// "Type" and "Description" are French too; "Valeur" is not "Value".
		props:      "| Propriété | Type | Description |",
		rels:       "| Relation | Type | Description |",
		methods:    "| Méthode | Type de retour | Description |",
		reqHeaders: "| Nom | Description |",
	},
	{
		name: "Spanish, description column before the type", anchored: true,
		headings: map[string]string{
			"methods": "Métodos", "properties": "Propiedades", "relationships": "Relaciones", "json-representation": "Representación JSON",
			"http-request": "Solicitud HTTP", "request-headers": "Encabezados de solicitud", "request-body": "Cuerpo de la solicitud", "response": "Respuesta",
			"example": "Ejemplo", "request": "Solicitud",
		},
		props:      "| Propiedad | Descripción | Tipo |",
		rels:       "| Relación | Descripción | Tipo |",
		methods:    "| Método | Tipo de valor devuelto | Descripción |",
		reqHeaders: "| Nombre | Descripción |",
	},
}

func init() {
	german := editions[1]
	german.name, german.escaped = "German, annotations HTML-escaped", true
	editions = append(editions, german)
}

var annotationJSON = regexp.MustCompile(`<!-- \{.*?\} -->`)

// escape HTML-escapes the annotations of an escaped edition's page, as a
// translation pipeline did.
func (e edition) escape(page string) string {
	if !e.escaped {
		return page
	}
	return annotationJSON.ReplaceAllStringFunc(page, func(c string) string {
		return strings.NewReplacer(`"`, "&quot;", "'", "&#39;").Replace(c)
	})
}

func (e edition) heading(level int, anchor string) string {
	h := strings.Repeat("#", level) + " "
	if e.anchored {
		h += `<a name="` + anchor + `"></a>`
	}
	return h + e.headings[anchor]
}

// row writes a table row; the Spanish edition swaps the last two columns.
func (e edition) row(cells ...string) string {
	if strings.HasPrefix(e.name, "Spanish") && len(cells) == 3 {
		cells[1], cells[2] = cells[2], cells[1]
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

func (e edition) resourcePage() string {
	return fmt.Sprintf(`# widget resource type

Represents a widget.

%s

%s
|:--|:--|:--|
| [delta](../api/widget-delta.md) | [widget](widget.md) collection | Track changes to widgets. |

%s

%s
|:--|:--|:--|
%s
%s
%s
%s
%s
%s
%s

%s

%s
|:--|:--|:--|
%s

%s

<!-- { "blockType": "resource", "@odata.type": "example.widget", "optionalProperties": ["isShared"] } -->
`+"```json"+`
{"id": "String (identifier)", "size": 1024, "createdDateTime": "String (timestamp)", "isShared": true,
 "tags": ["String"], "owner": {"@odata.type": "example.identitySet"}}
`+"```"+`
`,
		e.heading(2, "methods"), e.methods,
		e.heading(2, "properties"), e.props,
		e.row("id", "String", "The unique identifier of the widget. Read-only."),
		e.row("size", "Int64", "The size of the widget in bytes."),
		e.row("createdDateTime", "DateTimeOffset", "The date and time the widget was created."),
		e.row("isShared", "Boolean", "Whether the widget is shared with others. Nullable."),
		e.row("tags", "String collection", "The tags people gave the widget."),
		e.row("owner", "[identitySet](identityset.md)", "The identity of the widget's owner."),
		e.row("parts", "Collection(Int32)", "Part numbers, only in the table."),
		e.heading(2, "relationships"), e.rels,
		e.row("children", "[widget](widget.md) collection", "The widgets inside this widget. Nullable."),
		e.heading(2, "json-representation"))
}

func (e edition) operationPage() string {
	return fmt.Sprintf(`# Create widget

Create a widget.

%s
<!-- { "blockType": "ignored" } -->
`+"```http"+`
POST /widgets
POST /groups/{group-id}/widgets
`+"```"+`

%s
%s
|:--|:--|
| Authorization | Bearer {token}. Required. |
| If-Match | The last known ETag of the widget; the request fails when it changed. |

%s
In the request body, supply a JSON representation of a [widget](../resources/widget.md) object.

%s

%s

%s
<!-- { "blockType": "request", "name": "create_widget" } -->
`+"```http"+`
POST https://graph.microsoft.com/v1.0/groups/g1/widgets
If-Match: "abc"
`+"```"+`

%s
<!-- { "blockType": "response", "@odata.type": "example.widget" } -->
`+"```http"+`
HTTP/1.1 201 Created
Content-type: application/json

{"id": "1", "size": 3}
`+"```"+`
`,
		e.heading(2, "http-request"), e.heading(2, "request-headers"), e.reqHeaders, e.heading(2, "request-body"),
		e.heading(2, "response"), e.heading(2, "example"), e.heading(3, "request"), e.heading(3, "response"))
}

// summary is what the docs say of the widget type and the operation, in a
// form that must not depend on the edition.
func (e edition) summary(t *testing.T) string {
	t.Helper()
	api, diags := buildPages(t, map[string]string{
		"resources/widget.md":      e.escape(e.resourcePage()),
		"resources/identityset.md": e.escape(resource("example.identitySet", "", `{"displayName": "String"}`)),
		"api/widget-post.md":       e.escape(e.operationPage()),
	})
	escapes := 0
	for _, d := range diags {
		if d.Code == diag.EscapedAnnotation && d.Severity == diag.Warning {
			escapes++
		} else {
			t.Errorf("%s: diagnostic %v", e.name, d)
		}
	}
	if want := map[bool]int{false: 0, true: 5}[e.escaped]; escapes != want {
		t.Errorf("%s: %d DB105 warnings, want one per annotation (%d)", e.name, escapes, want)
	}
	var b strings.Builder
	w := typeNamed(api, "Widget")
	if w == nil {
		t.Fatalf("%s: no Widget type", e.name)
	}
	for _, f := range w.AllFields() {
		fmt.Fprintf(&b, "field %s %s navigation=%v doc=%q\n", f.JSONName, describe(f), f.Navigation, f.Doc)
	}
	for _, op := range api.Operations {
		fmt.Fprintf(&b, "operation %s\n", op.Name)
		for _, v := range op.Variants {
			fmt.Fprintf(&b, "  variant %s\n", v.Pattern)
		}
		for _, p := range op.HeaderParams {
			fmt.Fprintf(&b, "  header %s doc=%q\n", p.WireName, p.Doc)
		}
		if op.Body != nil && op.Body.Named != nil {
			fmt.Fprintf(&b, "  body %s\n", op.Body.Named.Name)
		}
	}
	return b.String()
}

// TestTranslatedEditions builds the same pages in several languages: the
// sections are known by their anchors, the member tables' columns by their
// cells, and each edition gives the types, descriptions, URLs and header
// parameters the English one does.
func TestTranslatedEditions(t *testing.T) {
	english := editions[0].summary(t)
	for _, want := range []string{
		`field size int64 required navigation=false doc="The size of the widget in bytes."`,
		`field isShared Nullable[bool] navigation=false doc="Whether the widget is shared with others. Nullable."`,
		`field tags []string required navigation=false`,
		`field parts []int32 navigation=false doc="Part numbers, only in the table."`,
		`field children Nullable[[]*Widget] navigation=true doc="The widgets inside this widget. Nullable."`,
		"variant POST /widgets\n  variant POST /groups/{groupID}/widgets\n",
		`header If-Match doc="The last known ETag of the widget; the request fails when it changed."`,
		"body Widget",
	} {
		if !strings.Contains(english, want) {
			t.Errorf("English summary lacks %q:\n%s", want, english)
		}
	}
	if strings.Contains(english, "delta") {
		t.Errorf("the Methods table was read as members:\n%s", english)
	}
	for _, e := range editions[1:] {
		t.Run(e.name, func(t *testing.T) {
			got := e.summary(t)
			if got != english {
				t.Errorf("%s differs from English:\n got\n%s\nwant\n%s", e.name, got, english)
			}
		})
	}
}

// parseTable parses one Markdown table under a heading.
func parseTable(t *testing.T, heading, table string) *docparse.Page {
	t.Helper()
	page, diags := docparse.Parse("p.md", []byte("# T\n\n"+heading+"\n\n"+table))
	if len(diags) > 0 || len(page.Tables) != 1 {
		t.Fatalf("%d tables, diagnostics %v", len(page.Tables), diags)
	}
	return page
}

func TestTableColumns(t *testing.T) {
	tests := []struct {
		name      string
		table     string
		typ, desc int
	}{
		{"English", "| Property | Type | Description |\n|--|--|--|\n| id | String | The id. |\n", 1, 2},
		{"English, Value column", "| Name | Value | Description |\n|--|--|--|\n| id | something | The id. |\n", 1, 2},
		{"German", "| Eigenschaft | Typ | Beschreibung |\n|--|--|--|\n| id | String | Die ID. |\n| owner | [identitySet](identityset.md) | Der Besitzer. |\n| tags | String collection | Die Schlagwörter. |\n", 1, 2},
		{"Japanese, description first", "| プロパティ | 説明 | 型 |\n|--|--|--|\n| id | ウィジェットの ID。 | String |\n| kind | 種類。 | microsoft.graph.widgetKind |\n| size | サイズ。 | Int64 |\n", 2, 1},
		{"Dutch: Type is a word, the description is the widest column", "| Eigenschap | Type | Beschrijving |\n|--|--|--|\n| id | String | De id van de widget. |\n", 1, 2},
		{"types in a minority of cells", "| Name | Wert | Beschreibung |\n|--|--|--|\n| a | Ja | Erstens. |\n| b | Nein | Zweitens. |\n| c | String | Drittens. |\n", -1, -1},
		{"no types", "| Berechtigungstyp | Berechtigungen |\n|--|--|\n| Delegiert | Files.Read, Files.ReadWrite |\n", -1, -1},
		{"Collection(x) and x collection", "| Nom | Genre | Remarques |\n|--|--|--|\n| a | Collection(Int32) | Les numéros des pièces. |\n| b | [widget](widget.md) collection | Les enfants. |\n", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := parseTable(t, "## Properties", tt.table)
			if typ, desc := tableColumns(&page.Tables[0]); typ != tt.typ || desc != tt.desc {
				t.Errorf("tableColumns = type %d, description %d; want %d, %d", typ, desc, tt.typ, tt.desc)
			}
		})
	}
}

func TestHeaderParamsColumns(t *testing.T) {
	tests := []struct {
		name, heading, table string
		want                 string // WireName=Doc, ...
	}{
		{"English", "## Request headers", "| Name | Description |\n|--|--|\n| Authorization | Bearer {token}. Required. |\n| Prefer | return=minimal. Optional. |\n", "Prefer=return=minimal. Optional."},
		{"English Header | Value: the value is no description", "## Request headers", "| Header | Value |\n|--|--|\n| Prefer | return=minimal |\n", "Prefer="},
		{"German, by anchor and position", `## <a name="request-headers"></a>Anforderungsheader`, "| Name | Beschreibung |\n|--|--|\n| Authorization | Bearer {token}. Erforderlich. |\n| If-Match | Das letzte bekannte ETag. |\n", "If-Match=Das letzte bekannte ETag."},
		{"Japanese, three columns", `### <a name="request-headers"></a>要求ヘッダー`, "| 名前 | 種類 | 説明 |\n|--|--|--|\n| Content-Type | string | application/json。必須。 |\n| X-Sample | string | サンプルのヘッダー。省略可能。 |\n", "X-Sample=サンプルのヘッダー。省略可能。"},
		{"translated heading without its anchor is not the section", "## Anforderungsheader", "| Name | Beschreibung |\n|--|--|\n| If-Match | Das ETag. |\n", ""},
		{"optional request headers by anchor", `## <a name="optional-request-headers"></a>Optionale Anforderungsheader`, "| Name | Beschreibung |\n|--|--|\n| Prefer | Wie bevorzugt. |\n", "Prefer=Wie bevorzugt."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range headerParams(parseTable(t, tt.heading, tt.table)) {
				got = append(got, p.WireName+"="+p.Doc)
			}
			if strings.Join(got, ", ") != tt.want {
				t.Errorf("header params %q, want %q", got, tt.want)
			}
		})
	}
}
