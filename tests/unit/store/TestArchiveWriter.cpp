// ArchiveWriter / ArchiveReader on worker threads, the consume path (delete only after commit), and a
// writer killed with SIGKILL in the middle of its batches (the test binary re-runs itself as the child).

#include "StoreTestData.h"
#include "store/ArchiveError.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"
#include "store/SqlArchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace iw;
using namespace iw::storetest;

namespace {

constexpr int kRowsPerBatch = 400;
const char *const kChildFlag = "--archive-kill-child";

ArchiveBatch killBatch(const QString &run, int b)
{
    ArchiveBatch batch;
    const QString op = QStringLiteral("%1-b%2").arg(run).arg(b);
    batch.track << TrackRequest {
        op, QStringLiteral("db1"), QStringLiteral("T"), TrackSource::Submitted, {}
    };
    batch.snapshots << SnapshotObservation {
        operation(op, OperationState::InProgress, kRowsPerBatch, kRowsPerBatch, 0), {}
    };
    for (int i = 0; i < kRowsPerBatch; ++i) {
        IngestionNotification n = failure(i);
        n.messageId = op + QStringLiteral("-") + QString::number(i);
        n.operationId = op;
        batch.notifications << NotificationObservation { n, NotificationOrigin::Consumed, {} };
    }
    return batch;
}

// The child: writes batches through an ArchiveWriter forever, three in flight, printing each commit.
int runKillChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 4)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[2]);
    const QString run = QString::fromLocal8Bit(argv[3]);
    ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
    int next = 0;
    std::function<void()> submitOne = [&] {
        const int b = next++;
        writer.submit(killBatch(run, b), [b, &submitOne](const Result<ArchiveBatchSummary> &r) {
            if (!r) {
                std::fprintf(stderr, "failed %d: %s\n", b, qPrintable(r.error().message));
                QCoreApplication::exit(3);
                return;
            }
            std::printf("committed %d\n", b);
            std::fflush(stdout);
            submitOne();
        });
    };
    for (int i = 0; i < 3; ++i)
        submitOne();
    return app.exec();
}

} // namespace

class TestArchiveWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("w-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void batchesAreCommittedInOrderOffTheCallingThread()
    {
        const QString path = freshPath();
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QSignalSpy committed(&writer, &ArchiveWriter::committed);
        QSignalSpy failed(&writer, &ArchiveWriter::failed);
        QList<quint64> ids;
        QList<quint64> doneOrder;
        QList<Qt::HANDLE> doneThreads;
        for (int b = 0; b < 20; ++b) {
            ArchiveBatch batch;
            for (int i = 0; i < 50; ++i)
                batch.notifications << NotificationObservation { failure(b * 100 + i),
                                                                 NotificationOrigin::Peeked,
                                                                 {} };
            const quint64 id = writer.submit(
                batch, [&doneOrder, &doneThreads, &ids, b](const Result<ArchiveBatchSummary> &r) {
                    QVERIFY(r.ok());
                    QCOMPARE(r->notificationsAdded, 50);
                    doneOrder << ids.at(b);
                    doneThreads << QThread::currentThreadId();
                });
            ids << id;
        }
        QTRY_COMPARE_WITH_TIMEOUT(committed.size(), 20, 30000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(doneOrder, ids);
        for (Qt::HANDLE h : doneThreads)
            QCOMPARE(h, QThread::currentThreadId()); // answers arrive on the writer's (GUI) thread
        for (int i = 0; i < 20; ++i)
            QCOMPARE(committed.at(i).at(0).value<quint64>(), ids.at(i));
        QCOMPARE(writer.pendingBatches(), 0);

        auto a = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY(a.ok());
        QCOMPARE(a.value()->countNotifications({}).value(), 1000);
    }

    void submitAndWaitBlocksUntilCommitted()
    {
        const QString path = freshPath();
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        ArchiveBatch batch;
        batch.notifications << NotificationObservation { failure(1), NotificationOrigin::Consumed, {} };
        auto r = writer.submitAndWait(batch, 30000);
        QVERIFY(r.ok());
        QCOMPARE(r->notificationsAdded, 1);
        auto again = writer.submitAndWait(batch);
        QCOMPARE(again->notificationsKnown, 1);
    }

    void consumePathDeletesOnlyCommittedMessages()
    {
        // A fake queue: message ids; the consumer deletes them only in the commit answer.
        QStringList queue;
        for (int i = 0; i < 5; ++i)
            queue << QStringLiteral("msg-%1").arg(i);

        // 1. The archive cannot take the batch (size cap): nothing is deleted, the failure is reported.
        ArchiveConfig capped = ArchiveConfig::sqlite(QStringLiteral("prod"), freshPath());
        capped.maxSizeBytes = 100 * 1024;
        {
            ArchiveWriter writer(capped);
            QSignalSpy failed(&writer, &ArchiveWriter::failed);
            ArchiveBatch batch;
            for (int i = 0; i < 5; ++i) {
                IngestionNotification n = failure(i);
                n.details = QString(40000, QLatin1Char('d')); // 5 x 40 KB > 100 KB
                batch.notifications << NotificationObservation { n, NotificationOrigin::Consumed, {} };
            }
            bool answered = false;
            writer.submit(batch, [&](const Result<ArchiveBatchSummary> &r) {
                answered = true;
                if (r)
                    queue.clear();
            });
            QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.first().at(1).value<Error>().code, QString(ArchiveError::DiskFull));
            QCOMPARE(queue.size(), 5);
        }
        auto check = SqlArchive::open(capped);
        QVERIFY(check.ok());
        QCOMPARE(check.value()->countNotifications({}).value(), 0);

        // 2. With room, the same batch commits and the messages go.
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), freshPath()));
        ArchiveBatch batch;
        for (int i = 0; i < 5; ++i)
            batch.notifications << NotificationObservation { failure(i), NotificationOrigin::Consumed, {} };
        bool answered = false;
        writer.submit(batch, [&](const Result<ArchiveBatchSummary> &r) {
            answered = true;
            if (r)
                queue.clear();
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QVERIFY(queue.isEmpty());
    }

    void aFailingBatchDoesNotFailTheOthersInItsGroup()
    {
        ArchiveConfig capped = ArchiveConfig::sqlite(QStringLiteral("prod"), freshPath());
        capped.maxSizeBytes = 120 * 1024;
        ArchiveWriter writer(capped);
        QSignalSpy committed(&writer, &ArchiveWriter::committed);
        QSignalSpy failed(&writer, &ArchiveWriter::failed);
        // Hold the writer thread busy so the next three batches are grouped into one transaction.
        ArchiveBatch first;
        first.notifications << NotificationObservation { failure(0), NotificationOrigin::Peeked, {} };
        writer.submit(first);
        ArchiveBatch small1, small2, huge;
        small1.notifications << NotificationObservation { failure(1), NotificationOrigin::Peeked, {} };
        small2.notifications << NotificationObservation { failure(2), NotificationOrigin::Peeked, {} };
        for (int i = 0; i < 10; ++i) {
            IngestionNotification n = failure(100 + i);
            n.details = QString(30000, QLatin1Char('h'));
            huge.notifications << NotificationObservation { n, NotificationOrigin::Peeked, {} };
        }
        const quint64 a = writer.submit(small1);
        const quint64 h = writer.submit(huge);
        const quint64 b = writer.submit(small2);
        QTRY_COMPARE_WITH_TIMEOUT(committed.size() + failed.size(), 4, 30000);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<quint64>(), h);
        QList<quint64> ok;
        for (const auto &args : committed)
            ok << args.at(0).value<quint64>();
        QVERIFY(ok.contains(a) && ok.contains(b));
    }

    void aLockedArchiveFailsEveryBatchOfTheGroupAsLocked()
    {
        const QString path = freshPath();
        ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        c.busyTimeoutMs = 200;
        ArchiveWriter writer(c);
        QVERIFY(writer.submitAndWait(ArchiveBatch {}, 30000).ok()); // opened, schema created
        const QString holderName = QStringLiteral("holder");
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QSignalSpy failed(&writer, &ArchiveWriter::failed);
            for (int i = 0; i < 5; ++i)
                writer.submit(
                    ArchiveBatch { {}, {}, { { failure(i), NotificationOrigin::Consumed, {} } }, {} });
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 5, 30000);
            for (const auto &args : failed) {
                const Error e = args.at(1).value<Error>();
                QCOMPARE(e.code, QString(ArchiveError::Locked));
                QVERIFY(e.retryable);
            }
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(
            writer
                .submitAndWait(
                    ArchiveBatch { {}, {}, { { failure(9), NotificationOrigin::Consumed, {} } }, {} }, 30000)
                .ok());
    }

    void openErrorIsReportedForEveryBatch()
    {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, '\x17'));
        }
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QSignalSpy failed(&writer, &ArchiveWriter::failed);
        writer.submit(ArchiveBatch { {}, {}, { { failure(1), NotificationOrigin::Consumed, {} } }, {} });
        writer.submit(ArchiveBatch { {}, {}, { { failure(2), NotificationOrigin::Consumed, {} } }, {} });
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 30000);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, QString(ArchiveError::Corrupt));
    }

    void readerSeesCommittedRowsOnItsOwnThread()
    {
        const QString path = freshPath();
        const ArchiveConfig c = ArchiveConfig::sqlite(QStringLiteral("prod"), path);
        ArchiveWriter writer(c);
        ArchiveBatch batch;
        batch.track << TrackRequest { QStringLiteral("op-1"), {}, {}, TrackSource::Pasted, {} };
        batch.snapshots << SnapshotObservation {
            operation(QStringLiteral("op-1"), OperationState::InProgress, 9, 9, 0), {}
        };
        for (int i = 0; i < 10; ++i)
            batch.notifications << NotificationObservation { failure(i), NotificationOrigin::Peeked, {} };
        QVERIFY(writer.submitAndWait(batch, 30000).ok());

        ArchiveReader reader(c);
        std::optional<Result<QList<NotificationRecord>>> notes;
        std::optional<Result<QList<TrackedOperation>>> tracked;
        std::optional<Result<QList<OperationSnapshot>>> snaps;
        std::optional<Result<qint64>> count;
        Qt::HANDLE ranOn = nullptr;
        NotificationQuery q;
        q.limit = 3;
        reader.notifications(q, [&](const auto &r) { notes = r; });
        reader.trackedOperations({}, [&](const auto &r) { tracked = r; });
        reader.snapshots({}, [&](const auto &r) { snaps = r; });
        reader.run<qint64>(
            [&ranOn](Archive &a) {
                ranOn = QThread::currentThreadId();
                return a.countNotifications({});
            },
            [&](const Result<qint64> &r) { count = r; });
        QTRY_VERIFY_WITH_TIMEOUT(notes && tracked && snaps && count, 30000);
        QCOMPARE(notes->value().size(), 3);
        QCOMPARE(tracked->value().size(), 1);
        QCOMPARE(snaps->value().size(), 1);
        QCOMPARE(count->value(), 10);
        QVERIFY(ranOn != QThread::currentThreadId());
    }

    void retentionRunsOnTheWriterThread()
    {
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("prod"), freshPath()));
        ArchiveBatch batch;
        batch.notifications << NotificationObservation { failure(1, QStringLiteral("X"), t0()),
                                                         NotificationOrigin::Peeked,
                                                         {} };
        QVERIFY(writer.submitAndWait(batch, 30000).ok());
        std::optional<Status> set;
        std::optional<Result<RetentionSummary>> applied;
        writer.setRetention(RetentionPolicy { 1 }, [&](const Status &s) { set = s; });
        writer.applyRetention([&](const Result<RetentionSummary> &r) { applied = r; });
        QTRY_VERIFY_WITH_TIMEOUT(set && applied, 30000);
        QVERIFY(set->ok());
        QCOMPARE(applied->value().notificationsDeleted, 1); // t0() is far in the past
    }

    void killedMidBatchLeavesAConsistentFile()
    {
        const QString path = freshPath();
        QStringList committedBatches;
        int killed = 0;
        for (int run = 0; run < 5; ++run) {
            QProcess child;
            child.setProgram(QCoreApplication::applicationFilePath());
            child.setArguments({ QString::fromLatin1(kChildFlag), path, QStringLiteral("run%1").arg(run) });
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start();
            QVERIFY(child.waitForStarted(30000));
            // Let it commit a few batches, then kill it at a random moment inside the next ones.
            QByteArray out;
            while (out.count('\n') < 2 + run && child.state() == QProcess::Running) {
                child.waitForReadyRead(30000);
                out += child.readAllStandardOutput();
            }
            QTest::qWait(static_cast<int>(QRandomGenerator::global()->bounded(5, 60)));
            QCOMPARE(child.state(), QProcess::Running);
            child.kill(); // SIGKILL: no destructor, no rollback, no close
            QVERIFY(child.waitForFinished(30000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            ++killed;
            out += child.readAllStandardOutput();
            const QByteArray err = child.readAllStandardError();
            QVERIFY2(err.isEmpty() || !err.contains("failed"), err.constData());
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("committed "))
                    committedBatches
                        << QStringLiteral("run%1-b%2").arg(run).arg(QString::fromLatin1(line.mid(10)));
            }
        }
        QCOMPARE(killed, 5);
        QVERIFY(committedBatches.size() >= 10);

        auto opened = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("prod"), path));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        auto &a = *opened.value();
        QVERIFY(a.checkIntegrity().ok());

        // Every batch is all there or not there at all: N notifications + 1 snapshot + 1 tracked row.
        QHash<QString, int> perBatch;
        auto n = a.forEachNotification({}, [&perBatch](const NotificationRecord &r) {
            ++perBatch[r.notification.operationId];
            return true;
        });
        QVERIFY(n.ok());
        QHash<QString, int> snapshotsPerBatch;
        QVERIFY(a.forEachSnapshot({}, [&](const OperationSnapshot &s) {
                     ++snapshotsPerBatch[s.operation.ingestionOperationId];
                     return true;
                 }).ok());
        const auto tracked = a.trackedOperations();
        QVERIFY(tracked.ok());
        QCOMPARE(tracked->size(), perBatch.size());
        for (auto it = perBatch.cbegin(); it != perBatch.cend(); ++it) {
            QVERIFY2(it.value() == kRowsPerBatch,
                     qPrintable(QStringLiteral("batch %1 has %2 rows").arg(it.key()).arg(it.value())));
            QCOMPARE(snapshotsPerBatch.value(it.key()), 1);
        }
        QCOMPARE(snapshotsPerBatch.size(), perBatch.size());
        // And every batch reported committed before the kill is there.
        for (const QString &b : committedBatches)
            QVERIFY2(perBatch.contains(b), qPrintable(b));
        qInfo("%lld batches survived %d kills (%lld reported committed)",
              static_cast<long long>(perBatch.size()), killed,
              static_cast<long long>(committedBatches.size()));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 2 && qstrcmp(argv[1], kChildFlag) == 0)
        return runKillChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestArchiveWriter tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "TestArchiveWriter.moc"
