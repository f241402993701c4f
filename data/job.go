package data

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Job states.
const (
	JobRunning = "running"
	JobDone    = "done"   // finished; some files may have failed
	JobFailed  = "failed" // stopped before finishing
)

// Job is the record of one ingest run.
type Job struct {
	ID         uint64        `json:"id"`
	Status     string        `json:"status"`
	Paths      []string      `json:"paths"`
	Started    time.Time     `json:"started"`
	Finished   time.Time     `json:"finished,omitzero"`
	Total      int           `json:"total,omitempty"` // files to read, when known at the start
	Seen       int           `json:"seen"`
	Added      int           `json:"added"`
	Updated    int           `json:"updated"`
	Unchanged  int           `json:"unchanged"`
	Duplicates int           `json:"duplicates"` // files whose bytes are already stored under another name
	Pruned     int           `json:"pruned"`     // sources removed because their file is gone`
	Failed     int           `json:"failed"`
	Files      []FileOutcome `json:"files,omitempty"`
	Error      string        `json:"error,omitempty"` // why the job stopped, when it did
}

// FileOutcome is what happened to one file of a job.
type FileOutcome struct {
	Path     string   `json:"path"`
	Outcome  string   `json:"outcome"` // an Outcome, or "failed"
	Docs     []string `json:"docs,omitempty"`
	Error    string   `json:"error,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// CreateJob stores a new running job and sets its ID.
func (s *Store) CreateJob(job *Job) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketJobs)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		job.ID, job.Status, job.Started = id, JobRunning, s.Now().UTC()
		return putJob(b, job)
	})
	if err != nil {
		return fmt.Errorf("data.CreateJob: %w", err)
	}
	return nil
}

// SaveJob stores the job's current state.
func (s *Store) SaveJob(job *Job) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return putJob(tx.Bucket(bucketJobs), job)
	})
	if err != nil {
		return fmt.Errorf("data.SaveJob %d: %w", job.ID, err)
	}
	return nil
}

func putJob(b *bbolt.Bucket, job *Job) error {
	v, err := json.Marshal(job)
	if err != nil {
		return err
	}
	return b.Put(itob(job.ID), v)
}

// Job returns the job with id, or an error wrapping ErrNotFound.
func (s *Store) Job(id uint64) (*Job, error) {
	var job Job
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketJobs).Get(itob(id))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &job)
	})
	if err != nil {
		return nil, fmt.Errorf("data.Job %d: %w", id, err)
	}
	return &job, nil
}

// Jobs returns up to limit jobs, newest first.
func (s *Store) Jobs(limit int) ([]*Job, error) {
	var jobs []*Job
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketJobs).Cursor()
		for k, v := c.Last(); k != nil && len(jobs) < limit; k, v = c.Prev() {
			var job Job
			if err := json.Unmarshal(v, &job); err != nil {
				return fmt.Errorf("decoding job %d: %w", btoi(k), err)
			}
			jobs = append(jobs, &job)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Jobs: %w", err)
	}
	return jobs, nil
}
