package notify

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	sentTotal = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "accord_outbox_sent_total",
		Help: "Messages accepted by the SMTP server.",
	})
	loggedTotal = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "accord_outbox_logged_total",
		Help: "Messages logged instead of mailed (no SMTP server configured).",
	})
	failedTotal = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "accord_outbox_failed_total",
		Help: "Failed delivery attempts; final=\"true\" when the message was given up.",
	}, []string{"final"})
	pendingGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "accord_outbox_pending",
		Help: "Messages waiting to be sent, as of the worker's last pass.",
	})
)

// Collectors lists the outbox metrics, for a registry other than the
// default one.
func Collectors() []prometheus.Collector {
	return []prometheus.Collector{sentTotal, loggedTotal, failedTotal, pendingGauge}
}

// RegisterMetrics registers the outbox metrics with reg. Registering twice
// is not an error, so every test and every server start may call it.
func RegisterMetrics(reg prometheus.Registerer) error {
	for _, c := range Collectors() {
		if err := reg.Register(c); err != nil {
			var already prometheus.AlreadyRegisteredError
			if !errors.As(err, &already) {
				return err
			}
		}
	}
	return nil
}

func init() {
	// The default registry is what /metrics serves unless told otherwise.
	_ = RegisterMetrics(prometheus.DefaultRegisterer)
}
