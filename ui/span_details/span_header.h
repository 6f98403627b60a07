#pragma once
// The top of the span details: what the span is and how it went, in a few wrapped lines —
//   operation name (bold, larger, selectable, cut with "…")
//   ■ service · kind · status (errors in red, with the status message under it)
//   start offset · duration · self time
//   span id · parent id (a link when the parent is in the trace) · instrumentation scope
// Facts are FlowLayout lines, so they sit on one line when the panel is wide and wrap at 380 px.

#include <QWidget>

#include "model/trace.h"

class QLabel;

namespace rootline::ui {

class SelectableElidedLine;

class SpanHeader : public QWidget {
    Q_OBJECT
public:
    explicit SpanHeader(QWidget* parent = nullptr);

    void showSpan(const Trace& trace, uint32_t span);
    void clear();

    // For tests: the texts as shown.
    QString name() const;
    QString statusText() const;
    QString parentText() const;  // plain text, without link markup

signals:
    void jumpToSpan(quint32 span);

protected:
    void changeEvent(QEvent* event) override;

private:
    QLabel* fact(const char* objectName);
    QString statusLabel(const Trace& trace, uint32_t span) const;
    QString kindLabel(SpanKind kind) const;
    void showParent(const Trace& trace, uint32_t span);
    void renderParentLink();
    void updateSwatch();

    SelectableElidedLine* name_;
    QLabel* swatch_;
    QLabel* service_;
    QLabel* kind_;
    QLabel* status_;
    QLabel* statusMessage_;
    QLabel* start_;
    QLabel* duration_;
    QLabel* selfTime_;
    QLabel* spanId_;
    QLabel* parent_;
    QLabel* scope_;
    int serviceIndex_ = -1;
    int parentIndex_ = -1;  // the parent's span index when it is in the trace
    QString parentId_;
    bool parentFollowsFrom_ = false;
};

}  // namespace rootline::ui
