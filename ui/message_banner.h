#pragma once
// A one-line message strip above the content, like KDE's KMessageWidget: an icon, the text
// (selectable, so a user can copy an error into a bug report), details in the tooltip and a
// close button. Hidden until show...() is called.

#include <QFrame>

class QLabel;

namespace rootline::ui {

class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text, const QString& details = {});
    Kind kind() const { return kind_; }
    QString text() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void applyKind();

    Kind kind_ = Kind::Information;
    QLabel* icon_;
    QLabel* text_;
};

}  // namespace rootline::ui
