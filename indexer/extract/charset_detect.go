package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// sampleSize is how much of a file detection scores.
const sampleSize = 64 << 10

// candidates are the charsets detection chooses among, best first on a tie:
// the archives we read were mostly written in Shift_JIS.
var candidates = []string{"shift_jis", "euc-jp", "utf-8", "windows-1252"}

// candidate is one scored decoding of a sample.
type candidate struct {
	charset string
	bad     int
	score   float64 // per byte >= 0x80; higher is more plausible
}

// detect decodes raw without a declaration: ISO-2022-JP by its escape
// sequences, UTF-8 when valid, else the best-scoring candidate.
func detect(raw []byte) (decoded, error) {
	if isISO2022JP(raw) {
		return decodeWith(japanese.ISO2022JP, "iso-2022-jp", raw)
	}
	if utf8.Valid(raw) {
		return decoded{text: string(raw), charset: "utf-8"}, nil
	}
	best := bestCandidate(sampleOf(raw))
	return decodeWith(candidateEncoding(best.charset), best.charset, raw)
}

// betterCandidate reports a candidate that fits raw clearly better than the
// declared encoding does.
func betterCandidate(raw []byte, d decoded) (candidate, bool) {
	sample := sampleOf(raw)
	high := countHigh(sample)
	if high == 0 {
		return candidate{}, false
	}
	japaneseFits := isJapanese(d.charset) && d.bad <= max(1, high/200)
	if japaneseFits {
		return candidate{}, false
	}
	best := bestCandidate(sample)
	switch {
	case best.charset == d.charset:
		return candidate{}, false
	case !isJapanese(d.charset):
		// Single-byte charsets never fail to decode: switch only for text
		// that is clearly Japanese.
		return best, isJapanese(best.charset) && best.bad == 0 && best.score >= 0.6
	}
	declared := scoreCandidate(d.charset, sample, high)
	return best, best.bad < declared.bad && best.score > declared.score
}

// bestCandidate scores every candidate on sample and returns the best.
func bestCandidate(sample []byte) candidate {
	high := max(1, countHigh(sample))
	var best candidate
	for i, name := range candidates {
		c := scoreCandidate(name, sample, high)
		if i == 0 || c.score > best.score {
			best = c
		}
	}
	return best
}

func scoreCandidate(name string, sample []byte, high int) candidate {
	d, err := decodeWith(candidateEncoding(name), name, sample)
	if err != nil {
		return candidate{charset: name, bad: high, score: -4}
	}
	var s float64
	switch name {
	case "utf-8":
		s = utf8Score(d.text)
	case "windows-1252":
		s = latinScore(d.text)
	default:
		s = japaneseScore(d.text)
	}
	return candidate{charset: name, bad: d.bad, score: s / float64(high)}
}

func candidateEncoding(name string) encoding.Encoding {
	switch name {
	case "shift_jis":
		return japanese.ShiftJIS
	case "euc-jp":
		return japanese.EUCJP
	case "iso-2022-jp":
		return japanese.ISO2022JP
	case "windows-1252":
		return charmap.Windows1252
	}
	return encoding.Nop
}

func isJapanese(name string) bool {
	return name == "shift_jis" || name == "euc-jp" || name == "iso-2022-jp"
}

// isISO2022JP reports 7-bit bytes carrying ISO-2022-JP escape sequences.
func isISO2022JP(raw []byte) bool {
	if countHigh(raw) > 0 {
		return false
	}
	for _, esc := range []string{"\x1b$B", "\x1b$@", "\x1b(J", "\x1b(I", "\x1b$(D"} {
		if bytes.Contains(raw, []byte(esc)) {
			return true
		}
	}
	return false
}

// sampleOf returns up to sampleSize bytes of raw starting at the line of
// its first non-ASCII byte (mostly-ASCII files can have it far in), cut
// after an ASCII byte so that no multi-byte character is split.
func sampleOf(raw []byte) []byte {
	first := bytes.IndexFunc(raw, func(r rune) bool { return r >= utf8.RuneSelf })
	if first < 0 {
		return raw[:min(len(raw), sampleSize)]
	}
	start := max(0, first-256)
	if nl := bytes.LastIndexByte(raw[start:first], '\n'); nl >= 0 {
		start += nl + 1
	}
	raw = raw[start:]
	if len(raw) <= sampleSize {
		return raw
	}
	for end := sampleSize; end > sampleSize-256; end-- {
		if raw[end-1] < utf8.RuneSelf {
			return raw[:end]
		}
	}
	return raw[:sampleSize]
}

func countHigh(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	return n
}
