#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace rootline::ui {

namespace {
const char* const kKey = "recentFiles";
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    files_ = QSettings().value(QLatin1String(kKey)).toStringList();
    files_.removeAll(QString());
    files_.removeDuplicates();
    while (files_.size() > kMaxFiles)
        files_.removeLast();
}

void RecentFiles::add(const QString& path) {
    if (path.isEmpty()) return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > kMaxFiles)
        files_.removeLast();
    save();
}

void RecentFiles::remove(const QString& path) {
    if (files_.removeAll(QFileInfo(path).absoluteFilePath()) > 0 || files_.removeAll(path) > 0)
        save();
}

void RecentFiles::clear() {
    files_.clear();
    save();
}

void RecentFiles::save() {
    QSettings().setValue(QLatin1String(kKey), files_);
    emit changed();
}

}  // namespace rootline::ui
