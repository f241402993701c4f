package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readJSON finds the value at the mapping's record path (the whole file
// when there is none): an array gives one record per element, read one
// at a time; an object is one record.
func readJSON(c *collector, text string) error {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := seek(dec, splitPath(c.m.Record), nil); err != nil {
		return err
	}
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
	}
	switch tok {
	case json.Delim('['):
		return readArray(c, dec)
	case json.Delim('{'):
		v, err := objectRest(dec)
		if err != nil {
			return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
		}
		c.record(jsonGetter(v))
		return nil
	}
	return fmt.Errorf("%w: the records are %s, not an array or object", ErrFormat, describe(tok))
}

// readArray reads the elements of an array whose "[" has been read. A
// syntax error stops reading: it is an error before the first record and
// a warning after it.
func readArray(c *collector, dec *json.Decoder) error {
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			if c.n == 0 {
				return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
			}
			c.warn("stopped after record %d: invalid JSON at byte %d: %v", c.n, dec.InputOffset(), err)
			return nil
		}
		c.record(jsonGetter(v))
	}
	return nil
}

// seek moves dec to the value at path inside nested objects. seen is the
// path walked so far, for errors.
func seek(dec *json.Decoder, path, seen []string) error {
	if len(path) == 0 {
		return nil
	}
	where := strings.Join(append(seen, path[0]), ".")
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("%w: record path %q: %s is %s, not an object", ErrMapping, where, describeParent(seen), describe(tok))
	}
	var keys []string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
		}
		if key == path[0] {
			return seek(dec, path[1:], append(seen, path[0]))
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return fmt.Errorf("%w: not JSON: %v", ErrFormat, err)
		}
		keys = append(keys, fmt.Sprint(key))
	}
	return fmt.Errorf("%w: record path %q: no key %q in %s (keys: %q)", ErrMapping, where, path[0], describeParent(seen), keys)
}

// objectRest decodes the rest of an object whose "{" has been read.
func objectRest(dec *json.Decoder) (map[string]any, error) {
	obj := map[string]any{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		obj[fmt.Sprint(key)] = v
	}
	if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return obj, nil
}

func describeParent(seen []string) string {
	if len(seen) == 0 {
		return "the file"
	}
	return strconv.Quote(strings.Join(seen, "."))
}

func describe(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return "an array"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}

// readJSONL reads one record per non-blank line. A line that is not JSON
// gives a warning; a file with no valid line is an error.
func readJSONL(c *collector, text string) error {
	path, good, lineNo := splitPath(c.m.Record), 0, 0
	for line := range strings.Lines(text) {
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var v any
		err := dec.Decode(&v)
		if err == nil && dec.More() {
			err = errors.New("text after the JSON value")
		}
		if err != nil {
			c.bad("line %d is not valid JSON: %v", lineNo, err)
			continue
		}
		good++
		for _, rec := range recordsAt(v, path) {
			c.record(jsonGetter(rec))
		}
	}
	if good == 0 && c.n > 0 {
		return fmt.Errorf("%w: no line is valid JSON (%s)", ErrFormat, c.first)
	}
	return nil
}

// recordsAt returns the records at path in v: each element of an array,
// or the value itself.
func recordsAt(v any, path []string) []any {
	for _, key := range path {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[key]
	}
	if arr, ok := v.([]any); ok {
		return arr
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

func splitPath(p string) []string {
	p = strings.Trim(p, ".")
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

// jsonGetter reads dotted paths in a decoded record.
func jsonGetter(rec any) getter {
	return func(path string) []string {
		if path == "." {
			return jsonValues(rec, nil, nil)
		}
		return jsonValues(rec, splitPath(path), nil)
	}
}

// jsonValues appends the scalar values at path in v. Arrays on the way
// are walked element by element; a key that holds dots itself is found
// before the path is split at them.
func jsonValues(v any, path []string, out []string) []string {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = jsonValues(e, path, out)
		}
		return out
	case map[string]any:
		if len(path) == 0 {
			return out
		}
		if len(path) > 1 {
			if w, ok := x[strings.Join(path, ".")]; ok {
				return jsonValues(w, nil, out)
			}
		}
		return jsonValues(x[path[0]], path[1:], out)
	}
	if len(path) > 0 {
		return out
	}
	switch x := v.(type) {
	case string:
		return append(out, x)
	case json.Number:
		return append(out, x.String())
	case bool:
		return append(out, strconv.FormatBool(x))
	}
	return out
}
