package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"go/scanner"
	"go/token"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// A Cache makes a run after a small docs edit cheap: it remembers, from
// one run to the next, every page as parsed by the fingerprint of its
// bytes, the formatted form of every generated file by the fingerprint of
// its unformatted source, and the packages that type-checked. It is sound
// by construction: parsing is a function of a page's name and bytes (and
// of the docbind build, which page fingerprints are salted with),
// formatting a function of the unformatted source (and of the go/format
// compiled into docbind, which the fingerprints are salted with), and
// type-checking a function of the files' tokens other than comments (and
// of the Go toolchain). A cache
// that cannot be read or is corrupt is empty; one that cannot be written
// costs the next run its shortcut, never an error.
//
// A Cache is for one run at a time; its methods are safe for the files
// that run renders in parallel.
type Cache struct {
	mu      sync.Mutex
	old     map[fingerprint]cachedFile // as loaded
	used    map[fingerprint]cachedFile // looked up or added this run: what Save keeps
	checked map[fingerprint]bool       // packages that type-checked, as loaded
	ok      map[fingerprint]bool       // of those, and new ones, the keys this run used
	pages   map[fingerprint][]byte     // parsed pages, encoded, as loaded
	parsed  map[fingerprint][]byte     // of those, and new ones, the pages this run used
	changed bool                       // an entry was added: Save has something to write
	checks  int                        // packages this run type-checked and added
	parses  int                        // pages this run parsed and added
}

type fingerprint [sha256.Size]byte

// cachedFile is a formatted file and the fingerprint of its unformatted
// source's tokens other than comments, which is all type-checking sees of
// it (formatting keeps what code means).
type cachedFile struct {
	formatted []byte
	code      fingerprint
}

// cacheMagic starts a cache file; the version changes with its layout or
// with what a fingerprint covers.
const cacheMagic = "docbind render cache 2\n"

// cacheSalt makes fingerprints differ between builds whose go/format or
// go/types may differ.
var cacheSalt = cacheMagic + runtime.Version() + "\n"

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		old: map[fingerprint]cachedFile{}, used: map[fingerprint]cachedFile{},
		checked: map[fingerprint]bool{}, ok: map[fingerprint]bool{},
		pages: map[fingerprint][]byte{}, parsed: map[fingerprint][]byte{},
	}
}

// LoadCache reads the cache a Save wrote to file: an empty one when there
// is none, or it is unreadable, corrupt or of another build.
func LoadCache(file string) *Cache {
	c := NewCache()
	data, err := os.ReadFile(file)
	if err != nil || c.decode(data) != nil {
		return NewCache()
	}
	return c
}

// Save writes the entries this run used, and only those, so the cache
// holds one run's worth; it writes nothing when the run added nothing. It
// writes a temporary file and renames it into place, so concurrent runs
// leave one whole cache, the last one's.
func (c *Cache) Save(file string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && len(c.used) == len(c.old) && len(c.ok) == len(c.checked) && len(c.parsed) == len(c.pages) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(c.encode())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// lookup finds the file of a source fingerprint, and keeps it.
func (c *Cache) lookup(key fingerprint) (cachedFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, hit := c.used[key]
	if !hit {
		e, hit = c.old[key]
	}
	if hit {
		c.used[key] = e
	}
	return e, hit
}

// store adds a file under its source fingerprint.
func (c *Cache) store(key fingerprint, e cachedFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.used[key] = e
	c.changed = true
}

func sourceFingerprint(src []byte) fingerprint {
	h := sha256.New()
	h.Write([]byte(cacheSalt))
	h.Write(src)
	return fingerprint(h.Sum(nil))
}

// codeFingerprint hashes a file's tokens, comments left out except those
// before the package clause (build constraints set the Go version there).
// Equal fingerprints mean equal syntax trees but for comments and
// positions, which type-checking does not look at beyond where it reports
// an error; a file that does not scan gets a fingerprint no other has.
func codeFingerprint(src []byte) fingerprint {
	fset := token.NewFileSet()
	var s scanner.Scanner
	var scanErr bool
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) { scanErr = true }, scanner.ScanComments)
	buf := make([]byte, 0, len(src)/2)
	seenPackage := false
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		seenPackage = seenPackage || tok == token.PACKAGE
		if tok == token.COMMENT && seenPackage {
			continue
		}
		buf = binary.AppendUvarint(buf, uint64(tok))
		buf = binary.AppendUvarint(buf, uint64(len(lit)))
		buf = append(buf, lit...)
	}
	if scanErr {
		return sourceFingerprint(append([]byte("does not scan\n"), src...))
	}
	return sourceFingerprint(buf)
}

// typeChecked reports whether the package of key type-checked in the run
// the cache was saved by (or earlier in this run).
func (c *Cache) typeChecked(key fingerprint) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.checked[key] || c.ok[key] {
		c.ok[key] = true
		return true
	}
	return false
}

// setTypeChecked records that the package of key type-checked.
func (c *Cache) setTypeChecked(key fingerprint) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ok[key] {
		c.ok[key], c.changed = true, true
		c.checks++
	}
}

// goToolchain names the go command the type-check asks for the standard
// library's export data: its path, size and time, and the environment
// that may make it run another toolchain.
var goToolchain = sync.OnceValue(func() string {
	id := os.Getenv("GOROOT") + "\x00" + os.Getenv("GOTOOLCHAIN")
	path, err := exec.LookPath("go")
	if err != nil {
		return id
	}
	if fi, err := os.Stat(path); err == nil {
		id += "\x00" + path + "\x00" + fi.ModTime().String() + "\x00" + string(binary.AppendVarint(nil, fi.Size()))
	}
	return id
})

// The cache file is the magic and salt, the files (source fingerprint,
// code fingerprint, length, formatted bytes), the type-checked keys, the
// parsed pages (page fingerprint, length, encoded page), and a CRC-32C of
// all that.

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func (c *Cache) encode() []byte {
	size := len(cacheSalt) + 32
	for _, e := range c.used {
		size += 2*len(fingerprint{}) + binary.MaxVarintLen64 + len(e.formatted)
	}
	for _, page := range c.parsed {
		size += len(fingerprint{}) + binary.MaxVarintLen64 + len(page)
	}
	buf := make([]byte, 0, size+len(c.ok)*len(fingerprint{}))
	buf = append(buf, cacheSalt...)
	buf = binary.AppendUvarint(buf, uint64(len(c.used)))
	for key, e := range c.used {
		buf = append(buf, key[:]...)
		buf = append(buf, e.code[:]...)
		buf = binary.AppendUvarint(buf, uint64(len(e.formatted)))
		buf = append(buf, e.formatted...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(c.ok)))
	for key := range c.ok {
		buf = append(buf, key[:]...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(c.parsed)))
	for key, page := range c.parsed {
		buf = append(buf, key[:]...)
		buf = binary.AppendUvarint(buf, uint64(len(page)))
		buf = append(buf, page...)
	}
	return binary.LittleEndian.AppendUint32(buf, crc32.Checksum(buf, crcTable))
}

var errCorrupt = errors.New("corrupt render cache")

func (c *Cache) decode(data []byte) error {
	if len(data) < 4 {
		return errCorrupt
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(body):]) {
		return errCorrupt
	}
	r := cacheReader{data: body}
	if string(r.bytes(len(cacheSalt))) != cacheSalt {
		return errCorrupt
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		key, code := r.fingerprint(), r.fingerprint()
		c.old[key] = cachedFile{formatted: r.bytes(r.count()), code: code}
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		c.checked[r.fingerprint()] = true
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		key := r.fingerprint()
		c.pages[key] = r.bytes(r.count())
	}
	if r.err != nil || len(r.data) > 0 {
		return errCorrupt
	}
	return nil
}

// cacheReader reads a cache file's fields, remembering the first short read.
type cacheReader struct {
	data []byte
	err  error
}

func (r *cacheReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.data) {
		r.err = errCorrupt
		return nil
	}
	b := r.data[:n:n]
	r.data = r.data[n:]
	return b
}

func (r *cacheReader) count() int {
	n, size := binary.Uvarint(r.data)
	if r.err != nil || size <= 0 || n > uint64(len(r.data)) {
		r.err = errCorrupt
		return 0
	}
	r.data = r.data[size:]
	return int(n)
}

func (r *cacheReader) fingerprint() fingerprint {
	var f fingerprint
	copy(f[:], r.bytes(len(f)))
	return f
}
