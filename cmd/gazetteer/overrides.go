package main

// The hand-made part of the gazetteer. Everything else comes from GeoNames.

// cityOverride corrects or adds to what GeoNames says about one city.
type cityOverride struct {
	of       string            // the city meant, checked against GeoNames
	name     string            // canonical English name, when not GeoNames'
	aliases  []string          // hand-curated aliases, kept whatever the filters say
	drop     keySet            // GeoNames aliases to leave out
	negative []string          // phrases in which a name is not the city
	also     map[string]string // names that also mean something else
}

// alwaysInclude are the cities the archive is about (INTERACTION_ASIA.md)
// and a few curated Asian cities under minPopulation, by geonameid.
var alwaysInclude = map[int]string{
	1609350: "Bangkok", 1273294: "Delhi", 1581130: "Hanoi", 1642911: "Jakarta",
	1735161: "Kuala Lumpur", 1701668: "Manila", 1835848: "Seoul", 1880252: "Singapore",
	1668341: "Taipei", 1850147: "Tokyo", 1298824: "Yangon", 1489425: "Tomsk",
	2028462: "Ulaanbaatar", 1816670: "Beijing", 1566083: "Ho Chi Minh City",
	1275339: "Mumbai", 1277333: "Bengaluru",
	// Under 100,000 people, kept from the hand-made gazetteer.
	6697380: "Putrajaya", 1151254: "Phuket", 1655559: "Luang Prabang",
}

// excluded are GeoNames entries merged into another city.
var excluded = map[int]string{
	1261481: "New Delhi: an alias of Delhi",
	// The boroughs of New York City are parts of it, not cities.
	5110302: "Brooklyn", 5133273: "Queens", 5125771: "Manhattan", 5110266: "The Bronx", 5139568: "Staten Island",
}

// cityStates are countries whose name is also the name of their city: the
// shared name is not ambiguous there.
var cityStates = map[string]bool{"SG": true, "HK": true, "MO": true}

// notWords are city names in words.txt that, written with a capital, mean
// the city far more often than the word.
var notWords = keySetOf("Phoenix", "Wellington", "Bologna", "Anchorage")

// otherMeanings are city names that mostly mean something else, or another
// place outside the gazetteer: all names of such a city need context.
var otherMeanings = map[string]string{
	"toyota": "company", "hitachi": "company", "fuji": "mountain",
	"charlotte": "given name", "austin": "given name", "florence": "given name",
	"madison": "given name", "eugene": "given name", "gilbert": "given name",
	"jackson": "surname", "lincoln": "surname", "allen": "surname", "irving": "surname",
	"henderson": "surname", "hamilton": "surname",
	"george": "given name", "nigel": "given name", // George Shultz, Nigel Lawson
	"san": "place", // the start of San Ramon, San Mateo and many more
}

// cityOverrides by geonameid. Names are the ones Casebook has always used
// as facet values; aliases are those GeoNames lacks or the filters drop
// (short forms such as KL, old names, other scripts).
var cityOverrides = map[int]cityOverride{
	1609350: {of: "Bangkok", aliases: []string{"Krung Thep", "Krung Thep Maha Nakhon", "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "バンコク"}},
	1273294: {of: "Delhi", aliases: []string{"New Delhi", "नई दिल्ली", "ニューデリー", "新德里", "뉴델리"}},
	1735161: {of: "", aliases: []string{"KL"}},
	498817:  {of: "Saint Petersburg", aliases: []string{"St. Petersburg", "St Petersburg"}},
	1298824: {of: "Yangon", aliases: []string{"Rangoon"}},
	1566083: {of: "Ho Chi Minh City", aliases: []string{"Saigon", "HCMC", "Hồ Chí Minh City", "西贡", "西貢"}},
	1275339: {of: "Mumbai", aliases: []string{"Bombay"}},
	1277333: {of: "Bengaluru", aliases: []string{"Bangalore", "ベンガルール"}},
	1816670: {of: "Beijing", aliases: []string{"Peking", "ペキン"}},
	5128581: {of: "New York City", aliases: []string{"New York", "NYC", "纽约"}, negative: []string{"New York Times", "New York State"}, also: map[string]string{"New York": meansState}},
	3530597: {of: "Mexico City", aliases: []string{"CDMX"}},
	// Valencia (Spain), not Valencia, Venezuela
	2509954: {of: "Valencia", name: "Valencia", aliases: []string{"バレンシア"}},
	// Victoria (British Columbia), not Victoria, Hong Kong
	6174041: {of: "Victoria", name: "Victoria"},
	1701668: {of: "Manila", aliases: []string{"Metro Manila", "Metropolitan Manila"}, negative: []string{"Manila envelope", "Manila paper", "Manila hemp"}},
	1880252: {of: "Singapore", aliases: []string{"สิงคโปร์"}},
	1668341: {of: "Taipei", aliases: []string{"Taipei City", "臺北", "タイペイ"}, negative: []string{"Chinese Taipei", "中華台北", "中華臺北"}},
	1850147: {of: "Tokyo", aliases: []string{"Tokyo Metropolis", "とうきょう"}},
	2028462: {of: "Ulaanbaatar", name: "Ulaanbaatar", aliases: []string{"Ulan Bator", "Ulan Bator City", "烏蘭巴托"}},
	1853909: {of: "Osaka", aliases: []string{"오사카"}},
	1848354: {of: "Yokohama", aliases: []string{"横滨", "요코하마"}},
	1856057: {of: "Nagoya", aliases: []string{"나고야"}},
	1857910: {of: "Kyoto", aliases: []string{"교토"}, negative: []string{"Kyoto Protocol", "京都議定書"}},
	1859171: {of: "Kobe", aliases: []string{"고베"}, negative: []string{"Kobe beef", "Kobe Bryant"}},
	1863967: {of: "Fukuoka", aliases: []string{"후쿠오카"}},
	2128295: {of: "Sapporo", aliases: []string{"삿포로"}},
	2111149: {of: "Sendai", aliases: []string{"센다이"}, negative: []string{"Sendai Framework", "仙台防災枠組"}},
	1796236: {of: "Shanghai", aliases: []string{"シャンハイ"}},
	1819729: {of: "Hong Kong", aliases: []string{"ホンコン"}},
	1795565: {of: "Shenzhen", aliases: []string{"深セン", "シンセン"}},
	1838524: {of: "Busan", aliases: []string{"プサン"}},
	1843564: {of: "Incheon", aliases: []string{"仁川", "インチョン"}},
	1673820: {of: "Kaohsiung", aliases: []string{"カオシュン"}},
	1248991: {of: "Colombo", negative: []string{"Colombo Plan"}},
	1821306: {of: "Phnom Penh", aliases: []string{"金邊"}},
	1651944: {of: "Vientiane", aliases: []string{"ビエンチャン"}},
	1717512: {of: "Cebu City", aliases: []string{"セブ市"}},
	1715348: {of: "Davao City", name: "Davao City"},
	1692192: {of: "Quezon City", aliases: []string{"ケソン市"}},
	1735106: {of: "Penang", name: "Penang", aliases: []string{"Penang Island", "Pulau Pinang", "ペナン", "槟城", "檳城"}},
	1153671: {of: "Chiang Mai", aliases: []string{"チェンマイ"}},
	1512569: {of: "Tashkent", aliases: []string{"タシケント"}},
	1496747: {of: "Novosibirsk", aliases: []string{"ノボシビルスク"}},
	745044:  {of: "Istanbul", negative: []string{"Istanbul Convention"}},
	2988507: {of: "Paris", negative: []string{"Paris Agreement", "Paris Accord", "Paris Climate Agreement", "パリ協定"}},
	2761369: {of: "Vienna", aliases: []string{"维也纳"}, negative: []string{"Vienna Convention"}},
	3169070: {of: "Rome", aliases: []string{"罗马"}, negative: []string{"Club of Rome", "Treaty of Rome", "ローマ字"}},
	2673730: {of: "Stockholm", negative: []string{"Stockholm Convention"}},
	6077243: {of: "Montreal", name: "Montreal", negative: []string{"Montreal Protocol"}},
	1790630: {of: "Xi'an", name: "Xi'an"},
	1862415: {of: "Hiroshima", aliases: []string{"히로시마"}},
	6940394: {of: "Saitama", aliases: []string{"さいたま市"}},
	1859642: {of: "Kawasaki", negative: []string{"Kawasaki Heavy Industries", "Kawasaki disease"}},
	1668399: {of: "Taichung", aliases: []string{"臺中"}},
	1580240: {of: "Hue", name: "Hue"},
	1586203: {of: "Can Tho", name: "Can Tho"},
	1151254: {of: "Phuket", aliases: []string{"プーケット"}},
	6697380: {of: "Putrajaya", aliases: []string{"プトラジャヤ"}},
	1311874: {of: "Mandalay", aliases: []string{"မန္တလေး"}},
	6611854: {of: "Naypyidaw", name: "Naypyidaw", aliases: []string{"ネピドー"}},
	1655559: {of: "Luang Prabang", aliases: []string{"ルアンパバーン"}},
	1703417: {of: "Makati", name: "Makati", aliases: []string{"マカティ"}},
	1621177: {of: "Yogyakarta", aliases: []string{"Jogja", "ジョグジャカルタ"}},
	1279233: {of: "Ahmedabad", aliases: []string{"アーメダバード"}},
	292968:  {of: "Abu Dhabi", aliases: []string{"أبو ظبي"}},
	290030:  {of: "Doha", negative: []string{"Doha Round", "Doha Development Round"}},
	2267057: {of: "Lisbon", negative: []string{"Lisbon Treaty", "Treaty of Lisbon"}},
	2803138: {of: "Antwerp", name: "Antwerp"},
	2657896: {of: "Zurich", name: "Zurich"},
	2964574: {of: "Dublin", negative: []string{"Dublin Core"}},
	4140963: {of: "Washington, D.C.", name: "Washington, D.C.", aliases: []string{"ワシントンD.C."}},
	4930956: {of: "Boston", negative: []string{"Boston Consulting Group"}},
	3871336: {of: "Santiago", also: map[string]string{"Santiago": meansPlace}}, // not only Santiago de Chile
}

// countryOverride corrects or adds to what GeoNames says about a country.
type countryOverride struct {
	name    string
	aliases []string
	drop    keySet // translations to leave out
}

var countryOverrides = map[string]countryOverride{
	"AE": {aliases: []string{"UAE"}},
	"AF": {aliases: []string{"アフガニスタン"}},
	"AR": {aliases: []string{"アルゼンチン"}},
	"AT": {aliases: []string{"Österreich", "オーストリア"}},
	"AU": {aliases: []string{"豪州", "澳大利亚"}},
	"BD": {aliases: []string{"バングラデシュ"}},
	"BE": {aliases: []string{"België", "Belgique", "ベルギー"}},
	"BN": {aliases: []string{"汶萊"}},
	"BR": {aliases: []string{"ブラジル"}},
	"BT": {aliases: []string{"ブータン"}},
	"CH": {aliases: []string{"Schweiz", "Suisse", "スイス"}},
	"CN": {aliases: []string{"PRC", "中国", "中华人民共和国", "중국"}},
	"CO": {aliases: []string{"コロンビア", "哥伦比亚"}},
	"DE": {aliases: []string{"Deutschland", "ドイツ", "德国", "德國"}},
	"DK": {aliases: []string{"Danmark", "デンマーク"}},
	"EG": {aliases: []string{"エジプト", "مصر"}},
	"ES": {aliases: []string{"España"}},
	"FI": {aliases: []string{"Suomi", "フィンランド"}},
	"FR": {aliases: []string{"フランス", "法國"}},
	"GB": {aliases: []string{"UK", "Britain", "Great Britain", "England", "イギリス"}},
	"HK": {aliases: []string{"Hong Kong SAR", "香港特別行政区", "香港特别行政区"}},
	"ID": {aliases: []string{"インドネシア", "印度尼西亞"}},
	"IE": {aliases: []string{"Éire"}},
	"IN": {aliases: []string{"Republic of India", "Bharat", "भारत"}},
	"IR": {aliases: []string{"Islamic Republic of Iran", "イラン"}},
	"IT": {aliases: []string{"イタリア"}},
	"JP": {aliases: []string{"Nippon", "Nihon", "日本国"}},
	"KE": {aliases: []string{"ケニア"}},
	"KG": {aliases: []string{"キルギス", "Кыргызстан"}},
	"KH": {aliases: []string{"Kampuchea", "カンボジア"}},
	"KP": {aliases: []string{"DPRK", "Democratic People's Republic of Korea", "北朝鮮", "朝鮮民主主義人民共和国", "북한", "朝鲜"}},
	"KR": {aliases: []string{"Korea", "Republic of Korea", "Korea, Republic of", "ROK", "大韓民国", "한국", "대한민국"}},
	"KZ": {aliases: []string{"Qazaqstan", "カザフスタン", "Қазақстан", "Казахстан"}},
	"LA": {aliases: []string{"Lao People's Democratic Republic", "寮國"}},
	"LK": {aliases: []string{"Ceylon", "スリランカ"}},
	"MM": {aliases: []string{"Burma", "ミャンマー", "ビルマ", "緬甸", "မြန်မာ"}},
	"MN": {aliases: []string{"モンゴル", "Монгол Улс"}},
	"MO": {aliases: []string{"Macau", "Macao SAR", "澳門"}},
	"MX": {aliases: []string{"México", "メキシコ"}},
	"MY": {aliases: []string{"馬來西亞"}},
	"NG": {aliases: []string{"ナイジェリア", "尼日利亚"}},
	"NL": {name: "Netherlands", aliases: []string{"Holland", "オランダ", "荷蘭"}},
	"NO": {aliases: []string{"Norge", "ノルウェー"}},
	"NP": {aliases: []string{"ネパール"}},
	"NZ": {aliases: []string{"Aotearoa"}},
	"PE": {aliases: []string{"Perú", "ペルー"}},
	"PH": {aliases: []string{"Pilipinas", "フィリピン", "菲律賓"}},
	"PK": {aliases: []string{"パキスタン"}},
	"PT": {aliases: []string{"ポルトガル"}},
	"QA": {aliases: []string{"قطر"}},
	"RU": {aliases: []string{"Россия", "俄羅斯"}},
	"RW": {aliases: []string{"ルワンダ"}},
	"SA": {aliases: []string{"サウジアラビア"}},
	"SE": {aliases: []string{"Sverige", "スウェーデン"}},
	"SG": {aliases: []string{"シンガポール共和国"}},
	"TH": {aliases: []string{"Siam", "ประเทศไทย", "泰國", "태국"}},
	"TJ": {aliases: []string{"タジキスタン", "Таджикистан"}},
	"TL": {name: "Timor-Leste", aliases: []string{"East Timor", "東ティモール"}},
	"TM": {aliases: []string{"Туркменистан"}},
	"TR": {aliases: []string{"Turkiye", "トルコ"}},
	"TW": {aliases: []string{"Chinese Taipei", "臺灣", "中華台北", "대만"}},
	"US": {aliases: []string{"United States of America", "USA", "US", "U.S.", "U.S.A.", "アメリカ合衆国", "米国"}},
	"UZ": {aliases: []string{"O'zbekiston", "ウズベキスタン", "Узбекистан"}},
	"VN": {aliases: []string{"Viet Nam", "Việt Nam"}},
	"ZA": {aliases: []string{"南アフリカ"}},
}

func keySetOf(names ...string) keySet {
	ks := keySet{}
	ks.add(names...)
	return ks
}
