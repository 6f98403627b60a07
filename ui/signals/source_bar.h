#pragma once
// The line above the Logs and Metrics panels that says where their data comes from: a picker
// when there are several connections of the kind, Refresh, Cancel while a fetch runs, and one
// line of status — progress, what came, or what went wrong — so a fault never takes more room
// than a sentence and the panel below keeps what it showed.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace rootline::ui {

class SourceBar : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Muted, Normal, Error };

    explicit SourceBar(QWidget* parent = nullptr);

    // The connections to choose from; the picker shows only when there are two or more, and
    // Refresh only when there is one. Keeps the chosen one when it is still there.
    void setConnections(const QStringList& names);
    QString currentConnection() const;
    void selectConnection(const QString& name);

    void showBusy(const QString& text);  // Cancel shows, Refresh waits
    void showStatus(const QString& text, Tone tone);
    QString statusText() const;

    QComboBox* connectionBox() const { return connections_; }
    QPushButton* refreshButton() const { return refresh_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* statusLabel() const { return status_; }
    // Widgets of the panel's own (filters, "Edit Queries…") go at the start of the line.
    void addLeading(QWidget* widget, int stretch = 0);
    void addTrailing(QWidget* widget);

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    void refreshRequested();
    void cancelRequested();
    void connectionChosen(const QString& name);

private:
    void setBusy(bool busy);
    void showElided();  // the status cut to the width with "…", whole in the tooltip

    QHBoxLayout* leading_;
    QComboBox* connections_;
    QPushButton* refresh_;
    QPushButton* cancel_;
    QLabel* status_;
    QString statusText_;
    QHBoxLayout* trailing_;
};

}  // namespace rootline::ui
