package data

import "encoding/json"

// Audit actions on documents.
const (
	ActionDocEdit     = "doc.edit"
	ActionDocTrash    = "doc.trash"
	ActionDocRestore  = "doc.restore"
	ActionDocPurge    = "doc.purge" // removed for good when the trash was emptied
	ActionDocReingest = "doc.reingest"
	ActionDocUpload   = "doc.upload" // files uploaded as a job; the target is the job
)

// auditDoc is what the audit log keeps of a document: its metadata, not
// its text.
type auditDoc struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Summary    string   `json:"summary,omitempty"`
	Kind       string   `json:"kind"`
	Visibility string   `json:"visibility"`
	Year       int      `json:"year,omitempty"`
	Cities     []string `json:"cities,omitempty"`
	Countries  []string `json:"countries,omitempty"`
	Themes     []string `json:"themes,omitempty"`
	Source     string   `json:"source"`
}

func auditOf(d *Document) json.RawMessage {
	vis := d.Visibility
	if vis == "" {
		vis = VisibilityPublic
	}
	return jsonOf(auditDoc{
		ID: d.ID, Title: d.Title, Summary: d.Summary, Kind: d.Kind, Visibility: vis, Year: d.Year,
		Cities: d.Cities(), Countries: d.Countries(), Themes: d.Themes(), Source: d.Source,
	})
}
