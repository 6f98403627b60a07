#include "settings/provider_page.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "colors.h"
#include "explain/background_call.h"
#include "settings/connection_test.h"

namespace rootline::ui {

namespace {

constexpr int kMaxTimeoutSeconds = 3600;
constexpr int kMaxOutputTokens = 200000;
constexpr double kMaxTemperature = 2.0;

}  // namespace

ProviderPage::ProviderPage(llm::ProviderKind kind, QWidget* parent)
    : QWidget(parent),
      kind_(kind),
      baseUrl_(new QLineEdit(this)),
      model_(new QLineEdit(this)),
      keyEnv_(new QLineEdit(this)),
      key_(new QLineEdit(this)),
      timeout_(new QSpinBox(this)),
      maxTokens_(new QSpinBox(this)),
      temperature_(new QDoubleSpinBox(this)),
      test_(new QPushButton(tr("Test Connection"), this)),
      result_(new QLabel(this)) {
    setObjectName(QStringLiteral("providerPage_%1").arg(llm::providerName(kind)));
    baseUrl_->setObjectName(QStringLiteral("baseUrl"));
    model_->setObjectName(QStringLiteral("model"));
    keyEnv_->setObjectName(QStringLiteral("apiKeyEnv"));
    key_->setObjectName(QStringLiteral("apiKey"));
    key_->setEchoMode(QLineEdit::Password);
    timeout_->setRange(1, kMaxTimeoutSeconds);
    timeout_->setSuffix(tr(" s"));
    maxTokens_->setRange(1, kMaxOutputTokens);
    temperature_->setRange(0, kMaxTemperature);
    temperature_->setSingleStep(0.1);
    temperature_->setDecimals(2);
    result_->setObjectName(QStringLiteral("testResult"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* keyHint = new QLabel(
        tr("The key is kept only in the settings file, readable by you alone (mode 0600). When "
           "the environment variable above is set, it wins over this field."),
        this);
    keyHint->setWordWrap(true);
    keyHint->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("Base URL:"), baseUrl_);
    form->addRow(tr("Model:"), model_);
    form->addRow(tr("API key variable:"), keyEnv_);
    form->addRow(tr("API key:"), key_);
    form->addRow(QString(), keyHint);
    form->addRow(tr("Timeout:"), timeout_);
    form->addRow(tr("Max output tokens:"), maxTokens_);
    form->addRow(tr("Temperature:"), temperature_);

    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addWidget(result_, 1);
    auto* layout = new QVBoxLayout(this);
    if (kind == llm::ProviderKind::Offline) {
        // The embedded analyst needs no server, key or model name: only the limits apply.
        auto* note = new QLabel(tr("The offline analyst runs inside Rootline: no network, no "
                                   "key, nothing leaves this computer."),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
        for (QWidget* w : {static_cast<QWidget*>(baseUrl_), static_cast<QWidget*>(keyEnv_),
                           static_cast<QWidget*>(key_), static_cast<QWidget*>(keyHint)})
            w->setEnabled(false);
    }
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addStretch(1);
    connect(test_, &QPushButton::clicked, this, &ProviderPage::testConnection);
    setSettings(llm::defaultSettings(kind));
}

void ProviderPage::setSettings(const llm::ProviderSettings& s) {
    baseUrl_->setText(QString::fromStdString(s.baseUrl));
    model_->setText(QString::fromStdString(s.model));
    keyEnv_->setText(QString::fromStdString(s.apiKeyEnv));
    key_->setText(QString::fromStdString(s.apiKey));
    timeout_->setValue(s.timeoutSeconds);
    maxTokens_->setValue(s.maxOutputTokens);
    temperature_->setValue(s.temperature);
}

llm::ProviderSettings ProviderPage::settings() const {
    llm::ProviderSettings s;
    s.kind = kind_;
    s.baseUrl = baseUrl_->text().trimmed().toStdString();
    s.model = model_->text().trimmed().toStdString();
    s.apiKeyEnv = keyEnv_->text().trimmed().toStdString();
    s.apiKey = key_->text().toStdString();
    s.timeoutSeconds = timeout_->value();
    s.maxOutputTokens = maxTokens_->value();
    s.temperature = temperature_->value();
    return s;
}

void ProviderPage::testConnection() {
    testing_ = true;
    const quint64 generation = ++generation_;
    result_->setText(tr("Asking %1…").arg(model_->text()));
    runInBackground(
        this, [s = settings()] { return rootline::ui::testConnection(s); },
        [this, generation](const ConnectionTestResult& r) {
            if (generation != generation_) return;
            testing_ = false;
            result_->setText(r.text);
            QPalette palette = result_->palette();
            palette.setColor(
                QPalette::WindowText,
                r.ok ? QWidget::palette().color(QPalette::WindowText) : errorTextColor(palette));
            result_->setPalette(palette);
            emit connectionTested(r.ok);
        });
}

}  // namespace rootline::ui
