// Package records reads files of records — CSV, JSON, JSON Lines, XML and
// SGML exports of case studies, news items or reports — into one
// extract.Part per record, guided by a mapping that says where each
// field is.
//
//	m, err := records.LoadMapping(mappingJSON)
//	if m.Matches(name) {
//		res, err := records.Extract(m, name, raw)
//		// res.Parts: Key (record id or number), Position, Title,
//		// Summary, Body, Lang, Meta
//	}
//
// # Mapping files
//
// A mapping is a JSON object. This one reads Reuters-21578
// (data/reference/mappings/reuters21578.json):
//
//	{
//	  "format": "sgml",
//	  "match": "reut2-*.sgm",
//	  "charset": "windows-1252",
//	  "record": "REUTERS",
//	  "id": "@NEWID",
//	  "fields": {
//	    "title": "TEXT/TITLE",
//	    "body": ["TEXT/BODY", "TEXT"],
//	    "country": "PLACES/D",
//	    "topic": "TOPICS/D",
//	    "date": "DATE"
//	  },
//	  "date_layouts": ["2-Jan-2006 15:04:05.00"]
//	}
//
// and this one a spreadsheet export (case-studies.csv.json):
//
//	{
//	  "format": "csv",
//	  "id": "Case ID",
//	  "fields": {"title": "Title", "body": ["Text", "Summary"], "city": "Cities",
//	             "theme": "Themes", "date": "Published", "url": "Link"},
//	  "separator": ";",
//	  "date_layouts": ["02/01/2006"],
//	  "constants": {"kind": "case-study"}
//	}
//
// The keys:
//
//   - format (required): "csv", "json", "jsonl" (also "ndjson"), "xml" or
//     "sgml".
//   - record: where the records are. xml and sgml (required): the name of
//     the record element, or the last steps of its path ("items/item");
//     the element is found at any depth. json: a dotted key path to an
//     array of records or to a single record ("data.items"); empty means
//     the whole file (an array, or one object). jsonl: an optional dotted
//     path applied to each line. csv: not used; every row after the header
//     is a record.
//   - id: the path of the record id; the Part's Key. Without one, or when a
//     record has none, the Key is the record's number in the file (1, 2,
//     ...). A repeated id gets "#" and the number appended, with a warning.
//   - fields (required, with at least "title" or "body"): field name to
//     path. A path may also be a list of alternatives: the first that gives
//     a value wins ("body": ["TEXT/BODY", "TEXT"] falls back to the whole
//     TEXT element when there is no BODY). Names with a place of their own:
//     title, body, summary and lang go to the Part's fields; date and year
//     to Meta["date"] and Meta["year"]. Every other name (city, country,
//     theme, url, topic, ...) goes to Meta under its lower-case name.
//   - date_layouts: Go time layouts tried before the common ones (ISO 8601,
//     RFC 3339 and 1123, "2 January 2006", "January 2, 2006", "2-Jan-2006",
//     "2006-01", "January 2006", a bare year). Dates are written as
//     YYYY-MM-DD, or YYYY-MM when the layout has no day; month names match
//     in any case. When a layout with a time of day fails, its date part is
//     tried on the first word of the value.
//   - charset: the file's charset label ("windows-1252", "shift_jis");
//     without it a byte order mark, an XML declaration or detection
//     decides (see extract.Decode).
//   - match: a glob on the file's base name, compared without case
//     ("reut2-*.sgm"); empty matches every file.
//   - delimiter (csv): the cell delimiter, one character; default ",".
//   - separator: splits one value into several ("Tokyo; Osaka"), for the
//     fields listed in split.
//   - split: the fields the separator applies to; default city, country
//     and theme.
//   - constants: metadata given to every record unless it has its own
//     value for the key ({"kind": "case-study"}).
//
// Paths:
//
//   - csv: the column name from the header row, compared without case.
//     A mapped column the header lacks is an ErrMapping error.
//   - json, jsonl: dotted keys ("place.city"); arrays on the way give
//     several values ("cities" or "places.name" over an array of objects).
//     Strings, numbers and booleans are values; null and objects are not.
//     A key that itself holds a dot is found as written first.
//   - xml, sgml: child elements from the record down ("TEXT/TITLE"), "*"
//     for any element, "@name" for an attribute ("@NEWID", "TEXT/@TYPE"),
//     "." for the record element itself. Names match without case. Every
//     matching element gives a value ("PLACES/D" gives one per D); an
//     element's value is all the text inside it.
//
// # Reading
//
// The file is decoded to UTF-8 first (extract.Decode), then parsed.
// Markup is streamed: elements outside records are only tracked by name, and one
// record element at a time is built into a small tree. SGML is read with
// encoding/xml in non-strict mode (unquoted attributes, HTML entities, no
// single root, omitted and stray end tags); character references to
// control characters ("&#2;", "&#22;"), which encoding/xml rejects, are
// removed before parsing. JSON arrays are read one element at a time.
//
// Text is cleaned: valid UTF-8 in NFC, no control characters. Titles and
// metadata are one line. A body keeps its paragraphs, which end at a blank
// line or where an indented line begins a new one, and is joined with
// blank lines. A record without a title gets the start of its body; one
// without a summary gets its first paragraph.
//
// A record with neither title nor body is skipped with a warning ("record
// 17: no title or body"), as is a JSON line that does not parse or a CSV
// row that does not; a date that cannot be read is a warning too. A syntax
// error in markup or a JSON array stops reading with a warning, keeping
// the records before it. Warnings also name mapped fields that were empty
// in every record, which is usually a typo in the mapping. A file with no
// usable record, or not readable as its format at all, is an error.
package records
