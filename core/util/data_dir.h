#pragma once
// Where Rootline keeps the user's files: $XDG_DATA_HOME/Rootline/rootline/ when it is an absolute
// path (the XDG spec ignores relative ones), else ~/.local/share/Rootline/rootline/. One place,
// so the token vault, the history and whatever comes next agree with the app's QStandardPaths.

#include <string>
#include <string_view>

namespace rootline {

// The path of `name` in that folder; empty when neither $XDG_DATA_HOME nor $HOME is usable.
std::string userDataFile(std::string_view name);
// The same for settings: $XDG_CONFIG_HOME/Rootline/rootline/, else ~/.config/Rootline/rootline/.
std::string userConfigFile(std::string_view name);

}  // namespace rootline
