# Tests of ui/suspects: rootline_ui_test(name) per suite.
rootline_ui_test(suspects_model_test)
rootline_ui_test(suspects_runner_test)
rootline_ui_test(suspects_panel_test)
