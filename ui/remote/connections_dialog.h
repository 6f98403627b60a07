#pragma once
// Settings › Connections…: the user's named connections to trace, log and metric servers
// (remote::Connection), edited in a list and a form, tested against the server, and saved to
// remote::connectionsPath() (mode 0600) on a worker.
//
// The form writes every edit back to the selected row at once, so the list's names follow the
// typing and validation covers every connection. What the form cannot show (a user name under
// bearer auth, a second secret source) is left as loaded until that connection is edited; an
// edited connection keeps only what applies: the user name for basic auth, and the one secret
// source chosen under "Secret from".
//
// Loki and Prometheus connections have rows of their own, shown only for their kind: how far
// around the trace to look, the LogQL template, and the chart queries (title, PromQL, unit),
// exemplar labels and the trace connection that opens an exemplar's trace. Left as they come
// (the defaults), they are saved empty, so the connection follows better defaults later.

#include <QDialog>
#include <atomic>
#include <memory>

#include "remote/connection.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QWidget;

namespace rootline::ui {

class ConnectionListModel;

class ConnectionsDialog : public QDialog {
    Q_OBJECT
public:
    // Where a secret comes from, as chosen under "Secret from".
    enum class SecretSource { Variable, Stored, File };

    // `path` empty: remote::connectionsPath() ($ROOTLINE_CONNECTIONS_FILE wins).
    explicit ConnectionsDialog(QWidget* parent = nullptr, QString path = QString());
    ~ConnectionsDialog() override;

    QString path() const { return path_; }
    bool isLoaded() const { return loaded_; }
    bool isSaving() const { return saving_; }
    bool isTesting() const { return testing_; }
    // The connections as they would be saved.
    const remote::ConnectionList& connections() const;
    // The selected row, or -1.
    int currentRow() const;
    void setCurrentRow(int row);

    // Adds defaultConnection(kind) under a name no other connection has, and selects it.
    void addConnection(remote::SourceKind kind);
    void duplicateCurrent();
    void removeCurrent();
    // Appends a row to the extra headers of the selected connection.
    void addHeader(const QString& name = QString(), const QString& value = QString(),
                   const QString& variable = QString());
    void removeCurrentHeader();

    // Probes the selected connection's server on a worker; connectionTested() tells the end.
    void testConnection();
    // Writes the connections to the file on a worker and closes the dialog when that worked;
    // refused (with the reason shown) while a connection is invalid or two share a name.
    void save();

    // Empty when every connection can be saved, else the first problem, in one line.
    QString validationMessage() const;

    ConnectionListModel* model() const { return model_; }
    QListView* listView() const { return list_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* duplicateButton() const { return duplicate_; }
    QPushButton* removeButton() const { return remove_; }
    QWidget* form() const { return form_; }
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* kindBox() const { return kind_; }
    QLineEdit* urlEdit() const { return url_; }
    QComboBox* authBox() const { return auth_; }
    QLineEdit* userEdit() const { return user_; }
    QComboBox* secretSourceBox() const { return secretSource_; }
    QLineEdit* secretVariableEdit() const { return secretEnv_; }
    QLineEdit* secretEdit() const { return secret_; }
    QLineEdit* secretFileEdit() const { return secretFile_; }
    QPushButton* secretFileButton() const { return secretFileBrowse_; }
    QLineEdit* tenantEdit() const { return tenant_; }
    QTableWidget* headersTable() const { return headers_; }
    QCheckBox* verifyTlsBox() const { return verifyTls_; }
    QLabel* tlsWarningLabel() const { return tlsWarning_; }
    QLineEdit* caFileEdit() const { return caFile_; }
    QPushButton* caFileButton() const { return caFileBrowse_; }
    QSpinBox* timeoutBox() const { return timeout_; }
    QSpinBox* marginBox() const { return margin_; }
    QPlainTextEdit* logQueryEdit() const { return logQuery_; }
    QTableWidget* metricQueriesTable() const { return metricQueries_; }
    QPushButton* addChartButton() const { return addChart_; }
    QPushButton* removeChartButton() const { return removeChart_; }
    QPushButton* resetChartsButton() const { return resetCharts_; }
    QLineEdit* exemplarLabelsEdit() const { return exemplarLabels_; }
    QComboBox* traceConnectionBox() const { return traceConnection_; }
    // Appends a chart row to the selected Prometheus connection.
    void addChart(const QString& title = QString(), const QString& expr = QString(),
                  const QString& unit = QString());
    QLabel* validationLabel() const { return validation_; }
    QPushButton* testButton() const { return test_; }
    QLabel* testResultLabel() const { return testResult_; }
    QLabel* messageLabel() const { return message_; }
    QPushButton* saveButton() const;

    void done(int result) override;

signals:
    // After a successful save, with what was saved.
    void connectionsSaved(const rootline::remote::ConnectionList& list);
    void loaded();
    void saved(bool ok);
    void connectionTested(bool ok);

private:
    enum class Tone { Normal, Good, Warning, Error };

    void load();
    void showMessage(const QString& text, Tone tone);
    void setTone(QLabel* label, Tone tone);
    void setRowEnabled(QWidget* field, bool enabled);
    void showConnection(int row);
    void kindChanged();
    void formChanged();
    remote::Connection connectionFromForm() const;
    void updateFields();
    void validate();
    void stopTest();
    void browse(QLineEdit* edit, const QString& title);
    QWidget* createSignalRows();
    void showSignalSettings(const remote::Connection& c);
    void readSignalSettings(remote::Connection& c) const;
    void fillCharts(const std::vector<remote::MetricQueryTemplate>& queries);

    QString path_;
    bool loaded_ = false;
    bool saving_ = false;
    bool testing_ = false;
    bool showing_ = false;    // the form is being filled from a connection, not edited
    quint64 testNumber_ = 0;  // of the newest probe: an older answer is dropped
    std::shared_ptr<std::atomic<bool>> cancelTest_;

    ConnectionListModel* model_;
    QLabel* message_;
    QListView* list_;
    QPushButton* add_;
    QPushButton* duplicate_;
    QPushButton* remove_;
    QWidget* form_;
    QFormLayout* formLayout_;
    QLineEdit* name_;
    QComboBox* kind_;
    QLineEdit* url_;
    QComboBox* auth_;
    QLineEdit* user_;
    QWidget* secretRow_;
    QComboBox* secretSource_;
    QStackedWidget* secretStack_;
    QLineEdit* secretEnv_;
    QLineEdit* secret_;
    QLineEdit* secretFile_;
    QPushButton* secretFileBrowse_;
    QLineEdit* tenant_;
    QTableWidget* headers_;
    QPushButton* addHeader_;
    QPushButton* removeHeader_;
    QCheckBox* verifyTls_;
    QLabel* tlsWarning_;
    QLineEdit* caFile_;
    QPushButton* caFileBrowse_;
    QSpinBox* timeout_;
    QSpinBox* margin_;
    QPlainTextEdit* logQuery_;
    QWidget* chartsBox_;
    QTableWidget* metricQueries_;
    QPushButton* addChart_;
    QPushButton* removeChart_;
    QPushButton* resetCharts_;
    QLineEdit* exemplarLabels_;
    QComboBox* traceConnection_;
    QLabel* validation_;
    QPushButton* test_;
    QLabel* testResult_;
    QDialogButtonBox* buttons_;
};

}  // namespace rootline::ui
