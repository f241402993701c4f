// Package enrich tags documents with the cities, countries and themes they
// are about, and fills in the publication year and language when the
// source did not give them.
//
// Everything it knows comes from the reference data bundled in
// data/reference: a hand-checked gazetteer (cities.json, countries.json,
// with aliases in other names and scripts) and a theme taxonomy
// (themes.json, English and Japanese keywords). New loads and checks it
// once; an Enricher is then read-only and safe for concurrent use.
//
// How matching works. Text is NFKC-normalised (so full-width ＣＯ２ is CO2).
// Names and keywords in scripts written with spaces (Latin, Cyrillic,
// Devanagari...) match whole words, case-insensitively, except short
// all-capital acronyms such as "KL" or "AIDS", which match only as
// written. Names in scripts written without spaces (Chinese, Japanese,
// Korean, Thai, Burmese...) match as substrings. At any position the
// longest name wins, so "New Delhi" is one mention of Delhi and 東京都 is
// Tokyo, not Kyoto (京都). A negative phrase ("Kyoto Protocol", "flood of")
// wins the same way and cancels the name or keyword inside it.
//
// How a city is chosen. Mentions are weighted by field (title 5, heading 3,
// summary 2, body 1 with a cap) plus a bonus for newsletter headlines such
// as "(2) From Hanoi: ...". A city is kept when it is the subject: named in
// the title, a heading or the summary, or named often in the body and with
// a real share of all city mentions; at most four. The publisher's own
// city (Tokyo), named on nearly every page, needs the title, a heading, the
// summary or to dominate the body (named there at least five times, in 40%
// of all city mentions, and no less than any other city). Cities marked
// ambiguous in the gazetteer ("Victoria", "Hyderabad") are only taken when
// their country, or another city of it, is named too. Countries are those
// of the chosen cities plus countries named in the title (or in the summary
// and again elsewhere). Themes are chosen the same way from keyword
// mentions: at most four, each scoring 3 or more and 30% of the best.
//
// Every tag carries Evidence in words a staff member can check, e.g.
// `title: "From Delhi: the Commonwealth Games"` or `body: recycling x4,
// landfill x2`. Tags from the source's own metadata (front matter, record
// columns) have Origin data.OriginSource and replace detected tags of the
// same facet.
package enrich
