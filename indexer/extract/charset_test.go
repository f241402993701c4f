package extract

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

const jaSample = "東京都の研修に参加した職員は、帰国後に「分ければ資源」と呼びかけている。"

func sjis(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func eucjp(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.EUCJP.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	iso, err := japanese.ISO2022JP.NewEncoder().Bytes([]byte(jaSample))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(jaSample))
	if err != nil {
		t.Fatal(err)
	}
	meta := func(label string) []byte {
		return append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=`+label+`"><p>`), sjis(t, jaSample)...)
	}
	tests := []struct {
		name     string
		raw      []byte
		declared string
		want     string // charset
		warning  string // substring of a warning, "" for none
	}{
		{"ascii", []byte("plain words"), "", "utf-8", ""},
		{"utf-8", []byte(jaSample), "", "utf-8", ""},
		{"utf-8 BOM", append([]byte("\xef\xbb\xbf"), jaSample...), "shift_jis", "utf-8", ""},
		{"utf-16 BOM", utf16, "", "utf-16le", ""},
		{"shift_jis undeclared", sjis(t, jaSample), "", "shift_jis", "no charset declared"},
		{"euc-jp undeclared", eucjp(t, jaSample), "", "euc-jp", "no charset declared"},
		{"iso-2022-jp undeclared", iso, "", "iso-2022-jp", "detected iso-2022-jp"},
		{"iso-2022-jp declared utf-8", iso, "utf-8", "iso-2022-jp", "declared charset utf-8"},
		{"meta Shift_JIS", meta("Shift_JIS"), "", "shift_jis", ""},
		{"meta x-sjis", meta("x-sjis"), "", "shift_jis", ""},
		{"meta cp932", meta("cp932"), "", "shift_jis", ""},
		{"meta windows-31j", meta("Windows-31J"), "", "shift_jis", ""},
		{"meta ms_kanji", meta("MS_Kanji"), "", "shift_jis", ""},
		{"meta sjis", meta("sjis"), "", "shift_jis", ""},
		{"meta charset", append([]byte(`<meta charset="euc-jp">`), eucjp(t, jaSample)...), "", "euc-jp", ""},
		{"xml declaration", append([]byte(`<?xml version="1.0" encoding="EUC-JP"?>`), eucjp(t, jaSample)...), "", "euc-jp", ""},
		{"declared utf-8, bytes shift_jis", meta("utf-8"), "", "shift_jis", "declared charset utf-8 but bytes are not UTF-8; decoded as shift_jis"},
		{"declared shift_jis, bytes euc-jp", eucjp(t, strings.Repeat(jaSample, 3)), "shift_jis", "euc-jp", "declared charset shift_jis"},
		{"declared iso-8859-1, bytes shift_jis", sjis(t, jaSample), "iso-8859-1", "shift_jis", "declared charset windows-1252"},
		{"declared latin1, bytes utf-8", []byte("caf\u00e9 \u2014 na\u00efve"), "latin1", "utf-8", "bytes are UTF-8"},
		{"unknown label", sjis(t, jaSample), "x-klingon", "shift_jis", `unknown charset "x-klingon"`},
		{"windows-1252 undeclared", []byte("the city\x92s \x93caf\xe9\x94 guide"), "", "windows-1252", "detected windows-1252"},
		{"utf-8 with bad bytes", []byte("Tokyo \xe2\x80\x94 Hanoi \xff and caf\xc3\xa9 \xe2\x80\x99"), "", "utf-8", "1 invalid UTF-8 sequences replaced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, charset, warnings, err := Decode(tt.raw, tt.declared)
			if err != nil {
				t.Fatal(err)
			}
			if charset != tt.want {
				t.Errorf("charset = %q, want %q (text %q, warnings %q)", charset, tt.want, text, warnings)
			}
			joined := strings.Join(warnings, "; ")
			if tt.warning == "" && joined != "" || !strings.Contains(joined, tt.warning) {
				t.Errorf("warnings = %q, want one containing %q", warnings, tt.warning)
			}
			if strings.Contains(string(tt.raw), "東") || isJapanese(tt.want) {
				if !strings.Contains(text, jaSample) {
					t.Errorf("text = %q, want it to contain %q", text, jaSample)
				}
			}
		})
	}
}

func TestDecodeNormalises(t *testing.T) {
	text, _, _, err := Decode([]byte("Cafe\u0301\r\nline two\rline three"), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Caf\u00e9\nline two\nline three"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
}

// TestDecodeCP932Extensions checks that Shift_JIS is read as Windows-31J:
// NEC special characters and IBM extensions decode.
func TestDecodeCP932Extensions(t *testing.T) {
	const want = "①②③ ㍾東京 Ⅰ 髙"
	raw := []byte("<meta charset=\"Shift_JIS\">\x87\x40\x87\x41\x87\x42 \x87\x8d\x93\x8c\x8b\x9e \x87\x54 \xfb\xfc")
	text, charset, warnings, err := Decode(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if charset != "shift_jis" || !strings.Contains(text, want) || len(warnings) > 0 {
		t.Errorf("Decode = %q, %q, %q", text, charset, warnings)
	}
}
