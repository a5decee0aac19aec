package httpmsg

import "testing"

func FuzzParseMessages(f *testing.F) {
	f.Add("POST https://graph.microsoft.com/v1.0/drive/root/versions\n")
	f.Add("PATCH /me/drive/items/1?$select=id\nContent-Type: application/json\n\n{\"a\": 1}\n")
	f.Add("HTTP/1.1 201 Created\nContent-length: 445\n\n{}\n")
	f.Fuzz(func(t *testing.T, block string) {
		if req, err := ParseRequest(block); err == nil && (req.Method == "" || req.Path == "" || req.Path[0] != '/') {
			t.Errorf("request %+v", req)
		}
		if resp, err := ParseResponse(block); err == nil && (resp.Status < 100 || resp.Status > 599) {
			t.Errorf("status %d", resp.Status)
		}
	})
}
