package main

import "strings"

// m49 lists the countries of each UN M49 sub-region (the ISO codes GeoNames
// uses; Kosovo, XK, is placed with its neighbours).
var m49 = map[string]string{
	"Northern Africa":           "DZ EG EH LY MA SD TN",
	"Eastern Africa":            "BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW",
	"Middle Africa":             "AO CD CF CG CM GA GQ ST TD",
	"Southern Africa":           "BW LS NA SZ ZA",
	"Western Africa":            "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
	"Caribbean":                 "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
	"Central America":           "BZ CR GT HN MX NI PA SV",
	"South America":             "AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE",
	"Northern America":          "BM CA GL PM US",
	"Central Asia":              "KG KZ TJ TM UZ",
	"Eastern Asia":              "CN HK JP KP KR MN MO TW",
	"South-Eastern Asia":        "BN ID KH LA MM MY PH SG TH TL VN",
	"Southern Asia":             "AF BD BT IN IR LK MV NP PK",
	"Western Asia":              "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE",
	"Eastern Europe":            "BG BY CZ HU MD PL RO RU SK UA",
	"Northern Europe":           "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ",
	"Southern Europe":           "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA XK",
	"Western Europe":            "AT BE CH DE FR LI LU MC NL",
	"Australia and New Zealand": "AU CC CX HM NF NZ",
	"Melanesia":                 "FJ NC PG SB VU",
	"Micronesia":                "FM GU KI MH MP NR PW UM",
	"Polynesia":                 "AS CK NU PF PN TK TO TV WF WS",
}

// regionOf maps each sub-region to its continent-level region; the
// Americas are split into North America (with Central America and the
// Caribbean) and South America.
func regionOf(subregion string) string {
	switch {
	case strings.HasSuffix(subregion, "Africa"):
		return "Africa"
	case strings.HasSuffix(subregion, "Asia"):
		return "Asia"
	case strings.HasSuffix(subregion, "Europe"):
		return "Europe"
	case subregion == "South America":
		return "South America"
	case subregion == "Caribbean" || subregion == "Central America" || subregion == "Northern America":
		return "North America"
	}
	return "Oceania"
}

// subregions returns the sub-region of every country code in m49.
func subregions() map[string]string {
	out := map[string]string{}
	for sub, codes := range m49 {
		for _, c := range strings.Fields(codes) {
			out[c] = sub
		}
	}
	return out
}

// siberiaFrom is the longitude east of which Russian cities are placed in
// Asia, sub-region "Northern Asia" (M49 puts all of Russia in Eastern
// Europe; the Urals are close to 60°E).
const siberiaFrom = 60.0

// cityRegion returns the region and sub-region of a city.
func cityRegion(country string, lon float64, subs map[string]string) (region, sub string) {
	if country == "RU" && lon >= siberiaFrom {
		return "Asia", "Northern Asia"
	}
	sub = subs[country]
	return regionOf(sub), sub
}
