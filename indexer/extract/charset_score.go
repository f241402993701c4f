package extract

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// Character classes for scoring a decoding as Japanese.
const (
	clsASCII = iota
	clsKana
	clsPunct // CJK symbols and punctuation, full-width forms
	clsKanji1
	clsKanji2
	clsHalfKana
	clsBad
	clsOther
)

// kanjiLevel1 marks the JIS X 0208 level-1 kanji (the 2,965 common ones)
// in the block U+4E00..U+9FFF.
var kanjiLevel1 = sync.OnceValue(func() []bool {
	var src []byte
	for row := byte(0xb0); row <= 0xcf; row++ {
		for cell := byte(0xa1); cell <= 0xfe; cell++ {
			src = append(src, row, cell)
		}
	}
	out, _ := japanese.EUCJP.NewDecoder().Bytes(src)
	table := make([]bool, 0x9fff-0x4e00+1)
	for _, r := range string(out) {
		if r >= 0x4e00 && r <= 0x9fff {
			table[r-0x4e00] = true
		}
	}
	return table
})

func jaClass(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return clsASCII
	case r == utf8.RuneError:
		return clsBad
	case r >= 0x3041 && r <= 0x30ff:
		return clsKana
	case r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff5e, r >= 0xffe0 && r <= 0xffe5:
		return clsPunct
	case r >= 0x4e00 && r <= 0x9fff:
		if kanjiLevel1()[r-0x4e00] {
			return clsKanji1
		}
		return clsKanji2
	case r >= 0xff61 && r <= 0xff9f:
		return clsHalfKana
	}
	return clsOther
}

// japaneseScore rewards kana, CJK punctuation and common kanji next to
// other Japanese characters, and penalises replacement characters and
// characters a Japanese text rarely has. Mojibake decodes to isolated rare
// kanji, half-width katakana and errors.
func japaneseScore(text string) float64 {
	var classes []int
	for _, r := range text {
		classes = append(classes, jaClass(r))
	}
	var s float64
	for i, c := range classes {
		s += japaneseWeight(c, japaneseNeighbour(classes, i))
	}
	return s
}

func japaneseWeight(c int, nearJapanese bool) float64 {
	switch c {
	case clsKana:
		return 2
	case clsPunct:
		return 1
	case clsKanji1:
		if nearJapanese {
			return 1.5
		}
		return 0
	case clsKanji2:
		if nearJapanese {
			return 0.5
		}
		return -0.5
	case clsBad:
		return -4
	case clsOther:
		return -1
	}
	return 0
}

func japaneseNeighbour(classes []int, i int) bool {
	isJa := func(c int) bool { return c >= clsKana && c <= clsKanji2 }
	return (i > 0 && isJa(classes[i-1])) || (i+1 < len(classes) && isJa(classes[i+1]))
}

// latinScore rewards accented letters and typographic punctuation that
// follow an ASCII character, as in Western text; runs of them are what
// Japanese bytes look like when read as windows-1252.
func latinScore(text string) float64 {
	var s float64
	prev := rune(' ')
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
		case r == utf8.RuneError:
			s -= 4
		case !isLatinText(r):
			s--
		case prev < utf8.RuneSelf:
			s++
		default:
			s -= 0.5
		}
		prev = r
	}
	return s
}

func isLatinText(r rune) bool {
	switch {
	case r >= 0xc0 && r <= 0xff && r != 0xd7 && r != 0xf7:
		return true
	case r >= 0x2013 && r <= 0x2026, r == 0x2122, r == 0x20ac:
		return true
	}
	switch r {
	case 0xa0, 0xa3, 0xa7, 0xa9, 0xab, 0xae, 0xb0, 0xb7, 0xbb, 0xbd,
		0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e:
		return true
	}
	return false
}

// utf8Score rewards valid multi-byte sequences, which legacy encodings
// rarely form by chance, and penalises invalid ones.
func utf8Score(text string) float64 {
	var s float64
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			s -= 4
		case r >= utf8.RuneSelf:
			s += float64(utf8.RuneLen(r))
		}
	}
	return s
}
