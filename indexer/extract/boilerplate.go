package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplateNameRE matches one id or class name of a page part that is not
// content: "nav", "gnav", "footer-links", "lang_switch", "pagetop2". Whole
// names only, so that "has-sidebar" or "background" are kept.
var boilerplateNameRE = regexp.MustCompile(`^(?:(?:g|l|sub|top|global|side|site|page|main|local|social)[-_]?)?` +
	`(?:nav|navi|navigation|menu|breadcrumbs?|pankuzu|topicpath|footer|header|masthead|` +
	`langswitch|lang|language|sidebar|flash|back|backtotop|pagetop|gotop|totop|copyright|share|sns)` +
	`s?(?:[-_]?(?:bar|area|box|wrap|wrapper|inner|block|link|list|menu|nav|container|` +
	`switch|select|selector|btn|button|top|bottom|left|right|sub|main|content)s?)?[-_]?\d*$`)

// isBoilerplateAttr reports whether an element's id or one of its class
// names marks it as boilerplate.
func isBoilerplateAttr(id, class string) bool {
	for _, name := range append(strings.Fields(class), id) {
		if name != "" && boilerplateNameRE.MatchString(strings.ToLower(name)) {
			return true
		}
	}
	return false
}

// boilerplatePhrases are whole lines dropped from the body, compared after
// lower-casing and trimming what is not a letter or digit.
var boilerplatePhrases = map[string]bool{
	"back to contents": true, "back to content": true, "back to index": true,
	"back to top": true, "back to top of page": true, "back to page top": true,
	"return to top": true, "return to contents": true, "go to top": true,
	"page top": true, "pagetop": true, "top of page": true, "to top": true,
	"skip to content": true, "skip to main content": true,
	"ページの先頭へ": true, "ページの先頭へ戻る": true, "ページトップへ": true,
	"ページトップ": true, "先頭へ戻る": true, "目次へ戻る": true, "目次に戻る": true,
	"トップへ戻る": true,
}

const langName = `(?:japanese|english|日本語|にほんご|英語|chinese|中文|中国語|korean|한국어|韓国語)`

// langSwitchRE matches language switches: "Japanese | English", "日本語 / English".
var langSwitchRE = regexp.MustCompile(`^` + langName + `(?:\s*[|｜/／・]\s*` + langName + `)+$`)

// copyrightRE matches copyright lines but not sentences about copyright
// or an item "(c)" of a list.
var copyrightRE = regexp.MustCompile(`^(?:©|copyright\s*(?:©|\(c\)|(?:19|20)\d\d)|\(c\)\s*(?:19|20)\d\d)`)

// isBoilerplateLine reports a line of text that is site furniture rather
// than content: a language switch, a "Back to Contents" link, an Adobe Flash
// notice, a copyright line.
func isBoilerplateLine(line string) bool {
	lower := strings.ToLower(strings.TrimSpace(line))
	if lower == "" || utf8.RuneCountInString(lower) > 200 {
		return false
	}
	core := strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	switch {
	case boilerplatePhrases[core], langSwitchRE.MatchString(core):
		return true
	case strings.Contains(lower, "flash player"):
		return true
	case copyrightRE.MatchString(lower):
		return true
	}
	return strings.Contains(lower, "all rights reserved")
}
