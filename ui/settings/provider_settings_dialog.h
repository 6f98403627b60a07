#pragma once
// Investigate › Model Settings…: which provider explains errors, and one page per provider
// (offline, openai, anthropic, ollama). Read from and saved to llm::providerConfigPath() (mode
// 0600, as it may hold a key) on a worker; a damaged file or a key ignored for the file's mode
// is said at the top of the dialog, and the defaults are shown so the user can save good ones.

#include <QDialog>
#include <map>

#include "llm/provider_config.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace rootline::ui {

class ProviderPage;

class ProviderSettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `path` empty: llm::providerConfigPath() ($ROOTLINE_PROVIDERS_FILE wins).
    explicit ProviderSettingsDialog(QWidget* parent = nullptr, QString path = QString());

    bool isLoaded() const { return loaded_; }
    bool isSaving() const { return saving_; }
    QString path() const { return path_; }
    // The settings on the pages, as they would be saved.
    llm::ProviderConfig config() const;

    // Writes the pages to the file on a worker; closes the dialog when that worked.
    void save();

    QComboBox* activeBox() const { return active_; }
    ProviderPage* page(llm::ProviderKind kind) const { return pages_.at(kind); }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* messageLabel() const { return message_; }

signals:
    void configLoaded();
    void saved(bool ok);

private:
    void load();
    void showConfig(const llm::ProviderConfig& config);
    void showMessage(const QString& text, bool error);

    QString path_;
    bool loaded_ = false;
    bool saving_ = false;
    QComboBox* active_;
    QTabWidget* tabs_;
    std::map<llm::ProviderKind, ProviderPage*> pages_;
    QLabel* message_;
    QDialogButtonBox* buttons_;
};

}  // namespace rootline::ui
