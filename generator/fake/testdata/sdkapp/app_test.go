// Package sdkapp is an app built on Microsoft's official Go SDK for Graph,
// as a team that tests it against docbind's fake writes it: everyday
// calls, written as an app writes them, not to fit the docs' examples.
// TestOfficialSDKAgainstTheFake (generator/fake, -sdk) runs it against
// the fake of the Graph docs at $FAKE_URL.
package sdkapp

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/microsoft/kiota-abstractions-go/authentication"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

const (
	userID  = "87d349ed-44d7-43e1-9a83-5f2406dee5bd"
	groupID = "02bd9fd6-8f93-4758-87c3-1fb73740a315"
	driveID = "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd"
	itemID  = "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"
	teamID  = "172b0cce-e65d-44ce-9a49-91d9f2e8493a"
)

func TestEverydayCalls(t *testing.T) {
	adapter, err := msgraphsdk.NewGraphRequestAdapter(&authentication.AnonymousAuthenticationProvider{})
	if err != nil {
		t.Fatal(err)
	}
	adapter.SetBaseUrl(os.Getenv("FAKE_URL") + "/v1.0")
	c := msgraphsdk.NewGraphServiceClient(adapter)
	ctx := context.Background()
	// Each call is made with the SDK's default settings (its request
	// compression among them); nothing is an error, and a call that
	// returns a value returns one.
	calls := []struct {
		name string
		call func() (any, error)
	}{
		{"get me", func() (any, error) { return c.Me().Get(ctx, nil) }},
		{"list users", func() (any, error) { return c.Users().Get(ctx, nil) }},
		{"get a user", func() (any, error) { return c.Users().ByUserId(userID).Get(ctx, nil) }},
		{"create a user", func() (any, error) {
			u := models.NewUser()
			u.SetDisplayName(ptr("Adele Vance"))
			u.SetMailNickname(ptr("AdeleV"))
			u.SetUserPrincipalName(ptr("AdeleV@contoso.com"))
			u.SetAccountEnabled(ptr(true))
			p := models.NewPasswordProfile()
			p.SetPassword(ptr("xWwvJ]6NMw+bWH-d"))
			p.SetForceChangePasswordNextSignIn(ptr(true))
			u.SetPasswordProfile(p)
			return c.Users().Post(ctx, u, nil)
		}},
		{"update a user", func() (any, error) {
			u := models.NewUser()
			u.SetJobTitle(ptr("Product Manager"))
			// The service answers 204: no user.
			_, err := c.Users().ByUserId(userID).Patch(ctx, u, nil)
			return nothing, err
		}},
		{"delete a user", func() (any, error) { return nothing, c.Users().ByUserId(userID).Delete(ctx, nil) }},
		{"list my messages", func() (any, error) { return c.Me().Messages().Get(ctx, nil) }},
		{"send mail", func() (any, error) {
			m := models.NewMessage()
			m.SetSubject(ptr("Meet for lunch?"))
			b := models.NewItemBody()
			ct := models.HTML_BODYTYPE
			b.SetContentType(&ct)
			b.SetContent(ptr("The new cafeteria is open."))
			m.SetBody(b)
			r := models.NewRecipient()
			e := models.NewEmailAddress()
			e.SetAddress(ptr("frannis@contoso.com"))
			r.SetEmailAddress(e)
			m.SetToRecipients([]models.Recipientable{r})
			body := users.NewItemSendMailPostRequestBody()
			body.SetMessage(m)
			body.SetSaveToSentItems(ptr(false))
			return nothing, c.Me().SendMail().Post(ctx, body, nil)
		}},
		{"list my mail folders", func() (any, error) { return c.Me().MailFolders().Get(ctx, nil) }},
		{"list groups", func() (any, error) { return c.Groups().Get(ctx, nil) }},
		{"get a group", func() (any, error) { return c.Groups().ByGroupId(groupID).Get(ctx, nil) }},
		{"list a group's members", func() (any, error) { return c.Groups().ByGroupId(groupID).Members().Get(ctx, nil) }},
		{"get my drive", func() (any, error) { return c.Me().Drive().Get(ctx, nil) }},
		{"get a drive's root", func() (any, error) { return c.Drives().ByDriveId(driveID).Root().Get(ctx, nil) }},
		{"list a folder's children", func() (any, error) {
			return c.Drives().ByDriveId(driveID).Items().ByDriveItemId(itemID).Children().Get(ctx, nil)
		}},
		{"list my events", func() (any, error) { return c.Me().Events().Get(ctx, nil) }},
		{"create an event", func() (any, error) {
			e := models.NewEvent()
			e.SetSubject(ptr("Let's go for lunch"))
			start := models.NewDateTimeTimeZone()
			start.SetDateTime(ptr("2017-04-15T12:00:00"))
			start.SetTimeZone(ptr("Pacific Standard Time"))
			e.SetStart(start)
			end := models.NewDateTimeTimeZone()
			end.SetDateTime(ptr("2017-04-15T14:00:00"))
			end.SetTimeZone(ptr("Pacific Standard Time"))
			e.SetEnd(end)
			return c.Me().Events().Post(ctx, e, nil)
		}},
		{"list my calendars", func() (any, error) { return c.Me().Calendars().Get(ctx, nil) }},
		{"list my teams", func() (any, error) { return c.Me().JoinedTeams().Get(ctx, nil) }},
		{"list a team's channels", func() (any, error) { return c.Teams().ByTeamId(teamID).Channels().Get(ctx, nil) }},
		{"get the organization", func() (any, error) { return c.Organization().Get(ctx, nil) }},
	}
	ok := 0
	for _, call := range calls {
		got, err := call.call()
		if err != nil || got == nil {
			t.Errorf("%s: %v", call.name, describe(err))
			continue
		}
		ok++
		t.Logf("%s: %T", call.name, got)
	}
	fmt.Printf("%d of %d calls succeed\n", ok, len(calls))
}

// nothing is the value of a call that answers no body.
var nothing = struct{}{}

func ptr[T any](v T) *T { return &v }

func describe(err error) string {
	if o, ok := err.(*odataerrors.ODataError); ok && o.GetErrorEscaped() != nil {
		e := o.GetErrorEscaped()
		return fmt.Sprintf("%v: %v", deref(e.GetCode()), deref(e.GetMessage()))
	}
	if err == nil {
		return "no result"
	}
	return err.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
