package model

import (
	"slices"

	"github.com/docbind/docbind/generator/schema"
)

// wellKnown is a Graph core type that many pages embed without documenting
// it themselves, as protobuf has google.protobuf.Timestamp. docbind names an
// undocumented nested object after one of these when its members are a
// subset of the type's, so the seed's createdBy becomes an IdentitySet of
// Identity values rather than three look-alike anonymous types. A type the
// docs define takes precedence: its resource page overrides this entry.
type wellKnown struct {
	odataType string
	doc       string
	members   []string
	// memberType, when set, is the well-known type every member must have.
	memberType string
}

var wellKnownTypes = []wellKnown{
	{
		odataType:  "microsoft.graph.identitySet",
		doc:        "a keyed collection of identities: the application, device and user behind an action",
		members:    []string{"application", "applicationInstance", "conversation", "conversationIdentityType", "device", "encrypted", "group", "guest", "onPremises", "phone", "user"},
		memberType: "microsoft.graph.identity",
	},
	{
		odataType: "microsoft.graph.identity",
		doc:       "an actor such as a user, device or application",
		members:   []string{"displayName", "id", "email", "tenantId", "thumbnails"},
	},
}

// matchWellKnown returns the well-known type an undocumented object's shape
// belongs to, or "".
func matchWellKnown(n *schema.Node) string {
	if n.Kind != schema.Object || len(n.Fields) == 0 {
		return ""
	}
	for _, w := range wellKnownTypes {
		if fitsWellKnown(n, w) {
			return w.odataType
		}
	}
	return ""
}

func fitsWellKnown(n *schema.Node, w wellKnown) bool {
	for _, f := range n.Fields {
		if !slices.Contains(w.members, f.Name) {
			return false
		}
		if w.memberType != "" && f.Value.Kind != schema.Null && matchWellKnown(f.Value) != w.memberType {
			return false
		}
	}
	return true
}

func wellKnownDoc(odataType string) string {
	for _, w := range wellKnownTypes {
		if w.odataType == odataType {
			return w.doc
		}
	}
	return ""
}
