#include "trace_view/find_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include "colors.h"
#include "logging.h"
#include "service_colors.h"
#include "trace_view/span_search_runner.h"

namespace rootline::ui {

namespace {

QString number(qulonglong n) {
    return QLocale().toString(n);
}

// "No matches" is a warning, not an error: amber rather than the red of error spans, darker on
// a light window and lighter on a dark one so it reads on both.
QColor warningTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xf0, 0xb0, 0x40) : QColor(0xa8, 0x50, 0x00);
}

bool sameTerms(const std::vector<SearchTerm>& a, const std::vector<SearchTerm>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const SearchTerm& x, const SearchTerm& y) {
                          return x.text == y.text && x.key == y.key;
                      });
}

QToolButton* toolButton(QWidget* parent, const char* name) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);  // a click must not steal the line edit's focus
    return button;
}

}  // namespace

FindBar::FindBar(QWidget* parent)
    : QWidget(parent),
      runner_(new SpanSearchRunner(this)),
      debounce_(new QTimer(this)),
      busyHint_(new QTimer(this)) {
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    busyHint_->setSingleShot(true);
    busyHint_->setInterval(kBusyHintDelayMs);

    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("findEdit"));
    edit_->setPlaceholderText(tr("Find spans: text, \"phrase\", key=value"));
    edit_->setToolTip(
        tr("Every term must match. Text is looked for in operation names, services, attribute "
           "keys and values, events and span ids; a \"quoted phrase\" is one term; key=value "
           "matches an attribute whose value contains the text.\n"
           "Enter, F3: next match. Shift+Enter, Shift+F3: previous. Esc: clear."));
    edit_->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    edit_->setMaximumWidth(fontMetrics().averageCharWidth() * 60);
    edit_->installEventFilter(this);

    clear_ = toolButton(this, "findClear");
    clear_->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton, nullptr, this));
    clear_->setToolTip(tr("Clear the query (Esc)"));

    countLabel_ = new QLabel(this);
    countLabel_->setObjectName(QStringLiteral("findCount"));
    countLabel_->setTextFormat(Qt::PlainText);
    // Room for "88,888 of 88,888", so the buttons after it do not move while stepping; right
    // aligned, so the count sits by the arrows it goes with.
    countLabel_->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("%1 of %2").arg(number(88888), number(88888))));
    countLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    previous_ = toolButton(this, "findPrevious");
    previous_->setIcon(QIcon::fromTheme(QStringLiteral("go-up"),
                                        style()->standardIcon(QStyle::SP_ArrowUp, nullptr, this)));
    previous_->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    next_ = toolButton(this, "findNext");
    next_->setIcon(QIcon::fromTheme(QStringLiteral("go-down"),
                                    style()->standardIcon(QStyle::SP_ArrowDown, nullptr, this)));
    next_->setToolTip(tr("Next match (Enter, F3)"));

    filter_ = toolButton(this, "findFilter");
    filter_->setText(tr("Filter"));
    filter_->setCheckable(true);
    filter_->setToolTip(
        tr("Hide the spans that do not match (their ancestors stay, for the path)"));

    hidden_ = new QLabel(this);
    hidden_->setObjectName(QStringLiteral("findHidden"));
    hidden_->setTextFormat(Qt::PlainText);
    hidden_->setToolTip(tr("Spans hidden by the find filter and the service filter"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit_, 1);
    layout->addWidget(clear_);
    layout->addSpacing(6);
    layout->addWidget(countLabel_);
    layout->addWidget(previous_);
    layout->addWidget(next_);
    layout->addSpacing(6);
    layout->addWidget(filter_);
    layout->addSpacing(6);
    layout->addWidget(hidden_);
    layout->addStretch(0);

    connect(edit_, &QLineEdit::textChanged, this, [this] {
        debounce_->start();
        clear_->setEnabled(!edit_->text().isEmpty());
    });
    connect(debounce_, &QTimer::timeout, this, &FindBar::searchNow);
    connect(busyHint_, &QTimer::timeout, this, &FindBar::updateCount);
    connect(runner_, &SpanSearchRunner::finished, this, &FindBar::publish);
    connect(clear_, &QToolButton::clicked, this, [this] {
        clearQuery();
        edit_->setFocus(Qt::OtherFocusReason);
    });
    connect(previous_, &QToolButton::clicked, this, [this] { requestStep(Step::Previous); });
    connect(next_, &QToolButton::clicked, this, [this] { requestStep(Step::Next); });
    connect(filter_, &QToolButton::toggled, this, [this](bool on) {
        qCDebug(lcWindow) << "find: filter mode" << on;
        updateHidden();
        emit filterModeChanged(on);
    });
    createShortcuts();
    clear_->setEnabled(false);
    updateCount();
    updateHidden();
}

FindBar::~FindBar() = default;

void FindBar::createShortcuts() {
    // The window's shortcut, so F3 steps while the waterfall has the focus; a trace tab that is
    // not shown is not visible, and its shortcuts do not fire.
    auto* next = new QShortcut(QKeySequence(Qt::Key_F3), this);
    connect(next, &QShortcut::activated, this, [this] { requestStep(Step::Next); });
    auto* previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this);
    connect(previous, &QShortcut::activated, this, [this] { requestStep(Step::Previous); });
}

void FindBar::setTrace(std::shared_ptr<const Trace> trace) {
    if (trace == trace_) return;
    trace_ = std::move(trace);
    runner_->cancel();
    busyHint_->stop();
    searchedTerms_.clear();
    // The old results index the old trace's spans: nobody may keep using them.
    if (matches_) publish(nullptr, 0);
    debounce_->stop();
    searchNow();
}

void FindBar::activate() {
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

QString FindBar::query() const {
    return edit_->text();
}

bool FindBar::filterMode() const {
    return filter_->isChecked();
}

void FindBar::setCurrentMatch(int oneBased) {
    current_ = oneBased;
    updateCount();
}

void FindBar::setHiddenCounts(quint32 spans, quint32 errors) {
    hiddenSpans_ = spans;
    hiddenErrors_ = errors;
    updateHidden();
}

bool FindBar::isSearching() const {
    return runner_->isRunning();
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched != edit_) return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Esc clears the query even when the window has an Esc shortcut of its own.
        if (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
            case Qt::Key_Escape:
                qCDebug(lcWindow) << "find: cleared with Esc";
                clearQuery();
                emit cleared();
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                requestStep(key->modifiers() & Qt::ShiftModifier ? Step::Previous : Step::Next);
                return true;
            default:
                break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) updateCount();  // the warning colour
}

void FindBar::searchNow() {
    debounce_->stop();
    const std::vector<SearchTerm> terms = parseSearchQuery(edit_->text().toStdString());
    if (!searchedTerms_.empty() && sameTerms(terms, searchedTerms_)) {
        // Already shown or on its way; a step asked for meanwhile waits for it.
        if (!runner_->isRunning()) emitStep(std::exchange(pendingStep_, Step::None));
        return;
    }
    searchedTerms_ = terms;
    if (terms.empty() || !trace_) {
        runner_->cancel();
        busyHint_->stop();
        pendingStep_ = Step::None;
        if (matches_) publish(nullptr, 0);
        updateCount();
        return;
    }
    qCDebug(lcWindow) << "find: searching for" << edit_->text() << "in" << trace_->spanCount()
                      << "spans";
    runner_->start(trace_, terms);
    busyHint_->start();
}

void FindBar::publish(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count) {
    busyHint_->stop();
    matches_ = std::move(matches);
    count_ = count;
    current_ = 0;
    updateCount();
    emit matchesChanged(matches_, count_);
    if (matches_) emitStep(std::exchange(pendingStep_, Step::None));
}

void FindBar::requestStep(Step step) {
    // Enter right after typing searches at once; the step then goes to the new matches.
    if (debounce_->isActive() || runner_->isRunning()) {
        pendingStep_ = step;
        searchNow();
        return;
    }
    emitStep(step);
}

void FindBar::emitStep(Step step) {
    if (step == Step::None || !matches_ || count_ == 0) return;
    if (step == Step::Next)
        emit nextRequested();
    else
        emit previousRequested();
}

void FindBar::clearQuery() {
    edit_->clear();
    searchNow();
}

void FindBar::updateCount() {
    // Only the text colour is set; everything else follows the bar's palette.
    QPalette palette;
    QString text;
    if (runner_->isRunning() && !busyHint_->isActive()) {
        text = tr("Searching…");
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    } else if (matches_ && count_ == 0) {
        text = tr("No matches");
        palette.setColor(QPalette::WindowText, warningTextColor(this->palette()));
    } else if (matches_ && current_ > 0) {
        text = tr("%1 of %2").arg(number(qulonglong(current_)), number(count_));
    } else if (matches_) {
        text = count_ == 1 ? tr("1 match") : tr("%1 matches").arg(number(count_));
    }
    countLabel_->setText(text);
    countLabel_->setPalette(palette);
    const bool canStep = matches_ && count_ > 0;
    previous_->setEnabled(canStep);
    next_->setEnabled(canStep);
}

void FindBar::updateHidden() {
    // The service filter hides spans too, so the counts show whenever something is hidden.
    hidden_->setVisible(filterMode() || hiddenSpans_ > 0 || hiddenErrors_ > 0);
    QString text;
    if (hiddenSpans_ == 0 && hiddenErrors_ == 0)
        text = tr("No spans hidden");
    else if (hiddenErrors_ == 0)
        text = hiddenSpans_ == 1 ? tr("1 span hidden")
                                 : tr("%1 spans hidden").arg(number(hiddenSpans_));
    else if (hiddenErrors_ == 1)
        text = hiddenSpans_ == 1 ? tr("1 span hidden (1 error)")
                                 : tr("%1 spans hidden (1 error)").arg(number(hiddenSpans_));
    else
        text = tr("%1 spans hidden (%2 errors)").arg(number(hiddenSpans_), number(hiddenErrors_));
    hidden_->setText(text);
    // Hidden errors are the ones a user must not miss.
    QPalette palette;
    if (hiddenErrors_ > 0) palette.setColor(QPalette::WindowText, errorTextColor());
    hidden_->setPalette(palette);
}

}  // namespace rootline::ui
