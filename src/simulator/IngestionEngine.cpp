#include "simulator/IngestionEngine.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace iw {

QString toString(SimBlob::State s)
{
    switch (s) {
    case SimBlob::State::Pending:
    case SimBlob::State::InFlight:
        return QStringLiteral("Pending");
    case SimBlob::State::Succeeded:
        return QStringLiteral("Succeeded");
    case SimBlob::State::Failed:
        return QStringLiteral("Failed");
    case SimBlob::State::Canceled:
        return QStringLiteral("Canceled");
    }
    return {};
}

QString SimBlob::urlWithoutSecrets() const
{
    // Azure blob URLs may carry `;managed_identity=...` or a SAS; the service reports neither.
    QString u = url;
    const qsizetype cut = u.indexOf(QRegularExpression(QStringLiteral("[?;#]")));
    if (cut >= 0)
        u.truncate(cut);
    return u;
}

IngestionEngine::IngestionEngine(EngineConfig config, Clock clock)
    : m_config(config), m_clock(std::move(clock)), m_rng(config.seed), m_scenarios(defaultFailureScenarios())
{ }

QList<FailureScenario> IngestionEngine::defaultFailureScenarios()
{
    using F = FailureStatus;
    return {
        { QStringLiteral("Stream_ClosingQuoteMissing"), F::Permanent,
          QStringLiteral("Stream with ID '%1' has a malformed CSV format: a closing quote is missing.") },
        { QStringLiteral("Stream_WrongNumberOfFields"), F::Permanent,
          QStringLiteral("Stream with ID '%1' has a malformed CSV format*: inconsistent number of fields.") },
        { QStringLiteral("BadRequest_EmptyBlob"), F::Permanent,
          QStringLiteral("Blob '%1' is empty: there is no data to ingest.") },
        { QStringLiteral("Download_SourceNotFound"), F::Permanent,
          QStringLiteral("Failed to download blob '%1': The specified blob does not exist.") },
        { QStringLiteral("BadRequest_MappingReferenceWasNotFound"), F::Permanent,
          QStringLiteral("Mapping reference was not found for '%1'.") },
        { QStringLiteral("BadRequest_FormatNotSupported"), F::Permanent,
          QStringLiteral("The format of '%1' is not supported.") },
        { QStringLiteral("Download_Forbidden"), F::Permanent,
          QStringLiteral("Failed to download blob '%1': 403 This request is not authorized.") },
        { QStringLiteral("General_ThrottledIngestion"), F::Transient,
          QStringLiteral("Ingestion of '%1' was throttled by the engine.") },
        { QStringLiteral("Download_UnknownError"), F::Transient,
          QStringLiteral("Failed to download blob '%1': the connection was reset.") },
        { QStringLiteral("General_InternalServerError"), F::Transient,
          QStringLiteral("An internal error occurred while ingesting '%1'.") },
    };
}

void IngestionEngine::setFailureScenarios(QList<FailureScenario> scenarios)
{
    if (!scenarios.isEmpty())
        m_scenarios = std::move(scenarios);
}

QDateTime IngestionEngine::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString IngestionEngine::newGuid()
{
    QUuid u(m_rng.generate(), quint16(m_rng.generate()), quint16(m_rng.generate()), uchar(m_rng.generate()),
            uchar(m_rng.generate()), uchar(m_rng.generate()), uchar(m_rng.generate()),
            uchar(m_rng.generate()), uchar(m_rng.generate()), uchar(m_rng.generate()),
            uchar(m_rng.generate()));
    // Version 4, RFC 4122 variant.
    u.data3 = quint16((u.data3 & 0x0fff) | 0x4000);
    u.data4[0] = uchar((u.data4[0] & 0x3f) | 0x80);
    return u.toString(QUuid::WithoutBraces);
}

QString IngestionEngine::newOperationId()
{
    // Same shape as every id in the docs: <token>;<token>;<guid>.
    return QStringLiteral("%1;%2;%3")
        .arg(m_rng.bounded(100000000u), 8, 10, QLatin1Char('0'))
        .arg(m_rng.bounded(100000000u), 8, 10, QLatin1Char('0'))
        .arg(newGuid());
}

QString IngestionEngine::laneOf(const SimBlob &b)
{
    if (!b.ingestionOperationId.isEmpty())
        return b.ingestionOperationId;
    return QStringLiteral("queue\x1f") + b.database + QLatin1Char('\x1f') + b.table;
}

void IngestionEngine::enqueue(std::size_t blob)
{
    const QString lane = laneOf(m_blobs[blob]);
    auto it = m_lanes.find(lane);
    if (it == m_lanes.end()) {
        it = m_lanes.insert(lane, {});
        m_laneOrder.push_back(lane);
    }
    it->push_back(blob);
}

std::size_t IngestionEngine::addBlob(SimBlob b)
{
    m_blobs.push_back(std::move(b));
    const std::size_t i = m_blobs.size() - 1;
    enqueue(i);
    return i;
}

QString IngestionEngine::submitOperation(const QString &database, const QString &table,
                                         const QStringList &urls)
{
    const QDateTime t = now();
    Operation op;
    op.id = newOperationId();
    while (m_operations.contains(op.id))
        op.id = newOperationId();
    op.database = database;
    op.table = table;
    op.startedOn = t;
    op.lastUpdatedOn = t;
    for (const QString &url : urls) {
        SimBlob b;
        b.ingestionOperationId = op.id;
        b.sourceId = newGuid();
        b.url = url;
        b.database = database;
        b.table = table;
        b.operationId = newGuid();
        b.activityId = newGuid();
        b.enqueuedAt = t;
        op.blobs.push_back(addBlob(std::move(b)));
        ++op.pending;
    }
    m_operationOrder.append(op.id);
    const QString id = op.id;
    m_operations.insert(id, std::move(op));
    return id;
}

qsizetype IngestionEngine::submitMessage(const IngestionMessage &m)
{
    SimBlob b;
    b.sourceId = m.id;
    b.url = m.blobPath;
    b.database = m.databaseName;
    b.table = m.tableName;
    b.operationId = newGuid();
    b.activityId = newGuid();
    b.enqueuedAt = now();
    b.reportLevel = m.reportLevel;
    b.reportMethod = m.reportMethod;
    b.statusInTable = m.statusInTable;
    return qsizetype(addBlob(std::move(b)));
}

qsizetype IngestionEngine::activeBlobs() const
{
    return qsizetype(
        std::count_if(m_blobs.begin(), m_blobs.end(), [](const SimBlob &b) { return !b.isFinal(); }));
}

QueuedOperation IngestionEngine::row(const Operation &op) const
{
    QueuedOperation r;
    r.ingestionOperationId = op.id;
    r.startedOn = op.startedOn;
    r.lastUpdatedOn = op.lastUpdatedOn;
    r.discovered = qint64(op.blobs.size());
    r.pending = op.pending;
    r.canceled = op.canceledCount;
    r.ingested = op.ingested;
    r.failed = op.failed;
    r.sampleFailedReasons = op.sampleFailedReasons.join(QStringLiteral("; "));
    r.database = op.database;
    r.table = op.table;
    if (op.canceled)
        r.state = OperationState::Canceled;
    else if (op.pending > 0)
        r.state = OperationState::InProgress;
    else if (op.ingested == 0 && op.failed > 0)
        r.state = OperationState::Failed;
    else
        r.state = OperationState::Completed;
    return r;
}

std::optional<QueuedOperation> IngestionEngine::operation(const QString &id) const
{
    const auto it = m_operations.constFind(id);
    if (it == m_operations.constEnd())
        return std::nullopt;
    return row(it.value());
}

QList<BlobDetail> IngestionEngine::details(const QString &id) const
{
    QList<BlobDetail> out;
    const auto it = m_operations.constFind(id);
    if (it == m_operations.constEnd())
        return out;
    out.reserve(qsizetype(it->blobs.size()));
    for (std::size_t i : it->blobs) {
        const SimBlob &b = m_blobs[i];
        BlobDetail d;
        d.ingestionOperationId = id;
        d.blobUrl = b.urlWithoutSecrets();
        d.ingestionStatus = toString(b.state);
        d.startedAt = b.startedAt;
        // As in the docs' example: CompletedAt stays empty while pending and on failure.
        if (b.state == SimBlob::State::Succeeded)
            d.completedAt = b.completedAt;
        if (b.state == SimBlob::State::Failed)
            d.failedReasons = b.details;
        out.append(d);
    }
    return out;
}

std::optional<QueuedOperation> IngestionEngine::cancel(const QString &id)
{
    const auto it = m_operations.find(id);
    if (it == m_operations.end())
        return std::nullopt;
    Operation &op = it.value();
    if (op.canceled || op.pending == 0)
        return row(op); // nothing left to cancel: State stays as it is
    const QDateTime t = now();
    op.canceled = true;
    op.lastUpdatedOn = t;
    for (std::size_t i : op.blobs) {
        SimBlob &b = m_blobs[i];
        if (b.state != SimBlob::State::Pending)
            continue; // in flight: best effort, it finishes
        b.state = SimBlob::State::Canceled;
        b.completedAt = t;
        --op.pending;
        ++op.canceledCount;
    }
    return row(op);
}

void IngestionEngine::finish(SimBlob &b, const QDateTime &at, QList<SimBlob> &out)
{
    bool fails = false;
    if (b.attempts <= 1) {
        const double rate = b.ingestionOperationId.isEmpty() && m_config.messageFailureRate >= 0
            ? m_config.messageFailureRate
            : m_config.failureRate;
        fails = m_rng.generateDouble() < rate;
        if (fails && !m_scenarios.isEmpty()) {
            const FailureScenario &s = m_scenarios[qsizetype(m_rng.bounded(quint32(m_scenarios.size())))];
            b.errorCode = s.errorCode;
            b.failureStatus = s.failureStatus;
            b.details = s.details.arg(QUrl(b.url).fileName());
        }
    } else {
        fails = m_rng.generateDouble() < 0.5; // a retry of a transient failure
    }
    Operation *op = nullptr;
    if (!b.ingestionOperationId.isEmpty()) {
        auto it = m_operations.find(b.ingestionOperationId);
        if (it != m_operations.end())
            op = &it.value();
    }
    if (op)
        op->lastUpdatedOn = at;

    if (fails && b.failureStatus == FailureStatus::Transient && b.attempts <= m_config.maxTransientRetries) {
        b.state = SimBlob::State::Pending;
        b.notBefore = at.addMSecs(m_config.retryDelayMs);
        m_retrying.push_back(std::size_t(&b - m_blobs.data()));
        return;
    }
    b.completedAt = at;
    if (fails) {
        b.state = SimBlob::State::Failed;
        if (b.failureStatus == FailureStatus::Transient && m_config.maxTransientRetries > 0)
            b.failureStatus = FailureStatus::Exhausted;
        b.shouldRetry = isRetryable(b.failureStatus);
        if (op) {
            --op->pending;
            ++op->failed;
            if (op->sampleFailedReasons.size() < 3 && !op->sampleFailedReasons.contains(b.details))
                op->sampleFailedReasons.append(b.details);
        }
    } else {
        b.state = SimBlob::State::Succeeded;
        b.errorCode.clear();
        b.details.clear();
        b.failureStatus = FailureStatus::Unknown;
        if (op) {
            --op->pending;
            ++op->ingested;
        }
    }
    out.append(b);
}

QList<SimBlob> IngestionEngine::advance()
{
    const QDateTime t = now();
    QList<SimBlob> out;
    if (!m_lastAdvance.isValid())
        m_lastAdvance = t;
    const qint64 elapsed = std::max<qint64>(0, m_lastAdvance.msecsTo(t));
    m_lastAdvance = t;
    m_budget = std::min(m_budget + double(elapsed) / 1000.0 * m_config.blobsPerSecond,
                        std::max(1.0, m_config.blobsPerSecond * 10.0));

    auto completeDue = [&] {
        std::vector<std::size_t> still;
        for (std::size_t i : m_inFlight) {
            SimBlob &b = m_blobs[i];
            const QDateTime due = b.startedAt.addMSecs(m_config.processingMs);
            if (due <= t)
                finish(b, due, out);
            else
                still.push_back(i);
        }
        m_inFlight.swap(still);
    };

    completeDue();
    if (!m_retrying.empty()) {
        std::vector<std::size_t> still;
        for (std::size_t i : m_retrying) {
            if (m_blobs[i].notBefore <= t)
                enqueue(i);
            else
                still.push_back(i);
        }
        m_retrying.swap(still);
    }
    while (m_budget >= 1.0 && !m_laneOrder.empty()) {
        // The next lane in turn gives its oldest pending blob, then goes to the back of the line.
        const QString lane = m_laneOrder.front();
        m_laneOrder.pop_front();
        auto it = m_lanes.find(lane);
        std::optional<std::size_t> next;
        while (it != m_lanes.end() && !it->empty() && !next) {
            const std::size_t i = it->front();
            it->pop_front();
            if (m_blobs[i].state == SimBlob::State::Pending)
                next = i; // else canceled while queued
        }
        if (it != m_lanes.end() && !it->empty())
            m_laneOrder.push_back(lane);
        else if (it != m_lanes.end())
            m_lanes.erase(it);
        if (!next)
            continue;
        const std::size_t i = *next;
        SimBlob &b = m_blobs[i];
        b.state = SimBlob::State::InFlight;
        b.startedAt = t;
        ++b.attempts;
        m_inFlight.push_back(i);
        m_budget -= 1.0;
        if (!b.ingestionOperationId.isEmpty()) {
            auto it = m_operations.find(b.ingestionOperationId);
            if (it != m_operations.end())
                it->lastUpdatedOn = t;
        }
    }
    if (m_laneOrder.empty())
        m_budget = std::min(m_budget, 1.0);
    completeDue();
    return out;
}

} // namespace iw
