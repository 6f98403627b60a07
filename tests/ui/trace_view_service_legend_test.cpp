// ServiceLegend, the widget: double-click, the buttons, the check boxes, the context menu and
// the Sort menu, and the signal the window filters by (empty when every service is shown).

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>
#include <QtTest>
#include <numeric>

#include "test_support.h"
#include "trace_view/service_legend.h"
#include "trace_view/service_legend_columns.h"
#include "trace_view/service_legend_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kGenAi = "jaeger/ui-genai-57spans-10svc-error.json";
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

std::shared_ptr<const Trace> fixtureTrace(const char* relative) {
    return test::loadSnapshot(relative)->file->traces[0];
}

// What a real double-click delivers: QTest::mouseDClick alone sends no press before it, and a
// view only reports a double-click on the item it saw pressed.
void doubleClick(QWidget* viewport, QPoint at) {
    QTest::mousePress(viewport, Qt::LeftButton, {}, at);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, at);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at);
}

std::vector<uint8_t> lastVisible(const QSignalSpy& spy) {
    if (spy.isEmpty()) qFatal("visibleServicesChanged was not emitted");
    return spy.last().at(0).value<std::vector<uint8_t>>();
}

}  // namespace

class TraceViewServiceLegendTest : public QObject {
    Q_OBJECT
private slots:
    void widgetDoubleClickButtonsAndSignal() {
        ServiceLegend legend;
        legend.resize(legend.sizeHint().width(), 360);
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        QAbstractItemModelTester tester(legend.model(), kFatal);
        QSignalSpy visible(&legend, &ServiceLegend::visibleServicesChanged);
        legend.setTrace(fixtureTrace(kGenAi));
        auto* view = legend.findChild<QTreeView*>(QStringLiteral("legendView"));
        auto* title = legend.findChild<QLabel*>(QStringLiteral("legendTitle"));
        auto* showAll = legend.findChild<QPushButton*>(QStringLiteral("legendShowAll"));
        auto* showOnly = legend.findChild<QPushButton*>(QStringLiteral("legendShowOnly"));
        QVERIFY(view && title && showAll && showOnly);
        QCOMPARE(legend.sizeHint().width(), 220);
        QCOMPARE(title->text(), QStringLiteral("Services (10)"));
        QVERIFY(!showAll->isEnabled());
        QVERIFY(!showOnly->isEnabled());  // nothing selected
        QCOMPARE(view->model()->rowCount(), 10);
        // Unsorted: first appearance.
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("api-edge"));

        // Double-click on a service's span count: only that service.
        const QModelIndex third = view->model()->index(2, ServiceLegendColumns::SpansColumn);
        const QPoint at = view->visualRect(third).center();
        doubleClick(view->viewport(), at);
        QCOMPARE(visible.count(), 1);
        std::vector<uint8_t> only(10, 0);
        only[2] = 1;
        QCOMPARE(lastVisible(visible), only);
        QCOMPARE(title->text(), QStringLiteral("Services (1 of 10 shown)"));
        QVERIFY(showAll->isEnabled());
        // Again: all of them, announced as the empty vector.
        doubleClick(view->viewport(), at);
        QCOMPARE(visible.count(), 2);
        QVERIFY(lastVisible(visible).empty());

        // The check box of row 0 hides it.
        const QModelIndex check = view->model()->index(0, 0);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(check);
        option.features |= QStyleOptionViewItem::HasCheckIndicator;
        const QRect box =
            view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box.center());
        QCOMPARE(visible.count(), 3);
        std::vector<uint8_t> allButFirst(10, 1);
        allButFirst[0] = 0;
        QCOMPARE(lastVisible(visible), allButFirst);

        QTest::mouseClick(showAll, Qt::LeftButton);
        QCOMPARE(visible.count(), 4);
        QVERIFY(lastVisible(visible).empty());

        // "Only this" acts on the current row.
        view->setCurrentIndex(view->model()->index(4, 0));
        QVERIFY(showOnly->isEnabled());
        QTest::mouseClick(showOnly, Qt::LeftButton);
        QCOMPARE(visible.count(), 5);
        only.assign(10, 0);
        only[4] = 1;
        QCOMPARE(lastVisible(visible), only);
    }

    void sortMenuOrdersTheWidget() {
        ServiceLegend legend;
        legend.resize(legend.sizeHint().width(), 360);
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        legend.setTrace(fixtureTrace(kGenAi));
        auto* view = legend.findChild<QTreeView*>(QStringLiteral("legendView"));
        const auto sortBy = [&](const char* name) {
            auto* action = legend.findChild<QAction*>(QString::fromLatin1(name));
            if (!action) qFatal("no action %s", name);
            action->trigger();
            return action;
        };
        const auto firstNames = [&](int n) {
            QStringList out;
            for (int row = 0; row < n; ++row)
                out << view->model()->index(row, 0).data().toString();
            return out;
        };
        QVERIFY(legend.findChild<QAction*>(QStringLiteral("sortByAppearance"))->isChecked());
        QCOMPARE(firstNames(2), (QStringList{"api-edge", "graphql-gateway"}));
        QVERIFY(sortBy("sortBySpans")->isChecked());
        QCOMPARE(firstNames(1), QStringList{"coding-agent"});  // 19 spans
        sortBy("sortByName");
        QCOMPARE(firstNames(2), (QStringList{"api-edge", "auth-service"}));
        sortBy("sortByErrors");
        QCOMPARE(firstNames(1), QStringList{"k8s-api"});
        QVERIFY(!legend.findChild<QAction*>(QStringLiteral("sortBySpans"))->isChecked());
        // Whatever the order, double-click picks the service under the mouse.
        QSignalSpy visible(&legend, &ServiceLegend::visibleServicesChanged);
        doubleClick(view->viewport(), view->visualRect(view->model()->index(0, 1)).center());
        const auto shown = lastVisible(visible);
        QCOMPARE(std::accumulate(shown.begin(), shown.end(), 0), 1);
        QCOMPARE(legend.model()
                     ->index(int(std::find(shown.begin(), shown.end(), 1) - shown.begin()))
                     .data()
                     .toString(),
                 QStringLiteral("k8s-api"));
        sortBy("sortByAppearance");
        QCOMPARE(firstNames(2), (QStringList{"api-edge", "graphql-gateway"}));
    }

    void contextMenuActsOnTheRowUnderTheMouse() {
        ServiceLegend legend;
        legend.resize(legend.sizeHint().width(), 360);
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        legend.setTrace(fixtureTrace(kGenAi));
        QSignalSpy visible(&legend, &ServiceLegend::visibleServicesChanged);
        auto* view = legend.findChild<QTreeView*>(QStringLiteral("legendView"));

        // Picks `text` from the menu once it is open (QMenu::exec runs its own event loop).
        QStringList offered;
        const auto choose = [&](const QString& text) {
            auto* poll = new QTimer(&legend);
            connect(poll, &QTimer::timeout, poll, [&offered, poll, text] {
                auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
                if (!menu) return;
                poll->deleteLater();
                offered.clear();
                QAction* chosen = nullptr;
                for (QAction* action : menu->actions()) {
                    if (action->isSeparator()) continue;
                    offered << action->text();
                    if (action->text() == text) chosen = action;
                }
                menu->close();
                if (chosen) chosen->trigger();
            });
            poll->start(10);
        };
        const QPoint row3 = view->visualRect(view->model()->index(3, 1)).center();

        choose(QStringLiteral("Only this service"));
        emit view->customContextMenuRequested(row3);
        QCOMPARE(offered,
                 (QStringList{"Only this service", "Hide this service", "Show all", "Sort"}));
        std::vector<uint8_t> only(10, 0);
        only[3] = 1;
        QCOMPARE(lastVisible(visible), only);

        choose(QStringLiteral("Hide this service"));
        emit view->customContextMenuRequested(row3);
        QCOMPARE(lastVisible(visible), std::vector<uint8_t>(10, 0));  // nothing shown at all

        choose(QStringLiteral("Show this service"));
        emit view->customContextMenuRequested(row3);
        QCOMPARE(lastVisible(visible), only);

        // Below the rows: only what is not about one service.
        choose(QStringLiteral("Show all"));
        emit view->customContextMenuRequested(QPoint(5, view->viewport()->height() - 5));
        QCOMPARE(offered, (QStringList{"Show all", "Sort"}));
        QVERIFY(lastVisible(visible).empty());
    }
};

QTEST_MAIN(TraceViewServiceLegendTest)
#include "trace_view_service_legend_test.moc"
