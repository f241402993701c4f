package extract

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is ../shared/corpora seen from the repository root.
const corpusDir = "../../../shared/corpora/japanese-encodings"

// corpusFolders maps each folder to the charset Decode must report and the
// iconv name whose output it must equal. Shift_JIS is decoded as CP932, as
// browsers and golang.org/x/text do. EUC-JP is compared with glibc's
// EUC-JP-MS: plain "EUC-JP" in glibc maps six JIS X 0208 symbols (wave
// dash, double vertical line, minus, cent, pound, not) to different code
// points than the WHATWG EUC-JP decoder (U+301C where browsers give U+FF5E,
// and so on); EUC-JP-MS uses the browser mapping, which also matches what
// the same characters give in Shift_JIS.
var corpusFolders = map[string]struct{ charset, iconv string }{
	"SHIFT_JIS":   {"shift_jis", "CP932"},
	"CP932":       {"shift_jis", "CP932"},
	"EUC-JP":      {"euc-jp", "EUC-JP-MS"},
	"iso-2022-jp": {"iso-2022-jp", "ISO-2022-JP"},
}

func TestDecodeJapaneseCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("../shared/corpora not present: " + err.Error())
	}
	iconv, err := exec.LookPath("iconv")
	if err != nil {
		t.Log("iconv not found: comparing charset and U+FFFD only")
	}
	total, matched := 0, 0
	for folder, want := range corpusFolders {
		files, err := filepath.Glob(filepath.Join(corpusDir, folder, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			total++
			t.Run(folder+"/"+filepath.Base(path), func(t *testing.T) {
				if checkCorpusFile(t, path, want.charset, iconv, want.iconv) {
					matched++
				}
			})
		}
	}
	t.Logf("japanese-encodings: %d files, %d equal to iconv output", total, matched)
}

// checkCorpusFile reports whether the file's text equals iconv's.
func checkCorpusFile(t *testing.T, path, charset, iconv, iconvName string) bool {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, got, warnings, err := Decode(raw, "")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got != charset {
		t.Errorf("charset = %q, want %q (warnings %q)", got, charset, warnings)
	}
	if n := strings.Count(text, "\ufffd"); n > 0 {
		t.Errorf("%d U+FFFD in decoded text (warnings %q)", n, warnings)
	}
	if iconv == "" {
		return false
	}
	want, err := exec.Command(iconv, "-f", iconvName, "-t", "UTF-8", path).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("iconv -f %s: %v: %s", iconvName, err, exit.Stderr)
	} else if err != nil {
		t.Fatalf("iconv: %v", err)
	}
	if diff := firstDiff(text, normalizeText(string(want))); diff != "" {
		t.Errorf("text differs from iconv -f %s: %s", iconvName, diff)
		return false
	}
	return true
}

// firstDiff describes where two strings first differ, or returns "".
func firstDiff(got, want string) string {
	if got == want {
		return ""
	}
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	clip := func(r []rune) string { return string(r[max(0, i-20):min(len(r), i+20)]) }
	return fmt.Sprintf("at rune %d: got %q, want %q", i, clip(g), clip(w))
}
