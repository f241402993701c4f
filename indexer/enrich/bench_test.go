package enrich

import (
	"strings"
	"testing"

	"casebook/data"
)

// benchBody returns a newsletter-like English text of about n words.
func benchBody(n int) string {
	sentences := []string{
		"Trainees from Hanoi, Bangkok and Jakarta spent two weeks in Tokyo studying sewerage maintenance and pipe rehabilitation.",
		"The city expanded its recycling programme and closed an old landfill on the waterfront, cutting greenhouse gas emissions.",
		"During the flood control seminar, engineers from Kuala Lumpur compared underground storage tunnels with river dikes.",
		"Officials of the Tokyo Metropolitan Government reported on earthquake-resistant urban planning in dense districts.",
		"International students at Tokyo Metropolitan University joined a cultural exchange with performing arts groups.",
		"The junior sports exchange brought young athletes to a football tournament held on February 16 to 20, 2009.",
		"Participants discussed public transport, bus rapid transit and traffic congestion in Metro Manila and Seoul.",
	}
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		s := sentences[i%len(sentences)]
		b.WriteString(s)
		b.WriteByte(' ')
		words += len(strings.Fields(s))
	}
	return b.String()
}

func BenchmarkEnrich(b *testing.B) {
	e := testEnricher(b)
	body := benchBody(2000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		doc := data.Document{
			Title:    "Best Practices of Major Cities: Flood Control",
			Summary:  "How member cities manage heavy rain.",
			Headings: []string{"(1) From Tokyo: storage tunnels", "(2) From Kuala Lumpur: the SMART tunnel"},
			Body:     body,
			Source:   "newsletter/201011/1c.html",
		}
		e.Enrich(&doc, nil)
	}
}

func BenchmarkEnrichJapanese(b *testing.B) {
	e := testEnricher(b)
	body := strings.Repeat("東京都は下水道の維持管理研修を実施し、バンコク、ハノイ、ジャカルタから研修生が参加しました。洪水対策や地震に備えた都市計画についても学びました。", 60)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		doc := data.Document{Title: "下水道研修の報告", Body: body, Source: "japanese/201011/1.html"}
		e.Enrich(&doc, nil)
	}
}

func TestBenchBodyShape(t *testing.T) {
	if n := len(strings.Fields(benchBody(2000))); n < 2000 || n > 2100 {
		t.Errorf("benchBody(2000) has %d words", n)
	}
}
