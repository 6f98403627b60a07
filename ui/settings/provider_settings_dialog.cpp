#include "settings/provider_settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "colors.h"
#include "explain/background_call.h"
#include "settings/provider_page.h"

namespace rootline::ui {

namespace {

constexpr llm::ProviderKind kKinds[] = {llm::ProviderKind::Offline, llm::ProviderKind::OpenAI,
                                        llm::ProviderKind::Anthropic, llm::ProviderKind::Ollama};

QString kindLabel(llm::ProviderKind kind) {
    switch (kind) {
        case llm::ProviderKind::Offline:
            return ProviderSettingsDialog::tr("Offline analyst (built in)");
        case llm::ProviderKind::OpenAI:
            return ProviderSettingsDialog::tr("OpenAI or compatible");
        case llm::ProviderKind::Anthropic:
            return ProviderSettingsDialog::tr("Anthropic");
        case llm::ProviderKind::Ollama:
            return ProviderSettingsDialog::tr("Ollama");
    }
    return {};
}

struct LoadedConfig {
    llm::ProviderConfig config;
    QString error, warning;
};

}  // namespace

ProviderSettingsDialog::ProviderSettingsDialog(QWidget* parent, QString path)
    : QDialog(parent),
      path_(path.isEmpty() ? QString::fromStdString(llm::providerConfigPath()) : std::move(path)),
      active_(new QComboBox(this)),
      tabs_(new QTabWidget(this)),
      message_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("providerSettingsDialog"));
    setWindowTitle(tr("Model Settings"));
    active_->setObjectName(QStringLiteral("activeProvider"));
    for (llm::ProviderKind kind : kKinds) {
        active_->addItem(kindLabel(kind), int(kind));
        auto* page = new ProviderPage(kind, tabs_);
        pages_[kind] = page;
        tabs_->addTab(page, QString::fromLatin1(llm::providerName(kind)));
    }
    // Choosing the provider shows its page: that is what the user will want to fill in next.
    connect(active_, &QComboBox::currentIndexChanged, tabs_, &QTabWidget::setCurrentIndex);
    message_->setObjectName(QStringLiteral("settingsMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();
    auto* file = new QLabel(tr("Saved in %1").arg(path_), this);
    file->setWordWrap(true);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("Explain errors with:"), active_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addLayout(form);
    layout->addWidget(tabs_, 1);
    layout->addWidget(file);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ProviderSettingsDialog::save);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 520);
    load();
}

void ProviderSettingsDialog::load() {
    setEnabled(false);  // until the file is read: nothing typed is overwritten by it
    runInBackground(
        this,
        [path = path_.toStdString()] {
            LoadedConfig out;
            std::string error, warning;
            if (!llm::loadProviderConfig(path, out.config, error, &warning))
                out.error = QString::fromStdString(error);
            out.warning = QString::fromStdString(warning);
            return out;
        },
        [this](const LoadedConfig& loaded) {
            setEnabled(true);
            loaded_ = true;
            showConfig(loaded.config);
            if (!loaded.error.isEmpty())
                showMessage(
                    tr("%1. The defaults are shown; Save replaces the file.").arg(loaded.error),
                    true);
            else if (!loaded.warning.isEmpty())
                showMessage(loaded.warning, false);
            emit configLoaded();
        });
}

void ProviderSettingsDialog::showConfig(const llm::ProviderConfig& config) {
    for (const auto& [kind, settings] : config.providers)
        if (auto it = pages_.find(kind); it != pages_.end()) it->second->setSettings(settings);
    active_->setCurrentIndex(active_->findData(int(config.active)));
    tabs_->setCurrentIndex(active_->currentIndex());
}

llm::ProviderConfig ProviderSettingsDialog::config() const {
    llm::ProviderConfig c;
    c.active = llm::ProviderKind(active_->currentData().toInt());
    for (const auto& [kind, page] : pages_)
        c.providers[kind] = page->settings();
    return c;
}

void ProviderSettingsDialog::showMessage(const QString& text, bool error) {
    QPalette palette = message_->palette();
    palette.setColor(QPalette::WindowText, error ? errorTextColor(palette)
                                                 : QWidget::palette().color(QPalette::WindowText));
    message_->setPalette(palette);
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void ProviderSettingsDialog::save() {
    saving_ = true;
    buttons_->setEnabled(false);
    runInBackground(
        this,
        [path = path_.toStdString(), config = config()] {
            std::string error;
            return llm::saveProviderConfig(path, config, error) ? QString()
                                                                : QString::fromStdString(error);
        },
        [this](const QString& error) {
            saving_ = false;
            buttons_->setEnabled(true);
            if (!error.isEmpty()) {
                showMessage(tr("Not saved: %1").arg(error), true);
                emit saved(false);
                return;
            }
            emit saved(true);
            accept();
        });
}

}  // namespace rootline::ui
