#pragma once
// Fixtures and generated files shared by the ui tests.

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "formats/load.h"
#include "load_task.h"

namespace rootline::ui::test {

inline QString fixture(const char* relative) {
    return QStringLiteral(ROOTLINE_FIXTURES_DIR "/") + QString::fromUtf8(relative);
}

inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
    return path;
}

// A valid Jaeger file with one trace of `spans` small spans (300k spans ≈ 85 MB, about half a
// second to load): long enough to be cancelled and to report progress several times.
inline QString writeLargeJaeger(const QTemporaryDir& dir, int spans) {
    const QString path = dir.filePath(QStringLiteral("large.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    const QByteArray tid = "0af7651916cd43dd8448eb211c80319c";
    QByteArray chunk;
    chunk.reserve(1 << 20);
    chunk += "{\"data\":[{\"traceID\":\"" + tid + "\",\"spans\":[";
    for (int i = 0; i < spans; ++i) {
        if (i) chunk += ',';
        chunk += "{\"traceID\":\"" + tid + "\",\"spanID\":\"" +
                 QByteArray::number(i + 1, 16).rightJustified(16, '0') +
                 "\",\"operationName\":\"op" + QByteArray::number(i % 50) + "\",\"references\":[";
        if (i)
            chunk += "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + tid + "\",\"spanID\":\"" +
                     QByteArray::number((i - 1) / 8 + 1, 16).rightJustified(16, '0') + "\"}";
        chunk += "],\"startTime\":" + QByteArray::number(1600000000000000LL + i) +
                 ",\"duration\":10,\"tags\":[],\"logs\":[],\"processID\":\"p1\"}";
        if (chunk.size() > (1 << 20) - 512) {
            f.write(chunk);
            chunk.clear();
        }
    }
    chunk += "],\"processes\":{\"p1\":{\"serviceName\":\"svc\",\"tags\":[]}}}]}";
    f.write(chunk);
    return f.error() == QFile::NoError ? path : QString();
}

inline constexpr int kLargeSpans = 300000;

// A fixture loaded and summarized as the load job does it, on the calling thread.
inline std::shared_ptr<const LoadedFile> loadSnapshot(const char* relative) {
    LoadResult r = loadTraceFile(fixture(relative).toStdString());
    if (!r.ok()) qFatal("cannot load fixture %s: %s", relative, r.error.message.c_str());
    return summarizeFile(std::move(r.file));
}

// One Jaeger trace of `spans` spans whose parents are all missing: `spans` orphan roots and as
// many "parent … is not in this trace" warnings, in span order.
inline std::shared_ptr<const LoadedFile> orphanSnapshot(int spans) {
    const QByteArray tid = "00000000000000000000000000000abc";
    QByteArray json = "{\"data\":[{\"traceID\":\"" + tid + "\",\"spans\":[";
    for (int i = 0; i < spans; ++i) {
        if (i) json += ',';
        json += "{\"traceID\":\"" + tid + "\",\"spanID\":\"" +
                QByteArray::number(i + 1, 16).rightJustified(16, '0') +
                "\",\"operationName\":\"op\",\"references\":[{\"refType\":\"CHILD_OF\","
                "\"traceID\":\"" +
                tid + "\",\"spanID\":\"" +
                QByteArray::number(0x1000 + i, 16).rightJustified(16, '0') +
                "\"}],\"startTime\":" + QByteArray::number(1600000000000000LL + i) +
                ",\"duration\":10,\"processID\":\"p1\"}";
    }
    json += "],\"processes\":{\"p1\":{\"serviceName\":\"svc\"}}}]}";
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "orphans.json");
    if (!r.ok()) qFatal("orphan trace did not load: %s", r.error.message.c_str());
    return summarizeFile(std::move(r.file));
}

}  // namespace rootline::ui::test
