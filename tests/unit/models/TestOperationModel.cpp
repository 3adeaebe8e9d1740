#include "models/OperationModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using iw::OperationModel;
using iw::OperationState;
using iw::QueuedOperation;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

QueuedOperation op(int n, qint64 discovered = 100, qint64 pending = 100, qint64 ingested = 0)
{
    QueuedOperation o;
    o.ingestionOperationId = QStringLiteral("op-%1").arg(n);
    o.startedOn = kT0;
    o.lastUpdatedOn = kT0;
    o.discovered = discovered;
    o.pending = pending;
    o.ingested = ingested;
    o.database = QStringLiteral("Db%1").arg(n % 2);
    o.table = QStringLiteral("T%1").arg(n);
    return o;
}

QList<QueuedOperation> ops(int count)
{
    QList<QueuedOperation> l;
    for (int i = 0; i < count; ++i)
        l.append(op(i));
    return l;
}

// (row, firstColumn, lastColumn) of every dataChanged in the spy.
QList<QList<int>> ranges(const QSignalSpy &spy)
{
    QList<QList<int>> out;
    for (const auto &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        // A range spanning rows would show up as a row mismatch in the comparisons.
        out.append({ tl.row(), tl.column(), br.column() });
        if (tl.row() != br.row())
            out.append({ -1, br.row(), -1 });
    }
    return out;
}

struct Spies
{
    explicit Spies(QAbstractItemModel *m)
        : reset(m, &QAbstractItemModel::modelReset), layout(m, &QAbstractItemModel::layoutChanged),
          inserted(m, &QAbstractItemModel::rowsInserted), removed(m, &QAbstractItemModel::rowsRemoved),
          changed(m, &QAbstractItemModel::dataChanged)
    { }
    QSignalSpy reset, layout, inserted, removed, changed;
    void clear()
    {
        reset.clear();
        layout.clear();
        inserted.clear();
        removed.clear();
        changed.clear();
    }
};

} // namespace

class TestOperationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void insertThenUnchangedRefreshEmitsNothing()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies s(&m);
        m.upsert(ops(5), kT0);
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(s.inserted.size(), 1);
        QCOMPARE(s.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(s.inserted.at(0).at(2).toInt(), 4);
        s.clear();
        m.upsert(ops(5), kT0); // same data, same time
        QCOMPARE(s.changed.size(), 0);
        QCOMPARE(s.inserted.size(), 0);
        QCOMPARE(s.reset.size(), 0);
        QCOMPARE(s.layout.size(), 0);
    }

    void exactDataChangedRanges()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(5), kT0);
        Spies s(&m);
        QList<QueuedOperation> next = ops(5);
        next[3].pending = 90;
        next[3].ingested = 10;
        // Same time: no new rate, so only the count cells and the progress change.
        m.upsert(next, kT0);
        QCOMPARE(s.reset.size(), 0);
        QCOMPARE(s.layout.size(), 0);
        QCOMPARE(s.inserted.size(), 0);
        const QList<QList<int>> expected { { 3, OperationModel::Progress, OperationModel::Progress },
                                           { 3, OperationModel::Pending, OperationModel::Pending },
                                           { 3, OperationModel::Ingested, OperationModel::Ingested } };
        QCOMPARE(ranges(s.changed), expected);
        QCOMPARE(m.index(3, OperationModel::Progress).data(OperationModel::RawValueRole).toDouble(), 10.0);
        QCOMPARE(m.index(3, OperationModel::Pending).data().toString(), QStringLiteral("90"));
    }

    void throughputAndEtaFromSuccessiveUpserts()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(2), kT0);
        QVERIFY(!m.index(1, OperationModel::Throughput).data(OperationModel::RawValueRole).isValid());
        Spies s(&m);
        QList<QueuedOperation> next = ops(2);
        next[1].pending = 80;
        next[1].ingested = 20; // 20 blobs in 2 minutes
        m.upsert(next, kT0.addSecs(120));
        QCOMPARE(*m.throughput(1), 10.0);
        QCOMPARE(*m.etaSeconds(1), 480);
        QCOMPARE(m.index(1, OperationModel::Throughput).data().toString(), QStringLiteral("10/min"));
        QCOMPARE(m.index(1, OperationModel::Eta).data().toString(), QStringLiteral("8 min"));
        // Row 0 did not move: its throughput is now known as 0 (no ETA), row 1 moved.
        const QList<QList<int>> expected { { 0, OperationModel::Throughput, OperationModel::Throughput },
                                           { 1, OperationModel::Progress, OperationModel::Progress },
                                           { 1, OperationModel::Pending, OperationModel::Pending },
                                           { 1, OperationModel::Ingested, OperationModel::Ingested },
                                           { 1, OperationModel::Throughput, OperationModel::Eta } };
        QCOMPARE(ranges(s.changed), expected);
        QCOMPARE(s.reset.size(), 0);
    }

    void newIdsOnlyAreInserted()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(3), kT0);
        Spies s(&m);
        QList<QueuedOperation> next = ops(5);
        next.append(op(4)); // a duplicate in one refresh counts once
        m.upsert(next, kT0);
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(s.inserted.size(), 1);
        QCOMPARE(s.inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(s.inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(s.changed.size(), 0);
        QCOMPARE(m.rowForId(QStringLiteral("op-4")), 4);
        QCOMPARE(m.rowForId(QStringLiteral("nope")), -1);
        QList<QueuedOperation> empty { QueuedOperation {} };
        m.upsert(empty, kT0);
        QCOMPARE(m.rowCount(), 5);
    }

    void removeKeepsIndex()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(4), kT0);
        QVERIFY(m.remove(QStringLiteral("op-1")));
        QVERIFY(!m.remove(QStringLiteral("op-1")));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.rowForId(QStringLiteral("op-3")), 2);
        QCOMPARE(m.operationAt(2).ingestionOperationId, QStringLiteral("op-3"));
    }

    void stalledAfterThreshold()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setStallThresholdSeconds(600);
        QSignalSpy count(&m, &OperationModel::stalledCountChanged);
        QList<QueuedOperation> list = ops(2);
        list[1].state = OperationState::Completed;
        m.upsert(list, kT0);
        Spies s(&m);
        m.upsert(list, kT0.addSecs(599));
        QVERIFY(!m.isStalled(0));
        m.reevaluate(kT0.addSecs(600));
        QVERIFY(m.isStalled(0));
        QVERIFY(!m.isStalled(1)); // terminal
        QCOMPARE(m.stalledCount(), 1);
        QCOMPARE(count.size(), 1);
        QCOMPARE(m.stalledIds(), QStringList { QStringLiteral("op-0") });
        QCOMPARE(m.index(0, OperationModel::Table).data(OperationModel::HighlightRole).toInt(),
                 int(OperationModel::Highlight::Stalled));
        QVERIFY(m.index(0, OperationModel::State).data(Qt::BackgroundRole).isValid());
        QVERIFY(m.index(0, OperationModel::State)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Stalled")));
        // The whole stalled row repaints: one full-width range.
        QCOMPARE(ranges(s.changed).last(), (QList<int> { 0, 0, OperationModel::ColumnCount - 1 }));
        // Progress clears the flag.
        list[0].ingested = 1;
        list[0].pending = 99;
        m.upsert(list, kT0.addSecs(660));
        QVERIFY(!m.isStalled(0));
        QCOMPARE(m.stalledCount(), 0);
        QCOMPARE(s.reset.size(), 0);
    }

    void preloadedSamplesFromArchive()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 t0 = kT0.toMSecsSinceEpoch();
        m.preloadSamples(QStringLiteral("op-0"), { { t0 - 120'000, 0 }, { t0 - 60'000, 30 } });
        m.upsert({ op(0, 100, 40, 60) }, kT0); // 60 done in 2 minutes
        QCOMPARE(*m.throughput(0), 30.0);
        QCOMPARE(*m.etaSeconds(0), 80);
        m.addSample(QStringLiteral("op-0"), kT0.addSecs(-180), 0);
        QCOMPARE(*m.throughput(0), 20.0);
    }

    void cancelInFlight()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(3), kT0);
        Spies s(&m);
        const QString id = QStringLiteral("op-2");
        QVERIFY(!m.cancelInFlight(id));
        QVERIFY(m.setCancelInFlight(id, true));
        QVERIFY(m.cancelInFlight(id));
        QVERIFY(!m.setCancelInFlight(QStringLiteral("nope"), true));
        QCOMPARE(ranges(s.changed), (QList<QList<int>> { { 2, 0, OperationModel::ColumnCount - 1 } }));
        QCOMPARE(m.index(2, OperationModel::State).data(OperationModel::CancelInFlightRole).toBool(), true);
        QCOMPARE(m.index(2, OperationModel::State).data(OperationModel::HighlightRole).toInt(),
                 int(OperationModel::Highlight::CancelInFlight));
        QCOMPARE(m.index(2, OperationModel::State).data(OperationModel::RawValueRole).toInt(),
                 int(OperationState::InProgress));
        // The returned Canceled row ends the request.
        QueuedOperation canceled = op(2);
        canceled.state = OperationState::Canceled;
        m.upsert({ canceled }, kT0);
        QVERIFY(!m.cancelInFlight(id));
        QCOMPARE(s.reset.size(), 0);
    }

    void rolesAndHeaders()
    {
        OperationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueuedOperation o = op(7, 10, 0, 7);
        o.failed = 3;
        o.state = OperationState::Failed;
        o.sampleFailedReasons = QStringLiteral("Stream with ID 'x.csv' has a malformed CSV format");
        m.upsert({ o }, kT0);
        QCOMPARE(m.headerData(OperationModel::IngestionOperationId, Qt::Horizontal).toString(),
                 QStringLiteral("IngestionOperationId"));
        QCOMPARE(m.headerData(OperationModel::Throughput, Qt::Horizontal).toString(),
                 QStringLiteral("Throughput"));
        QCOMPARE(m.index(0, OperationModel::SampleFailedReasons).data(Qt::ToolTipRole).toString(),
                 o.sampleFailedReasons);
        QCOMPARE(m.index(0, OperationModel::OperationModel::State).data().toString(),
                 QStringLiteral("Failed"));
        QCOMPARE(m.index(0, 0).data(OperationModel::OperationRole).value<QueuedOperation>(), o);
        QCOMPARE(m.index(0, 0).data(OperationModel::HighlightRole).toInt(),
                 int(OperationModel::Highlight::Failed));
        QCOMPARE(m.index(0, OperationModel::Progress).data(OperationModel::RawValueRole).toDouble(), 100.0);
        QVERIFY(!m.index(0, OperationModel::Eta).data(OperationModel::RawValueRole).isValid()); // terminal
        QCOMPARE(OperationModel::formatDuration(3 * 3600 + 5 * 60), QStringLiteral("3 h 05 min"));
    }
};

QTEST_GUILESS_MAIN(TestOperationModel)
#include "TestOperationModel.moc"
