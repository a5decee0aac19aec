package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// Helpers of the tests that run the docbind binary.

// dropEvery removes every nth page under docs.
func dropEvery(t *testing.T, docs string, n int) {
	t.Helper()
	i := 0
	err := filepath.WalkDir(docs, func(path string, d os.DirEntry, err error) error {
		if err != nil || filepath.Ext(path) != ".md" {
			return err
		}
		if i++; i%n != 0 {
			return nil
		}
		return os.Remove(path)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// completeRun generates docs into a fresh folder and returns its files and
// how long the run took. The folder is beside docs, as the tests' output
// folders are: generated files name the docs from the output folder.
func completeRun(t *testing.T, bin, docs, pkg string) (map[string]string, time.Duration) {
	t.Helper()
	out, err := os.MkdirTemp(filepath.Dir(docs), "complete-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(out)
	took := timedRun(t, bin, docs, out, pkg)
	files := folderFiles(t, out)
	if len(files) < 100 {
		t.Fatalf("only %d files generated from %s", len(files), docs)
	}
	return files, took
}

// timedRun runs docbind to its successful end and says how long it took.
func timedRun(t *testing.T, bin, docs, out, pkg string) time.Duration {
	t.Helper()
	start := time.Now()
	if code, msg := runDocbind(bin, docs, out, pkg); code != 0 {
		t.Fatalf("generating %s: exit %d:\n%s", docs, code, msg)
	}
	return time.Since(start)
}

// checkFolderIs checks that dir holds want and nothing else: no temporary
// file, no lock file.
func checkFolderIs(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	if diff := filesDiff(folderFiles(t, dir), want); diff != "" {
		t.Errorf("%s is not the output of a complete run: %s", dir, diff)
	}
}

// filesDiff describes how the files got differ from want, "" if in no way.
func filesDiff(got, want map[string]string) string {
	var differ, extra []string
	for name, content := range got {
		if wanted, ok := want[name]; !ok {
			extra = append(extra, name)
		} else if content != wanted {
			differ = append(differ, name)
		}
	}
	missing := len(want) - (len(got) - len(extra))
	if len(differ)+len(extra)+missing == 0 {
		return ""
	}
	slices.Sort(differ)
	slices.Sort(extra)
	return fmt.Sprintf("%d of %d files differ %q, %d are missing, %d are extra %q", len(differ), len(want), firstFew(differ), missing, len(extra), firstFew(extra))
}

func firstFew(names []string) []string {
	return names[:min(len(names), 3)]
}

// folderFiles reads every file in dir.
func folderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

func docbindCmd(bin, docs, out, pkg string) *exec.Cmd {
	cmd := exec.Command(bin, "-docs", docs, "-out", out, "-package", pkg, "-q")
	// No cache: its shortcut would skip the writing under test.
	cmd.Env = append(os.Environ(), "DOCBIND_NOCACHE=1")
	return cmd
}

// runDocbind runs docbind to its end and returns its exit code and what
// it printed.
func runDocbind(bin, docs, out, pkg string) (int, string) {
	cmd := docbindCmd(bin, docs, out, pkg)
	msg, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		return -1, err.Error()
	}
	return cmd.ProcessState.ExitCode(), string(msg)
}

// userCacheDir is the user's cache folder, taken before TestMain moves it.
var userCacheDir, _ = os.UserCacheDir()

// buildDocbind builds the docbind command into a temporary folder.
func buildDocbind(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "docbind")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, "github.com/docbind/docbind/cmd/docbind")
	if os.Getenv("GOCACHE") == "" && userCacheDir != "" {
		// Go's build cache, not the empty one TestMain's cache folder holds.
		cmd.Env = append(os.Environ(), "GOCACHE="+filepath.Join(userCacheDir, "go-build"))
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building docbind: %v\n%s", err, out)
	}
	return bin
}

// copyDocs fills dst with copies of the doc folders at hand, each copy in
// its own subfolder so that every page makes its own files, until it
// holds at least minPages pages.
func copyDocs(t *testing.T, dst string, minPages int) {
	t.Helper()
	sources := docSources(t)
	pages := 0
	for k := 0; pages < minPages; k++ {
		for i, src := range sources {
			pages += copyPages(t, src, filepath.Join(dst, fmt.Sprintf("copy%d_%d", k, i)))
		}
	}
}

// docSources are the doc folders the process tests copy: the OneDrive
// corpus when it is beside the checkout, else the repository's docs and
// the test cases that generate code (those with an expected client).
func docSources(t *testing.T) []string {
	t.Helper()
	const repo = "../../../.."
	if onedrive := filepath.Join(repo, "..", "shared", "corpus", "onedrive"); isDir(onedrive) {
		return []string{onedrive}
	}
	sources := []string{filepath.Join(repo, "docs")}
	clients, err := filepath.Glob(filepath.Join(repo, "generator", "testdata", "cases", "*", "want", "client_gen.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, client := range clients {
		sources = append(sources, filepath.Join(filepath.Dir(filepath.Dir(client)), "docs"))
	}
	return sources
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// copyPages copies the Markdown pages under src to dst and counts them.
func copyPages(t *testing.T, src, dst string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		}
		n++
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
