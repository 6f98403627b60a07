#pragma once
// The recently opened files, newest first, kept in the user's settings so File › Open Recent
// survives a restart. A path is added after it loaded, never before: a file that failed to
// open should not crowd out the ones that work.

#include <QObject>
#include <QStringList>

namespace rootline::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);  // reads the list from QSettings

    QStringList files() const { return files_; }
    // Moves `path` (made absolute) to the front, trimming the list to kMaxFiles.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void save();
    QStringList files_;
};

}  // namespace rootline::ui
