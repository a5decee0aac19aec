package fake

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestReadScenarios(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []Scenario
		err  string
	}{
		{
			name: "request-parameters and test-setup, as ApiDoctor's README writes them",
			file: `[{
  "name": "Copy a file",
  "method": "copy-item",
  "enabled": true,
  "test-setup": [{
    "http-request": "PUT /drive/root:/test.txt:/content\r\nContent-Type: text/plain\r\n\r\nhello",
    "allowed-status-codes": [200, 201],
    "capture": {"[source-id]": "$.id", "[etag]": "ETag:"}
  }],
  "request-parameters": {"{item-id}": "[source-id]", "$.name": "copy.txt", "$.size": 12, "If-Match:": "[etag]"}
}]`,
			want: []Scenario{{Name: "Copy a file", Example: "copy-item", Enabled: true,
				Values: map[string]string{"{item-id}": "[source-id]", "$.name": "copy.txt", "$.size": "12", "If-Match:": "[etag]"},
				Setup: []SetupRequest{{Request: "PUT /drive/root:/test.txt:/content\r\nContent-Type: text/plain\r\n\r\nhello", Allowed: []int{200, 201},
					Values: map[string]string{}, Capture: map[string]string{"[source-id]": "$.id", "[etag]": "ETag:"}}}}},
		},
		{
			name: "values and values-from-request, in an object",
			file: `{"scenarios": [{
  "name": "Get my drive", "method": "get-drive", "enabled": true,
  "values": [{"placeholder": "user-id", "location": "url", "value": "alice"}, {"placeholder": "if-none-match", "location": "header", "value": "*"}],
  "values-from-request": {"request": "GET /me/drive", "values": [{"placeholder": "drive-id", "location": "url", "path": "$.id"}]}
}]}`,
			want: []Scenario{{Name: "Get my drive", Example: "get-drive", Enabled: true,
				Values: map[string]string{"{user-id}": "alice", "If-None-Match:": "*", "{drive-id}": "[drive-id]"},
				Setup:  []SetupRequest{{Request: "GET /me/drive", Values: map[string]string{}, Capture: map[string]string{"[drive-id]": "$.id"}}}}},
		},
		{
			name: "not enabled unless it says so, as in ApiDoctor",
			file: `[{"name": "off", "method": "list-items"}]`,
			want: []Scenario{{Name: "off", Example: "list-items", Values: map[string]string{}}},
		},
		{name: "syntax error at its line and column", file: "[\n  {\"name\": \"x\",, }\n]", err: "2:16: "},
		{name: "no example", file: `[{"name": "x"}]`, err: `scenario 1 ("x"): it names no example`},
		{name: "unknown location", file: `[{"method": "m", "values": [{"placeholder": "p", "location": "cookie"}]}]`, err: `location "cookie"`},
		{name: "setup with neither method nor request", file: `[{"method": "m", "test-setup": [{}]}]`, err: "not both or neither"},
		{name: "capture name without brackets", file: `[{"method": "m", "test-setup": [{"method": "n", "capture": {"id": "$.id"}}]}]`, err: "square brackets"},
		{name: "bad setup request", file: `[{"method": "m", "test-setup": [{"http-request": "hello"}]}]`, err: "setup request"},
		{name: "not an array", file: `"x"`, err: "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadScenarios([]byte(tt.file))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCaptured(t *testing.T) {
	body := []byte(`{"id": "a1", "value": [{"id": 7, "tags": ["x"]}]}`)
	header := http.Header{"Etag": {`"e1"`}}
	for from, want := range map[string]string{"$.id": "a1", "$.value[0].id": "7", "$.value[0].tags": `["x"]`, "ETag:": `"e1"`, "!body": string(body)} {
		if got, err := Captured(from, header, body); err != nil || got != want {
			t.Errorf("Captured(%q) = %q, %v; want %q", from, got, err, want)
		}
	}
	for _, from := range []string{"$.nothing", "$.value[3]", "Location:", "$[0]"} {
		if got, err := Captured(from, header, body); err == nil {
			t.Errorf("Captured(%q) = %q, want an error", from, got)
		}
	}
}

// FuzzReadScenarios requires any scenario file to be read or refused with
// an error, never a panic.
func FuzzReadScenarios(f *testing.F) {
	f.Add(`[{"name": "x", "method": "m", "enabled": true, "request-parameters": {"{id}": "[v]"}, "test-setup": [{"method": "n", "capture": {"[v]": "$.id"}}]}]`)
	f.Add(`{"scenarios": [{"method": "m", "values": [{"placeholder": "p", "location": "json", "value": 1}], "values-from-request": [{"http-request": "GET /x", "values": [{"placeholder": "q", "path": "$.a"}]}]}]}`)
	f.Add("[\n{\"method\": 1}]")
	f.Fuzz(func(t *testing.T, file string) {
		scenarios, err := ReadScenarios([]byte(file))
		if err != nil {
			return
		}
		for _, s := range scenarios {
			if s.Example == "" || s.Values == nil {
				t.Errorf("a scenario read without its example or values: %+v", s)
			}
		}
	})
}
