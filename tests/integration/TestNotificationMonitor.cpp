// NotificationMonitor against a real Azurite: peek leaves the messages in every report queue (several of
// each kind), counts them, shows malformed ones; consume archives, then deletes; history survives a restart.
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace iw;
using iw::test::AzuriteProcess;
using Kind = IngestionNotification::Kind;

namespace {

const QString kFailed1 = QStringLiteral("failedingestions-1");
const QString kFailed2 = QStringLiteral("failedingestions-2");
const QString kSuccess = QStringLiteral("successfulingestions");

IngestionNotification failure(const QString &code, FailureStatus fs)
{
    IngestionNotification n;
    n.kind = Kind::Failure;
    n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.database = QStringLiteral("db");
    n.table = QStringLiteral("logs");
    n.failedOn = QDateTime::currentDateTimeUtc();
    n.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/a.csv?sv=2020&sig=SECRET");
    n.rootActivityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.details = QStringLiteral("bad, \"quoted\"\nline");
    n.errorCode = code;
    n.failureStatus = fs;
    return n;
}

IngestionNotification success()
{
    IngestionNotification n;
    n.kind = Kind::Success;
    n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.database = QStringLiteral("db");
    n.table = QStringLiteral("logs");
    n.succeededOn = QDateTime::currentDateTimeUtc();
    n.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/ok.csv");
    return n;
}

} // namespace

class TestNotificationMonitor : public QObject
{
    Q_OBJECT

    AzuriteProcess m_azurite { AzuriteProcess::Queue };
    HttpPipeline *m_pipeline = nullptr;
    QueueClient *m_client = nullptr;
    QTemporaryDir m_dir;

    bool put(const QString &queue, const QString &text)
    {
        std::optional<bool> ok;
        m_client->putMessage(queue, text, this, [&ok](Result<QueueMessage> r) { ok = bool(r); });
        (void)QTest::qWaitFor([&] { return ok.has_value(); }, 10000);
        return ok.value_or(false);
    }
    bool put(const QString &queue, const IngestionNotification &n)
    {
        return put(queue, QString::fromLatin1(toNotificationJson(n).toBase64()));
    }
    // n failure messages, sent together.
    bool putMany(const QString &queue, int n)
    {
        int answered = 0;
        int good = 0;
        for (int i = 0; i < n; ++i) {
            const IngestionNotification note = failure(i % 3 ? QStringLiteral("Download_SourceNotFound")
                                                             : QStringLiteral("BadRequest_EmptyBlob"),
                                                       FailureStatus::Permanent);
            m_client->putMessage(queue, QString::fromLatin1(toNotificationJson(note).toBase64()), this,
                                 [&answered, &good](Result<QueueMessage> r) {
                                     ++answered;
                                     good += r ? 1 : 0;
                                 });
        }
        (void)QTest::qWaitFor([&] { return answered == n; }, 30000);
        return good == n;
    }
    qint64 count(const QString &queue)
    {
        std::optional<qint64> c;
        m_client->approximateMessageCount(queue, this, [&c](Result<qint64> r) { c = r ? r.value() : -1; });
        (void)QTest::qWaitFor([&] { return c.has_value(); }, 10000);
        return c.value_or(-2);
    }
    QString archivePath() const { return m_dir.filePath(QStringLiteral("archive.sqlite")); }

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
        for (const QString &q : { kFailed1, kFailed2, kSuccess }) {
            std::optional<bool> ok;
            m_client->createQueue(q, this, [&ok](Status s) { ok = bool(s); });
            QTRY_VERIFY(ok.has_value());
            QVERIFY(*ok);
        }
        QVERIFY(
            put(kFailed1, failure(QStringLiteral("Stream_ClosingQuoteMissing"), FailureStatus::Permanent)));
        QVERIFY(
            put(kFailed1, failure(QStringLiteral("Stream_ClosingQuoteMissing"), FailureStatus::Permanent)));
        QVERIFY(put(kFailed1, QStringLiteral("this is not base64 json {")));
        QVERIFY(put(kFailed2, failure(QStringLiteral("Download_SourceNotFound"), FailureStatus::Transient)));
        QVERIFY(put(kSuccess, success()));
        QVERIFY(put(kSuccess, success()));
    }

    void peekLeavesMessagesThenConsumeArchivesAndDeletes()
    {
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("test"), archivePath()));
        ArchiveReader reader(ArchiveConfig::sqlite(QStringLiteral("test"), archivePath()));
        NotificationMonitor monitor(&model, &groups, &pipeline, &writer, &reader);
        monitor.setInterval(0);
        QVERIFY(monitor.setQueuesFromConnectionString(m_azurite.connectionString(), { kFailed1, kFailed2 },
                                                      { kSuccess }));
        QCOMPARE(monitor.queues().size(), 3);
        QSignalSpy refreshed(&monitor, &NotificationMonitor::refreshed);
        QSignalSpy fresh(&monitor, &NotificationMonitor::newFailures);

        // Peek, twice: 6 rows (one Malformed), nothing removed, new failures announced once.
        for (int round = 0; round < 2; ++round) {
            monitor.refresh();
            QVERIFY(refreshed.wait(20000));
            QVERIFY(refreshed.last().at(1).toBool());
            QCOMPARE(monitor.lastRequests(), 6); // count + peek per queue
            QCOMPARE(model.rowCount(), 6);
        }
        QCOMPARE(model.count(Kind::Malformed), 1);
        QCOMPARE(model.count(Kind::Failure), 3);
        QCOMPARE(model.count(Kind::Success), 2);
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.at(0).at(0).toInt(), 3);
        QCOMPARE(fresh.at(0).at(1).toString(), QStringLiteral("Stream_ClosingQuoteMissing"));
        QCOMPARE(groups.rowCount(), 2);
        QCOMPARE(monitor.approximateTotal(Kind::Failure), qint64(4));
        QCOMPARE(monitor.approximateTotal(Kind::Success), qint64(2));
        QCOMPARE(count(kFailed1), qint64(3));
        QCOMPARE(count(kFailed2), qint64(1));
        QCOMPARE(count(kSuccess), qint64(2));
        // The malformed row keeps its raw text.
        bool sawRaw = false;
        for (int r = 0; r < model.rowCount(); ++r)
            sawRaw |= model.notificationAt(r).rawText == QLatin1String("this is not base64 json {");
        QVERIFY(sawRaw);

        // Consume: received, committed to the archive, then deleted.
        monitor.setMode(NotificationMonitor::Mode::Consume);
        QCOMPARE(int(monitor.mode()), int(NotificationMonitor::Mode::Consume));
        QSignalSpy consumed(&monitor, &NotificationMonitor::consumed);
        monitor.refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(refreshed.last().at(1).toBool());
        QCOMPARE(monitor.consumedCount(), qint64(6));
        QCOMPARE(count(kFailed1), qint64(0));
        QCOMPARE(count(kFailed2), qint64(0));
        QCOMPARE(count(kSuccess), qint64(0));
        QCOMPARE(model.rowCount(), 6); // still shown

        std::optional<Result<QList<NotificationRecord>>> records;
        reader.notifications({}, [&records](const Result<QList<NotificationRecord>> &r) { records = r; });
        QTRY_VERIFY_WITH_TIMEOUT(records.has_value(), 10000);
        QVERIFY(*records);
        QCOMPARE(records->value().size(), 6);
        for (const NotificationRecord &rec : records->value())
            QVERIFY2(rec.isConsumed(), qPrintable(rec.dedupKey));
    }

    void historyAfterRestart()
    {
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        ArchiveReader reader(ArchiveConfig::sqlite(QStringLiteral("test"), archivePath()));
        NotificationMonitor monitor(&model, &groups, &pipeline, nullptr, &reader);
        QSignalSpy fresh(&monitor, &NotificationMonitor::newFailures);
        QSignalSpy loaded(&monitor, &NotificationMonitor::historyLoaded);
        monitor.loadHistory();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(groups.rowCount(), 2);
        QCOMPARE(fresh.size(), 0); // history is not news
        // Without an archive consuming is refused.
        monitor.setMode(NotificationMonitor::Mode::Consume);
        QCOMPARE(int(monitor.mode()), int(NotificationMonitor::Mode::Peek));
    }

    // Consume keeps receiving (32 at a time) until the queue is empty, within one refresh; a bound stops
    // it early and the rest waits in the queue for the next refresh.
    void consumeDrainsTheQueueWithinTheBound()
    {
        const QString bulk = QStringLiteral("failedingestions-bulk");
        std::optional<bool> created;
        m_client->createQueue(bulk, this, [&created](Status s) { created = bool(s); });
        QTRY_VERIFY(created.has_value());
        QVERIFY(*created);
        QVERIFY(putMany(bulk, 100));
        QCOMPARE(count(bulk), qint64(100));

        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        const QString path = m_dir.filePath(QStringLiteral("bulk.sqlite"));
        ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("bulk"), path));
        ArchiveReader reader(ArchiveConfig::sqlite(QStringLiteral("bulk"), path));
        NotificationMonitor monitor(&model, &groups, &pipeline, &writer, &reader);
        monitor.setInterval(0);
        QVERIFY(monitor.setQueuesFromConnectionString(m_azurite.connectionString(), { bulk }, {}));
        monitor.setMode(NotificationMonitor::Mode::Consume);
        QSignalSpy refreshed(&monitor, &NotificationMonitor::refreshed);
        QSignalSpy archived(&monitor, &NotificationMonitor::archived);

        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.last().at(1).toBool());
        QCOMPARE(monitor.consumedCount(), qint64(100));
        int archivedMessages = 0; // announced once per committed batch (the charts re-read then)
        for (const auto &a : archived)
            archivedMessages += a.at(0).toInt();
        QCOMPARE(archived.size(), 4);
        QCOMPARE(archivedMessages, 100);
        QCOMPARE(count(bulk), qint64(0));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(monitor.queues().first().lastRead, 100);
        // 1 count + 4 receives (32, 32, 32, 4) + 100 deletes.
        QCOMPARE(monitor.lastRequests(), 105);
        std::optional<Result<QList<NotificationRecord>>> records;
        reader.notifications({}, [&records](const Result<QList<NotificationRecord>> &r) { records = r; });
        QTRY_VERIFY_WITH_TIMEOUT(records.has_value(), 10000);
        QVERIFY(*records);
        QCOMPARE(records->value().size(), 100);

        // A bound of 40 messages: 32 + 8 this refresh, 30 left for the next.
        QVERIFY(putMany(bulk, 70));
        monitor.setConsumeBound(40, std::chrono::seconds(10));
        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(monitor.consumedCount(), qint64(140));
        QCOMPARE(count(bulk), qint64(30));
        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(monitor.consumedCount(), qint64(170));
        QCOMPARE(count(bulk), qint64(0));
    }

    void cleanupTestCase() { m_azurite.stop(); }
};

QTEST_GUILESS_MAIN(TestNotificationMonitor)
#include "TestNotificationMonitor.moc"
