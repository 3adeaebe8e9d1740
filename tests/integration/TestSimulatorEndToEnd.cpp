// End to end: the ingestwatch-sim binary (a separate process) on top of a real Azurite (table, queue,
// blob), driven only over the wire: our KustoClient against the simulator, our TableClient/QueueClient
// against Azurite with the SAS URIs the simulator hands out in `.get ingestion resources`.
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/QueueClient.h"
#include "azure/StorageCredential.h"
#include "azure/TableClient.h"
#include "azure/TokenProvider.h"
#include "core/NotificationParser.h"
#include "core/StorageUri.h"

#include "AzuriteProcess.h"
#include "SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace iw;
using iw::test::AzuriteProcess;
using iw::test::SimulatorProcess;

namespace {

template<typename T>
struct Wait
{
    std::optional<Result<T>> result;
    std::function<void(Result<T>)> cb()
    {
        return [this](Result<T> r) {
            result.emplace(std::move(r));
        };
    }
    bool wait(int ms = 20000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, ms);
    }
    const Result<T> &operator*() const { return *result; }
    const Result<T> *operator->() const { return &*result; }
};

// For QVERIFY2 messages, which are evaluated even when the check passes.
template<typename R>
QString why(const R &r)
{
    return r.ok() ? QString() : r.error().toString();
}

} // namespace

class TestSimulatorEndToEnd : public QObject
{
    Q_OBJECT

    std::unique_ptr<AzuriteProcess> m_azurite;
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<HttpPipeline> m_pipeline;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<KustoClient> m_kusto;
    QHash<QString, QString> m_resources; // ResourceTypeName -> SAS URI

    // (Re)starts the simulator against the one Azurite of this test, then reads its resources.
    bool startSimulator(const QStringList &extra)
    {
        m_kusto.reset();
        m_tokens.reset();
        m_sim = std::make_unique<SimulatorProcess>();
        QStringList args { QStringLiteral("--storage"), m_azurite->connectionString(),
                           QStringLiteral("--print-token") };
        args << extra;
        if (!m_sim->start(args)) {
            qWarning("%s", qPrintable(m_sim->errorString()));
            return false;
        }
        m_tokens = std::make_unique<StaticTokenProvider>(m_sim->token());
        m_kusto = std::make_unique<KustoClient>(m_pipeline.get(), m_sim->url(), m_tokens.get());
        Wait<QList<IngestionResource>> res;
        m_kusto->getIngestionResources(this, res.cb());
        if (!res.wait() || !(*res).ok()) {
            qWarning("resources: %s", res.result ? qPrintable(why(*res)) : "timeout");
            return false;
        }
        m_resources.clear();
        for (const IngestionResource &r : (*res).value())
            m_resources.insert(r.resourceTypeName, r.storageRoot);
        return true;
    }

    StorageUri uri(const QString &type) const { return StorageUri::parse(m_resources.value(type)).value(); }

    std::unique_ptr<QueueClient> queueClient(const StorageUri &u)
    {
        return std::make_unique<QueueClient>(m_pipeline.get(), StorageServiceConfig::fromStorageUri(u));
    }
    std::unique_ptr<TableClient> tableClient(const StorageUri &u)
    {
        return std::make_unique<TableClient>(m_pipeline.get(), StorageServiceConfig::fromStorageUri(u));
    }

    // A raw blob request with the container SAS (no client of ours uploads blobs).
    int blobRequest(const QByteArray &verb, const StorageUri &container, const QString &blob,
                    const QByteArray &body, QByteArray *received = nullptr)
    {
        QUrl url(container.resourceUrl().toString() + QLatin1Char('/') + blob);
        url.setQuery(container.sasToken);
        QNetworkRequest req(url);
        req.setRawHeader("x-ms-version", "2021-12-02");
        req.setRawHeader("x-ms-blob-type", "BlockBlob");
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/csv"));
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.sendCustomRequest(req, verb, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            return -1;
        if (received)
            *received = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    // The message an SDK's queued client posts (Node's shape: PascalCase, nested camelCase), base64.
    QString sdkMessage(const QString &id, const QString &blobUrl) const
    {
        QJsonObject status { { QStringLiteral("tableConnectionString"),
                               m_resources.value(QStringLiteral("IngestionsStatusTable")) },
                             { QStringLiteral("partitionKey"), id },
                             { QStringLiteral("rowKey"), id } };
        QJsonObject additional { { QStringLiteral("authorizationContext"),
                                   QStringLiteral("sim-identity-token") },
                                 { QStringLiteral("format"), QStringLiteral("csv") } };
        QJsonObject o { { QStringLiteral("Id"), id },
                        { QStringLiteral("BlobPath"), blobUrl },
                        { QStringLiteral("RawDataSize"), 1024 },
                        { QStringLiteral("DatabaseName"), QStringLiteral("E2eDb") },
                        { QStringLiteral("TableName"), QStringLiteral("E2eTable") },
                        { QStringLiteral("RetainBlobOnSuccess"), true },
                        { QStringLiteral("FlushImmediately"), false },
                        { QStringLiteral("IgnoreSizeLimit"), false },
                        { QStringLiteral("ReportLevel"), 2 }, // FailuresAndSuccesses
                        { QStringLiteral("ReportMethod"), 2 }, // QueueAndTable
                        { QStringLiteral("SourceMessageCreationTime"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                        { QStringLiteral("AdditionalProperties"), additional },
                        { QStringLiteral("IngestionStatusInTable"), status },
                        { QStringLiteral("ApplicationForTracing"),
                          QStringLiteral("TestSimulatorEndToEnd") } };
        return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64());
    }

    // Posts one SDK-style message as a client does (initial Pending row, then the message) and waits
    // for the final row. Returns the final entity.
    std::optional<TableEntity> ingestOneMessage(const QString &id)
    {
        const StorageUri table = uri(QStringLiteral("IngestionsStatusTable"));
        const StorageUri ready = uri(QStringLiteral("SecuredReadyForAggregationQueue"));
        auto tables = tableClient(table);
        auto queue = queueClient(ready);
        const QString blobUrl = QStringLiteral("%1/e2e/%2.csv?%3")
                                    .arg(uri(QStringLiteral("TempStorage")).resourceUrl().toString(), id,
                                         uri(QStringLiteral("TempStorage")).sasToken);
        TableEntity pending;
        pending.partitionKey = id;
        pending.rowKey = id;
        pending.set(QStringLiteral("Status"), QStringLiteral("Pending"));
        pending.set(QStringLiteral("IngestionSourceId"), id);
        pending.set(QStringLiteral("IngestionSourcePath"), blobUrl.section(QLatin1Char('?'), 0, 0));
        pending.set(QStringLiteral("Database"), QStringLiteral("E2eDb"));
        pending.set(QStringLiteral("Table"), QStringLiteral("E2eTable"));
        Wait<TableEntity> inserted;
        tables->insertEntity(table.resourceName, pending, this, inserted.cb());
        if (!inserted.wait() || !(*inserted).ok()) {
            qWarning("pending row: %s", inserted.result ? qPrintable(why(*inserted)) : "timeout");
            return std::nullopt;
        }
        Wait<QueueMessage> put;
        queue->putMessage(ready.resourceName, sdkMessage(id, blobUrl), this, put.cb());
        if (!put.wait() || !(*put).ok()) {
            qWarning("put: %s", put.result ? qPrintable(why(*put)) : "timeout");
            return std::nullopt;
        }
        // Poll the row with the SAS, as the SDKs do (point read).
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            Wait<TableEntity> row;
            tables->getEntity(table.resourceName, id, id, this, row.cb());
            if (row.wait() && (*row).ok() && (*row)->value(u"Status").toString() != QLatin1String("Pending"))
                return (*row).value();
            QTest::qWait(200);
        }
        qWarning("status row %s stayed Pending", qPrintable(id));
        return std::nullopt;
    }

    // Peeks the report queue with its SAS until a notification for sourceId is there.
    std::optional<IngestionNotification>
    findNotification(const QString &type, IngestionNotification::Kind kind, const QString &sourceId)
    {
        const StorageUri q = uri(type);
        auto client = queueClient(q);
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            Wait<QList<QueueMessage>> peek;
            client->peekMessages(q.resourceName, 32, this, peek.cb());
            if (peek.wait() && (*peek).ok()) {
                for (const QueueMessage &m : (*peek).value()) {
                    IngestionNotification n = parseNotificationMessage(m.messageText, kind);
                    if (n.ingestionSourceId == sourceId)
                        return n;
                }
            }
            QTest::qWait(200);
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (SimulatorProcess::binary().isEmpty())
            QFAIL("ingestwatch-sim not found (IW_SIM_BIN)");
        m_azurite = std::make_unique<AzuriteProcess>(AzuriteProcess::Services(AzuriteProcess::Table)
                                                     | AzuriteProcess::Queue | AzuriteProcess::Blob);
        if (!m_azurite->start())
            QFAIL(qPrintable(m_azurite->errorString()));
        m_pipeline = std::make_unique<HttpPipeline>();
        m_pipeline->setAllowInsecureHttp(true);
        RetryPolicy p;
        p.baseDelay = std::chrono::milliseconds(50);
        p.maxDelay = std::chrono::milliseconds(300);
        m_pipeline->setRetryPolicy(p);
    }

    void cleanupTestCase()
    {
        m_kusto.reset();
        m_tokens.reset();
        m_sim.reset(); // SIGTERM to the simulator we started
        m_pipeline.reset();
        m_azurite.reset(); // and to Azurite
    }

    // Every SAS URI of `.get ingestion resources` works against Azurite with our own clients; a
    // tampered signature does not (Azurite checks it): the tokens are really signed with the key.
    void resourcesAreWorkingSasUris()
    {
        QVERIFY(startSimulator({ QStringLiteral("--failure-rate"), QStringLiteral("0") }));
        QCOMPARE(m_resources.size(), 5);
        for (const char *type : { "SecuredReadyForAggregationQueue", "FailedIngestionsQueue",
                                  "SuccessfulIngestionsQueue", "TempStorage", "IngestionsStatusTable" }) {
            const QString t = QString::fromLatin1(type);
            QVERIFY2(m_resources.contains(t), type);
            const QString raw = m_resources.value(t);
            QVERIFY2(raw.contains(QStringLiteral("sig=")), type);
            QVERIFY2(raw.startsWith(QStringLiteral("http://127.0.0.1:")), type);
        }

        // Report queues (sp=rp): peek works.
        for (const char *type : { "FailedIngestionsQueue", "SuccessfulIngestionsQueue" }) {
            const StorageUri u = uri(QString::fromLatin1(type));
            auto q = queueClient(u);
            Wait<QList<QueueMessage>> peek;
            q->peekMessages(u.resourceName, 32, this, peek.cb());
            QVERIFY(peek.wait());
            QVERIFY2((*peek).ok(), qPrintable(why(*peek)));
        }

        // Ready queue (sp=raup): count (r) and add (a) work. The simulator consumes what we add; a
        // message that is no ingestion message is dropped there.
        {
            const StorageUri u = uri(QStringLiteral("SecuredReadyForAggregationQueue"));
            QCOMPARE(u.resourceName, QStringLiteral("readyforaggregation-secured"));
            auto q = queueClient(u);
            Wait<qint64> count;
            q->approximateMessageCount(u.resourceName, this, count.cb());
            QVERIFY(count.wait());
            QVERIFY2((*count).ok(), qPrintable(why(*count)));
            Wait<QueueMessage> put;
            q->putMessage(u.resourceName, QStringLiteral("bm90IGEgbWVzc2FnZQ=="), this, put.cb());
            QVERIFY(put.wait());
            QVERIFY2((*put).ok(), qPrintable(why(*put)));

            // Tampered signature: 403 from Azurite.
            StorageUri bad = u;
            const qsizetype at = bad.sasToken.indexOf(QStringLiteral("sig=")) + 4;
            bad.sasToken.replace(at, 4, QStringLiteral("AAAA"));
            auto badClient = queueClient(bad);
            Wait<QueueMessage> denied;
            badClient->putMessage(bad.resourceName, QStringLiteral("eA=="), this, denied.cb());
            QVERIFY(denied.wait());
            QVERIFY(!(*denied).ok());
            QCOMPARE((*denied).error().httpStatus, 403);
        }

        // Status table (sp=raud): insert, point read, query, delete.
        {
            const StorageUri u = uri(QStringLiteral("IngestionsStatusTable"));
            QCOMPARE(u.resourceName, QStringLiteral("ingestionsstatus"));
            auto t = tableClient(u);
            TableEntity e;
            e.partitionKey = QStringLiteral("sas-check");
            e.rowKey = QStringLiteral("1");
            e.set(QStringLiteral("Status"), QStringLiteral("Pending"));
            Wait<TableEntity> ins;
            t->insertEntity(u.resourceName, e, this, ins.cb());
            QVERIFY(ins.wait());
            QVERIFY2((*ins).ok(), qPrintable(why(*ins)));
            Wait<TableEntity> get;
            t->getEntity(u.resourceName, e.partitionKey, e.rowKey, this, get.cb());
            QVERIFY(get.wait());
            QVERIFY2((*get).ok(), qPrintable(why(*get)));
            QCOMPARE((*get)->value(u"Status").toString(), QStringLiteral("Pending"));
            Wait<QList<TableEntity>> all;
            TableQuery query;
            query.filter = QStringLiteral("PartitionKey eq 'sas-check'");
            t->queryAll(u.resourceName, query, this, all.cb());
            QVERIFY(all.wait());
            QVERIFY2((*all).ok(), qPrintable(why(*all)));
            QCOMPARE((*all)->size(), 1);
            Wait<Unit> del;
            t->deleteEntity(u.resourceName, e.partitionKey, e.rowKey, QStringLiteral("*"), this,
                            [&del](Status s) { del.result.emplace(std::move(s)); });
            QVERIFY(del.wait());
            QVERIFY((*del).ok());
        }

        // TempStorage (container SAS, sp=rwdl): upload a blob and read it back.
        {
            const StorageUri u = uri(QStringLiteral("TempStorage"));
            QCOMPARE(u.resourceName, QStringLiteral("tempstorage"));
            QCOMPARE(blobRequest("PUT", u, QStringLiteral("sas-check.csv"), "a,b\n1,2\n"), 201);
            QByteArray body;
            QCOMPARE(blobRequest("GET", u, QStringLiteral("sas-check.csv"), {}, &body), 200);
            QCOMPARE(body, QByteArray("a,b\n1,2\n"));
        }
    }

    // submit -> counts progress -> cancel -> State Canceled, counts consistent and stable.
    void submitProgressCancel()
    {
        QVERIFY(
            startSimulator({ QStringLiteral("--rate"), QStringLiteral("6"), QStringLiteral("--processing-ms"),
                             QStringLiteral("500"), QStringLiteral("--failure-rate"), QStringLiteral("0.3"),
                             QStringLiteral("--max-retries"), QStringLiteral("0"), QStringLiteral("--seed"),
                             QStringLiteral("11") }));
        const int n = 60;
        QStringList urls;
        for (int i = 0; i < n; ++i)
            urls << QStringLiteral("https://e2e.blob.core.windows.net/c/part-%1.csv?sv=2021-12-02&sig=x")
                        .arg(i);
        Wait<QueuedIngestionSubmission> sub;
        m_kusto->ingestFromStorageQueued(QStringLiteral("E2eDb"), QStringLiteral("Events"), urls,
                                         { { QStringLiteral("format"), QStringLiteral("csv") } }, this,
                                         sub.cb());
        QVERIFY(sub.wait());
        QVERIFY2((*sub).ok(), qPrintable(why(*sub)));
        const QString id = (*sub)->ingestionOperationId;
        QCOMPARE(id.count(QLatin1Char(';')), 2);

        auto show = [&]() -> std::optional<QueuedOperation> {
            Wait<QList<QueuedOperation>> s;
            m_kusto->showOperations({ id }, this, s.cb());
            if (!s.wait() || !(*s).ok() || (*s)->size() != 1)
                return std::nullopt;
            return (*s)->first();
        };

        // Progress: Discovered stays N, Pending goes down, Ingested+Failed goes up.
        std::optional<QueuedOperation> prev = show();
        QVERIFY(prev);
        QCOMPARE(prev->discovered, qint64(n));
        QCOMPARE(toString(prev->state), QStringLiteral("InProgress"));
        int polls = 0;
        while (prev->ingested + prev->failed < 8 && polls++ < 100) {
            QTest::qWait(150);
            const auto cur = show();
            QVERIFY(cur);
            QCOMPARE(cur->discovered, qint64(n));
            QVERIFY(cur->pending <= prev->pending);
            QVERIFY(cur->ingested >= prev->ingested);
            QVERIFY(cur->failed >= prev->failed);
            QCOMPARE(cur->pending + cur->ingested + cur->failed + cur->canceled, qint64(n));
            prev = cur;
        }
        QVERIFY(prev->ingested + prev->failed >= 8);
        QVERIFY(prev->pending > 0);
        QCOMPARE(toString(prev->state), QStringLiteral("InProgress"));

        // Cancel: State Canceled at once; queued blobs are counted Canceled.
        Wait<QueuedOperation> cancel;
        m_kusto->cancelOperation(id, this, cancel.cb());
        QVERIFY(cancel.wait());
        QVERIFY2((*cancel).ok(), qPrintable(why(*cancel)));
        const QueuedOperation c = (*cancel).value();
        QCOMPARE(c.ingestionOperationId, id);
        QCOMPARE(toString(c.state), QStringLiteral("Canceled"));
        QCOMPARE(c.discovered, qint64(n));
        QVERIFY(c.canceled > 0);
        QCOMPARE(c.pending + c.ingested + c.failed + c.canceled, qint64(n));

        // In-flight blobs finish; then nothing moves any more.
        QTRY_VERIFY_WITH_TIMEOUT(show() && show()->pending == 0, 10000);
        const auto settled = show();
        QVERIFY(settled);
        QCOMPARE(toString(settled->state), QStringLiteral("Canceled"));
        QCOMPARE(settled->canceled, c.canceled);
        QCOMPARE(settled->ingested + settled->failed + settled->canceled, qint64(n));
        QVERIFY(settled->ingested + settled->failed >= c.ingested + c.failed);
        if (settled->failed > 0)
            QVERIFY(!settled->sampleFailedReasons.isEmpty());
        QTest::qWait(1200);
        const auto later = show();
        QVERIFY(later);
        QCOMPARE(later->pending, settled->pending);
        QCOMPARE(later->canceled, settled->canceled);
        QCOMPARE(later->ingested, settled->ingested);
        QCOMPARE(later->failed, settled->failed);
        QCOMPARE(toString(later->state), QStringLiteral("Canceled"));

        // Details agree with the counts, blob by blob.
        Wait<QList<BlobDetail>> details;
        m_kusto->showOperationDetails(id, this, details.cb());
        QVERIFY(details.wait());
        QVERIFY((*details).ok());
        QCOMPARE((*details)->size(), n);
        QHash<QString, qint64> byStatus;
        for (const BlobDetail &d : (*details).value())
            ++byStatus[d.ingestionStatus];
        QCOMPARE(byStatus.value(QStringLiteral("Succeeded")), later->ingested);
        QCOMPARE(byStatus.value(QStringLiteral("Failed")), later->failed);
        QCOMPARE(byStatus.value(QStringLiteral("Canceled")), later->canceled);

        // A second cancel of a finished operation changes nothing.
        Wait<QueuedOperation> again;
        m_kusto->cancelOperation(id, this, again.cb());
        QVERIFY(again.wait());
        QVERIFY((*again).ok());
        QCOMPARE((*again)->canceled, later->canceled);
    }

    // An SDK-style message (base64 JSON, FailuresAndSuccesses, QueueAndTable, IngestionStatusInTable)
    // posted with the ready-queue SAS: the row it names becomes Succeeded with the service's fields, and a
    // success notification appears in the successful-ingestions queue.
    void sdkMessageSucceeds()
    {
        QVERIFY(startSimulator({ QStringLiteral("--failure-rate"), QStringLiteral("0"),
                                 QStringLiteral("--processing-ms"), QStringLiteral("200") }));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto row = ingestOneMessage(id);
        QVERIFY(row);
        QCOMPARE(row->value(u"Status").toString(), QStringLiteral("Succeeded"));
        QCOMPARE(row->value(u"IngestionSourceId").toString(), id);
        QVERIFY(row->value(u"IngestionSourcePath")
                    .toString()
                    .endsWith(QStringLiteral("/tempstorage/e2e/%1.csv").arg(id)));
        QVERIFY(!row->value(u"IngestionSourcePath").toString().contains(QLatin1Char('?'))); // no SAS
        QCOMPARE(row->value(u"Database").toString(), QStringLiteral("E2eDb"));
        QCOMPARE(row->value(u"Table").toString(), QStringLiteral("E2eTable"));
        QVERIFY(!QUuid::fromString(row->value(u"OperationId").toString()).isNull());
        QVERIFY(!QUuid::fromString(row->value(u"ActivityId").toString()).isNull());
        QVERIFY(row->value(u"UpdatedOn").toDateTime().isValid());
        QVERIFY(row->property(u"ErrorCode"));
        QVERIFY(row->property(u"FailureStatus"));
        QVERIFY(row->property(u"Details"));

        const auto n = findNotification(QStringLiteral("SuccessfulIngestionsQueue"),
                                        IngestionNotification::Kind::Success, id);
        QVERIFY(n);
        QCOMPARE(toString(n->kind), toString(IngestionNotification::Kind::Success));
        QVERIFY(n->parseError.isEmpty());
        QCOMPARE(n->database, QStringLiteral("E2eDb"));
        QCOMPARE(n->table, QStringLiteral("E2eTable"));
        QCOMPARE(n->operationId, row->value(u"OperationId").toString());
        QCOMPARE(n->rootActivityId, row->value(u"ActivityId").toString());
        QCOMPARE(n->ingestionSourcePath, row->value(u"IngestionSourcePath").toString());
        QVERIFY(n->succeededOn.isValid());
    }

    // The same with every blob failing: Failed row with ErrorCode/FailureStatus/Details, and a failure
    // notification with the service's failure fields.
    void sdkMessageFails()
    {
        QVERIFY(startSimulator({ QStringLiteral("--failure-rate"), QStringLiteral("1"),
                                 QStringLiteral("--max-retries"), QStringLiteral("0"),
                                 QStringLiteral("--processing-ms"), QStringLiteral("200"),
                                 QStringLiteral("--seed"), QStringLiteral("5") }));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto row = ingestOneMessage(id);
        QVERIFY(row);
        QCOMPARE(row->value(u"Status").toString(), QStringLiteral("Failed"));
        const QString errorCode = row->value(u"ErrorCode").toString();
        QVERIFY(!errorCode.isEmpty());
        QVERIFY(errorCode != QLatin1String("Unknown"));
        const QString failureStatus = row->value(u"FailureStatus").toString();
        QVERIFY2(failureStatus == QLatin1String("Permanent") || failureStatus == QLatin1String("Transient"),
                 qPrintable(failureStatus));
        QVERIFY(!row->value(u"Details").toString().isEmpty());
        QVERIFY(!QUuid::fromString(row->value(u"OperationId").toString()).isNull());
        QVERIFY(row->value(u"UpdatedOn").toDateTime().isValid());

        const auto n = findNotification(QStringLiteral("FailedIngestionsQueue"),
                                        IngestionNotification::Kind::Failure, id);
        QVERIFY(n);
        QCOMPARE(toString(n->kind), toString(IngestionNotification::Kind::Failure));
        QVERIFY(n->parseError.isEmpty());
        QCOMPARE(n->errorCode, errorCode);
        QCOMPARE(toString(n->failureStatus), failureStatus);
        QCOMPARE(n->details, row->value(u"Details").toString());
        QCOMPARE(n->operationId, row->value(u"OperationId").toString());
        QCOMPARE(n->database, QStringLiteral("E2eDb"));
        QVERIFY(n->failedOn.isValid());
        QCOMPARE(n->shouldRetry, failureStatus == QLatin1String("Transient"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorEndToEnd)
#include "TestSimulatorEndToEnd.moc"
