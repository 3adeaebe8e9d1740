#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace iw {

// Status of one ingestion source, as the service writes it to the status table
// (Kusto.Ingest `IngestionStatus.Status`). Only Pending is temporary.
enum class OperationStatus {
    Pending,
    Succeeded,
    Failed,
    Queued, // permanent: the ingestion was made without table reporting
    Skipped,
    PartiallySucceeded,
};
QString toString(OperationStatus s);
// Case-insensitive name, or the numeric value the .NET enum uses (0..5). nullopt when unknown.
std::optional<OperationStatus> operationStatusFromString(QStringView s);
inline bool isFinal(OperationStatus s)
{
    return s != OperationStatus::Pending;
}

// Whether retrying a failed ingestion can help: Unknown(0), Permanent(1), Transient(2), Exhausted(3).
enum class FailureStatus { Unknown, Permanent, Transient, Exhausted };
QString toString(FailureStatus s);
std::optional<FailureStatus> failureStatusFromString(QStringView s); // names or 0..3
inline bool isRetryable(FailureStatus s)
{
    return s == FailureStatus::Transient || s == FailureStatus::Exhausted;
}

// One row of the Azure status table: the twelve fields of the service's IngestionStatus class, plus the
// table's keys and Timestamp. Unknown ErrorCode names are kept verbatim (see IngestionErrorCode).
struct IngestionStatus
{
    QString partitionKey;
    QString rowKey;
    QDateTime timestamp; // the table's own Timestamp (UTC), used for incremental queries

    OperationStatus status = OperationStatus::Pending;
    QString ingestionSourceId; // GUID as text
    QString ingestionSourcePath;
    QString database;
    QString table;
    QDateTime updatedOn;
    QString operationId;
    QString activityId;
    QString errorCode;
    FailureStatus failureStatus = FailureStatus::Unknown;
    QString details;
    bool originatesFromUpdatePolicy = false;

    bool operator==(const IngestionStatus &) const = default;
};

} // namespace iw
