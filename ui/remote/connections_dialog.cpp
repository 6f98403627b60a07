#include "remote/connections_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringList>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "colors.h"
#include "explain/background_call.h"
#include "remote/connection_list_model.h"
#include "remote/connection_probe.h"
#include "service_colors.h"

namespace rootline::ui {

namespace {

constexpr remote::SourceKind kKinds[] = {remote::SourceKind::Jaeger, remote::SourceKind::Tempo,
                                         remote::SourceKind::Loki, remote::SourceKind::Prometheus};
constexpr int kMaxTimeoutSeconds = 3600;
enum HeaderColumn { HeaderName, HeaderValue, HeaderVariable, HeaderColumns };

// Where a server of this kind usually sits behind a shared gateway: the sub-path is part of
// the URL.
const char* exampleUrl(remote::SourceKind kind) {
    switch (kind) {
        case remote::SourceKind::Jaeger:
            return "https://tracing.example/jaeger";
        case remote::SourceKind::Tempo:
            return "https://grafana.example/tempo";
        case remote::SourceKind::Loki:
            return "https://grafana.example/loki";
        case remote::SourceKind::Prometheus:
            return "https://grafana.example/prometheus";
    }
    return "";
}

QColor goodTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0x6a, 0xd4, 0x8a) : QColor(0x1a, 0x7f, 0x37);
}

QColor warningTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xf0, 0xb0, 0x40) : QColor(0xa8, 0x50, 0x00);
}

// A header value may be a secret: the table shows dots, and the editor hides what is typed.
class SecretValueDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant& value, const QLocale&) const override {
        // Always eight dots, so the length does not show either.
        return value.toString().isEmpty() ? QString() : QString(8, QChar(0x2022));
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto* line = qobject_cast<QLineEdit*>(editor)) line->setEchoMode(QLineEdit::Password);
        return editor;
    }
};

QString cellText(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

struct LoadedConnections {
    remote::ConnectionList list;
    QString error;
    QStringList warnings;
};

}  // namespace

ConnectionsDialog::ConnectionsDialog(QWidget* parent, QString path)
    : QDialog(parent),
      path_(path.isEmpty() ? QString::fromStdString(remote::connectionsPath()) : std::move(path)),
      model_(new ConnectionListModel(this)),
      message_(new QLabel(this)),
      list_(new QListView(this)),
      add_(new QPushButton(tr("&Add"), this)),
      duplicate_(new QPushButton(tr("D&uplicate"), this)),
      remove_(new QPushButton(tr("&Remove"), this)),
      form_(new QWidget(this)),
      formLayout_(new QFormLayout(form_)),
      name_(new QLineEdit(form_)),
      kind_(new QComboBox(form_)),
      url_(new QLineEdit(form_)),
      auth_(new QComboBox(form_)),
      user_(new QLineEdit(form_)),
      secretRow_(new QWidget(form_)),
      secretSource_(new QComboBox(secretRow_)),
      secretStack_(new QStackedWidget(secretRow_)),
      secretEnv_(new QLineEdit(secretStack_)),
      secret_(new QLineEdit(secretStack_)),
      secretFile_(new QLineEdit),
      secretFileBrowse_(new QPushButton(tr("Browse…"))),
      tenant_(new QLineEdit(form_)),
      headers_(new QTableWidget(0, HeaderColumns, form_)),
      addHeader_(new QPushButton(tr("Add Header"), form_)),
      removeHeader_(new QPushButton(tr("Remove Header"), form_)),
      verifyTls_(new QCheckBox(tr("Verify the TLS certificate"), form_)),
      tlsWarning_(new QLabel(form_)),
      caFile_(new QLineEdit),
      caFileBrowse_(new QPushButton(tr("Browse…"))),
      timeout_(new QSpinBox(form_)),
      validation_(new QLabel(this)),
      test_(new QPushButton(tr("Test Connection"), this)),
      testResult_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));

    message_->setObjectName(QStringLiteral("connectionsMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    // The list, and what can be done to it.
    list_->setObjectName(QStringLiteral("connectionList"));
    list_->setModel(model_);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* addMenu = new QMenu(add_);
    for (remote::SourceKind kind : kKinds) {
        QAction* a = addMenu->addAction(sourceKindLabel(kind));
        a->setObjectName(QStringLiteral("add_%1").arg(remote::sourceKindName(kind)));
        connect(a, &QAction::triggered, this, [this, kind] { addConnection(kind); });
    }
    add_->setObjectName(QStringLiteral("addConnection"));
    add_->setMenu(addMenu);
    duplicate_->setObjectName(QStringLiteral("duplicateConnection"));
    remove_->setObjectName(QStringLiteral("removeConnection"));
    connect(duplicate_, &QPushButton::clicked, this, &ConnectionsDialog::duplicateCurrent);
    connect(remove_, &QPushButton::clicked, this, &ConnectionsDialog::removeCurrent);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add_);
    listButtons->addWidget(duplicate_);
    listButtons->addWidget(remove_);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(list_, 1);
    leftLayout->addLayout(listButtons);

    // The form of the selected connection.
    name_->setObjectName(QStringLiteral("connectionName"));
    kind_->setObjectName(QStringLiteral("connectionKind"));
    for (remote::SourceKind kind : kKinds)
        kind_->addItem(sourceKindLabel(kind), int(kind));
    url_->setObjectName(QStringLiteral("connectionUrl"));
    auth_->setObjectName(QStringLiteral("connectionAuth"));
    auth_->addItem(tr("None"), int(remote::AuthKind::None));
    auth_->addItem(tr("Bearer token"), int(remote::AuthKind::Bearer));
    auth_->addItem(tr("Basic (user and password)"), int(remote::AuthKind::Basic));
    user_->setObjectName(QStringLiteral("connectionUser"));

    secretSource_->setObjectName(QStringLiteral("secretSource"));
    secretSource_->addItem(tr("Environment variable"), int(SecretSource::Variable));
    secretSource_->addItem(tr("Stored in the settings file"), int(SecretSource::Stored));
    secretSource_->addItem(tr("Secret file"), int(SecretSource::File));
    secretEnv_->setObjectName(QStringLiteral("secretVariable"));
    secretEnv_->setPlaceholderText(
        tr("name of the variable, e.g. %1").arg(QStringLiteral("TRACES_TOKEN")));
    secret_->setObjectName(QStringLiteral("secret"));
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setPlaceholderText(tr("kept in the settings file, readable by you alone (mode 0600)"));
    secretFile_->setObjectName(QStringLiteral("secretFile"));
    secretFile_->setPlaceholderText(
        tr("a file only you can read (mode 0600); its first line is used"));
    secretFileBrowse_->setObjectName(QStringLiteral("secretFileBrowse"));
    auto* secretFilePage = new QWidget(secretStack_);
    auto* secretFileLayout = new QHBoxLayout(secretFilePage);
    secretFileLayout->setContentsMargins(0, 0, 0, 0);
    secretFileLayout->addWidget(secretFile_, 1);
    secretFileLayout->addWidget(secretFileBrowse_);
    secretStack_->addWidget(secretEnv_);
    secretStack_->addWidget(secret_);
    secretStack_->addWidget(secretFilePage);
    secretStack_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* secretLayout = new QHBoxLayout(secretRow_);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(secretSource_);
    secretLayout->addWidget(secretStack_, 1);

    tenant_->setObjectName(QStringLiteral("connectionTenant"));
    tenant_->setPlaceholderText(tr("sent as X-Scope-OrgID; empty for none"));

    headers_->setObjectName(QStringLiteral("connectionHeaders"));
    headers_->setHorizontalHeaderLabels({tr("Header"), tr("Value"), tr("Or from variable")});
    headers_->horizontalHeaderItem(HeaderVariable)
        ->setToolTip(tr("When this environment variable is set, its value is sent instead"));
    headers_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    headers_->verticalHeader()->hide();
    headers_->setSelectionBehavior(QAbstractItemView::SelectRows);
    headers_->setSelectionMode(QAbstractItemView::SingleSelection);
    headers_->setItemDelegateForColumn(HeaderValue, new SecretValueDelegate(headers_));
    headers_->setMaximumHeight(fontMetrics().height() * 8);
    addHeader_->setObjectName(QStringLiteral("addHeader"));
    removeHeader_->setObjectName(QStringLiteral("removeHeader"));
    auto* headersBox = new QWidget(form_);
    auto* headersLayout = new QVBoxLayout(headersBox);
    headersLayout->setContentsMargins(0, 0, 0, 0);
    headersLayout->addWidget(headers_);
    auto* headerButtons = new QHBoxLayout;
    headerButtons->addWidget(addHeader_);
    headerButtons->addWidget(removeHeader_);
    headerButtons->addStretch(1);
    headersLayout->addLayout(headerButtons);

    verifyTls_->setObjectName(QStringLiteral("verifyTls"));
    tlsWarning_->setObjectName(QStringLiteral("tlsWarning"));
    tlsWarning_->setWordWrap(true);
    setTone(tlsWarning_, Tone::Warning);
    tlsWarning_->hide();
    caFile_->setObjectName(QStringLiteral("caFile"));
    caFile_->setPlaceholderText(tr("a PEM bundle to trust; empty for the system's"));
    caFileBrowse_->setObjectName(QStringLiteral("caFileBrowse"));
    auto* caRow = new QWidget(form_);
    auto* caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(caFile_, 1);
    caLayout->addWidget(caFileBrowse_);
    timeout_->setObjectName(QStringLiteral("connectionTimeout"));
    timeout_->setRange(1, kMaxTimeoutSeconds);
    timeout_->setSuffix(tr(" s"));

    formLayout_->setContentsMargins(0, 0, 0, 0);
    formLayout_->addRow(tr("Name:"), name_);
    formLayout_->addRow(tr("Kind:"), kind_);
    formLayout_->addRow(tr("URL:"), url_);
    formLayout_->addRow(tr("Authentication:"), auth_);
    formLayout_->addRow(tr("User:"), user_);
    formLayout_->addRow(tr("Secret from:"), secretRow_);
    formLayout_->addRow(tr("Tenant (X-Scope-OrgID):"), tenant_);
    formLayout_->addRow(tr("Extra headers:"), headersBox);
    formLayout_->addRow(QString(), verifyTls_);
    formLayout_->addRow(QString(), tlsWarning_);
    formLayout_->addRow(tr("CA file:"), caRow);
    formLayout_->addRow(tr("Timeout:"), timeout_);
    createSignalRows();

    validation_->setObjectName(QStringLiteral("validationMessage"));
    validation_->setWordWrap(true);
    validation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(validation_, Tone::Error);
    validation_->hide();
    test_->setObjectName(QStringLiteral("testConnection"));
    testResult_->setObjectName(QStringLiteral("testResult"));
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addWidget(testResult_, 1);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(form_);
    rightLayout->addWidget(validation_);
    rightLayout->addLayout(testRow);
    rightLayout->addStretch(1);

    auto* splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 600});

    auto* file = new QLabel(tr("Saved in %1").arg(path_), this);
    file->setWordWrap(true);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addWidget(splitter, 1);
    layout->addWidget(file);
    layout->addWidget(buttons_);

    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                showConnection(current.isValid() ? current.row() : -1);
            });
    for (QLineEdit* edit : {name_, url_, user_, secretEnv_, secret_, secretFile_, tenant_, caFile_})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionsDialog::formChanged);
    connect(kind_, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::kindChanged);
    connect(auth_, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::formChanged);
    connect(secretSource_, &QComboBox::currentIndexChanged, secretStack_,
            &QStackedWidget::setCurrentIndex);
    connect(secretSource_, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::formChanged);
    connect(headers_, &QTableWidget::itemChanged, this, &ConnectionsDialog::formChanged);
    connect(headers_, &QTableWidget::currentCellChanged, this, &ConnectionsDialog::updateFields);
    connect(verifyTls_, &QCheckBox::toggled, this, &ConnectionsDialog::formChanged);
    connect(timeout_, &QSpinBox::valueChanged, this, &ConnectionsDialog::formChanged);
    connect(addHeader_, &QPushButton::clicked, this, [this] { addHeader(); });
    connect(removeHeader_, &QPushButton::clicked, this, &ConnectionsDialog::removeCurrentHeader);
    connect(secretFileBrowse_, &QPushButton::clicked, this,
            [this] { browse(secretFile_, tr("Secret File")); });
    connect(caFileBrowse_, &QPushButton::clicked, this,
            [this] { browse(caFile_, tr("CA Certificates")); });
    connect(test_, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ConnectionsDialog::save);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(900, 700);
    showConnection(-1);
    load();
}

ConnectionsDialog::~ConnectionsDialog() {
    // A probe still waiting for its server ends within ~100 ms; its answer goes nowhere.
    if (cancelTest_) *cancelTest_ = true;
    // The children go next: nothing they say on the way may reach the form.
    showing_ = true;
    disconnect(list_->selectionModel(), nullptr, this, nullptr);
}

const remote::ConnectionList& ConnectionsDialog::connections() const {
    return model_->list();
}

int ConnectionsDialog::currentRow() const {
    const QModelIndex current = list_->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ConnectionsDialog::setCurrentRow(int row) {
    list_->setCurrentIndex(row >= 0 && row < model_->rowCount() ? model_->index(row)
                                                                : QModelIndex());
}

QPushButton* ConnectionsDialog::saveButton() const {
    return buttons_->button(QDialogButtonBox::Save);
}

void ConnectionsDialog::load() {
    setEnabled(false);  // until the file is read: nothing typed is overwritten by it
    runInBackground(
        this,
        [path = path_.toStdString()] {
            LoadedConnections out;
            std::string error;
            std::vector<std::string> warnings;
            if (!remote::loadConnections(path, out.list, error, &warnings))
                out.error = QString::fromStdString(error);
            for (const std::string& w : warnings)
                out.warnings << QString::fromStdString(w);
            return out;
        },
        [this](const LoadedConnections& loaded) {
            setEnabled(true);
            loaded_ = true;
            model_->setList(loaded.list);
            // A reset leaves no current row and says nothing: show one.
            if (model_->rowCount() > 0)
                setCurrentRow(0);
            else
                showConnection(-1);
            if (!loaded.error.isEmpty())
                showMessage(tr("%1. Nothing was loaded; Save replaces the file.").arg(loaded.error),
                            Tone::Error);
            else if (!loaded.warnings.isEmpty())
                showMessage(loaded.warnings.join(QLatin1Char('\n')), Tone::Warning);
            validate();
            emit this->loaded();
        });
}

void ConnectionsDialog::setTone(QLabel* label, Tone tone) {
    QPalette palette = label->palette();
    const QPalette& own = QWidget::palette();
    QColor color = own.color(QPalette::WindowText);
    if (tone == Tone::Good) color = goodTextColor(own);
    if (tone == Tone::Warning) color = warningTextColor(own);
    if (tone == Tone::Error) color = errorTextColor(own);
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

void ConnectionsDialog::showMessage(const QString& text, Tone tone) {
    setTone(message_, tone);
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void ConnectionsDialog::setRowEnabled(QWidget* field, bool enabled) {
    field->setEnabled(enabled);
    if (QWidget* label = formLayout_->labelForField(field)) label->setEnabled(enabled);
}

void ConnectionsDialog::showConnection(int row) {
    stopTest();
    testResult_->clear();
    showing_ = true;
    const remote::Connection c = row >= 0 ? model_->at(row) : remote::Connection{};
    name_->setText(QString::fromStdString(c.name));
    kind_->setCurrentIndex(kind_->findData(int(c.kind)));
    url_->setText(QString::fromStdString(c.baseUrl));
    auth_->setCurrentIndex(auth_->findData(int(c.auth)));
    user_->setText(QString::fromStdString(c.username));
    secretEnv_->setText(QString::fromStdString(c.secretEnv));
    secret_->setText(QString::fromStdString(c.secret));
    secretFile_->setText(QString::fromStdString(c.secretFile));
    // The one resolveSecret() uses first; a new connection names a variable, the safest.
    const SecretSource source = !c.secretEnv.empty()    ? SecretSource::Variable
                                : !c.secretFile.empty() ? SecretSource::File
                                : !c.secret.empty()     ? SecretSource::Stored
                                                        : SecretSource::Variable;
    secretSource_->setCurrentIndex(secretSource_->findData(int(source)));
    tenant_->setText(QString::fromStdString(c.tenant));
    headers_->setRowCount(0);
    for (const remote::ExtraHeader& h : c.headers) {
        const int r = headers_->rowCount();
        headers_->insertRow(r);
        headers_->setItem(r, HeaderName, new QTableWidgetItem(QString::fromStdString(h.name)));
        headers_->setItem(r, HeaderValue, new QTableWidgetItem(QString::fromStdString(h.value)));
        headers_->setItem(r, HeaderVariable,
                          new QTableWidgetItem(QString::fromStdString(h.valueEnv)));
    }
    verifyTls_->setChecked(c.verifyTls);
    caFile_->setText(QString::fromStdString(c.caFile));
    const auto ms = c.timeout.count();
    timeout_->setValue(int(std::clamp<long long>((ms + 999) / 1000, 1, kMaxTimeoutSeconds)));
    showSignalSettings(c);
    showing_ = false;
    updateFields();
    validate();
}

void ConnectionsDialog::kindChanged() {
    const int row = currentRow();
    if (showing_ || row < 0) return;
    const remote::SourceKind from = model_->at(row).kind;
    const auto to = remote::SourceKind(kind_->currentData().toInt());
    const remote::Connection before = remote::defaultConnection(from);
    const remote::Connection after = remote::defaultConnection(to);
    // Defaults still untouched follow the kind; anything the user typed stays.
    showing_ = true;
    if (url_->text().trimmed().toStdString() == before.baseUrl)
        url_->setText(QString::fromStdString(after.baseUrl));
    if (name_->text().trimmed().toStdString() == before.name)
        name_->setText(model_->uniqueName(QString::fromStdString(after.name)));
    showing_ = false;
    formChanged();
}

void ConnectionsDialog::formChanged() {
    const int row = currentRow();
    if (showing_ || row < 0) return;
    model_->setConnection(row, connectionFromForm());
    if (!testing_) testResult_->clear();
    updateFields();
    validate();
}

remote::Connection ConnectionsDialog::connectionFromForm() const {
    remote::Connection c;
    c.name = name_->text().trimmed().toStdString();
    c.kind = remote::SourceKind(kind_->currentData().toInt());
    c.baseUrl = url_->text().trimmed().toStdString();
    c.auth = remote::AuthKind(auth_->currentData().toInt());
    if (c.auth == remote::AuthKind::Basic) c.username = user_->text().trimmed().toStdString();
    if (c.auth != remote::AuthKind::None) {
        switch (SecretSource(secretSource_->currentData().toInt())) {
            case SecretSource::Variable:
                c.secretEnv = secretEnv_->text().trimmed().toStdString();
                break;
            case SecretSource::Stored:
                c.secret = secret_->text().toStdString();
                break;
            case SecretSource::File:
                c.secretFile = secretFile_->text().trimmed().toStdString();
                break;
        }
    }
    c.tenant = tenant_->text().trimmed().toStdString();
    for (int r = 0; r < headers_->rowCount(); ++r) {
        remote::ExtraHeader h{cellText(headers_, r, HeaderName).trimmed().toStdString(),
                              cellText(headers_, r, HeaderValue).toStdString(),
                              cellText(headers_, r, HeaderVariable).trimmed().toStdString()};
        if (!h.name.empty() || !h.value.empty() || !h.valueEnv.empty())
            c.headers.push_back(std::move(h));
    }
    c.verifyTls = verifyTls_->isChecked();
    c.caFile = caFile_->text().trimmed().toStdString();
    c.timeout = std::chrono::seconds(timeout_->value());
    readSignalSettings(c);
    return c;
}

void ConnectionsDialog::updateFields() {
    const int row = currentRow();
    const bool selected = row >= 0;
    form_->setEnabled(selected);
    duplicate_->setEnabled(selected);
    remove_->setEnabled(selected);
    test_->setEnabled(selected && !testing_);
    const auto auth = remote::AuthKind(auth_->currentData().toInt());
    setRowEnabled(user_, auth == remote::AuthKind::Basic);
    setRowEnabled(secretRow_, auth != remote::AuthKind::None);
    removeHeader_->setEnabled(headers_->currentRow() >= 0);
    const auto kind = remote::SourceKind(kind_->currentData().toInt());
    url_->setPlaceholderText(tr("e.g. %1").arg(QString::fromLatin1(exampleUrl(kind))));
    const std::string warning = selected ? remote::tlsWarning(model_->at(row)) : std::string();
    tlsWarning_->setText(QString::fromStdString(warning));
    tlsWarning_->setVisible(!warning.empty());
    // The log and metric rows only for their kinds.
    const bool loki = kind == remote::SourceKind::Loki;
    const bool prometheus = kind == remote::SourceKind::Prometheus;
    formLayout_->setRowVisible(margin_, loki || prometheus);
    formLayout_->setRowVisible(logQuery_, loki);
    formLayout_->setRowVisible(chartsBox_, prometheus);
    formLayout_->setRowVisible(exemplarLabels_, prometheus);
    formLayout_->setRowVisible(traceConnection_, prometheus);
    margin_->setSpecialValueText(tr("Default (%1 s)").arg(remote::defaultMargin(kind).count()));
    removeChart_->setEnabled(metricQueries_->currentRow() >= 0);
}

QString ConnectionsDialog::validationMessage() const {
    const std::vector<remote::Connection>& all = model_->list().connections;
    std::string error;
    // The selected connection's problem first: that is the one being typed.
    const int row = currentRow();
    if (row >= 0 && !remote::validateConnection(all[size_t(row)], error))
        return QString::fromStdString(error);
    std::set<std::string> names;
    for (const remote::Connection& c : all)
        if (!names.insert(c.name).second)
            return tr("Two connections are named '%1': each needs a name of its own")
                .arg(QString::fromStdString(c.name));
    for (const remote::Connection& c : all)
        if (!remote::validateConnection(c, error)) return QString::fromStdString(error);
    return {};
}

void ConnectionsDialog::validate() {
    const QString problem = validationMessage();
    validation_->setText(problem);
    validation_->setVisible(!problem.isEmpty());
    saveButton()->setEnabled(loaded_ && !saving_ && problem.isEmpty());
}

void ConnectionsDialog::addConnection(remote::SourceKind kind) {
    remote::Connection c = remote::defaultConnection(kind);
    c.name = model_->uniqueName(QString::fromStdString(c.name)).toStdString();
    setCurrentRow(model_->append(std::move(c)));
    name_->setFocus();
    name_->selectAll();
    validate();
}

void ConnectionsDialog::duplicateCurrent() {
    const int row = currentRow();
    if (row < 0) return;
    remote::Connection c = model_->at(row);
    c.name = model_->uniqueName(tr("%1 (copy)").arg(QString::fromStdString(c.name))).toStdString();
    setCurrentRow(model_->append(std::move(c)));
    name_->setFocus();
    name_->selectAll();
    validate();
}

void ConnectionsDialog::removeCurrent() {
    const int row = currentRow();
    if (row < 0) return;
    // No current row while it goes, so the form is never filled from a row being removed.
    setCurrentRow(-1);
    model_->remove(row);
    setCurrentRow(std::min(row, model_->rowCount() - 1));
    validate();
}

void ConnectionsDialog::addHeader(const QString& name, const QString& value,
                                  const QString& variable) {
    if (currentRow() < 0) return;
    showing_ = true;
    const int r = headers_->rowCount();
    headers_->insertRow(r);
    headers_->setItem(r, HeaderName, new QTableWidgetItem(name));
    headers_->setItem(r, HeaderValue, new QTableWidgetItem(value));
    headers_->setItem(r, HeaderVariable, new QTableWidgetItem(variable));
    showing_ = false;
    headers_->setCurrentCell(r, HeaderName);
    formChanged();
    if (name.isEmpty() && isVisible()) headers_->editItem(headers_->item(r, HeaderName));
}

void ConnectionsDialog::removeCurrentHeader() {
    const int r = headers_->currentRow();
    if (r < 0) return;
    headers_->removeRow(r);
    formChanged();
}

void ConnectionsDialog::browse(QLineEdit* edit, const QString& title) {
    const QString current = edit->text().trimmed();
    const QString file = QFileDialog::getOpenFileName(
        this, title, current.isEmpty() ? QString() : QFileInfo(current).absolutePath());
    if (!file.isEmpty()) edit->setText(file);
}

void ConnectionsDialog::stopTest() {
    if (cancelTest_) *cancelTest_ = true;
    cancelTest_.reset();
    ++testNumber_;  // whatever the probe still running answers is dropped
    testing_ = false;
}

void ConnectionsDialog::testConnection() {
    const int row = currentRow();
    if (row < 0 || testing_) return;
    const remote::Connection c = model_->at(row);
    std::string error;
    if (!remote::validateConnection(c, error)) {
        testResult_->setText(QString::fromStdString(error));
        setTone(testResult_, Tone::Error);
        emit connectionTested(false);
        return;
    }
    stopTest();
    testing_ = true;
    const quint64 number = testNumber_;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancelTest_ = cancel;
    testResult_->setText(tr("Testing…"));
    setTone(testResult_, Tone::Normal);
    updateFields();
    runInBackground(
        this, [c, cancel] { return probeConnection(c, cancel.get()); },
        [this, number](const ConnectionProbeResult& r) {
            if (number != testNumber_) return;
            testing_ = false;
            cancelTest_.reset();
            updateFields();
            testResult_->setText(r.text);
            setTone(testResult_, r.ok ? Tone::Good : Tone::Error);
            emit connectionTested(r.ok);
        });
}

void ConnectionsDialog::save() {
    if (saving_ || !loaded_) return;
    const QString problem = validationMessage();
    if (!problem.isEmpty()) {
        showMessage(tr("Not saved: %1").arg(problem), Tone::Error);
        emit saved(false);
        return;
    }
    saving_ = true;
    buttons_->setEnabled(false);
    runInBackground(
        this,
        [path = path_.toStdString(), list = model_->list()] {
            std::string error;
            return remote::saveConnections(path, list, error) ? QString()
                                                              : QString::fromStdString(error);
        },
        [this, list = model_->list()](const QString& error) {
            saving_ = false;
            buttons_->setEnabled(true);
            validate();
            if (!error.isEmpty()) {
                showMessage(tr("Not saved: %1").arg(error), Tone::Error);
                emit saved(false);
                return;
            }
            emit connectionsSaved(list);
            emit saved(true);
            accept();
        });
}

void ConnectionsDialog::done(int result) {
    stopTest();  // Cancel or Save: nobody waits for the answer any more
    updateFields();
    QDialog::done(result);
}

}  // namespace rootline::ui
