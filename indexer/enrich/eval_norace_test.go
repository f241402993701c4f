//go:build !race

package enrich

// evalRace reports whether the race detector is on: the real-data
// evaluation then samples the larger sets.
const evalRace = false
