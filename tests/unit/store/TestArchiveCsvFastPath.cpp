// The archive CSV export's sqlite3 reader (SqliteFastReader) against its QtSql path: for a realistic
// archive and for every NotificationQuery filter the two files are byte for byte the same, secrets never
// reach the file, columns holding what the schema does not expect are converted like QtSql converts them,
// and the reader does not wait for (or see) a writer's open transaction.

#include "StoreTestData.h"
#include "core/CsvReader.h"
#include "store/ArchiveCsvExporter.h"
#include "store/ArchiveError.h"
#include "store/SqlArchive.h"
#include "store/SqliteFastReader.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using namespace iw::storetest;
using Path = ArchiveCsvExporter::ReadPath;

namespace {

const QString kSignature = QStringLiteral("c2VjcmV0U2lnbmF0dXJlVmFsdWU");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Notifications as the queues deliver them, with everything a CSV cell can trip over.
QList<IngestionNotification> realisticNotifications()
{
    QList<IngestionNotification> out;
    const QStringList codes { QStringLiteral("Stream_ClosingQuoteMissing"),
                              QStringLiteral("Download_SourceNotFound"),
                              QStringLiteral("BadRequest_EmptyBlob") };
    const QStringList tricky {
        QStringLiteral("=HYPERLINK(\"http://evil\",\"click\")"),
        QStringLiteral("+1 extra field"),
        QStringLiteral("-5 rows were rejected"),
        QStringLiteral("@SUM(A1:A2)"),
        QStringLiteral("\tleading tab"),
        QStringLiteral("\rleading carriage return"),
        QStringLiteral("Line one, with \"quotes\"\nline two"),
        QStringLiteral("Données non valides: « é », 日本語, emoji \U0001F600"),
        QString(QChar(0xFEFF)) + QStringLiteral("starts with a byte order mark"),
        QString(QChar(0xFEFF)),
        QStringLiteral("a lone surrogate ") + QChar(0xD800) + QStringLiteral(" in the middle"),
        QStringLiteral("download https://acct.blob.core.windows.net/c/b.csv?sv=2023-11-03&sig=%1 failed")
            .arg(kSignature),
        QStringLiteral("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"),
        QStringLiteral("password=hunter2;AccountKey=abc123=="),
        QStringLiteral("\"quoted from the start\""),
        QStringLiteral("comma, only"),
        QString(),
    };
    for (int i = 0; i < 60; ++i) {
        const QDateTime when = t0().addSecs(3600 * (i % 7) + i);
        IngestionNotification n = failure(i, codes.at(i % codes.size()), when);
        n.details = tricky.at(i % tricky.size());
        n.database = i % 3 ? QStringLiteral("db1") : QStringLiteral("Ventes_été");
        n.table = i % 4 ? QStringLiteral("Events") : QStringLiteral("-Negative");
        n.operationId
            = i % 5 ? QStringLiteral("op-%1").arg(i % 4) : QString(QChar(0xFEFF)) + QStringLiteral("op");
        n.failureStatus = i % 2 ? FailureStatus::Transient : FailureStatus::Permanent;
        n.dequeueCount = i % 9 == 0 ? -3 : i % 4;
        if (i % 3 == 0)
            n.ingestionSourcePath
                = QStringLiteral("https://acct.blob.core.windows.net/landing/f%1.csv?sp=r&sig=%2")
                      .arg(i)
                      .arg(kSignature);
        if (i % 8 == 0)
            n.ingestionSourceId.clear();
        if (i % 10 == 0)
            n.rootActivityId = QStringLiteral("=cmd|' /C calc'!A0");
        out << n;
    }
    for (int i = 0; i < 12; ++i) {
        IngestionNotification n = success(100 + i, t0().addSecs(3600 * (i % 5)));
        if (i % 4 == 0)
            n.ingestionSourcePath
                = QStringLiteral("https://acct.blob.core.windows.net/c/ok.csv?sig=%1").arg(kSignature);
        out << n;
    }
    for (int i = 0; i < 6; ++i) {
        IngestionNotification n = malformed(200 + i);
        if (i % 2)
            n.rawText
                = QStringLiteral("{\"IngestionSourcePath\":\"https://a.blob.core.windows.net/c/x?sig=%1\"")
                      .arg(kSignature);
        else
            n.rawText = QStringLiteral("=1+1,\"half");
        out << n;
    }
    return out;
}

} // namespace

class TestArchiveCsvFastPath : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_dbPath;
    std::unique_ptr<SqlArchive> m_archive;

    QString freshPath(const QString &ext)
    {
        return m_dir.filePath(QStringLiteral("f-%1.%2").arg(++m_n).arg(ext));
    }

    // Exports `q` both ways; compares the files; returns the number of rows (-1 on a failure).
    qint64 exportBothWays(SqlArchive &a, const NotificationQuery &q, CsvWriter::Options options = {})
    {
        const QString qt = freshPath(QStringLiteral("csv"));
        const QString fast = freshPath(QStringLiteral("csv"));
        const Result<qint64> nQt = ArchiveCsvExporter::exportNotifications(a, q, qt, options, Path::QtSql);
        const Result<qint64> nFast
            = ArchiveCsvExporter::exportNotifications(a, q, fast, options, Path::SqliteApi);
        if (!nQt || !nFast) {
            qWarning("export failed: %s", qPrintable((!nQt ? nQt.error() : nFast.error()).message));
            return -1;
        }
        if (*nQt != *nFast) {
            qWarning("row counts differ: QtSql %lld, sqlite3 %lld", *nQt, *nFast);
            return -1;
        }
        const QByteArray a1 = readAll(qt);
        const QByteArray a2 = readAll(fast);
        if (a1.isEmpty() || a1 != a2) {
            qsizetype at = 0;
            while (at < qMin(a1.size(), a2.size()) && a1.at(at) == a2.at(at))
                ++at;
            qWarning("files differ at byte %lld:\n QtSql:   %s\n sqlite3: %s", qint64(at),
                     a1.mid(qMax<qsizetype>(0, at - 40), 120).toPercentEncoding(" ,\"=").constData(),
                     a2.mid(qMax<qsizetype>(0, at - 40), 120).toPercentEncoding(" ,\"=").constData());
            return -1;
        }
        if (a2.contains(kSignature.toUtf8())) {
            qWarning("a SAS signature reached the file");
            return -1;
        }
        return *nFast;
    }

    // A connection of the test's own to the archive file, for rows no current code writes.
    template<typename F>
    bool withRawConnection(const QString &name, F &&f)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_dbPath);
            ok = db.open() && f(db);
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("archive.sqlite"));
        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), m_dbPath));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        m_archive = std::move(r).value();
        const QList<IngestionNotification> all = realisticNotifications();
        // Half consumed, half only peeked (consumed_on NULL).
        QVERIFY(m_archive
                    ->recordNotifications(all.mid(0, all.size() / 2), NotificationOrigin::Consumed,
                                          t0().addDays(1))
                    .ok());
        QVERIFY(
            m_archive
                ->recordNotifications(all.mid(all.size() / 2), NotificationOrigin::Peeked, t0().addDays(2))
                .ok());
        // A text starting with U+FEFF: SQLite drops a leading U+FEFF of UTF-16 it is given (a byte order
        // mark to it), so QtSql never stores one; UTF-8 written by another program keeps it.
        QVERIFY(withRawConnection(QStringLiteral("raw-bom"), [](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral(
                "INSERT INTO notifications (profile, dedup_key, kind, event_time, first_seen_on, "
                "last_seen_on, "
                "operation_id, details, failure_status) VALUES ('prod', 'bom', 'Failure', 1735689600500, "
                "1735689600500, 1735689600500, CAST(x'EFBBBF6F70' AS TEXT), CAST(x'EFBBBF3D2C31' AS TEXT), "
                "'Transient')"));
        }));
        // Another profile's rows share the file and never show.
        auto other = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("test"), m_dbPath));
        QVERIFY(other.ok());
        QVERIFY((*other)
                    ->recordNotifications({ failure(900), failure(901) }, NotificationOrigin::Consumed, t0())
                    .ok());
    }

    void sameFileForEveryFilter_data()
    {
        using K = IngestionNotification::Kind;
        QTest::addColumn<int>("which");
        QTest::addColumn<bool>("mayBeEmpty");
        QTest::newRow("everything, newest first") << 0 << false;
        QTest::newRow("oldest first") << 1 << false;
        QTest::newRow("failures") << 2 << false;
        QTest::newRow("successes") << 3 << false;
        QTest::newRow("malformed") << 4 << false;
        QTest::newRow("error code") << 5 << false;
        QTest::newRow("operation id") << 6 << false;
        QTest::newRow("database (non-ASCII)") << 7 << false;
        QTest::newRow("table") << 8 << false;
        QTest::newRow("from") << 9 << false;
        QTest::newRow("to") << 10 << false;
        QTest::newRow("consumed") << 11 << false;
        QTest::newRow("not consumed") << 12 << false;
        QTest::newRow("limit") << 13 << false;
        QTest::newRow("all filters at once") << 14 << false;
        QTest::newRow("nothing matches") << 15 << true;
        (void)K::Failure;
    }

    void sameFileForEveryFilter()
    {
        using K = IngestionNotification::Kind;
        QFETCH(int, which);
        QFETCH(bool, mayBeEmpty);
        NotificationQuery q;
        switch (which) {
        case 1:
            q.order = NotificationQuery::Order::OldestFirst;
            break;
        case 2:
            q.kind = K::Failure;
            break;
        case 3:
            q.kind = K::Success;
            break;
        case 4:
            q.kind = K::Malformed;
            break;
        case 5:
            q.errorCode = QStringLiteral("Download_SourceNotFound");
            break;
        case 6:
            q.operationId = QStringLiteral("op-1");
            break;
        case 7:
            q.database = QStringLiteral("Ventes_été");
            break;
        case 8:
            q.table = QStringLiteral("-Negative");
            break;
        case 9:
            q.from = t0().addSecs(3 * 3600);
            break;
        case 10:
            q.to = t0().addSecs(2 * 3600);
            break;
        case 11:
            q.consumed = true;
            break;
        case 12:
            q.consumed = false;
            break;
        case 13:
            q.limit = 7;
            q.order = NotificationQuery::Order::OldestFirst;
            break;
        case 14:
            q.kind = K::Failure;
            q.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
            q.database = QStringLiteral("Ventes_été");
            q.table = QStringLiteral("Events");
            q.from = t0();
            q.to = t0().addDays(1);
            q.consumed = true;
            q.limit = 5;
            break;
        case 15:
            q.errorCode = QStringLiteral("No_Such_Code");
            break;
        default:
            break;
        }
        const qint64 n = exportBothWays(*m_archive, q);
        QVERIFY(n >= 0);
        const Result<qint64> expected = m_archive->countNotifications(q);
        QVERIFY(expected.ok());
        QCOMPARE(n, *expected);
        if (!mayBeEmpty)
            QVERIFY(n > 0);
    }

    void sameFileWithEveryOption()
    {
        QVERIFY(exportBothWays(*m_archive, {}, CsvWriter::Options { true, true }) > 0);
        QVERIFY(exportBothWays(*m_archive, {}, CsvWriter::Options { false, false }) > 0);
        QVERIFY(exportBothWays(*m_archive, {}, CsvWriter::Options { true, false }) > 0);
    }

    void whatTheFileSays()
    {
        // Not only the same file: the right one (the QtSql path is checked by TestArchiveCsvExporter).
        const QString out = freshPath(QStringLiteral("csv"));
        NotificationQuery q;
        q.order = NotificationQuery::Order::OldestFirst;
        const Result<qint64> n
            = ArchiveCsvExporter::exportNotifications(*m_archive, q, out, {}, Path::SqliteApi);
        QVERIFY(n.ok());
        const QByteArray bytes = readAll(out);
        QVERIFY(!bytes.contains(kSignature.toUtf8()));
        QVERIFY(bytes.contains("sig=REDACTED"));
        QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""));
        QVERIFY(bytes.contains(",'@SUM(A1:A2),"));
        QVERIFY(bytes.contains(",'-Negative,"));
        QVERIFY(bytes.contains(",'-3,"));
        QVERIFY(bytes.contains(QStringLiteral(",\"\uFEFFop\",").toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral(",\"\uFEFF=,1\",").toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("日本語, emoji \U0001F600").toUtf8()));
        auto rows = CsvReader::parse(bytes);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), *n + 1);
        QCOMPARE(rows->at(0), ArchiveCsvExporter::notificationHeader());
        for (const QStringList &row : *rows)
            QCOMPARE(row.size(), ArchiveCsvExporter::notificationHeader().size());
    }

    void secretsWrittenBehindTheArchivesBackNeverReachTheFile()
    {
        // The archive redacts what it stores; an older version or another tool may not have: the export
        // redacts again on the way out, on both paths.
        QVERIFY(withRawConnection(QStringLiteral("raw-secrets"), [](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (!q.prepare(QStringLiteral(
                    "INSERT INTO notifications (profile, dedup_key, kind, event_time, first_seen_on, "
                    "last_seen_on, "
                    "details, ingestion_source_path, raw_text, parse_error, failure_status) "
                    "VALUES ('prod', ?, 'Failure', 1735689600000, 1735689600000, 1735689600000, ?, ?, ?, ?, "
                    "'Permanent')")))
                return false;
            q.addBindValue(QStringLiteral("msg:raw-secret"));
            q.addBindValue(QStringLiteral("could not read https://a.blob.core.windows.net/c/b?sv=1&sig=%1")
                               .arg(kSignature));
            q.addBindValue(
                QStringLiteral("https://a.blob.core.windows.net/c/b?sig=%1&se=2025").arg(kSignature));
            q.addBindValue(
                QStringLiteral("{\"path\":\"https://a.blob.core.windows.net/c/b?SIG=%1\"}").arg(kSignature));
            q.addBindValue(QString(QStringLiteral("sig%3d") + kSignature));
            return q.exec();
        }));
        NotificationQuery q;
        q.kind = IngestionNotification::Kind::Failure;
        QVERIFY(exportBothWays(*m_archive, q) > 0); // checks the signature too
        const QString out = freshPath(QStringLiteral("csv"));
        QVERIFY(ArchiveCsvExporter::exportNotifications(*m_archive, q, out, {}, Path::SqliteApi).ok());
        const QByteArray bytes = readAll(out);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(kSignature.toUtf8()));
    }

    void unexpectedColumnValuesConvertLikeQtSql()
    {
        // SQLite stores what it is given: numbers in text columns, text and reals in integer columns, a
        // blob, text that is not valid UTF-8. The sqlite3 path falls back to QtSql's conversions for them.
        QVERIFY(withRawConnection(QStringLiteral("raw-odd"), [](QSqlDatabase &db) {
            QSqlQuery q(db);
            const QStringList inserts {
                QStringLiteral(
                    "INSERT INTO notifications (profile, dedup_key, kind, event_time, first_seen_on, "
                    "last_seen_on, consumed_on, operation_id, database_name, table_name, details, "
                    "dequeue_count, "
                    "seen_count, failure_status, should_retry, originates_from_update_policy, error_code) "
                    "VALUES ('prod', 'odd-1', 'Failure', 1735700000000.75, '1735700000000', 1735700000000, "
                    "x'31373335', 12345, 1.5, x'C3A9202C22', CAST(x'41C328FF42' AS TEXT), 'seven', "
                    "4294967297, 'permanent', '2', 0.25, 3.0)"),
                QStringLiteral(
                    "INSERT INTO notifications (profile, dedup_key, kind, event_time, first_seen_on, "
                    "last_seen_on, details, ingestion_source_path, dequeue_count, failure_status, "
                    "queue_name) "
                    "VALUES ('prod', 'odd-2', 'failure', 253402300800000, -62167219200001, 0, "
                    "x'3D2268692200', CAST(x'EFBBBF3D31' AS TEXT), -7, 'Bogus', '')"),
                QStringLiteral(
                    "INSERT INTO notifications (profile, dedup_key, kind, event_time, first_seen_on, "
                    "last_seen_on, failure_status, message_id, raw_text) "
                    "VALUES ('prod', 'odd-3', 'Failure', -1, 9223372036854775807, -9223372036854775807, "
                    "NULL, "
                    "CAST(x'EDA080' AS TEXT), 'tab\tand\rcr')"),
            };
            for (const QString &sql : inserts) {
                if (!q.exec(sql)) {
                    qWarning("%s", qPrintable(q.lastError().text()));
                    return false;
                }
            }
            return true;
        }));
        QVERIFY(exportBothWays(*m_archive, {}) > 0);
        NotificationQuery oldest;
        oldest.order = NotificationQuery::Order::OldestFirst;
        QVERIFY(exportBothWays(*m_archive, oldest) > 0);
    }

    void readerDoesNotWaitForAnOpenWriteTransaction()
    {
        // A writer in the middle of a transaction (another dashboard, the consumer): the export neither
        // waits for it nor sees its rows (WAL).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(m_dbPath);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO notifications (profile, dedup_key, kind, event_time, "
                                          "first_seen_on, last_seen_on) "
                                          "VALUES ('prod', 'uncommitted', 'Success', 1, 1, 1)")));
            const Result<qint64> before = m_archive->countNotifications({});
            QVERIFY(before.ok());
            const QString out = freshPath(QStringLiteral("csv"));
            const Result<qint64> n
                = ArchiveCsvExporter::exportNotifications(*m_archive, {}, out, {}, Path::SqliteApi);
            QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
            QCOMPARE(*n, *before);
            QVERIFY(!readAll(out).contains("uncommitted"));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    void errorsAreReportedAndLeaveNoFile()
    {
        // SqliteApi never falls back: a file that is not an archive is an error, and no CSV is written.
        const QString bogus = freshPath(QStringLiteral("sqlite"));
        {
            QFile f(bogus);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        auto reader = SqliteFastReader::open(bogus, 100);
        QVERIFY(reader.ok()); // sqlite3 opens lazily
        const Status s = (*reader)->prepare(QStringLiteral("SELECT 1 FROM notifications"), {});
        QVERIFY(!s.ok());
        QVERIFY2(ArchiveError::is(s.error(), ArchiveError::Corrupt), qPrintable(s.error().code));
        QVERIFY(!SqliteFastReader::open(m_dir.filePath(QStringLiteral("missing.sqlite")), 100).ok());
        QVERIFY(!SqliteFastReader::open(QStringLiteral(":memory:"), 100).ok());
    }

    void cleanupTestCase() { m_archive.reset(); }
};

QTEST_GUILESS_MAIN(TestArchiveCsvFastPath)
#include "TestArchiveCsvFastPath.moc"
