package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
)

// valueName is one name of a facet value, with the folded forms of it that a
// typed prefix is compared with: the whole name first, then, if words
// count, the name from each later word on, so "lumpur" finds "Kuala
// Lumpur".
type valueName struct {
	text  string
	forms []string
}

func newName(text string, words bool) valueName {
	f := fold(text)
	n := valueName{text: text, forms: []string{f}}
	if !words {
		return n
	}
	prev := ' '
	for i, r := range f {
		if i > 0 && isNameBreak(prev) && !isNameBreak(r) {
			n.forms = append(n.forms, f[i:])
		}
		prev = r
	}
	return n
}

func isNameBreak(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("-,/()・.'", r)
}

// fold is how names and typed prefixes are compared: NFKC width and
// compatibility forms, lower case, and Latin accents dropped ("Hà Nội"
// is "ha noi"). Marks on other scripts stay: バ is not ハ.
func fold(s string) string {
	var b strings.Builder
	latin := false
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if !latin {
				b.WriteRune(r)
			}
			continue
		}
		latin = r < 0x250
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// nameTable gives the names a facet value is known by, the value first,
// folding each value's names once.
type nameTable struct {
	load       func() (map[string][]string, error) // value -> other names
	otherWords bool                                // match later words of the other names too
	once       sync.Once
	others     map[string][]string
	loadErr    error
	mu         sync.Mutex
	names      map[string][]valueName
}

func (t *nameTable) get(value string) ([]valueName, error) {
	t.once.Do(func() { t.others, t.loadErr = t.load() })
	if t.loadErr != nil {
		return nil, t.loadErr
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if ns, ok := t.names[value]; ok {
		return ns, nil
	}
	ns := []valueName{newName(value, true)}
	for _, o := range t.others[value] {
		ns = append(ns, newName(o, t.otherWords))
	}
	if t.names == nil {
		t.names = map[string][]valueName{}
	}
	t.names[value] = ns
	return ns, nil
}

// Names of cities (the gazetteer's aliases in every script it keeps) and
// of themes (the Japanese label), from the bundled reference data. The
// gazetteer has many odd aliases ("Osaca - da ban shi"), so only their
// starts count; a theme's Japanese label matches from any word on.
var (
	cityNames  = &nameTable{load: cityAliases}
	themeNames = &nameTable{load: func() (map[string][]string, error) { return loadThemeLabels(data.Reference) }, otherWords: true}
)

// cityAliases are the gazetteer's other names of each city, read once for
// suggestions and synonyms alike.
var cityAliases = sync.OnceValues(func() (map[string][]string, error) { return loadCityAliases(data.Reference) })

func loadCityAliases(fsys fs.FS) (map[string][]string, error) {
	var g struct {
		Cities []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		} `json:"cities"`
	}
	if err := readJSON(fsys, "reference/cities.json", &g); err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(g.Cities))
	for _, c := range g.Cities {
		out[c.Name] = c.Aliases
	}
	return out, nil
}

func loadThemeLabels(fsys fs.FS) (map[string][]string, error) {
	var themes []struct {
		Label   string `json:"label"`
		LabelJA string `json:"label_ja"`
	}
	if err := readJSON(fsys, "reference/themes.json", &themes); err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(themes))
	for _, t := range themes {
		if t.LabelJA != "" {
			out[t.Label] = []string{t.LabelJA}
		}
	}
	return out, nil
}

func readJSON(fsys fs.FS, path string, v any) error {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return fmt.Errorf("search: reference %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("search: reference %s: %w", path, err)
	}
	return nil
}
