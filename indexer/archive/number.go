package archive

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Issue label patterns, tried in this order.
var (
	jaNumber      = regexp.MustCompile(`第\s*([0-9]+|[〇零一二三四五六七八九十百]+)\s*号`)
	ordinalNumber = regexp.MustCompile(`(?i)\b(\d{1,3})\s*(?:st|nd|rd|th)\b`)
	labelNumber   = regexp.MustCompile(`(?i)(?:\bno\.?|\bissue|#)\s*(\d{1,3})\b`)
)

// ordinals are the English ordinal words an issue label spells out.
var ordinals = map[string]int{
	"inaugural": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

// tens are the cardinal words before a unit ordinal: "twenty-first".
var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// IssueNumber returns the number an issue label stands for: 1 for
// "Inaugural Issue" and 創刊号, 2 for "Second Issue", 12 for "Twelfth
// Issue" or "12th Issue", 21 for "21st Issue", "Twenty-first Issue" and
// 第21号 (also written ２１ or 二十一). It returns 0 when the label holds no
// number it knows.
func IssueNumber(label string) int {
	label = width.Narrow.String(label)
	for _, re := range []*regexp.Regexp{ordinalNumber, labelNumber} {
		if m := re.FindStringSubmatch(label); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	if m := jaNumber.FindStringSubmatch(label); m != nil {
		return japaneseNumber(m[1])
	}
	if n := wordOrdinal(label); n > 0 {
		return n
	}
	if strings.Contains(label, "創刊") {
		return 1
	}
	return 0
}

// wordOrdinal finds the first ordinal written in words.
func wordOrdinal(label string) int {
	words := strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if t, ok := tens[w]; ok && i+1 < len(words) && ordinals[words[i+1]] > 0 && ordinals[words[i+1]] < 10 {
			return t + ordinals[words[i+1]]
		}
		if n, ok := ordinals[w]; ok {
			return n
		}
	}
	return 0
}

var kanjiDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// japaneseNumber reads ASCII digits or kanji numerals up to 999
// (二十一 is 21, 百五 is 105, 二〇 is 20).
func japaneseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	total, digits := 0, 0
	positional := true
	for _, r := range s {
		switch r {
		case '十', '百':
			mult := 10
			if r == '百' {
				mult = 100
			}
			total += max(digits, 1) * mult
			digits, positional = 0, false
		default:
			digits = digits*10 + kanjiDigits[r]
		}
	}
	if positional {
		return digits
	}
	return total + digits
}
