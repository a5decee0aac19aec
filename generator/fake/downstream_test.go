package fake_test

// What the README shows a downstream test doing: it tests its own code
// against the fake of the seed's generated package, as a user of any
// generated package would.

import (
	"context"
	"errors"
	"net/http/httptest"
	"sync"
	"testing"

	api "github.com/docbind/docbind/out"
)

// latestVersion is the code under test: it asks the API for a new version
// of the drive's root and returns its eTag.
func latestVersion(ctx context.Context, c *api.Client) (string, error) {
	item, err := c.CreateVersion(ctx, &api.Item{Description: "nightly"}, nil)
	if err != nil {
		return "", err
	}
	return item.ETag, nil
}

func TestLatestVersionAgainstTheFake(t *testing.T) {
	srv := httptest.NewServer(api.NewExampleHandler(api.WithExampleLog(func(line string) { t.Log(line) })))
	defer srv.Close()
	etag, err := latestVersion(t.Context(), api.NewClient(srv.URL))
	if err != nil || etag != "eTag-value" {
		t.Fatalf("latestVersion = %q, %v; want the documented eTag-value", etag, err)
	}
}

// versions fakes CreateVersion with state; the docs answer the rest.
type versions struct {
	api.Unimplemented
	mu sync.Mutex
	n  int
}

func (v *versions) CreateVersion(_ context.Context, req *api.CreateVersionRequest) (*api.Item, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.n++
	if v.n > 2 {
		return nil, &api.APIError{StatusCode: 429, Code: "tooManyRequests", Message: "slow down"}
	}
	return &api.Item{ETag: "v" + string(rune('0'+v.n)), Description: req.Body.Description}, nil
}

func TestLatestVersionAgainstAStatefulFake(t *testing.T) {
	var log []string
	srv := httptest.NewServer(api.NewExampleHandler(api.WithServer(&versions{}, "CreateVersion"), api.WithExampleLog(func(line string) { log = append(log, line) })))
	defer srv.Close()
	defer func() {
		if len(log) != 3 || log[0] != "POST /drive/root/versions -> the Server's CreateVersion" {
			t.Errorf("the log of three calls the Server answered: %q", log)
		}
	}()
	c := api.NewClient(srv.URL)
	for _, want := range []string{"v1", "v2"} {
		if etag, err := latestVersion(t.Context(), c); err != nil || etag != want {
			t.Fatalf("latestVersion = %q, %v; want %s", etag, err, want)
		}
	}
	var apiErr *api.APIError
	if _, err := latestVersion(t.Context(), c); !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
		t.Fatalf("the third call: %v, want the Server's 429", err)
	}
}

func TestWithServerNamesAnOperation(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("WithServer of an operation the API lacks did not panic")
		}
	}()
	api.NewExampleHandler(api.WithServer(api.Unimplemented{}, "CreateVersions"))
}
