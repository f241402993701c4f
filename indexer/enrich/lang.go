package enrich

import "unicode"

// langSample bounds how many letters detectLang looks at.
const langSample = 20000

// detectLang names the language of the fields' text from its scripts: "ja"
// when kana are a real share of the letters (5%; Japanese pages carry
// many kanji, English ones at most a stray Japanese notice), "ko" for
// Hangul, "th" for Thai, "zh" for Han without kana, "en" for Latin text,
// "other" for text in another script (Cyrillic, Arabic...), and "" when
// there are no letters.
func detectLang(fs []field) string {
	var n [scriptDense + 1]int
	letters := 0
	for _, f := range fs {
		for _, r := range f.text {
			if letters >= langSample {
				break
			}
			if unicode.IsLetter(r) || r == 'ー' {
				letters++
				n[scriptOf(r)]++
			}
		}
	}
	kana, han, hangul, thai, latin := n[scriptKana], n[scriptHan], n[scriptHangul], n[scriptThai], n[scriptLatin]
	switch {
	case letters == 0:
		return ""
	case kana >= 2 && kana*20 >= letters:
		return "ja"
	case hangul*5 >= letters:
		return "ko"
	case thai*5 >= letters:
		return "th"
	case han*5 >= letters:
		return "zh"
	case latin*2 >= letters:
		return "en"
	}
	return "other"
}
