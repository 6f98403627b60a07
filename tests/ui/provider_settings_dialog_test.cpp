// Investigate › Model Settings…: the pages read the settings file and write it back (mode 0600,
// as it may hold a key), a damaged file is said in the dialog, and Test Connection asks the
// server with the page's values: "Connected: …" from a server that answers, the error line from
// a port where nothing listens.

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QThreadPool>
#include <QtTest>
#include <memory>

#include "explain_test_support.h"
#include "llm/provider_config.h"
#include "loopback_http_server.h"
#include "settings/provider_page.h"
#include "settings/provider_settings_dialog.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;
using rootline::test::LoopbackHttpServer;

namespace {

std::unique_ptr<ProviderSettingsDialog> loadedDialog() {
    auto d = std::make_unique<ProviderSettingsDialog>();
    if (!QTest::qWaitFor([&d] { return d->isLoaded(); }, 10000)) qFatal("settings not read");
    return d;
}

}  // namespace

class ProviderSettingsDialogTest : public QObject {
    Q_OBJECT
    std::unique_ptr<IsolatedEnvironment> env_;

private slots:
    void init() { env_ = std::make_unique<IsolatedEnvironment>(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        env_.reset();
    }

    void theDefaultIsTheOfflineAnalyst() {
        auto d = loadedDialog();
        QCOMPARE(d->path(), env_->providersPath());
        QCOMPARE(llm::ProviderKind(d->activeBox()->currentData().toInt()),
                 llm::ProviderKind::Offline);
        QVERIFY(d->messageLabel()->isHidden());
    }

    void valuesRoundTripThroughAPrivateFile() {
        {
            auto d = loadedDialog();
            d->activeBox()->setCurrentIndex(
                d->activeBox()->findData(int(llm::ProviderKind::Anthropic)));
            ProviderPage* page = d->page(llm::ProviderKind::Anthropic);
            page->baseUrlEdit()->setText(QStringLiteral("http://127.0.0.1:9/anthropic"));
            page->modelEdit()->setText(QStringLiteral("claude-test"));
            page->keyEnvEdit()->setText(QStringLiteral("MY_KEY_VAR"));
            page->keyEdit()->setText(QStringLiteral("sk-ant-secret-1234"));
            QCOMPARE(page->keyEdit()->echoMode(), QLineEdit::Password);
            page->timeoutBox()->setValue(42);
            page->maxTokensBox()->setValue(777);
            page->temperatureBox()->setValue(0.3);
            QSignalSpy saved(d.get(), &ProviderSettingsDialog::saved);
            d->save();
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.at(0).at(0).toBool(), true);
        }
        QVERIFY(QFile::exists(env_->providersPath()));
        // 0600: the owner reads and writes, nobody else anything.
        QCOMPARE(int(QFile::permissions(env_->providersPath()) &
                     ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser)),
                 int(QFile::ReadOwner | QFile::WriteOwner));
        llm::ProviderConfig config;
        std::string error, warning;
        QVERIFY(
            llm::loadProviderConfig(env_->providersPath().toStdString(), config, error, &warning));
        QCOMPARE(config.active, llm::ProviderKind::Anthropic);
        const llm::ProviderSettings& s = config.providers.at(llm::ProviderKind::Anthropic);
        QCOMPARE(s.baseUrl, std::string("http://127.0.0.1:9/anthropic"));
        QCOMPARE(s.model, std::string("claude-test"));
        QCOMPARE(s.apiKeyEnv, std::string("MY_KEY_VAR"));
        QCOMPARE(s.apiKey, std::string("sk-ant-secret-1234"));
        QCOMPARE(s.timeoutSeconds, 42);
        QCOMPARE(s.maxOutputTokens, 777);
        QCOMPARE(s.temperature, 0.3);
        QVERIFY(warning.empty());

        // A new dialog shows what was saved.
        auto again = loadedDialog();
        QCOMPARE(llm::ProviderKind(again->activeBox()->currentData().toInt()),
                 llm::ProviderKind::Anthropic);
        ProviderPage* page = again->page(llm::ProviderKind::Anthropic);
        QCOMPARE(page->modelEdit()->text(), QStringLiteral("claude-test"));
        QCOMPARE(page->keyEdit()->text(), QStringLiteral("sk-ant-secret-1234"));
        QCOMPARE(page->timeoutBox()->value(), 42);
    }

    void aDamagedFileIsSaidInTheDialog() {
        QFile f(env_->providersPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        auto d = loadedDialog();
        QVERIFY(!d->messageLabel()->isHidden());
        QVERIFY2(d->messageLabel()->text().contains(env_->providersPath()),
                 qPrintable(d->messageLabel()->text()));
        QCOMPARE(llm::ProviderKind(d->activeBox()->currentData().toInt()),
                 llm::ProviderKind::Offline);
    }

    void testConnectionAnswersWithTheModelAndTime() {
        LoopbackHttpServer server;
        server.enqueue(
            {.body = chatCompletion(verdictNaming("0000000000000001", "0000000000000001"))});
        auto d = loadedDialog();
        ProviderPage* page = d->page(llm::ProviderKind::OpenAI);
        page->baseUrlEdit()->setText(QString::fromStdString(server.url("/v1")));
        page->modelEdit()->setText(QStringLiteral("m"));
        page->keyEnvEdit()->setText(QStringLiteral("ROOTLINE_TEST_UNSET_KEY_VARIABLE"));
        QSignalSpy tested(page, &ProviderPage::connectionTested);
        QTest::mouseClick(page->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.at(0).at(0).toBool(), true);
        QVERIFY2(
            page->testResultLabel()->text().startsWith(QStringLiteral("Connected: m answered in")),
            qPrintable(page->testResultLabel()->text()));
        QVERIFY(page->testResultLabel()->text().endsWith(QStringLiteral(" ms")));
        QCOMPARE(server.requests().size(), size_t(1));
    }

    void testConnectionToAClosedPortShowsTheError() {
        auto d = loadedDialog();
        ProviderPage* page = d->page(llm::ProviderKind::OpenAI);
        page->baseUrlEdit()->setText(
            QStringLiteral("http://127.0.0.1:%1/v1").arg(rootline::test::unusedLoopbackPort()));
        page->timeoutBox()->setValue(5);
        QSignalSpy tested(page, &ProviderPage::connectionTested);
        QTest::mouseClick(page->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        const QString text = page->testResultLabel()->text();
        QVERIFY(!text.isEmpty());
        QVERIFY2(!text.startsWith(QStringLiteral("Connected")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));  // one line
    }
};

QTEST_MAIN(ProviderSettingsDialogTest)
#include "provider_settings_dialog_test.moc"
