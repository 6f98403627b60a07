#pragma once
// Find in the trace window: a query line, how many spans match ("3 of 17"), previous/next, and
// a Filter toggle that hides the spans that do not match.
//
// Typing is debounced (150 ms; Enter searches at once) and the search runs on a worker through
// SpanSearchRunner, newest query wins. The find bar only reports matches; the waterfall owns the
// current match and the filtering and tells the bar what to show (setCurrentMatch,
// setHiddenCounts).

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/trace.h"
#include "view/span_search.h"

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace rootline::ui {

class SpanSearchRunner;

class FindBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;
    // A search that ends sooner than this never shows "Searching…", so fast searches do not
    // make the count flicker.
    static constexpr int kBusyHintDelayMs = 80;

    explicit FindBar(QWidget* parent = nullptr);
    ~FindBar() override;

    // Another trace drops the results (matchesChanged(nullptr, 0)) and searches it for the same
    // query; the same trace again changes nothing.
    void setTrace(std::shared_ptr<const Trace> trace);
    void activate();  // focus the line edit and select its text (Ctrl+F)
    QString query() const;
    bool filterMode() const;
    // The waterfall tells which match is current (1-based; 0 = none) — shown as "3 of 17".
    void setCurrentMatch(int oneBased);
    // What the waterfall's filters hide: "1,204 spans hidden (3 errors)".
    void setHiddenCounts(quint32 spans, quint32 errors);
    bool isSearching() const;
    // Empties the query and drops the results (matchesChanged(nullptr, 0)), as Esc does in the
    // line edit; for Esc pressed in the waterfall.
    void clear() { clearQuery(); }

signals:
    // New results: one byte per span (1 = matches), or null when the query is empty.
    void matchesChanged(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count);
    void nextRequested();      // Enter / F3 / the ↓ button
    void previousRequested();  // Shift+Enter / Shift+F3 / the ↑ button
    void filterModeChanged(bool on);
    void cleared();  // Esc: query cleared and focus should return to the waterfall

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum class Step { None, Next, Previous };

    void createShortcuts();
    void searchNow();
    void publish(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count);
    void requestStep(Step step);
    void emitStep(Step step);
    void clearQuery();
    void updateCount();
    void updateHidden();

    std::shared_ptr<const Trace> trace_;
    SpanSearchRunner* runner_;
    QTimer* debounce_;
    QTimer* busyHint_;

    // What the shown results (or the running search) are for; a query that parses to the same
    // terms (a trailing space) is not searched again.
    std::vector<SearchTerm> searchedTerms_;
    std::shared_ptr<const std::vector<uint8_t>> matches_;
    quint32 count_ = 0;
    int current_ = 0;
    quint32 hiddenSpans_ = 0;
    quint32 hiddenErrors_ = 0;
    Step pendingStep_ = Step::None;  // Enter pressed before the results were in

    QLineEdit* edit_;
    QToolButton* clear_;
    QLabel* countLabel_;
    QToolButton* previous_;
    QToolButton* next_;
    QToolButton* filter_;
    QLabel* hidden_;
};

}  // namespace rootline::ui
