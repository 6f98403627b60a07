#pragma once
// The exceptions of the selected span, above everything else but the header: what an engineer
// woken at 2 a.m. must not miss. Each exception's type and message in bold error red, where it
// was recorded, and its stack trace in the system's fixed-width font with its lines unwrapped
// (a wrapped Java frame is harder to read than a scrolled one). All of it in one read-only,
// selectable, scrollable text box, so a whole stack copies in one go.

#include <QFrame>
#include <vector>

#include "span_details/span_exceptions.h"

class QLabel;
class QTextEdit;

namespace rootline::ui {

class ExceptionBox : public QFrame {
    Q_OBJECT
public:
    explicit ExceptionBox(QWidget* parent = nullptr);

    // Shows `exceptions` of a span that started at `spanStartNs`; hides the box when empty.
    void setExceptions(const std::vector<SpanException>& exceptions, int64_t spanStartNs);
    // What the box shows, as plain text: each exception's headline, then its stack.
    QString text() const;
    int count() const { return count_; }
    // The height that shows everything without scrolling (at the box's current width).
    int contentHeight() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();
    void fillText();

    QLabel* icon_;
    QLabel* title_;
    QTextEdit* text_;
    std::vector<SpanException> exceptions_;  // kept to redraw in a new palette
    int64_t spanStartNs_ = 0;
    int count_ = 0;
    bool hasStack_ = false;
    // Until the user scrolls, the box stays at its top-left: the headline is what must be seen,
    // and resizes (the panel's splitter settles after the text is in) must not scroll it away.
    bool pinnedTop_ = true;
};

}  // namespace rootline::ui
