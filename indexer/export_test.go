package indexer

import "casebook/indexer/extract"

// SetExtract replaces extraction, to test the pipeline's limits.
func (p *Pipeline) SetExtract(fn func(name string, raw []byte) (*extract.Result, error)) {
	p.extractFn = fn
}
