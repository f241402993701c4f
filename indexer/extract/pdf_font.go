package extract

import (
	"bytes"
	"encoding/binary"
	"sort"
)

// PDFium finds a text's Unicode values through the font. A PDF that names
// a CJK font without embedding it (Ryumin-Light, GothicBBB-Medium,
// SimSun: common in Japanese and Chinese government PDFs made with old
// Acrobat Distiller) needs a substitute font of that script installed, or
// PDFium drops most of its characters. The WebAssembly sandbox sees no
// host files, so cjkFallbackFont builds a tiny TrueType font that claims
// the Japanese, Chinese and Korean code pages and maps every CJK code
// point to one box glyph: enough for PDFium to load such fonts and map
// their character codes to Unicode. It holds no glyph data from any
// other font.

// cjkFallbackRanges are the code points the font claims.
var cjkFallbackRanges = [][2]uint32{
	{0x3000, 0x30ff}, // CJK punctuation, kana
	{0x3400, 0x4dbf}, // CJK extension A
	{0x4e00, 0x9fff}, // CJK unified ideographs
	{0xac00, 0xd7a3}, // Hangul syllables
	{0xf900, 0xfaff}, // CJK compatibility ideographs
	{0xff00, 0xffef}, // half- and full-width forms
}

// cjkFallbackFont returns the font file.
func cjkFallbackFont() []byte {
	tables := map[string][]byte{
		"OS/2": fontOS2(),
		"cmap": fontCmap(),
		"glyf": fontBE(int16(1), int16(0), int16(-120), int16(1000), int16(880), // one contour, bounding box
			uint16(3), uint16(0), [4]uint8{1, 1, 1, 1}, // last point, no instructions, on-curve flags
			[4]int16{0, 0, 1000, 0}, [4]int16{-120, 1000, 0, -1000}), // x and y deltas of a 1000x1000 box
		"head": fontBE(uint32(0x10000), uint32(0x10000), uint32(0), uint32(0x5f0f3cf5), uint16(3), uint16(1000),
			uint64(0), uint64(0), int16(0), int16(-120), int16(1000), int16(880), uint16(0), uint16(3), int16(2), int16(0), int16(0)),
		"hhea": fontBE(uint32(0x10000), int16(880), int16(-120), int16(0), uint16(1000), int16(0), int16(0), int16(1000),
			int16(1), int16(0), int16(0), [4]int16{}, int16(0), uint16(1)),
		"hmtx": fontBE(uint16(1000), int16(0), int16(0)),
		"loca": fontBE(uint16(0), uint16(0), uint16(34/2)), // .notdef is empty, the box is 34 bytes
		"maxp": fontBE(uint32(0x10000), uint16(2), uint16(4), uint16(1), [4]uint16{0, 0, 2, 0}, [7]uint16{}),
		"name": fontName("Casebook CJK Fallback"),
		"post": fontBE(uint32(0x30000), [7]uint32{}),
	}
	return fontFile(tables)
}

// fontBE writes values big-endian, as TrueType stores them.
func fontBE(values ...any) []byte {
	var b bytes.Buffer
	for _, v := range values {
		binary.Write(&b, binary.BigEndian, v) // writes to a bytes.Buffer cannot fail
	}
	return b.Bytes()
}

func fontOS2() []byte {
	const codePages = 1<<0 | 1<<17 | 1<<18 | 1<<19 | 1<<20                                // Latin 1, JIS, GB 2312, Korean Wansung, Big5
	const unicodeRanges2 = 1<<(48-32) | 1<<(49-32) | 1<<(50-32) | 1<<(56-32) | 1<<(59-32) // CJK symbols, kana, Hangul, ideographs
	return fontBE(uint16(3), int16(1000), uint16(400), uint16(5), uint16(0), [10]int16{}, int16(0),
		[10]uint8{}, [4]uint32{0, unicodeRanges2, 0, 0}, [4]byte{'C', 'B', 'K', ' '},
		uint16(0x40), uint16(0x3000), uint16(0xffef), int16(880), int16(-120), int16(0), uint16(880), uint16(120),
		[2]uint32{codePages, 0}, int16(0), int16(0), uint16(0), uint16(32), uint16(0))
}

// fontCmap maps the ranges to glyph 1 with a format 13 (many-to-one)
// subtable for Windows UCS-4.
func fontCmap() []byte {
	sub := fontBE(uint16(13), uint16(0), uint32(16+12*len(cjkFallbackRanges)), uint32(0), uint32(len(cjkFallbackRanges)))
	for _, r := range cjkFallbackRanges {
		sub = append(sub, fontBE(r[0], r[1], uint32(1))...)
	}
	return append(fontBE(uint16(0), uint16(1), uint16(3), uint16(10), uint32(12)), sub...)
}

// fontName holds the family, style, full and PostScript names.
func fontName(family string) []byte {
	names := []string{family, "Regular", family, "CasebookCJKFallback"}
	ids := []uint16{1, 2, 4, 6}
	var strs []byte
	header := fontBE(uint16(0), uint16(len(names)), uint16(6+12*len(names)))
	for i, s := range names {
		var utf16 []byte
		for _, r := range s {
			utf16 = append(utf16, 0, byte(r)) // ASCII names only
		}
		header = append(header, fontBE(uint16(3), uint16(1), uint16(0x409), ids[i], uint16(len(utf16)), uint16(len(strs)))...)
		strs = append(strs, utf16...)
	}
	return append(header, strs...)
}

// fontFile lays out the table directory and the tables, and sets the
// checksums.
func fontFile(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	out := fontBE(uint32(0x10000), uint16(len(tags)), uint16(128), uint16(3), uint16(16*len(tags)-128))
	offset := len(out) + 16*len(tags)
	var data []byte
	headAt := 0
	for _, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			headAt = offset + len(data)
		}
		out = append(out, fontBE([4]byte([]byte(tag)), fontChecksum(t), uint32(offset+len(data)), uint32(len(t)))...)
		data = append(data, t...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
	}
	out = append(out, data...)
	binary.BigEndian.PutUint32(out[headAt+8:], 0xb1b0afba-fontChecksum(out))
	return out
}

func fontChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
