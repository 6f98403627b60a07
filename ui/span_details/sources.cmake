# Sources of ui/span_details, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
)
