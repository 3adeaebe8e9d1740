// SqlArchive on real SQLite files: round-trips, snapshots only on change, de-duplication, queries,
// retention, redaction, profiles, read-only, disk full (size cap) and a locked file.

#include "StoreTestData.h"
#include "store/ArchiveError.h"
#include "store/SqlArchive.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using namespace iw::storetest;

class TestSqlArchive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("archive-%1.sqlite").arg(++m_n)); }

    std::unique_ptr<SqlArchive> openAt(const QString &path, const QString &profile = QStringLiteral("prod"))
    {
        auto r = SqlArchive::open(ArchiveConfig::sqlite(profile, path));
        if (!r) {
            qWarning("%s", qPrintable(r.error().message));
            return nullptr;
        }
        return std::move(r).value();
    }
    std::unique_ptr<SqlArchive> open() { return openAt(freshPath()); }

    // A plain second connection to the file, for looking under the hood.
    static QVariant scalar(const QString &path, const QString &sql)
    {
        QVariant v;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    v = q.value(0);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return v;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void openCreatesWalFileAtCurrentSchema()
    {
        const QString path = freshPath();
        {
            auto a = openAt(path);
            QVERIFY(a);
            QCOMPARE(a->schemaVersion().value(), 2);
            QVERIFY(a->checkIntegrity().ok());
            QVERIFY(!a->isReadOnly());
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        // Reopening is a no-op migration.
        auto again = openAt(path);
        QVERIFY(again);
        QCOMPARE(again->schemaVersion().value(), 2);
    }

    void defaultPathIsPerProfileUnderAppData()
    {
        const QString a = ArchiveConfig::defaultPath(QStringLiteral("prod/west"));
        const QString b = ArchiveConfig::defaultPath(QStringLiteral("staging"));
        QVERIFY(a != b);
        QVERIFY(a.endsWith(QStringLiteral("archive/prod_west.sqlite")));
        QVERIFY(!ArchiveConfig::defaultPath(QStringLiteral("../x")).contains(QStringLiteral("/../")));
    }

    void trackUntrackPurge()
    {
        auto a = open();
        QVERIFY(a);
        QVERIFY(a->track({ QStringLiteral("op-1"), QStringLiteral("db1"), QStringLiteral("T1"),
                           TrackSource::Submitted, t0() })
                    .ok());
        QVERIFY(a->track({ QStringLiteral("op-2"), {}, {}, TrackSource::Pasted, t0().addSecs(1) }).ok());
        QVERIFY(a->track({ QStringLiteral("op-3"), {}, {}, TrackSource::Imported, t0().addSecs(2) }).ok());
        // Tracking again keeps the first "when and how".
        QVERIFY(a->track({ QStringLiteral("op-1"), {}, {}, TrackSource::Imported, t0().addSecs(9) }).ok());

        auto all = a->trackedOperations();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).operationId, QStringLiteral("op-1"));
        QCOMPARE(toString(all->at(0).source), toString(TrackSource::Submitted));
        QCOMPARE(all->at(0).addedOn, t0());
        QCOMPARE(all->at(0).database, QStringLiteral("db1"));
        QCOMPARE(toString(all->at(1).source), toString(TrackSource::Pasted));
        QCOMPARE(toString(all->at(2).source), toString(TrackSource::Imported));
        QVERIFY(!all->at(1).lastSnapshot);

        // op-2 gets snapshots, then is untracked: its history stays.
        QVERIFY(
            a->recordSnapshots({ operation(QStringLiteral("op-2"), OperationState::InProgress, 10, 10, 0) },
                               t0().addSecs(10))
                .ok());
        QVERIFY(a->untrack(QStringLiteral("op-2")).ok());
        QCOMPARE(a->trackedOperations()->size(), 2);
        TrackedOperationQuery withUntracked;
        withUntracked.includeUntracked = true;
        auto everything = a->trackedOperations(withUntracked);
        QCOMPARE(everything->size(), 3);
        QVERIFY(!everything->at(1).isTracked());
        QVERIFY(everything->at(1).lastSnapshot);
        QCOMPARE(everything->at(1).database, QStringLiteral("db1")); // filled from the snapshot
        SnapshotQuery op2;
        op2.operationIds = { QStringLiteral("op-2") };
        QCOMPARE(a->snapshots(op2)->size(), 1);

        // Tracking it again brings it back with its history.
        auto r = a->commit(
            ArchiveBatch { { { QStringLiteral("op-2"), {}, {}, TrackSource::Pasted, {} } }, {}, {}, {} });
        QVERIFY(r.ok());
        QCOMPARE(a->trackedOperations()->size(), 3);

        // Purge deletes the operation and its snapshots.
        QVERIFY(a->untrack(QStringLiteral("op-2"), true).ok());
        QCOMPARE(a->trackedOperations(withUntracked)->size(), 2);
        QCOMPARE(a->snapshots(op2)->size(), 0);

        TrackedOperationQuery some;
        some.operationIds = { QStringLiteral("op-3"), QStringLiteral("nope") };
        QCOMPARE(a->trackedOperations(some)->size(), 1);
    }

    void snapshotsAreStoredWhenCountsOrStateChange()
    {
        auto a = open();
        QVERIFY(a);
        const QString id = QStringLiteral("op-1");
        QVERIFY(a->track({ id, {}, {}, TrackSource::Submitted, t0() }).ok());
        auto s1
            = a->recordSnapshots({ operation(id, OperationState::InProgress, 100, 100, 0) }, t0().addSecs(5));
        QCOMPARE(s1->snapshotsAdded, 1);
        auto s2 = a->recordSnapshots({ operation(id, OperationState::InProgress, 100, 100, 0) },
                                     t0().addSecs(10));
        QCOMPARE(s2->snapshotsAdded, 0);
        QCOMPARE(s2->snapshotsUnchanged, 1);
        QueuedOperation moved = operation(id, OperationState::InProgress, 100, 40, 55, 5);
        moved.sampleFailedReasons = QStringLiteral("Failed to download");
        QCOMPARE(a->recordSnapshots({ moved }, t0().addSecs(15))->snapshotsAdded, 1);
        QueuedOperation done = operation(id, OperationState::Completed, 100, 40, 55, 5); // only State changed
        done.sampleFailedReasons = moved.sampleFailedReasons;
        QCOMPARE(a->recordSnapshots({ done }, t0().addSecs(20))->snapshotsAdded, 1);

        auto all = a->snapshots();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).observedOn, t0().addSecs(5)); // oldest first, for charts
        QCOMPARE(all->at(1).operation, moved);
        QCOMPARE(all->at(2).operation, done);

        auto tracked = a->trackedOperations();
        QVERIFY(tracked->first().lastSnapshot);
        QCOMPARE(tracked->first().lastSnapshot->operation, done);
        QCOMPARE(tracked->first().lastSnapshot->observedOn, t0().addSecs(20));

        SnapshotQuery range;
        range.from = t0().addSecs(10);
        range.to = t0().addSecs(20);
        QCOMPARE(a->snapshots(range)->size(), 1);
        SnapshotQuery limited;
        limited.limit = 2;
        QCOMPARE(a->snapshots(limited)->size(), 2);

        // An out-of-order (older) observation is stored but does not become the latest.
        QCOMPARE(
            a->recordSnapshots({ operation(id, OperationState::InProgress, 100, 70, 30) }, t0().addSecs(12))
                ->snapshotsAdded,
            1);
        QCOMPARE(a->trackedOperations()->first().lastSnapshot->operation, done);
    }

    void notificationsRoundTrip()
    {
        auto a = open();
        QVERIFY(a);
        const QList<IngestionNotification> in { failure(1), success(2), malformed(3) };
        auto s = a->recordNotifications(in, NotificationOrigin::Peeked, t0().addSecs(100));
        QVERIFY(s.ok());
        QCOMPARE(s->notificationsAdded, 3);

        NotificationQuery oldestFirst;
        oldestFirst.order = NotificationQuery::Order::OldestFirst;
        auto out = a->notifications(oldestFirst);
        QVERIFY(out.ok());
        QCOMPARE(out->size(), 3);
        QCOMPARE(out->at(0).notification, in.at(0));
        QCOMPARE(out->at(1).notification, in.at(1));
        QCOMPARE(out->at(2).notification, in.at(2)); // raw text and parse error kept
        QCOMPARE(out->at(2).notification.rawText, in.at(2).rawText);
        QCOMPARE(out->at(0).firstSeenOn, t0().addSecs(100));
        QCOMPARE(out->at(0).seenCount, 1);
        QVERIFY(!out->at(0).isConsumed());
        QCOMPARE(out->at(0).dedupKey, QStringLiteral("msg:msg-1"));
        QCOMPARE(out->at(2).eventTime, in.at(2).insertionTime); // malformed: no FailedOn, the queue time
    }

    void peekedThenConsumedStaysOneRow()
    {
        auto a = open();
        QVERIFY(a);
        const IngestionNotification n = failure(7);
        QCOMPARE(
            a->recordNotifications({ n }, NotificationOrigin::Peeked, t0().addSecs(10))->notificationsAdded,
            1);
        QCOMPARE(
            a->recordNotifications({ n }, NotificationOrigin::Peeked, t0().addSecs(20))->notificationsKnown,
            1);
        IngestionNotification taken = n;
        taken.dequeueCount = 2;
        auto s = a->recordNotifications({ taken }, NotificationOrigin::Consumed, t0().addSecs(30));
        QCOMPARE(s->notificationsAdded, 0);
        QCOMPARE(s->notificationsKnown, 1);
        // Seen again later by a peek (another client's view): consumption time stays the first one.
        QCOMPARE(
            a->recordNotifications({ n }, NotificationOrigin::Consumed, t0().addSecs(40))->notificationsKnown,
            1);

        auto out = a->notifications();
        QCOMPARE(out->size(), 1);
        const NotificationRecord &r = out->first();
        QCOMPARE(r.seenCount, 4);
        QCOMPARE(r.firstSeenOn, t0().addSecs(10));
        QCOMPARE(r.lastSeenOn, t0().addSecs(40));
        QCOMPARE(r.consumedOn, t0().addSecs(30));
        QCOMPARE(r.notification.dequeueCount, 2);

        // The same message twice in one batch is one row too.
        ArchiveBatch b;
        b.notifications << NotificationObservation { failure(8), NotificationOrigin::Peeked, t0() }
                        << NotificationObservation { failure(8), NotificationOrigin::Consumed,
                                                     t0().addSecs(1) };
        auto s2 = a->commit(b);
        QCOMPARE(s2->notificationsAdded, 1);
        QCOMPARE(s2->notificationsKnown, 1);
        QCOMPARE(a->countNotifications({}).value(), 2);
        NotificationQuery consumed;
        consumed.consumed = true;
        QCOMPARE(a->countNotifications(consumed).value(), 2);
    }

    void deduplicatesWithoutMessageIdByOperationSourceAndTime()
    {
        auto a = open();
        QVERIFY(a);
        IngestionNotification n = failure(1);
        n.messageId.clear();
        IngestionNotification sameEvent = n;
        sameEvent.dequeueCount = 5;
        IngestionNotification later = n;
        later.failedOn = n.failedOn.addSecs(1);
        IngestionNotification bad = malformed(1);
        bad.messageId.clear();
        IngestionNotification otherBad = bad;
        otherBad.rawText += QStringLiteral("x");
        auto s
            = a->recordNotifications({ n, sameEvent, later, bad, bad, otherBad }, NotificationOrigin::Peeked);
        QVERIFY(s.ok());
        QCOMPARE(s->notificationsAdded, 4);
        QCOMPARE(s->notificationsKnown, 2);
        const QString key = a->notifications()->first().dedupKey;
        QVERIFY(key.startsWith(QStringLiteral("sha256:"))); // the raw fallback key is not stored verbatim
        QCOMPARE(SqlArchive::storageKey(n), SqlArchive::storageKey(sameEvent));
    }

    void queriesFilterSortAndLimit()
    {
        auto a = open();
        QVERIFY(a);
        QList<IngestionNotification> in;
        for (int i = 0; i < 30; ++i)
            in << failure(i,
                          i % 3 == 0 ? QStringLiteral("Download_SourceNotFound")
                                     : QStringLiteral("Stream_ClosingQuoteMissing"));
        for (int i = 0; i < 5; ++i)
            in << success(100 + i);
        QVERIFY(a->recordNotifications(in, NotificationOrigin::Peeked).ok());

        NotificationQuery q;
        q.kind = IngestionNotification::Kind::Failure;
        q.errorCode = QStringLiteral("Download_SourceNotFound");
        q.limit = 4;
        auto out = a->notifications(q);
        QCOMPARE(out->size(), 4);
        QCOMPARE(out->at(0).notification.messageId, QStringLiteral("msg-27")); // newest first
        QCOMPARE(out->at(3).notification.messageId, QStringLiteral("msg-18"));
        q.limit = 0;
        QCOMPARE(a->countNotifications(q).value(), 10);

        NotificationQuery successes;
        successes.kind = IngestionNotification::Kind::Success;
        QCOMPARE(a->countNotifications(successes).value(), 5);

        NotificationQuery window;
        window.from = t0().addSecs(10);
        window.to = t0().addSecs(20);
        QCOMPARE(a->countNotifications(window).value(), 10);
        window.table = QStringLiteral("Other");
        QCOMPARE(a->countNotifications(window).value(), 0);

        // Streaming stops when the sink says so.
        int seen = 0;
        auto n = a->forEachNotification({}, [&seen](const NotificationRecord &) { return ++seen < 3; });
        QCOMPARE(n.value(), 3);
    }

    void retentionKeepsRecentRowsAndLatestSnapshots()
    {
        auto a = open();
        QVERIFY(a);
        QVERIFY(!a->retention()->keepDays);
        const QDateTime now = t0().addDays(30);
        QVERIFY(a->recordNotifications({ failure(1, QStringLiteral("X"), t0()),
                                         failure(2, QStringLiteral("X"), now.addDays(-1)) },
                                       NotificationOrigin::Peeked)
                    .ok());
        QVERIFY(a->track({ QStringLiteral("old"), {}, {}, TrackSource::Submitted, t0() }).ok());
        QVERIFY(a->recordSnapshots(
                     { operation(QStringLiteral("old"), OperationState::InProgress, 10, 10, 0) }, t0())
                    .ok());
        QVERIFY(a->recordSnapshots({ operation(QStringLiteral("old"), OperationState::Completed, 10, 0, 10) },
                                   t0().addDays(1))
                    .ok());
        QVERIFY(a->recordSnapshots(
                     { operation(QStringLiteral("untracked"), OperationState::Completed, 1, 0, 1) }, t0())
                    .ok());

        // Unlimited: nothing goes.
        auto none = a->applyRetention(now);
        QCOMPARE(none->notificationsDeleted + none->snapshotsDeleted, 0);

        QVERIFY(a->setRetention(RetentionPolicy { 7 }).ok());
        QCOMPARE(a->retention()->keepDays, std::optional<int>(7));
        auto r = a->applyRetention(now);
        QVERIFY(r.ok());
        QCOMPARE(r->notificationsDeleted, 1);
        QCOMPARE(r->snapshotsDeleted, 2); // old's first snapshot and the untracked one; old's latest stays
        auto tracked = a->trackedOperations();
        QVERIFY(tracked->first().lastSnapshot);
        QCOMPARE(toString(tracked->first().lastSnapshot->operation.state),
                 toString(OperationState::Completed));
        QCOMPARE(a->countNotifications({}).value(), 1);

        QVERIFY(a->setRetention(RetentionPolicy {}).ok());
        QVERIFY(!a->retention()->keepDays);
        QVERIFY(!a->setRetention(RetentionPolicy { 0 }).ok());
    }

    void secretsAreRedactedBeforeStorage()
    {
        auto a = open();
        QVERIFY(a);
        IngestionNotification n = failure(1);
        n.ingestionSourcePath = QStringLiteral(
            "https://acct.blob.core.windows.net/c/b.csv.gz?sv=2022-11-02&sp=r&sig=SECRETSIGNATURE%3D");
        n.details = QStringLiteral(
            "Failed to download https://acct.blob.core.windows.net/c/b.csv?sig=SECRETSIGNATURE");
        QVERIFY(a->recordNotifications({ n }, NotificationOrigin::Peeked).ok());
        const auto out = a->notifications();
        QVERIFY(!out->first().notification.ingestionSourcePath.contains(QStringLiteral("SECRETSIGNATURE")));
        QVERIFY(!out->first().notification.details.contains(QStringLiteral("SECRETSIGNATURE")));
        QVERIFY(out->first().notification.ingestionSourcePath.contains(
            QStringLiteral("acct.blob.core.windows.net")));
    }

    void profilesSharingOneDatabaseAreSeparate()
    {
        const QString path = freshPath();
        auto prod = openAt(path, QStringLiteral("prod"));
        auto test = openAt(path, QStringLiteral("test"));
        QVERIFY(prod && test);
        QVERIFY(prod->recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        QVERIFY(test->recordNotifications({ failure(1), failure(2) }, NotificationOrigin::Peeked).ok());
        QCOMPARE(prod->countNotifications({}).value(), 1);
        QCOMPARE(test->countNotifications({}).value(), 2);
        QVERIFY(prod->track({ QStringLiteral("op"), {}, {}, TrackSource::Submitted, {} }).ok());
        QCOMPARE(test->trackedOperations()->size(), 0);
    }

    void readOnlyArchiveRefusesWrites()
    {
        const QString path = freshPath();
        {
            auto rw = openAt(path);
            QVERIFY(rw->recordNotifications({ failure(1) }, NotificationOrigin::Peeked).ok());
        }
        ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        c.readOnly = true;
        auto ro = SqlArchive::open(c);
        QVERIFY2(ro.ok(), ro.ok() ? "" : qPrintable(ro.error().message));
        QCOMPARE(ro.value()->countNotifications({}).value(), 1);
        auto w = ro.value()->recordNotifications({ failure(2) }, NotificationOrigin::Peeked);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, QString(ArchiveError::ReadOnly));

        c.databasePath = m_dir.filePath(QStringLiteral("missing.sqlite"));
        auto missing = SqlArchive::open(c);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QString(ArchiveError::CannotOpen));
    }

    void diskFullRollsBackTheWholeBatch()
    {
        const QString path = freshPath();
        ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        c.maxSizeBytes = 160 * 1024; // SQLite's max_page_count: a write past it fails with SQLITE_FULL
        auto r = SqlArchive::open(c);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        auto a = std::move(r).value();
        QList<IngestionNotification> small;
        for (int i = 0; i < 10; ++i)
            small << failure(i);
        QVERIFY(a->recordNotifications(small, NotificationOrigin::Peeked).ok());

        ArchiveBatch big;
        big.track << TrackRequest { QStringLiteral("op-big"), {}, {}, TrackSource::Submitted, {} };
        for (int i = 0; i < 3000; ++i) {
            IngestionNotification n = failure(1000 + i);
            n.details = QString(200, QLatin1Char('x'));
            big.notifications << NotificationObservation { n, NotificationOrigin::Consumed, {} };
        }
        auto full = a->commit(big);
        QVERIFY(!full.ok());
        QCOMPARE(full.error().code, QString(ArchiveError::DiskFull));
        QCOMPARE(full.error().kind, Error::Kind::Io);
        QVERIFY(full.error().message.contains(QStringLiteral("Nothing of this write was kept")));

        // Nothing of the batch is there, the earlier rows are, the file is sound, and it still works.
        QCOMPARE(a->countNotifications({}).value(), 10);
        QCOMPARE(a->trackedOperations()->size(), 0);
        QVERIFY(a->checkIntegrity().ok());
        QVERIFY(a->recordNotifications({ failure(99) }, NotificationOrigin::Peeked).ok());
        QCOMPARE(a->countNotifications({}).value(), 11);
    }

    void lockedFileFailsAfterTheBusyTimeout()
    {
        const QString path = freshPath();
        ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        c.busyTimeoutMs = 300;
        auto r = SqlArchive::open(c);
        QVERIFY(r.ok());
        auto a = std::move(r).value();

        const QString holderName = QStringLiteral("holder");
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO iw_meta (name, value) VALUES ('holder', 'x')")));

            QElapsedTimer timer;
            timer.start();
            auto w = a->recordNotifications({ failure(1) }, NotificationOrigin::Consumed);
            QVERIFY(!w.ok());
            QCOMPARE(w.error().code, QString(ArchiveError::Locked));
            QVERIFY(w.error().retryable);
            QVERIFY(w.error().message.contains(QStringLiteral("locked")));
            QVERIFY2(timer.elapsed() < 10000, "a locked archive must not hang the writer");
            // Readers are not blocked by a writer in WAL mode.
            QCOMPARE(a->countNotifications({}).value(), 0);

            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(a->recordNotifications({ failure(1) }, NotificationOrigin::Consumed).ok());
    }
};

QTEST_GUILESS_MAIN(TestSqlArchive)
#include "TestSqlArchive.moc"
