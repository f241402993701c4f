package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
	"time"
)

// deflatedZeros returns a deflate stream of n MiB of zeros, made from one
// compressed MiB repeated (each copy ends on a byte boundary after a sync
// flush, so copies can follow one another), and its CRC-32.
func deflatedZeros(n int) ([]byte, uint32) {
	mib := make([]byte, 1<<20)
	var one bytes.Buffer
	w, _ := flate.NewWriter(&one, flate.BestCompression)
	w.Write(mib)
	w.Flush()
	var crc uint32
	stream := bytes.Repeat(one.Bytes(), n)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, mib)
	}
	return append(stream, 0x03, 0x00), crc // a final, empty block
}

// zipBomb has a word/document.xml of n MiB of zeros, declared as size
// bytes.
func zipBomb(t *testing.T, n int, size uint64) []byte {
	data, crc := deflatedZeros(n)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: docxMain, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(data)), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestZipBomb(t *testing.T) {
	for _, mib := range []int{200, 20} { // over the size limit; under it, over the ratio limit
		bomb := zipBomb(t, mib, uint64(mib)<<20)
		start := time.Now()
		_, err := File("bomb.docx", bomb)
		if !errors.Is(err, ErrArchiveLimit) {
			t.Fatalf("%d MiB: err = %v, want ErrArchiveLimit", mib, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%d MiB: took %v", mib, d)
		}
		t.Logf("%d MiB in %d bytes: %v", mib, len(bomb), err)
	}
}

// TestZipBombFixture checks that the bomb is a valid archive: with the
// limits lifted it inflates to its size.
func TestZipBombFixture(t *testing.T) {
	zf, err := OpenZip(zipBomb(t, 3, 3<<20), ZipLimits{MaxEntries: 1, MaxEntrySize: 4 << 20, MaxTotalSize: 4 << 20, MaxRatio: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	data, err := zf.ReadFile(docxMain)
	if err != nil || len(data) != 3<<20 || bytes.Count(data, []byte{0}) != len(data) {
		t.Fatalf("%d bytes, %v", len(data), err)
	}
}

// TestZipBombLyingHeader declares a small size: the zip reader stops at
// the declared size, so the bomb is never inflated.
func TestZipBombLyingHeader(t *testing.T) {
	_, err := File("liar.docx", zipBomb(t, 100, 512<<10))
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	t.Log(err)
}

func TestZipLimits(t *testing.T) {
	var entries []string
	for i := range 30 {
		entries = append(entries, fmt.Sprintf("word/media/%d.txt", i), strings.Repeat("a", 100))
	}
	raw := buildZip(append(entries, docxMain, sampleDocument)...)
	if _, err := OpenZip(raw, ZipLimits{MaxEntries: 10}); !errors.Is(err, ErrArchiveLimit) {
		t.Errorf("too many entries: %v", err)
	}
	limits := DefaultZipLimits
	limits.MaxTotalSize = 250
	zf, err := OpenZip(raw, limits)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := zf.ReadFile(fmt.Sprintf("word/media/%d.txt", i)); err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
	}
	if _, err := zf.ReadFile("word/media/2.txt"); !errors.Is(err, ErrArchiveLimit) {
		t.Errorf("past the total: %v", err)
	}
}
