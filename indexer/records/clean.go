package records

import (
	"strconv"
	"strings"
)

// cleanMarkup prepares decoded markup for encoding/xml, which refuses
// control characters whether raw or written as character references.
// Wire-service SGML such as Reuters-21578 is full of them ("&#2;" opens a
// story, "&#3;" ends it, "&#5;" and "&#22;" pad the header), so they are
// dropped, as is DEL. For SGML, a "<" that cannot open a tag ("5 < 6") is
// escaped too.
func cleanMarkup(s string, sgml bool) string {
	if !needsCleaning(s, sgml) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			if n := controlRef(s[i:]); n > 0 {
				i += n - 1
				continue
			}
		case isControlByte(c):
			continue
		case c == '<' && sgml && !opensTag(s[i+1:]):
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// needsCleaning is a quick scan for anything cleanMarkup would change.
func needsCleaning(s string, sgml bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&' && controlRef(s[i:]) > 0, isControlByte(c):
			return true
		case c == '<' && sgml && !opensTag(s[i+1:]):
			return true
		}
	}
	return false
}

// isControlByte reports C0 controls other than tab, line feed and carriage
// return, and DEL. Bytes of multi-byte UTF-8 sequences are never these.
func isControlByte(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

// controlRef returns the length of the character reference at the start
// of s ("&#5;", "&#x1F;") when it names a character isControlByte reports,
// else 0.
func controlRef(s string) int {
	if !strings.HasPrefix(s, "&#") {
		return 0
	}
	end := strings.IndexByte(s[:min(len(s), 13)], ';')
	if end < 3 {
		return 0
	}
	num, base := s[2:end], 10
	if num[0] == 'x' || num[0] == 'X' {
		num, base = num[1:], 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || n > 0x7f || !isControlByte(byte(n)) {
		return 0
	}
	return end + 1
}

// opensTag reports whether text after "<" can start markup: a name, an
// end tag, a declaration or comment, or a processing instruction.
func opensTag(rest string) bool {
	if rest == "" {
		return false
	}
	c := rest[0]
	return c == '/' || c == '!' || c == '?' || c == '_' || c == ':' ||
		c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
