package model

import (
	"net/http"
	"slices"
)

// URLAliases are, for each GET operation the docs document at several URLs
// (Get drive at /me/drive and /drives/{drive-id}), its URL templates: the
// docs' spellings of one resource. A fake serves a path that starts with
// one of them as the same path started with another, as a client built on
// another spelling sends it (/drives/{drive-id}/root for /me/drive/root).
func URLAliases(api *API) [][]string {
	var groups [][]string
	for _, op := range api.Operations {
		if op.Method != http.MethodGet {
			continue
		}
		var group []string
		for _, v := range op.Variants {
			if !slices.Contains(group, v.Template) {
				group = append(group, v.Template)
			}
		}
		if len(group) > 1 {
			groups = append(groups, group)
		}
	}
	return groups
}
