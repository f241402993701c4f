package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"casebook/data"
	"casebook/indexer"
)

const viewUpload = "upload"

func init() { viewNames = append(viewNames, viewUpload) }

// uploadView is the model of the upload page.
type uploadView struct {
	Tab                     string
	Kinds                   []option
	Themes                  []string
	Values                  map[string]string // what was entered, after a refusal
	Errors                  []string
	MaxFiles                int
	MaxFileMiB, MaxTotalMiB int64
}

// serveUpload shows the upload form.
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	s.renderUpload(w, r, http.StatusOK, nil, nil)
}

func (s *Server) renderUpload(w http.ResponseWriter, r *http.Request, status int, values map[string]string, problems []string) {
	st := s.Staff
	if values == nil {
		values = map[string]string{}
	}
	v := uploadView{
		Tab: "upload", Kinds: kindOptions(), Themes: st.themeLabels(), Values: values, Errors: problems,
		MaxFiles: maxUploadFiles, MaxFileMiB: limit(st.MaxFile, DefaultMaxFile) >> 20, MaxTotalMiB: limit(st.MaxUpload, DefaultMaxUpload) >> 20,
	}
	s.render(w, r, status, viewUpload, page{Title: "Upload files", Header: true, View: v})
}

// postUpload takes the files and their metadata, starts a job that runs
// them through the pipeline, and sends the browser to the job's page.
func (s *Server) postUpload(w http.ResponseWriter, r *http.Request) {
	st := s.Staff
	form, err := st.readUploadForm(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	actor := s.actor(r)
	cs, problems := st.batchCorrections(form.Fields, actor)
	if len(form.Files) == 0 {
		problems = append(problems, "Choose at least one file.")
	}
	if len(problems) > 0 {
		s.renderUpload(w, r, http.StatusBadRequest, form.Fields, problems)
		return
	}
	b := indexer.Batch{Files: st.uploadFiles(form.Files), Corrections: cs}
	job, err := st.startAudited(b, data.AuditEntry{Actor: actor, Action: data.ActionDocUpload, Note: fileNames(form.Files)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, jobURL(job.ID))
}

// uploadFiles names the files of one upload under a folder of their own,
// "upload/20260102-150405-1a2b/", so that files of the same name from
// different uploads stay different documents.
func (st *Staff) uploadFiles(files []uploadedFile) []indexer.File {
	var salt [2]byte
	rand.Read(salt[:])
	dir := "upload/" + st.Store.Now().UTC().Format("20060102-150405") + "-" + hex.EncodeToString(salt[:]) + "/"
	taken := map[string]bool{}
	out := make([]indexer.File, 0, len(files))
	for _, f := range files {
		name := freeName(f.Name, taken)
		out = append(out, indexer.File{Key: dir + name, Name: name, Data: f.Data})
	}
	return out
}

// freeName returns name, or name with a number before its extension
// when an earlier file of the upload has it.
func freeName(name string, taken map[string]bool) string {
	base, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		base, ext = name[:i], name[i:]
	}
	for n := 2; taken[name]; n++ {
		name = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
	taken[name] = true
	return name
}

func fileNames(files []uploadedFile) string {
	names := make([]string, 0, len(files))
	for _, f := range files {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// startAudited stores b's job, records e for it in the audit log, and
// only then runs the job: no change goes unaudited.
func (st *Staff) startAudited(b indexer.Batch, e data.AuditEntry) (*data.Job, error) {
	if st.ctx.Err() != nil {
		return nil, errStopping
	}
	job, err := st.Pipeline.StartBatch(b)
	if err != nil {
		return nil, err
	}
	if e.Target == "" {
		e.Target = fmt.Sprintf("job %d", job.ID)
	} else {
		e.Note = strings.TrimSpace(fmt.Sprintf("job %d %s", job.ID, e.Note))
	}
	if _, err := st.Store.AppendAudit(e); err != nil {
		job.Status, job.Error = data.JobFailed, "not started: the audit log could not be written"
		st.Store.SaveJob(job)
		return nil, err
	}
	st.run(job, b)
	return job, nil
}
