package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"unicode"
)

// Upload limits.
const (
	DefaultMaxUpload = 128 << 20 // all files of one upload together
	DefaultMaxFile   = 32 << 20  // one file, as the pipeline reads no more
	maxUploadFiles   = 200
	maxFieldBytes    = 1 << 10 // one metadata field
	maxNameRunes     = 100
)

// uploadedFile is one file of an upload: a safe name and its bytes.
type uploadedFile struct {
	Name string
	Data []byte
}

// uploadForm is what POST /upload sent: the files and the metadata.
type uploadForm struct {
	Files  []uploadedFile
	Fields map[string]string // kind, city, theme, year, visibility
}

// tooLarge is a 413 with a message that says which limit.
func tooLarge(msg string) error {
	return &userError{status: http.StatusRequestEntityTooLarge, msg: msg}
}

// readUploadForm streams the multipart body: each file is read up to
// the per-file limit and the whole body up to the total one, so a bigger
// upload is refused (413) without being held.
func (st *Staff) readUploadForm(w http.ResponseWriter, r *http.Request) (*uploadForm, error) {
	maxUpload, maxFile := limit(st.MaxUpload, DefaultMaxUpload), limit(st.MaxFile, DefaultMaxFile)
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest("The upload was not sent as a form with files.")
	}
	form := &uploadForm{Fields: map[string]string{}}
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return form, nil
		}
		if err != nil {
			return nil, bodyError(err, maxUpload)
		}
		if err := form.add(p, maxFile, maxUpload); err != nil {
			return nil, err
		}
	}
}

func (f *uploadForm) add(p *multipart.Part, maxFile, maxUpload int64) error {
	defer p.Close()
	if p.FormName() != "files" {
		v, err := io.ReadAll(io.LimitReader(p, maxFieldBytes+1))
		if err != nil {
			return bodyError(err, maxUpload)
		}
		if len(v) > maxFieldBytes {
			return badRequest(fmt.Sprintf("The field %q is too long.", p.FormName()))
		}
		f.Fields[p.FormName()] = strings.TrimSpace(string(v))
		return nil
	}
	if p.FileName() == "" {
		return nil // the empty file input of a form sent with no file
	}
	if len(f.Files) == maxUploadFiles {
		return tooLarge(fmt.Sprintf("At most %d files can be uploaded at once.", maxUploadFiles))
	}
	data, err := io.ReadAll(io.LimitReader(p, maxFile+1))
	if err != nil {
		return bodyError(err, maxUpload)
	}
	name := safeFileName(p.FileName())
	if int64(len(data)) > maxFile {
		return tooLarge(fmt.Sprintf("%s is larger than the limit of %d MiB for one file.", name, maxFile>>20))
	}
	f.Files = append(f.Files, uploadedFile{Name: name, Data: data})
	return nil
}

// bodyError is a 413 when the body passed the total limit, else a 400.
func bodyError(err error, maxUpload int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge(fmt.Sprintf("The upload is larger than the limit of %d MiB for all files together.", maxUpload>>20))
	}
	return &userError{status: http.StatusBadRequest, msg: "The upload could not be read. Please try again.", err: err}
}

func limit(v, def int64) int64 {
	if v > 0 {
		return v
	}
	return def
}

// safeFileName makes a browser's file name into a plain name, never a
// path: the last element of either kind of path, letters, digits and
// ". _ -" only, no leading dot, at most maxNameRunes runes. It is only a
// label and a hint for extraction; nothing is ever written under it.
func safeFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	n := 0
	for _, r := range name {
		if n == maxNameRunes {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteRune('_')
		default:
			continue
		}
		n++
	}
	out := strings.TrimLeft(b.String(), ".")
	if out == "" {
		return "file"
	}
	return out
}
