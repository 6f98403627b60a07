#include "trace_view/trace_header.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "colors.h"
#include "elided_label.h"
#include "flow_layout.h"
#include "logging.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(qulonglong n) {
    return QLocale().toString(n);
}

// Local time to the millisecond, as a user compares it with their logs; UTC is in the tooltip.
QString localTime(int64_t ns) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::LocalTime);
    return QStringLiteral("%1 %2").arg(QLocale().toString(t.date(), QLocale::ShortFormat),
                                       t.time().toString(QStringLiteral("HH:mm:ss.zzz")));
}

bool isHex(const QString& s) {
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

// A flat button for a count that does something when clicked. A zero count does nothing, so it
// then lets clicks through and looks like the other facts.
void setClickable(QToolButton* button, bool clickable) {
    button->setAttribute(Qt::WA_TransparentForMouseEvents, !clickable);
    button->setFocusPolicy(clickable ? Qt::TabFocus : Qt::NoFocus);
    button->setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

QToolButton* countButton(QWidget* parent, const char* name) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

}  // namespace

TraceHeader::TraceHeader(QWidget* parent) : QWidget(parent) {
    title_ = new ElidedLabel(this);
    title_->setObjectName(QStringLiteral("headerTitle"));
    title_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    title_->setFont(big);

    traceId_ = new QLabel(this);
    traceId_->setObjectName(QStringLiteral("headerTraceId"));
    traceId_->setTextFormat(Qt::PlainText);
    // Ids are compared digit by digit: a fixed font, in the quieter colour of secondary text.
    traceId_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    traceId_->setForegroundRole(QPalette::PlaceholderText);
    traceId_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(tr("Copy Trace ID"), traceId_);
    copy->setObjectName(QStringLiteral("copyTraceId"));
    connect(copy, &QAction::triggered, this, &TraceHeader::copyTraceId);
    traceId_->addAction(copy);

    auto* titleLine = new QHBoxLayout;
    titleLine->setContentsMargins(0, 0, 0, 0);
    titleLine->setSpacing(12);
    titleLine->addWidget(title_, 1);
    titleLine->addWidget(traceId_, 0, Qt::AlignBaseline);

    auto* facts = new QWidget(this);
    start_ = addFact(facts, "headerStart", tr("Start"));
    duration_ = addFact(facts, "headerDuration", tr("Duration"));
    duration_.box->setToolTip(tr("From the earliest span start to the latest span end"));
    services_ = addFact(facts, "headerServices", tr("Services"));
    depth_ = addFact(facts, "headerDepth", tr("Depth"));
    depth_.box->setToolTip(tr("Levels from the root to the deepest span"));
    spans_ = addFact(facts, "headerSpans", tr("Spans"));
    roots_ = addFact(facts, "headerRoots", tr("Roots"));
    errors_ = countButton(facts, "headerErrors");
    warnings_ = countButton(facts, "headerWarnings");
    warnings_->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this));
    const int icon = fontMetrics().height();
    warnings_->setIconSize(QSize(icon, icon));
    setClickable(warnings_, true);

    auto* flow = new FlowLayout(facts, 16, 0);
    flow->setContentsMargins(0, 0, 0, 0);
    for (const Fact* fact : {&start_, &duration_, &services_, &depth_, &spans_, &roots_})
        flow->addWidget(fact->box);
    flow->addWidget(errors_);
    flow->addWidget(warnings_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(0);
    layout->addLayout(titleLine);
    layout->addWidget(facts);

    connect(errors_, &QToolButton::clicked, this, [this] {
        qCDebug(lcWindow) << "header: errors clicked";
        emit errorsClicked();
    });
    connect(warnings_, &QToolButton::clicked, this, [this] {
        qCDebug(lcWindow) << "header: warnings clicked";
        emit warningsClicked();
    });
    setTrace(Trace(), TraceSummary());
}

TraceHeader::Fact TraceHeader::addFact(QWidget* parent, const char* name, const QString& caption) {
    Fact fact;
    fact.box = new QWidget(parent);
    fact.box->setObjectName(QString::fromLatin1(name));
    fact.caption = new QLabel(caption, fact.box);
    fact.caption->setForegroundRole(QPalette::PlaceholderText);
    fact.value = new QLabel(fact.box);
    fact.value->setObjectName(QString::fromLatin1(name) + QStringLiteral("Value"));
    fact.value->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(fact.box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(fact.caption);
    layout->addWidget(fact.value);
    return fact;
}

QString TraceHeader::shortTraceId(const QString& traceId) {
    if (traceId.size() <= 12) return traceId;
    // Jaeger shows 7 hex digits, enough to tell the traces of one investigation apart.
    return isHex(traceId) ? traceId.left(7) : traceId.left(11) + QChar(0x2026);
}

void TraceHeader::setTrace(const Trace& trace, const TraceSummary& s) {
    if (s.spanCount == 0) {
        title_->setText(tr("Empty trace"));
    } else if (s.roots.empty()) {
        title_->setText(tr("No root span"));  // a parent cycle the builder could not break
    } else {
        title_->setText(tr("%1: %2").arg(qs(s.rootService()), qs(s.rootName())));
    }

    fullTraceId_ = qs(s.traceId);
    traceId_->setText(shortTraceId(fullTraceId_));
    traceId_->setToolTip(tr("Trace ID %1 (right-click to copy)").arg(fullTraceId_));
    traceId_->setVisible(!fullTraceId_.isEmpty());

    const bool hasSpans = s.spanCount > 0;
    start_.value->setText(hasSpans ? localTime(s.startNs) : QStringLiteral("—"));
    start_.box->setToolTip(hasSpans ? tr("%1 UTC").arg(qs(formatTimestamp(s.startNs))) : QString());
    duration_.value->setText(qs(formatDuration(s.durationNs)));
    services_.value->setText(number(trace.services.size()));
    depth_.value->setText(number(s.depth));
    spans_.value->setText(number(s.spanCount));
    // Several roots mean a broken trace (orphans); a whole trace has one and it goes unsaid.
    roots_.value->setText(number(s.roots.size()));
    roots_.box->setToolTip(tr("Spans without a parent in this trace; %1 of them name a parent "
                              "that is missing")
                               .arg(number(s.orphanCount)));
    roots_.box->setVisible(s.roots.size() > 1);

    errors_->setText(s.errorCount == 0   ? tr("No errors")
                     : s.errorCount == 1 ? tr("1 error")
                                         : tr("%1 errors").arg(number(s.errorCount)));
    errorCount_ = s.errorCount;
    colourErrors();
    setClickable(errors_, s.errorCount > 0);
    errors_->setToolTip(
        s.errorCount == 0 ? QString()
        : s.inferredErrorCount > 0
            ? tr("Spans with error status, %1 of them inferred from HTTP or gRPC status codes. "
                 "Click to go to the first error.")
                  .arg(number(s.inferredErrorCount))
            : tr("Spans with error status. Click to go to the first error."));

    warnings_->setText(s.warningCount == 1 ? tr("1 warning")
                                           : tr("%1 warnings").arg(number(s.warningCount)));
    warnings_->setToolTip(
        tr("Problems found while reading this trace (missing parents, clock skew, damaged "
           "fields). Click to list them."));
    warnings_->setVisible(s.warningCount > 0);
}

QString TraceHeader::text() const {
    QStringList parts{title_->text()};
    if (traceId_->isVisibleTo(this)) parts << traceId_->text();
    for (const Fact* fact : {&start_, &duration_, &services_, &depth_, &spans_, &roots_})
        if (fact->box->isVisibleTo(this))
            parts << fact->caption->text() + QLatin1Char(' ') + fact->value->text();
    parts << errors_->text();
    if (warnings_->isVisibleTo(this)) parts << warnings_->text();
    return parts.join(QStringLiteral(" · "));
}

void TraceHeader::colourErrors() {
    QPalette errorPalette;
    if (errorCount_ > 0) {
        errorPalette.setColor(QPalette::ButtonText, errorTextColor());
        errorPalette.setColor(QPalette::WindowText, errorTextColor());
    }
    errors_->setPalette(errorPalette);
}

void TraceHeader::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // A theme switch: the error red has a dark-theme variant.
    if (event->type() == QEvent::PaletteChange) colourErrors();
}

void TraceHeader::copyTraceId() {
    QGuiApplication::clipboard()->setText(fullTraceId_);
}

}  // namespace rootline::ui
