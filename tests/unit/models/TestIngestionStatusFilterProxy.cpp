#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using iw::IngestionStatus;
using iw::IngestionStatusFilterProxy;
using iw::IngestionStatusModel;
using iw::OperationStatus;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

QString guid(int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2")
        .arg(n, 8, 16, QLatin1Char('0'))
        .arg(n, 12, 16, QLatin1Char('0'));
}

IngestionStatus status(int n)
{
    IngestionStatus s;
    s.ingestionSourceId = guid(n);
    s.partitionKey = s.ingestionSourceId;
    s.rowKey = s.ingestionSourceId;
    s.status = n % 4 == 0 ? OperationStatus::Failed : OperationStatus::Succeeded;
    s.ingestionSourcePath
        = QStringLiteral("https://acct.blob.core.windows.net/in/%1/Part-%2.csv").arg(n % 3).arg(n);
    s.database = n % 2 ? QStringLiteral("Sales") : QStringLiteral("Logs");
    s.table = QStringLiteral("T%1").arg(n % 3);
    s.updatedOn = kT0.addSecs(60 * ((n * 7) % 20));
    s.details = n % 4 == 0 ? QStringLiteral("Stream has a malformed CSV format") : QString();
    s.errorCode = n % 4 == 0 ? QStringLiteral("Stream_ClosingQuoteMissing") : QString();
    return s;
}

QList<IngestionStatus> page(int from, int count)
{
    QList<IngestionStatus> l;
    for (int i = from; i < from + count; ++i)
        l.append(status(i));
    return l;
}

QStringList sourceIds(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, IngestionStatusModel::IngestionSourceId).data().toString());
    return out;
}

} // namespace

class TestIngestionStatusFilterProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filters()
    {
        IngestionStatusModel m;
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(page(0, 20));
        QCOMPARE(p.rowCount(), 20);
        p.setStatuses({ OperationStatus::Failed });
        QCOMPARE(p.rowCount(), 5);
        p.setStatuses({ OperationStatus::Failed, OperationStatus::Succeeded });
        QCOMPARE(p.rowCount(), 20);
        p.setStatuses({});
        p.setDatabase(QStringLiteral("sales"));
        QCOMPARE(p.rowCount(), 10);
        p.setTable(QStringLiteral("T1"));
        QCOMPARE(sourceIds(p), (QStringList { guid(1), guid(7), guid(13), guid(19) }));
        p.setDatabase({});
        p.setTable({});
        p.setTimeRange(kT0.addSecs(60), kT0.addSecs(120)); // (n*7)%20 in {1, 2}
        QCOMPARE(sourceIds(p), (QStringList { guid(3), guid(6) }));
        p.setTimeRange({}, {});
        p.setText(QStringLiteral("MALFORMED"));
        QCOMPARE(p.rowCount(), 5);
        p.setText(QStringLiteral("part-13.CSV")); // file name, case-insensitive
        QCOMPARE(sourceIds(p), QStringList { guid(13) });
        p.setText(QStringLiteral("in/1/part-1")); // across folder and file name
        QCOMPARE(sourceIds(p), (QStringList { guid(1), guid(10), guid(13), guid(16), guid(19) }));
        p.setText(QStringLiteral("0000000E-0000")); // source id, case-insensitive
        QCOMPARE(sourceIds(p), QStringList { guid(14) });
        p.setText(QStringLiteral("héllo"));
        QCOMPARE(p.rowCount(), 0);
        p.setText({});
        QCOMPARE(p.rowCount(), 20);
        QCOMPARE(p.proxyRowForSourceId(guid(5)), 5);
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        for (int c = 0; c < IngestionStatusModel::ColumnCount; ++c)
            QTest::newRow(qPrintable(QString::number(c))) << c;
    }
    void sortsOnRawValues()
    {
        // The fast path must agree with sorting on the raw-value role.
        QFETCH(int, column);
        IngestionStatusModel m;
        QList<IngestionStatus> l = page(0, 40);
        l[3].ingestionSourceId = QStringLiteral("zz-not-a-guid");
        l[3].partitionKey = l[3].ingestionSourceId;
        l[3].rowKey = l[3].ingestionSourceId;
        l[5].operationId = QStringLiteral("ABCDEF00-0000-4000-8000-000000000000");
        m.upsert(l);
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        p.sort(column, Qt::AscendingOrder);
        for (int r = 1; r < p.rowCount(); ++r) {
            const QVariant a = p.index(r - 1, column).data(IngestionStatusModel::RawValueRole);
            const QVariant b = p.index(r, column).data(IngestionStatusModel::RawValueRole);
            if (a.typeId() == QMetaType::QString && column != IngestionStatusModel::IngestionSourcePath)
                QVERIFY2(a.toString().compare(b.toString(), Qt::CaseInsensitive) <= 0,
                         qPrintable(a.toString() + QStringLiteral(" > ") + b.toString()));
            else if (a.typeId() != QMetaType::QString)
                QVERIFY(QVariant::compare(a, b) != QPartialOrdering::Greater);
        }
    }

    void staleRanksAfterRefreshKeepOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("UpdatedOn") << int(IngestionStatusModel::UpdatedOn);
        QTest::newRow("Details") << int(IngestionStatusModel::Details);
        QTest::newRow("IngestionSourcePath") << int(IngestionStatusModel::IngestionSourcePath);
    }
    void staleRanksAfterRefreshKeepOrder()
    {
        // Rows changed or added after sort() compare on their values; the order stays right.
        QFETCH(int, column);
        IngestionStatusModel m;
        m.upsert(page(0, 200));
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        p.sort(column, Qt::AscendingOrder);
        QList<IngestionStatus> next = page(0, 240);
        for (int i = 0; i < 200; i += 7) {
            next[i].updatedOn = kT0.addSecs(-i * 13);
            next[i].details = QStringLiteral("a new detail %1").arg(i % 3);
            next[i].ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/aa/%1").arg(i);
        }
        m.upsert(next);
        QCOMPARE(p.rowCount(), 240);
        for (int r = 1; r < p.rowCount(); ++r) {
            const QVariant a = p.index(r - 1, column).data(IngestionStatusModel::RawValueRole);
            const QVariant b = p.index(r, column).data(IngestionStatusModel::RawValueRole);
            if (a.typeId() == QMetaType::QString)
                QVERIFY2(a.toString().compare(b.toString(), Qt::CaseInsensitive) <= 0,
                         qPrintable(a.toString() + QStringLiteral(" > ") + b.toString()));
            else
                QVERIFY(QVariant::compare(a, b) != QPartialOrdering::Greater);
        }
    }

    void selectionSurvivesRefreshAndFilterRebuild()
    {
        IngestionStatusModel m;
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(page(0, 30));
        p.sort(IngestionStatusModel::UpdatedOn, Qt::DescendingOrder);
        QItemSelectionModel selection(&p);
        const int row = p.proxyRowForSourceId(guid(8));
        selection.select(p.index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy reset(&p, &QAbstractItemModel::modelReset);
        QList<IngestionStatus> next = page(0, 35);
        next[8].updatedOn = kT0.addSecs(100000); // moves to the top
        next[8].status = OperationStatus::Succeeded;
        m.upsert(next);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows()
                     .first()
                     .sibling(selection.selectedRows().first().row(), IngestionStatusModel::IngestionSourceId)
                     .data()
                     .toString(),
                 guid(8));
        QCOMPARE(selection.selectedRows().first().row(), 0);
        p.setDatabase(QStringLiteral("Logs")); // guid(8) stays
        QCOMPARE(reset.size(), 0);
        QCOMPARE(p.index(selection.selectedRows().first().row(), IngestionStatusModel::IngestionSourceId)
                     .data()
                     .toString(),
                 guid(8));
    }
};

QTEST_GUILESS_MAIN(TestIngestionStatusFilterProxy)
#include "TestIngestionStatusFilterProxy.moc"
