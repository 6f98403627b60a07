// Settings › Connections…: the list and the form read the connections file and write it back
// (mode 0600, as it may hold secrets) with every field; TLS off shows its warning; an invalid
// URL or two connections of one name block Save; a file others can read says that its secrets
// are ignored; Test Connection asks the server at the kind's path under the URL's sub-path, with
// the credentials and the tenant, and answers in one line that never holds a secret — on a
// worker, so the window keeps painting and can be closed while the server is slow.

#include <sys/stat.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QtTest>
#include <memory>

#include "loopback_http_server.h"
#include "remote/connection.h"
#include "remote/connection_list_model.h"
#include "remote/connections_dialog.h"

using namespace rootline;
using namespace rootline::ui;
using rootline::test::LoopbackHttpServer;

namespace {

// $ROOTLINE_CONNECTIONS_FILE in a folder of the test's own, for as long as it lives.
class ConnectionsFile {
public:
    ConnectionsFile() {
        if (!dir_.isValid()) qFatal("no temporary folder");
        qputenv("ROOTLINE_CONNECTIONS_FILE", path().toUtf8());
    }
    ~ConnectionsFile() { qunsetenv("ROOTLINE_CONNECTIONS_FILE"); }
    QString path() const { return dir_.filePath(QStringLiteral("connections.json")); }

private:
    QTemporaryDir dir_;
};

std::unique_ptr<ConnectionsDialog> loadedDialog() {
    auto d = std::make_unique<ConnectionsDialog>();
    new QAbstractItemModelTester(d->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 d.get());
    new QAbstractItemModelTester(d->headersTable()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, d.get());
    if (!QTest::qWaitFor([&d] { return d->isLoaded(); }, 10000)) qFatal("connections not read");
    return d;
}

void choose(QComboBox* box, int data) {
    const int i = box->findData(data);
    QVERIFY(i >= 0);
    box->setCurrentIndex(i);
}

void chooseSecretSource(ConnectionsDialog& d, ConnectionsDialog::SecretSource source) {
    choose(d.secretSourceBox(), int(source));
}

int fileMode(const QString& path) {
    struct stat st {};
    if (::stat(path.toLocal8Bit().constData(), &st) != 0) return -1;
    return int(st.st_mode & 0777);
}

remote::ConnectionList loadFile(const QString& path, std::vector<std::string>* warnings = nullptr) {
    remote::ConnectionList list;
    std::string error;
    if (!remote::loadConnections(path.toStdString(), list, error, warnings))
        qFatal("cannot read %s: %s", qPrintable(path), error.c_str());
    return list;
}

// A Jaeger connection to `baseUrl`, the only one in the dialog, selected.
void addJaegerAt(ConnectionsDialog& d, const std::string& baseUrl) {
    d.addConnection(remote::SourceKind::Jaeger);
    d.urlEdit()->setText(QString::fromStdString(baseUrl));
    d.timeoutBox()->setValue(5);
}

// Clicks Test Connection and waits for the answer; false when none came.
bool runTest(ConnectionsDialog& d, bool& ok) {
    QSignalSpy tested(&d, &ConnectionsDialog::connectionTested);
    QTest::mouseClick(d.testButton(), Qt::LeftButton);
    if (!tested.wait(30000)) return false;
    ok = tested.at(0).at(0).toBool();
    return true;
}

}  // namespace

class ConnectionsDialogTest : public QObject {
    Q_OBJECT
    std::unique_ptr<ConnectionsFile> file_;

private slots:
    void init() { file_ = std::make_unique<ConnectionsFile>(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        file_.reset();
    }

    void startsEmptyWithoutAFile() {
        auto d = loadedDialog();
        QCOMPARE(d->path(), file_->path());
        QCOMPARE(d->model()->rowCount(), 0);
        QCOMPARE(d->currentRow(), -1);
        QVERIFY(!d->form()->isEnabled());
        QVERIFY(!d->duplicateButton()->isEnabled());
        QVERIFY(!d->removeButton()->isEnabled());
        QVERIFY(!d->testButton()->isEnabled());
        QVERIFY(d->messageLabel()->isHidden());
        QVERIFY(d->validationLabel()->isHidden());
        QVERIFY(d->saveButton()->isEnabled());  // an empty list is a valid one
        // Add offers the four kinds.
        QVERIFY(d->addButton()->menu());
        QCOMPARE(d->addButton()->menu()->actions().size(), 4);
    }

    void newConnectionsGetDefaultsAndNamesOfTheirOwn() {
        auto d = loadedDialog();
        d->addButton()->menu()->findChild<QAction*>(QStringLiteral("add_tempo"))->trigger();
        QCOMPARE(d->model()->rowCount(), 1);
        QCOMPARE(d->currentRow(), 0);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("local tempo"));
        QCOMPARE(d->urlEdit()->text(), QStringLiteral("http://localhost:3200"));
        QVERIFY(d->urlEdit()->placeholderText().contains(QStringLiteral("/tempo")));
        QVERIFY(d->verifyTlsBox()->isChecked());
        QCOMPARE(d->timeoutBox()->value(), 30);
        d->addConnection(remote::SourceKind::Tempo);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("local tempo 2"));
        QCOMPARE(d->model()->data(d->model()->index(1)).toString(),
                 QStringLiteral("local tempo 2 (Tempo)"));
        d->duplicateCurrent();
        QCOMPARE(d->model()->rowCount(), 3);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("local tempo 2 (copy)"));
        QVERIFY(d->validationLabel()->isHidden());

        // A kind changed before the URL was touched brings its own default URL and name.
        choose(d->kindBox(), int(remote::SourceKind::Loki));
        QCOMPARE(d->urlEdit()->text(), QStringLiteral("http://localhost:3100"));
        QCOMPARE(d->connections().connections[2].kind, remote::SourceKind::Loki);

        d->removeCurrent();
        QCOMPARE(d->model()->rowCount(), 2);
        QCOMPARE(d->currentRow(), 1);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("local tempo 2"));
        d->setCurrentRow(0);
        d->removeCurrent();
        d->removeCurrent();
        QCOMPARE(d->model()->rowCount(), 0);
        QVERIFY(!d->form()->isEnabled());
    }

    void fieldsEnableWithTheAuthentication() {
        auto d = loadedDialog();
        d->addConnection(remote::SourceKind::Jaeger);
        choose(d->authBox(), int(remote::AuthKind::None));
        QVERIFY(!d->userEdit()->isEnabled());
        QVERIFY(!d->secretSourceBox()->isEnabled());
        QVERIFY(!d->secretEdit()->isEnabled());
        choose(d->authBox(), int(remote::AuthKind::Bearer));
        QVERIFY(!d->userEdit()->isEnabled());
        QVERIFY(d->secretSourceBox()->isEnabled());
        QVERIFY(d->secretVariableEdit()->isEnabled());
        choose(d->authBox(), int(remote::AuthKind::Basic));
        QVERIFY(d->userEdit()->isEnabled());
        QVERIFY(d->secretSourceBox()->isEnabled());
        QCOMPARE(d->secretEdit()->echoMode(), QLineEdit::Password);
        // Basic without a user cannot be saved.
        QVERIFY(!d->validationLabel()->isHidden());
        QVERIFY(!d->saveButton()->isEnabled());
        d->userEdit()->setText(QStringLiteral("alice"));
        QVERIFY(d->validationLabel()->isHidden());
        QVERIFY(d->saveButton()->isEnabled());
    }

    void everyFieldRoundTripsThroughAPrivateFile() {
        std::vector<remote::ConnectionList> emitted;
        {
            auto d = loadedDialog();
            connect(d.get(), &ConnectionsDialog::connectionsSaved,
                    [&emitted](const remote::ConnectionList& list) { emitted.push_back(list); });

            d->addConnection(remote::SourceKind::Jaeger);
            d->nameEdit()->setText(QStringLiteral("prod jaeger"));
            d->urlEdit()->setText(QStringLiteral("https://gw.example:8443/jaeger"));
            choose(d->authBox(), int(remote::AuthKind::Bearer));
            chooseSecretSource(*d, ConnectionsDialog::SecretSource::Variable);
            d->secretVariableEdit()->setText(QStringLiteral("JAEGER_TOKEN"));
            d->tenantEdit()->setText(QStringLiteral("team-a"));
            d->addHeader(QStringLiteral("X-Org"), QStringLiteral("acme-header-value"));
            d->addHeader();
            d->headersTable()->item(1, 0)->setText(QStringLiteral("X-Key"));
            d->headersTable()->item(1, 2)->setText(QStringLiteral("KEY_VAR"));
            d->verifyTlsBox()->setChecked(false);
            d->caFileEdit()->setText(QStringLiteral("/etc/ssl/company-ca.pem"));
            d->timeoutBox()->setValue(12);

            d->addConnection(remote::SourceKind::Tempo);
            d->nameEdit()->setText(QStringLiteral("grafana tempo"));
            d->urlEdit()->setText(QStringLiteral("https://grafana.example/tempo"));
            choose(d->authBox(), int(remote::AuthKind::Basic));
            d->userEdit()->setText(QStringLiteral("alice"));
            chooseSecretSource(*d, ConnectionsDialog::SecretSource::Stored);
            d->secretEdit()->setText(QStringLiteral("s3cr3t-pass"));

            QCOMPARE(d->model()->data(d->model()->index(0)).toString(),
                     QStringLiteral("prod jaeger (Jaeger)"));
            // The list's tooltip names the endpoint, not the path.
            QCOMPARE(d->model()->data(d->model()->index(0), Qt::ToolTipRole).toString(),
                     QStringLiteral("https://gw.example:8443"));
            QVERIFY(d->validationLabel()->isHidden());
            QVERIFY(d->saveButton()->isEnabled());
            QSignalSpy saved(d.get(), &ConnectionsDialog::saved);
            QTest::mouseClick(d->saveButton(), Qt::LeftButton);
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.at(0).at(0).toBool(), true);
            QCOMPARE(d->result(), int(QDialog::Accepted));
        }
        QCOMPARE(emitted.size(), size_t(1));
        QCOMPARE(emitted[0].connections.size(), size_t(2));

        QCOMPARE(fileMode(file_->path()), 0600);
        std::vector<std::string> warnings;
        const remote::ConnectionList list = loadFile(file_->path(), &warnings);
        QVERIFY(warnings.empty());
        QCOMPARE(list.connections.size(), size_t(2));
        const remote::Connection& j = list.connections[0];
        QCOMPARE(j.name, std::string("prod jaeger"));
        QCOMPARE(j.kind, remote::SourceKind::Jaeger);
        QCOMPARE(j.baseUrl, std::string("https://gw.example:8443/jaeger"));
        QCOMPARE(j.auth, remote::AuthKind::Bearer);
        QCOMPARE(j.secretEnv, std::string("JAEGER_TOKEN"));
        QVERIFY(j.secret.empty());
        QVERIFY(j.secretFile.empty());
        QVERIFY(j.username.empty());
        QCOMPARE(j.tenant, std::string("team-a"));
        QCOMPARE(j.headers.size(), size_t(2));
        QCOMPARE(j.headers[0].name, std::string("X-Org"));
        QCOMPARE(j.headers[0].value, std::string("acme-header-value"));
        QVERIFY(j.headers[0].valueEnv.empty());
        QCOMPARE(j.headers[1].name, std::string("X-Key"));
        QVERIFY(j.headers[1].value.empty());
        QCOMPARE(j.headers[1].valueEnv, std::string("KEY_VAR"));
        QCOMPARE(j.verifyTls, false);
        QCOMPARE(j.caFile, std::string("/etc/ssl/company-ca.pem"));
        QCOMPARE(j.timeout, std::chrono::milliseconds(12000));
        const remote::Connection& t = list.connections[1];
        QCOMPARE(t.name, std::string("grafana tempo"));
        QCOMPARE(t.kind, remote::SourceKind::Tempo);
        QCOMPARE(t.baseUrl, std::string("https://grafana.example/tempo"));
        QCOMPARE(t.auth, remote::AuthKind::Basic);
        QCOMPARE(t.username, std::string("alice"));
        QCOMPARE(t.secret, std::string("s3cr3t-pass"));
        QVERIFY(t.secretEnv.empty());
        QCOMPARE(t.verifyTls, true);
        QCOMPARE(t.timeout, std::chrono::milliseconds(30000));
        QCOMPARE(emitted[0].connections[1].secret, std::string("s3cr3t-pass"));

        // A new dialog shows what was saved.
        auto again = loadedDialog();
        QVERIFY(again->messageLabel()->isHidden());
        QCOMPARE(again->model()->rowCount(), 2);
        QCOMPARE(again->currentRow(), 0);
        QCOMPARE(again->nameEdit()->text(), QStringLiteral("prod jaeger"));
        QCOMPARE(again->urlEdit()->text(), QStringLiteral("https://gw.example:8443/jaeger"));
        QCOMPARE(remote::AuthKind(again->authBox()->currentData().toInt()),
                 remote::AuthKind::Bearer);
        QCOMPARE(ConnectionsDialog::SecretSource(again->secretSourceBox()->currentData().toInt()),
                 ConnectionsDialog::SecretSource::Variable);
        QCOMPARE(again->secretVariableEdit()->text(), QStringLiteral("JAEGER_TOKEN"));
        QCOMPARE(again->tenantEdit()->text(), QStringLiteral("team-a"));
        QCOMPARE(again->headersTable()->rowCount(), 2);
        QCOMPARE(again->headersTable()->item(1, 2)->text(), QStringLiteral("KEY_VAR"));
        QVERIFY(!again->verifyTlsBox()->isChecked());
        QVERIFY(!again->tlsWarningLabel()->isHidden());
        QCOMPARE(again->caFileEdit()->text(), QStringLiteral("/etc/ssl/company-ca.pem"));
        QCOMPARE(again->timeoutBox()->value(), 12);
        again->setCurrentRow(1);
        QCOMPARE(again->nameEdit()->text(), QStringLiteral("grafana tempo"));
        QCOMPARE(again->userEdit()->text(), QStringLiteral("alice"));
        QCOMPARE(ConnectionsDialog::SecretSource(again->secretSourceBox()->currentData().toInt()),
                 ConnectionsDialog::SecretSource::Stored);
        QCOMPARE(again->secretEdit()->text(), QStringLiteral("s3cr3t-pass"));
        QVERIFY(again->tlsWarningLabel()->isHidden());
    }

    void tlsOffShowsTheWarning() {
        auto d = loadedDialog();
        d->addConnection(remote::SourceKind::Tempo);
        QVERIFY(d->tlsWarningLabel()->isHidden());
        d->verifyTlsBox()->setChecked(false);
        QVERIFY(!d->tlsWarningLabel()->isHidden());
        QCOMPARE(d->tlsWarningLabel()->text(),
                 QString::fromStdString(remote::tlsWarning(d->connections().connections[0])));
        QVERIFY(d->tlsWarningLabel()->text().contains(QStringLiteral("local tempo")));
        // Off is allowed: only said.
        QVERIFY(d->saveButton()->isEnabled());
        d->verifyTlsBox()->setChecked(true);
        QVERIFY(d->tlsWarningLabel()->isHidden());
    }

    void anInvalidUrlBlocksSave() {
        auto d = loadedDialog();
        d->addConnection(remote::SourceKind::Jaeger);
        d->urlEdit()->setText(QStringLiteral("ftp://jaeger.example"));
        QVERIFY(!d->validationLabel()->isHidden());
        QVERIFY2(d->validationLabel()->text().contains(QStringLiteral("URL")),
                 qPrintable(d->validationLabel()->text()));
        QVERIFY(!d->validationLabel()->text().contains(QLatin1Char('\n')));
        QVERIFY(!d->saveButton()->isEnabled());
        QSignalSpy saved(d.get(), &ConnectionsDialog::saved);
        d->save();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), false);
        QVERIFY(!d->messageLabel()->isHidden());
        QVERIFY(d->messageLabel()->text().startsWith(QStringLiteral("Not saved")));
        QVERIFY(!QFile::exists(file_->path()));

        d->urlEdit()->setText(QStringLiteral("http://jaeger.example:16686/jaeger"));
        QVERIFY(d->validationLabel()->isHidden());
        QVERIFY(d->saveButton()->isEnabled());
    }

    void twoConnectionsOfOneNameBlockSave() {
        auto d = loadedDialog();
        d->addConnection(remote::SourceKind::Jaeger);
        d->addConnection(remote::SourceKind::Jaeger);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("local jaeger 2"));
        QVERIFY(d->saveButton()->isEnabled());
        d->nameEdit()->setText(QStringLiteral("local jaeger"));
        QVERIFY(!d->validationLabel()->isHidden());
        QVERIFY2(d->validationLabel()->text().contains(QStringLiteral("'local jaeger'")),
                 qPrintable(d->validationLabel()->text()));
        QVERIFY(!d->saveButton()->isEnabled());
        QSignalSpy saved(d.get(), &ConnectionsDialog::saved);
        d->save();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), false);
        QVERIFY(!QFile::exists(file_->path()));
        // An empty name is no name.
        d->nameEdit()->clear();
        QVERIFY(!d->validationLabel()->isHidden());
        QVERIFY(!d->saveButton()->isEnabled());
        d->nameEdit()->setText(QStringLiteral("other jaeger"));
        QVERIFY(d->validationLabel()->isHidden());
        QVERIFY(d->saveButton()->isEnabled());
    }

    void aFileOthersCanReadHasItsSecretsIgnored() {
        remote::ConnectionList list;
        remote::Connection c = remote::defaultConnection(remote::SourceKind::Tempo);
        c.auth = remote::AuthKind::Bearer;
        c.secret = "leaky-token-123";
        list.connections.push_back(c);
        std::string error;
        QVERIFY(remote::saveConnections(file_->path().toStdString(), list, error));
        QVERIFY(::chmod(file_->path().toLocal8Bit().constData(), 0644) == 0);

        auto d = loadedDialog();
        QCOMPARE(d->model()->rowCount(), 1);
        QVERIFY(!d->messageLabel()->isHidden());
        const QString message = d->messageLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("others can read")), qPrintable(message));
        QVERIFY(message.contains(file_->path()));
        QVERIFY(!message.contains(QStringLiteral("leaky-token-123")));
        QVERIFY(d->secretEdit()->text().isEmpty());
    }

    void aDamagedFileIsSaid() {
        QFile f(file_->path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        auto d = loadedDialog();
        QVERIFY(!d->messageLabel()->isHidden());
        QVERIFY2(d->messageLabel()->text().contains(file_->path()),
                 qPrintable(d->messageLabel()->text()));
        QCOMPARE(d->model()->rowCount(), 0);
    }

    void testConnectionReachesTheApiUnderTheSubPath() {
        LoopbackHttpServer server;
        server.enqueue({.headers = {{"Content-Type", "application/json"}},
                        .body = R"({"data":["checkout","payments"],"total":2})"});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url("/jaeger"));
        choose(d->authBox(), int(remote::AuthKind::Bearer));
        chooseSecretSource(*d, ConnectionsDialog::SecretSource::Stored);
        d->secretEdit()->setText(QStringLiteral("tok-123"));
        d->tenantEdit()->setText(QStringLiteral("team-a"));
        d->addHeader(QStringLiteral("X-Extra"), QStringLiteral("extra-value"));
        bool ok = false;
        QVERIFY(runTest(*d, ok));
        QVERIFY2(ok, qPrintable(d->testResultLabel()->text()));
        QCOMPARE(d->testResultLabel()->text(),
                 QStringLiteral("Connected to http://127.0.0.1:%1").arg(server.port()));
        QVERIFY(d->testButton()->isEnabled());
        QVERIFY(!d->isTesting());

        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].method, std::string("GET"));
        QCOMPARE(requests[0].target, std::string("/jaeger/api/services"));
        QCOMPARE(requests[0].header("authorization"), std::string("Bearer tok-123"));
        QCOMPARE(requests[0].header("x-scope-orgid"), std::string("team-a"));
        QCOMPARE(requests[0].header("x-extra"), std::string("extra-value"));
    }

    void testConnectionAsksTempoItsEcho() {
        LoopbackHttpServer server;
        server.enqueue({.body = "echo"});
        auto d = loadedDialog();
        d->addConnection(remote::SourceKind::Tempo);
        d->urlEdit()->setText(QString::fromStdString(server.url("/tempo/")));
        choose(d->authBox(), int(remote::AuthKind::Basic));
        d->userEdit()->setText(QStringLiteral("alice"));
        chooseSecretSource(*d, ConnectionsDialog::SecretSource::Stored);
        d->secretEdit()->setText(QStringLiteral("pw"));
        bool ok = false;
        QVERIFY(runTest(*d, ok));
        QVERIFY2(ok, qPrintable(d->testResultLabel()->text()));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].target, std::string("/tempo/api/echo"));
        QCOMPARE(requests[0].header("authorization"), std::string("Basic YWxpY2U6cHc="));
    }

    void refusedCredentialsAreSaidWithoutTheBody() {
        LoopbackHttpServer server;
        server.enqueue({.status = 401,
                        .headers = {{"Content-Type", "text/plain"}},
                        .body = "invalid token tok-secret-999 for tenant"});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url());
        choose(d->authBox(), int(remote::AuthKind::Bearer));
        chooseSecretSource(*d, ConnectionsDialog::SecretSource::Stored);
        d->secretEdit()->setText(QStringLiteral("tok-secret-999"));
        bool ok = true;
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        const QString text = d->testResultLabel()->text();
        QCOMPARE(text, QStringLiteral("401: the server rejected the credentials"));
        QVERIFY(!text.contains(QStringLiteral("tok-secret-999")));
        QVERIFY(!text.contains(QStringLiteral("invalid token")));
        QCOMPARE(server.requests().size(), size_t(1));  // not retried
    }

    void aClosedPortIsSaidInOneLine() {
        auto d = loadedDialog();
        addJaegerAt(*d, "http://127.0.0.1:" + std::to_string(rootline::test::unusedLoopbackPort()));
        bool ok = true;
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        const QString text = d->testResultLabel()->text();
        QVERIFY(!text.isEmpty());
        QVERIFY2(!text.startsWith(QStringLiteral("Connected")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\n')));
    }

    void aWebPageIsNotTheApi() {
        LoopbackHttpServer server;
        server.enqueue({.headers = {{"Content-Type", "text/html; charset=utf-8"}},
                        .body = "<!DOCTYPE html><html><body>Grafana login</body></html>"});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url());
        bool ok = true;
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        QCOMPARE(d->testResultLabel()->text(),
                 QStringLiteral("answered with a web page, not the API: check the URL"));
    }

    void nothingAtThePathNamesTheUrl() {
        LoopbackHttpServer server;
        server.enqueue({.status = 404, .body = "404 page not found"});
        server.enqueue({.status = 502, .body = "bad gateway"});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url("/wrong"));
        bool ok = true;
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        QVERIFY2(
            d->testResultLabel()->text().startsWith(QStringLiteral("404: nothing at that path")),
            qPrintable(d->testResultLabel()->text()));
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        QCOMPARE(d->testResultLabel()->text(), QStringLiteral("HTTP 502"));
    }

    void aMissingVariableIsSaidWithoutAsking() {
        LoopbackHttpServer server;
        auto d = loadedDialog();
        addJaegerAt(*d, server.url());
        choose(d->authBox(), int(remote::AuthKind::Bearer));
        chooseSecretSource(*d, ConnectionsDialog::SecretSource::Variable);
        d->secretVariableEdit()->setText(QStringLiteral("ROOTLINE_TEST_UNSET_TOKEN_VARIABLE"));
        bool ok = true;
        QVERIFY(runTest(*d, ok));
        QVERIFY(!ok);
        QVERIFY2(d->testResultLabel()->text().contains(
                     QStringLiteral("ROOTLINE_TEST_UNSET_TOKEN_VARIABLE")),
                 qPrintable(d->testResultLabel()->text()));
        QCOMPARE(server.requests().size(), size_t(0));
    }

    void theWindowKeepsWorkingDuringASlowProbe() {
        LoopbackHttpServer server;
        server.enqueue({.body = R"({"data":[]})", .delay = std::chrono::milliseconds(1500)});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url());
        int ticks = 0;
        QTimer timer;
        timer.setInterval(20);
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start();
        QSignalSpy tested(d.get(), &ConnectionsDialog::connectionTested);
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        // At once: the button waits, the label says so, and the event loop runs on.
        QVERIFY(d->isTesting());
        QVERIFY(!d->testButton()->isEnabled());
        QCOMPARE(d->testResultLabel()->text(), QStringLiteral("Testing…"));
        QVERIFY(tested.wait(20000));
        QVERIFY(tested.at(0).at(0).toBool());
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks)));
        QVERIFY(d->testButton()->isEnabled());
    }

    void closingDuringAProbeIsSafe() {
        LoopbackHttpServer server;
        server.enqueue({.body = R"({"data":[]})", .delay = std::chrono::milliseconds(8000)});
        server.enqueue({.body = R"({"data":[]})", .delay = std::chrono::milliseconds(8000)});
        auto d = loadedDialog();
        addJaegerAt(*d, server.url());
        QSignalSpy tested(d.get(), &ConnectionsDialog::connectionTested);

        // Cancel stops the probe and frees the button.
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        QVERIFY(server.waitForRequests(1, std::chrono::seconds(10)));
        d->reject();
        QVERIFY(!d->isTesting());
        QVERIFY(d->testButton()->isEnabled());

        // Destroyed while the server is still silent: the worker is told to stop and its
        // answer goes nowhere.
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        QVERIFY(server.waitForRequests(2, std::chrono::seconds(10)));
        d.reset();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QTest::qWait(100);
        QCOMPARE(tested.size(), 0);
    }
};

QTEST_MAIN(ConnectionsDialogTest)
#include "connections_dialog_test.moc"
