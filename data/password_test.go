package data_test

import (
	"fmt"
	"testing"

	"casebook/data"
)

// BenchmarkAuthenticate measures one login (one bcrypt comparison) at
// costs around DefaultBcryptCost, and for a name that does not exist,
// which should take as long. Its figures are in DefaultBcryptCost's
// comment. Run: go test -run - -bench Authenticate ./data/
func BenchmarkAuthenticate(b *testing.B) {
	for _, cost := range []int{data.DefaultBcryptCost - 1, data.DefaultBcryptCost, data.DefaultBcryptCost + 1} {
		for _, name := range []string{"ann", "nobody"} {
			b.Run(fmt.Sprintf("cost=%d/%s", cost, name), func(b *testing.B) {
				benchmarkAuthenticate(b, cost, name)
			})
		}
	}
}

func benchmarkAuthenticate(b *testing.B, cost int, name string) {
	s := mustOpen(b)
	s.BcryptCost = cost
	if _, err := s.AddUser(data.ActorCLI, "ann", data.RoleReader, "correct horse battery"); err != nil {
		b.Fatal(err)
	}
	s.Authenticate("nobody", "") // makes the dummy hash outside the timing
	for b.Loop() {
		_, err := s.Authenticate(name, "correct horse battery")
		if (err == nil) != (name == "ann") {
			b.Fatal(err)
		}
	}
}
