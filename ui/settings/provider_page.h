#pragma once
// One page of Model Settings: the settings of one provider (base URL, model, API key variable,
// API key, timeout, output token limit, temperature) and Test Connection, which asks that
// provider with the values on the page, on a worker.

#include <QWidget>

#include "llm/provider.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rootline::ui {

class ProviderPage : public QWidget {
    Q_OBJECT
public:
    explicit ProviderPage(llm::ProviderKind kind, QWidget* parent = nullptr);

    llm::ProviderKind kind() const { return kind_; }
    void setSettings(const llm::ProviderSettings& settings);
    llm::ProviderSettings settings() const;

    void testConnection();
    bool isTesting() const { return testing_; }

    QLineEdit* baseUrlEdit() const { return baseUrl_; }
    QLineEdit* modelEdit() const { return model_; }
    QLineEdit* keyEnvEdit() const { return keyEnv_; }
    QLineEdit* keyEdit() const { return key_; }
    QSpinBox* timeoutBox() const { return timeout_; }
    QSpinBox* maxTokensBox() const { return maxTokens_; }
    QDoubleSpinBox* temperatureBox() const { return temperature_; }
    QPushButton* testButton() const { return test_; }
    QLabel* testResultLabel() const { return result_; }

signals:
    void connectionTested(bool ok);

private:
    llm::ProviderKind kind_;
    bool testing_ = false;
    quint64 generation_ = 0;  // of the newest test: an older answer is dropped
    QLineEdit* baseUrl_;
    QLineEdit* model_;
    QLineEdit* keyEnv_;
    QLineEdit* key_;
    QSpinBox* timeout_;
    QSpinBox* maxTokens_;
    QDoubleSpinBox* temperature_;
    QPushButton* test_;
    QLabel* result_;
};

}  // namespace rootline::ui
