// File › Export Tracepack…: the dialog shows exactly the bytes the builder makes for its
// options, rebuilds when an option changes (the newest wins), says what is wrong in one line
// and keeps working (a bad rules file, a cap too small), saves the bytes and keeps the tokens in
// a vault of the test's own, and never shows a planted secret.
// ROOTLINE_SAVE_WIDGET_PNG=dir saves a picture of the dialog for a human to look at.

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "tracepack/tracepack_builder.h"
#include "tracepack/tracepack_export_dialog.h"
#include "tracepack/tracepack_export_runner.h"
#include "tracepack_test_support.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;

namespace {

// Waits until the dialog shows the build of its current options.
bool settle(TracepackExportDialog& d) {
    return QTest::qWaitFor([&] { return !d.isBuilding(); }, 20000);
}

QPushButton* button(const QDialog& d, const char* name) {
    auto* b = d.findChild<QPushButton*>(QString::fromLatin1(name));
    if (!b) qFatal("no button %s", name);
    return b;
}

}  // namespace

class TracepackExportDialogTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString vaultPath_;
    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const Ranking> ranking_;

    TracepackExportDialog::Input input(std::shared_ptr<const Trace> trace = nullptr) {
        TracepackExportDialog::Input in;
        in.trace = trace ? trace : trace_;
        in.ranking = trace ? std::make_shared<const Ranking>(rankSuspects(*trace)) : ranking_;
        in.source = QStringLiteral("ui-genai.json (Jaeger JSON)");
        in.vaultPath = vaultPath_;
        return in;
    }

    // The bytes the builder makes for what the dialog shows.
    std::string expected(const TracepackExportDialog& d, const Trace& trace,
                         const Ranking& ranking) {
        TracepackRequest request;
        request.maxBytes = size_t(d.capBox()->value()) * 1024;
        request.detectIp = d.detectIpBox()->isChecked();
        request.rulesPath = d.rulesEdit()->text();
        request.source = QStringLiteral("ui-genai.json (Jaeger JSON)");
        TokenVault vault;
        std::string error;
        if (!TokenVault::load(vaultPath_.toStdString(), vault, error)) qFatal("%s", error.c_str());
        return buildTracepack(trace, ranking, packOptionsFor(request, vault.key, nullptr)).bytes;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Whatever the environment says, nothing of this test reaches the user's data folder.
        qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
        trace_ = loadTrace(fixture(kPackFixture));
        ranking_ = std::make_shared<const Ranking>(rankSuspects(*trace_));
    }
    void init() {
        QSettings().clear();
        vaultPath_ =
            dir_.filePath(QStringLiteral("vault/%1.json").arg(QTest::currentTestFunction()));
        writeVault(vaultPath_);
    }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
    }

    void thePreviewIsTheBuildersBytes() {
        TracepackExportDialog d(input());
        d.show();
        QVERIFY(settle(d));
        QCOMPARE(d.capBox()->value(), 50);
        QVERIFY(!d.detectIpBox()->isChecked());
        const std::string bytes = expected(d, *trace_, *ranking_);
        QVERIFY(!bytes.empty());
        QCOMPARE(d.packBytes(), QByteArray::fromStdString(bytes));
        QCOMPARE(d.preview()->toPlainText().toUtf8(), QByteArray::fromStdString(bytes));
        QVERIFY(d.preview()->font().fixedPitch() || QFontInfo(d.preview()->font()).fixedPitch());
        // "5.6 KB of 50 KB" and a bar that is not red.
        QVERIFY2(d.sizeLabel()->text().endsWith(QStringLiteral(" KB of 50 KB")),
                 qPrintable(d.sizeLabel()->text()));
        QCOMPARE(d.sizeBar()->maximum(), 50 * 1024);
        QCOMPARE(d.sizeBar()->value(), int(bytes.size()));
        QVERIFY(d.packError().isEmpty());
        QVERIFY(button(d, "tracepackSave")->isEnabled());
        QVERIFY(button(d, "tracepackCopy")->isEnabled());
        // The healthy subtrees collapsed are said.
        QVERIFY(d.leftOutList()->count() > 0);
        bool healthy = false;
        for (int i = 0; i < d.leftOutList()->count(); ++i)
            healthy |= d.leftOutList()->item(i)->text().contains(QStringLiteral("healthy"));
        QVERIFY(healthy);
        // Every rule is listed, those that replaced something first.
        QTableWidget* t = d.redactionTable();
        QVERIFY(t->rowCount() > 3);
        bool zeroSeen = false;
        for (int r = 0; r < t->rowCount(); ++r) {
            const bool zero = t->item(r, 1)->text() == QStringLiteral("0");
            QVERIFY2(!(zeroSeen && !zero), "a rule with replacements after one without");
            zeroSeen |= zero;
        }
        QCOMPARE(d.defaultFileName(), QStringLiteral("4a1b2c3.tracepack.json"));

        const QByteArray dirPng = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dirPng.isEmpty()) {
            d.resize(1100, 720);
            QTest::qWait(50);
            QVERIFY(d.grab().save(QDir(QString::fromLocal8Bit(dirPng))
                                      .filePath(QStringLiteral("tracepack-export.png"))));
        }
    }

    void aSmallCapGivesASmallerPackOrAClearError() {
        TracepackExportDialog d(input());
        d.show();
        QVERIFY(settle(d));
        const qsizetype full = d.packBytes().size();
        QSignalSpy shown(&d, &TracepackExportDialog::packShown);
        // Typed one digit after another: only the last value is built and shown.
        d.capBox()->setValue(40);
        d.capBox()->setValue(12);
        d.capBox()->setValue(8);
        QVERIFY(settle(d));
        QCOMPARE(shown.count(), 1);
        if (d.packError().isEmpty()) {
            QVERIFY(d.packBytes().size() <= 8 * 1024);
            QVERIFY(d.packBytes().size() < full);
            QCOMPARE(d.packBytes(), QByteArray::fromStdString(expected(d, *trace_, *ranking_)));
            QVERIFY(d.sizeLabel()->text().endsWith(QStringLiteral(" KB of 8 KB")));
        } else {
            QVERIFY(d.packBytes().isEmpty());
            QVERIFY(!button(d, "tracepackSave")->isEnabled());
            QVERIFY(d.statusLabel()->text().contains(d.packError()));
            QVERIFY(d.sizeLabel()->text().contains(QStringLiteral("8 KB")));
        }
        // Remembered for the next dialog.
        TracepackExportDialog again(input());
        QCOMPARE(again.capBox()->value(), 8);
    }

    void theIpSettingIsRememberedAndRebuilds() {
        {
            TracepackExportDialog d(input());
            QVERIFY(settle(d));
            d.detectIpBox()->setChecked(true);
            QVERIFY(d.isBuilding());
            QVERIFY(settle(d));
            QCOMPARE(d.packBytes(), QByteArray::fromStdString(expected(d, *trace_, *ranking_)));
        }
        TracepackExportDialog d(input());
        QVERIFY(d.detectIpBox()->isChecked());
    }

    void aBadRulesFileIsSaidInlineAndTheDialogKeepsWorking() {
        const QString rules = dir_.filePath(QStringLiteral("bad-rules.json"));
        {
            QFile f(rules);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"mode":"denylist","bogus_key":1})");
        }
        TracepackExportDialog d(input());
        d.show();
        QVERIFY(settle(d));
        d.rulesEdit()->setText(rules);
        emit d.rulesEdit()->editingFinished();
        QVERIFY(settle(d));
        QVERIFY(!d.rulesError().isEmpty());
        QVERIFY2(!d.rulesError().contains(QLatin1Char('\n')), qPrintable(d.rulesError()));
        QVERIFY(d.rulesError().contains(QStringLiteral("bad-rules.json")));
        auto* label = d.findChild<QLabel*>(QStringLiteral("tracepackRulesError"));
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains(d.rulesError()));
        // Nothing to save with rules the user did not mean; the preview still shows.
        QVERIFY(!button(d, "tracepackSave")->isEnabled());
        QVERIFY(!d.packBytes().isEmpty());
        QVERIFY(!d.saveTo(dir_.filePath(QStringLiteral("never.tracepack.json"))));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("never.tracepack.json"))));

        // Still working: another cap builds, and a fixed file clears the error.
        d.capBox()->setValue(30);
        QVERIFY(settle(d));
        QVERIFY(d.sizeLabel()->text().endsWith(QStringLiteral(" KB of 30 KB")));
        {
            QFile f(rules);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(R"({"mode":"denylist"})");
        }
        d.rulesEdit()->setText(QString());
        QVERIFY(settle(d));
        d.rulesEdit()->setText(rules);
        emit d.rulesEdit()->editingFinished();
        QVERIFY(settle(d));
        QVERIFY2(d.rulesError().isEmpty(), qPrintable(d.rulesError()));
        QVERIFY(!label->isVisible());
        QVERIFY(button(d, "tracepackSave")->isEnabled());

        // A missing file is said the same way.
        d.rulesEdit()->setText(dir_.filePath(QStringLiteral("missing-rules.json")));
        emit d.rulesEdit()->editingFinished();
        QVERIFY(settle(d));
        QVERIFY(d.rulesError().contains(QStringLiteral("missing-rules.json")));
    }

    void savingWritesTheBytesAndKeepsTheTokens() {
        const QString planted =
            writeFile(dir_, QStringLiteral("planted.json"), plantedSecretsJaeger());
        auto trace = loadTrace(planted);
        TracepackExportDialog d(input(trace));
        QVERIFY(settle(d));
        const QByteArray bytes = d.packBytes();
        QVERIFY(!bytes.isEmpty());
        const QString out = dir_.filePath(QStringLiteral("out/5ec2e70.tracepack.json"));
        QDir().mkpath(QFileInfo(out).path());
        QVERIFY2(d.saveTo(out), qPrintable(d.statusLabel()->text()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);

        TokenVault vault;
        std::string error;
        QVERIFY(TokenVault::load(vaultPath_.toStdString(), vault, error));
        QCOMPARE(vault.key.k0, 0x0123456789abcdefULL);  // the key the test wrote, kept
        bool password = false, email = false;
        for (const auto& [token, value] : vault.tokens) {
            QVERIFY(bytes.contains(QByteArray::fromStdString(token)));
            password |= value == kPlantedPassword;
            email |= value == kPlantedEmail;
        }
        QVERIFY(password);
        QVERIFY(email);

        // A folder that cannot be written: said in the dialog, which goes on.
        QVERIFY(!d.saveTo(dir_.filePath(QStringLiteral("no/such/folder/x.tracepack.json"))));
        QVERIFY(d.statusLabel()->text().contains(QStringLiteral("Could not save")));
        QVERIFY(d.saveTo(out));
    }

    void aFreshVaultGetsTheKeyThatMadeTheTokens() {
        QFile::remove(vaultPath_);
        const QString planted =
            writeFile(dir_, QStringLiteral("planted.json"), plantedSecretsJaeger());
        TracepackExportDialog d(input(loadTrace(planted)));
        QVERIFY(settle(d));
        const QByteArray first = d.packBytes();
        d.capBox()->setValue(49);  // a rebuild uses the same key: the same tokens
        QVERIFY(settle(d));
        QCOMPARE(d.packBytes().size(), first.size());
        QVERIFY(d.saveTo(dir_.filePath(QStringLiteral("fresh.tracepack.json"))));
        TokenVault vault;
        std::string error;
        QVERIFY(TokenVault::load(vaultPath_.toStdString(), vault, error));
        QVERIFY(!vault.tokens.empty());
        for (const auto& [token, value] : vault.tokens)
            QVERIFY(first.contains(QByteArray::fromStdString(token)));
    }

    void aPlantedSecretNeverShows() {
        const QString planted =
            writeFile(dir_, QStringLiteral("planted.json"), plantedSecretsJaeger());
        auto trace = loadTrace(planted);
        TracepackExportDialog d(input(trace));
        QVERIFY(settle(d));
        for (bool ip : {false, true}) {
            d.detectIpBox()->setChecked(ip);
            QVERIFY(settle(d));
            const QString text = d.preview()->toPlainText();
            QVERIFY(!text.isEmpty());
            QVERIFY(text.contains(QStringLiteral("login")));  // the failing span is there
            QVERIFY(!text.contains(QString::fromLatin1(kPlantedPassword)));
            QVERIFY(!text.contains(QString::fromLatin1(kPlantedEmail)));
            QVERIFY(!d.packBytes().contains(kPlantedPassword));
            QVERIFY(!d.packBytes().contains(kPlantedEmail));
        }
        // The clipboard gets the same bytes.
        button(d, "tracepackCopy")->click();
        QCOMPARE(QApplication::clipboard()->text().toUtf8(), d.packBytes());
        QVERIFY(!QApplication::clipboard()->text().contains(QString::fromLatin1(kPlantedPassword)));
    }
};

QTEST_MAIN(TracepackExportDialogTest)
#include "tracepack_export_dialog_test.moc"
