// Fault injection against each headless monitor, and one pane.
//
// - Operations: an in-process ingestwatch-sim (SimulatorServer) whose FaultInjector is switched on and off
//   while it runs: 429 storms with Retry-After, 500/503, answers slower than the client's timeout,
//   connections closed without an answer, truncated and malformed bodies, the endpoint gone and back on
//   the same port.
// - Statuses and notifications: real Azurite behind FaultProxy: the same faults at the storage level.
// While a fault is on, the monitor reports an error that names the problem (errorOccurred: what the panes
// show; NotificationMonitor::queues().lastError: the queue tooltip) and keeps its last good rows; once the
// fault clears it recovers by itself within a bounded number of refresh cycles.
// - Cancel under faults (the answer lost after the simulator ran the command): the simulator runs each
//   `.cancel` exactly once.
// - Consume under faults: every posted failure notification ends in the archive exactly once.
// - MainWindow offscreen: the Operations pane shows the error and clears it after recovery.
#include "AzuriteProcess.h"
#include "FaultProxy.h"
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/QueueClient.h"
#include "azure/TableClient.h"
#include "azure/TokenProvider.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"
#include "core/TableEntityStatus.h"
#include "gui/MainWindow.h"
#include "gui/OperationsPane.h"
#include "models/FailureGroupModel.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "models/OperationModel.h"
#include "monitor/KustoOperationBackend.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"
#include "monitor/StatusMonitor.h"
#include "simulator/SimulatorServer.h"
#include "store/ArchiveWriter.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace iw;
using iw::test::AzuriteProcess;
using iw::test::FaultProxy;
using ms = std::chrono::milliseconds;

namespace {

const QString kTable = QStringLiteral("ingestionsstatus");
const QString kPeekQueue = QStringLiteral("failedingestions-peek");
const QString kConsumeQueue = QStringLiteral("failedingestions-consume");
constexpr int kStatusRows = 50;
constexpr int kPeekMessages = 10;
constexpr int kRecoveryCycles = 3; // refreshes after the fault clears
constexpr int kClientTimeoutMs = 1500;
constexpr int kSlowMs = 3000; // "slow": past the client's timeout

// Short backoff so a test does not wait for minutes; the same policy shape as the app's.
RetryPolicy quickPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 3;
    p.baseDelay = ms(50);
    p.maxDelay = ms(300);
    p.maxTotal = ms(5000);
    p.maxRetryAfter = ms(3000);
    return p;
}

QStringList blobUrls(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("https://demo.blob.core.windows.net/landing/part-%1.csv?sv=2021&sig=x").arg(i);
    return out;
}

FaultConfig simFault(const QString &kind)
{
    FaultConfig c;
    c.seed = 7;
    if (kind == QLatin1String("429")) {
        c.throttleRate = 1;
        c.retryAfterSeconds = 1;
    } else if (kind == QLatin1String("5xx")) {
        c.serverErrorRate = 1;
    } else if (kind == QLatin1String("slow")) {
        c.latencyMs = kSlowMs;
    } else if (kind == QLatin1String("reset")) {
        c.dropRate = 1;
    } else if (kind == QLatin1String("truncated")) {
        c.truncateRate = 1;
    } else if (kind == QLatin1String("malformed")) {
        c.malformedRate = 1;
    }
    return c;
}

FaultProxy::Fault proxyFault(const QString &kind)
{
    if (kind == QLatin1String("429"))
        return FaultProxy::Fault::httpStatus(429, 1);
    if (kind == QLatin1String("503"))
        return FaultProxy::Fault::httpStatus(503, 1);
    if (kind == QLatin1String("500"))
        return FaultProxy::Fault::httpStatus(500);
    if (kind == QLatin1String("slow"))
        return FaultProxy::Fault::delay(kSlowMs);
    if (kind == QLatin1String("reset"))
        return FaultProxy::Fault::reset();
    if (kind == QLatin1String("truncated"))
        return FaultProxy::Fault::truncate();
    return FaultProxy::Fault::malformed();
}

// What the error text must name, per fault (case-insensitive).
void addFaultRows(bool storage)
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("names");
    QTest::newRow("429 storm with Retry-After")
        << QStringLiteral("429") << QStringLiteral("429|throttl|busy");
    if (storage) {
        QTest::newRow("503") << QStringLiteral("503") << QStringLiteral("503|unavailable|busy");
        QTest::newRow("500") << QStringLiteral("500") << QStringLiteral("500|internal");
    } else {
        QTest::newRow("500/503") << QStringLiteral("5xx") << QStringLiteral("50[03]|internal|unavailable");
    }
    QTest::newRow("slow past the timeout") << QStringLiteral("slow") << QStringLiteral("time");
    QTest::newRow("connection reset") << QStringLiteral("reset") << QStringLiteral("clos|reset|connection");
    QTest::newRow("truncated body") << QStringLiteral(
        "truncated") << QStringLiteral("clos|truncat|incomplete|short|connection|pars|json|xml");
    QTest::newRow("malformed body") << QStringLiteral("malformed")
                                    << QStringLiteral("json|xml|pars|malformed|unexpected|invalid");
    QTest::newRow("backend gone and back")
        << QStringLiteral("gone") << QStringLiteral("refused|connect|clos|unreachable");
}

// The headless operations stack over an in-process simulator.
struct OpsRig
{
    SimulatorOptions options;
    std::unique_ptr<SimulatorServer> server;
    HttpPipeline pipeline;
    StaticTokenProvider tokens { QStringLiteral("any") };
    std::unique_ptr<KustoClient> client;
    std::unique_ptr<KustoOperationBackend> backend;
    OperationModel model;
    std::unique_ptr<OperationMonitor> monitor;
    QStringList errors;
    int failedRefreshes = 0;
    int goodRefreshes = 0;

    bool start(quint16 port = 0)
    {
        options.requireAuth = false;
        options.engine.blobsPerSecond = 2;
        options.engine.processingMs = 1000;
        options.tickMs = 100;
        options.port = port;
        server = std::make_unique<SimulatorServer>(options);
        return server->start() != 0;
    }
    void build()
    {
        pipeline.setRetryPolicy(quickPolicy());
        client = std::make_unique<KustoClient>(&pipeline, server->baseUrl(), &tokens);
        client->setTimeout(ms(kClientTimeoutMs));
        backend = std::make_unique<KustoOperationBackend>(client.get(), &pipeline);
        monitor = std::make_unique<OperationMonitor>(&model, backend.get(), nullptr, nullptr);
        monitor->setInterval(0);
        QObject::connect(monitor.get(), &OperationMonitor::errorOccurred,
                         [this](const Error &e, const QString &context) {
                             errors << context + QStringLiteral(": ") + e.toString();
                         });
        QObject::connect(monitor.get(), &OperationMonitor::refreshed,
                         [this](const QDateTime &, bool ok) { ++(ok ? goodRefreshes : failedRefreshes); });
    }
    // One refresh cycle, as the poll timer runs it; returns its ok.
    std::optional<bool> cycle()
    {
        if (!QTest::qWaitFor([this] { return !monitor->isRefreshing(); }, 30000))
            return std::nullopt;
        QSignalSpy refreshed(monitor.get(), &OperationMonitor::refreshed);
        monitor->refresh();
        if (!refreshed.wait(30000))
            return std::nullopt;
        return refreshed.last().at(1).toBool();
    }
};

struct StorageOnce
{
    AzuriteProcess azurite { AzuriteProcess::Services(AzuriteProcess::Table) | AzuriteProcess::Queue };
    std::unique_ptr<FaultProxy> tableProxy;
    std::unique_ptr<FaultProxy> queueProxy;
};

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    StorageOnce m_storage;
    HttpPipeline *m_direct = nullptr; // setup and checks, not through the proxies
    TableClient *m_tables = nullptr;
    QueueClient *m_queues = nullptr;
    QTemporaryDir m_dir;

    bool waitStatus(const std::function<void(std::function<void(Status)>)> &call)
    {
        std::optional<Status> result;
        call([&result](Status s) { result.emplace(std::move(s)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
        return result && *result;
    }

    // The account's connection string with the table and queue endpoints behind the proxies.
    QString proxiedConnectionString() const
    {
        return QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;"
                              "TableEndpoint=%3;QueueEndpoint=%4")
            .arg(AzuriteProcess::accountName(), AzuriteProcess::accountKey(),
                 m_storage.tableProxy->url(QStringLiteral("/devstoreaccount1")).toString(),
                 m_storage.queueProxy->url(QStringLiteral("/devstoreaccount1")).toString());
    }

    StorageServiceConfig proxiedConfig(bool table) const
    {
        auto cs = ConnectionString::parse(proxiedConnectionString());
        auto cfg = table ? StorageServiceConfig::tableFromConnectionString(cs.value())
                         : StorageServiceConfig::queueFromConnectionString(cs.value());
        StorageServiceConfig c = cfg.value();
        c.timeout = ms(kClientTimeoutMs);
        return c;
    }

    void faultOn(FaultProxy &proxy, const QString &kind)
    {
        if (kind == QLatin1String("gone"))
            proxy.goAway();
        else
            proxy.setFaultRate(1.0, proxyFault(kind));
    }
    void faultOff(FaultProxy &proxy)
    {
        proxy.clearFaults();
        QVERIFY(proxy.comeBack());
    }

    IngestionNotification failure(const QString &sourceId)
    {
        IngestionNotification n;
        n.kind = IngestionNotification::Kind::Failure;
        n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.database = QStringLiteral("db");
        n.table = QStringLiteral("logs");
        n.failedOn = QDateTime::currentDateTimeUtc();
        n.ingestionSourceId = sourceId;
        n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/%1.csv").arg(sourceId);
        n.errorCode = QStringLiteral("Download_SourceNotFound");
        n.failureStatus = FailureStatus::Permanent;
        return n;
    }
    bool post(const QString &queue, const QStringList &sourceIds)
    {
        int answered = 0;
        int good = 0;
        for (const QString &id : sourceIds)
            m_queues->putMessage(queue, QString::fromLatin1(toNotificationJson(failure(id)).toBase64()), this,
                                 [&](Result<QueueMessage> r) {
                                     ++answered;
                                     good += r ? 1 : 0;
                                 });
        (void)QTest::qWaitFor([&] { return answered == sourceIds.size(); }, 30000);
        return good == sourceIds.size();
    }
    qint64 queueCount(const QString &queue)
    {
        std::optional<qint64> c;
        m_queues->approximateMessageCount(queue, this, [&c](Result<qint64> r) { c = r ? r.value() : -1; });
        (void)QTest::qWaitFor([&] { return c.has_value(); }, 10000);
        return c.value_or(-2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_storage.azurite.start(), qPrintable(m_storage.azurite.errorString()));
        m_storage.tableProxy
            = std::make_unique<FaultProxy>(QHostAddress::LocalHost, quint16(m_storage.azurite.tablePort()));
        m_storage.queueProxy
            = std::make_unique<FaultProxy>(QHostAddress::LocalHost, quint16(m_storage.azurite.queuePort()));
        QVERIFY(m_storage.tableProxy->start());
        QVERIFY(m_storage.queueProxy->start());

        auto cs = ConnectionString::parse(m_storage.azurite.connectionString());
        QVERIFY(cs);
        m_direct = new HttpPipeline(this);
        m_tables = new TableClient(m_direct,
                                   StorageServiceConfig::tableFromConnectionString(cs.value()).value(), this);
        m_queues = new QueueClient(m_direct,
                                   StorageServiceConfig::queueFromConnectionString(cs.value()).value(), this);
        QVERIFY(waitStatus([this](auto cb) { m_tables->createTable(kTable, true, this, cb); }));
        QList<TableEntity> batch;
        for (int i = 0; i < kStatusRows; ++i) {
            IngestionStatus s;
            s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.partitionKey = QStringLiteral("part-0");
            s.rowKey = s.ingestionSourceId;
            s.status = i % 5 == 0 ? OperationStatus::Failed : OperationStatus::Pending;
            s.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/file-%1.csv").arg(i);
            s.database = QStringLiteral("db");
            s.table = QStringLiteral("t");
            s.updatedOn = QDateTime::currentDateTimeUtc();
            s.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.activityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            batch << TableEntityStatus::fromIngestionStatus(s);
        }
        QVERIFY(waitStatus([&](auto cb) { m_tables->submitBatch(kTable, batch, true, this, cb); }));
        for (const QString &q : { kPeekQueue, kConsumeQueue })
            QVERIFY(waitStatus([&](auto cb) { m_queues->createQueue(q, this, cb); }));
        QStringList ids;
        for (int i = 0; i < kPeekMessages; ++i)
            ids << QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(post(kPeekQueue, ids));
    }

    void operationMonitorUnderFaults_data() { addFaultRows(false); }
    void operationMonitorUnderFaults()
    {
        QFETCH(QString, kind);
        QFETCH(QString, names);
        OpsRig rig;
        QVERIFY(rig.start());
        rig.build();
        const QString id
            = rig.server->engine().submitOperation(QStringLiteral("db"), QStringLiteral("t"), blobUrls(400));
        rig.monitor->track({ id }, TrackSource::Pasted);
        QCOMPARE(rig.cycle(), std::optional<bool>(true));
        QVERIFY(rig.model.rowForId(id) >= 0);
        const QueuedOperation good = rig.model.operationAt(rig.model.rowForId(id));
        rig.errors.clear();

        // The fault: the refresh fails, says why, and the last good row stays as it was.
        const quint16 port = rig.server->port();
        if (kind == QLatin1String("gone"))
            rig.server.reset();
        else
            rig.server->faults().setConfig(simFault(kind));
        QCOMPARE(rig.cycle(), std::optional<bool>(false));
        QVERIFY(!rig.errors.isEmpty());
        const QString text = rig.errors.join(QLatin1Char('\n'));
        qInfo("%s: %s", qPrintable(kind), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(names, QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(text));
        QCOMPARE(rig.model.rowCount(), 1);
        const QueuedOperation kept = rig.model.operationAt(rig.model.rowForId(id));
        QCOMPARE(kept.discovered, good.discovered);
        QCOMPARE(kept.ingested + kept.failed + kept.pending, good.ingested + good.failed + good.pending);

        // The fault clears: recovery within kRecoveryCycles refreshes, nothing else done by anyone.
        if (kind == QLatin1String("gone")) {
            QVERIFY(rig.start(port)); // back on the same port (a fresh engine: the id is unknown there)
            // The poll timer alone brings it back (interval floor 5 s).
            rig.monitor->setInterval(OperationMonitor::kMinIntervalSecs);
            const int before = rig.goodRefreshes;
            QTRY_VERIFY_WITH_TIMEOUT(rig.goodRefreshes > before, (kRecoveryCycles + 1) * 5000 + 30000);
            QCOMPARE(rig.model.rowCount(), 1); // an id the endpoint does not know (yet) is not dropped
            return;
        }
        rig.server->faults().setConfig({});
        int cycles = 0;
        std::optional<bool> ok;
        while (cycles < kRecoveryCycles && ok != std::optional<bool>(true)) {
            ok = rig.cycle();
            ++cycles;
        }
        QCOMPARE(ok, std::optional<bool>(true));
        QVERIFY(rig.model.operationAt(rig.model.rowForId(id)).lastUpdatedOn.isValid());
        qInfo("%s: recovered after %d refresh(es)", qPrintable(kind), cycles);
    }

    void statusMonitorUnderFaults_data() { addFaultRows(true); }
    void statusMonitorUnderFaults()
    {
        QFETCH(QString, kind);
        QFETCH(QString, names);
        FaultProxy &proxy = *m_storage.tableProxy;
        IngestionStatusModel model;
        HttpPipeline pipeline;
        pipeline.setRetryPolicy(quickPolicy());
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        monitor.setTable(proxiedConfig(true), kTable);
        QStringList errors;
        connect(&monitor, &StatusMonitor::errorOccurred, this, [&errors](const Error &e, const QString &c) {
            errors << c + QStringLiteral(": ") + e.toString();
        });
        auto cycle = [&]() -> std::optional<bool> {
            if (!QTest::qWaitFor([&] { return !monitor.isRefreshing(); }, 30000))
                return std::nullopt;
            QSignalSpy refreshed(&monitor, &StatusMonitor::refreshed);
            monitor.refresh();
            if (!refreshed.wait(30000))
                return std::nullopt;
            return refreshed.last().at(1).toBool();
        };
        QCOMPARE(cycle(), std::optional<bool>(true));
        QCOMPARE(model.rowCount(), kStatusRows);
        QCOMPARE(model.count(OperationStatus::Failed), kStatusRows / 5);
        errors.clear();

        faultOn(proxy, kind);
        QCOMPARE(cycle(), std::optional<bool>(false));
        const QString text = errors.join(QLatin1Char('\n'));
        qInfo("%s: %s", qPrintable(kind), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(names, QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(text));
        QCOMPARE(model.rowCount(), kStatusRows);
        QCOMPARE(model.count(OperationStatus::Failed), kStatusRows / 5);

        faultOff(proxy);
        int cycles = 0;
        std::optional<bool> ok;
        while (cycles < kRecoveryCycles && ok != std::optional<bool>(true)) {
            if (kind == QLatin1String("slow"))
                QTest::qWait(kSlowMs); // the proxy still holds the slow request; let it go first
            ok = cycle();
            ++cycles;
        }
        QCOMPARE(ok, std::optional<bool>(true));
        QCOMPARE(model.rowCount(), kStatusRows);
        qInfo("%s: recovered after %d refresh(es)", qPrintable(kind), cycles);
    }

    void notificationMonitorUnderFaults_data() { addFaultRows(true); }
    void notificationMonitorUnderFaults()
    {
        QFETCH(QString, kind);
        QFETCH(QString, names);
        FaultProxy &proxy = *m_storage.queueProxy;
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        pipeline.setRetryPolicy(quickPolicy());
        NotificationMonitor monitor(&model, &groups, &pipeline, nullptr, nullptr);
        monitor.setInterval(0);
        monitor.setQueues(proxiedConfig(false), { kPeekQueue }, {});
        QStringList errors;
        connect(&monitor, &NotificationMonitor::errorOccurred, this,
                [&errors](const Error &e, const QString &c) {
                    errors << c + QStringLiteral(": ") + e.toString();
                });
        auto cycle = [&]() -> std::optional<bool> {
            if (!QTest::qWaitFor([&] { return !monitor.isRefreshing(); }, 30000))
                return std::nullopt;
            QSignalSpy refreshed(&monitor, &NotificationMonitor::refreshed);
            monitor.refresh();
            if (!refreshed.wait(30000))
                return std::nullopt;
            return refreshed.last().at(1).toBool();
        };
        QCOMPARE(cycle(), std::optional<bool>(true));
        QCOMPARE(model.rowCount(), kPeekMessages);
        QVERIFY(monitor.queues().value(0).lastError.isEmpty());
        errors.clear();

        faultOn(proxy, kind);
        QCOMPARE(cycle(), std::optional<bool>(false));
        const QString text = errors.join(QLatin1Char('\n'));
        qInfo("%s: %s", qPrintable(kind), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(names, QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(text));
        // The queue's tooltip line says it too.
        QVERIFY2(!monitor.queues().value(0).lastError.isEmpty(), "the queue state shows no error");
        QCOMPARE(model.rowCount(), kPeekMessages);

        faultOff(proxy);
        int cycles = 0;
        std::optional<bool> ok;
        while (cycles < kRecoveryCycles && ok != std::optional<bool>(true)) {
            if (kind == QLatin1String("slow"))
                QTest::qWait(kSlowMs);
            ok = cycle();
            ++cycles;
        }
        QCOMPARE(ok, std::optional<bool>(true));
        QVERIFY(monitor.queues().value(0).lastError.isEmpty());
        QCOMPARE(model.rowCount(), kPeekMessages);
        QCOMPARE(monitor.queues().value(0).approximateCount, qint64(kPeekMessages));
        qInfo("%s: recovered after %d refresh(es)", qPrintable(kind), cycles);
    }

    // The answer to a `.cancel` is lost after the simulator ran it (connection closed, cut short, or too
    // slow for the client): the simulator must have run it exactly once, and the next refresh shows it.
    void cancelIsNeverSentTwice_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("run, then connection closed") << QStringLiteral("drop-after");
        QTest::newRow("run, then truncated") << QStringLiteral("truncated");
        QTest::newRow("run, answer past the timeout") << QStringLiteral("slow");
        QTest::newRow("throttled first (429, not run)") << QStringLiteral("429-once");
    }
    void cancelIsNeverSentTwice()
    {
        QFETCH(QString, kind);
        OpsRig rig;
        QVERIFY(rig.start());
        rig.build();
        const QString id
            = rig.server->engine().submitOperation(QStringLiteral("db"), QStringLiteral("t"), blobUrls(400));
        rig.monitor->track({ id }, TrackSource::Pasted);
        QCOMPARE(rig.cycle(), std::optional<bool>(true));
        QVERIFY(rig.monitor->canCancel(id));

        FaultConfig f;
        if (kind == QLatin1String("drop-after"))
            f.dropAfterRate = 1;
        else if (kind == QLatin1String("truncated"))
            f.truncateRate = 1;
        else if (kind == QLatin1String("slow"))
            f.latencyMs = kSlowMs;
        else
            f.throttleRate = 1;
        rig.server->faults().setConfig(f);
        QSignalSpy failed(rig.monitor.get(), &OperationMonitor::cancelFailed);
        QSignalSpy succeeded(rig.monitor.get(), &OperationMonitor::cancelSucceeded);
        const quint64 sentBefore = rig.pipeline.requestsSent();
        QCOMPARE(rig.monitor->cancel({ id }), QStringList { id });
        QCOMPARE(rig.monitor->cancel({ id }), QStringList {}); // in flight: not again
        if (kind == QLatin1String("429-once")) {
            // Throttled answers are retried (the service did not run the command); then the fault clears.
            QTest::qWait(300);
            rig.server->faults().setConfig({});
            QTRY_VERIFY_WITH_TIMEOUT(succeeded.size() == 1, 20000);
            QCOMPARE(rig.server->mgmt().cancelCount(id), 1);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() + succeeded.size() >= 1, 20000);
        QTest::qWait(kSlowMs + 500); // anything the client might still send would have arrived
        rig.server->faults().setConfig({});
        qInfo("%s: the pipeline sent %llu attempt(s); the simulator ran %d cancel(s)", qPrintable(kind),
              rig.pipeline.requestsSent() - sentBefore, rig.server->mgmt().cancelCount(id));
        QCOMPARE(rig.pipeline.requestsSent() - sentBefore, quint64(1)); // our side: never retried
        QCOMPARE(rig.server->mgmt().cancelCount(id), 1);
        QCOMPARE(failed.size(), 1);

        // The next refresh shows what happened; no cancel is offered again, none is sent.
        rig.errors.clear();
        const std::optional<bool> refreshed = rig.cycle();
        QVERIFY2(refreshed == std::optional<bool>(true), qPrintable(rig.errors.join(QLatin1Char('\n'))));
        QCOMPARE(int(rig.model.operationAt(rig.model.rowForId(id)).state), int(OperationState::Canceled));
        QVERIFY(!rig.monitor->canCancel(id));
        QCOMPARE(rig.monitor->cancel({ id }), QStringList {});
        QCOMPARE(rig.server->mgmt().cancelCount(id), 1);
    }

    // Consume under every storage fault in turn: each posted failure ends in the archive exactly once and
    // the queue ends empty once the faults clear.
    void consumeUnderFaultsLosesNothing()
    {
        constexpr int kMessages = 80;
        QStringList posted;
        for (int i = 0; i < kMessages; ++i)
            posted << QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(post(kConsumeQueue, posted));

        FaultProxy &proxy = *m_storage.queueProxy;
        const QString archive = m_dir.filePath(QStringLiteral("consume.sqlite"));
        {
            NotificationModel model;
            FailureGroupModel groups;
            HttpPipeline pipeline;
            pipeline.setRetryPolicy(quickPolicy());
            ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("faults"), archive));
            NotificationMonitor monitor(&model, &groups, &pipeline, &writer, nullptr);
            monitor.setInterval(0);
            monitor.setVisibilityTimeout(2);
            monitor.setConsumeBound(20, ms(10000)); // several rounds per refresh: faults hit every step
            monitor.setQueues(proxiedConfig(false), { kConsumeQueue }, {});
            monitor.setMode(NotificationMonitor::Mode::Consume);
            QCOMPARE(int(monitor.mode()), int(NotificationMonitor::Mode::Consume));
            auto cycle = [&] {
                (void)QTest::qWaitFor([&] { return !monitor.isRefreshing(); }, 30000);
                QSignalSpy refreshed(&monitor, &NotificationMonitor::refreshed);
                monitor.refresh();
                (void)refreshed.wait(30000);
            };
            const QStringList kinds { QStringLiteral("reset"),     QStringLiteral("truncated"),
                                      QStringLiteral("503"),       QStringLiteral("429"),
                                      QStringLiteral("malformed"), QStringLiteral("slow") };
            for (const QString &kind : kinds) {
                proxy.setFaultRate(0.4, proxyFault(kind));
                for (int i = 0; i < 2; ++i)
                    cycle();
            }
            proxy.goAway();
            cycle();
            faultOff(proxy);
            // Faults off: the monitor empties the queue by itself (hidden messages come back after 2 s).
            for (int i = 0; i < 30 && queueCount(kConsumeQueue) > 0; ++i) {
                cycle();
                QTest::qWait(500);
            }
            QCOMPARE(queueCount(kConsumeQueue), qint64(0));
            qInfo("consume under faults: %lld deleted after commit, %d faults injected on %d requests",
                  monitor.consumedCount(), proxy.faultsInjected(), proxy.requestsSeen());
        }
        QHash<QString, int> rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("faults"));
            db.setDatabaseName(archive);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT ingestion_source_id FROM notifications")));
            while (q.next())
                ++rows[q.value(0).toString()];
        }
        QSqlDatabase::removeDatabase(QStringLiteral("faults"));
        for (const QString &id : posted)
            QCOMPARE(rows.value(id), 1);
        QCOMPARE(rows.size(), kMessages);
    }

    // The backend deletes the message but the answer is lost; the retried delete finds nothing (404
    // MessageNotFound). That is a consumed message, not an error.
    void aDeleteWhoseAnswerWasLostCountsAsConsumed()
    {
        constexpr int kMessages = 10;
        QStringList posted;
        for (int i = 0; i < kMessages; ++i)
            posted << QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(post(kConsumeQueue, posted));

        FaultProxy &proxy = *m_storage.queueProxy;
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        pipeline.setRetryPolicy(quickPolicy());
        ArchiveWriter writer(
            ArchiveConfig::sqlite(QStringLiteral("lost"), m_dir.filePath(QStringLiteral("lost.sqlite"))));
        NotificationMonitor monitor(&model, &groups, &pipeline, &writer, nullptr);
        monitor.setInterval(0);
        monitor.setQueues(proxiedConfig(false), { kConsumeQueue }, {});
        monitor.setMode(NotificationMonitor::Mode::Consume);
        QSignalSpy errors(&monitor, &NotificationMonitor::errorOccurred);
        const int faultsBefore = proxy.faultsInjected();
        proxy.setOnlyMethod("DELETE");
        proxy.failNext(3, FaultProxy::Fault::loseAnswer());
        QSignalSpy refreshed(&monitor, &NotificationMonitor::refreshed);
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        const int lost = proxy.faultsInjected() - faultsBefore;
        faultOff(proxy);
        QCOMPARE(lost, 3);
        QCOMPARE(queueCount(kConsumeQueue), qint64(0));
        QCOMPARE(monitor.consumedCount(), qint64(kMessages));
        QCOMPARE(errors.count(), 0);
    }

    // The pane: MainWindow offscreen on a Session against the in-process simulator.
    void operationsPaneShowsTheErrorAndClearsIt()
    {
        SimulatorOptions o;
        o.requireAuth = false;
        o.engine.blobsPerSecond = 2;
        SimulatorServer server(o);
        QVERIFY(server.start() != 0);
        const QString id
            = server.engine().submitOperation(QStringLiteral("db"), QStringLiteral("t"), blobUrls(300));
        Session::Options options;
        options.archivePath = m_dir.filePath(QStringLiteral("pane.sqlite"));
        options.staticToken = QStringLiteral("any");
        options.intervalSecs = 0;
        Session session(ProfileStore::localProfile(server.baseUrl()), std::move(options));
        QVERIFY(session.operationBackend());
        session.pipeline()->setRetryPolicy(quickPolicy());
        MainWindow window;
        window.setSession(&session);
        window.setRefreshInterval(0);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        OperationMonitor *monitor = session.operationMonitor();
        monitor->track({ id }, TrackSource::Pasted);
        QTRY_VERIFY_WITH_TIMEOUT(session.operationModel()->rowForId(id) >= 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->isRefreshing(), 20000);

        auto errorNotice = [&window]() -> QLabel * {
            for (QLabel *l : window.operationsPane()->findChildren<QLabel *>()) {
                if (l->isVisible() && l->property("error").toBool())
                    return l;
            }
            return nullptr;
        };
        QVERIFY(!errorNotice());
        FaultConfig f;
        f.throttleRate = 1;
        f.retryAfterSeconds = 1;
        server.faults().setConfig(f);
        monitor->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(errorNotice() != nullptr, 30000);
        const QString shown = errorNotice()->text();
        qInfo("pane shows: %s", qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression(QStringLiteral("429|throttl"),
                                                   QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(shown));
        QCOMPARE(session.operationModel()->rowCount(), 1);

        server.faults().setConfig({});
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->isRefreshing(), 30000);
        monitor->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(errorNotice() == nullptr, 30000);
    }
};

QTEST_MAIN(TestFaults)
#include "TestFaults.moc"
