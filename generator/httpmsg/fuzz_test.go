package httpmsg

import (
	"strings"
	"testing"
)

func FuzzParseMessages(f *testing.F) {
	f.Add("POST https://graph.microsoft.com/v1.0/drive/root/versions\n")
	f.Add("PATCH /me/drive/items/1?$select=id\nContent-Type: application/json\n\n{\"a\": 1}\n")
	f.Add("HTTP/1.1 201 Created\nContent-length: 445\n\n{}\n")
	f.Add("GET HTTP/2.0 https://graph.microsoft.com/v1.0/riskyUsers?$filter=riskLevel eq 'medium'\n")
	f.Add("GET HTTP/1.1\n")
	f.Add(oneDriveUpload)
	f.Add("POST /x\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type:\n application/json\n{\n--b\n--b--\n")
	f.Add("HTTP/1.1 200 OK\nContent-Type: multipart/related; boundary=\n\n--\n")
	f.Fuzz(func(t *testing.T, block string) {
		lines := len(splitLines(block))
		req, err := ParseRequest(block)
		if err == nil {
			if req.Method == "" || req.Path == "" || req.Path[0] != '/' {
				t.Errorf("request %+v", req)
			}
			checkParts(t, lines, req.Parts, req.Warnings)
		}
		if resp, err := ParseResponse(block); err == nil {
			if resp.Status < 100 || resp.Status > 599 {
				t.Errorf("status %d", resp.Status)
			}
			checkParts(t, lines, resp.Parts, resp.Warnings)
		}
		for _, line := range strings.Split(block, "\n") {
			if rl, ok := ParseRequestLine(line); ok {
				if rl.Target == "" || !strings.HasPrefix(line[rl.TargetCol-1:], rl.Target) || rl.VersionBeforeURL && !strings.HasPrefix(line[rl.VersionCol-1:], rl.Version) {
					t.Errorf("line %q read as %+v", line, rl)
				}
			}
		}
	})
}

func checkParts(t *testing.T, lines int, parts []Part, warnings []Warning) {
	t.Helper()
	if len(parts) > maxParts {
		t.Errorf("%d parts", len(parts))
	}
	for _, p := range parts {
		if p.Line < 0 || p.Line >= lines || p.BodyLine >= lines || (p.BodyLine < 0) != (p.Body == "") {
			t.Errorf("part %+v outside %d lines", p, lines)
		}
	}
	for _, w := range warnings {
		if w.Line < 0 || w.Line >= lines || w.Col < 1 || w.Msg == "" {
			t.Errorf("warning %+v outside %d lines", w, lines)
		}
	}
}
