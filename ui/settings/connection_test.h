#pragma once
// Model Settings › Test Connection: one real request with the page's values, on a worker. The
// pack is a tiny built-in one (a single failing span), so the test costs a few tokens and
// proves the whole path — URL, key, model name, answer shape — not just that a port is open.

#include <QString>

#include "llm/provider.h"

namespace rootline::ui {

struct ConnectionTestResult {
    bool ok = false;
    QString text;  // "Connected: <model> answered in N ms", or the error line
};

// Blocks: worker threads only.
ConnectionTestResult testConnection(const llm::ProviderSettings& settings);

}  // namespace rootline::ui
