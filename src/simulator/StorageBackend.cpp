#include "simulator/StorageBackend.h"

#include "core/DateTimeText.h"
#include "core/NotificationParser.h"
#include "core/Redaction.h"
#include "core/StorageUri.h"

#include <QUuid>

#include <memory>

namespace iw {

StorageBackend::StorageBackend(const ConnectionString &cs, IngestionEngine *engine, QObject *parent)
    : QObject(parent), m_cs(cs), m_engine(engine)
{
    m_pipeline.setAllowInsecureHttp(true);
    if (auto q = StorageServiceConfig::queueFromConnectionString(cs))
        m_queues = std::make_unique<QueueClient>(&m_pipeline, q.value());
    if (auto t = StorageServiceConfig::tableFromConnectionString(cs))
        m_tables = std::make_unique<TableClient>(&m_pipeline, t.value());
    if (auto b = StorageServiceConfig::blobFromConnectionString(cs))
        m_blobs = std::make_unique<BlobClient>(&m_pipeline, b.value());
    if (cs.hasSharedKey())
        m_sas
            = std::make_unique<SasBuilder>(cs.accountName, QByteArray::fromBase64(cs.accountKey.toLatin1()));
    connect(&m_poll, &QTimer::timeout, this, &StorageBackend::poll);
}

StorageBackend::~StorageBackend() = default;

void StorageBackend::setup(std::function<void(Status)> done, int pollMs)
{
    if (!m_queues || !m_tables || !m_sas) {
        done(Error::make(
            Error::Kind::Usage,
            QStringLiteral("The storage connection string needs an account key and queue and table "
                           "endpoints.")));
        return;
    }
    struct Join
    {
        int left = 0;
        std::optional<Error> error;
        std::function<void(Status)> done;
    };
    auto join = std::make_shared<Join>();
    join->done = [this, done, pollMs](Status s) {
        if (s.ok())
            m_poll.start(pollMs);
        done(s);
    };
    auto one = [join](Status s) {
        if (!s.ok() && !join->error)
            join->error = s.error();
        if (--join->left == 0)
            join->done(join->error ? Status(*join->error) : Status(Unit {}));
    };
    join->left = 4 + (m_blobs ? 1 : 0);
    for (const QString &q : { m_names.readyQueue, m_names.failedQueue, m_names.successQueue })
        m_queues->createQueue(q, this, one);
    m_tables->createTable(m_names.statusTable, true, this, one);
    if (m_blobs)
        m_blobs->createContainer(m_names.tempContainer, this, one);
}

QList<IngestionResource> StorageBackend::resources() const
{
    QList<IngestionResource> out;
    if (!m_sas)
        return out;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-300);
    const QDateTime expiry = start.addDays(2);
    // Returns QString, not auto: an auto lambda would return a QStringBuilder that points into the
    // local `base` after it is gone (it crashed `.get ingestion resources` with storage).
    auto url = [](const QUrl &endpoint, const QString &name, const QString &sas) -> QString {
        QString base = endpoint.toString();
        if (!base.endsWith(QLatin1Char('/')))
            base += QLatin1Char('/');
        return base + name + QLatin1Char('?') + sas;
    };
    out.append({ QStringLiteral("SecuredReadyForAggregationQueue"),
                 url(m_cs.queueEndpoint, m_names.readyQueue,
                     m_sas->queueSas(m_names.readyQueue, QStringLiteral("raup"), start, expiry)) });
    out.append({ QStringLiteral("FailedIngestionsQueue"),
                 url(m_cs.queueEndpoint, m_names.failedQueue,
                     m_sas->queueSas(m_names.failedQueue, QStringLiteral("rp"), start, expiry)) });
    out.append({ QStringLiteral("SuccessfulIngestionsQueue"),
                 url(m_cs.queueEndpoint, m_names.successQueue,
                     m_sas->queueSas(m_names.successQueue, QStringLiteral("rp"), start, expiry)) });
    if (!m_cs.blobEndpoint.isEmpty())
        out.append(
            { QStringLiteral("TempStorage"),
              url(m_cs.blobEndpoint, m_names.tempContainer,
                  m_sas->containerSas(m_names.tempContainer, QStringLiteral("rwdl"), start, expiry)) });
    out.append({ QStringLiteral("IngestionsStatusTable"),
                 url(m_cs.tableEndpoint, m_names.statusTable,
                     m_sas->tableSas(m_names.statusTable, QStringLiteral("raud"), start, expiry)) });
    return out;
}

void StorageBackend::poll()
{
    if (m_polling || !m_queues)
        return;
    m_polling = true;
    m_queues->receiveMessages(
        m_names.readyQueue, QueueClient::kMaxMessagesPerRequest, 30, this,
        [this](Result<QList<QueueMessage>> r) {
            m_polling = false;
            if (!r) {
                Q_EMIT logLine(QStringLiteral("ready queue: %1").arg(r.error().toString()));
                return;
            }
            for (const QueueMessage &m : r.value()) {
                const auto msg = IngestionMessage::parse(m.messageText.toUtf8());
                if (msg) {
                    m_engine->submitMessage(msg.value());
                    ++m_consumed;
                    Q_EMIT logLine(
                        QStringLiteral("ingestion message %1 for %2.%3: %4")
                            .arg(msg->id, msg->databaseName, msg->tableName, redact(msg->blobPath)));
                } else {
                    Q_EMIT logLine(
                        QStringLiteral("dropped a malformed ingestion message: %1").arg(msg.error().message));
                }
                m_queues->deleteMessage(m_names.readyQueue, m.messageId, m.popReceipt, this, [](Status) {});
            }
            if (r->size() == QueueClient::kMaxMessagesPerRequest)
                QTimer::singleShot(0, this, &StorageBackend::poll);
        });
}

void StorageBackend::report(const QList<SimBlob> &blobs)
{
    for (const SimBlob &b : blobs) {
        const bool commandBlob = !b.ingestionOperationId.isEmpty();
        if (commandBlob && !m_reportCommandBlobs)
            continue;
        const bool failed = b.state == SimBlob::State::Failed;
        const bool levelAllows = b.reportLevel == ReportLevel::FailuresAndSuccesses
            || (failed && b.reportLevel == ReportLevel::FailuresOnly);
        if (!levelAllows)
            continue;
        if (b.statusInTable
            && (b.reportMethod == ReportMethod::Table || b.reportMethod == ReportMethod::QueueAndTable))
            writeStatus(b);
        if (b.reportMethod == ReportMethod::Queue || b.reportMethod == ReportMethod::QueueAndTable)
            postNotification(b);
    }
}

void StorageBackend::writeStatus(const SimBlob &b)
{
    if (!m_tables)
        return;
    // The message names the table by SAS URI; we are the service and write with the account key.
    QString table = m_names.statusTable;
    if (auto uri = StorageUri::parse(b.statusInTable->tableConnectionString);
        uri && !uri->resourceName.isEmpty())
        table = uri->resourceName;
    TableEntity e;
    e.partitionKey = b.statusInTable->partitionKey;
    e.rowKey = b.statusInTable->rowKey.isEmpty() ? b.statusInTable->partitionKey : b.statusInTable->rowKey;
    const bool failed = b.state == SimBlob::State::Failed;
    e.set(QStringLiteral("Status"),
          failed            ? QStringLiteral("Failed")
              : b.isFinal() ? QStringLiteral("Succeeded")
                            : QStringLiteral("Pending"));
    e.set(QStringLiteral("IngestionSourceId"), b.sourceId, EdmType::Guid);
    e.set(QStringLiteral("IngestionSourcePath"), b.urlWithoutSecrets());
    e.set(QStringLiteral("Database"), b.database);
    e.set(QStringLiteral("Table"), b.table);
    e.set(QStringLiteral("UpdatedOn"), b.isFinal() ? b.completedAt : b.enqueuedAt, EdmType::DateTime);
    e.set(QStringLiteral("OperationId"), b.operationId, EdmType::Guid);
    e.set(QStringLiteral("ActivityId"), b.activityId, EdmType::Guid);
    e.set(QStringLiteral("ErrorCode"), failed ? b.errorCode : QStringLiteral("Unknown"));
    e.set(QStringLiteral("FailureStatus"), failed ? toString(b.failureStatus) : QStringLiteral("Unknown"));
    e.set(QStringLiteral("Details"), failed ? b.details : QString());
    e.set(QStringLiteral("OriginatesFromUpdatePolicy"), false);
    ++m_pendingWrites;
    m_tables->upsertEntity(table, e, TableClient::UpdateMode::Merge, this, [this, e](Result<QString> r) {
        --m_pendingWrites;
        if (!r)
            Q_EMIT logLine(QStringLiteral("status row %1: %2").arg(e.partitionKey, r.error().toString()));
    });
}

void StorageBackend::postNotification(const SimBlob &b)
{
    if (!m_queues)
        return;
    const bool failed = b.state == SimBlob::State::Failed;
    IngestionNotification n;
    n.kind = failed ? IngestionNotification::Kind::Failure : IngestionNotification::Kind::Success;
    n.operationId = b.operationId;
    n.database = b.database;
    n.table = b.table;
    n.ingestionSourceId = b.sourceId;
    n.ingestionSourcePath = b.urlWithoutSecrets();
    n.rootActivityId = b.activityId;
    if (failed) {
        n.failedOn = b.completedAt;
        n.details = b.details;
        n.errorCode = b.errorCode;
        n.failureStatus = b.failureStatus;
        n.shouldRetry = b.shouldRetry;
    } else {
        n.succeededOn = b.completedAt;
    }
    const QString text = QString::fromLatin1(toNotificationJson(n).toBase64());
    ++m_pendingWrites;
    m_queues->putMessage(failed ? m_names.failedQueue : m_names.successQueue, text, this,
                         [this](Result<QueueMessage> r) {
                             --m_pendingWrites;
                             if (!r)
                                 Q_EMIT logLine(QStringLiteral("notification: %1").arg(r.error().toString()));
                         });
}

} // namespace iw
