#pragma once

#include "core/IngestionNotification.h"
#include "core/QueuedOperation.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace iw {

// How an operation id came to be tracked.
enum class TrackSource { Submitted, Pasted, Imported };
QString toString(TrackSource s);
std::optional<TrackSource> trackSourceFromString(QStringView s);

// How a report-queue message was seen: peeked (left in the queue for others) or consumed (taken by this
// dashboard or the headless consumer, deleted from the queue once its row is committed).
enum class NotificationOrigin { Peeked, Consumed };

struct TrackRequest
{
    QString operationId;
    QString database; // may be empty: filled from the first snapshot
    QString table;
    TrackSource source = TrackSource::Submitted;
    QDateTime addedOn; // null = now
};

struct UntrackRequest
{
    QString operationId;
    bool purge = false; // false: keep snapshots (history); true: delete the operation and its snapshots
    QDateTime untrackedOn; // null = now
};

struct SnapshotObservation
{
    QueuedOperation operation;
    QDateTime observedOn; // when the poll returned it; null = now
};

struct NotificationObservation
{
    IngestionNotification notification;
    NotificationOrigin origin = NotificationOrigin::Peeked;
    QDateTime seenOn; // null = now
};

// One unit of writing: everything in it is committed in one transaction, or nothing is.
struct ArchiveBatch
{
    QList<TrackRequest> track;
    QList<SnapshotObservation> snapshots;
    QList<NotificationObservation> notifications;
    QList<UntrackRequest> untrack; // applied last

    bool isEmpty() const
    {
        return track.isEmpty() && snapshots.isEmpty() && notifications.isEmpty() && untrack.isEmpty();
    }
};

// What a committed batch changed.
struct ArchiveBatchSummary
{
    int tracked = 0; // newly tracked (or re-tracked) operations
    int untracked = 0;
    int purged = 0;
    int snapshotsAdded = 0; // counts or State changed since the last snapshot
    int snapshotsUnchanged = 0; // same as the last snapshot: not stored again
    int notificationsAdded = 0;
    int notificationsKnown = 0; // de-duplicated: already archived (seen count / consumed time updated)

    ArchiveBatchSummary &operator+=(const ArchiveBatchSummary &o);
    bool operator==(const ArchiveBatchSummary &) const = default;
};

} // namespace iw
