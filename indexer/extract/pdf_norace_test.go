//go:build !race

package extract

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
