# Sources of ui/tracepack (File › Export Tracepack…), added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  tracepack/tracepack_export_runner.cpp
  tracepack/tracepack_export_dialog.cpp
)
