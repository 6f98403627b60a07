# Sources of ui/remote (traces from Jaeger and Tempo: connections, search, open by id), added to
# rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  remote/connection_list_model.cpp
  remote/connection_probe.cpp
  remote/connections_dialog.cpp
  remote/connections_dialog_signals.cpp
  remote/remote_fetch.cpp
  remote/search_results_model.cpp
  remote/results_plot.cpp
  remote/search_panel.cpp
  remote/open_trace_dialog.cpp
)
