#pragma once
// One line of plain text that is cut with "…" when it does not fit, instead of widening its
// window as a QLabel would: a QLabel's minimum width is its whole text, so one long operation
// name could push the window wider than the screen. The whole text is then in the tooltip.

#include <QFrame>

namespace rootline::ui {

class ElidedLabel : public QFrame {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return text_; }
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateToolTip();

    QString text_;
};

}  // namespace rootline::ui
