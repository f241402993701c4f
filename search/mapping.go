package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion names the index layout. A stored index with another
// version is rebuilt from the store.
//
//	1: title/summary/headings/body text with the "casebook" analyzer;
//	   keyword facets; numeric year; stored display fields.
//	2: body as one value per page for paged originals; region facet.
//	3: accents folded off Latin letters (communique finds communiqué).
//	4: stored field lengths and their totals, for BM25 with the true
//	   average field length; that BM25 is the default scoring.
//	5: visibility keyword (public, internal).
const MappingVersion = "5"

// Scoring models of text, chosen per index with SetScoring. Measured on
// Cranfield and a mixed-length set (relevance_run_test.go).
const (
	// ScoringTFIDF is bleve's default: √tf·idf²/√length.
	ScoringTFIDF = "tf-idf"
	// ScoringBleveBM25 is bleve's BM25, whose average field length is
	// the size of the field's term dictionaries over the document count:
	// a fraction of the true one, so long documents are punished.
	ScoringBleveBM25 = "bleve-bm25"
	// ScoringBM25 is bleve's BM25 given the true average field length.
	ScoringBM25 = "bm25"
)

// DefaultScoring is the model of an index nobody chose one for.
const DefaultScoring = ScoringBM25

var scoringModels = []string{ScoringTFIDF, ScoringBleveBM25, ScoringBM25}

// textAnalyzer is the analyzer of every text field and of query words.
const textAnalyzer = "casebook"

// Index field names.
const (
	fieldTitle     = "title"
	fieldSummary   = "summary"
	fieldHeadings  = "headings"
	fieldBody      = "body"
	fieldYear      = "year"   // numeric, for ranges and sorting
	fieldYearKey   = "year_k" // keyword, for the year facet
	fieldTitleSort = "title_sort"
	fieldSource    = "source"
	fieldLead      = "lead" // stored only: the snippet when nothing is highlighted
)

// facetField maps a facet name to the keyword field that holds it.
var facetField = map[string]string{
	FacetCity:    "city",
	FacetCountry: "country",
	FacetRegion:  "region",
	FacetTheme:   "theme",
	FacetYear:    fieldYearKey,
	FacetKind:    "kind",
	FacetLang:    "lang",
}

// NewMapping returns the explicit index mapping: nothing dynamic, nothing
// in _all, stored values and term vectors only where results need them.
func NewMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := addAnalysis(im); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = textAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldTitle, textField(true, true))
	dm.AddFieldMappingsAt(fieldSummary, textField(false, false))
	dm.AddFieldMappingsAt(fieldHeadings, textField(false, false))
	dm.AddFieldMappingsAt(fieldBody, textField(true, true))
	for _, f := range facetField {
		dm.AddFieldMappingsAt(f, keywordField(true))
	}
	dm.AddFieldMappingsAt(fieldTitleSort, keywordField(false))
	dm.AddFieldMappingsAt(fieldVisibility, keywordField(false))
	year := bleve.NewNumericFieldMapping()
	year.Store = true
	year.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldYear, year)
	dm.AddFieldMappingsAt(fieldSource, storedOnly())
	dm.AddFieldMappingsAt(fieldLead, storedOnly())
	dm.AddFieldMappingsAt(fieldLengths, storedOnly())
	im.DefaultMapping = dm
	return im, nil
}

// addAnalysis defines the text analyzer: Unicode words, NFKC (so ＣＯ２
// finds CO2), CJK width folding and bigrams, lower case, accents off
// Latin letters, English
// possessives, stop words and Porter stemming.
func addAnalysis(im *mapping.IndexMappingImpl) error {
	return im.AddCustomAnalyzer(textAnalyzer, map[string]any{
		"type":         custom.Name,
		"char_filters": []string{nfkcName},
		"tokenizer":    unicode.Name,
		"token_filters": []string{
			cjk.WidthName, lowercase.Name, foldName, en.PossessiveName,
			en.StopName, cjk.BigramName, porter.Name,
		},
	})
}

func textField(store, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = textAnalyzer
	f.Store = store
	f.IncludeTermVectors = vectors
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true
	return f
}

func storedOnly() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}
