# Tests of ui/span_details: rootline_ui_test(name) per suite.
rootline_ui_test(span_details_models_test)
rootline_ui_test(span_details_panel_test)
