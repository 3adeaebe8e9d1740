// Schema versions and migrations: a v1 archive (tests/data/store/archive-v1.sql) opened by the current
// code, the fixture checked against what step 1 really creates, a newer schema, a failed migration.

#include "TestData.h"
#include "store/ArchiveError.h"
#include "store/SchemaMigrator.h"
#include "store/SqlArchive.h"
#include "store/SqliteDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;

namespace {

// A plain connection for building files by hand; closed and removed on destruction.
class RawDb
{
public:
    explicit RawDb(const QString &path) : m_name(QStringLiteral("raw-%1").arg(++s_n))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool ok() const { return m_ok; }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    // name -> normalised CREATE statement of every table and index
    QMap<QString, QString> schema()
    {
        QMap<QString, QString> out;
        QSqlQuery q(db());
        (void)q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"));
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString().simplified());
        return out;
    }

private:
    static inline int s_n = 0;
    QString m_name;
    bool m_ok = false;
};

QStringList fixtureStatements()
{
    const QString text = QString::fromUtf8(test::readData(QStringLiteral("store/archive-v1.sql")));
    QStringList out;
    QString current;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("--")) || line.trimmed().isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            out << current;
            current.clear();
        }
    }
    return out;
}

} // namespace

class TestSchemaMigrator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("m-%1.sqlite").arg(++m_n)); }

    QString makeV1File()
    {
        const QString path = freshPath();
        RawDb raw(path);
        if (!raw.ok())
            return {};
        for (const QString &s : fixtureStatements()) {
            if (!raw.exec(s))
                return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fixtureIsWhatStepOneCreates()
    {
        const QString fromFixture = makeV1File();
        QVERIFY(!fromFixture.isEmpty());
        const QString fromCode = freshPath();
        RawDb code(fromCode);
        SqliteDialect dialect;
        QSqlDatabase db = code.db();
        auto r = SchemaMigrator(dialect).migrate(db, 1);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), 0);
        RawDb fixture(fromFixture);
        QCOMPARE(fixture.schema(), code.schema());
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT value FROM iw_meta WHERE name = 'schema_version'"))
                     .toString(),
                 QStringLiteral("1"));
    }

    void v1ArchiveIsMigratedAndKeepsItsRows()
    {
        const QString path = makeV1File();
        QVERIFY(!path.isEmpty());
        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        auto a = std::move(r).value();
        QCOMPARE(a->schemaVersion().value(), SchemaMigrator::kCurrentVersion);

        // Notifications: all four, seen once (the new column's default), fields intact.
        auto notes = a->notifications({});
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 4);
        for (const NotificationRecord &n : *notes)
            QCOMPARE(n.seenCount, 1);
        NotificationQuery byCode;
        byCode.kind = IngestionNotification::Kind::Failure;
        byCode.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
        auto failures = a->notifications(byCode);
        QCOMPARE(failures->size(), 1);
        QCOMPARE(failures->first().notification.messageId, QStringLiteral("aaaa-0001"));
        QCOMPARE(toString(failures->first().notification.failureStatus), toString(FailureStatus::Permanent));
        QCOMPARE(failures->first().notification.failedOn,
                 QDateTime::fromMSecsSinceEpoch(1735689790000, Qt::UTC));
        NotificationQuery bad;
        bad.kind = IngestionNotification::Kind::Malformed;
        QCOMPARE(a->notifications(bad)->first().notification.rawText, QStringLiteral("eyJPcGVyYXRpb25JZCI6"));

        // Tracked operations: last_snapshot_id back-filled with the latest snapshot of each.
        TrackedOperationQuery all;
        all.includeUntracked = true;
        auto tracked = a->trackedOperations(all);
        QVERIFY(tracked.ok());
        QCOMPARE(tracked->size(), 2);
        QVERIFY(tracked->at(0).lastSnapshot);
        QCOMPARE(tracked->at(0).lastSnapshot->id, 3);
        QCOMPARE(toString(tracked->at(0).lastSnapshot->operation.state), toString(OperationState::Completed));
        QCOMPARE(tracked->at(0).lastSnapshot->operation.ingested, 98);
        QVERIFY(tracked->at(1).lastSnapshot);
        QCOMPARE(tracked->at(1).lastSnapshot->id, 2);
        QVERIFY(!tracked->at(1).isTracked());
        QCOMPARE(a->snapshots({})->size(), 3);

        // New writes use the v2 columns; the new index exists.
        IngestionNotification again = failures->first().notification; // aaaa-0001
        QCOMPARE(a->recordNotifications({ again }, NotificationOrigin::Consumed)->notificationsKnown, 1);
        NotificationQuery one;
        one.consumed = true;
        QCOMPARE(a->countNotifications(one).value(), 2);
        a.reset();
        RawDb raw(path);
        QVERIFY(raw.schema().contains(QStringLiteral("notifications_by_error_code")));
    }

    void freshDatabaseRunsEveryStep()
    {
        const QString path = freshPath();
        RawDb raw(path);
        SqliteDialect dialect;
        QSqlDatabase db = raw.db();
        SchemaMigrator m(dialect);
        QCOMPARE(m.version(db).value(), 0);
        QCOMPARE(m.migrate(db).value(), 0);
        QCOMPARE(m.version(db).value(), SchemaMigrator::kCurrentVersion);
        QCOMPARE(m.migrate(db).value(), SchemaMigrator::kCurrentVersion); // nothing left to do
    }

    void newerSchemaIsRefusedForWritingButReadable()
    {
        const QString path = freshPath();
        {
            auto a = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
            QVERIFY(a.ok());
        }
        {
            RawDb raw(path);
            QVERIFY(
                raw.exec(QStringLiteral("UPDATE iw_meta SET value = '99' WHERE name = 'schema_version'")));
        }
        auto rw = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY(!rw.ok());
        QCOMPARE(rw.error().code, QString(ArchiveError::NewerSchema));
        QVERIFY(rw.error().message.contains(QStringLiteral("newer")));
        ArchiveConfig ro = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        ro.readOnly = true;
        auto r = SqlArchive::open(ro);
        QVERIFY(r.ok());
        QCOMPARE(r.value()->countNotifications({}).value(), 0);
    }

    void failedMigrationStepLeavesThePreviousVersion()
    {
        const QString path = makeV1File();
        QVERIFY(!path.isEmpty());
        {
            // Something in the way of step 2's last statement: the step must roll back entirely.
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notifications_by_error_code (x INTEGER)")));
        }
        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("schema 2")));
        RawDb raw(path);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT value FROM iw_meta WHERE name = 'schema_version'")).toString(),
            QStringLiteral("1"));
        QVERIFY(!raw.schema().value(QStringLiteral("notifications")).contains(QStringLiteral("seen_count")));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications")).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestSchemaMigrator)
#include "TestSchemaMigrator.moc"
