package records

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDepth is how deep elements nest before deeper ones are treated as
// empty, which keeps end-tag matching cheap on hostile input.
const maxDepth = 256

// markupReader streams XML or SGML: elements outside records are only
// tracked by name, and each record element is built as a small tree,
// turned into a Part, and dropped before the next is read.
type markupReader struct {
	c       *collector
	d       *xml.Decoder
	sgml    bool
	record  []string // the record path's steps
	stack   []string // names of the open elements outside a record
	paths   map[string]markupPath
	pending *xml.StartElement // a record start met while reading the one before
}

// readMarkup reads the records of an XML or SGML text. XML must be well
// formed; SGML may leave out end tags, quote no attributes, use HTML
// entities and have no single root. A syntax error is an error before the
// first record and a warning after it.
func readMarkup(c *collector, text string) error {
	sgml := c.m.Format == FormatSGML
	x := &markupReader{c: c, sgml: sgml, record: strings.Split(c.m.Record, "/"), paths: map[string]markupPath{}}
	x.d = xml.NewDecoder(strings.NewReader(cleanMarkup(text, sgml)))
	x.d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // already UTF-8
	if sgml {
		x.d.Strict = false
		x.d.AutoClose = xml.HTMLAutoClose
		x.d.Entity = xml.HTMLEntity
	}
	for _, p := range append(c.m.ID, allPaths(c.m)...) {
		x.paths[p] = parseMarkupPath(p)
	}
	err := x.run()
	if err == nil {
		return nil
	}
	line, _ := x.d.InputPos()
	if c.n == 0 {
		return fmt.Errorf("%w: %v (line %d)", ErrFormat, err, line)
	}
	c.warn("stopped at line %d after record %d: %v", line, c.n, err)
	return nil
}

func allPaths(m *Mapping) []string {
	var all []string
	for _, name := range m.fieldNames() {
		all = append(all, m.Fields[name]...)
	}
	return all
}

// run reads tokens until the end of the text.
func (x *markupReader) run() error {
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if x.isVoid(t.Name.Local) || len(x.stack) >= maxDepth {
				continue
			}
			x.stack = append(x.stack, t.Name.Local)
			if x.atRecord() {
				err := x.readRecord(t)
				x.stack = x.stack[:len(x.stack)-1]
				if err != nil {
					return err
				}
			}
		case xml.EndElement:
			x.stack = closeTo(x.stack, t.Name.Local, func(s string) string { return s })
		}
	}
}

// next returns the pending record start, if any, else the next token.
// Tokens are read raw: this reader matches end tags itself, so that SGML
// with omitted or stray end tags does not stop it.
func (x *markupReader) next() (xml.Token, error) {
	if x.pending != nil {
		t := *x.pending
		x.pending = nil
		return t, nil
	}
	return x.d.RawToken()
}

// atRecord reports whether the open elements end with the record path.
func (x *markupReader) atRecord() bool {
	if len(x.stack) < len(x.record) {
		return false
	}
	tail := x.stack[len(x.stack)-len(x.record):]
	for i, step := range x.record {
		if !strings.EqualFold(tail[i], step) {
			return false
		}
	}
	return true
}

// readRecord builds the tree of one record element and collects it. A
// start tag of the record's own element ends the record (SGML may omit
// the end tag); it is kept for the main loop.
func (x *markupReader) readRecord(start xml.StartElement) error {
	root := newNode(start)
	open := []*node{root}
	for len(open) > 0 {
		tok, err := x.d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, start.Name.Local) {
				x.pending = &t
				open = nil
				break
			}
			kid := newNode(t)
			open[len(open)-1].add(kid)
			if !x.isVoid(t.Name.Local) && len(open) < maxDepth {
				open = append(open, kid)
			}
		case xml.EndElement:
			open = closeTo(open, t.Name.Local, func(n *node) string { return n.name })
		case xml.CharData:
			open[len(open)-1].addText(string(t))
		}
	}
	x.c.record(func(p string) []string { return root.values(x.paths[p]) })
	return nil
}

// closeTo pops the innermost open element named name and everything
// inside it; an end tag that closes nothing open is ignored.
func closeTo[T any](open []T, name string, nameOf func(T) string) []T {
	for i := len(open) - 1; i >= 0; i-- {
		if strings.EqualFold(nameOf(open[i]), name) {
			return open[:i]
		}
	}
	return open
}

// isVoid reports SGML elements that never have content (br, img, ...).
func (x *markupReader) isVoid(name string) bool {
	if !x.sgml {
		return false
	}
	for _, v := range x.d.AutoClose {
		if strings.EqualFold(v, name) {
			return true
		}
	}
	return false
}
