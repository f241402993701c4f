package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ErrArchiveLimit means an archive is larger than the limits allow once
// decompressed (too many entries, too much data, or a compression ratio
// only a zip bomb has).
var ErrArchiveLimit = errors.New("archive limit exceeded")

// ZipLimits bound what reading an archive may cost. Sizes are of the
// decompressed data.
type ZipLimits struct {
	MaxEntries   int   // entries in the archive
	MaxEntrySize int64 // one entry
	MaxTotalSize int64 // all entries read, together
	MaxRatio     int64 // decompressed/compressed size of an entry larger than RatioFloor
	RatioFloor   int64 // entries smaller than this are not held to MaxRatio
}

// DefaultZipLimits are the limits File uses. Office documents compress
// their XML about 5-20 times; 200 leaves room for runs of repeated markup.
var DefaultZipLimits = ZipLimits{
	MaxEntries:   10000,
	MaxEntrySize: 32 << 20,
	MaxTotalSize: 64 << 20,
	MaxRatio:     200,
	RatioFloor:   1 << 20,
}

// ZipArchive reads the entries of a zip file held in memory, within limits.
// It is not safe for concurrent use.
type ZipArchive struct {
	zr     *zip.Reader
	limits ZipLimits
	read   int64 // decompressed bytes read so far
}

// OpenZip reads the directory of a zip file. A damaged or truncated file
// gives ErrCorrupt, one with too many entries ErrArchiveLimit.
func OpenZip(raw []byte, limits ZipLimits) (*ZipArchive, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
		err = nil // entries are only looked up by name, never written to disk
	}
	if err != nil {
		return nil, fmt.Errorf("%w: zip archive: %v", ErrCorrupt, err)
	}
	if len(zr.File) > limits.MaxEntries {
		return nil, fmt.Errorf("%w: %d entries, the limit is %d", ErrArchiveLimit, len(zr.File), limits.MaxEntries)
	}
	return &ZipArchive{zr: zr, limits: limits}, nil
}

// Has reports whether the archive has an entry of that name.
func (a *ZipArchive) Has(name string) bool {
	return a.find(name) != nil
}

func (a *ZipArchive) find(name string) *zip.File {
	for _, f := range a.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// ReadFile returns the decompressed content of an entry. A missing entry
// gives an error wrapping fs.ErrNotExist.
func (a *ZipArchive) ReadFile(name string) ([]byte, error) {
	f := a.find(name)
	if f == nil {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	if err := a.checkHeader(f); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
	}
	defer rc.Close()
	limit := min(a.limits.MaxEntrySize, a.limits.MaxTotalSize-a.read)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	a.read += int64(len(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: %s decompresses to more than %d bytes", ErrArchiveLimit, name, limit)
	}
	return data, nil
}

// checkHeader refuses an entry by the sizes its header declares. The zip
// reader fails on an entry that decompresses to more than it declares, so
// a header cannot hide a bomb.
func (a *ZipArchive) checkHeader(f *zip.File) error {
	size, packed := int64(f.UncompressedSize64), int64(f.CompressedSize64)
	switch {
	case size < 0 || size > a.limits.MaxEntrySize:
		return fmt.Errorf("%w: %s is %d bytes decompressed, the limit is %d", ErrArchiveLimit, f.Name, f.UncompressedSize64, a.limits.MaxEntrySize)
	case a.read+size > a.limits.MaxTotalSize:
		return fmt.Errorf("%w: the entries read decompress to more than %d bytes", ErrArchiveLimit, a.limits.MaxTotalSize)
	case size > a.limits.RatioFloor && size > packed*a.limits.MaxRatio:
		return fmt.Errorf("%w: %s is compressed %d:1, the limit is %d:1", ErrArchiveLimit, f.Name, size/max(packed, 1), a.limits.MaxRatio)
	}
	return nil
}
