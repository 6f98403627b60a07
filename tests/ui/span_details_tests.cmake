# Tests of ui/span_details: rootline_ui_test(name) per suite.
