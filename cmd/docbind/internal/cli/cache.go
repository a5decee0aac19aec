package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/writeout"
)

// The cache lets a run with nothing changed stop after reading and hashing
// its inputs. It lives in the user cache folder, one small file per output
// folder; deleting it only costs the next run its shortcut.

// inputs is what a run depends on: the pages, read once, and their hash.
type inputs struct {
	hash    string
	sources []generator.Source
}

// cacheEntry records the outcome of the last run for an output folder.
type cacheEntry struct {
	Inputs     string            `json:"inputs"`
	Files      map[string]string `json:"files"` // name -> sha256 of the content written
	Diags      diag.List         `json:"diags"`
	Operations int               `json:"operations"`
	Types      int               `json:"types"`
	OpenAPI    string            `json:"openapi,omitempty"` // sha256 of the OpenAPI document written
}

// readInputs reads the selected pages and hashes them with their paths,
// the names of the docs folder's other files, the settings and docbind's
// own executable. The settings hold nothing of
// the working folder (the docs are named from the output folder, the
// OpenAPI document by its absolute path), so runs from the module's root
// and from the package's folder share the cache entry, as they share the
// output. When pages cannot be read, it returns those it read.
func readInputs(opt *options) (inputs, error) {
	gopt := opt.generatorOptions(opt.paths.generated)
	sources, err := generator.ReadSources(os.DirFS(opt.docs), gopt)
	if err != nil {
		return inputs{sources: sources}, err
	}
	h := sha256.New()
	h.Write([]byte(generator.ProgramID()))
	settings, _ := json.Marshal(struct {
		Opts    any
		Pkg     string
		Strict  bool
		OpenAPI any
	}{gopt, opt.pkg, opt.strict, []any{absolute(opt.openapi), opt.openAPISettings()}})
	h.Write(settings)
	for _, s := range sources {
		h.Write([]byte(s.Path + "\x00"))
		h.Write(s.Data)
		h.Write([]byte{0})
	}
	// Every file's name: the link check (DB106) reports a link to an
	// image or page that is not there, so adding one changes the run.
	h.Write([]byte("files\x00"))
	for _, f := range generator.FolderFiles(sources) {
		h.Write([]byte(f + "\x00"))
	}
	return inputs{hash: hex.EncodeToString(h.Sum(nil)), sources: sources}, nil
}

// absolute is path made absolute, "" for none.
func absolute(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func cachePath(opt *options) (string, bool) { return cacheFile(opt, ".json") }

// renderCachePath is where the generator's Cache of formatted files and
// type-checked packages for the output folder lives, beside the run cache.
// -check shares it with writing runs.
func renderCachePath(opt *options) (string, bool) { return cacheFile(opt, ".render") }

// renderCacheAge is how long the render cache of an output folder no run
// has used is kept: each is as large as the folder's generated code.
const renderCacheAge = 30 * 24 * time.Hour

// saveRenderCache saves the run's render cache and removes those of other
// output folders that no run has used for renderCacheAge. Failing to only
// costs a later run its shortcut.
func saveRenderCache(c *generator.Cache, file string) {
	_ = c.Save(file)
	now := time.Now()
	_ = os.Chtimes(file, now, now) // Save writes nothing when nothing changed
	others, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "*.render"))
	for _, other := range others {
		if fi, err := os.Stat(other); err == nil && now.Sub(fi.ModTime()) > renderCacheAge {
			_ = os.Remove(other)
		}
	}
}

func cacheFile(opt *options, ext string) (string, bool) {
	dir, err := os.UserCacheDir()
	if err != nil || os.Getenv("DOCBIND_NOCACHE") != "" {
		return "", false
	}
	abs, err := filepath.Abs(opt.out)
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "docbind", hex.EncodeToString(sum[:12])+ext), true
}

func loadCache(opt *options, in inputs) (*cacheEntry, bool) {
	file, ok := cachePath(opt)
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	var c cacheEntry
	if json.Unmarshal(data, &c) != nil || c.Inputs != in.hash {
		return nil, false
	}
	return &c, true
}

// upToDate reports whether every file the cache lists is on disk with the
// content it recorded: someone may have edited or deleted one since.
func upToDate(out string, files map[string]string) bool {
	for name, sum := range files {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || hashOf(data) != sum {
			return false
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false
	}
	for _, e := range entries {
		generated := strings.HasSuffix(e.Name(), "_gen.go") || strings.HasSuffix(e.Name(), "_gen_test.go")
		if _, ok := files[e.Name()]; generated && !ok {
			return false // a generated file appeared that the last run did not write
		}
		if writeout.IsLeftover(e.Name()) {
			return false // a killed run left a temporary file: a writing run removes it
		}
	}
	return true
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// openAPIUpToDate reports whether the OpenAPI document, if the run writes
// one, is on disk with the content the cache recorded.
func openAPIUpToDate(file, sum string) bool {
	if file == "" {
		return true
	}
	data, err := os.ReadFile(file)
	return err == nil && hashOf(data) == sum
}

// saveCache records a successful run; failing to is harmless.
func saveCache(opt *options, in inputs, res *generator.Result, openAPI []byte) {
	file, ok := cachePath(opt)
	if !ok {
		return
	}
	// The diagnostics as the generator names pages, from the output
	// folder: a run from another folder shows them from there.
	c := cacheEntry{Inputs: in.hash, Files: map[string]string{}, Diags: res.Diags, Operations: res.Operations, Types: res.Types}
	for _, f := range res.Files {
		c.Files[f.Name] = hashOf(f.Content)
	}
	if openAPI != nil {
		c.OpenAPI = hashOf(openAPI)
	}
	data, err := json.Marshal(c)
	if err != nil || os.MkdirAll(filepath.Dir(file), 0o755) != nil {
		return
	}
	tmp := file + ".tmp"
	if os.WriteFile(tmp, data, 0o644) == nil {
		_ = os.Rename(tmp, file)
	}
}
