# Sources of ui/trace_view, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
)
