package generator

import (
	"bytes"
	"crypto/sha256"
	"go/format"
	"slices"
	"sync"

	"github.com/docbind/docbind/generator/gocheck"
	"github.com/docbind/docbind/generator/par"
	"github.com/docbind/docbind/templates"
)

// A round formats the files of one round of a run, through the cache when
// there is one, and type-checks them. The check starts on the files as
// rendered, while they are formatted: formatting keeps what code means,
// so the package type-checks as rendered just when it does as formatted.
// A package the cache saw type-check is not checked again.
type round struct {
	pkg   string
	cache *Cache // nil: format and check everything

	mu       sync.Mutex
	checking map[string]bool        // the names of the files the check has
	outputs  map[string][]byte      // name -> what format made of it
	codes    map[string]fingerprint // name -> the code fingerprint of its source, where known

	skipped bool          // the cache saw the package type-check
	done    chan struct{} // closed when the check started by rendered ends
	bad     bool          // it found type errors
	err     error
}

func newRound(pkg string, cache *Cache) *round {
	return &round{pkg: pkg, cache: cache, outputs: map[string][]byte{}, codes: map[string]fingerprint{}}
}

func (r *round) options(docsDir string, omitPackageDoc bool) templates.Options {
	return templates.Options{Package: r.pkg, DocsDir: docsDir, NoPackageDoc: omitPackageDoc, Format: r.format, Rendered: r.rendered}
}

// rendered is templates.Options.Rendered: unless the cache knows the
// package type-checks, it starts checking the files.
func (r *round) rendered(files []templates.File) {
	r.checking = map[string]bool{}
	for _, f := range files {
		r.checking[f.Name] = true
	}
	if r.cache != nil {
		r.knownCodes(files)
		if key, ok := r.checkKey(files); ok && r.cache.typeChecked(key) {
			r.skipped = true
			return
		}
	}
	r.done = make(chan struct{})
	go r.check(files)
}

// check type-checks the rendered files.
func (r *round) check(files []templates.File) {
	defer close(r.done)
	r.bad, r.err = typeErrors(r.pkg, files)
}

// knownCodes finds the code fingerprints of the files the cache has, and
// computes those of the others when they are few (an edit): the check key
// needs them all.
func (r *round) knownCodes(files []templates.File) {
	keys := make([]fingerprint, len(files))
	par.Do(len(files), 0, func(i int) { keys[i] = sourceFingerprint(files[i].Content) })
	var misses []int
	for i, f := range files {
		if e, ok := r.cache.lookup(keys[i]); ok {
			r.codes[f.Name] = e.code
		} else {
			misses = append(misses, i)
		}
	}
	if len(misses)*10 > len(files) {
		return // a new package: it is checked, and format computes them
	}
	codes := make([]fingerprint, len(misses))
	par.Do(len(misses), 0, func(j int) { codes[j] = codeFingerprint(files[misses[j]].Content) })
	for j, i := range misses {
		r.codes[files[i].Name] = codes[j]
	}
}

// checkKey is the fingerprint of a package's type-check: the salt, the Go
// toolchain that checks it, its name, and each file's name and code
// fingerprint, in name order. It is false when a code fingerprint is not
// known.
func (r *round) checkKey(files []templates.File) (fingerprint, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	slices.Sort(names)
	h := sha256.New()
	h.Write([]byte(cacheSalt + goToolchain() + "\x00" + r.pkg + "\x00"))
	for _, name := range names {
		code, ok := r.codes[name]
		if !ok {
			return fingerprint{}, false
		}
		h.Write([]byte(name + "\x00"))
		h.Write(code[:])
	}
	return fingerprint(h.Sum(nil)), true
}

// format is templates.Options.Format: format.Source, through the cache.
func (r *round) format(name string, src []byte) ([]byte, error) {
	if r.cache == nil {
		out, err := format.Source(src)
		r.done1(name, out, nil)
		return out, err
	}
	key := sourceFingerprint(src)
	if e, ok := r.cache.lookup(key); ok {
		r.done1(name, e.formatted, &e.code)
		return e.formatted, nil
	}
	out, err := format.Source(src)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	code, ok := r.codes[name]
	r.mu.Unlock()
	if !ok {
		code = codeFingerprint(src)
	}
	r.cache.store(key, cachedFile{formatted: out, code: code})
	r.done1(name, out, &code)
	return out, nil
}

// done1 records what format made of a file.
func (r *round) done1(name string, out []byte, code *fingerprint) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outputs[name] = out
	if code != nil {
		r.codes[name] = *code
	}
}

// typeErrors reports whether the files have type errors, from the check
// rendered started, when they are the files it checked as format made
// them; ok is false when they are not (a test broke one on purpose).
func (r *round) typeErrors(files []templates.File) (bad, ok bool, err error) {
	if r.done != nil {
		<-r.done
	}
	if r.checking == nil || len(files) != len(r.checking) {
		return false, false, nil
	}
	for _, f := range files {
		out, formatted := r.outputs[f.Name]
		if !r.checking[f.Name] || !formatted || !bytes.Equal(out, f.Content) {
			return false, false, nil
		}
	}
	if r.skipped {
		return false, true, nil
	}
	if r.cache != nil && r.err == nil && !r.bad {
		if key, ok := r.checkKey(files); ok {
			r.cache.setTypeChecked(key)
		}
	}
	return r.bad, true, r.err
}

// typeErrors parses and type-checks files, and reports whether they have
// type errors (a file that does not parse is one): where, gocheck.Check on
// the formatted files says.
func typeErrors(pkg string, files []templates.File) (bool, error) {
	fset, parsed, err := gocheck.Parse(files)
	if err != nil {
		return true, nil
	}
	typeErrs, err := gocheck.CheckParsed(pkg, fset, parsed)
	return len(typeErrs) > 0, err
}
