# Tests of ui/signals (logs panel, metric charts), against loopback Loki and Prometheus servers.
rootline_ui_test(signals_panels_test)
target_link_libraries(signals_panels_test PRIVATE Qt6::Charts)
rootline_ui_test(signals_window_test)
target_link_libraries(signals_window_test PRIVATE rootline_test_support Qt6::Charts)
