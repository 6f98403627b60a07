# Tests of ui/trace_view: rootline_ui_test(name) per suite.
