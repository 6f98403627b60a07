# Tests of ui/remote (connections, search panel, open trace id), against loopback servers.
rootline_ui_test(connections_dialog_test)
target_link_libraries(connections_dialog_test PRIVATE rootline_test_support)
rootline_ui_test(remote_search_test)
target_link_libraries(remote_search_test PRIVATE rootline_test_support Qt6::Charts)
