#pragma once
// What the window shows when no traces are on screen: what to do next, not a blank table.

#include <QWidget>

class QLabel;

namespace rootline::ui {

class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget* parent = nullptr);

    // Back to "nothing loaded yet".
    void showWelcome();
    // A file was read but holds no traces.
    void showNoTraces(const QString& fileName);
    QString title() const;

signals:
    void openRequested();

private:
    QLabel* title_;
    QLabel* hint_;
};

}  // namespace rootline::ui
