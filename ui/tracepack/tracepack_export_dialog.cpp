#include "tracepack/tracepack_export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "colors.h"
#include "logging.h"
#include "tracepack/tracepack_export_runner.h"

namespace rootline::ui {

namespace {

// Settings keys.
const char* const kCapKey = "tracepack/capKB";
const char* const kDetectIpKey = "tracepack/detectIp";

constexpr int kMinCapKB = int(kMinPackBytes / 1024);
constexpr int kMaxCapKB = 10 * 1024;
constexpr int kDefaultCapKB = int(kDefaultPackBytes / 1024);
// Options typed into the spin box build once the typing pauses.
constexpr int kDebounceMs = 200;
// Span ids listed in a left-out row's tooltip.
constexpr int kListedIds = 20;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString kilobytes(size_t bytes) {
    const double kb = double(bytes) / 1024.0;
    return QLocale().toString(kb, 'f', kb < 100 ? 1 : 0);
}

// "healthy_spans" → "healthy spans"
QString readable(const std::string& what) {
    return qs(what).replace(QLatin1Char('_'), QLatin1Char(' '));
}

}  // namespace

TracepackExportDialog::TracepackExportDialog(Input input, QWidget* parent)
    : QDialog(parent),
      input_(std::move(input)),
      vaultPath_(input_.vaultPath.isEmpty() ? qs(TokenVault::defaultPath()) : input_.vaultPath),
      runner_(new TracepackExportRunner(this)),
      debounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("tracepackExportDialog"));
    setWindowTitle(tr("Export Tracepack"));

    preview_ = new QPlainTextEdit(this);
    preview_->setObjectName(QStringLiteral("tracepackPreview"));
    preview_->setReadOnly(true);
    preview_->setLineWrapMode(QPlainTextEdit::NoWrap);
    preview_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    preview_->setPlaceholderText(tr("Building the tracepack…"));

    // The size against the cap.
    size_ = new QLabel(this);
    size_->setObjectName(QStringLiteral("tracepackSize"));
    sizeBar_ = new QProgressBar(this);
    sizeBar_->setObjectName(QStringLiteral("tracepackSizeBar"));
    sizeBar_->setTextVisible(false);
    sizeBar_->setMaximumHeight(10);
    auto* sizeBox = new QGroupBox(tr("Size"), this);
    auto* sizeLayout = new QVBoxLayout(sizeBox);
    sizeLayout->addWidget(size_);
    sizeLayout->addWidget(sizeBar_);

    // The options.
    cap_ = new QSpinBox(this);
    cap_->setObjectName(QStringLiteral("tracepackCap"));
    cap_->setRange(kMinCapKB, kMaxCapKB);
    cap_->setSuffix(tr(" KB"));
    cap_->setToolTip(tr("The largest pack to make; less important parts are left out to fit"));
    detectIp_ = new QCheckBox(tr("Detect IP addresses"), this);
    detectIp_->setObjectName(QStringLiteral("tracepackDetectIp"));
    detectIp_->setToolTip(tr("Replace IPv4 and IPv6 addresses by tokens too"));
    rulesPath_ = new QLineEdit(this);
    rulesPath_->setObjectName(QStringLiteral("tracepackRulesPath"));
    rulesPath_->setPlaceholderText(tr("Default rules"));
    rulesPath_->setClearButtonEnabled(true);
    rulesPath_->setToolTip(tr("A redaction rules file (JSON); empty for the default rules"));
    browse_ = new QPushButton(tr("Browse…"), this);
    browse_->setObjectName(QStringLiteral("tracepackBrowseRules"));
    rulesError_ = new QLabel(this);
    rulesError_->setObjectName(QStringLiteral("tracepackRulesError"));
    rulesError_->setTextFormat(Qt::PlainText);
    rulesError_->setWordWrap(true);
    rulesError_->hide();
    auto* rulesRow = new QHBoxLayout;
    rulesRow->setContentsMargins(0, 0, 0, 0);
    rulesRow->addWidget(rulesPath_, 1);
    rulesRow->addWidget(browse_);
    auto* optionsBox = new QGroupBox(tr("Options"), this);
    auto* form = new QFormLayout(optionsBox);
    form->addRow(tr("Size cap:"), cap_);
    form->addRow(QString(), detectIp_);
    form->addRow(tr("Rules file:"), rulesRow);
    form->addRow(QString(), rulesError_);

    // What was left out and what was redacted.
    leftOut_ = new QListWidget(this);
    leftOut_->setObjectName(QStringLiteral("tracepackLeftOut"));
    leftOut_->setSelectionMode(QAbstractItemView::NoSelection);
    leftOut_->setFocusPolicy(Qt::NoFocus);
    auto* leftOutBox = new QGroupBox(tr("Left out"), this);
    auto* leftOutLayout = new QVBoxLayout(leftOutBox);
    leftOutLayout->addWidget(leftOut_);

    redactions_ = new QTableWidget(0, 2, this);
    redactions_->setObjectName(QStringLiteral("tracepackRedactions"));
    redactions_->setHorizontalHeaderLabels({tr("Rule"), tr("Values")});
    redactions_->verticalHeader()->hide();
    redactions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    redactions_->setSelectionMode(QAbstractItemView::NoSelection);
    redactions_->setFocusPolicy(Qt::NoFocus);
    redactions_->setShowGrid(false);
    redactions_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    redactions_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    redactions_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    tokens_ = new QLabel(this);
    tokens_->setObjectName(QStringLiteral("tracepackTokens"));
    tokens_->setWordWrap(true);
    auto* redactionBox = new QGroupBox(tr("Redactions"), this);
    auto* redactionLayout = new QVBoxLayout(redactionBox);
    redactionLayout->addWidget(redactions_);
    redactionLayout->addWidget(tokens_);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(sizeBox);
    sideLayout->addWidget(optionsBox);
    sideLayout->addWidget(leftOutBox, 1);
    sideLayout->addWidget(redactionBox, 2);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(preview_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setCollapsible(0, false);
    split->setCollapsible(1, false);
    split->setSizes({600, 400});

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("tracepackStatus"));
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
    save_->setObjectName(QStringLiteral("tracepackSave"));
    copy_ = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy_->setObjectName(QStringLiteral("tracepackCopy"));
    copy_->setToolTip(tr("Copy the tracepack to the clipboard"));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("tracepackClose"));
    // Save… is what Enter does; the dialog stays open after it, to copy or save again.
    save_->setDefault(true);
    connect(save_, &QPushButton::clicked, this, &TracepackExportDialog::chooseSaveFile);
    connect(copy_, &QPushButton::clicked, this, &TracepackExportDialog::copyToClipboard);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    QSettings settings;
    cap_->setValue(settings.value(QLatin1String(kCapKey), kDefaultCapKB).toInt());
    detectIp_->setChecked(settings.value(QLatin1String(kDetectIpKey), false).toBool());

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &TracepackExportDialog::startBuild);
    connect(cap_, &QSpinBox::valueChanged, this, [this] {
        rememberOptions();
        scheduleBuild();
    });
    connect(detectIp_, &QCheckBox::toggled, this, [this] {
        rememberOptions();
        startBuild();
    });
    connect(rulesPath_, &QLineEdit::editingFinished, this, [this] {
        if (rulesPath_->text().trimmed() != requestedRules_) startBuild();
    });
    // The clear button empties the field without finishing the edit.
    connect(rulesPath_, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !requestedRules_.isEmpty()) startBuild();
    });
    connect(browse_, &QPushButton::clicked, this, &TracepackExportDialog::chooseRulesFile);
    connect(runner_, &TracepackExportRunner::finished, this, &TracepackExportDialog::onBuilt);

    resize(1100, 720);
    startBuild();
}

TracepackExportDialog::~TracepackExportDialog() = default;

QByteArray TracepackExportDialog::packBytes() const {
    if (!build_ || runner_->isRunning()) return {};
    const std::string& bytes = build_->result.bytes;
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

bool TracepackExportDialog::isBuilding() const {
    return runner_->isRunning() || debounce_->isActive();
}

QString TracepackExportDialog::packError() const {
    return build_ ? qs(build_->result.error) : QString();
}

QString TracepackExportDialog::rulesError() const {
    return build_ ? build_->rulesError : QString();
}

QString TracepackExportDialog::defaultFileName() const {
    QString id = input_.trace ? qs(input_.trace->traceIdText()).left(7) : QString();
    id.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    if (id.isEmpty()) id = QStringLiteral("trace");
    return id + QStringLiteral(".tracepack.json");
}

void TracepackExportDialog::scheduleBuild() {
    runner_->cancel();  // what it would show is already out of date
    debounce_->start();
    updateButtons();
}

void TracepackExportDialog::startBuild() {
    debounce_->stop();
    TracepackRequest request;
    request.trace = input_.trace;
    request.ranking = input_.ranking;
    request.maxBytes = size_t(cap_->value()) * 1024;
    request.detectIp = detectIp_->isChecked();
    request.rulesPath = rulesPath_->text().trimmed();
    requestedRules_ = request.rulesPath;
    request.source = input_.source;
    request.vaultPath = vaultPath_;
    request.vault = vault_;
    request.extraLogs = input_.extraLogs;
    request.metrics = input_.metrics;
    runner_->start(std::move(request));
    showStatus(tr("Building the tracepack…"), false);
    updateButtons();
}

void TracepackExportDialog::onBuilt(std::shared_ptr<const TracepackBuild> build) {
    build_ = std::move(build);
    if (!vault_) vault_ = build_->vault;  // one key for every build and the save
    const PackResult& r = build_->result;
    preview_->setPlainText(QString::fromStdString(r.bytes));
    if (r.ok())
        preview_->setPlaceholderText(QString());
    else
        preview_->setPlaceholderText(tr("No tracepack: %1").arg(qs(r.error)));
    showSize();
    showLeftOut();
    showRedactions();

    const QString rules = build_->rulesError;
    rulesError_->setText(rules.isEmpty()
                             ? QString()
                             : tr("%1 (the preview uses the default rules; saving is off until "
                                  "the file is fixed or cleared)")
                                   .arg(rules));
    rulesError_->setVisible(!rules.isEmpty());

    if (!r.ok())
        showStatus(tr("No tracepack: %1").arg(qs(r.error)), true);
    else if (!build_->vaultError.isEmpty())
        showStatus(
            tr("Token vault: %1; the tokens of this pack cannot be kept").arg(build_->vaultError),
            true);
    else
        showStatus(tr("In the pack: spans: %1 · collapsed summaries: %2 · suspects: %3")
                       .arg(QLocale().toString(qulonglong(r.spansInPack)),
                            QLocale().toString(qulonglong(r.summariesInPack)),
                            QLocale().toString(qulonglong(r.suspectsInPack))),
                   false);
    updateButtons();
    emit packShown();
}

void TracepackExportDialog::showSize() {
    const size_t cap = size_t(cap_->value()) * 1024;
    const PackResult& r = build_->result;
    const bool failed = !r.ok();
    const QString capText = QLocale().toString(cap_->value());
    size_->setText(failed ? tr("Over the cap of %1 KB").arg(capText)
                          : tr("%1 KB of %2 KB").arg(kilobytes(r.bytes.size()), capText));
    sizeBar_->setRange(0, int(cap));
    sizeBar_->setValue(failed ? int(cap) : int(std::min(cap, r.bytes.size())));
    QPalette pal = sizeBar_->palette();
    if (failed)
        pal.setColor(QPalette::Highlight, errorTextColor(palette()));
    else
        pal.setColor(QPalette::Highlight, palette().color(QPalette::Highlight));
    sizeBar_->setPalette(pal);
    QPalette text = size_->palette();
    text.setColor(QPalette::WindowText,
                  failed ? errorTextColor(palette()) : palette().color(QPalette::WindowText));
    size_->setPalette(text);
}

void TracepackExportDialog::showLeftOut() {
    leftOut_->clear();
    for (const LeftOut& l : build_->result.leftOut) {
        auto* item = new QListWidgetItem(
            tr("%1 %2: %3")
                .arg(QLocale().toString(qulonglong(l.count)), readable(l.what), qs(l.why)),
            leftOut_);
        if (!l.ids.empty()) {
            QStringList ids;
            for (size_t i = 0; i < l.ids.size() && int(i) < kListedIds; ++i)
                ids << qs(l.ids[i]);
            item->setToolTip(tr("Span IDs: %1").arg(ids.join(QStringLiteral(", "))));
        }
    }
    if (build_->result.leftOut.empty() && build_->result.ok())
        new QListWidgetItem(tr("Nothing: the whole failure fits."), leftOut_);
}

void TracepackExportDialog::showRedactions() {
    std::vector<RedactionCount> rows = build_->result.redactions;
    // The rules that replaced something first; the order of the rules otherwise.
    std::stable_partition(rows.begin(), rows.end(),
                          [](const RedactionCount& c) { return c.count > 0; });
    redactions_->setRowCount(int(rows.size()));
    const QColor muted = palette().color(QPalette::PlaceholderText);
    for (int i = 0; i < int(rows.size()); ++i) {
        auto* rule = new QTableWidgetItem(qs(rows[size_t(i)].rule));
        auto* count = new QTableWidgetItem(QLocale().toString(qulonglong(rows[size_t(i)].count)));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (rows[size_t(i)].count == 0) {
            rule->setForeground(muted);
            count->setForeground(muted);
        }
        redactions_->setItem(i, 0, rule);
        redactions_->setItem(i, 1, count);
    }
    const size_t tokens = build_->result.tokens.size();
    tokens_->setText(tokens == 0 ? tr("No tokens to keep.")
                                 : tr("Tokens kept on this computer only, in the token vault: %1")
                                       .arg(QLocale().toString(qulonglong(tokens))));
    tokens_->setToolTip(vaultPath_);
}

void TracepackExportDialog::showStatus(const QString& text, bool error) {
    status_->setText(text);
    QPalette pal = status_->palette();
    pal.setColor(QPalette::WindowText,
                 error ? errorTextColor(palette()) : palette().color(QPalette::WindowText));
    status_->setPalette(pal);
}

void TracepackExportDialog::updateButtons() {
    const bool ready = build_ && !isBuilding() && build_->result.ok();
    const bool rulesOk = build_ && build_->rulesError.isEmpty();
    save_->setEnabled(ready && rulesOk);
    copy_->setEnabled(ready && rulesOk);
    if (rulesError_->isVisible()) {
        QPalette pal = rulesError_->palette();
        pal.setColor(QPalette::WindowText, errorTextColor(palette()));
        rulesError_->setPalette(pal);
    }
}

void TracepackExportDialog::chooseRulesFile() {
    const QString current = rulesPath_->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Redaction Rules"), current.isEmpty() ? QString() : QFileInfo(current).path(),
        tr("Rules files (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    rulesPath_->setText(path);
    startBuild();
}

void TracepackExportDialog::chooseSaveFile() {
    if (!save_->isEnabled()) return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("tracepack/saveDir")).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Tracepack"),
        dir.isEmpty() ? defaultFileName() : QDir(dir).filePath(defaultFileName()),
        tr("Tracepacks (*.tracepack.json)"));
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("tracepack/saveDir"), QFileInfo(path).absolutePath());
    saveTo(path);
}

bool TracepackExportDialog::saveTo(const QString& path) {
    const QByteArray bytes = packBytes();
    if (bytes.isEmpty() || !build_ || !build_->rulesError.isEmpty()) {
        showStatus(tr("There is no tracepack to save yet."), true);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showStatus(tr("Could not save %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    qCDebug(lcWindow) << "tracepack: saved" << path << bytes.size() << "bytes";
    const QString error = keepTokens();
    if (!error.isEmpty()) {
        showStatus(tr("Saved %1, but its tokens could not be kept: %2")
                       .arg(QFileInfo(path).fileName(), error),
                   true);
        return false;
    }
    showStatus(tr("Saved %1 (%2 KB).").arg(QDir::toNativeSeparators(path), kilobytes(bytes.size())),
               false);
    return true;
}

QString TracepackExportDialog::keepTokens() {
    if (!build_->vaultError.isEmpty()) return build_->vaultError;
    if (build_->result.tokens.empty() && QFileInfo::exists(vaultPath_)) return {};
    // Added to the vault as it is on disk now (another pack may have added tokens since this
    // dialog read it); a vault not written yet is the one whose key made the tokens.
    const std::string path = vaultPath_.toStdString();
    TokenVault vault;
    std::string error;
    if (QFileInfo::exists(vaultPath_)) {
        if (!TokenVault::load(path, vault, error)) return qs(error);
    } else if (vault_) {
        vault = *vault_;
    }
    vault.merge(build_->result.tokens);
    if (!vault.save(path, error)) return qs(error);
    return {};
}

void TracepackExportDialog::copyToClipboard() {
    const QByteArray bytes = packBytes();
    if (bytes.isEmpty() || !build_ || !build_->rulesError.isEmpty()) return;
    QApplication::clipboard()->setText(QString::fromUtf8(bytes));
    // Whoever reads the copy may ask about a token: keep them, as a save does.
    const QString error = keepTokens();
    if (!error.isEmpty())
        showStatus(tr("Copied the tracepack, but its tokens could not be kept: %1").arg(error),
                   true);
    else
        showStatus(
            tr("Copied the tracepack (%1 KB) to the clipboard.").arg(kilobytes(bytes.size())),
            false);
}

void TracepackExportDialog::rememberOptions() {
    QSettings settings;
    settings.setValue(QLatin1String(kCapKey), cap_->value());
    settings.setValue(QLatin1String(kDetectIpKey), detectIp_->isChecked());
}

void TracepackExportDialog::changeEvent(QEvent* event) {
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && build_) {
        showSize();
        showRedactions();
    }
}

}  // namespace rootline::ui
