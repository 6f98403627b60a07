# Sources of ui/agent, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  agent/agent_steps_model.cpp
  agent/agent_panel.cpp
)
