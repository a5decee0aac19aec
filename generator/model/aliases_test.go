package model

import (
	"reflect"
	"testing"
)

func TestURLAliases(t *testing.T) {
	variants := func(templates ...string) []*Variant {
		var vs []*Variant
		for _, tm := range templates {
			vs = append(vs, &Variant{Template: tm})
		}
		return vs
	}
	api := &API{Operations: []*Operation{
		{Name: "GetDrive", Method: "GET", Variants: variants("/me/drive", "/drives/{drive-id}", "/me/drive")},
		{Name: "GetMe", Method: "GET", Variants: variants("/me")},
		{Name: "UpdateDrive", Method: "PATCH", Variants: variants("/me/drive", "/drives/{drive-id}")},
		{Name: "ListItems", Method: "GET", Variants: variants("/drives/{drive-id}/items", "/me/drive/items", "/groups/{group-id}/drive/items")},
	}}
	want := [][]string{
		{"/me/drive", "/drives/{drive-id}"},
		{"/drives/{drive-id}/items", "/me/drive/items", "/groups/{group-id}/drive/items"},
	}
	if got := URLAliases(api); !reflect.DeepEqual(got, want) {
		t.Errorf("URLAliases = %q, want %q: GET operations of several URLs, each URL once", got, want)
	}
}
