//go:build !race

package search

// relevanceRace reports whether the race detector is on: the relevance
// evaluation then scores a sample of the queries and fewer runs.
const relevanceRace = false
