// Package bincode encodes plain Go values (structs, slices, arrays, maps
// with string keys, pointers, strings, booleans and numbers) in a compact
// binary form. docbind keeps its parsed pages this way between runs (see
// generator.Cache): unlike encoding/gob, each value stands alone, with no
// type descriptions to send and compile first, so that thousands of small
// values decode in parallel; and a string a value repeats (a page's file
// name in every position) is stored once and decodes to one string.
//
// The encoding is not self-describing: a value decodes into the type it
// was encoded from, which the caller keys its data with. Decoding data
// that is short or corrupt returns an error, never a panic, and allocates
// no more than the data's length can justify.
package bincode

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
)

// Marshal encodes v, which must be a plain value (see the package
// comment); an interface, channel or function anywhere in its type, a map
// whose keys are not strings, or an unexported struct field, is an error.
func Marshal(v any) ([]byte, error) {
	e := encoder{strings: map[string]uint64{}}
	if err := e.value(reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// Unmarshal decodes data, which Marshal made of a value of v's type, into
// the value v points to.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("bincode: Unmarshal needs a non-nil pointer, not %T", v)
	}
	d := decoder{data: data}
	d.value(rv.Elem())
	if d.err == nil && len(d.data) > 0 {
		d.err = errTrailing
	}
	return d.err
}

var (
	errShort    = errors.New("bincode: data ends early")
	errTrailing = errors.New("bincode: data goes on after the value")
	errCorrupt  = errors.New("bincode: corrupt data")
)

type encoder struct {
	buf     []byte
	strings map[string]uint64 // string -> its number, from 1, in order of first use
}

func (e *encoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = binary.AppendUvarint(e.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		e.buf = binary.AppendUvarint(e.buf, math.Float64bits(v.Float()))
	case reflect.String:
		e.string(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = append(e.buf, 1)
		return e.value(v.Elem())
	case reflect.Slice:
		// 0 is a nil slice, n+1 one of n elements: the two differ in Go.
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = binary.AppendUvarint(e.buf, uint64(v.Len())+1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			e.buf = append(e.buf, v.Bytes()...)
			return nil
		}
		return e.elements(v)
	case reflect.Array:
		return e.elements(v)
	case reflect.Map:
		return e.mapValue(v)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return fmt.Errorf("bincode: %s has an unexported field, %s", t, t.Field(i).Name)
			}
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("bincode: cannot encode a %s", v.Type())
	}
	return nil
}

func (e *encoder) elements(v reflect.Value) error {
	for i := range v.Len() {
		if err := e.value(v.Index(i)); err != nil {
			return err
		}
	}
	return nil
}

// mapValue writes a map's entries in key order, so that equal maps encode
// alike.
func (e *encoder) mapValue(v reflect.Value) error {
	if v.Type().Key().Kind() != reflect.String {
		return fmt.Errorf("bincode: cannot encode a %s: its keys are not strings", v.Type())
	}
	if v.IsNil() {
		e.buf = append(e.buf, 0)
		return nil
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(v.Len())+1)
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	for _, k := range keys {
		e.string(k.String())
		if err := e.value(v.MapIndex(k)); err != nil {
			return err
		}
	}
	return nil
}

// string writes a string's number when it was written before, else 0, its
// length and its bytes.
func (e *encoder) string(s string) {
	if n, ok := e.strings[s]; ok {
		e.buf = binary.AppendUvarint(e.buf, n)
		return
	}
	e.strings[s] = uint64(len(e.strings)) + 1
	e.buf = append(e.buf, 0)
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
}

type decoder struct {
	data    []byte
	strings []string
	err     error // the first; later reads return zero values
}

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		switch d.byte() {
		case 0:
		case 1:
			v.SetBool(true)
		default:
			d.fail(errCorrupt)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, size := binary.Varint(d.data)
		d.advance(size)
		if v.OverflowInt(n) {
			d.fail(errCorrupt)
			return
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n := d.uvarint()
		if v.OverflowUint(n) {
			d.fail(errCorrupt)
			return
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(math.Float64frombits(d.uvarint()))
	case reflect.String:
		v.SetString(d.string())
	case reflect.Pointer:
		if d.byte() == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(p.Elem())
		v.Set(p)
	case reflect.Slice:
		n, ok := d.length()
		if !ok {
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := reflect.MakeSlice(v.Type(), n, n)
			copy(b.Bytes(), d.take(n))
			v.Set(b)
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n && d.err == nil; i++ {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len() && d.err == nil; i++ {
			d.value(v.Index(i))
		}
	case reflect.Map:
		n, ok := d.length()
		if !ok {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		for i := 0; i < n && d.err == nil; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(d.string())
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField() && d.err == nil; i++ {
			d.value(v.Field(i))
		}
	default:
		d.fail(fmt.Errorf("bincode: cannot decode a %s", v.Type()))
	}
}

// length reads a slice's or map's length; ok is false for nil (and on an
// error). A length is bounded by the bytes left, since every element takes
// one at least (but those of empty structs, of which a corrupt length can
// ask no more than the data is long).
func (d *decoder) length() (n int, ok bool) {
	m := d.uvarint()
	if m == 0 || d.err != nil {
		return 0, false
	}
	if m-1 > uint64(len(d.data)) {
		d.fail(errCorrupt)
		return 0, false
	}
	return int(m - 1), true
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > 0 {
		if n > uint64(len(d.strings)) {
			d.fail(errCorrupt)
			return ""
		}
		return d.strings[n-1]
	}
	size := d.uvarint()
	if size > uint64(len(d.data)) {
		d.fail(errShort)
		return ""
	}
	s := string(d.take(int(size)))
	d.strings = append(d.strings, s)
	return s
}

func (d *decoder) uvarint() uint64 {
	n, size := binary.Uvarint(d.data)
	d.advance(size)
	return n
}

// advance moves past a varint of size bytes, as binary.Uvarint and Varint
// report it: 0 when the data ends early, negative when it overflows.
func (d *decoder) advance(size int) {
	if size <= 0 {
		d.fail(errCorrupt)
		return
	}
	d.data = d.data[size:]
}

func (d *decoder) byte() byte {
	b := d.take(1)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.data) {
		d.fail(errShort)
		return nil
	}
	b := d.data[:n]
	d.data = d.data[n:]
	return b
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}
