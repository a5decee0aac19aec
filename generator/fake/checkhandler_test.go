package fake_test

// What the README shows a team doing that implements the generated Server:
// CheckHandler tests their implementation against the docs, in go test.

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	api "github.com/docbind/docbind/out"
)

// drive is the implementation under test.
type drive struct{ api.Unimplemented }

func (drive) CreateVersion(ctx context.Context, req *api.CreateVersionRequest) (*api.Item, error) {
	return &api.Item{
		Content:         "version 2",
		CreatedBy:       &api.IdentitySet{User: &api.Identity{ID: "u1", DisplayName: "Ann"}, Application: &api.Identity{ID: "a1", DisplayName: "sync"}, Device: &api.Identity{ID: "d1", DisplayName: "laptop"}},
		CreatedDateTime: time.Now().UTC(),
		CTag:            "c2",
		Description:     "my first version",
		ETag:            "e2",
	}, nil
}

func TestDriveMatchesTheDocs(t *testing.T) {
	api.CheckHandler(t, api.NewHandler(drive{}))
}

// TestCheckHandlerPassesTheFake: the fake answers as the docs show.
func TestCheckHandlerPassesTheFake(t *testing.T) {
	api.CheckHandler(t, api.NewExampleHandler())
}

// TestCheckHandlerFailsUnimplemented runs CheckHandler against a Server
// that implements nothing, in a test process of its own, and requires
// every example to fail with the 501 it answers.
func TestCheckHandlerFailsUnimplemented(t *testing.T) {
	if os.Getenv("DOCBIND_CHECK_UNIMPLEMENTED") != "" {
		api.CheckHandler(t, api.NewHandler(api.Unimplemented{}))
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestCheckHandlerFailsUnimplemented$", "-test.v")
	cmd.Env = append(os.Environ(), "DOCBIND_CHECK_UNIMPLEMENTED=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("CheckHandler passed a Server that implements nothing:\n%s", out)
	}
	subtests := regexp.MustCompile(`--- (PASS|FAIL|SKIP): TestCheckHandlerFailsUnimplemented/`).FindAllSubmatch(out, -1)
	answered := strings.Count(string(out), "the service answered 501")
	if len(subtests) == 0 || answered != len(subtests) || strings.Contains(string(out), "--- PASS: TestCheckHandlerFailsUnimplemented/") {
		t.Errorf("%d subtests, %d of them failing with 501; want every one:\n%s", len(subtests), answered, out)
	}
}
