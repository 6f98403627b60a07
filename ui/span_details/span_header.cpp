#include "span_details/span_header.h"

#include <QEvent>
#include <QLabel>
#include <QPixmap>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include "colors.h"
#include "flow_layout.h"
#include "model/semconv.h"
#include "service_colors.h"
#include "span_details/selectable_elided_line.h"
#include "span_details/span_events_model.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

constexpr int kFactSpacing = 14;
constexpr int kLineSpacing = 2;
constexpr int kSwatchSize = 12;
constexpr double kNameScale = 1.25;
// A status message is usually a line; a producer that puts a whole response body there gets
// its start here and the rest in the tooltip.
constexpr qsizetype kMaxStatusChars = 600;
constexpr qsizetype kMaxTooltipChars = 3000;
const char* const kParentLink = "parent";

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString cut(const QString& text, qsizetype chars) {
    return text.size() <= chars ? text : text.left(chars) + QChar(0x2026);
}

// The value of the first spelling of `attr` the span has, as an integer.
bool semconvInt(const Trace& trace, uint32_t span, SemAttr attr, int64_t& out) {
    for (std::string_view name : semconvNames(attr)) {
        const StrId key = trace.dict->strings.find(name);
        if (key == StringPool::kNotFound) continue;
        if (const Value* v = trace.findAttribute(span, key))
            return valueAsInt(*v, trace.dict->strings, out);
    }
    return false;
}

QWidget* flowLine(QWidget* parent, std::initializer_list<QWidget*> items) {
    auto* line = new QWidget(parent);
    auto* layout = new FlowLayout(line, kFactSpacing, kLineSpacing);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* item : items) {
        item->setParent(line);
        layout->addWidget(item);
    }
    return line;
}

}  // namespace

SpanHeader::SpanHeader(QWidget* parent) : QWidget(parent) {
    name_ = new SelectableElidedLine(this);
    name_->setObjectName(QStringLiteral("spanName"));
    QFont big = name_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * kNameScale);
    name_->setFont(big);

    swatch_ = new QLabel(this);
    service_ = fact("spanService");
    service_->setToolTip(tr("Service"));
    // Swatch and name as one item, so a line never ends between them.
    auto* serviceBox = new QWidget(this);
    auto* serviceLayout = new QHBoxLayout(serviceBox);
    serviceLayout->setContentsMargins(0, 0, 0, 0);
    serviceLayout->setSpacing(5);
    serviceLayout->addWidget(swatch_);
    serviceLayout->addWidget(service_);
    swatch_->setParent(serviceBox);
    service_->setParent(serviceBox);

    kind_ = fact("spanKind");
    status_ = fact("spanStatus");
    statusMessage_ = fact("spanStatusMessage");
    statusMessage_->setWordWrap(true);
    start_ = fact("spanStart");
    duration_ = fact("spanDuration");
    selfTime_ = fact("spanSelfTime");
    selfTime_->setToolTip(tr("Time not covered by any child span"));
    spanId_ = fact("spanId");
    spanId_->setToolTip(tr("Span ID (select to copy)"));
    parent_ = fact("spanParent");
    // Selectable like the other ids, and a link when the parent is in the trace.
    parent_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    parent_->setTextFormat(Qt::RichText);
    connect(parent_, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link != QLatin1String(kParentLink)) return;
        if (parentIndex_ >= 0) emit jumpToSpan(quint32(parentIndex_));
    });
    scope_ = fact("spanScope");
    scope_->setToolTip(tr("Instrumentation scope: the library that recorded this span"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kLineSpacing);
    layout->addWidget(name_);
    layout->addWidget(flowLine(this, {serviceBox, kind_, status_}));
    layout->addWidget(statusMessage_);
    layout->addWidget(flowLine(this, {start_, duration_, selfTime_}));
    layout->addWidget(flowLine(this, {spanId_, parent_, scope_}));
    clear();
}

QLabel* SpanHeader::fact(const char* objectName) {
    auto* label = new QLabel(this);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void SpanHeader::clear() {
    name_->setFullText({});
    serviceIndex_ = -1;
    swatch_->clear();
    for (QLabel* label : {service_, kind_, status_, statusMessage_, start_, duration_, selfTime_,
                          spanId_, parent_, scope_})
        label->clear();
    status_->setPalette(QPalette());
    statusMessage_->setPalette(QPalette());
    statusMessage_->hide();
    scope_->hide();
    parentIndex_ = -1;
}

QString SpanHeader::kindLabel(SpanKind kind) const {
    switch (kind) {
        case SpanKind::Unspecified:
            return tr("unspecified");
        case SpanKind::Internal:
            return tr("internal");
        case SpanKind::Server:
            return tr("server");
        case SpanKind::Client:
            return tr("client");
        case SpanKind::Producer:
            return tr("producer");
        case SpanKind::Consumer:
            return tr("consumer");
    }
    return {};
}

QString SpanHeader::statusLabel(const Trace& trace, uint32_t span) const {
    switch (trace.status[span]) {
        case StatusCode::Unset:
            return tr("Status: unset");
        case StatusCode::Ok:
            return tr("Status: OK");
        case StatusCode::Error:
            break;
    }
    if (!(trace.flags[span] & kErrorInferred)) return tr("Status: Error");
    // The producer declared no error; the builder deduced it from a code. Say which, so nobody
    // goes looking for an exception that was never thrown.
    int64_t code = 0;
    if (semconvInt(trace, span, SemAttr::HttpStatusCode, code))
        return tr("Status: Error (inferred from HTTP %1)").arg(code);
    if (semconvInt(trace, span, SemAttr::GrpcStatusCode, code))
        return tr("Status: Error (inferred from gRPC status %1)").arg(code);
    return tr("Status: Error (inferred)");
}

void SpanHeader::showSpan(const Trace& trace, uint32_t span) {
    name_->setFullText(qs(trace.nameOf(span)));
    serviceIndex_ = int(trace.service[span]);
    service_->setText(qs(trace.serviceOf(span)));
    updateSwatch();
    kind_->setText(tr("Kind: %1").arg(kindLabel(trace.kind[span])));

    const bool error = trace.isError(span);
    status_->setText(statusLabel(trace, span));
    QPalette palette;
    if (error) palette.setColor(QPalette::WindowText, errorTextColor());
    status_->setPalette(palette);
    const QString message = qs(trace.str(trace.statusMessage[span]));
    statusMessage_->setText(cut(message, kMaxStatusChars));
    statusMessage_->setToolTip(message.size() > kMaxStatusChars ? cut(message, kMaxTooltipChars)
                                                                : QString());
    statusMessage_->setPalette(palette);
    statusMessage_->setVisible(!message.isEmpty());

    const int64_t offset = trace.start[span] - trace.startNs;
    start_->setText(tr("Start: %1").arg(signedOffset(offset)));
    start_->setToolTip(
        tr("%1 (UTC), %2 after the trace's start")
            .arg(qs(formatTimestamp(trace.start[span])), qs(formatDuration(offset))));
    duration_->setText(tr("Duration: %1").arg(qs(formatDuration(trace.duration[span]))));
    selfTime_->setText(tr("Self time: %1").arg(qs(formatDuration(trace.selfTime[span]))));
    spanId_->setText(tr("Span ID: %1").arg(QString::fromStdString(trace.spanIdText(span))));
    showParent(trace, span);

    const Scope& scope = trace.dict->scopes[trace.scope[span]];
    if (scope.name != kEmptyStr) {
        const QString version = qs(trace.str(scope.version));
        scope_->setText(version.isEmpty()
                            ? tr("Scope: %1").arg(qs(trace.str(scope.name)))
                            : tr("Scope: %1 %2").arg(qs(trace.str(scope.name)), version));
    }
    scope_->setVisible(scope.name != kEmptyStr);
}

void SpanHeader::showParent(const Trace& trace, uint32_t span) {
    const QString id = QString::fromStdString(trace.parentIdText(span));
    const int32_t parent = trace.parent[span];
    parentIndex_ = parent;
    parentId_ = id;
    parentFollowsFrom_ = trace.flags[span] & kParentFollowsFrom;
    if (parent >= 0) {
        renderParentLink();
        parent_->setToolTip(
            tr("Go to the parent span: %1: %2")
                .arg(qs(trace.serviceOf(size_t(parent))), qs(trace.nameOf(size_t(parent))))
                .toHtmlEscaped());
    } else if (trace.flags[span] & kOrphan) {
        parent_->setText(tr("Parent: %1 (missing from this trace)").arg(id).toHtmlEscaped());
        parent_->setToolTip(
            tr("The parent span is not in this trace: it was not exported, or "
               "is in another file. This span is shown as a root."));
    } else if (trace.parentId[span] != 0) {
        // Declared but not followed: a cycle was cut here (see the warnings).
        parent_->setText(tr("Parent: %1 (not followed, see warnings)").arg(id).toHtmlEscaped());
        parent_->setToolTip({});
    } else {
        parent_->setText(tr("Root span (no parent)").toHtmlEscaped());
        parent_->setToolTip({});
    }
}

QString SpanHeader::name() const {
    return name_->text();
}

QString SpanHeader::statusText() const {
    return statusMessage_->isHidden()
               ? status_->text()
               : status_->text() + QLatin1Char('\n') + statusMessage_->text();
}

QString SpanHeader::parentText() const {
    return QTextDocumentFragment::fromHtml(parent_->text()).toPlainText();
}

void SpanHeader::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Service colours are lightened on dark palettes.
    if (event->type() == QEvent::PaletteChange) {
        updateSwatch();
        if (parentIndex_ >= 0) renderParentLink();
        if (status_->palette().isBrushSet(QPalette::Active, QPalette::WindowText)) {
            QPalette red;  // the error red has a dark-theme variant
            red.setColor(QPalette::WindowText, errorTextColor());
            status_->setPalette(red);
        }
    }
}

void SpanHeader::renderParentLink() {
    // The colour is explicit: rich text takes the application's link colour, not the widget's.
    const QString link =
        QStringLiteral("<a href=\"%1\" style=\"color: %2\">%3</a>")
            .arg(QLatin1String(kParentLink), palette().color(QPalette::Link).name(),
                 parentId_.toHtmlEscaped());
    parent_->setText(parentFollowsFrom_ ? tr("Parent (follows from): %1").arg(link)
                                        : tr("Parent: %1").arg(link));
}

void SpanHeader::updateSwatch() {
    if (serviceIndex_ < 0) return;
    QPixmap pixmap(kSwatchSize, kSwatchSize);
    pixmap.fill(serviceColor(uint32_t(serviceIndex_), palette()));
    swatch_->setPixmap(pixmap);
}

}  // namespace rootline::ui
