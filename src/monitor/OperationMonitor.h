#pragma once

#include "core/Result.h"
#include "models/OperationModel.h"
#include "monitor/OperationBackend.h"
#include "store/ArchiveBatch.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace iw {

class ArchiveReader;
class ArchiveWriter;

// Polls the tracked queued ingestion operations and keeps the OperationModel and the archive up to date.
// - One `.show queued ingestion operations` per refresh covers every tracked id (batched above
//   batchSize() ids); rows are upserted (never a reset) and the changed ones archived on the writer thread.
// - The poll timer runs at interval() seconds (never below kMinIntervalSecs; 0 = off); refresh() polls now.
//   A refresh asked for while one is running is coalesced into one more afterwards.
// - cancel(ids) sends at most one `.cancel` per id at a time (the model shows it in flight), merges the
//   returned row, archives it and keeps watching: cancel is best effort. Ids beyond maxCancelsInFlight()
//   wait in a queue (shown in flight already) and go out as answers come back, so "cancel all" of 1,000
//   operations neither builds 1,000 requests in one GUI event nor storms the service.
// - Tracked ids live in the archive: load() reads them (with their snapshot history for throughput/ETA).
class OperationMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinIntervalSecs = 5;
    static constexpr int kDefaultIntervalSecs = 15;
    static constexpr int kDefaultBatchSize = 250; // ids per show command
    static constexpr int kMergeSliceRows = 100; // rows merged per event-loop turn
    static constexpr int kDefaultMaxCancelsInFlight = 6; // one per HTTP/1.1 connection QNAM keeps per host

    // Any of backend / writer / reader may be null (no endpoint yet; no archive).
    OperationMonitor(OperationModel *model, OperationBackend *backend, ArchiveWriter *writer,
                     ArchiveReader *reader, QObject *parent = nullptr);
    ~OperationMonitor() override;

    OperationModel *model() const { return m_model; }
    OperationBackend *backend() const { return m_backend; }
    void setBackend(OperationBackend *backend);

    // Seconds between polls: 0 = off; other values are raised to kMinIntervalSecs.
    void setInterval(int seconds);
    int interval() const { return m_intervalSecs; }
    static int clampInterval(int seconds);
    void setBatchSize(int ids);
    int batchSize() const { return m_batchSize; }

    // Reads the tracked ids and their snapshots from the archive into the model, then refreshes.
    void load();

    // Adds ids (trimmed, de-duplicated; empty ones ignored) and polls them soon. Returns the new ones.
    QStringList track(const QStringList &ids, TrackSource source, const QString &database = {},
                      const QString &table = {});
    void untrack(const QString &id);
    QStringList trackedIds() const { return m_tracked; }
    bool isTracked(const QString &id) const { return m_trackedSet.contains(id); }

    // Polls now (F5). No-op without a backend or tracked ids (but still reports the refresh).
    void refresh();
    bool isRefreshing() const { return m_refreshesInFlight > 0 || m_refreshPendingFinish; }

    // Ids that may be cancelled now: tracked, not terminal, no cancel in flight.
    bool canCancel(const QString &id) const;
    // Sends `.cancel` for every id that canCancel() (at most maxCancelsInFlight() at a time, the rest
    // queued in order); returns the ids accepted, each of which gets exactly one `.cancel`.
    QStringList cancel(const QStringList &ids);
    void setMaxCancelsInFlight(int n) { m_maxCancelsInFlight = std::max(1, n); }
    int maxCancelsInFlight() const { return m_maxCancelsInFlight; }
    // Accepted cancels whose request has not been answered yet (queued or on the wire).
    int cancelsPending() const { return int(m_cancelling.size()); }

    // Submits a tracked queued ingestion; the new id is tracked on success.
    void submit(const SubmitIngestionRequest &request,
                std::function<void(Result<QueuedIngestionSubmission>)> done = {});
    // Per-blob details of one operation.
    void details(const QString &id, OperationBackend::DetailsDone done);

    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    quint64 requestCount() const;

    // The clock (tests inject one).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void refreshStarted();
    // After every refresh (all batches answered). ok is false when any batch failed.
    void refreshed(const QDateTime &when, bool ok);
    void errorOccurred(const iw::Error &error, const QString &context);
    void trackedChanged(int count);
    // A cancel came back: `operation` is the merged row; inFlightBlobs > 0 when blobs were still being
    // ingested and may finish anyway (best effort).
    void cancelSucceeded(const QString &id, const iw::QueuedOperation &operation, qint64 inFlightBlobs);
    void cancelFailed(const QString &id, const iw::Error &error);
    void submitted(const QString &id);
    void requestCountChanged(quint64 count);
    // load() is done (always emitted once per load): the last archived row of each tracked operation.
    void historyLoaded(const QList<iw::QueuedOperation> &latest);

private:
    void startBatches();
    void finishRefresh();
    void merge(const QList<QueuedOperation> &ops, const QDateTime &now);
    void enqueueMerge(const QList<QueuedOperation> &ops, const QDateTime &when);
    void drainMerges(int maxRows = 0);
    void archive(ArchiveBatch batch);
    void sendQueuedCancels();
    // One answer (or the reason it was never sent) for an accepted cancel.
    void onCancelAnswer(const QString &id, const Result<QueuedOperation> &r);
    QDateTime now() const;

    QPointer<OperationModel> m_model;
    QPointer<OperationBackend> m_backend;
    ArchiveWriter *m_writer = nullptr;
    ArchiveReader *m_reader = nullptr;
    QTimer m_timer;
    int m_intervalSecs = kDefaultIntervalSecs;
    int m_batchSize = kDefaultBatchSize;

    QStringList m_tracked; // in the order tracked
    QSet<QString> m_trackedSet;
    QSet<QString> m_cancelling; // accepted, not answered yet
    QStringList m_cancelQueue; // accepted, not sent yet (in order)
    int m_cancelsOnWire = 0;
    int m_maxCancelsInFlight = kDefaultMaxCancelsInFlight;

    int m_refreshesInFlight = 0; // batches of the running refresh not answered yet
    bool m_refreshPendingFinish = false;
    QList<QPair<QueuedOperation, QDateTime>> m_mergeQueue;
    bool m_mergeScheduled = false;
    bool m_refreshAgain = false;
    bool m_refreshOk = true;
    QDateTime m_lastRefreshed;
    std::function<QDateTime()> m_clock;
};

} // namespace iw
