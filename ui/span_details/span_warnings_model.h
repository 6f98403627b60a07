#pragma once
// The warnings about one span (clock skew, missing parent, duplicate id, what the producer
// flagged), each a sentence with a warning icon.

#include <QAbstractListModel>
#include <QIcon>
#include <vector>

#include "model/trace.h"

namespace rootline::ui {

class SpanWarningsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        CodeRole = Qt::UserRole + 1,  // QString: "missing_parent", "starts_before_parent", …
    };

    explicit SpanWarningsModel(QObject* parent = nullptr);

    void setSpan(const Trace& trace, uint32_t span);
    void clear();
    // Drawn beside each warning; the view supplies it from its style.
    void setWarningIcon(const QIcon& icon);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString text;
        QString code;
    };
    std::vector<Row> rows_;
    QIcon icon_;
};

}  // namespace rootline::ui
