#pragma once

#include "store/ArchiveBatch.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace iw {

// One stored snapshot of an operation (`.show queued ingestion operations` row at one time).
struct OperationSnapshot
{
    qint64 id = 0;
    QDateTime observedOn;
    QueuedOperation operation;

    bool operator==(const OperationSnapshot &) const = default;
};

// An operation id the dashboard tracks (or tracked: untrackedOn set).
struct TrackedOperation
{
    QString operationId;
    QString database;
    QString table;
    QDateTime addedOn;
    TrackSource source = TrackSource::Submitted;
    QDateTime untrackedOn; // null while tracked
    std::optional<OperationSnapshot> lastSnapshot;

    bool isTracked() const { return untrackedOn.isNull(); }
};

// One archived report-queue message. Text fields that may hold a URI are stored redacted.
struct NotificationRecord
{
    qint64 id = 0;
    QString dedupKey;
    IngestionNotification notification;
    QDateTime eventTime; // FailedOn / SucceededOn, else the queue insertion time, else first seen
    QDateTime firstSeenOn;
    QDateTime lastSeenOn;
    QDateTime consumedOn; // null unless taken from the queue by a consumer
    int seenCount = 1;

    bool isConsumed() const { return !consumedOn.isNull(); }
};

// Retention: keep rows whose time is within the last `keepDays` days; nullopt = unlimited.
// Tracked operations always keep their latest snapshot.
struct RetentionPolicy
{
    std::optional<int> keepDays;
    bool operator==(const RetentionPolicy &) const = default;
};

struct RetentionSummary
{
    qint64 snapshotsDeleted = 0;
    qint64 notificationsDeleted = 0;
};

} // namespace iw
