#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace iw {

// State of a queued ingestion operation (`.show queued ingestion operations`).
enum class OperationState { InProgress, Completed, Failed, Canceled };
QString toString(OperationState s);
std::optional<OperationState> operationStateFromString(QStringView s); // case-insensitive
inline bool isTerminal(OperationState s)
{
    return s != OperationState::InProgress;
}

// One row of `.show queued ingestion operations` / `.cancel queued ingestion operation`.
struct QueuedOperation
{
    QString ingestionOperationId;
    QDateTime startedOn;
    QDateTime lastUpdatedOn; // may be null (the docs' cancel example leaves it empty)
    OperationState state = OperationState::InProgress;
    qint64 discovered = 0;
    qint64 pending = 0; // the docs' examples also call this column "InProgress"
    qint64 canceled = 0;
    qint64 ingested = 0;
    qint64 failed = 0;
    QString sampleFailedReasons;
    QString database;
    QString table;

    qint64 done() const { return ingested + failed + canceled; }
    bool operator==(const QueuedOperation &) const = default;
};

// One row of `.show queued ingestion operations "id" details`: per-blob status.
struct BlobDetail
{
    QString ingestionOperationId;
    QString blobUrl; // as returned (may carry a SAS: redact before showing)
    QString ingestionStatus; // Pending, Succeeded, Failed, Canceled, ... kept verbatim
    QDateTime startedAt;
    QDateTime completedAt;
    QString failedReasons;

    bool operator==(const BlobDetail &) const = default;
};

} // namespace iw
