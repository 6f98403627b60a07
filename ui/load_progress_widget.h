#pragma once
// The status-bar strip shown while a file loads: what is loading, how far, and Cancel.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rootline::ui {

class LoadProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit LoadProgressWidget(QWidget* parent = nullptr);

    void begin(const QString& fileName);
    // A busy strip for a download: "Fetching 4bf92f35… from http://host:16686…".
    void beginFetch(const QString& what);
    void setFraction(double fraction);
    void setCancelling();
    int value() const;  // 0..1000, or -1 while busy with no progress reported yet

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QPushButton* cancel_;
};

}  // namespace rootline::ui
