#pragma once
// Runs `work` on Qt's thread pool and hands its result to `done` on the GUI thread, unless
// `context` was destroyed meanwhile (the watcher is its child, so it goes with it and `done`
// never runs on a dead object). For the small blocking jobs of the explain, history and
// settings UI — a SQLite read, a settings file, a model call — that must never stall the window.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace rootline::ui {

template <class Work, class Done>
void runInBackground(QObject* context, Work work, Done done) {
    using Result = decltype(work());
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    // The worker owns `work` (and what it captured), never `context`.
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace rootline::ui
