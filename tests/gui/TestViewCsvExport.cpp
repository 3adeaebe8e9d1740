// ViewCsvExport: a view's rows written off the GUI thread and read back with a standard CSV parser
// (python3's csv module) equal the rows: quotes, newlines, commas, non-ASCII, formula cells, SAS URLs.
#include "core/Redaction.h"
#include "gui/ViewCsvExport.h"
#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"

#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace iw;

namespace {

const QString kSas
    = QStringLiteral("https://acct.blob.core.windows.net/c/f.csv?sv=2022-11-02&sp=r&sig=TOPSECRET%3D");

// Parses with python3's csv module; returns the rows.
QList<QStringList> readBack(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("python3"),
            { QStringLiteral("-c"),
              QStringLiteral("import csv,json,sys\n"
                             "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                             "    json.dump(list(csv.reader(f)), sys.stdout)\n"),
              path });
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QList<QStringList> rows;
    for (const QJsonValue &r : QJsonDocument::fromJson(p.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue &c : r.toArray())
            cells << c.toString();
        rows << cells;
    }
    return rows;
}

// What CsvWriter's formula neutralisation does to a cell, for the expected values.
QString neutralised(const QString &cell)
{
    static const QString starts = QStringLiteral("=+-@\t\r");
    return !cell.isEmpty() && starts.contains(cell.front()) ? QLatin1Char('\'') + cell : cell;
}

IngestionNotification tricky(int i)
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Failure;
    n.messageId = QStringLiteral("msg-%1").arg(i);
    n.queueName = QStringLiteral("failedingestionsqueue");
    n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.database = QStringLiteral("Données, \"prod\"");
    n.table = QStringLiteral("日本語テーブル");
    n.failedOn = QDateTime(QDate(2026, 11, 22), QTime(1, 2, 3, 456), Qt::UTC);
    n.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.ingestionSourcePath = kSas;
    n.details = QStringLiteral("line one\r\nline \"two\", with comma\nthree");
    n.errorCode = i % 2 ? QStringLiteral("=HYPERLINK(\"http://evil\")") : QStringLiteral("-1+2");
    n.failureStatus = FailureStatus::Permanent;
    n.rawText = QStringLiteral("@SUM(A1)");
    return n;
}

} // namespace

class TestViewCsvExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    bool run(ViewCsvExport &e)
    {
        QSignalSpy done(&e, &ViewCsvExport::finished);
        e.start();
        if (!done.wait(30000))
            return false;
        return done.at(0).at(0).toBool();
    }

private Q_SLOTS:
    void notificationsRoundTrip_data()
    {
        QTest::addColumn<bool>("redactSecrets");
        QTest::addColumn<bool>("bom");
        QTest::newRow("redacted, BOM") << true << true;
        QTest::newRow("secrets on request, no BOM") << false << false;
    }
    void notificationsRoundTrip()
    {
        QFETCH(bool, redactSecrets);
        QFETCH(bool, bom);
        NotificationModel model;
        QList<IngestionNotification> notes;
        for (int i = 0; i < 5; ++i)
            notes << tricky(i);
        model.upsert(notes);
        const QString path
            = m_dir.filePath(QStringLiteral("n-%1-%2.csv").arg(int(redactSecrets)).arg(int(bom)));
        ViewCsvExport::Options o;
        o.byteOrderMark = bom;
        o.rowsPerSlice = 2; // several slices
        ViewCsvExport e(CsvExportSpec::notifications(
                            &model, CsvExportSpec::sourceRows(&model, nullptr, false), redactSecrets),
                        path, o);
        QVERIFY(run(e));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
        QCOMPARE(bytes.contains("TOPSECRET"), !redactSecrets);

        const QList<QStringList> rows = readBack(path);
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(0).at(0), QStringLiteral("Kind"));
        QVERIFY(rows.at(0).contains(QStringLiteral("IngestionSourcePath")));
        QVERIFY(rows.at(0).contains(QStringLiteral("FailedOn")));
        const int pathCol = rows.at(0).indexOf(QStringLiteral("IngestionSourcePath"));
        const int detailsCol = rows.at(0).indexOf(QStringLiteral("Details"));
        const int codeCol = rows.at(0).indexOf(QStringLiteral("ErrorCode"));
        const int dbCol = rows.at(0).indexOf(QStringLiteral("Database"));
        const int tableCol = rows.at(0).indexOf(QStringLiteral("Table"));
        const int rawCol = rows.at(0).indexOf(QStringLiteral("RawText"));
        for (int i = 0; i < 5; ++i) {
            const QStringList &r = rows.at(i + 1);
            QCOMPARE(r.size(), rows.at(0).size());
            QCOMPARE(r.at(pathCol), redactSecrets ? redact(kSas) : kSas);
            QCOMPARE(r.at(detailsCol), notes.at(i).details);
            QCOMPARE(r.at(codeCol), neutralised(notes.at(i).errorCode));
            QCOMPARE(r.at(dbCol), notes.at(i).database);
            QCOMPARE(r.at(tableCol), notes.at(i).table);
            QCOMPARE(r.at(rawCol), QStringLiteral("'@SUM(A1)"));
        }
    }

    void selectedStatusRowsInViewOrder()
    {
        IngestionStatusModel model;
        QList<IngestionStatus> page;
        for (int i = 0; i < 10; ++i) {
            IngestionStatus s;
            s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.partitionKey = s.rowKey = s.ingestionSourceId;
            s.status = i % 2 ? OperationStatus::Failed : OperationStatus::Succeeded;
            s.ingestionSourcePath = kSas;
            s.database = QStringLiteral("db");
            s.table = QStringLiteral("t%1").arg(i);
            s.details = QStringLiteral("+cmd, \"x\"\n%1").arg(i);
            page << s;
        }
        model.upsert(page);
        IngestionStatusFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setStatuses({ OperationStatus::Failed });
        QCOMPARE(proxy.rowCount(), 5);
        QItemSelectionModel selection(&proxy);
        selection.select(proxy.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection.select(proxy.index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QList<int> rows = CsvExportSpec::sourceRows(&proxy, &selection, true);
        QCOMPARE(rows.size(), 2);
        const QString path = m_dir.filePath(QStringLiteral("statuses.csv"));
        ViewCsvExport e(CsvExportSpec::statuses(&model, rows, true), path);
        QVERIFY(run(e));
        const QList<QStringList> back = readBack(path);
        QCOMPARE(back.size(), 3);
        QCOMPARE(back.at(0),
                 QStringList({ QStringLiteral("Status"), QStringLiteral("IngestionSourceId"),
                               QStringLiteral("IngestionSourcePath"), QStringLiteral("Database"),
                               QStringLiteral("Table"), QStringLiteral("UpdatedOn"),
                               QStringLiteral("OperationId"), QStringLiteral("ActivityId"),
                               QStringLiteral("ErrorCode"), QStringLiteral("FailureStatus"),
                               QStringLiteral("Details"), QStringLiteral("OriginatesFromUpdatePolicy") }));
        for (int i = 0; i < 2; ++i) {
            const IngestionStatus s = model.statusAt(rows.at(i));
            QCOMPARE(back.at(i + 1).at(0), QStringLiteral("Failed"));
            QCOMPARE(back.at(i + 1).at(1), s.ingestionSourceId);
            QCOMPARE(back.at(i + 1).at(2), redact(kSas));
            QVERIFY(!back.at(i + 1).at(2).contains(QLatin1String("TOPSECRET")));
            QCOMPARE(back.at(i + 1).at(10), QLatin1Char('\'') + s.details);
        }
    }

    void fastPathWritesWhatRowSays_data()
    {
        QTest::addColumn<bool>("redactSecrets");
        QTest::newRow("redacted") << true;
        QTest::newRow("secrets on request") << false;
    }
    void fastPathWritesWhatRowSays()
    {
        // The encoded fast path (spec.write) and the cell lists (spec.row) give the same bytes, for both
        // exports and every kind of value.
        QFETCH(bool, redactSecrets);
        NotificationModel notifications;
        QList<IngestionNotification> notes;
        for (int i = 0; i < 7; ++i)
            notes << tricky(i);
        notes[1].kind = IngestionNotification::Kind::Success;
        notes[1].succeededOn = notes[1].failedOn;
        notes[2].kind = IngestionNotification::Kind::Malformed;
        notes[2].details.clear();
        notes[2].parseError = QStringLiteral("not JSON: Bearer abc");
        notes[3].dequeueCount = 12;
        notes[4].insertionTime = QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 7), Qt::UTC);
        notifications.upsert(notes);

        IngestionStatusModel statuses;
        QList<IngestionStatus> page;
        for (int i = 0; i < 6; ++i) {
            IngestionStatus s;
            s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.partitionKey = s.rowKey = s.ingestionSourceId;
            s.status = i % 2 ? OperationStatus::Failed : OperationStatus::Pending;
            s.ingestionSourcePath
                = i % 3 ? kSas : QStringLiteral("https://a.blob.core.windows.net/c/日本/-x.csv");
            s.database = QStringLiteral("Données, \"prod\"");
            s.table = QStringLiteral("=t%1").arg(i);
            s.details = QStringLiteral("+cmd, \"x\"\n%1 sig=abc").arg(i);
            s.errorCode = i % 2 ? QStringLiteral("Stream_ClosingQuoteMissing") : QString();
            s.failureStatus = i % 2 ? FailureStatus::Permanent : FailureStatus::Unknown;
            if (i != 2)
                s.updatedOn = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6 * i), Qt::UTC);
            s.operationId = i == 3 ? QStringLiteral("not-a-guid")
                                   : QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
            s.activityId = i == 4 ? QString() : QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.originatesFromUpdatePolicy = i == 5;
            page << s;
        }
        statuses.upsert(page);

        const auto bytesOf = [this](CsvExportSpec spec, const QString &name) {
            const QString path = m_dir.filePath(name);
            ViewCsvExport::Options o;
            o.rowsPerSlice = 3;
            ViewCsvExport e(std::move(spec), path, o);
            if (!run(e))
                return QByteArray("export failed");
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable");
        };
        const auto compareBoth = [&](const CsvExportSpec &spec, const QString &name) {
            QVERIFY(spec.write);
            CsvExportSpec slow = spec;
            slow.write = nullptr;
            const QByteArray fast = bytesOf(spec, name + QStringLiteral("-fast.csv"));
            QCOMPARE(fast, bytesOf(slow, name + QStringLiteral("-slow.csv")));
            QCOMPARE(fast.contains("TOPSECRET"), !redactSecrets);
            QCOMPARE(fast.contains("REDACTED"), redactSecrets);
        };
        compareBoth(CsvExportSpec::notifications(&notifications, { 0, 1, 2, 3, 4, 5, 6, 42 }, redactSecrets),
                    QStringLiteral("n%1").arg(int(redactSecrets)));
        compareBoth(CsvExportSpec::statuses(&statuses, { 5, 4, 3, 2, 1, 0, 42 }, redactSecrets),
                    QStringLiteral("s%1").arg(int(redactSecrets)));
    }

    void cancelledExportLeavesNoFile()
    {
        NotificationModel model;
        QList<IngestionNotification> notes;
        for (int i = 0; i < 5000; ++i)
            notes << tricky(i);
        model.upsert(notes);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        ViewCsvExport::Options o;
        o.rowsPerSlice = 10;
        ViewCsvExport e(
            CsvExportSpec::notifications(&model, CsvExportSpec::sourceRows(&model, nullptr, false), true),
            path, o);
        QSignalSpy done(&e, &ViewCsvExport::finished);
        QSignalSpy progress(&e, &ViewCsvExport::progress);
        e.start();
        QTRY_VERIFY(progress.size() > 3);
        e.cancel();
        QVERIFY(done.wait(10000) || done.size() == 1);
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(int(done.at(0).at(1).value<Error>().kind), int(Error::Kind::Canceled));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(
            QDir(m_dir.path()).entryList({ QStringLiteral("cancelled*") }, QDir::Files | QDir::Hidden).size(),
            0);
    }

    void failedExportLeavesNoFile()
    {
        NotificationModel model;
        model.upsert({ tricky(1) });
        const QString path = m_dir.filePath(QStringLiteral("no-such-dir/x.csv"));
        ViewCsvExport e(CsvExportSpec::notifications(&model, { 0 }, true), path);
        QSignalSpy done(&e, &ViewCsvExport::finished);
        e.start();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestViewCsvExport)
#include "TestViewCsvExport.moc"
