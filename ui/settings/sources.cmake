# Sources of ui/settings (Investigate › Model Settings…), added to rootline_ui by
# ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  settings/connection_test.cpp
  settings/provider_page.cpp
  settings/provider_settings_dialog.cpp
)
