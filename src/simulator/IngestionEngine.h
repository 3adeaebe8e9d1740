#pragma once

#include "core/IngestionStatus.h"
#include "core/QueuedOperation.h"
#include "simulator/IngestionMessage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace iw {

// How fast and how well the simulated service ingests.
struct EngineConfig
{
    double blobsPerSecond = 20.0; // blobs that start ingesting per second, over all operations
    qint64 processingMs = 1500; // time a blob is in flight (started, not finished)
    double failureRate = 0.1; // share of blobs whose (first) attempt fails
    double messageFailureRate = -1; // the same for SDK queue messages; negative: failureRate
    quint32 seed = 1; // outcomes are drawn from this seed, in submission order
    int maxTransientRetries = 2; // a transient failure is retried this often, then Exhausted
    qint64 retryDelayMs = 2000;
};

// A failure the engine can draw: a real error code, its FailureStatus and the service's wording.
struct FailureScenario
{
    QString errorCode;
    FailureStatus failureStatus = FailureStatus::Permanent;
    QString details; // %1 = the blob name
};

// One blob the simulated service ingests: from `.ingest-from-storage-queued` (ingestionOperationId set)
// or from an SDK's queue message (report settings set).
struct SimBlob
{
    enum class State { Pending, InFlight, Succeeded, Failed, Canceled };
    State state = State::Pending;

    QString ingestionOperationId; // empty for queue messages
    QString sourceId; // IngestionSourceId (GUID)
    QString url; // as submitted (may carry a SAS)
    QString database;
    QString table;
    QString operationId; // the service-side OperationId reported in statuses and notifications
    QString activityId;
    QDateTime enqueuedAt;
    QDateTime startedAt;
    QDateTime completedAt;
    QDateTime notBefore; // a retried blob waits until then
    int attempts = 0;

    QString errorCode;
    FailureStatus failureStatus = FailureStatus::Unknown;
    QString details;
    bool shouldRetry = false;

    // Reporting (queue messages only)
    ReportLevel reportLevel = ReportLevel::None;
    ReportMethod reportMethod = ReportMethod::Queue;
    std::optional<StatusTableTarget> statusInTable;

    QString urlWithoutSecrets() const; // scheme, host and path: what the service reports
    bool isFinal() const
    {
        return state == State::Succeeded || state == State::Failed || state == State::Canceled;
    }
};
QString toString(SimBlob::State s);

// The simulated Data Management service as pure logic: operations and blobs, a token-bucket rate,
// seeded outcomes, best-effort cancel, and the counts and State of `.show queued ingestion
// operations`. Time comes from an injected clock; nothing happens between calls to advance().
//
// Scheduling is fair, as the service's is: each operation, and each database.table of SDK queue messages,
// is a lane, and blobs start round-robin over the lanes (FIFO within a lane), so a big operation submitted
// first does not hold back everything after it.
//
// State rules: InProgress while any blob is Pending (queued or in flight); a cancel of an InProgress
// operation makes it Canceled at once (as the docs' cancel example shows: State Canceled with blobs
// still counted as Pending) — queued blobs become Canceled, in-flight ones still finish and move to
// Ingested/Failed; otherwise, when nothing is pending: Failed if no blob was ingested and at least
// one failed, else Completed.
class IngestionEngine
{
public:
    using Clock = std::function<QDateTime()>;

    explicit IngestionEngine(EngineConfig config = {}, Clock clock = {});

    const EngineConfig &config() const { return m_config; }
    void setFailureScenarios(QList<FailureScenario> scenarios);
    static QList<FailureScenario> defaultFailureScenarios();

    // `.ingest-from-storage-queued`: a new operation with one blob per URL; returns its id.
    QString submitOperation(const QString &database, const QString &table, const QStringList &urls);
    // An SDK queue message: one blob, reported as the message asks. Returns the blob's index.
    qsizetype submitMessage(const IngestionMessage &message);

    bool hasOperation(const QString &id) const { return m_operations.contains(id); }
    std::optional<QueuedOperation> operation(const QString &id) const;
    QList<BlobDetail> details(const QString &id) const;
    // Best effort: queued blobs become Canceled, in-flight blobs finish. nullopt: unknown id.
    std::optional<QueuedOperation> cancel(const QString &id);

    // Moves time forward to the clock's now: starts blobs at the configured rate and finishes those
    // whose processing time is over. Returns the blobs that reached a final state in this call.
    QList<SimBlob> advance();

    const SimBlob &blob(qsizetype index) const { return m_blobs[std::size_t(index)]; }
    qsizetype blobCount() const { return qsizetype(m_blobs.size()); }
    qsizetype activeBlobs() const; // queued or in flight
    QStringList operationIds() const { return m_operationOrder; }

private:
    struct Operation
    {
        QString id;
        QString database;
        QString table;
        QDateTime startedOn;
        QDateTime lastUpdatedOn;
        bool canceled = false;
        std::vector<std::size_t> blobs;
        qint64 pending = 0;
        qint64 canceledCount = 0;
        qint64 ingested = 0;
        qint64 failed = 0;
        QStringList sampleFailedReasons;
    };

    QDateTime now() const;
    QString newGuid();
    QString newOperationId();
    std::size_t addBlob(SimBlob b);
    void finish(SimBlob &b, const QDateTime &at, QList<SimBlob> &out);
    QueuedOperation row(const Operation &op) const;

    EngineConfig m_config;
    Clock m_clock;
    QRandomGenerator m_rng;
    QList<FailureScenario> m_scenarios;
    std::vector<SimBlob> m_blobs;
    static QString laneOf(const SimBlob &b);
    void enqueue(std::size_t blob);
    // Pending blobs per lane in FIFO order (canceled ones are skipped); lanes with pending blobs, in
    // round-robin order (a lane is in m_laneOrder exactly when it is in m_lanes).
    QHash<QString, std::deque<std::size_t>> m_lanes;
    std::deque<QString> m_laneOrder;
    std::vector<std::size_t> m_inFlight;
    std::vector<std::size_t> m_retrying;
    QHash<QString, Operation> m_operations;
    QStringList m_operationOrder;
    QDateTime m_lastAdvance;
    double m_budget = 0;
};

} // namespace iw
