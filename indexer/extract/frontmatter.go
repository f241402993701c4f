package extract

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Limits on what one front matter may expand to (YAML aliases can nest).
const (
	maxFrontMatterValues = 10000
	maxFrontMatterDepth  = 32
)

var yamlKeyLineRE = regexp.MustCompile(`^[\w-]+\s*:`)

// yamlTimestamps are the layouts YAML 1.1 allows for an unquoted timestamp.
var yamlTimestamps = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2 15:4:5.999999999 -07:00",
	"2006-1-2",
}

// splitFrontMatter splits YAML front matter ("---", YAML, then "---" or
// "...") from the start of text. Without front matter it returns nil and
// text. A front matter that does not parse or is not closed gives a
// warning, nil and the whole text, which is then read as text.
func splitFrontMatter(text string) (map[string][]string, string, string) {
	first, rest, ok := strings.Cut(strings.TrimPrefix(text, "\ufeff"), "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return nil, text, ""
	}
	src, after, closed := cutFrontMatter(rest)
	if !closed {
		if yamlKeyLineRE.MatchString(rest) {
			return nil, text, `front matter has no closing "---" line; read as text`
		}
		return nil, text, ""
	}
	meta, err := parseFrontMatter(src)
	if err != nil {
		return nil, text, fmt.Sprintf("front matter is not valid YAML (%v); read as text", err)
	}
	return meta, after, ""
}

// cutFrontMatter splits s at its first "---" or "..." line.
func cutFrontMatter(s string) (src, after string, ok bool) {
	for i := 0; i <= len(s); {
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s) - i
		}
		switch strings.TrimRight(s[i:i+end], " \t") {
		case "---", "...":
			return s[:i], s[min(len(s), i+end+1):], true
		}
		i += end + 1
	}
	return "", "", false
}

// parseFrontMatter flattens YAML into lower-case keys and string values:
// lists become several values, nested keys are joined with ".", and
// timestamps are written as YYYY-MM-DD.
func parseFrontMatter(src string) (meta map[string][]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			meta, err = nil, fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		return nil, err
	}
	meta = map[string][]string{}
	if len(root.Content) == 0 {
		return meta, nil
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("not a mapping of keys to values")
	}
	f := flattener{meta: meta, budget: maxFrontMatterValues}
	f.mapping("", root.Content[0], 0)
	return meta, nil
}

type flattener struct {
	meta   map[string][]string
	budget int // nodes still allowed to visit
}

func (f *flattener) node(key string, n *yaml.Node, depth int) {
	if n == nil || f.budget <= 0 || depth > maxFrontMatterDepth {
		return
	}
	f.budget--
	switch n.Kind {
	case yaml.AliasNode:
		f.node(key, n.Alias, depth+1)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			f.node(key, c, depth+1)
		}
	case yaml.MappingNode:
		f.mapping(key, n, depth+1)
	case yaml.ScalarNode:
		if v, ok := scalarValue(n); ok && key != "" {
			f.meta[key] = append(f.meta[key], v)
		}
	}
}

func (f *flattener) mapping(prefix string, n *yaml.Node, depth int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(n.Content[i].Value))
		switch {
		case key == "<<":
			key = prefix // a merge key adds its values to this mapping
		case prefix != "":
			key = prefix + "." + key
		}
		f.node(key, n.Content[i+1], depth)
	}
}

func scalarValue(n *yaml.Node) (string, bool) {
	switch n.ShortTag() {
	case "!!null":
		return "", false
	case "!!timestamp":
		return yamlDate(n.Value), true
	}
	v := strings.TrimSpace(n.Value)
	return v, v != ""
}

func yamlDate(s string) string {
	for _, layout := range yamlTimestamps {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return s
}

// applyFrontMatter merges front matter into res; it wins over what the
// body said.
func applyFrontMatter(res *Result, fm map[string][]string) {
	if fm == nil {
		return
	}
	if res.Meta == nil {
		res.Meta = map[string][]string{}
	}
	for k, v := range fm {
		res.Meta[k] = v
	}
	if t := firstValue(fm, "title"); t != "" {
		res.Title = t
	}
	if s := firstValue(fm, "summary", "description"); s != "" {
		res.Summary = s
	}
	if l := firstValue(fm, "lang", "language"); l != "" {
		res.Lang = normalizeLang(l)
	}
}

// firstValue returns the first value of the first key present, with its
// whitespace collapsed.
func firstValue(m map[string][]string, keys ...string) string {
	for _, k := range keys {
		for _, v := range m[k] {
			if v = collapseSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}
