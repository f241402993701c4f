package enrich

import (
	"strings"
	"testing"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Flood control in Kuala Lumpur", "en"},
		{"バンコクの下水道", "ja"},
		{"東京都は毎年、地震に備えた避難訓練を行っています。", "ja"},
		{"曼谷市政府推动污水处理", "zh"},
		{"서울시는 대기오염 대책을 발표했다", "ko"},
		{"กรุงเทพมหานครจัดการน้ำท่วม", "th"},
		{strings.Repeat("Training in sewerage maintenance for member cities. ", 20) + "Adobe Flash Player を取得", "en"},
		{"", ""},
		{"2009 / 12 / 01", ""},
	}
	for _, tt := range tests {
		if got := detectLang([]field{newField(kindBody, tt.text)}); got != tt.want {
			t.Errorf("detectLang(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEnrichKeepsLang(t *testing.T) {
	e := testEnricher(t)
	doc := testDoc("バンコクの下水道")
	doc.Lang = "en"
	e.Enrich(&doc, nil)
	if doc.Lang != "en" {
		t.Errorf("Lang = %q, want the given %q kept", doc.Lang, "en")
	}
}
