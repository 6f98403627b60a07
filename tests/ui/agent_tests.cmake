# Tests of ui/agent (the Agent tab of a trace of an AI agent's run).
rootline_ui_test(agent_view_test)
