//go:build race

package search

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = true
