#pragma once
// The tree view under every list of the span details: attributes, events, links, warnings.
// Long values wrap (WrappingDelegate) and never scroll sideways; Ctrl+C copies the selected rows
// as key=value lines; the context menu copies a value, a key or key=value; clicking a link cell
// (DetailRoles::IsLink) asks to go to its span.

#include <QTreeView>

class QMenu;

namespace rootline::ui {

class DetailTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit DetailTreeView(QWidget* parent = nullptr);

    // Gives column 0 this share of the width until the user drags the divider (keys are shorter
    // than values, but at 380 px neither may starve).
    void setKeyColumnShare(double share) { keyShare_ = share; }

    // The selected rows as text: attributes as key=value, a group as its attributes, an event or
    // a link as its line and then its attributes. Rows in view order, each once.
    QString selectionText() const;
    void copySelection() const;

signals:
    void spanActivated(quint32 span);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void fitKeyColumn();
    bool activateLink(const QModelIndex& index);
    void appendRowText(const QModelIndex& row, QStringList& lines) const;

    double keyShare_ = 0.4;
    bool userSizedKey_ = false;
    bool sizingKey_ = false;
};

}  // namespace rootline::ui
