package model

import "testing"

func TestPlaceValues(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/cf6005fc-9e13-44a2-a6ac-a53322006454",
			"/education/classes/{class-id}/assignments/{assignment-id}"},
		{"/users/kim@contoso.com/messages/AAMkADA1MTAAAAqldOAAA=", "/users/{user-id}/messages/{message-id}"},
		{"/teams/(team-id)/channels/{channel-id}", "/teams/{team-id}/channels/{channel-id}"},
		{"/reports/getEmailActivityCounts(period='D7')", "/reports/getEmailActivityCounts(period='{period}')"},
		{"/reports/getEmailActivityCounts(period='{period_value}')", "/reports/getEmailActivityCounts(period='{period_value}')"},
		{"/me/drive/items/{id}/workbook/worksheets('Sheet1')/range(address='A1:B2')",
			"/me/drive/items/{id}/workbook/worksheets('{worksheet-id}')/range(address='{address}')"},
		{"/me/drive/root:/book1.xlsx:/workbook/tables", "/me/drive/root:/{item-path}:/workbook/tables"},
		{"/me/drive/root:/{item-path}:/content", "/me/drive/root:/{item-path}:/content"},
		{"/drive/items/{item-id}/microsoft.graph.delta()", "/drive/items/{item-id}/microsoft.graph.delta()"},
		{"/reports/getOffice365ActiveUserCounts(period='D7')", "/reports/getOffice365ActiveUserCounts(period='{period}')"},
		{"/identity/b2xUserFlows/B2X_1_Partner", "/identity/b2xUserFlows/{b2xUserFlow-id}"},
		{"/oauth2PermissionGrants/{id}", "/oauth2PermissionGrants/{id}"},
		{"/me/authentication/fido2Methods", "/me/authentication/fido2Methods"},
		{"/groups/37df2ff0-0de0-4c33-8aee-75289364aef6/threads/AAQkADJizZJpEWwqDHsEpV_KA==/posts", "/groups/{group-id}/threads/{thread-id}/posts"},
		{"/drives/01CYZLFJDYBLIGAE7G5FE3I4VO2XP7BLU4/items", "/drives/{drive-id}/items"},
		{"/me/drive/items/{id}/content/$value", "/me/drive/items/{id}/content/$value"},
		{"/organization/{id}/branding/localizations/en-US", "/organization/{id}/branding/localizations/{localization-id}"},
		{"/workbook/tables/1/rows/itemAt(index=6)", "/workbook/tables/{table-id}/rows/itemAt(index={index})"},
	}
	for _, tt := range tests {
		if got := placeValues(tt.path); got != tt.want {
			t.Errorf("placeValues(%q)\n got %q\nwant %q", tt.path, got, tt.want)
		}
	}
}
