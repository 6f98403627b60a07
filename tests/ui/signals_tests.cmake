# Tests of ui/signals (logs panel, metric charts), against loopback Loki and Prometheus servers.
