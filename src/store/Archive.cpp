#include "store/Archive.h"

namespace iw {

Archive::~Archive() = default;

QString toString(TrackSource s)
{
    switch (s) {
    case TrackSource::Submitted:
        return QStringLiteral("Submitted");
    case TrackSource::Pasted:
        return QStringLiteral("Pasted");
    case TrackSource::Imported:
        return QStringLiteral("Imported");
    }
    return {};
}

std::optional<TrackSource> trackSourceFromString(QStringView s)
{
    for (TrackSource t : { TrackSource::Submitted, TrackSource::Pasted, TrackSource::Imported }) {
        if (s.compare(toString(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

ArchiveBatchSummary &ArchiveBatchSummary::operator+=(const ArchiveBatchSummary &o)
{
    tracked += o.tracked;
    untracked += o.untracked;
    purged += o.purged;
    snapshotsAdded += o.snapshotsAdded;
    snapshotsUnchanged += o.snapshotsUnchanged;
    notificationsAdded += o.notificationsAdded;
    notificationsKnown += o.notificationsKnown;
    return *this;
}

Result<ArchiveBatchSummary> Archive::commit(const ArchiveBatch &batch)
{
    auto r = commitMany({ batch });
    if (!r)
        return r.error();
    return r->isEmpty() ? ArchiveBatchSummary {} : r->first();
}

Status Archive::track(const TrackRequest &request)
{
    ArchiveBatch b;
    b.track.append(request);
    auto r = commit(b);
    if (!r)
        return r.error();
    return Unit {};
}

Status Archive::untrack(const QString &operationId, bool purge)
{
    ArchiveBatch b;
    b.untrack.append(UntrackRequest { operationId, purge, {} });
    auto r = commit(b);
    if (!r)
        return r.error();
    return Unit {};
}

Result<ArchiveBatchSummary> Archive::recordSnapshots(const QList<QueuedOperation> &operations,
                                                     const QDateTime &observedOn)
{
    ArchiveBatch b;
    b.snapshots.reserve(operations.size());
    for (const QueuedOperation &op : operations)
        b.snapshots.append(SnapshotObservation { op, observedOn });
    return commit(b);
}

Result<ArchiveBatchSummary> Archive::recordNotifications(const QList<IngestionNotification> &notifications,
                                                         NotificationOrigin origin, const QDateTime &seenOn)
{
    ArchiveBatch b;
    b.notifications.reserve(notifications.size());
    for (const IngestionNotification &n : notifications)
        b.notifications.append(NotificationObservation { n, origin, seenOn });
    return commit(b);
}

Result<QList<TrackedOperation>> Archive::trackedOperations(const TrackedOperationQuery &query)
{
    QList<TrackedOperation> out;
    auto r = forEachTrackedOperation(query, [&out](const TrackedOperation &t) {
        out.append(t);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

Result<QList<OperationSnapshot>> Archive::snapshots(const SnapshotQuery &query)
{
    QList<OperationSnapshot> out;
    auto r = forEachSnapshot(query, [&out](const OperationSnapshot &s) {
        out.append(s);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

Result<QList<NotificationRecord>> Archive::notifications(const NotificationQuery &query)
{
    QList<NotificationRecord> out;
    auto r = forEachNotification(query, [&out](const NotificationRecord &n) {
        out.append(n);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

} // namespace iw
