#include "models/OperationFilterProxy.h"
#include "models/OperationModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using iw::OperationFilterProxy;
using iw::OperationModel;
using iw::OperationState;
using iw::QueuedOperation;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

QList<QueuedOperation> ops()
{
    QList<QueuedOperation> l;
    for (int i = 0; i < 6; ++i) {
        QueuedOperation o;
        o.ingestionOperationId = QStringLiteral("op-%1").arg(i);
        o.startedOn = kT0.addSecs(-i * 60);
        o.discovered = 100;
        o.pending = 100 - i * 10;
        o.ingested = i * 10;
        o.database = i % 2 ? QStringLiteral("Sales") : QStringLiteral("Logs");
        o.table = QStringLiteral("T%1").arg(i % 3);
        o.state = i == 5 ? OperationState::Failed : OperationState::InProgress;
        if (i == 5)
            o.sampleFailedReasons = QStringLiteral("Malformed CSV format");
        l.append(o);
    }
    return l;
}

QStringList ids(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, OperationModel::IngestionOperationId).data().toString());
    return out;
}

} // namespace

class TestOperationFilterProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filters()
    {
        OperationModel m;
        OperationFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(ops(), kT0);
        QCOMPARE(p.rowCount(), 6);
        p.setStates({ OperationState::Failed });
        QCOMPARE(ids(p), QStringList { QStringLiteral("op-5") });
        p.setStates({});
        p.setDatabase(QStringLiteral("sales"));
        QCOMPARE(ids(p),
                 (QStringList { QStringLiteral("op-1"), QStringLiteral("op-3"), QStringLiteral("op-5") }));
        p.setTable(QStringLiteral("t0"));
        QCOMPARE(ids(p), QStringList { QStringLiteral("op-3") });
        p.setDatabase({});
        p.setTable({});
        p.setText(QStringLiteral("csv"));
        QCOMPARE(ids(p), QStringList { QStringLiteral("op-5") });
        p.setText(QStringLiteral("OP-2"));
        QCOMPARE(ids(p), QStringList { QStringLiteral("op-2") });
        p.setText(QStringLiteral("  "));
        QCOMPARE(p.rowCount(), 6);
    }

    void sortsOnRawValues()
    {
        OperationModel m;
        OperationFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<QueuedOperation> l = ops();
        l[0].ingested = 1000; // "1,000" as text would sort before "10"
        l[0].discovered = 2000;
        m.upsert(l, kT0);
        p.sort(OperationModel::Ingested, Qt::DescendingOrder);
        QCOMPARE(ids(p).first(), QStringLiteral("op-0"));
        p.sort(OperationModel::StartedOn, Qt::AscendingOrder);
        QCOMPARE(ids(p).first(), QStringLiteral("op-5"));
    }

    void selectionSurvivesRefresh()
    {
        OperationModel m;
        OperationFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&p);
        m.upsert(ops(), kT0);
        p.sort(OperationModel::Pending, Qt::AscendingOrder);
        const int selectedRow = ids(p).indexOf(QStringLiteral("op-2"));
        selection.select(p.index(selectedRow, 0),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QPersistentModelIndex current(p.index(selectedRow, 0));

        QSignalSpy reset(&p, &QAbstractItemModel::modelReset);
        QList<QueuedOperation> next = ops();
        next[2].pending = 0; // op-2 moves to the top of the sort
        next[2].ingested = 100;
        next[2].state = OperationState::Completed;
        QueuedOperation extra = next[0];
        extra.ingestionOperationId = QStringLiteral("op-new");
        next.append(extra);
        m.upsert(next, kT0.addSecs(60));

        QCOMPARE(reset.size(), 0);
        QVERIFY(current.isValid());
        QCOMPARE(current.data().toString(), QStringLiteral("op-2"));
        QCOMPARE(current.row(), 0);
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), QStringLiteral("op-2"));
        QCOMPARE(p.rowCount(), 7);

        // A filter that hides the changed row drops it; the others stay.
        p.setStates({ OperationState::InProgress });
        QCOMPARE(p.rowCount(), 5);
    }
};

QTEST_GUILESS_MAIN(TestOperationFilterProxy)
#include "TestOperationFilterProxy.moc"
