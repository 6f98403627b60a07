# Sources of ui/waterfall, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
)
