#pragma once
// The user's ranking weights: `ranking-weights.json` in the app's config folder
// (~/.config/Rootline/rootline/ on Linux), overriding any subset of the defaults
// (core/analysis/ranking_weights.h, docs/ranking.md). No file is the normal case.

#include <QString>

#include "analysis/ranking_weights.h"

namespace rootline::ui {

// Where the file is looked for. Computing the path touches no disk.
QString rankingWeightsPath();

// The weights from the file at `path`, or the defaults when there is no file. A file that
// cannot be read or is not valid gives the defaults and a one-line message in `error`
// ("…/ranking-weights.json: unknown key 'foo'"). Reads the disk: call it off the GUI thread.
RankingWeights loadRankingWeights(const QString& path, QString& error);

}  // namespace rootline::ui
