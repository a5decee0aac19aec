package openapi

import (
	"slices"
	"strconv"
	"strings"

	"github.com/docbind/docbind/generator/model"
)

// The security schemes of the permissions the pages' Permissions tables
// document: a delegated permission is one a signed-in user grants an app
// (OAuth 2.0's authorization code flow), an application permission one an
// app holds itself (client credentials). Generators make a type of a
// scheme (ogen), so a scheme that a schema's name would clash with gets a
// number (schemeNames).
const (
	DelegatedScheme   = "delegatedPermissions"
	ApplicationScheme = "applicationPermissions"
)

// schemeNames are the names of the two schemes in a document of these
// schemas: DelegatedScheme and ApplicationScheme unless a schema's name is
// one as a generator writes it.
func schemeNames(schemas map[string]*Schema) (delegated, application string) {
	taken := map[string]bool{}
	for name := range schemas {
		taken[camelName(name)] = true
	}
	unique := func(name string) string {
		out := name
		for i := 2; taken[camelName(out)]; i++ {
			out = name + strconv.Itoa(i)
		}
		return out
	}
	return unique(DelegatedScheme), unique(ApplicationScheme)
}

// The OAuth 2.0 endpoints of the Microsoft identity platform, whose
// permission types (work or school account, personal Microsoft account,
// application) are those of the convention's Permissions tables. The docs
// name no endpoint: these are the platform's multi-tenant ones, as
// Microsoft's own OpenAPI description of Graph (msgraph-metadata) gives
// them; an app that holds application permissions asks the token of its
// tenant's endpoint instead of common's.
const (
	authorizationURL = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
	tokenURL         = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
)

// securitySchemes are the schemes of the documented permissions, each
// with the scopes some operation takes, and the permission types they
// are listed under; nil when no page documents a permission.
func (b *builder) securitySchemes(api *model.API) map[string]*SecurityScheme {
	scopes := map[string]map[string][]string{} // scheme -> scope -> labels
	for _, op := range api.Operations {
		for _, p := range op.Permissions {
			scheme := b.schemeOf(p.Kind)
			if scopes[scheme] == nil {
				scopes[scheme] = map[string][]string{}
			}
			for _, set := range p.Scopes {
				for _, s := range set {
					if !slices.Contains(scopes[scheme][s], p.Label) {
						scopes[scheme][s] = append(scopes[scheme][s], p.Label)
					}
				}
			}
		}
	}
	if len(scopes) == 0 {
		return nil
	}
	described := func(byScope map[string][]string) map[string]string {
		out := map[string]string{}
		for s, labels := range byScope {
			slices.Sort(labels)
			out[s] = strings.Join(labels, "; ")
		}
		return out
	}
	out := map[string]*SecurityScheme{}
	if s := scopes[b.delegated]; s != nil {
		out[b.delegated] = &SecurityScheme{
			Type:        "oauth2",
			Description: "Delegated permissions: a signed-in user (a work or school account, or a personal Microsoft account where the docs say so) grants the app the scopes.",
			Flows:       &OAuthFlows{AuthorizationCode: &OAuthFlow{AuthorizationURL: authorizationURL, TokenURL: tokenURL, Scopes: described(s)}},
		}
	}
	if s := scopes[b.application]; s != nil {
		out[b.application] = &SecurityScheme{
			Type:        "oauth2",
			Description: "Application permissions: the app calls without a signed-in user, with the permissions an administrator granted it; it asks its tenant's token endpoint.",
			Flows:       &OAuthFlows{ClientCredentials: &OAuthFlow{TokenURL: tokenURL, Scopes: described(s)}},
		}
	}
	return out
}

func (b *builder) schemeOf(k model.PermissionKind) string {
	if k.Delegated() {
		return b.delegated
	}
	return b.application
}

// security are the requirements of the operations documented at a URL,
// any one of which lets an app call it: each alternative of each
// permission type, least privileged first, delegated before application;
// nil when their pages document no permission.
func (b *builder) security(ops []*model.Operation) []map[string][]string {
	var out []map[string][]string
	for _, kind := range []model.PermissionKind{model.DelegatedWork, model.DelegatedPersonal, model.Application} {
		for _, op := range ops {
			for _, p := range op.Permissions {
				if p.Kind != kind {
					continue
				}
				scheme := b.schemeOf(kind)
				for _, set := range p.Scopes {
					req := map[string][]string{scheme: set}
					if !slices.ContainsFunc(out, func(r map[string][]string) bool { return slices.Equal(r[scheme], set) && len(r) == 1 }) {
						out = append(out, req)
					}
				}
			}
		}
	}
	return out
}
