package main

import (
	"math/rand/v2"
	"strings"
)

// writer makes the text of one document: Zipf-distributed words, plus a
// few topic words repeated throughout, as real documents repeat their
// subject (term burstiness). Half the topic words are words of the
// document's themes.
type writer struct {
	g      *corpusGen
	r      *rand.Rand
	z      *rand.Zipf
	topic  []string
	cities []string
}

func newWriter(g *corpusGen, r *rand.Rand, cities []string, themes []int) *writer {
	w := &writer{g: g, r: r, z: rand.NewZipf(r, genZipfS, genZipfV, uint64(len(g.vocab)-1)), cities: cities}
	for i := range 10 {
		if i < 5 && len(themes) > 0 {
			ws := g.themeWords[themes[i%len(themes)]]
			w.topic = append(w.topic, ws[r.IntN(len(ws))])
			continue
		}
		w.topic = append(w.topic, w.contentWord())
	}
	return w
}

func (w *writer) word() string {
	if w.r.IntN(100) < 6 {
		return w.topic[w.r.IntN(len(w.topic))]
	}
	return w.g.vocab[w.z.Uint64()]
}

// contentWord draws a word that is not a function word.
func (w *writer) contentWord() string {
	for {
		if k := int(w.z.Uint64()); k >= w.g.nStop {
			return w.g.vocab[k]
		}
	}
}

func (w *writer) title() string {
	words := make([]string, 3+w.r.IntN(6))
	for i := range words {
		if w.r.IntN(2) == 0 {
			words[i] = capital(w.topic[w.r.IntN(len(w.topic))])
		} else {
			words[i] = capital(w.contentWord())
		}
	}
	if len(w.cities) > 0 && w.r.IntN(2) == 0 {
		words = append(words, "in", w.cities[0])
	}
	return strings.Join(words, " ")
}

func (w *writer) heading() string {
	words := make([]string, 2+w.r.IntN(4))
	for i := range words {
		words[i] = w.contentWord()
	}
	return capital(strings.Join(words, " "))
}

// sentence writes n words, the first capitalised, then a full stop.
func (w *writer) sentence(b *strings.Builder, n int) {
	for i := range n {
		word := w.word()
		if i == 0 {
			word = capital(word)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		if i < n-1 && w.r.IntN(12) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
}

// writeParagraph writes n words in sentences of 8 to 30 words, sometimes
// naming one of the document's cities.
func (w *writer) writeParagraph(b *strings.Builder, n int) {
	if len(w.cities) > 0 && w.r.IntN(4) == 0 {
		b.WriteString("In " + w.cities[w.r.IntN(len(w.cities))] + ": ")
	}
	for written := 0; written < n; {
		k := min(n-written, 8+w.r.IntN(23))
		if written > 0 {
			b.WriteByte(' ')
		}
		w.sentence(b, k)
		written += k
	}
}

func (w *writer) paragraph(n int) string {
	var b strings.Builder
	w.writeParagraph(&b, n)
	return b.String()
}

// body writes n words in paragraphs. A paged text (a report, as from a
// PDF) starts a new page at the first paragraph after genPageWords words.
func (w *writer) body(n int, paged bool) (string, []int) {
	var b strings.Builder
	var pages []int
	if paged {
		pages = []int{0}
	}
	sincePage := 0
	for written := 0; written < n; {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if paged && sincePage >= genPageWords {
			pages = append(pages, b.Len())
			sincePage = 0
		}
		k := min(n-written, 40+w.r.IntN(80))
		w.writeParagraph(&b, k)
		written += k
		sincePage += k
	}
	return b.String(), pages
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
