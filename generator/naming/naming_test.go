package naming

import "testing"

func TestExported(t *testing.T) {
	tests := map[string]string{
		"Create version":  "CreateVersion",
		"cTag":            "CTag",
		"eTag":            "ETag",
		"createdDateTime": "CreatedDateTime",
		"id":              "ID",
		"webUrl":          "WebURL",
		"@odata.type":     "ODataType",
		"user@odata.bind": "UserODataBind",
		"X-Sample-Header": "XSampleHeader",
		"HTMLPage":        "HTMLPage",
		"2fa":             "N2fa",
		"":                "X",
		"create_item":     "CreateItem",
		"type":            "Type",
	}
	for in, want := range tests {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexported(t *testing.T) {
	tests := map[string]string{
		"X-Sample-Header": "xSampleHeader",
		"item id":         "itemID",
		"drive-id":        "driveID",
		"siteId":          "siteID",
		"type":            "type_",
		"body":            "body_",
		"URL":             "url_",
		"9lives":          "n9lives",
	}
	for in, want := range tests {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := map[string]string{"items": "item", "drives": "drive", "activities": "activity", "root": "root", "addresses": "address", "status": "status", "acceptanceStatuses": "acceptanceStatus"}
	for in, want := range tests {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetUnique(t *testing.T) {
	var s Set
	s.Reserve("Client")
	for _, want := range []string{"Item", "Item2", "Item3", "Client2"} {
		name := want[:len(want)-1]
		if want == "Item" {
			name = "Item"
		}
		if got := s.Unique(name); got != want {
			t.Errorf("Unique(%q) = %q, want %q", name, got, want)
		}
	}
}
