# Tests of ui/settings (Model Settings…), against a loopback server.
rootline_ui_test(provider_settings_dialog_test)
target_link_libraries(provider_settings_dialog_test PRIVATE rootline_test_support)
