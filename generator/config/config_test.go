package config

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	c, err := Parse("docbind.json", []byte(`{
  "docs": "apidocs", "out": "graph", "package": "graph",
  "include": ["api/**"], "exclude": ["**/*_beta.md"],
  "baseURL": "https://example.com/v1",
  "operations": {"GetDriveItem": "GetItem"},
  "types": {"microsoft.graph.driveItem": "Item"},
  "suppress": [{"code": "DB204"}, {"code": "DB401", "files": "api/drive_*.md"}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Docs != "apidocs" || c.Operations["GetDriveItem"] != "GetItem" || len(c.Suppress) != 2 {
		t.Errorf("config %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		json, want string
	}{
		{"{\n  \"docs\": \"x\",\n  \"outdir\": \"y\"\n}", `docbind.json:3:3: error DB503: unknown field "outdir"`},
		{"{\n  \"docs\": 3\n}", "docbind.json:2:11: error DB503: cannot unmarshal number"},
		{"{\n  \"docs\": \"x\",,\n}", "docbind.json:2:15: error DB503: invalid character ','"},
		{`{"suppress": [{"code": "DB999"}]}`, `unknown diagnostic code "DB999"`},
		{`{"include": ["[a"]}`, `bad glob "[a"`},
		{`{"types": {"microsoft.graph.x": "a b"}}`, `rename of "microsoft.graph.x": "a b" is not an exported Go identifier`},
		{`{"operations": {"GetX": "type"}}`, `"type" is not an exported Go identifier`},
		{`{"operations": {"GetX": ""}}`, `"" is not an exported Go identifier`},
		{`{} {}`, "more than one JSON value"},
	}
	for _, tt := range tests {
		_, err := Parse("docbind.json", []byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.json, err, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		glob, name string
		want       bool
	}{
		{"api/**", "api/a.md", true},
		{"api/**", "api/x/a.md", true},
		{"**/*.md", "a.md", true},
		{"**/*.md", "x/y/a.md", true},
		{"api/*.md", "api/x/a.md", false},
		{"templates/**", "api/a.md", false},
		{"api/drive_*.md", "api/drive_get.md", true},
	}
	for _, tt := range tests {
		if got := Match(tt.glob, tt.name); got != tt.want {
			t.Errorf("Match(%q, %q) = %v", tt.glob, tt.name, got)
		}
	}
}

// TestSchemaMatchesConfig keeps docbind.schema.json and Config in step:
// the schema lists exactly the keys Config reads.
func TestSchemaMatchesConfig(t *testing.T) {
	data, err := os.ReadFile("../../docbind.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i := range reflect.TypeFor[Config]().NumField() {
		tag := reflect.TypeFor[Config]().Field(i).Tag.Get("json")
		keys = append(keys, strings.Split(tag, ",")[0])
	}
	var props []string
	for k := range schema.Properties {
		props = append(props, k)
	}
	slices.Sort(keys)
	slices.Sort(props)
	if !slices.Equal(keys, props) {
		t.Errorf("schema properties %v, Config keys %v", props, keys)
	}
}
