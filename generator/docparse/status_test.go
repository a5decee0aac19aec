package docparse

import (
	"fmt"
	"slices"
	"testing"
)

func TestStatusMentions(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "line:col status text"
	}{
		{"a code span", "# T\n\nIf successful, this method returns a `204 No Content` response code.\n",
			[]string{"3:39 204 204 No Content"}},
		{"plain text, any case", "# T\n\nReturns 201 created and the note.\n",
			[]string{"3:9 201 201 created"}},
		{"translated prose keeps the code span", "# T\n\n如果成功，此方法返回 `200 OK` 响应代码。\n",
			[]string{"3:33 200 200 OK"}},
		{"several, on a later line of the paragraph", "# T\n\nReturns `200 OK`,\nor `202 Accepted` when asked.\n",
			[]string{"3:10 200 200 OK", "4:5 202 202 Accepted"}},
		{"the same number twice", "# T\n\n`200 OK` means 200 OK.\n",
			[]string{"3:2 200 200 OK", "3:16 200 200 OK"}},
		{"the digits inside a longer number first", "# T\n\nOf 1200 notes, returns 200 OK.\n",
			[]string{"3:24 200 200 OK"}},
		{"a tight list item", "# T\n\n- `202 Accepted` while it runs\n- `404 Not Found` when gone\n",
			[]string{"3:4 202 202 Accepted", "4:4 404 404 Not Found"}},
		{"a number without its reason phrase", "# T\n\nUp to 200 notes; 200 OKAY; 204 No; 2000 OK.\n", nil},
		{"a code block is no prose", "# T\n\n```http\nHTTP/1.1 200 OK\n```\n", nil},
		{"a heading is no prose", "# T\n\n## 200 OK\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, diags := Parse("p.md", []byte(tt.src))
			if len(diags) > 0 {
				t.Fatalf("diagnostics %v", diags)
			}
			var got []string
			for _, m := range page.Statuses {
				got = append(got, fmt.Sprintf("%d:%d %d %s", m.Pos.Line, m.Pos.Col, m.Status, m.Text))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("statuses %q, want %q", got, tt.want)
			}
		})
	}
}
