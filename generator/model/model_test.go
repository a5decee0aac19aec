package model

import (
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

func TestParsePath(t *testing.T) {
	tests := []struct {
		path     string
		want     string // template
		wantArgs string
	}{
		{"/drive/root/versions", "/drive/root/versions", ""},
		{"/drive/items/<id>/versions", "/drive/items/{itemID}/versions", "itemID"},
		{"/drives/<id>/root/versions", "/drives/{driveID}/root/versions", "driveID"},
		{"/drives/{drive-id}/items/{item-id}", "/drives/{driveID}/items/{itemID}", "driveID,itemID"},
		{"/sites/{siteId}/drive", "/sites/{siteID}/drive", "siteID"},
		{"/a/{id}/b/{id}", "/a/{aID}/b/{bID}", "aID,bID"},
		{"/x/{item-id}/y/{item-id}", "/x/{itemID}/y/{itemID2}", "itemID,itemID2"},
		{"/drive/root:/{item-path}:/content", "/drive/root:/{itemPath}:/content", "itemPath"},
		{"/drive/items/{parent-id}:/{filename}:/content", "/drive/items/{parentID}:/{filename}:/content", "parentID,filename"},
		{"/me/drive/root/search(q='{search-text}')", "/me/drive/root/search(q='{searchText}')", "searchText"},
		{"/drive/root:/{path and filename}:/content", "/drive/root:/{pathAndFilename}:/content", "pathAndFilename"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			parts, err := parsePath(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var args []string
			for _, p := range pathParams(parts) {
				args = append(args, p.ArgName)
			}
			if got := template(parts); got != tt.want || strings.Join(args, ",") != tt.wantArgs {
				t.Errorf("template %q args %v, want %q %q", got, args, tt.want, tt.wantArgs)
			}
		})
	}
}

func TestParsePathErrors(t *testing.T) {
	for _, path := range []string{"drive/root", "/a//b", "/a/{b", "/a/{b}{c}", "/" + strings.Repeat("x/", 70)} {
		if _, err := parsePath(path); err == nil {
			t.Errorf("parsePath(%q) succeeded, want an error", path)
		}
	}
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		template, path string
		ok             bool
		args           string
	}{
		{"/drive/items/{id}/versions", "/drive/items/123/versions", true, "123"},
		{"/drive/items/{id}/versions", "/Drive/Items/abc/versions", true, "abc"},
		{"/drive/items/{id}/versions", "/drive/items//versions", false, ""},
		{"/drive/items/{id}/versions", "/drive/items/1/2/versions", false, ""},
		{"/drive/items/{id}/versions", "/drive/items/a%2Fb/versions", true, "a/b"},
		{"/drive/items/{id}/versions", "/drive/root/versions", false, ""},
		{"/drive/root:/{item-path}:/content", "/drive/root:/FolderA/FileB.txt:/content", true, "FolderA/FileB.txt"},
		{"/drive/root:/{item-path}", "/drive/root:/a/b:/content", true, "a/b:/content"},
		{"/drive/items/{parent-id}:/{filename}:/content", "/drive/items/p1:/f.txt:/content", true, "p1,f.txt"},
		{"/drive/items/{parent-id}:/{filename}:/content", "/drive/items/p1:/a/b:/content", false, ""},
		{"/root/delta(token='{token}')", "/root/delta(token='abc')", true, "abc"},
	}
	for _, tt := range tests {
		parts, err := parsePath(tt.template)
		if err != nil {
			t.Fatal(err)
		}
		args, ok := matchPath(parts, tt.path)
		if ok != tt.ok || strings.Join(args, ",") != tt.args {
			t.Errorf("matchPath(%s, %q) = %v %v, want %v %v", tt.template, tt.path, args, ok, tt.args, tt.ok)
		}
	}
}

func TestMuxPatterns(t *testing.T) {
	tests := map[string]string{
		"/drive/items/{id}/versions":                    "GET /drive/items/{itemID}/versions",
		"/drive/root:/{item-path}:/content":             "GET /drive/root:/{docbindRest...}",
		"/drives/{drive-id}/items/{parent-id}:/{name}:": "GET /drives/{docbindRest...}",
		"/me/drive/root/search(q='{q}')":                "GET /me/drive/root/{docbindRest...}",
	}
	for path, want := range tests {
		parts, _ := parsePath(path)
		if got := muxPattern("GET", parts); got != want {
			t.Errorf("muxPattern(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestWirePathEscapesOnce(t *testing.T) {
	parts, _ := parsePath("/drive/root:/{item-path}:/items/{id}")
	got := wirePath(parts, []string{"a b/c?d", "x/y#z"})
	if want := "/drive/root:/a%20b/c%3Fd:/items/x%2Fy%23z"; got != want {
		t.Errorf("wirePath = %s, want %s", got, want)
	}
	// Dot segments of a multi-segment value are escaped, so no router
	// cleans them away, and matching gives the value back.
	got = wirePath(parts, []string{"a/../b", "."})
	if want := "/drive/root:/a/%2E%2E/b:/items/%2E"; got != want {
		t.Errorf("wirePath = %s, want %s", got, want)
	}
	if args, ok := matchPath(parts, got); !ok || args[0] != "a/../b" || args[1] != "." {
		t.Errorf("matchPath(%s) = %q %v", got, args, ok)
	}
}

func buildSeed(t *testing.T) *API {
	t.Helper()
	src, err := os.ReadFile("../../docs/create-version.md")
	if err != nil {
		t.Fatal(err)
	}
	page, diags := docparse.Parse("docs/create-version.md", src)
	api, more := Build([]*docparse.Page{page}, Config{})
	if all := append(diags, more...); len(all) > 0 {
		t.Fatalf("diagnostics: %v", all)
	}
	return api
}

func TestBuildSeedOperation(t *testing.T) {
	api := buildSeed(t)
	if api.BaseURL != "https://graph.microsoft.com/v1.0" {
		t.Errorf("base URL %q", api.BaseURL)
	}
	if len(api.Operations) != 1 {
		t.Fatalf("%d operations, want 1", len(api.Operations))
	}
	op := api.Operations[0]
	if op.Name != "CreateVersion" || op.Method != "POST" || op.Result.Status != 201 || op.RequestType != "CreateVersionRequest" {
		t.Errorf("operation %s %s %d %s", op.Name, op.Method, op.Result.Status, op.RequestType)
	}
	var variants []string
	for _, v := range op.Variants {
		variants = append(variants, v.QualifiedMethod()+"="+v.Pattern)
	}
	want := "CreateVersion=POST /drive/root/versions;DriveItem(itemID).CreateVersion=POST /drive/items/{itemID}/versions;Drive(driveID).CreateVersion=POST /drives/{driveID}/root/versions"
	if got := strings.Join(variants, ";"); got != want {
		t.Errorf("variants\n got %s\nwant %s", got, want)
	}
	if len(op.HeaderParams) != 1 || op.HeaderParams[0].WireName != "X-Sample-Header" || op.HeaderParams[0].FieldName != "XSampleHeader" || op.OptionsType != "CreateVersionOptions" {
		t.Errorf("header params %+v", op.HeaderParams)
	}
	if op.Body == nil || op.Body.Named == nil || op.Body.Named.Name != "Item" {
		t.Errorf("body %+v, want Item from the Request body link", op.Body)
	}
	if op.Result.Type.Named != op.Body.Named {
		t.Error("result and body should be the one Item type")
	}
	ex := op.Examples[0]
	if ex.Name != "create_item_from_item" || ex.Variant != op.Variants[0] || ex.Status != 201 || ex.Path != "/drive/root/versions" {
		t.Errorf("example %+v", ex)
	}
	if len(ex.Substitutions) != 1 || ex.Substitutions[0].Member != "createdDateTime" || !strings.Contains(ex.ResponseBody, `"createdDateTime": "2006-01-02T15:04:05Z"`) {
		t.Errorf("substitutions %+v", ex.Substitutions)
	}
}

func TestBuildSeedTypes(t *testing.T) {
	api := buildSeed(t)
	got := map[string]string{}
	for _, typ := range api.Types {
		var fields []string
		for _, f := range typ.Fields {
			fields = append(fields, f.Name+":"+f.JSONName+":"+refString(f.Type))
		}
		got[typ.Name] = strings.Join(fields, " ")
	}
	want := map[string]string{
		"Item":        "Content:content:string CreatedBy:createdBy:*IdentitySet CreatedDateTime:createdDateTime:time CTag:cTag:string Description:description:string ETag:eTag:string",
		"IdentitySet": "Application:application:*Identity Device:device:*Identity User:user:*Identity",
		"Identity":    "DisplayName:displayName:string ID:id:string",
	}
	if len(got) != len(want) {
		t.Errorf("types %v", got)
	}
	for name, fields := range want {
		if got[name] != fields {
			t.Errorf("%s\n got %s\nwant %s", name, got[name], fields)
		}
	}
	if item := api.Types[slicesIndex(api.Types, "Item")]; !item.Truncated || item.ODataType != "microsoft.graph.item" {
		t.Errorf("Item: truncated %v, odata %q", item.Truncated, item.ODataType)
	}
}

func slicesIndex(types []*Type, name string) int {
	for i, t := range types {
		if t.Name == name {
			return i
		}
	}
	return -1
}

func refString(r *TypeRef) string {
	switch r.Kind {
	case RefNamed:
		return "*" + r.Named.Name
	case RefSlice:
		return "[]" + refString(r.Elem)
	case RefTime:
		return "time"
	case RefString:
		return "string"
	case RefInt64:
		return "int64"
	case RefFloat64:
		return "float64"
	case RefBool:
		return "bool"
	case RefInt32:
		return "int32"
	case RefDate:
		return "date"
	case RefDateTime:
		return "datetime"
	case RefTimeOfDay:
		return "timeOfDay"
	case RefDuration:
		return "duration"
	case RefBytes:
		return "bytes"
	case RefEnum:
		return "enum:" + r.Enum.Name
	case RefMap:
		return "map[string]" + refString(r.Elem)
	}
	return "raw"
}

func TestPairing(t *testing.T) {
	page := `# Several
<!-- { "blockType": "request", "name": "a" } -->
` + "```http\nGET /a\n```" + `
<!-- { "blockType": "request", "name": "b" } -->
` + "```http\nGET /a\n```" + `
<!-- { "blockType": "response", "name": ["a", "b"] } -->
` + "```http\nHTTP/1.1 204 No Content\n```" + `
<!-- { "blockType": "request", "name": "c" } -->
` + "```http\nDELETE /a\n```" + `
<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```" + `
<!-- { "blockType": "request", "name": "lonely" } -->
` + "```http\nPUT /a\n```\n"
	p, _ := docparse.Parse("p.md", []byte(page))
	api, diags := Build([]*docparse.Page{p}, Config{})
	var names []string
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			names = append(names, op.Name+"/"+ex.Name)
		}
	}
	if got := strings.Join(names, ","); got != "A/a,A/b,C/c" {
		t.Errorf("examples %s", got)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].String(), `p.md:22:1: warning DB206: request "lonely" has no response`) {
		t.Errorf("diagnostics %v", diags)
	}
}

// TestOptionsFieldNames checks that the header and query parameters of an
// operation, which share its options type, get distinct fields: a header
// named as a query parameter adds Header, without a number.
func TestOptionsFieldNames(t *testing.T) {
	op := &Operation{QueryParams: queryParams([]string{"prefer=a&$top=1&top=2&$select=id"}, nil)}
	for _, written := range []string{"Prefer", "ConsistencyLevel", "x-sample-header", "Select", "Prefer-Header", "IF-MATCH"} {
		wire := http.CanonicalHeaderKey(written)
		op.HeaderParams = append(op.HeaderParams, &Param{WireName: wire, FieldName: headerFieldName(written, wire), Kind: HeaderParam})
	}
	settleHeaderNames(op)
	var got []string
	for _, p := range append(op.QueryParams, op.HeaderParams...) {
		got = append(got, p.WireName+"="+p.FieldName)
	}
	want := "prefer=Prefer $top=Top top=Top2 $select=Select Prefer=PreferHeader Consistencylevel=ConsistencyLevel X-Sample-Header=XSampleHeader Select=SelectHeader Prefer-Header=PreferHeaderHeader If-Match=IfMatch"
	if strings.Join(got, " ") != want {
		t.Errorf("fields\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestUnknownRenamesWarn(t *testing.T) {
	src, err := os.ReadFile("../../docs/create-version.md")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := docparse.Parse("docs/create-version.md", src)
	api, diags := Build([]*docparse.Page{page}, Config{
		OperationNames: map[string]string{"CreateVersoin": "NewVersion"},
		TypeNames:      map[string]string{"microsoft.graph.itme": "Thing", "microsoft.graph.item": "DriveObject"},
	})
	var got []string
	for _, d := range diags {
		if d.Code == diag.UnknownRename {
			got = append(got, d.Message)
		}
	}
	want := []string{
		`types: "microsoft.graph.itme" names no type (closest: microsoft.graph.item, microsoft.graph.identity, microsoft.graph.identitySet); the rename is ignored`,
		`operations: "CreateVersoin" names no operation (closest: CreateVersion); the rename is ignored`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("DB508 warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if api.Operations[0].Name != "CreateVersion" || !slices.ContainsFunc(api.Types, func(ty *Type) bool { return ty.Name == "DriveObject" }) {
		t.Errorf("renames: operation %s, types %v", api.Operations[0].Name, api.Types)
	}
}
