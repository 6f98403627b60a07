#pragma once
// One line of text that can be selected and copied whole, and is cut with "…" when it does not
// fit. A QLabel cannot do both: it would copy the cut text, and its minimum width is the whole
// text (ElidedLabel cannot be selected). This is a read-only, frameless QLineEdit drawn like a
// label; while it has focus (the user is selecting) it scrolls like a line edit instead of
// eliding, so every character can be reached. The whole text is in the tooltip when cut.

#include <QLineEdit>

namespace rootline::ui {

class SelectableElidedLine : public QLineEdit {
    Q_OBJECT
public:
    explicit SelectableElidedLine(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    bool isElided() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void matchWindowBackground();
    void updateToolTip();
    QRect textArea() const;
};

}  // namespace rootline::ui
