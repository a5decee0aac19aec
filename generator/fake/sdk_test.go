package fake_test

import (
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/fake"
)

var sdk = flag.Bool("sdk", false, "TestOfficialSDKAgainstTheFake: build Microsoft's Go SDK for Graph (about 4 minutes and 4 GB the first time) and run an app built on it against the fake")

// TestOfficialSDKAgainstTheFake runs testdata/sdkapp, an app built on
// github.com/microsoftgraph/msgraph-sdk-go with its default settings,
// against the fake of the Graph docs: at least 20 of its 21 everyday
// calls must return the documented typed result.
func TestOfficialSDKAgainstTheFake(t *testing.T) {
	if !*sdk {
		t.Skip("builds Microsoft's Go SDK for Graph (about 4 minutes and 4 GB the first time): run with -sdk")
	}
	docs := filepath.Join("..", "..", "..", "shared", "corpus", "graph-v1.0")
	if _, err := os.Stat(docs); err != nil {
		t.Fatalf("-sdk needs the Graph corpus at %s: %v", docs, err)
	}
	api, _, err := generator.ReadModel(os.DirFS(docs), generator.Options{DocsLabel: "graph", Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(fake.New(api, func(line string) { t.Log(line) }))
	defer srv.Close()
	cmd := exec.Command("go", "test", "-count=1", "-v", ".")
	cmd.Dir = filepath.Join("testdata", "sdkapp")
	cmd.Env = append(os.Environ(), "FAKE_URL="+srv.URL, "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, _ := cmd.CombinedOutput()
	t.Logf("%s", out)
	m := regexp.MustCompile(`(\d+) of (\d+) calls succeed`).FindSubmatch(out)
	if m == nil {
		t.Fatal("the app did not run its calls")
	}
	ok, all := atoi(m[1]), atoi(m[2])
	if ok < 20 || all < 21 {
		t.Errorf("%d of %d calls succeed, want at least 20 of 21", ok, all)
	}
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}
