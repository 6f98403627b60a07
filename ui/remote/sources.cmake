# Sources of ui/remote (traces from Jaeger and Tempo: connections, search, open by id), added to
# rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  remote/connections_dialog.cpp
)
