#include "monitor/OperationMonitor.h"

#include "models/OperationModel.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QHash>

#include <algorithm>
#include <climits>
#include <memory>
#include <utility>

namespace iw {

OperationMonitor::OperationMonitor(OperationModel *model, OperationBackend *backend, ArchiveWriter *writer,
                                   ArchiveReader *reader, QObject *parent)
    : QObject(parent), m_model(model), m_backend(backend), m_writer(writer), m_reader(reader)
{
    m_timer.setObjectName(QStringLiteral("operationRefreshTimer"));
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &OperationMonitor::refresh);
    setInterval(kDefaultIntervalSecs);
}

OperationMonitor::~OperationMonitor() = default;

void OperationMonitor::setBackend(OperationBackend *backend)
{
    m_backend = backend;
}

int OperationMonitor::clampInterval(int seconds)
{
    if (seconds <= 0)
        return 0;
    return std::max(seconds, kMinIntervalSecs);
}

void OperationMonitor::setInterval(int seconds)
{
    m_intervalSecs = clampInterval(seconds);
    if (m_intervalSecs == 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_intervalSecs * 1000);
}

void OperationMonitor::setBatchSize(int ids)
{
    m_batchSize = std::max(1, ids);
}

QDateTime OperationMonitor::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

quint64 OperationMonitor::requestCount() const
{
    return m_backend ? m_backend->requestCount() : 0;
}

void OperationMonitor::load()
{
    if (!m_reader) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT historyLoaded({});
            refresh();
        });
        return;
    }
    QPointer<OperationMonitor> self(this);
    m_reader->trackedOperations({}, [self](const Result<QList<TrackedOperation>> &tracked) {
        if (!self)
            return;
        if (!tracked) {
            Q_EMIT self->errorOccurred(tracked.error(), tr("Reading the tracked operations"));
            Q_EMIT self->historyLoaded({});
            self->refresh();
            return;
        }
        QList<QueuedOperation> latest;
        QHash<QString, QDateTime> observed;
        for (const TrackedOperation &t : tracked.value()) {
            if (!t.isTracked() || self->m_trackedSet.contains(t.operationId))
                continue;
            self->m_tracked << t.operationId;
            self->m_trackedSet.insert(t.operationId);
            if (t.lastSnapshot) {
                latest << t.lastSnapshot->operation;
                observed.insert(t.operationId, t.lastSnapshot->observedOn);
            }
        }
        Q_EMIT self->trackedChanged(int(self->m_tracked.size()));
        if (self->m_tracked.isEmpty()) {
            Q_EMIT self->historyLoaded({});
            self->refresh();
            return;
        }
        // The snapshot history of the throughput window feeds throughput and ETA from the first poll.
        SnapshotQuery q;
        q.operationIds = self->m_tracked;
        if (self->m_model)
            q.from = self->now().addSecs(-qint64(self->m_model->throughputWindowSeconds()));
        self->m_reader->snapshots(q, [self, latest, observed](const Result<QList<OperationSnapshot>> &snaps) {
            if (!self)
                return;
            if (!snaps)
                Q_EMIT self->errorOccurred(snaps.error(), tr("Reading the snapshot history"));
            if (self->m_model) {
                if (snaps) {
                    QHash<QString, std::vector<ProgressEstimator::Sample>> byId;
                    for (const OperationSnapshot &s : snaps.value())
                        byId[s.operation.ingestionOperationId].push_back(
                            { s.observedOn.toMSecsSinceEpoch(), s.operation.done() });
                    for (auto it = byId.cbegin(); it != byId.cend(); ++it)
                        self->m_model->preloadSamples(it.key(), it.value());
                }
                // The last known rows, each at the time it was observed, so the view is full at once.
                QHash<qint64, QList<QueuedOperation>> byTime;
                for (const QueuedOperation &op : latest)
                    byTime[observed.value(op.ingestionOperationId).toMSecsSinceEpoch()] << op;
                QList<qint64> times = byTime.keys();
                std::sort(times.begin(), times.end());
                for (qint64 t : times)
                    self->m_model->upsert(byTime.value(t), QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
            }
            Q_EMIT self->historyLoaded(latest);
            self->refresh();
        });
    });
}

QStringList OperationMonitor::track(const QStringList &ids, TrackSource source, const QString &database,
                                    const QString &table)
{
    QStringList added;
    ArchiveBatch batch;
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        if (id.isEmpty() || m_trackedSet.contains(id))
            continue;
        m_trackedSet.insert(id);
        m_tracked << id;
        added << id;
        TrackRequest t;
        t.operationId = id;
        t.database = database;
        t.table = table;
        t.source = source;
        t.addedOn = now();
        batch.track << t;
    }
    if (added.isEmpty())
        return added;
    archive(std::move(batch));
    Q_EMIT trackedChanged(int(m_tracked.size()));
    refresh();
    return added;
}

void OperationMonitor::untrack(const QString &id)
{
    if (!m_trackedSet.remove(id))
        return;
    m_tracked.removeAll(id);
    if (m_model)
        m_model->remove(id);
    ArchiveBatch batch;
    UntrackRequest u;
    u.operationId = id;
    u.untrackedOn = now();
    batch.untrack << u;
    archive(std::move(batch));
    Q_EMIT trackedChanged(int(m_tracked.size()));
}

void OperationMonitor::refresh()
{
    if (isRefreshing()) {
        m_refreshAgain = true; // one more right after this one, however many were asked for
        return;
    }
    if (!m_backend || m_tracked.isEmpty()) {
        if (m_model)
            m_model->reevaluate(now());
        return;
    }
    startBatches();
}

void OperationMonitor::startBatches()
{
    Q_EMIT refreshStarted();
    m_refreshOk = true;
    const QStringList ids = m_tracked;
    QList<QStringList> batches;
    for (qsizetype i = 0; i < ids.size(); i += m_batchSize)
        batches << ids.mid(i, m_batchSize);
    m_refreshesInFlight = int(batches.size());
    m_refreshPendingFinish = true;
    QPointer<OperationMonitor> self(this);
    for (const QStringList &batch : batches) {
        m_backend->show(batch, [self](Result<QList<QueuedOperation>> r) {
            if (!self)
                return;
            if (r) {
                self->enqueueMerge(r.value(), self->now());
            } else {
                self->m_refreshOk = false;
                Q_EMIT self->errorOccurred(r.error(), tr("Refreshing the operations"));
            }
            if (--self->m_refreshesInFlight == 0)
                self->drainMerges(); // finishes the refresh once every row is merged
        });
    }
    Q_EMIT requestCountChanged(requestCount());
}

void OperationMonitor::enqueueMerge(const QList<QueuedOperation> &ops, const QDateTime &when)
{
    for (const QueuedOperation &op : ops)
        m_mergeQueue.append({ op, when });
    if (!m_mergeScheduled) {
        m_mergeScheduled = true;
        QTimer::singleShot(0, this, [this] { drainMerges(); });
    }
}

void OperationMonitor::drainMerges(int maxRows)
{
    m_mergeScheduled = false;
    // Rows are merged in slices, one slice per event-loop turn, so a refresh of thousands of
    // operations never blocks the GUI for long.
    const int limit = maxRows > 0 ? maxRows : kMergeSliceRows;
    const qsizetype n = std::min<qsizetype>(limit, m_mergeQueue.size());
    if (n > 0) {
        QList<QueuedOperation> slice;
        slice.reserve(n);
        QDateTime when = m_mergeQueue.first().second;
        qsizetype taken = 0;
        for (; taken < n && m_mergeQueue.at(taken).second == when; ++taken)
            slice << m_mergeQueue.at(taken).first;
        m_mergeQueue.remove(0, taken);
        merge(slice, when);
    }
    if (!m_mergeQueue.isEmpty()) {
        if (maxRows == INT_MAX) {
            drainMerges(INT_MAX);
            return;
        }
        m_mergeScheduled = true;
        QTimer::singleShot(0, this, [this] { drainMerges(); });
        return;
    }
    if (m_refreshesInFlight == 0 && m_refreshPendingFinish) {
        m_refreshPendingFinish = false;
        finishRefresh();
    }
}

void OperationMonitor::finishRefresh()
{
    m_lastRefreshed = now();
    Q_EMIT requestCountChanged(requestCount());
    Q_EMIT refreshed(m_lastRefreshed, m_refreshOk);
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void OperationMonitor::merge(const QList<QueuedOperation> &ops, const QDateTime &when)
{
    ArchiveBatch batch;
    QList<QueuedOperation> mine;
    mine.reserve(ops.size());
    for (const QueuedOperation &op : ops) {
        if (!m_trackedSet.contains(op.ingestionOperationId))
            continue; // untracked while the request was out
        mine << op;
        if (m_model) {
            const int row = m_model->rowForId(op.ingestionOperationId);
            if (row >= 0 && m_model->operationAt(row) == op)
                continue; // unchanged: nothing to archive
        }
        batch.snapshots << SnapshotObservation { op, when };
    }
    if (m_model)
        m_model->upsert(mine, when);
    archive(std::move(batch));
}

void OperationMonitor::archive(ArchiveBatch batch)
{
    if (!m_writer || batch.isEmpty())
        return;
    QPointer<OperationMonitor> self(this);
    m_writer->submit(std::move(batch), [self](const Result<ArchiveBatchSummary> &r) {
        if (self && !r)
            Q_EMIT self->errorOccurred(r.error(), tr("Writing the archive"));
    });
}

bool OperationMonitor::canCancel(const QString &id) const
{
    if (!m_trackedSet.contains(id) || m_cancelling.contains(id))
        return false;
    if (m_model) {
        const int row = m_model->rowForId(id);
        if (row >= 0 && (isTerminal(m_model->operationAt(row).state) || m_model->cancelInFlight(id)))
            return false;
    }
    return true;
}

QStringList OperationMonitor::cancel(const QStringList &ids)
{
    QStringList accepted;
    if (!m_backend)
        return accepted;
    for (const QString &id : ids) {
        if (!canCancel(id)) // also false for an id repeated in ids: it is in m_cancelling already
            continue;
        m_cancelling.insert(id);
        accepted << id;
    }
    if (accepted.isEmpty())
        return accepted;
    if (m_model)
        m_model->setCancelInFlight(accepted, true);
    m_cancelQueue << accepted;
    sendQueuedCancels();
    Q_EMIT requestCountChanged(requestCount());
    return accepted;
}

void OperationMonitor::sendQueuedCancels()
{
    QPointer<OperationMonitor> self(this);
    while (m_backend && m_cancelsOnWire < m_maxCancelsInFlight && !m_cancelQueue.isEmpty()) {
        const QString id = m_cancelQueue.takeFirst();
        ++m_cancelsOnWire;
        m_backend->cancel(id, [self, id](Result<QueuedOperation> r) {
            if (self) {
                --self->m_cancelsOnWire;
                self->onCancelAnswer(id, r);
            }
        });
    }
    if (!m_backend && !m_cancelQueue.isEmpty()) {
        // The endpoint went away with cancels still queued: none of them was sent.
        const QStringList dropped = std::exchange(m_cancelQueue, {});
        const Error e = Error::make(Error::Kind::Canceled, tr("No ingest endpoint is connected."));
        for (const QString &id : dropped)
            onCancelAnswer(id, e);
    }
}

void OperationMonitor::onCancelAnswer(const QString &id, const Result<QueuedOperation> &r)
{
    m_cancelling.remove(id);
    if (!r) {
        if (m_model)
            m_model->setCancelInFlight(id, false);
        Q_EMIT cancelFailed(id, r.error());
        Q_EMIT errorOccurred(r.error(), tr("Cancelling %1").arg(id));
    } else {
        QueuedOperation op = r.value();
        if (op.ingestionOperationId.isEmpty())
            op.ingestionOperationId = id;
        // Rows of this id still queued from an earlier show are older than this answer: drop them
        // (flushing the whole queue here merged up to 1,000 rows in one event, ~25 ms of GUI CPU per
        // cancel when many are cancelled during a refresh).
        m_mergeQueue.removeIf(
            [&id](const QPair<QueuedOperation, QDateTime> &p) { return p.first.ingestionOperationId == id; });
        merge({ op }, now());
        if (m_model)
            m_model->setCancelInFlight(id, false);
        Q_EMIT cancelSucceeded(id, op, op.pending);
    }
    Q_EMIT requestCountChanged(requestCount());
    sendQueuedCancels();
}

void OperationMonitor::submit(const SubmitIngestionRequest &request,
                              std::function<void(Result<QueuedIngestionSubmission>)> done)
{
    if (!m_backend) {
        const Error e = Error::make(Error::Kind::Usage, tr("No ingest endpoint is connected."));
        if (done)
            done(e);
        return;
    }
    QPointer<OperationMonitor> self(this);
    m_backend->submit(request, [self, request, done](Result<QueuedIngestionSubmission> r) {
        if (self) {
            if (r && !r->ingestionOperationId.isEmpty()) {
                self->track({ r->ingestionOperationId }, TrackSource::Submitted, request.database,
                            request.table);
                Q_EMIT self->submitted(r->ingestionOperationId);
            } else if (!r) {
                Q_EMIT self->errorOccurred(r.error(), tr("Submitting an ingestion"));
            }
            Q_EMIT self->requestCountChanged(self->requestCount());
        }
        if (done)
            done(r);
    });
}

void OperationMonitor::details(const QString &id, OperationBackend::DetailsDone done)
{
    if (!m_backend) {
        done(Error::make(Error::Kind::Usage, tr("No ingest endpoint is connected.")));
        return;
    }
    m_backend->details(id, std::move(done));
}

} // namespace iw
