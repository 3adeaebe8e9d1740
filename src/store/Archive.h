#pragma once

#include "core/Result.h"
#include "store/ArchiveBatch.h"
#include "store/ArchiveQuery.h"
#include "store/ArchiveRecords.h"

#include <QList>

#include <functional>

namespace iw {

// The archive the dashboard, the headless consumer and any backend share: tracked operations, their
// snapshots over time, and every report-queue message seen. Synchronous and blocking: an instance
// belongs to the thread that opened it (QtSql connections are per thread). The GUI goes through
// ArchiveWriter / ArchiveReader, which own an instance on a worker thread.
class Archive
{
public:
    virtual ~Archive();

    virtual QString profile() const = 0;
    virtual bool isReadOnly() const = 0;

    // ---- writing: one call = one transaction, all of it or none of it ----
    // Several batches in one transaction (group commit); one summary per batch, in order.
    virtual Result<QList<ArchiveBatchSummary>> commitMany(const QList<ArchiveBatch> &batches) = 0;
    Result<ArchiveBatchSummary> commit(const ArchiveBatch &batch);

    Status track(const TrackRequest &request);
    Status untrack(const QString &operationId, bool purge = false);
    Result<ArchiveBatchSummary> recordSnapshots(const QList<QueuedOperation> &operations,
                                                const QDateTime &observedOn = {});
    Result<ArchiveBatchSummary> recordNotifications(const QList<IngestionNotification> &notifications,
                                                    NotificationOrigin origin, const QDateTime &seenOn = {});

    // ---- reading: streaming (the sink returns false to stop) and collected ----
    using TrackedSink = std::function<bool(const TrackedOperation &)>;
    using SnapshotSink = std::function<bool(const OperationSnapshot &)>;
    using NotificationSink = std::function<bool(const NotificationRecord &)>;
    // Each returns the number of rows passed to the sink.
    virtual Result<qint64> forEachTrackedOperation(const TrackedOperationQuery &query,
                                                   const TrackedSink &sink)
        = 0;
    virtual Result<qint64> forEachSnapshot(const SnapshotQuery &query, const SnapshotSink &sink) = 0;
    virtual Result<qint64> forEachNotification(const NotificationQuery &query, const NotificationSink &sink)
        = 0;
    virtual Result<qint64> countNotifications(const NotificationQuery &query) = 0;

    Result<QList<TrackedOperation>> trackedOperations(const TrackedOperationQuery &query = {});
    Result<QList<OperationSnapshot>> snapshots(const SnapshotQuery &query = {});
    Result<QList<NotificationRecord>> notifications(const NotificationQuery &query = {});

    // ---- retention (archive-wide: a shared archive has one policy, set by its consumer) ----
    virtual Result<RetentionPolicy> retention() = 0;
    virtual Status setRetention(const RetentionPolicy &policy) = 0;
    virtual Result<RetentionSummary> applyRetention(const QDateTime &now = {}) = 0;

    // ---- housekeeping ----
    virtual Result<int> schemaVersion() = 0;
    virtual Status checkIntegrity() = 0; // Corrupt when the storage is damaged
};

} // namespace iw
