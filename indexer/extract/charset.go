package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// prescanLimit is how far into a file a charset declaration is looked for.
const prescanLimit = 4096

// charsetAliases maps labels that old pages use but the WHATWG index lacks.
var charsetAliases = map[string]string{
	"cp932":       "shift_jis",
	"windows-932": "shift_jis",
	"shift-jis":   "shift_jis",
	"sjis-open":   "shift_jis",
	"eucjp":       "euc-jp",
	"euc_jp":      "euc-jp",
	"ujis":        "euc-jp",
	"cp51932":     "euc-jp",
	"jis":         "iso-2022-jp",
	"iso2022jp":   "iso-2022-jp",
	"utf8":        "utf-8",
}

var (
	xmlDeclRE = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([\w.:\-]+)`)
	metaRE    = regexp.MustCompile(`(?is)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:\-]+)`)
)

// decoded is one decoding of a byte string.
type decoded struct {
	text    string
	charset string
	bad     int // invalid sequences replaced by U+FFFD
}

// Decode converts raw to UTF-8 text and names the charset it was decoded
// from. declared is a charset label from outside the file (an HTTP header, a
// caller's setting) or "". The order is: byte order mark, declared, a <meta>
// or XML declaration in the first 4096 bytes, detection. A declaration that
// the bytes contradict is overridden, with a warning. The text is valid
// UTF-8 in NFC with line ends normalised to "\n". err is non-nil only when a
// decoder fails outright.
func Decode(raw []byte, declared string) (text, charset string, warnings []string, err error) {
	d, warnings, err := decode(raw, declared)
	if err != nil {
		return "", "", nil, fmt.Errorf("decode: %w", err)
	}
	if d.bad > 0 {
		warnings = append(warnings, fmt.Sprintf("%d invalid %s sequences replaced", d.bad, displayCharset(d.charset)))
	}
	return normalizeText(d.text), d.charset, warnings, nil
}

func decode(raw []byte, declared string) (decoded, []string, error) {
	if d, ok, err := decodeBOM(raw); ok {
		return d, nil, err
	}
	label := strings.TrimSpace(declared)
	if label == "" {
		label = prescanCharset(raw)
	}
	if label == "" {
		d, err := detect(raw)
		if err != nil || d.charset == "utf-8" {
			return d, nil, err
		}
		// Staff should know the charset was a guess.
		return d, []string{"no charset declared and the bytes are not UTF-8; detected " + d.charset}, nil
	}
	enc, name := lookupCharset(label)
	if enc == nil {
		d, err := detect(raw)
		warn := fmt.Sprintf("unknown charset %q declared; decoded as %s", label, d.charset)
		return d, []string{warn}, err
	}
	return decodeDeclared(raw, enc, name)
}

// decodeBOM decodes raw by its byte order mark, if it has one.
func decodeBOM(raw []byte) (decoded, bool, error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return decodeUTF8(raw[3:]), true, nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		d, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", raw)
		return d, true, err
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		d, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", raw)
		return d, true, err
	}
	return decoded{}, false, nil
}

// prescanCharset returns the charset named by an XML declaration or a
// <meta> tag near the start of raw, or "".
func prescanCharset(raw []byte) string {
	head := raw[:min(len(raw), prescanLimit)]
	if m := xmlDeclRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// lookupCharset resolves a label to an encoding and its canonical name. It
// returns a nil encoding for labels it does not know.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(label, " \t\"'"))
	if alias, ok := charsetAliases[label]; ok {
		label = alias
	}
	enc, err := htmlindex.Get(label)
	if err != nil || enc == encoding.Replacement {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	switch name {
	case "utf-16le", "utf-16be":
		// Without a BOM a page that could declare UTF-16 in ASCII is not UTF-16.
		return encoding.Nop, "utf-8"
	case "x-user-defined":
		return charmap.Windows1252, "windows-1252"
	}
	return enc, name
}

// decodeDeclared decodes raw with a declared charset unless the bytes
// contradict it.
func decodeDeclared(raw []byte, enc encoding.Encoding, name string) (decoded, []string, error) {
	if name == "utf-8" {
		return decodeDeclaredUTF8(raw)
	}
	if hasMultibyteUTF8(raw) {
		warn := fmt.Sprintf("declared charset %s but bytes are UTF-8; decoded as utf-8", name)
		return decodeUTF8(raw), []string{warn}, nil
	}
	d, err := decodeWith(enc, name, raw)
	if err != nil {
		return d, nil, err
	}
	best, ok := betterCandidate(raw, d)
	if !ok {
		return d, nil, nil
	}
	warn := fmt.Sprintf("declared charset %s but the bytes do not fit it (%d errors); decoded as %s", name, d.bad, best.charset)
	d, err = decodeWith(candidateEncoding(best.charset), best.charset, raw)
	return d, []string{warn}, err
}

func decodeDeclaredUTF8(raw []byte) (decoded, []string, error) {
	if isISO2022JP(raw) {
		d, err := decodeWith(japanese.ISO2022JP, "iso-2022-jp", raw)
		return d, []string{"declared charset utf-8 but bytes are ISO-2022-JP; decoded as iso-2022-jp"}, err
	}
	if utf8.Valid(raw) {
		return decoded{text: string(raw), charset: "utf-8"}, nil, nil
	}
	d, err := detect(raw)
	if err != nil || d.charset == "utf-8" {
		return d, nil, err
	}
	warn := "declared charset utf-8 but bytes are not UTF-8; decoded as " + d.charset
	return d, []string{warn}, nil
}

// decodeWith decodes raw with enc and counts the replacement characters the
// decoder produced.
func decodeWith(enc encoding.Encoding, name string, raw []byte) (decoded, error) {
	if name == "utf-8" {
		return decodeUTF8(raw), nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return decoded{}, fmt.Errorf("%s: %w", name, err)
	}
	text := string(out)
	return decoded{text: text, charset: name, bad: strings.Count(text, "\ufffd")}, nil
}

// decodeUTF8 replaces each run of invalid bytes by one U+FFFD.
func decodeUTF8(raw []byte) decoded {
	if utf8.Valid(raw) {
		return decoded{text: string(raw), charset: "utf-8"}
	}
	var b strings.Builder
	b.Grow(len(raw))
	bad, inBad := 0, false
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			if !inBad {
				b.WriteRune(utf8.RuneError)
				bad++
			}
			inBad = true
		} else {
			b.Write(raw[i : i+size])
			inBad = false
		}
		i += size
	}
	return decoded{text: b.String(), charset: "utf-8", bad: bad}
}

// hasMultibyteUTF8 reports whether raw is valid UTF-8 with at least two
// multi-byte sequences: legacy encodings almost never look like that.
func hasMultibyteUTF8(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	n := 0
	for _, c := range raw {
		if c >= 0xc2 && c <= 0xf4 {
			n++
		}
	}
	return n >= 2
}

// normalizeText makes line ends "\n" and the text NFC.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return norm.NFC.String(s)
}

func displayCharset(name string) string {
	if name == "utf-8" {
		return "UTF-8"
	}
	return name
}
