#pragma once
// At the top of the span details when the span is a ranked suspect: why it is suspected.
//   [2] Suspect #2 — score 7.5
//       +5.0  failed, and none of its synchronous children failed
//       +2.0  an exception …
//       Ranked together with 3 similar spans
// A tinted box with the badge's violet at its left edge, so it reads as the same mark the
// waterfall and the suspects list show. Hidden for any span that is no suspect.

#include <QFrame>
#include <cstdint>

#include "analysis/suspect_ranking.h"

class QLabel;

namespace rootline::ui {

class SuspectSummary : public QFrame {
    Q_OBJECT
public:
    explicit SuspectSummary(QWidget* parent = nullptr);

    // Shows why `span` is suspected, or hides the box when `ranking` is null or the span is no
    // suspect.
    void showSpan(const Ranking* ranking, uint32_t span);
    void clear();

    // For tests: the texts as shown.
    QString title() const;
    QString reasons() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* title_;
    QLabel* reasons_;
};

}  // namespace rootline::ui
