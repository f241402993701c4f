package enrich

import "casebook/data"

// How a theme is judged to be a document's. Scores weigh keyword mentions
// by field like cities do.
const (
	maxThemes     = 3
	themeBodyCap  = 20  // body mentions that count towards the score
	minThemeScore = 3   // e.g. three body mentions, or one in the title
	minThemeShare = 0.5 // of the strongest theme's score
)

// detectThemes returns the strongest themes whose keywords the document
// uses often enough.
func (e *Enricher) detectThemes(fs []field) []pick {
	found := collect(e.themeMatch, fs)
	top := 0.0
	for _, t := range found {
		top = max(top, t.score(themeBodyCap))
	}
	var picks []pick
	for id, t := range found {
		s := t.score(themeBodyCap)
		if s < minThemeScore || s < minThemeShare*top {
			continue
		}
		picks = append(picks, pick{id: id, value: e.ref.themes[id].Label, score: s,
			origin: data.OriginDetected, evidence: t.evidence(false)})
	}
	return strongest(picks, maxThemes)
}
