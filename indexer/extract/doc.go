// Package extract turns one file's bytes into text and structure for the
// index: media type, charset, title, summary, headings, body, language and
// metadata.
//
// The type is detected from the content (the file name is only a hint for
// Markdown): HTML is read with goquery, Markdown and YAML front matter with
// gopkg.in/yaml.v3, anything else textual as plain text. PDF is read with
// PDFium compiled to WebAssembly (go-pdfium on wazero: no cgo, documents
// passed as bytes, no host files mounted), one text per page; a PDF
// without a text layer is flagged "no-text". DOCX is read with archive/zip
// and encoding/xml under zip limits (ErrArchiveLimit). Other binary
// formats (other zips, images, executables) are refused with
// ErrUnsupported.
//
// Charsets are taken from a byte order mark, a <meta> or XML declaration,
// or detected among UTF-8, Shift_JIS (read as Windows-31J, as browsers do),
// EUC-JP, ISO-2022-JP and windows-1252. Declarations that the bytes
// contradict are overridden and reported in Result.Warnings, so that staff
// can see what was guessed. Output text is always valid UTF-8 in NFC.
//
// HTML boilerplate common in old newsletter sites (language switches,
// mastheads, navigation, "Back to Contents" links, Adobe Flash notices,
// copyright lines) is dropped from the body.
package extract
