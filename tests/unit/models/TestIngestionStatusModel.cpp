#include "core/CsvWriter.h"
#include "core/Redaction.h"
#include "models/IngestionStatusModel.h"

#include <QBuffer>

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using iw::FailureStatus;
using iw::IngestionStatus;
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
    s.timestamp = kT0;
    s.status = OperationStatus::Succeeded;
    s.ingestionSourcePath
        = QStringLiteral("https://acct.blob.core.windows.net/in/2024/%1/part-%2.csv.gz").arg(n % 7).arg(n);
    s.database = QStringLiteral("Db%1").arg(n % 3);
    s.table = QStringLiteral("Table%1").arg(n % 5);
    s.updatedOn = kT0.addSecs(n);
    s.operationId = guid(n / 100 + 0x100000);
    s.activityId = guid(n + 0x200000);
    return s;
}

QList<IngestionStatus> page(int from, int count)
{
    QList<IngestionStatus> l;
    for (int i = from; i < from + count; ++i)
        l.append(status(i));
    return l;
}

} // namespace

class TestIngestionStatusModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryField()
    {
        IngestionStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<IngestionStatus> l;
        IngestionStatus a = status(1);
        a.status = OperationStatus::Failed;
        a.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
        a.failureStatus = FailureStatus::Permanent;
        a.details = QStringLiteral("Stream with ID '*****.csv' has a malformed CSV format");
        a.originatesFromUpdatePolicy = true;
        l.append(a);
        IngestionStatus b = status(2); // Go SDK layout: RowKey is the nil GUID; upper-case GUIDs
        b.ingestionSourceId = b.ingestionSourceId.toUpper();
        b.partitionKey = b.ingestionSourceId;
        b.rowKey = QStringLiteral("00000000-0000-0000-0000-000000000000");
        b.operationId = QStringLiteral("not-a-guid");
        b.activityId.clear();
        b.updatedOn = QDateTime();
        l.append(b);
        IngestionStatus c = status(3); // odd keys, braces, non-ASCII file name, no folder
        c.partitionKey = QStringLiteral("pk");
        c.rowKey = QStringLiteral("rk");
        c.ingestionSourceId = QStringLiteral("{") + guid(3) + QStringLiteral("}");
        c.ingestionSourcePath = QStringLiteral("données-é.csv");
        l.append(c);
        IngestionStatus d = status(4); // mixed-case GUID, very long path
        d.ingestionSourceId = QStringLiteral("Abcdef01-0000-4000-8000-000000000004");
        d.partitionKey = d.ingestionSourceId;
        d.rowKey = d.ingestionSourceId;
        d.ingestionSourcePath = QStringLiteral("https://x/") + QString(30000, QLatin1Char('a'));
        l.append(d);
        QCOMPARE(m.upsert(l), 4);
        for (int i = 0; i < l.size(); ++i)
            QCOMPARE(m.statusAt(i), l.at(i));
        QCOMPARE(m.rowForKey(QStringLiteral("pk"), QStringLiteral("rk")), 2);
        QCOMPARE(m.rowForKey(b.partitionKey, b.rowKey), 1);
        QCOMPARE(m.rowForKey(b.partitionKey, b.partitionKey), -1);
        QCOMPARE(m.rowForSourceId(c.ingestionSourceId), 2);
        QCOMPARE(m.rowForSourceId(b.ingestionSourceId), 1);
        QCOMPARE(m.rowForSourceId(b.ingestionSourceId.toLower()), 1); // other letter case
        QCOMPARE(m.rowForSourceId(guid(99)), -1);
        QCOMPARE(m.index(0, IngestionStatusModel::IngestionSourceId)
                     .data(IngestionStatusModel::StatusRole)
                     .value<IngestionStatus>(),
                 a);
        // Same data again: nothing changes.
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QCOMPARE(m.upsert(l), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(inserted.size(), 0);
    }

    void writesCsvCellsOfEveryField_data()
    {
        QTest::addColumn<bool>("redactSecrets");
        QTest::newRow("redacted") << true;
        QTest::newRow("secrets kept") << false;
    }
    void writesCsvCellsOfEveryField()
    {
        // The statuses export reads the compact rows: the same cells as the fields of statusAt().
        QFETCH(bool, redactSecrets);
        IngestionStatusModel m;
        QList<IngestionStatus> l = page(0, 4);
        l[0].status = OperationStatus::Failed;
        l[0].errorCode = QStringLiteral("=cmd");
        l[0].failureStatus = FailureStatus::Permanent;
        l[0].details = QStringLiteral("line \"one\",\ntwo sig=abc");
        l[0].originatesFromUpdatePolicy = true;
        l[1].ingestionSourceId = l[1].ingestionSourceId.toUpper();
        l[1].partitionKey = l[1].rowKey = l[1].ingestionSourceId;
        l[1].operationId = QStringLiteral("not-a-guid");
        l[1].activityId.clear();
        l[1].updatedOn = QDateTime();
        l[2].ingestionSourcePath
            = QStringLiteral("https://a.blob.core.windows.net/c/données.csv?sv=1&sig=SECRET");
        l[3].database = QStringLiteral("Données, \"prod\"");
        m.upsert(l);
        QByteArray fast;
        QByteArray expected;
        QBuffer a(&fast);
        QBuffer b(&expected);
        a.open(QIODevice::WriteOnly);
        b.open(QIODevice::WriteOnly);
        {
            iw::CsvWriter wa(&a);
            iw::CsvWriter wb(&b);
            for (int row = 0; row < m.rowCount(); ++row) {
                QVERIFY(m.writeCsvCells(row, wa, redactSecrets));
                QVERIFY(wa.endRow().ok());
                const IngestionStatus s = m.statusAt(row);
                const auto secret = [redactSecrets](const QString &t) {
                    return redactSecrets ? iw::redact(t) : t;
                };
                QVERIFY(wb.writeRow({ toString(s.status), s.ingestionSourceId, secret(s.ingestionSourcePath),
                                      s.database, s.table,
                                      s.updatedOn.isValid() ? s.updatedOn.toUTC().toString(Qt::ISODateWithMs)
                                                            : QString(),
                                      s.operationId, s.activityId, s.errorCode, toString(s.failureStatus),
                                      secret(s.details),
                                      s.originatesFromUpdatePolicy ? QStringLiteral("true")
                                                                   : QStringLiteral("false") })
                            .ok());
            }
            QVERIFY(!m.writeCsvCells(m.rowCount(), wa, redactSecrets));
        }
        QCOMPARE(fast, expected);
        QCOMPARE(fast.contains("SECRET"), !redactSecrets);
        QVERIFY(fast.contains("'=cmd"));
    }

    void exactDataChanged()
    {
        IngestionStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(page(0, 10));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QList<IngestionStatus> next = page(0, 12); // two new
        next[3].details = QStringLiteral("changed"); // one cell
        next[5].errorCode = QStringLiteral("Timeout"); // ErrorCode..FailureStatus
        next[5].failureStatus = FailureStatus::Transient;
        next[7].status = OperationStatus::Failed; // whole row (highlight)
        next[8].timestamp = kT0.addSecs(1); // invisible: no signal
        QCOMPARE(m.upsert(next), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 10);
        QCOMPARE(inserted.at(0).at(2).toInt(), 11);
        QCOMPARE(changed.size(), 3);
        const auto range = [&changed](int i) {
            const auto tl = changed.at(i).at(0).value<QModelIndex>();
            const auto br = changed.at(i).at(1).value<QModelIndex>();
            return QList<int> { tl.row(), tl.column(), br.row(), br.column() };
        };
        QCOMPARE(range(0),
                 (QList<int> { 3, IngestionStatusModel::Details, 3, IngestionStatusModel::Details }));
        QCOMPARE(range(1),
                 (QList<int> { 5, IngestionStatusModel::ErrorCode, 5, IngestionStatusModel::FailureStatus }));
        QCOMPARE(range(2), (QList<int> { 7, 0, 7, IngestionStatusModel::ColumnCount - 1 }));
        QCOMPARE(m.statusAt(8).timestamp, kT0.addSecs(1));
    }

    void countsAndLabels()
    {
        IngestionStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&m, &IngestionStatusModel::statusCountsChanged);
        QList<IngestionStatus> l = page(0, 20);
        for (int i = 0; i < 12; ++i)
            l[i].status = OperationStatus::Failed;
        l[12].status = OperationStatus::Pending;
        m.upsert(l);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(m.count(OperationStatus::Failed), 12);
        QCOMPARE(m.count(OperationStatus::Succeeded), 7);
        QCOMPARE(m.statusLabel(OperationStatus::Failed), QStringLiteral("Failed (12)"));
        l[12].status = OperationStatus::Succeeded;
        l[0].status = OperationStatus::Queued;
        m.upsert(l);
        QCOMPARE(m.count(OperationStatus::Pending), 0);
        QCOMPARE(m.count(OperationStatus::Failed), 11);
        QCOMPARE(m.count(OperationStatus::Queued), 1);
        QCOMPARE(m.count(OperationStatus::Succeeded), 8);
        m.upsert(l);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(m.databases(),
                 (QStringList { QStringLiteral("Db0"), QStringLiteral("Db1"), QStringLiteral("Db2") }));
        QCOMPARE(m.tables().size(), 5);
    }

    // The filter lists follow the rows: a value appears with its first row, moves when a row is updated to
    // another value, disappears with its last row, and all go with clear().
    void distinctValuesFollowUpdates()
    {
        IngestionStatusModel m;
        QList<IngestionStatus> l = page(0, 6); // Db0..Db2, Table0..Table4
        m.upsert(l);
        QCOMPARE(m.databases(),
                 (QStringList { QStringLiteral("Db0"), QStringLiteral("Db1"), QStringLiteral("Db2") }));
        // The two Db2 rows move to a new database, in mixed case (sorted case-insensitively).
        l[2].database = QStringLiteral("archive");
        l[5].database = QStringLiteral("archive");
        l[4].table = QStringLiteral("Table0");
        m.upsert(l);
        QCOMPARE(m.databases(),
                 (QStringList { QStringLiteral("archive"), QStringLiteral("Db0"), QStringLiteral("Db1") }));
        QCOMPARE(m.tables(),
                 (QStringList { QStringLiteral("Table0"), QStringLiteral("Table1"), QStringLiteral("Table2"),
                                QStringLiteral("Table3") }));
        // One of the two rows back: "archive" stays while a row uses it.
        l[2].database = QStringLiteral("Db2");
        m.upsert(l);
        QCOMPARE(m.databases(),
                 (QStringList { QStringLiteral("archive"), QStringLiteral("Db0"), QStringLiteral("Db1"),
                                QStringLiteral("Db2") }));
        l[5].database = QStringLiteral("Db2");
        m.upsert(l);
        QCOMPARE(m.databases(),
                 (QStringList { QStringLiteral("Db0"), QStringLiteral("Db1"), QStringLiteral("Db2") }));
        m.clear();
        QVERIFY(m.databases().isEmpty());
        QVERIFY(m.tables().isEmpty());
        m.upsert(page(10, 1));
        QCOMPARE(m.databases(), QStringList { QStringLiteral("Db1") });
        QCOMPARE(m.tables(), QStringList { QStringLiteral("Table0") });
    }

    void displayAndTooltips()
    {
        IngestionStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<IngestionStatus> l = page(0, 3);
        l[0].ingestionSourcePath
            = QStringLiteral("https://acct.blob.core.windows.net/in/a.csv?sv=2023&sig=SECRET123");
        l[0].status = OperationStatus::Failed;
        l[0].errorCode = QStringLiteral("Download_SourceNotFound");
        l[1].status = OperationStatus::Queued;
        l[2].status = OperationStatus::Pending;
        l[2].updatedOn = kT0;
        m.upsert(l);
        const QString shown = m.index(0, IngestionStatusModel::IngestionSourcePath).data().toString();
        QVERIFY(!shown.contains(QStringLiteral("SECRET123")));
        QVERIFY(shown.startsWith(QStringLiteral("https://acct.blob.core.windows.net/in/a.csv")));
        QVERIFY(!m.index(0, IngestionStatusModel::IngestionSourcePath)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("SECRET123")));
        const QString tip = m.index(0, IngestionStatusModel::ErrorCode).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("DownloadFailed")) && tip.contains(QStringLiteral("permanent")),
                 qPrintable(tip));
        QCOMPARE(m.index(0, 0).data(IngestionStatusModel::HighlightRole).toInt(),
                 int(IngestionStatusModel::Highlight::Failed));
        QVERIFY(m.index(1, IngestionStatusModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("ReportMethod Queue")));
        QCOMPARE(m.index(1, 0).data(IngestionStatusModel::HighlightRole).toInt(),
                 int(IngestionStatusModel::Highlight::QueuedWithoutTracking));
        QCOMPARE(m.headerData(IngestionStatusModel::IngestionSourcePath, Qt::Horizontal).toString(),
                 QStringLiteral("IngestionSourcePath"));
        QCOMPARE(m.index(0, IngestionStatusModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(m.index(0, IngestionStatusModel::Status).data(IngestionStatusModel::RawValueRole).toInt(),
                 int(OperationStatus::Failed));

        // Long Pending, with an injected clock.
        m.setLongPendingSeconds(3600);
        m.setNow(kT0.addSecs(3599));
        QVERIFY(!m.isLongPending(2));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setNow(kT0.addSecs(3600));
        QVERIFY(m.isLongPending(2));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(m.index(2, 0).data(IngestionStatusModel::LongPendingRole).toBool(), true);
        QCOMPARE(m.index(2, 0).data(IngestionStatusModel::HighlightRole).toInt(),
                 int(IngestionStatusModel::Highlight::LongPending));
        m.setLongPendingSeconds(7200);
        QVERIFY(!m.isLongPending(2));
        QCOMPARE(changed.size(), 2);
    }

    void hundredThousandRows()
    {
        IngestionStatusModel m;
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        constexpr int kRows = 100'000;
        constexpr int kPage = 1000;
        for (int from = 0; from < kRows; from += kPage)
            QCOMPARE(m.upsert(page(from, kPage)), kPage);
        QCOMPARE(m.rowCount(), kRows);
        QCOMPARE(inserted.size(), kRows / kPage);
        QCOMPARE(m.count(OperationStatus::Succeeded), kRows);
        {
            // The tester re-walks the whole model on every signal: let it check the loaded model once
            // (exactDataChanged runs the same refresh path with the tester attached throughout).
            QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
        {
            // Upsert everything again with 1 % changed.
            QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
            int changedRows = 0;
            QSet<int> expectedRows;
            for (int from = 0; from < kRows; from += kPage) {
                QList<IngestionStatus> p = page(from, kPage);
                for (int i = 0; i < kPage; i += 100) {
                    p[i].status = OperationStatus::Failed;
                    p[i].errorCode = QStringLiteral("Timeout");
                    expectedRows.insert(from + i);
                    ++changedRows;
                }
                QCOMPARE(m.upsert(p), 0);
            }
            QCOMPARE(changed.size(), changedRows);
            QCOMPARE(changedRows, kRows / 100);
            QSet<int> rows;
            for (const auto &args : changed)
                rows.insert(args.at(0).value<QModelIndex>().row());
            QCOMPARE(rows, expectedRows);
            QCOMPARE(m.count(OperationStatus::Failed), kRows / 100);
        }
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m.rowForSourceId(guid(54321)), 54321);
        QCOMPARE(m.statusAt(77777), status(77777));
        // Compact: well under the 200-byte target per row (measured precisely by the benchmark).
        QVERIFY2(m.bytesUsed() / kRows < 200, qPrintable(QString::number(m.bytesUsed() / kRows)));
    }

    void clearIsTheOnlyReset()
    {
        IngestionStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(page(0, 5));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.count(OperationStatus::Succeeded), 0);
        QCOMPARE(m.rowForSourceId(guid(1)), -1);
        m.upsert(page(0, 5));
        QCOMPARE(m.rowForSourceId(guid(1)), 1);
    }
};

QTEST_GUILESS_MAIN(TestIngestionStatusModel)
#include "TestIngestionStatusModel.moc"
