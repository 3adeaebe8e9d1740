#include "gui/ChartsView.h"
#include "models/OperationModel.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QTest>
#include <QValueAxis>

using namespace iw;

namespace {
QueuedOperation op(const QString &id, qint64 discovered, qint64 ingested, qint64 failed = 0)
{
    QueuedOperation o;
    o.ingestionOperationId = id;
    o.discovered = discovered;
    o.ingested = ingested;
    o.failed = failed;
    o.pending = discovered - ingested - failed;
    o.startedOn = QDateTime::currentDateTimeUtc();
    return o;
}
} // namespace

class TestChartsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsFollowTheModelInPlace()
    {
        OperationModel model;
        ChartsView charts;
        charts.setModel(&model);
        QChart *chart = charts.operationsChartView()->chart();
        QCOMPARE(chart->animationOptions(), QChart::NoAnimation);
        const auto seriesBefore = chart->series();
        QList<QueuedOperation> ops;
        for (int i = 0; i < 20; ++i)
            ops << op(QStringLiteral("1;2;op-%1").arg(i), 100, i);
        model.upsert(ops, QDateTime::currentDateTimeUtc());
        QTRY_COMPARE(charts.barCount(), ChartsView::kMaxBars);
        QCOMPARE(chart->series(), seriesBefore); // the same series object: updated, not re-created
        QCOMPARE(charts.operationsChartView()->chart(), chart);
    }

    void historyReplaysSnapshotsIntoTotals()
    {
        ChartsView charts;
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        QList<QPair<QDateTime, QueuedOperation>> snaps;
        snaps << qMakePair(t0, op(QStringLiteral("a"), 10, 0));
        snaps << qMakePair(t0.addSecs(1), op(QStringLiteral("b"), 10, 0));
        snaps << qMakePair(t0.addSecs(60), op(QStringLiteral("a"), 10, 5));
        snaps << qMakePair(t0.addSecs(120), op(QStringLiteral("b"), 10, 8, 2));
        charts.setHistory(snaps);
        QCOMPARE(charts.historyPointCount(), 4);
        charts.appendTotals(t0.addSecs(180), ChartsView::Totals { 13, 2, 0, 5 });
        QCOMPARE(charts.historyPointCount(), 5);
        // A point at the same time replaces the last one.
        charts.appendTotals(t0.addSecs(180), ChartsView::Totals { 14, 2, 0, 4 });
        QCOMPARE(charts.historyPointCount(), 5);
    }

    void failuresByErrorCode()
    {
        ChartsView charts;
        charts.setFailuresByErrorCode({ { QStringLiteral("BadRequest_EmptyBlob"), 3 },
                                        { QStringLiteral("Download_SourceNotFound"), 7 } });
        const auto axes = charts.failuresChartView()->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto *cats = qobject_cast<QBarCategoryAxis *>(axes.first());
        QVERIFY(cats);
        QCOMPARE(cats->categories().last(), QStringLiteral("Download_SourceNotFound")); // largest on top
        // The longest bar leaves room for its count label.
        charts.setFailuresByErrorCode({ { QStringLiteral("Stream_WrongNumberOfFields"), 6 } });
        const auto values = charts.failuresChartView()->chart()->axes(Qt::Horizontal);
        QCOMPARE(values.size(), 1);
        auto *x = qobject_cast<QValueAxis *>(values.first());
        QVERIFY(x);
        QVERIFY2(x->max() > 6, qPrintable(QString::number(x->max())));
    }

    void rendersOffscreen()
    {
        OperationModel model;
        ChartsView charts;
        charts.setModel(&model);
        model.upsert({ op(QStringLiteral("1;2;x"), 10, 4, 1) }, QDateTime::currentDateTimeUtc());
        charts.resize(1200, 320);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QTRY_COMPARE(charts.barCount(), 1);
        const QImage img = charts.grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 3)
            for (int x = 0; x < img.width(); x += 3)
                colours.insert(img.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }
};

QTEST_MAIN(TestChartsView)
#include "TestChartsView.moc"
