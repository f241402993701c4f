package enrich

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"casebook/data"
	"casebook/indexer/records"
)

// reutersPlaces maps the 175 PLACES codes of Reuters-21578
// (all-places-strings.lc.txt) to English country names, which the
// generator then resolves through the gazetteer's countries and aliases.
// Names the gazetteer does not know are dropped from the labels and
// counted in the file's header, as are the codes mapped to "": states
// that split into several (Czechoslovakia, Yugoslavia), whose cities a
// modern gazetteer files under different countries.
//
// Codes of 1987 states map to the country that holds their territory now:
// West and East Germany to Germany, the USSR to Russia (its capital and
// most of its cities in the news), Kampuchea to Cambodia, Burma to
// Myanmar, both Yemens to Yemen, Zaire to the Democratic Republic of the
// Congo.
var reutersPlaces = map[string]string{
	"afghanistan": "Afghanistan", "albania": "Albania", "algeria": "Algeria",
	"american-samoa": "American Samoa", "andorra": "Andorra", "angola": "Angola",
	"anguilla": "Anguilla", "antigua": "Antigua and Barbuda", "argentina": "Argentina",
	"aruba": "Aruba", "australia": "Australia", "austria": "Austria",
	"bahamas": "Bahamas", "bahrain": "Bahrain", "bangladesh": "Bangladesh",
	"barbados": "Barbados", "belgium": "Belgium", "belize": "Belize",
	"benin": "Benin", "bermuda": "Bermuda", "bhutan": "Bhutan",
	"bolivia": "Bolivia", "botswana": "Botswana", "brazil": "Brazil",
	"british-virgin-islands": "British Virgin Islands", "brunei": "Brunei", "bulgaria": "Bulgaria",
	"burkina-faso": "Burkina Faso", "burma": "Myanmar", "burundi": "Burundi",
	"cameroon": "Cameroon", "canada": "Canada", "cape-verde": "Cape Verde",
	"cayman-islands": "Cayman Islands", "central-african-republic": "Central African Republic", "chad": "Chad",
	"chile": "Chile", "china": "China", "colombia": "Colombia",
	"congo": "Republic of the Congo", "costa-rica": "Costa Rica", "cuba": "Cuba",
	"cyprus": "Cyprus", "czechoslovakia": "", "denmark": "Denmark",
	"djibouti": "Djibouti", "dominica": "Dominica", "dominican-republic": "Dominican Republic",
	"east-germany": "Germany", "ecuador": "Ecuador", "egypt": "Egypt",
	"el-salvador": "El Salvador", "equatorial-guinea": "Equatorial Guinea", "ethiopia": "Ethiopia",
	"fiji": "Fiji", "finland": "Finland", "france": "France",
	"french-guiana": "French Guiana", "gabon": "Gabon", "gambia": "Gambia",
	"ghana": "Ghana", "gibraltar": "Gibraltar", "greece": "Greece",
	"grenada": "Grenada", "guadeloupe": "Guadeloupe", "guam": "Guam",
	"guatemala": "Guatemala", "guinea": "Guinea", "guinea-bissau": "Guinea-Bissau",
	"guyana": "Guyana", "haiti": "Haiti", "honduras": "Honduras",
	"hong-kong": "Hong Kong", "hungary": "Hungary", "iceland": "Iceland",
	"india": "India", "indonesia": "Indonesia", "iran": "Iran",
	"iraq": "Iraq", "ireland": "Ireland", "israel": "Israel",
	"italy": "Italy", "ivory-coast": "Ivory Coast", "jamaica": "Jamaica",
	"japan": "Japan", "jordan": "Jordan", "kampuchea": "Cambodia",
	"kenya": "Kenya", "kuwait": "Kuwait", "laos": "Laos",
	"lebanon": "Lebanon", "lesotho": "Lesotho", "liberia": "Liberia",
	"libya": "Libya", "liechtenstein": "Liechtenstein", "luxembourg": "Luxembourg",
	"macao": "Macao", "madagascar": "Madagascar", "malawi": "Malawi",
	"malaysia": "Malaysia", "mali": "Mali", "malta": "Malta",
	"martinique": "Martinique", "mauritania": "Mauritania", "mauritius": "Mauritius",
	"mexico": "Mexico", "monaco": "Monaco", "morocco": "Morocco",
	"mozambique": "Mozambique", "namibia": "Namibia", "nepal": "Nepal",
	"netherlands": "Netherlands", "netherlands-antilles": "Netherlands Antilles", "new-caledonia": "New Caledonia",
	"new-zealand": "New Zealand", "nicaragua": "Nicaragua", "niger": "Niger",
	"nigeria": "Nigeria", "north-korea": "North Korea", "norway": "Norway",
	"oman": "Oman", "pakistan": "Pakistan", "panama": "Panama",
	"papua-new-guinea": "Papua New Guinea", "paraguay": "Paraguay", "peru": "Peru",
	"philippines": "Philippines", "poland": "Poland", "portugal": "Portugal",
	"qatar": "Qatar", "romania": "Romania", "rwanda": "Rwanda",
	"saudi-arabia": "Saudi Arabia", "senegal": "Senegal", "seychelles": "Seychelles",
	"sierra-leone": "Sierra Leone", "singapore": "Singapore", "somalia": "Somalia",
	"south-africa": "South Africa", "south-korea": "South Korea", "spain": "Spain",
	"sri-lanka": "Sri Lanka", "sudan": "Sudan", "suriname": "Suriname",
	"swaziland": "Eswatini", "sweden": "Sweden", "switzerland": "Switzerland",
	"syria": "Syria", "taiwan": "Taiwan", "tanzania": "Tanzania",
	"thailand": "Thailand", "togo": "Togo", "tonga": "Tonga",
	"trinidad-tobago": "Trinidad and Tobago", "tunisia": "Tunisia", "turkey": "Turkey",
	"uae": "United Arab Emirates", "uganda": "Uganda", "uk": "United Kingdom",
	"uruguay": "Uruguay", "us-virgin-islands": "U.S. Virgin Islands", "usa": "United States",
	"ussr": "Russia", "vanuatu": "Vanuatu", "vatican": "Vatican",
	"venezuela": "Venezuela", "vietnam": "Vietnam", "west-germany": "Germany",
	"western-samoa": "Samoa", "yemen-arab-republic": "Yemen", "yemen-demo-republic": "Yemen",
	"yugoslavia": "", "zaire": "Democratic Republic of the Congo", "zambia": "Zambia",
	"zimbabwe": "Zimbabwe",
}

var lewisTest = regexp.MustCompile(`<REUTERS[^>]*LEWISSPLIT="TEST"[^>]*NEWID="(\d+)"`)

// reutersDrops counts the places left out of the Reuters labels.
type reutersDrops struct {
	records, noPlace int
	notCountry       map[string]int // code mapped to "" (a state that split up)
	notInGazetteer   map[string]int // country the gazetteer does not know
}

// reutersLabels labels the LEWISSPLIT="TEST" records of Reuters-21578
// that have a place: their PLACES as countries (reutersPlaces, then the
// gazetteer). The split hashes the path.
func reutersLabels(t *testing.T, e *Enricher) ([]string, []Label) {
	m := reutersMapping(t)
	files, _ := filepath.Glob(corporaDir + "/reuters21578/reut2-*.sgm")
	drops := reutersDrops{notCountry: map[string]int{}, notInGazetteer: map[string]int{}}
	var labels []Label
	for _, f := range files {
		labels = append(labels, reutersFile(t, e, m, f, &drops)...)
	}
	if len(labels) < 1000 {
		t.Fatalf("only %d Reuters test records with a place", len(labels))
	}
	header := []string{
		fmt.Sprintf("Reuters-21578 LEWISSPLIT=TEST records: %d; %d without a place left out; %d labelled.", drops.records, drops.noPlace, len(labels)),
		"Places dropped as not one country today: " + evalCountList(drops.notCountry) + ".",
		"Places dropped as not in the gazetteer's countries: " + evalCountList(drops.notInGazetteer) + ".",
	}
	return header, labels
}

func reutersMapping(t *testing.T) *records.Mapping {
	raw, err := fs.ReadFile(data.Reference, "reference/mappings/reuters21578.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := records.LoadMapping(raw)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func reutersFile(t *testing.T, e *Enricher, m *records.Mapping, file string, drops *reutersDrops) []Label {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	test := map[string]bool{}
	for _, sm := range lewisTest.FindAllSubmatch(raw, -1) {
		test[string(sm[1])] = true
	}
	if len(test) == 0 {
		return nil
	}
	res, err := records.Extract(m, path.Base(file), raw)
	if err != nil {
		t.Fatal(err)
	}
	var labels []Label
	for _, part := range res.Parts {
		if !test[part.Key] {
			continue
		}
		drops.records++
		if len(part.Meta["country"]) == 0 {
			drops.noPlace++
			continue
		}
		p := corporaPath + "/reuters21578/" + filepath.Base(file) + "#" + part.Key
		// PLACES is the label; the year is not: the stories never write
		// 1987, only the DATE field does, and that field is the label's.
		l := Label{Path: p, Countries: reutersCountries(t, e, part.Meta["country"], drops), Split: evalSplit(p)}
		labels = append(labels, l)
	}
	return labels
}

func reutersCountries(t *testing.T, e *Enricher, places []string, drops *reutersDrops) []string {
	out := []string{}
	for _, code := range places {
		name, ok := reutersPlaces[code]
		switch {
		case !ok:
			t.Errorf("Reuters place %q not in reutersPlaces", code)
		case name == "":
			drops.notCountry[code]++
		default:
			if _, canon, ok := e.lookupCountry(name); ok {
				out = evalAppendNew(out, canon)
			} else {
				drops.notInGazetteer[code]++
			}
		}
	}
	return out
}

// evalCountList formats counts as "kuwait 12, iraq 9", most first.
func evalCountList(m map[string]int) string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	total := 0
	var parts []string
	for _, k := range keys {
		total += m[k]
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	if total == 0 {
		return "none"
	}
	return fmt.Sprintf("%d in %d codes (%s)", total, len(keys), strings.Join(parts, ", "))
}
