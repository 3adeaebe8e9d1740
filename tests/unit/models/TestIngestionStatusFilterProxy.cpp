#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <functional>

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

// Source rows of the proxy, in its order.
QList<int> sourceRows(const IngestionStatusFilterProxy &p)
{
    QList<int> out;
    for (int r = 0; r < p.rowCount(); ++r)
        out.append(p.mapToSource(p.index(r, 0)).row());
    return out;
}

// What the proxy must show: the rows passing `accept`, by the raw value of `column` (text case-insensitive),
// equal values in model order, in either direction.
QList<int> expectedRows(const IngestionStatusModel &m, int column, Qt::SortOrder order,
                        const std::function<bool(int)> &accept)
{
    QList<int> rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        if (accept(r))
            rows.append(r);
    }
    const auto compare = [&m, column](int a, int b) {
        const QVariant x = m.index(a, column).data(IngestionStatusModel::RawValueRole);
        const QVariant y = m.index(b, column).data(IngestionStatusModel::RawValueRole);
        if (x.typeId() == QMetaType::QString)
            return x.toString().compare(y.toString(), Qt::CaseInsensitive);
        const QPartialOrdering o = QVariant::compare(x, y);
        return o == QPartialOrdering::Less ? -1 : o == QPartialOrdering::Greater ? 1 : 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int c = compare(a, b);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return rows;
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

    void refreshMovesOnlyTheChangedRows()
    {
        // A sorted, filtered view: a changed row moves alone (one rowsMoved with exact ranges), a row that
        // leaves the filter is removed and one that enters it is inserted where it belongs; never a reset or
        // a layout change.
        IngestionStatusModel m;
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(page(0, 40));
        p.sort(IngestionStatusModel::UpdatedOn, Qt::DescendingOrder);
        p.setDatabase(QStringLiteral("Logs")); // even n
        const auto logs = [&m](int r) {
            return m.index(r, IngestionStatusModel::Database).data().toString() == QStringLiteral("Logs");
        };
        QCOMPARE(sourceRows(p), expectedRows(m, IngestionStatusModel::UpdatedOn, Qt::DescendingOrder, logs));
        QSignalSpy reset(&p, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&p, &QAbstractItemModel::layoutChanged);
        QSignalSpy moved(&p, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(&p, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&p, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&p, &QAbstractItemModel::dataChanged);

        // Row 10 (Logs) becomes the newest: from its place to the top.
        const int from = p.mapFromSource(m.index(10, 0)).row();
        QVERIFY(from > 0);
        QList<IngestionStatus> next = page(0, 40);
        next[10].updatedOn = kT0.addDays(1);
        m.upsert(next);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), from); // start
        QCOMPARE(moved.at(0).at(2).toInt(), from); // end
        QCOMPARE(moved.at(0).at(4).toInt(), 0); // destination
        QCOMPARE(p.mapFromSource(m.index(10, 0)).row(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);

        // Row 12 leaves the filter (moves to Sales), row 13 enters it (moves to Logs).
        const int leaving = p.mapFromSource(m.index(12, 0)).row();
        next[12].database = QStringLiteral("Sales");
        next[13].database = QStringLiteral("Logs");
        m.upsert(next);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), leaving);
        QCOMPARE(removed.at(0).at(2).toInt(), leaving);
        QCOMPARE(inserted.size(), 1);
        const int entered = p.mapFromSource(m.index(13, 0)).row();
        QVERIFY(entered >= 0);
        QCOMPARE(inserted.at(0).at(1).toInt(), entered);
        QCOMPARE(inserted.at(0).at(2).toInt(), entered);
        QCOMPARE(sourceRows(p), expectedRows(m, IngestionStatusModel::UpdatedOn, Qt::DescendingOrder, logs));

        // New rows land where they belong, in blocks.
        next = page(0, 44);
        next[12].database = QStringLiteral("Sales");
        next[13].database = QStringLiteral("Logs");
        m.upsert(next);
        QCOMPARE(sourceRows(p), expectedRows(m, IngestionStatusModel::UpdatedOn, Qt::DescendingOrder, logs));
        int insertedRows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, 1 + 2); // row 13, then rows 40 and 42
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
    }

    void randomRefreshesKeepTheOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const int c :
             { int(IngestionStatusModel::UpdatedOn), int(IngestionStatusModel::Status),
               int(IngestionStatusModel::Database), int(IngestionStatusModel::Details),
               int(IngestionStatusModel::IngestionSourceId), int(IngestionStatusModel::OperationId) }) {
            QTest::newRow(qPrintable(QStringLiteral("%1 asc").arg(c))) << c << int(Qt::AscendingOrder);
            QTest::newRow(qPrintable(QStringLiteral("%1 desc").arg(c))) << c << int(Qt::DescendingOrder);
        }
    }
    void randomRefreshesKeepTheOrder()
    {
        // Pages of random changes and new rows (new detail texts too, compared as text until the next sort):
        // after each one the view is exactly the filtered rows in a stable sort of their values.
        QFETCH(int, column);
        QFETCH(int, order);
        const auto sortOrder = static_cast<Qt::SortOrder>(order);
        IngestionStatusModel m;
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<IngestionStatus> rows = page(0, 120);
        rows[7].operationId = QStringLiteral("custom-operation"); // text among GUIDs
        m.upsert(rows);
        p.sort(column, sortOrder);
        p.setStatuses({ OperationStatus::Failed, OperationStatus::Pending });
        const auto accept = [&m](int r) {
            const OperationStatus s = m.statusOf(r);
            return s == OperationStatus::Failed || s == OperationStatus::Pending;
        };
        QSignalSpy reset(&p, &QAbstractItemModel::modelReset);
        std::srand(7);
        for (int round = 0; round < 30; ++round) {
            for (int i = 0; i < 8; ++i) {
                IngestionStatus &s = rows[std::rand() % rows.size()];
                s.updatedOn = kT0.addSecs(std::rand() % 50);
                s.status = std::rand() % 3 == 0 ? OperationStatus::Pending
                    : std::rand() % 2           ? OperationStatus::Failed
                                                : OperationStatus::Succeeded;
                s.database = std::rand() % 2 ? QStringLiteral("Sales") : QStringLiteral("logs");
                s.details = QStringLiteral("detail %1").arg(std::rand() % 40);
                s.operationId = guid(std::rand() % 1000);
            }
            if (round % 5 == 0)
                rows.append(page(int(rows.size()), 3));
            m.upsert(rows);
            QCOMPARE(sourceRows(p), expectedRows(m, column, sortOrder, accept));
        }
        QCOMPARE(reset.size(), 0);
        p.sort(column, sortOrder); // ranks rebuilt over the new texts: same order
        QCOMPARE(sourceRows(p), expectedRows(m, column, sortOrder, accept));
    }

    void filterAndSortKeepSelection()
    {
        // A sort or filter change is one layoutChanged; the selected row stays selected wherever it goes.
        IngestionStatusModel m;
        m.upsert(page(0, 50));
        IngestionStatusFilterProxy p;
        p.setSourceModel(&m);
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&p);
        selection.select(p.index(p.proxyRowForSourceId(guid(20)), 0),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy layout(&p, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&p, &QAbstractItemModel::modelReset);
        p.sort(IngestionStatusModel::IngestionSourcePath, Qt::DescendingOrder);
        p.setStatuses({ OperationStatus::Failed }); // 20 % 4 == 0: Failed
        QCOMPARE(layout.size(), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(p.mapToSource(selection.selectedRows().first()).row(), 20);
        p.setStatuses({ OperationStatus::Succeeded }); // gone from the view, and from the selection
        QCOMPARE(selection.selectedRows().size(), 0);
        QCOMPARE(p.proxyRowForSourceId(guid(20)), -1);
        p.sort(-1);
        p.setStatuses({});
        QCOMPARE(sourceRows(p).size(), 50);
        QCOMPARE(sourceRows(p).first(), 0);
        QCOMPARE(sourceRows(p).last(), 49);
    }
};

QTEST_GUILESS_MAIN(TestIngestionStatusFilterProxy)
#include "TestIngestionStatusFilterProxy.moc"
