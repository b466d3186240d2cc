//go:build race

package app_test

// raceDetector reports whether the tests run with -race, under which the
// sweep's tens of thousands of requests outlast the test timeout.
const raceDetector = true
