package webhook

import (
	"time"

	"github.com/accord-coalition/accord/internal/retry"
)

// GiveUpAfter is how long after its event a failing delivery is still
// retried: more than a day, so an outage over a weekend day is caught.
const GiveUpAfter = 25 * time.Hour

// retrySchedule is the wait after a failed attempt: a receiver that is
// down gets every event once it is back, however long that takes within a
// day (docs/api.md, Webhooks). It doubles from 30 seconds (the first retry
// comes within a minute) up to four hours; with GiveUpAfter that is about
// fifteen attempts.
var retrySchedule = retry.Schedule{First: 30 * time.Second, Max: 4 * time.Hour}
