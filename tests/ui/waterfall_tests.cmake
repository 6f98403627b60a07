# Tests of ui/waterfall: rootline_ui_test(name) per suite.
