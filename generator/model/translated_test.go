package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// edition is one language of the docs: a translated edition translates
// titles, headings, prose, table header rows and the names of the
// convention's well-known request headers, but keeps the English anchors
// (Microsoft Graph's localised reference does), every code block, URL,
// annotation and type name, and the token or media type in a well-known
// header's value.
type edition struct {
	name     string
	headings map[string]string // anchor -> heading text
	titles   map[string]string // a page title's anchor -> the title; English titles when nil
	prose    string            // a sentence of prose in the language
	anchored bool              // headings carry <a name="anchor"></a>
	escaped  bool              // annotations are HTML-escaped
	// header rows of the Properties, Relationships, Methods and request
	// headers tables
	props, rels, methods, reqHeaders string
	// the rows of the well-known request headers: name and value
	auth, accept, contentType [2]string
}

// englishTitles are the titles of the operation pages, by their anchor.
var englishTitles = map[string]string{
	"create-widget": "Create widget", "update-widget": "Update widget", "list-widgets": "List widgets",
	"widget-reprocess": "widget: reprocess", "getwidgetcount-function": "getWidgetCount function",
}

var editions = []edition{
	{
		name: "English",
		headings: map[string]string{
			"methods": "Methods", "properties": "Properties", "relationships": "Relationships", "json-representation": "JSON representation",
			"http-request": "HTTP request", "request-headers": "Request headers", "request-body": "Request body", "response": "Response",
			"example": "Example", "request": "Request", "optional-query-parameters": "Optional query parameters",
		},
		prose:       "Here is what it does.",
		props:       "| Property | Type | Description |",
		rels:        "| Relationship | Type | Description |",
		methods:     "| Method | Return Type | Description |",
		reqHeaders:  "| Name | Description |",
		auth:        [2]string{"Authorization", "Bearer {token}. Required."},
		accept:      [2]string{"Accept", "application/json"},
		contentType: [2]string{"Content-Type", "application/json. Required."},
	},
	{
		name: "German", anchored: true,
		headings: map[string]string{
			"methods": "Methoden", "properties": "Eigenschaften", "relationships": "Beziehungen", "json-representation": "JSON-Darstellung",
			"http-request": "HTTP-Anforderung", "request-headers": "Anforderungsheader", "request-body": "Anforderungstext", "response": "Antwort",
			"example": "Beispiel", "request": "Anforderung", "optional-query-parameters": "Optionale Abfrageparameter",
		},
		titles: map[string]string{
			"create-widget": "Widget erstellen", "update-widget": "Widget aktualisieren", "list-widgets": "Widgets auflisten",
			"widget-reprocess": "widget: erneut verarbeiten", "getwidgetcount-function": "getWidgetCount-Funktion",
		},
		prose:       "Das macht sie.",
		props:       "| Eigenschaft | Typ | Beschreibung |",
		rels:        "| Beziehung | Typ | Beschreibung |",
		methods:     "| Methode | Rückgabetyp | Beschreibung |",
		reqHeaders:  "| Name | Beschreibung |",
		auth:        [2]string{"Autorisierung", "Bearer {token}. Erforderlich."},
		accept:      [2]string{"Akzeptieren", "application/json"},
		contentType: [2]string{"Inhaltstyp", "application/json. Erforderlich."},
	},
	{
		name: "Japanese", anchored: true,
		headings: map[string]string{
			"methods": "メソッド", "properties": "プロパティ", "relationships": "リレーションシップ", "json-representation": "JSON 表記",
			"http-request": "HTTP 要求", "request-headers": "要求ヘッダー", "request-body": "要求本文", "response": "応答",
			"example": "例", "request": "要求", "optional-query-parameters": "オプションのクエリ パラメーター",
		},
		titles: map[string]string{
			"create-widget": "widget を作成する", "update-widget": "widget を更新する", "list-widgets": "widgets を一覧表示する",
			"widget-reprocess": "widget: 再処理", "getwidgetcount-function": "getWidgetCount 関数",
		},
		prose:       "これが機能です。",
		props:       "| プロパティ | 型 | 説明 |",
		rels:        "| リレーションシップ | 型 | 説明 |",
		methods:     "| メソッド | 戻り値の型 | 説明 |",
		reqHeaders:  "| 名前 | 説明 |",
		auth:        [2]string{"承認", "ベアラー {token}。必須。"},
		accept:      [2]string{"Accept", "application/json"},
		contentType: [2]string{"Content-Type", "application/json。必須。"},
	},
	{
		name: "French", anchored: true,
		headings: map[string]string{
			"methods": "Méthodes", "properties": "Propriétés", "relationships": "Relations", "json-representation": "Représentation JSON",
			"http-request": "Requête HTTP", "request-headers": "En-têtes de demande", "request-body": "Corps de la demande", "response": "Réponse",
			"example": "Exemple", "request": "Demande", "optional-query-parameters": "Paramètres de requête facultatifs",
		},
		titles: map[string]string{
			"create-widget": "Créer un widget", "update-widget": "Mettre à jour le widget", "list-widgets": "Lister les widgets",
			"widget-reprocess": "widget : retraiter", "getwidgetcount-function": "Fonction getWidgetCount",
		},
		prose: "Voici ce qu'elle fait.",
		// "Type" and "Description" are French too; "Valeur" is not "Value".
		props:       "| Propriété | Type | Description |",
		rels:        "| Relation | Type | Description |",
		methods:     "| Méthode | Type de retour | Description |",
		reqHeaders:  "| Nom | Description |",
		auth:        [2]string{"Autorisation", "Porteur {token}. Obligatoire."},
		accept:      [2]string{"Accepter", "application/json"},
		contentType: [2]string{"Type de contenu", "application/json. Obligatoire."},
	},
	{
		name: "Spanish, description column before the type", anchored: true,
		headings: map[string]string{
			"methods": "Métodos", "properties": "Propiedades", "relationships": "Relaciones", "json-representation": "Representación JSON",
			"http-request": "Solicitud HTTP", "request-headers": "Encabezados de solicitud", "request-body": "Cuerpo de la solicitud", "response": "Respuesta",
			"example": "Ejemplo", "request": "Solicitud", "optional-query-parameters": "Parámetros de consulta opcionales",
		},
		titles: map[string]string{
			"create-widget": "Crear widget", "update-widget": "Actualizar widget", "list-widgets": "Enumerar widgets",
			"widget-reprocess": "widget: volver a procesar", "getwidgetcount-function": "Funcion getWidgetCount",
		},
		prose:       "Esto es lo que hace.",
		props:       "| Propiedad | Descripción | Tipo |",
		rels:        "| Relación | Descripción | Tipo |",
		methods:     "| Método | Tipo de valor devuelto | Descripción |",
		reqHeaders:  "| Nombre | Descripción |",
		auth:        [2]string{"Autorización", "{token} de portador. Obligatorio."},
		accept:      [2]string{"Aceptar", "application/json"},
		contentType: [2]string{"Content-Type", "application/json. Obligatorio."},
	},
	{
		name: "Portuguese", anchored: true,
		headings: map[string]string{
			"methods": "Métodos", "properties": "Propriedades", "relationships": "Relações", "json-representation": "Representação JSON",
			"http-request": "Solicitação HTTP", "request-headers": "Cabeçalhos de solicitação", "request-body": "Corpo da solicitação", "response": "Resposta",
			"example": "Exemplo", "request": "Solicitação", "optional-query-parameters": "Parâmetros de consulta opcionais",
		},
		titles: map[string]string{
			"create-widget": "Criar widget", "update-widget": "Atualizar widget", "list-widgets": "Listar widgets",
			"widget-reprocess": "widget: reprocessar", "getwidgetcount-function": "Funcao getWidgetCount",
		},
		prose:       "Isto é o que ela faz.",
		props:       "| Propriedade | Tipo | Descrição |",
		rels:        "| Relação | Tipo | Descrição |",
		methods:     "| Método | Tipo de retorno | Descrição |",
		reqHeaders:  "| Cabeçalho | Valor |",
		auth:        [2]string{"Autorização", "&lt;Token&gt; de portador obrigatório."},
		accept:      [2]string{"Aceitar", "application/json"},
		contentType: [2]string{"Content-Type", "application/json. Obrigatório."},
	},
	{
		name: "Russian", anchored: true,
		headings: map[string]string{
			"methods": "Методы", "properties": "Свойства", "relationships": "Связи", "json-representation": "Представление JSON",
			"http-request": "HTTP-запрос", "request-headers": "Заголовки запросов", "request-body": "Текст запроса", "response": "Отклик",
			"example": "Пример", "request": "Запрос", "optional-query-parameters": "Необязательные параметры запросов",
		},
		titles: map[string]string{
			"create-widget": "Создание widget", "update-widget": "Обновление widget", "list-widgets": "Список widgets",
			"widget-reprocess": "widget: повторная обработка", "getwidgetcount-function": "Функция getWidgetCount",
		},
		prose:       "Вот что она делает.",
		props:       "| Свойство | Тип | Описание |",
		rels:        "| Связь | Тип | Описание |",
		methods:     "| Метод | Возвращаемый тип | Описание |",
		reqHeaders:  "| Имя | Описание |",
		auth:        [2]string{"Авторизация", "Bearer {token}. Обязательный."},
		accept:      [2]string{"Принять", "application/json"},
		contentType: [2]string{"Тип контента", "application/json. Обязательный."},
	},
	{
		name: "Chinese", anchored: true,
		headings: map[string]string{
			"methods": "方法", "properties": "属性", "relationships": "关系", "json-representation": "JSON 表示形式",
			"http-request": "HTTP 请求", "request-headers": "请求标头", "request-body": "请求正文", "response": "响应",
			"example": "示例", "request": "请求", "optional-query-parameters": "可选的查询参数",
		},
		titles: map[string]string{
			"create-widget": "创建 widget", "update-widget": "更新 widget", "list-widgets": "列出 widgets",
			"widget-reprocess": "widget：重新处理", "getwidgetcount-function": "getWidgetCount 函数",
		},
		prose:       "这就是它的作用。",
		props:       "| 属性 | 类型 | 说明 |",
		rels:        "| 关系 | 类型 | 说明 |",
		methods:     "| 方法 | 返回类型 | 说明 |",
		reqHeaders:  "| 名称 | 说明 |",
		auth:        [2]string{"Authorization", "Bearer {token}。必需。"},
		accept:      [2]string{"接受", "application/json"},
		contentType: [2]string{"内容类型", "application/json。必需。"},
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

// title is a page's title and first paragraph: the title translated, its
// English anchor kept.
func (e edition) title(anchor string) string {
	if e.titles == nil {
		return "# " + englishTitles[anchor] + "\n\n" + e.prose
	}
	return `# <a name="` + anchor + `"></a>` + e.titles[anchor] + "\n\n" + e.prose
}

// row writes a table row; the Spanish edition swaps the last two columns.
func (e edition) row(cells ...string) string {
	if strings.HasPrefix(e.name, "Spanish") && len(cells) == 3 {
		cells[1], cells[2] = cells[2], cells[1]
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// headers is a request-headers section holding rows.
func (e edition) headers(rows ...[2]string) string {
	var b strings.Builder
	b.WriteString(e.heading(2, "request-headers") + "\n" + e.reqHeaders + "\n|:--|:--|\n")
	for _, r := range rows {
		b.WriteString("| " + r[0] + " | " + r[1] + " |\n")
	}
	return b.String()
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

// fence is a fenced block of code, annotated when annotation is not "".
func fence(annotation, lang, code string) string {
	if annotation != "" {
		annotation = "<!-- " + annotation + " -->\n"
	}
	return annotation + "```" + lang + "\n" + code + "\n```\n"
}

func (e edition) operationPage() string {
	return strings.Join([]string{
		e.title("create-widget"),
		e.heading(2, "http-request"),
		fence(`{ "blockType": "ignored" }`, "http", "POST /widgets\nPOST /groups/{group-id}/widgets"),
		e.headers(e.auth, e.contentType, [2]string{"If-Match", "The last known ETag of the widget; the request fails when it changed."}),
		e.heading(2, "request-body"),
		e.prose + " [widget](../resources/widget.md)",
		e.heading(2, "response"),
		e.heading(2, "example"),
		e.heading(3, "request"),
		fence(`{ "blockType": "request", "name": "create_widget" }`, "http", "POST https://graph.microsoft.com/v1.0/groups/g1/widgets\nIf-Match: \"abc\""),
		e.heading(3, "response"),
		fence(`{ "blockType": "response", "@odata.type": "example.widget", "truncated": true }`, "http", "HTTP/1.1 201 Created\nContent-type: application/json\n\n{\"id\": \"1\", \"size\": 3}"),
	}, "\n\n")
}

func (e edition) updatePage() string {
	return strings.Join([]string{
		e.title("update-widget"),
		e.heading(2, "http-request"),
		fence(`{ "blockType": "ignored" }`, "http", "PATCH /widgets/{widget-id}"),
		e.headers(e.auth, e.contentType, [2]string{"If-Match", "The last known ETag of the widget."}),
		e.heading(2, "request-body"),
		e.prose + " [widget](../resources/widget.md)",
		e.heading(2, "response"),
		e.prose + " `204 No Content`",
		e.heading(2, "example"),
		e.heading(3, "request"),
		fence(`{ "blockType": "request", "name": "update_widget" }`, "http", "PATCH https://graph.microsoft.com/v1.0/widgets/w1\nContent-Type: application/json\nIf-Match: \"abc\"\n\n{\"size\": 5}"),
		e.heading(3, "response"),
		fence(`{ "blockType": "response" }`, "http", "HTTP/1.1 204 No Content"),
	}, "\n\n")
}

func (e edition) listPage() string {
	return strings.Join([]string{
		e.title("list-widgets"),
		e.heading(2, "http-request"),
		fence(`{ "blockType": "ignored" }`, "http", "GET /widgets"),
		e.heading(2, "optional-query-parameters"),
		e.prose + " `$top`",
		e.headers(e.auth, e.accept, [2]string{"Prefer", "odata.maxpagesize={x}"}),
		e.heading(2, "response"),
		e.prose + " [widget](../resources/widget.md)",
		e.heading(2, "example"),
		e.heading(3, "request"),
		fence(`{ "blockType": "request", "name": "list_widgets" }`, "http", "GET https://graph.microsoft.com/v1.0/widgets?$top=2"),
		e.heading(3, "response"),
		fence(`{ "blockType": "response", "@odata.type": "example.widget", "isCollection": true, "truncated": true }`, "http", "HTTP/1.1 200 OK\nContent-type: application/json\n\n{\"value\": [{\"id\": \"1\", \"size\": 3}]}"),
	}, "\n\n")
}

func (e edition) reprocessPage() string {
	return strings.Join([]string{
		e.title("widget-reprocess"),
		e.heading(2, "http-request"),
		fence(`{ "blockType": "ignored" }`, "http", "POST /widgets/{widget-id}/reprocess"),
		e.headers(e.auth),
		e.heading(2, "example"),
		e.heading(3, "request"),
		fence(`{ "blockType": "request", "name": "widget_reprocess" }`, "http", "POST https://graph.microsoft.com/v1.0/widgets/w1/reprocess"),
		e.heading(3, "response"),
		fence(`{ "blockType": "response" }`, "http", "HTTP/1.1 204 No Content"),
	}, "\n\n")
}

// countPage documents a function as the Intune reference does: plain
// examples, and a Response section that links the type it counts while
// the body is a number.
func (e edition) countPage() string {
	return strings.Join([]string{
		e.title("getwidgetcount-function"),
		e.heading(2, "http-request"),
		fence("", "http", "GET /widgets/getWidgetCount"),
		e.headers(e.auth, e.accept),
		e.heading(2, "response"),
		e.prose + " [widget](../resources/widget.md) `200 OK`",
		e.heading(2, "example"),
		e.heading(3, "request"),
		fence("", "http", "GET https://graph.microsoft.com/v1.0/widgets/getWidgetCount"),
		e.heading(3, "response"),
		fence("", "http", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"value\": 12\n}"),
	}, "\n\n")
}

// pages are the edition's pages, annotations escaped where it escapes
// them.
func (e edition) pages() map[string]string {
	pages := map[string]string{
		"resources/widget.md":      e.resourcePage(),
		"resources/identityset.md": resource("example.identitySet", "", `{"displayName": "String"}`),
		"api/widget-post.md":       e.operationPage(),
		"api/widget-update.md":     e.updatePage(),
		"api/widget-list.md":       e.listPage(),
		"api/widget-reprocess.md":  e.reprocessPage(),
		"api/widget-count.md":      e.countPage(),
	}
	for p, page := range pages {
		pages[p] = e.escape(page)
	}
	return pages
}

// summary is what the docs say of the widget type and the operations, in
// a form that must not depend on the edition: whole operations (names,
// method, URL variants and their client methods, options, body, result).
func (e edition) summary(t *testing.T) string {
	t.Helper()
	pages := e.pages()
	api, diags := buildPages(t, pages)
	escapes := 0
	for _, d := range diags {
		if d.Code == diag.EscapedAnnotation && d.Severity == diag.Warning {
			escapes++
		} else {
			t.Errorf("%s: diagnostic %v", e.name, d)
		}
	}
	want := 0
	for _, page := range pages {
		want += strings.Count(page, "<!-- {")
	}
	if !e.escaped {
		want = 0
	}
	if escapes != want {
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
		describeOperation(&b, op)
	}
	return b.String()
}

// describeOperation writes what a user of the generated package sees of an
// operation: its names, method, options, body and result.
func describeOperation(b *strings.Builder, op *Operation) {
	fmt.Fprintf(b, "operation %s %s options=%q status=%d result=%s\n", op.Name, op.Method, op.OptionsType, op.Result.Status, resultString(op.Result))
	for _, v := range op.Variants {
		fmt.Fprintf(b, "  variant %s %s\n", v.QualifiedMethod(), v.Pattern)
	}
	for _, p := range op.HeaderParams {
		fmt.Fprintf(b, "  header %s %s doc=%q\n", p.FieldName, p.WireName, p.Doc)
	}
	for _, p := range op.QueryParams {
		fmt.Fprintf(b, "  query %s %s\n", p.FieldName, p.WireName)
	}
	if op.Body != nil {
		fmt.Fprintf(b, "  body %s\n", refString(op.Body))
	}
}

func resultString(r Result) string {
	if r.Kind == ResultJSON && r.Type != nil {
		return refString(r.Type)
	}
	return kindWord(r.Kind)
}

// TestTranslatedEditions builds the same pages in several languages and
// scripts: the sections are known by their anchors, the member tables'
// columns by their cells, the operations' names by their titles' anchors,
// the well-known request headers by their values; each edition gives the
// types, descriptions, operations, URLs, options and results the English
// one does.
func TestTranslatedEditions(t *testing.T) {
	english := editions[0].summary(t)
	for _, want := range []string{
		`field size int64 required navigation=false doc="The size of the widget in bytes."`,
		`field isShared Nullable[bool] navigation=false doc="Whether the widget is shared with others. Nullable."`,
		`field tags []string required navigation=false`,
		`field parts []int32 navigation=false doc="Part numbers, only in the table."`,
		`field children Nullable[[]*Widget] navigation=true doc="The widgets inside this widget. Nullable."`,
		"operation CreateWidget POST options=\"CreateWidgetOptions\" status=201 result=*Widget\n  variant CreateWidget POST /widgets\n  variant Group(groupID).CreateWidget POST /groups/{groupID}/widgets\n",
		`header IfMatch If-Match doc="The last known ETag of the widget; the request fails when it changed."`,
		"body *Widget",
		"operation UpdateWidget PATCH options=\"UpdateWidgetOptions\" status=204 result=nothing\n",
		"operation ListWidgets GET options=\"ListWidgetsOptions\" status=200 result=*WidgetCollectionResponse\n",
		"  header Prefer Prefer doc=\"odata.maxpagesize={x}\"\n  query Top $top\n",
		"operation WidgetReprocess POST options=\"\" status=204 result=nothing\n",
		// A count is a number, whatever type the Response section links.
		"operation GetWidgetCountFunction GET options=\"\" status=200 result=*GetWidgetCountFunctionResponse\n",
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
		// The convention's well-known headers are no options in any language:
		// their values keep the token or the media type.
		{"Portuguese, well-known headers translated", `## <a name="request-headers"></a>Cabeçalhos de solicitação`, "| Nome | Descrição |\n|--|--|\n| Autorização | {token} de portador. Obrigatório. |\n| Aceitar | application/json |\n| Tipo de conteúdo | `application/json`. Obrigatório. |\n| If-Match | O último ETag. |\n", "If-Match=O último ETag."},
		{"French, translated names that are tokens", `## <a name="request-headers"></a>En-têtes de demande`, "| Nom | Type | Description |\n|--|--|--|\n| Autorisation | string | Porteur {token}. Obligatoire. |\n| Accepter | string | application/json |\n| Prefer | string | return=minimal |\n", "Prefer=return=minimal"},
		{"Intune's angle-bracketed token, escaped", `## <a name="request-headers"></a>Cabeçalhos de solicitação`, "| Cabeçalho | Valor |\n|:---|:---|\n| Autorização | &lt;Token&gt; de portador obrigatório. |\n| Accept | application/json |\n", ""},
		{"Japanese, the scheme translated, the placeholder kept", `## <a name="request-headers"></a>要求ヘッダー`, "| 名前 | 説明 |\n|--|--|\n| 承認 | ベアラー \\{token\\}。必須。 |\n| Workbook-Session-Id | セッション ID。 |\n", "Workbook-Session-Id=セッション ID。"},
		{"a name that is no token is no option", "## Request headers", "| Name | Description |\n|--|--|\n| Cabeçalho personalizado | Um valor. |\n| If-Match (optional) | An ETag. |\n| X-Ok | Fine. |\n", "X-Ok=Fine."},
		{"a name shown with a value is no option", "## Request headers", "| Name | Description |\n|--|--|\n| Prefer: outlook.timezone | The time zone. |\n", ""},
		{"markup around a name", "## Request headers", "| Name | Description |\n|--|--|\n| **Prefer** | How. |\n| _if-match_ | An ETag. |\n| `ConsistencyLevel` | eventual |\n", "Prefer=How., If-Match=An ETag., Consistencylevel=eventual"},
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

// TestNotAHeaderName warns, once, at each row of a request-headers table
// whose name cell is no header name, and makes no option of it: the
// generated client could not send it. A translated Authorization row, known
// by its value, is left out silently.
func TestNotAHeaderName(t *testing.T) {
	page := "# Update widget\n\n## HTTP request\n\n" + fence(`{ "blockType": "ignored" }`, "http", "PATCH /widgets/{id}\nPUT /widgets/{id}") +
		"\n## Request headers\n\n| Name | Description |\n|--|--|\n| Autorização | {token} de portador. |\n| Cabeçalho-de-sessão | A sessão. |\n| If-Match | An ETag. |\n\n" +
		"## Example\n\n" + fence(`{ "blockType": "request", "name": "update_widget" }`, "http", "PATCH https://api.example.com/v1.0/widgets/w1\nIf-Match: \"a\"\nSessão: 1") +
		fence(`{ "blockType": "response" }`, "http", "HTTP/1.1 204 No Content")
	api, diags := buildPages(t, map[string]string{"api/widget-update.md": page})
	othersThan(t, diags, diag.NotAHeaderName)
	at := lineOf(t, page, "| Cabeçalho-de-sessão")
	want := []string{fmt.Sprintf("api/widget-update.md:%d: request header \"Cabeçalho-de-sessão\" is not a header name (an RFC 9110 token: ASCII letters, digits and !#$%%&'*+-.^_`|~); not an option of the operation", at)}
	if got := warnings(diags, diag.NotAHeaderName); !slices.Equal(got, want) {
		t.Errorf("DB409 warnings\n%q\nwant\n%q", got, want)
	}
	for _, op := range api.Operations {
		var wires []string
		for _, p := range op.HeaderParams {
			wires = append(wires, p.WireName)
		}
		if strings.Join(wires, " ") != "If-Match" {
			t.Errorf("%s sends headers %q, want only If-Match (an example's \"Sessão\" is no header either)", op.Name, wires)
		}
	}
}
