#pragma once

#include "core/IngestionStatus.h"

#include <QDateTime>
#include <QString>

namespace iw {

// One message from a report queue (FailedIngestionsQueue / SuccessfulIngestionsQueue), decoded.
// A message that does not parse is kept with kind Malformed and its raw text; it is never dropped.
struct IngestionNotification
{
    enum class Kind { Failure, Success, Malformed };
    Kind kind = Kind::Malformed;

    // Queue envelope (from the queue's XML)
    QString queueName;
    QString messageId;
    QDateTime insertionTime;
    int dequeueCount = 0;

    // Fields of the service's messages
    QString operationId;
    QString database;
    QString table;
    QDateTime failedOn; // failures
    QDateTime succeededOn; // successes
    QString ingestionSourceId;
    QString ingestionSourcePath;
    QString rootActivityId;
    QString details;
    QString errorCode;
    FailureStatus failureStatus = FailureStatus::Unknown;
    bool originatesFromUpdatePolicy = false;
    bool shouldRetry = false;

    QString rawText; // the MessageText exactly as received (base64 or plain)
    QString parseError; // why a Malformed message did not parse

    QDateTime when() const { return kind == Kind::Success ? succeededOn : failedOn; }
    // Stable de-duplication key: the queue message id when known, otherwise
    // OperationId + IngestionSourceId + time.
    QString dedupKey() const;

    bool operator==(const IngestionNotification &) const = default;
};

QString toString(IngestionNotification::Kind k);

} // namespace iw
