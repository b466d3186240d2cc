//go:build race

package export

// raceDetector reports whether the tests run with -race, which multiplies
// allocations and so voids allocation budgets.
const raceDetector = true
