#pragma once
// The first line of a trace tab, like Jaeger's trace page header but compact: the root's
// service and operation in large type with the short trace id beside it, and below, the facts —
// start, duration, services, depth, spans — then the error and warning counts, which are
// buttons: an error count jumps to the first error, a warning count opens the warnings.
//
// Two lines at 1366 px; in a narrower window the title is cut with "…" and the facts wrap.

#include <QWidget>

#include "analysis/trace_summary.h"
#include "model/trace.h"

class QLabel;
class QToolButton;

namespace rootline::ui {

class ElidedLabel;

class TraceHeader : public QWidget {
    Q_OBJECT
public:
    explicit TraceHeader(QWidget* parent = nullptr);

    void setTrace(const Trace& trace, const TraceSummary& summary);
    QString text() const;  // all shown facts as one plain string, for tests

    // What the trace id label shows: Jaeger's first 7 hex digits, or an opaque id cut short.
    static QString shortTraceId(const QString& traceId);

signals:
    void warningsClicked();  // the user clicked the warnings count
    void errorsClicked();  // the user clicked the error count (the window jumps to the first error)

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Fact {
        QWidget* box = nullptr;
        QLabel* caption = nullptr;
        QLabel* value = nullptr;
    };
    Fact addFact(QWidget* parent, const char* name, const QString& caption);
    void copyTraceId();
    void colourErrors();

    QString fullTraceId_;
    ElidedLabel* title_;
    QLabel* traceId_;
    Fact start_, duration_, services_, depth_, spans_, roots_;
    QToolButton* errors_;
    QToolButton* warnings_;
    size_t errorCount_ = 0;
};

}  // namespace rootline::ui
