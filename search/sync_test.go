package search_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

func TestApplyResumesAfterReopen(t *testing.T) {
	dir := t.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	path := filepath.Join(dir, "index")
	ix, err := search.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.PutDocument(newDoc(0), []byte("a"))
	st.PutDocument(newDoc(1), []byte("b"))
	if n, err := ix.Apply(st); n != 2 || err != nil {
		t.Fatalf("first apply: %d, %v", n, err)
	}
	ix.Close()

	// Written while the index is closed: replayed on reopen, once.
	st.PutDocument(newDoc(2), []byte("c"))
	st.DeleteDocument(newDoc(0).ID)
	ix, err = search.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.Apply(st); n != 2 || err != nil {
		t.Fatalf("replay: %d, %v", n, err)
	}
	if n, _ := ix.Apply(st); n != 0 {
		t.Errorf("second replay applied %d", n)
	}
	if c, _ := ix.Count(); c != 2 {
		t.Errorf("index count %d, want 2", c)
	}
	seq, _ := st.LastSeq()
	if got, _ := ix.Applied(); got != seq {
		t.Errorf("applied %d, store at %d", got, seq)
	}
}

func TestRebuild(t *testing.T) {
	ix, st := mustIndex(t)
	n, err := ix.Rebuild(st)
	if err != nil || n != len(fixture) {
		t.Fatalf("rebuild: %d, %v", n, err)
	}
	if c, _ := ix.Count(); int(c) != len(fixture) {
		t.Errorf("count %d", c)
	}
	if n, _ := ix.Apply(st); n != 0 {
		t.Errorf("apply after rebuild re-applied %d", n)
	}
}

func TestSyncerFollowsStore(t *testing.T) {
	ix, st := mustIndex(t)
	s := search.NewSyncer(ix, st)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	d := &data.Document{ID: "late", Title: "Late arrival on monsoon drainage", Body: "monsoon", Kind: data.KindReport, Source: "late"}
	st.PutDocument(d, []byte("late"))
	s.Notify()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		res, _ := ix.Search(context.Background(), search.Request{Query: "monsoon"})
		if res != nil && res.Total == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	res, err := ix.Search(context.Background(), search.Request{Query: "monsoon"})
	if err != nil || res.Total != 1 {
		t.Fatalf("syncer did not index the new document: %v %v", res, err)
	}
}
