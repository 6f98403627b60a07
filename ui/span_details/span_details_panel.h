#pragma once
// Everything about the span selected in the waterfall, for the right side (or, at 1366×768,
// the bottom) of the trace window:
//   suspect     rank, score and reasons, when the span is a ranked suspect (SuspectSummary)
//   header      name, service, kind, status, timing, ids, scope (SpanHeader)
//   exceptions  type, message and stack of each exception, when the span has any (ExceptionBox)
//   tabs        Attributes (filterable; span and resource) | Events (n) | Links (n) |
//               Warnings (n) | Logs (n); an empty tab stays in its place, disabled with "(0)", so
//               the tabs never move under the mouse.
// Exceptions and tabs share a vertical splitter; a short exception takes only the height it
// needs. When the panel is shorter than what its parts need (about 600 px with an exception),
// the whole panel scrolls, so at 380×300 nothing is squeezed to a sliver.
//
// The Logs tab holds the span's lines from Loki and OTLP log files (the Logs panel's lines tied
// to it). Its span events are not repeated there: the Events tab shows them, with attributes.
//
// Showing a span resets four small models and fills a few labels: no widget is created per
// attribute, and nothing walks the trace, so a span of a 1M-span trace shows as fast as any.
// The attribute filter is kept from span to span (as Jaeger does): someone looking for
// `http.route` wants it on the next span too. The tab the user picked is kept as well, and comes
// back when a span without (say) events made it unavailable for a while.

#include <QWidget>
#include <cstdint>
#include <memory>

#include "analysis/suspect_ranking.h"
#include "logs/log_line.h"
#include "model/trace.h"

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace rootline::ui {

class DetailTreeView;
class ExceptionBox;
class ExceptionFinder;
class LogLinesModel;
class SpanAttributesModel;
class SpanEventsModel;
class SpanHeader;
class SpanLinksModel;
class SpanWarningsModel;
class SuspectSummary;

class SpanDetailsPanel : public QWidget {
    Q_OBJECT
public:
    enum Tab { AttributesTab, EventsTab, LinksTab, WarningsTab, LogsTab };

    explicit SpanDetailsPanel(QWidget* parent = nullptr);
    ~SpanDetailsPanel() override;

    // Sets the trace whose spans are shown (keeps it alive); clears the shown span.
    void setTrace(std::shared_ptr<const Trace> trace);
    // Shows span `span` (index into the trace's columns), or a placeholder ("Select a span") for
    // -1. The same span again changes nothing (filter, scroll positions and tab stay).
    void showSpan(int32_t span);
    int32_t span() const { return span_; }
    const std::shared_ptr<const Trace>& trace() const { return trace_; }
    // The shown trace's suspects (they arrive after the trace); null clears them. The shown
    // span's suspect section follows at once.
    void setRanking(std::shared_ptr<const Ranking> ranking);
    // The trace's Loki and log-file lines (tied to spans); the shown span's go in the Logs tab.
    void setLogLines(std::shared_ptr<const std::vector<logs::LogLine>> lines);

    // For tests and the e2e test: the exception text shown (type: message and stack), empty if
    // none.
    QString exceptionText() const;
    SpanAttributesModel* attributesModel() const { return attributes_; }
    SpanEventsModel* eventsModel() const { return events_; }
    SpanLinksModel* linksModel() const { return links_; }
    SpanWarningsModel* warningsModel() const { return warnings_; }
    LogLinesModel* logsModel() const { return logs_; }
    QTreeView* logsView() const { return logsView_; }
    SpanHeader* header() const { return header_; }
    SuspectSummary* suspectSummary() const { return suspect_; }
    QTabWidget* tabs() const { return tabs_; }
    QLineEdit* attributeFilter() const { return filter_; }
    DetailTreeView* attributesView() const { return attributesView_; }
    DetailTreeView* eventsView() const { return eventsView_; }
    DetailTreeView* linksView() const { return linksView_; }

signals:
    // The user clicked a link, reference or the parent whose target span is in this trace.
    void jumpToSpan(quint32 span);

private:
    QWidget* createContent();
    QWidget* createAttributesPage();
    DetailTreeView* createTree(const char* objectName, QAbstractItemModel* model);
    void showPlaceholder();
    void updateTabs();
    void updateFilterCount();
    void restoreAttributeLayout();
    void restoreEventLayout();
    void applyExceptionShare();
    void showSpanLogs();

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const Ranking> ranking_;
    std::unique_ptr<ExceptionFinder> finder_;
    int32_t span_ = -1;
    int preferredTab_ = AttributesTab;
    bool updatingTabs_ = false;
    double exceptionShare_;

    SpanAttributesModel* attributes_;
    SpanEventsModel* events_;
    SpanLinksModel* links_;
    SpanWarningsModel* warnings_;
    LogLinesModel* logs_;
    std::shared_ptr<const std::vector<logs::LogLine>> logLines_;

    QStackedWidget* pages_ = nullptr;
    QLabel* placeholder_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    SuspectSummary* suspect_ = nullptr;
    SpanHeader* header_ = nullptr;
    QSplitter* splitter_ = nullptr;
    ExceptionBox* exceptions_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QLabel* filterCount_ = nullptr;
    DetailTreeView* attributesView_ = nullptr;
    DetailTreeView* eventsView_ = nullptr;
    DetailTreeView* linksView_ = nullptr;
    DetailTreeView* warningsView_ = nullptr;
    QTreeView* logsView_ = nullptr;
};

}  // namespace rootline::ui
