// Opening an archive that cannot be used as asked: garbage bytes, damaged pages, a file locked by another
// program, a newer schema. The app must always start, and the operator must be told.

#include "StoreTestData.h"
#include "store/ArchiveError.h"
#include "store/ArchiveOpener.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using namespace iw::storetest;

class TestArchiveOpener : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("o-%1.sqlite").arg(++m_n)); }

    QString garbageFile()
    {
        const QString path = freshPath();
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QByteArray bytes(64 * 1024, '\0');
        QRandomGenerator rng(42);
        for (char &c : bytes)
            c = static_cast<char>(rng.bounded(256));
        f.write(bytes);
        return path;
    }
    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void normalOpenHasNoNotice()
    {
        auto r = ArchiveOpener::open(ArchiveConfig::sqlite(QStringLiteral("prod"), freshPath()));
        QVERIFY(r.ok());
        QCOMPARE(r->mode, ArchiveOpenOutcome::Mode::Normal);
        QVERIFY(r->notice.isEmpty());
        QVERIFY(r.value().archive);
    }

    void garbageFileIsACorruptError()
    {
        const QString path = garbageFile();
        const QByteArray before = contents(path);
        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ArchiveError::Corrupt));
        QCOMPARE(r.error().kind, Error::Kind::Io);
        QVERIFY2(r.error().message.contains(QStringLiteral("damaged")), qPrintable(r.error().message));
        QCOMPARE(contents(path), before); // untouched

        ArchiveOpener::Policy fail;
        fail.onCorrupt = ArchiveOpener::OnCorrupt::Fail;
        QVERIFY(!ArchiveOpener::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path), fail).ok());
        QCOMPARE(contents(path), before);
    }

    void corruptFileIsMovedAsideAndAFreshOneStarted()
    {
        const QString path = garbageFile();
        const QByteArray before = contents(path);
        auto r = ArchiveOpener::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->mode, ArchiveOpenOutcome::Mode::Fresh);
        QVERIFY(r->problem);
        QCOMPARE(r->problem->code, QString(ArchiveError::Corrupt));
        QVERIFY(r->movedAsidePath.startsWith(path + QStringLiteral(".damaged-")));
        QCOMPARE(contents(r->movedAsidePath), before); // kept, byte for byte
        QVERIFY(r->notice.contains(r->movedAsidePath));
        QCOMPARE(r->config.databasePath, path);
        auto &a = *r.value().archive;
        QVERIFY(a.recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        QCOMPARE(a.countNotifications({}).value(), 1);
    }

    void corruptFileWithReadOnlyPolicyFallsBackToATemporaryFile()
    {
        const QString path = garbageFile();
        ArchiveOpener::Policy p;
        p.onCorrupt = ArchiveOpener::OnCorrupt::ReadOnly;
        auto r = ArchiveOpener::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path), p);
        QVERIFY(r.ok());
        // A garbage file cannot even be read: the session runs on a temporary file, the bad one stays.
        QCOMPARE(r->mode, ArchiveOpenOutcome::Mode::Temporary);
        QVERIFY(QFile::exists(path));
        QVERIFY(r->notice.contains(QStringLiteral("temporary")));
        QVERIFY(r.value().archive->recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        r.value().archive.reset();
        QFile::remove(r->config.databasePath);
    }

    void damagedPagesAreFoundByTheIntegrityCheck()
    {
        const QString path = freshPath();
        {
            auto a = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
            QVERIFY(a.ok());
            QList<IngestionNotification> many;
            for (int i = 0; i < 2000; ++i)
                many << failure(i);
            QVERIFY(a.value()->recordNotifications(many, NotificationOrigin::Peeked).ok());
        }
        {
            // Checkpoint the WAL into the main file, then scribble over pages past the header.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ckpt"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ckpt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 64 * 1024);
        f.seek(3 * 4096);
        f.write(QByteArray(8 * 4096, '\x5a'));
        f.close();

        auto r = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        if (!r.ok()) {
            QCOMPARE(r.error().code, QString(ArchiveError::Corrupt));
            return;
        }
        const Status s = r.value()->checkIntegrity();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QString(ArchiveError::Corrupt));
    }

    void fileLockedByAnotherProgramOpensReadOnlyOrTemporaryWithoutHanging()
    {
        const QString path = freshPath();
        {
            auto a = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
            QVERIFY(a.ok());
            QVERIFY(a.value()->recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        }
        const QString holderName = QStringLiteral("holder");
        {
            // Another program holding the file in exclusive locking mode after a write.
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO iw_meta (name, value) VALUES ('holder', 'x')")));

            ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
            c.busyTimeoutMs = 200;
            QElapsedTimer timer;
            timer.start();
            auto direct = SqlArchive::open(c);
            auto r = ArchiveOpener::open(c);
            QVERIFY2(timer.elapsed() < 15000, "a locked archive must not hang the start");
            QVERIFY(r.ok());
            QVERIFY(r->mode == ArchiveOpenOutcome::Mode::ReadOnly
                    || r->mode == ArchiveOpenOutcome::Mode::Temporary);
            QVERIFY(r->problem);
            QCOMPARE(r->problem->code, QString(ArchiveError::Locked));
            QVERIFY(!r->notice.isEmpty());
            QVERIFY(r->notice.contains(QStringLiteral("locked")));
            if (!direct.ok()) {
                QCOMPARE(direct.error().code, QString(ArchiveError::Locked));
            }
            if (r->mode == ArchiveOpenOutcome::Mode::Temporary) {
                r.value().archive.reset();
                QFile::remove(r->config.databasePath);
            }
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(QFile::exists(path));
    }

    void newerSchemaOpensReadOnly()
    {
        const QString path = freshPath();
        {
            auto a = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
            QVERIFY(a.ok());
            QVERIFY(a.value()->recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE iw_meta SET value = '3' WHERE name = 'schema_version'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        auto r = ArchiveOpener::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY(r.ok());
        QCOMPARE(r->mode, ArchiveOpenOutcome::Mode::ReadOnly);
        QVERIFY(r->config.readOnly);
        QCOMPARE(r.value().archive->countNotifications({}).value(), 1);
        QVERIFY(r->notice.contains(QStringLiteral("read-only")));
    }

    void moveAsideNeverOverwrites()
    {
        const QString path = garbageFile();
        auto first = ArchiveOpener::moveAside(path);
        QVERIFY(first.ok());
        QFile::copy(*first, path);
        auto second = ArchiveOpener::moveAside(path);
        QVERIFY(second.ok());
        QVERIFY(*first != *second);
        QVERIFY(QFile::exists(*first) && QFile::exists(*second));
    }
};

QTEST_GUILESS_MAIN(TestArchiveOpener)
#include "TestArchiveOpener.moc"
