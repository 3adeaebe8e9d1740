// Kill test: the headless failure-notification consumer (iw-kill-consumer: the production
// NotificationMonitor consume path + the SQLite archive) is SIGKILLed at random moments while it consumes
// a real Azurite queue, 50 times, while more messages keep arriving. After each kill: every message posted
// so far (each carries a unique IngestionSourceId) is in the archive or still in the queue, and no id has
// more than one archive row (a message archived but not yet deleted comes back and is folded by the
// archive). At the end one last consumer empties the queue and every message is archived exactly once.
//
// IW_KILL_SEED=<n> replays a run (the seed is printed); IW_KILL_ROUNDS=<n> changes the number of kills.
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <optional>

using namespace iw;
using iw::test::AzuriteProcess;

namespace {

const QString kQueue = QStringLiteral("failedingestions-kill");
constexpr int kFirstWave = 120;
constexpr int kPerRound = 12;
constexpr int kVisibilitySecs = 1; // the consumer's
constexpr int kScanVisibilitySecs = 2; // the check's
constexpr int kFullCheckEvery = 5; // rounds

struct ArchiveCounts
{
    QHash<QString, int> rowsPerId; // ingestion_source_id -> rows
    qint64 duplicatesSeen = 0; // sum of (seen_count - 1): receptions folded into an existing row
    int foldedIds = 0; // ids with seen_count > 1
    bool ok = false;
    QString error;
};

} // namespace

class TestKillConsume : public QObject
{
    Q_OBJECT

    AzuriteProcess m_azurite { AzuriteProcess::Queue };
    HttpPipeline *m_pipeline = nullptr;
    QueueClient *m_client = nullptr;
    QTemporaryDir m_dir;
    QSet<QString> m_posted;
    int m_dbSerial = 0;

    QString archivePath() const { return m_dir.filePath(QStringLiteral("archive.sqlite")); }

    bool post(int n)
    {
        int answered = 0;
        int good = 0;
        for (int i = 0; i < n; ++i) {
            IngestionNotification note;
            note.kind = IngestionNotification::Kind::Failure;
            note.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            note.database = QStringLiteral("Telemetry");
            note.table = QStringLiteral("RawEvents");
            note.failedOn = QDateTime::currentDateTimeUtc();
            note.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            note.ingestionSourcePath
                = QStringLiteral("https://acct.blob.core.windows.net/in/%1.csv").arg(note.ingestionSourceId);
            note.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
            note.failureStatus = FailureStatus::Permanent;
            note.details = QStringLiteral("kill test message");
            const QString id = note.ingestionSourceId;
            m_client->putMessage(kQueue, QString::fromLatin1(toNotificationJson(note).toBase64()), this,
                                 [this, id, &answered, &good](Result<QueueMessage> r) {
                                     ++answered;
                                     if (r) {
                                         ++good;
                                         m_posted.insert(id);
                                     }
                                 });
        }
        (void)QTest::qWaitFor([&] { return answered == n; }, 30000);
        return good == n;
    }

    // Every visible message's IngestionSourceId: received with a short visibility timeout, not deleted;
    // the caller waits kScanVisibilitySecs before the next consumer so it finds them all again.
    std::optional<QList<QString>> queueIds()
    {
        QList<QString> ids;
        QSet<QString> messageIds;
        for (int round = 0; round < 1000; ++round) {
            std::optional<Result<QList<QueueClient::ReceivedNotification>>> got;
            m_client->receiveNotifications(kQueue, IngestionNotification::Kind::Failure, 32,
                                           kScanVisibilitySecs, this, [&got](auto r) { got = std::move(r); });
            (void)QTest::qWaitFor([&] { return got.has_value(); }, 30000);
            if (!got || !*got)
                return std::nullopt;
            if (got->value().isEmpty())
                break;
            for (const auto &rn : got->value()) {
                if (messageIds.contains(rn.notification.messageId))
                    continue;
                messageIds.insert(rn.notification.messageId);
                ids.append(rn.notification.ingestionSourceId);
            }
        }
        return ids;
    }

    ArchiveCounts archiveCounts()
    {
        ArchiveCounts c;
        if (!QFile::exists(archivePath())) {
            c.ok = true; // killed before the archive was created: nothing archived yet
            return c;
        }
        const QString name = QStringLiteral("killcheck%1").arg(++m_dbSerial);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(archivePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (!db.open()) {
                c.error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!db.tables().contains(QStringLiteral("notifications"))) {
                    c.ok = true; // killed before the schema was created: nothing archived yet
                } else if (!q.exec(
                               QStringLiteral("SELECT ingestion_source_id, seen_count FROM notifications"))) {
                    c.error = q.lastError().text();
                } else {
                    while (q.next()) {
                        ++c.rowsPerId[q.value(0).toString()];
                        const qint64 seen = q.value(1).toLongLong();
                        if (seen > 1) {
                            c.duplicatesSeen += seen - 1;
                            ++c.foldedIds;
                        }
                    }
                    c.ok = true;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return c;
    }

    QProcess *startConsumer(bool exitWhenEmpty)
    {
        auto *p = new QProcess(this);
        p->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args { QStringLiteral("--connection-string"),
                           m_azurite.connectionString(),
                           QStringLiteral("--queue"),
                           kQueue,
                           QStringLiteral("--archive"),
                           archivePath(),
                           QStringLiteral("--visibility"),
                           QString::number(kVisibilitySecs) };
        if (exitWhenEmpty)
            args << QStringLiteral("--exit-when-empty");
        p->start(QStringLiteral(IW_KILL_CONSUMER_BIN), args);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
        auto cs = ConnectionString::parse(m_azurite.connectionString());
        QVERIFY(cs);
        auto cfg = StorageServiceConfig::queueFromConnectionString(cs.value());
        QVERIFY(cfg);
        m_pipeline = new HttpPipeline(this);
        m_client = new QueueClient(m_pipeline, cfg.value(), this);
        std::optional<bool> ok;
        m_client->createQueue(kQueue, this, [&ok](Status s) { ok = bool(s); });
        QTRY_VERIFY(ok.has_value());
        QVERIFY(*ok);
    }

    void sigkillWhileConsumingLosesNothing()
    {
        const quint32 seed = qEnvironmentVariableIsSet("IW_KILL_SEED")
            ? quint32(qEnvironmentVariableIntValue("IW_KILL_SEED"))
            : quint32(QDateTime::currentMSecsSinceEpoch() & 0x7fffffff);
        const int rounds = qEnvironmentVariableIsSet("IW_KILL_ROUNDS")
            ? qEnvironmentVariableIntValue("IW_KILL_ROUNDS")
            : 50;
        QRandomGenerator rng(seed);
        qInfo("kill test: seed %u (replay with IW_KILL_SEED=%u), %d kills", seed, seed, rounds);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(post(kFirstWave));

        int killedMidBatch = 0; // kills after the consumer printed READY but before it went quiet
        qint64 maxLeftInQueue = 0;
        for (int round = 0; round < rounds; ++round) {
            QVERIFY(post(kPerRound)); // more keep arriving while the consumer comes and goes
            QProcess *p = startConsumer(false);
            QVERIFY2(p->waitForStarted(10000), qPrintable(p->errorString()));
            // A random moment: sometimes before the archive is even open, mostly while consuming.
            const int delayMs = int(rng.bounded(1500));
            QTest::qWait(delayMs);
            const QByteArray out = p->readAllStandardOutput();
            if (out.contains("CONSUMED"))
                ++killedMidBatch;
            QVERIFY2(p->state() == QProcess::Running,
                     qPrintable(QStringLiteral("round %1: the consumer exited by itself: %2")
                                    .arg(round)
                                    .arg(QString::fromLocal8Bit(p->readAllStandardError()))));
            ::kill(pid_t(p->processId()), SIGKILL);
            QVERIFY(p->waitForFinished(10000));
            QCOMPARE(p->exitStatus(), QProcess::CrashExit);
            delete p;

            // Messages the killed consumer had received become visible again after its visibility timeout.
            QTest::qWait(kVisibilitySecs * 1000 + 300);
            const ArchiveCounts a = archiveCounts();
            QVERIFY2(a.ok,
                     qPrintable(QStringLiteral("round %1: archive unreadable: %2").arg(round).arg(a.error)));
            for (auto it = a.rowsPerId.cbegin(); it != a.rowsPerId.cend(); ++it)
                QVERIFY2(it.value() == 1,
                         qPrintable(QStringLiteral("round %1: %2 archive rows for %3")
                                        .arg(round)
                                        .arg(it.value())
                                        .arg(it.key())));
            // Every posted id is archived or still in the queue. The scan hides the queue's messages for
            // kScanVisibilitySecs, so it runs every kFullCheckEvery rounds (and after the last) to keep the
            // test under 3 minutes; the archive check above runs after every kill.
            if (round % kFullCheckEvery == kFullCheckEvery - 1 || round == rounds - 1) {
                const auto inQueue = queueIds();
                QVERIFY2(inQueue.has_value(), "cannot read the queue");
                maxLeftInQueue = std::max<qint64>(maxLeftInQueue, inQueue->size());
                const QSet<QString> queued(inQueue->cbegin(), inQueue->cend());
                int lost = 0;
                for (const QString &id : std::as_const(m_posted)) {
                    if (!a.rowsPerId.contains(id) && !queued.contains(id))
                        ++lost;
                }
                QVERIFY2(lost == 0,
                         qPrintable(QStringLiteral("round %1: %2 of %3 posted messages are neither "
                                                   "archived nor in the queue (seed %4)")
                                        .arg(round)
                                        .arg(lost)
                                        .arg(m_posted.size())
                                        .arg(seed)));
                QTest::qWait(kScanVisibilitySecs * 1000 + 200);
            }
        }
        const qint64 killsMs = clock.elapsed();

        // One last consumer empties the queue and exits.
        QProcess *last = startConsumer(true);
        QVERIFY(last->waitForStarted(10000));
        QVERIFY2(last->waitForFinished(120000), "the last consumer did not empty the queue");
        QCOMPARE(last->exitCode(), 0);
        delete last;
        std::optional<Result<qint64>> left;
        m_client->approximateMessageCount(kQueue, this, [&left](Result<qint64> r) { left = std::move(r); });
        QTRY_VERIFY(left.has_value());
        QVERIFY(*left);

        const ArchiveCounts a = archiveCounts();
        QVERIFY(a.ok);
        int archived = 0;
        for (const QString &id : std::as_const(m_posted)) {
            QCOMPARE(a.rowsPerId.value(id), 1);
            ++archived;
        }
        QCOMPARE(a.rowsPerId.size(), m_posted.size());
        QCOMPARE(left->value(), qint64(0));

        qInfo("kill test figures (seed %u):", seed);
        qInfo("  kills                          %d (%d after the consumer had deleted a batch)", rounds,
              killedMidBatch);
        qInfo("  messages posted                %lld", qint64(m_posted.size()));
        qInfo("  archived (1 row each)          %d", archived);
        qInfo("  most left in the queue at a check %lld", maxLeftInQueue);
        qInfo("  duplicates seen and folded     %lld receptions of %d messages", a.duplicatesSeen,
              a.foldedIds);
        qInfo("  lost                           0");
        qInfo("  time                           %.1f s for the kills, %.1f s in all", killsMs / 1000.0,
              clock.elapsed() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestKillConsume)
#include "TestKillConsume.moc"
