// CSV export of archive queries through the shared CsvWriter: service column names, RFC 4180 quoting,
// formula neutralisation, filters, no half file on failure, and an export run off the GUI thread.

#include "StoreTestData.h"
#include "core/CsvReader.h"
#include "store/ArchiveCsvExporter.h"
#include "store/ArchiveReader.h"
#include "store/SqlArchive.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using namespace iw::storetest;

class TestArchiveCsvExporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath(const QString &ext)
    {
        return m_dir.filePath(QStringLiteral("e-%1.%2").arg(++m_n).arg(ext));
    }

    static QList<QStringList> readCsv(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto rows = CsvReader::parse(f.readAll());
        return rows ? rows.value() : QList<QStringList>();
    }

    std::unique_ptr<SqlArchive> archiveWithRows(const QString &path)
    {
        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        if (!r)
            return nullptr;
        auto a = std::move(r).value();
        IngestionNotification tricky = failure(1);
        tricky.details = QStringLiteral("Line one, with \"quotes\"\nline two");
        IngestionNotification formula = failure(2, QStringLiteral("Download_SourceNotFound"));
        formula.details = QStringLiteral("=HYPERLINK(\"http://evil\")");
        if (!a->recordNotifications({ tricky, formula, success(3), malformed(4) },
                                    NotificationOrigin::Consumed, t0().addSecs(100))
                 .ok())
            return nullptr;
        if (!a->track({ QStringLiteral("op-1"), QStringLiteral("db1"), QStringLiteral("Events"),
                        TrackSource::Pasted, t0() })
                 .ok())
            return nullptr;
        if (!a->recordSnapshots({ operation(QStringLiteral("op-1"), OperationState::InProgress, 10, 4, 6) },
                                t0().addSecs(5))
                 .ok())
            return nullptr;
        return a;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void notificationsExportWithServiceNamesAndQuoting()
    {
        auto a = archiveWithRows(freshPath(QStringLiteral("sqlite")));
        QVERIFY(a);
        const QString out = freshPath(QStringLiteral("csv"));
        NotificationQuery q;
        q.order = NotificationQuery::Order::OldestFirst;
        auto n = ArchiveCsvExporter::exportNotifications(*a, q, out);
        QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
        QCOMPARE(n.value(), 4);
        const auto rows = readCsv(out);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0), ArchiveCsvExporter::notificationHeader());
        QCOMPARE(rows.at(0).at(5), QStringLiteral("ErrorCode"));
        QCOMPARE(rows.at(0).at(9), QStringLiteral("IngestionSourcePath"));
        QCOMPARE(rows.at(1).at(0), QStringLiteral("Failure"));
        QCOMPARE(rows.at(1).at(7), QStringLiteral("Line one, with \"quotes\"\nline two"));
        QCOMPARE(rows.at(1).at(1), QStringLiteral("2025-01-01T00:00:01.000Z"));
        QCOMPARE(rows.at(2).at(7), QStringLiteral("'=HYPERLINK(\"http://evil\")")); // neutralised
        QCOMPARE(rows.at(3).at(0), QStringLiteral("Success"));
        QCOMPARE(rows.at(4).at(0), QStringLiteral("Malformed"));
        QCOMPARE(rows.at(4).at(21), malformed(4).rawText);
        for (int i = 1; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).size(), ArchiveCsvExporter::notificationHeader().size());
    }

    void exportFollowsTheQuery()
    {
        auto a = archiveWithRows(freshPath(QStringLiteral("sqlite")));
        QVERIFY(a);
        const QString out = freshPath(QStringLiteral("csv"));
        NotificationQuery q;
        q.kind = IngestionNotification::Kind::Failure;
        q.errorCode = QStringLiteral("Download_SourceNotFound");
        QCOMPARE(ArchiveCsvExporter::exportNotifications(*a, q, out).value(), 1);
        const auto rows = readCsv(out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).at(5), QStringLiteral("Download_SourceNotFound"));
    }

    void snapshotsAndTrackedOperationsExport()
    {
        auto a = archiveWithRows(freshPath(QStringLiteral("sqlite")));
        QVERIFY(a);
        const QString snaps = freshPath(QStringLiteral("csv"));
        QCOMPARE(ArchiveCsvExporter::exportSnapshots(*a, {}, snaps).value(), 1);
        auto rows = readCsv(snaps);
        QCOMPARE(rows.at(0), ArchiveCsvExporter::snapshotHeader());
        QCOMPARE(rows.at(1).mid(0, 8),
                 (QStringList { QStringLiteral("op-1"), QStringLiteral("2025-01-01T00:00:05.000Z"),
                                QStringLiteral("InProgress"), QStringLiteral("10"), QStringLiteral("4"),
                                QStringLiteral("0"), QStringLiteral("6"), QStringLiteral("0") }));
        const QString tracked = freshPath(QStringLiteral("csv"));
        QCOMPARE(ArchiveCsvExporter::exportTrackedOperations(*a, {}, tracked).value(), 1);
        rows = readCsv(tracked);
        QCOMPARE(rows.at(0), ArchiveCsvExporter::trackedOperationHeader());
        QCOMPARE(rows.at(1).at(4), QStringLiteral("Pasted"));
        QCOMPARE(rows.at(1).at(6), QStringLiteral("InProgress"));
    }

    void secretsNeverReachTheFile()
    {
        NotificationRecord r;
        r.notification = failure(1);
        r.notification.ingestionSourcePath
            = QStringLiteral("https://acct.blob.core.windows.net/c/b.csv?sv=1&sig=TOPSECRET");
        r.notification.details
            = QStringLiteral("download https://acct.blob.core.windows.net/c/b.csv?sig=TOPSECRET failed");
        const QStringList row = ArchiveCsvExporter::notificationRow(r);
        for (const QString &cell : row)
            QVERIFY2(!cell.contains(QStringLiteral("TOPSECRET")), qPrintable(cell));
    }

    void failedExportLeavesNoHalfFile()
    {
        const QString dbPath = freshPath(QStringLiteral("sqlite"));
        auto a = archiveWithRows(dbPath);
        QVERIFY(a);
        QDir outDir(m_dir.filePath(QStringLiteral("out")));
        QVERIFY(outDir.mkpath(QStringLiteral(".")));
        const QString out = outDir.filePath(QStringLiteral("failures.csv"));
        {
            QFile old(out);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous export\r\n");
        }
        {
            // The query fails: the table is gone (dropped behind the archive's back).
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("vandal"));
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE notifications")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("vandal"));
        auto n = ArchiveCsvExporter::exportNotifications(*a, {}, out);
        QVERIFY(!n.ok());
        QFile old(out);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous export\r\n"));
        QCOMPARE(outDir.entryList(QDir::Files | QDir::Hidden),
                 QStringList { QStringLiteral("failures.csv") });
    }

    void exportRunsOnTheReaderThread()
    {
        const QString dbPath = freshPath(QStringLiteral("sqlite"));
        {
            auto a = archiveWithRows(dbPath);
            QVERIFY(a);
        }
        ArchiveReader reader(ArchiveConfig::sqlite(QStringLiteral("prod"), dbPath));
        const QString out = freshPath(QStringLiteral("csv"));
        std::optional<Result<qint64>> done;
        reader.run<qint64>([out](Archive &a) { return ArchiveCsvExporter::exportNotifications(a, {}, out); },
                           [&done](const Result<qint64> &r) { done = r; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 30000);
        QCOMPARE(done->value(), 4);
        QCOMPARE(readCsv(out).size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestArchiveCsvExporter)
#include "TestArchiveCsvExporter.moc"
