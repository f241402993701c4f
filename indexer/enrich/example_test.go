package enrich_test

import (
	"fmt"

	"casebook/data"
	"casebook/indexer/enrich"
)

func ExampleEnricher_Enrich() {
	e, err := enrich.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := data.Document{
		Title:  "(2) From Hanoi: a recycling drive",
		Body:   "Hanoi started recycling in 12 districts. Engineers trained in Tokyo helped. Recycling rates doubled.",
		Source: "asialetter/english/newsletter/201207/2.html",
	}
	e.Enrich(&doc, nil)
	for _, t := range doc.Tags {
		fmt.Printf("%s: %s (%s)\n", t.Facet, t.Value, t.Evidence)
	}
	fmt.Println(doc.Year, doc.Date, doc.Lang)
	// Output:
	// city: Hanoi (title: "(2) From Hanoi: a recycling drive"; body: Hanoi x1)
	// country: Vietnam (city Hanoi)
	// region: South-Eastern Asia (country Vietnam)
	// theme: Waste and recycling (title: recycling x1; body: recycling x2)
	// year: 2012 (source path "201207")
	// 2012 2012-07 en
}

func ExampleEnricher_City() {
	e, err := enrich.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"Rangoon", "ヤンゴン", "saigon", "Ulan-Bator"} {
		c, ok := e.City(name)
		fmt.Println(name, "->", c.Name, c.Country, ok)
	}
	// Output:
	// Rangoon -> Yangon MM true
	// ヤンゴン -> Yangon MM true
	// saigon -> Ho Chi Minh City VN true
	// Ulan-Bator -> Ulaanbaatar MN true
}
