// SuspectsModel: the ranked suspects of a trace as rows — rank, span, service with its colour,
// score with one decimal, the reasons joined and listed with their points in the tooltip,
// "+N similar" for folded spans — sorted by any column through a proxy, under
// QAbstractItemModelTester. The ranking of the inline trace comes from the real ranker; what
// the rows say is compared with the ranking, never with numbers copied from a run.

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QIcon>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "analysis/suspect_ranking.h"
#include "colors.h"
#include "service_colors.h"
#include "suspects/suspect_text.h"
#include "suspects/suspects_model.h"
#include "suspects_test_support.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole) {
    return m.index(row, column).data(role).toString();
}

QStringList column(const QAbstractItemModel& m, int c) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << cell(m, r, c);
    return out;
}

}  // namespace

class SuspectsModelTest : public QObject {
    Q_OBJECT
private slots:
    void rowsAreTheRankingInRankOrder();
    void foldedSpansAndEveryReasonWithItsPoints();
    void sortsByEveryColumn();
    void emptyRankingAndDamagedInput();
};

void SuspectsModelTest::rowsAreTheRankingInRankOrder() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const auto ranking = std::make_shared<const Ranking>(rankSuspects(*trace));
    SuspectsModel model;
    QAbstractItemModelTester tester(&model, kQtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setRanking(trace, ranking);

    const Trace& t = *trace;
    const uint32_t charge = test::spanNamed(t, "charge");
    QVERIFY(!ranking->suspects.empty());
    QCOMPARE(ranking->suspects[0].span, charge);  // the failure's origin comes first
    QCOMPARE(model.rowCount(), int(ranking->suspects.size()));
    QCOMPARE(model.columnCount(), int(SuspectsModel::ColumnCount));

    // Row 0: #1, charge in red (it failed), payment with its colour, the score, the reasons.
    const Suspect& first = ranking->suspects[0];
    QCOMPARE(cell(model, 0, SuspectsModel::RankColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 0, SuspectsModel::SpanColumn), QStringLiteral("charge"));
    QCOMPARE(model.index(0, SuspectsModel::SpanColumn).data(Qt::ForegroundRole).value<QColor>(),
             errorTextColor());
    QCOMPARE(cell(model, 0, SuspectsModel::ServiceColumn), QStringLiteral("payment"));
    // The swatch keeps the service's colour when its row is selected.
    const QIcon swatch =
        model.index(0, SuspectsModel::ServiceColumn).data(Qt::DecorationRole).value<QIcon>();
    const QColor colour = serviceColor(t.service[charge], QGuiApplication::palette());
    for (QIcon::Mode mode : {QIcon::Normal, QIcon::Selected})
        QCOMPARE(swatch.pixmap(12, 12, mode).toImage().pixelColor(6, 6), colour);
    QCOMPARE(cell(model, 0, SuspectsModel::ScoreColumn), QLocale().toString(first.score, 'f', 1));
    QStringList texts;
    for (const SuspectReason& r : first.reasons)
        texts << QString::fromStdString(r.text);
    QCOMPARE(cell(model, 0, SuspectsModel::ReasonsColumn), texts.join(QStringLiteral("; ")));
    QVERIFY2(texts.join(' ').contains(QStringLiteral("CardDeclined")), qPrintable(texts.join(' ')));
    QCOMPARE(model.index(0, 0).data(SuspectsModel::SpanRole).toUInt(), charge);
    QCOMPARE(model.index(0, 0).data(SuspectsModel::RankRole).toUInt(), 1u);

    // Every row is its rank's suspect, scores never rising.
    for (int row = 0; row < model.rowCount(); ++row) {
        const Suspect& s = ranking->suspects[size_t(row)];
        QCOMPARE(cell(model, row, SuspectsModel::RankColumn), QString::number(row + 1));
        QCOMPARE(model.spanAt(row), s.span);
        QCOMPARE(cell(model, row, SuspectsModel::ServiceColumn), qs(t.serviceOf(s.span)));
        QCOMPARE(model.rowOfSpan(int32_t(s.span)), row);
        if (row > 0) QVERIFY(s.score <= ranking->suspects[size_t(row - 1)].score);
    }
    QCOMPARE(model.rowOfSpan(-1), -1);
    QCOMPARE(model.rowOfSpan(int32_t(t.spanCount())), -1);
    for (size_t span = 0; span < t.spanCount(); ++span)
        if (ranking->rankOfSpan[span] == 0) QCOMPARE(model.rowOfSpan(int32_t(span)), -1);
}

void SuspectsModelTest::foldedSpansAndEveryReasonWithItsPoints() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const Trace& t = *trace;
    const uint32_t charge = test::spanNamed(t, "charge"), query = test::spanNamed(t, "db.query"),
                   render = test::spanNamed(t, "render");
    // Made by hand: #1 charge with two reasons (one a discount), standing for two similar
    // spans; #2 render.
    auto r = std::make_shared<Ranking>();
    r->suspects = {
        {charge,
         7.5,
         {{"error_origin", "failed first", 10.0}, {"error_handled", "but was handled", -2.5}},
         {query, render}},
        {render, 1.24, {{"self_time_outlier", "slow", 1.24}}, {}}};
    r->rankOfSpan.assign(t.spanCount(), 0);
    r->rankOfSpan[charge] = r->rankOfSpan[query] = 1;
    r->rankOfSpan[render] = 2;
    SuspectsModel model;
    QAbstractItemModelTester tester(&model, kQtTest);
    model.setRanking(trace, r);

    QCOMPARE(cell(model, 0, SuspectsModel::SpanColumn), QStringLiteral("charge (+2 similar)"));
    QCOMPARE(cell(model, 0, SuspectsModel::ScoreColumn), QStringLiteral("7.5"));
    QCOMPARE(cell(model, 1, SuspectsModel::ScoreColumn), QStringLiteral("1.2"));  // one decimal
    QCOMPARE(cell(model, 0, SuspectsModel::ReasonsColumn),
             QStringLiteral("failed first; but was handled"));
    const QString tip = cell(model, 0, SuspectsModel::ReasonsColumn, Qt::ToolTipRole);
    QCOMPARE(tip.split('\n'),
             (QStringList{QStringLiteral("Score 7.5:"), QStringLiteral("+10.0  failed first"),
                          QStringLiteral("\u22122.5  but was handled"),
                          QStringLiteral("Stands for 2 more similar spans as well")}));
    QCOMPARE(cell(model, 0, SuspectsModel::ScoreColumn, Qt::ToolTipRole), tip);
    QCOMPARE(cell(model, 1, SuspectsModel::SpanColumn), QStringLiteral("render"));
    QVERIFY(!model.index(1, SuspectsModel::SpanColumn).data(Qt::ForegroundRole).isValid());
    // A folded span finds its entry's row.
    QCOMPARE(model.rowOfSpan(int32_t(query)), 0);
    QCOMPARE(suspectPointsText(0), QStringLiteral("+0.0"));
}

void SuspectsModelTest::sortsByEveryColumn() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const Trace& t = *trace;
    auto r = std::make_shared<Ranking>();
    // Ranks 1..3 with names and services in another order than the ranks, and a score that
    // sorts numerically only (10 after 9 as a number, before it as text).
    const uint32_t charge = test::spanNamed(t, "charge"), render = test::spanNamed(t, "render"),
                   checkout = test::spanNamed(t, "checkout");
    r->suspects = {{render, 10.0, {{"b", "bbb", 10}}, {}},
                   {charge, 9.0, {{"c", "ccc", 9}}, {}},
                   {checkout, 2.0, {{"a", "aaa", 2}}, {}}};
    r->rankOfSpan.assign(t.spanCount(), 0);
    r->rankOfSpan[render] = 1;
    r->rankOfSpan[charge] = 2;
    r->rankOfSpan[checkout] = 3;
    SuspectsModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(SuspectsModel::SortRole);
    QAbstractItemModelTester sourceTester(&model, kQtTest);
    QAbstractItemModelTester proxyTester(&proxy, kQtTest);
    model.setRanking(trace, r);

    proxy.sort(SuspectsModel::RankColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::SpanColumn),
             (QStringList{"render", "charge", "checkout"}));
    proxy.sort(SuspectsModel::RankColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::RankColumn), (QStringList{"3", "2", "1"}));
    proxy.sort(SuspectsModel::SpanColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::SpanColumn),
             (QStringList{"charge", "checkout", "render"}));
    proxy.sort(SuspectsModel::ServiceColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::ServiceColumn).first(), QStringLiteral("front"));
    QCOMPARE(column(proxy, SuspectsModel::ServiceColumn).last(), QStringLiteral("payment"));
    proxy.sort(SuspectsModel::ScoreColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::ScoreColumn), (QStringList{"2.0", "9.0", "10.0"}));
    proxy.sort(SuspectsModel::ReasonsColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, SuspectsModel::ReasonsColumn), (QStringList{"aaa", "bbb", "ccc"}));

    // A new ranking resets the rows; the proxy keeps its order.
    model.setRanking(trace, std::make_shared<const Ranking>(rankSuspects(t)));
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void SuspectsModelTest::emptyRankingAndDamagedInput() {
    SuspectsModel model;
    QAbstractItemModelTester tester(&model, kQtTest);
    const auto quiet = test::traceFromJson(test::quietTraceJson());
    const auto none = std::make_shared<const Ranking>(rankSuspects(*quiet));
    QVERIFY2(none->suspects.empty(), "a trace where nothing failed has no suspects");
    model.setRanking(quiet, none);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfSpan(0), -1);

    // A ranking whose spans are not in the trace (another trace's) shows nothing.
    const auto checkout = test::traceFromJson(test::kCheckoutJson);
    const auto other = std::make_shared<const Ranking>(rankSuspects(*checkout));
    QVERIFY(!other->suspects.empty());
    auto wrong = std::make_shared<Ranking>(*other);
    wrong->suspects[0].span = 99;
    model.setRanking(checkout, wrong);
    QCOMPARE(model.rowCount(), 0);
    model.setRanking(checkout, other);
    QCOMPARE(model.rowCount(), int(other->suspects.size()));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.ranking());
    QCOMPARE(model.headerData(SuspectsModel::ScoreColumn, Qt::Horizontal).toString(),
             QStringLiteral("Score"));
}

QTEST_MAIN(SuspectsModelTest)
#include "suspects_model_test.moc"
