package generator

import (
	"crypto/sha256"
	"io"
	"os"
	"sync"

	"github.com/docbind/docbind/generator/bincode"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/docparse"
)

// parsedPage is what the Cache keeps of a page: docparse.Parse's result.
type parsedPage struct {
	Page  *docparse.Page
	Diags diag.List
}

// ProgramID identifies the running build of docbind: the SHA-256 of its
// executable (the test binary's under go test), "" when it cannot be read.
// A parsed page is a function of the parser's code as much as of the
// page, so the Cache keys parsed pages with it; the CLI's cache of whole
// runs hashes it too.
var ProgramID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return string(h.Sum(nil))
})

// pageFingerprint is the key of a page's parse: the build, the name the
// page is parsed under (positions carry it) and its bytes. ok is false
// when the build is not known: then no parse is cached.
func pageFingerprint(file string, src []byte) (key fingerprint, ok bool) {
	program := ProgramID()
	if program == "" {
		return fingerprint{}, false
	}
	h := sha256.New()
	h.Write([]byte(cacheSalt + "page\x00" + program + "\x00" + file + "\x00"))
	h.Write(src)
	return fingerprint(h.Sum(nil)), true
}

// parse is docparse.Parse through the cache: a page parsed before under
// the same name, with the same bytes and build, is decoded rather than
// parsed again. A nil Cache parses.
func (c *Cache) parse(file string, src []byte) (*docparse.Page, diag.List) {
	if c == nil {
		return docparse.Parse(file, src)
	}
	key, ok := pageFingerprint(file, src)
	if !ok {
		return docparse.Parse(file, src)
	}
	if page, ok := c.parsedPage(key); ok {
		return page.Page, page.Diags
	}
	page, diags := docparse.Parse(file, src)
	if data, err := bincode.Marshal(parsedPage{page, diags}); err == nil {
		c.mu.Lock()
		c.parsed[key] = data
		c.changed = true
		c.parses++
		c.mu.Unlock()
	}
	return page, diags
}

// parsedPage decodes the page of key, and keeps it; false when the cache
// has none, or one that does not decode (then the page is parsed again).
func (c *Cache) parsedPage(key fingerprint) (parsedPage, bool) {
	c.mu.Lock()
	data, hit := c.parsed[key]
	if !hit {
		data, hit = c.pages[key]
	}
	c.mu.Unlock()
	var page parsedPage
	if !hit || bincode.Unmarshal(data, &page) != nil || page.Page == nil {
		return parsedPage{}, false
	}
	c.mu.Lock()
	c.parsed[key] = data
	c.mu.Unlock()
	return page, true
}
