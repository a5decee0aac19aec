package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docbind/docbind/generator/docparse"
)

// TestPagePermissions reads Permissions tables as the editions write
// them: English, and translated ones whose headings keep the English
// anchor and whose permission types are told apart by their shape.
func TestPagePermissions(t *testing.T) {
	const rows = "|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n" +
		"|Delegated (work or school account)|User.Read, User.ReadWrite.All|\n" +
		"|Delegated (personal Microsoft account)|Not supported.|\n" +
		"|Application|Policy.Read.All and Application.ReadWrite.All, Directory.Read.All Directory.ReadWrite.All|\n"
	tests := []struct {
		name, page string
		want       string
	}{
		{"English rows", "## Permissions\n\nOne of these.\n\n" + rows,
			"0 Delegated (work or school account): [User.Read] [User.ReadWrite.All]; 1 Delegated (personal Microsoft account):; 2 Application: [Policy.Read.All Application.ReadWrite.All] [Directory.Read.All] [Directory.ReadWrite.All]"},
		{"Intune's Prerequisites", "## Prerequisites\n\n" + rows,
			"0 Delegated (work or school account): [User.Read] [User.ReadWrite.All]; 1 Delegated (personal Microsoft account):; 2 Application: [Policy.Read.All Application.ReadWrite.All] [Directory.Read.All] [Directory.ReadWrite.All]"},
		{"German, by anchor and shape",
			"## <a name=\"permissions\"></a>Berechtigungen\n\n|Berechtigungstyp|Berechtigungen|\n|:---|:---|\n" +
				"|Delegiert (Geschäfts-, Schul- oder Unikonto)|Files.Read, Files.ReadWrite|\n" +
				"|Delegiert (persönliches Microsoft-Konto)|Files.Read|\n|Anwendung|Nicht unterstützt.|\n",
			"0 Delegiert (Geschäfts-, Schul- oder Unikonto): [Files.Read] [Files.ReadWrite]; 1 Delegiert (persönliches Microsoft-Konto): [Files.Read]; 2 Anwendung:"},
		{"Chinese full-width parentheses",
			"## <a name=\"permissions\"></a>权限\n\n|权限类型|权限|\n|:---|:---|\n|委托（工作或学校帐户）|Mail.Read、Mail.ReadWrite|\n|应用程序|Mail.Read|\n",
			"0 委托（工作或学校帐户）: [Mail.Read] [Mail.ReadWrite]; 2 应用程序: [Mail.Read]"},
		{"a table per resource, under sub-headings of the section",
			"## Permissions\n\n### For users\n\n" + rows + "\n### For groups\n\n|Permission type|Permissions|\n|:---|:---|\n|Application|Group.Read.All, Directory.Read.All|\n\n## HTTP request\n\n|Name|Description|\n|:---|:---|\n|Application|X.Y|\n",
			"0 Delegated (work or school account): [User.Read] [User.ReadWrite.All]; 1 Delegated (personal Microsoft account):; 2 Application: [Policy.Read.All Application.ReadWrite.All] [Directory.Read.All] [Directory.ReadWrite.All] [Group.Read.All]"},
		{"a column per permission type",
			"## Permissions\n\n| Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |\n|:--|:--|:--|:--|\n" +
				"| [event](../resources/event.md) | Calendars.ReadWrite | Calendars.ReadWrite | Calendars.ReadWrite |\n" +
				"| [post](../resources/post.md) | Group.ReadWrite.All | Not supported | Not supported |\n",
			"0 Delegated (work or school account): [Calendars.ReadWrite] [Group.ReadWrite.All]; 1 Delegated (personal Microsoft account): [Calendars.ReadWrite]; 2 Application: [Calendars.ReadWrite]"},
		{"a properties table under a heading that names permissions is none",
			"## Application permissions and JSON payload\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|The printer's name.|\n|defaults|[printerDefaults](../resources/printerdefaults.md)|Its defaults.|\n", ""},
		{"English or", "## Permissions\n\n|Permission type|Permissions|\n|:--|:--|\n|Application|Group.ReadWrite.All or Directory.ReadWrite.All|\n",
			"2 Application: [Group.ReadWrite.All] [Directory.ReadWrite.All]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, diags := docparse.Parse("p.md", []byte("# T\n\n"+tt.page))
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			var got []string
			for _, p := range pagePermissions(page) {
				s := fmt.Sprintf("%d %s:", p.Kind, p.Label)
				for _, set := range p.Scopes {
					s += fmt.Sprintf(" %v", set)
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}
