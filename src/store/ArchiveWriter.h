#pragma once

#include "core/Result.h"
#include "store/ArchiveBatch.h"
#include "store/ArchiveConfig.h"
#include "store/ArchiveRecords.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <functional>
#include <future>
#include <memory>

namespace iw {

class ArchiveThread;

// Writes to the archive off the calling thread. Batches submitted while a transaction is running are
// committed together in the next one (group commit, up to maxGroupSize batches); when a group fails,
// its batches are retried one by one so one bad batch does not fail the others. Every batch gets
// exactly one answer: committed(id) or failed(id), emitted on this object's thread.
//
// The consume path of the report queues: build a batch of NotificationOrigin::Consumed observations,
// submit it, and delete the queue messages only in its `done` callback / committed(id) (or after
// submitAndWait() returns a value). A failure leaves the messages in the queue: at-least-once.
class ArchiveWriter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<ArchiveBatchSummary> &)>;

    explicit ArchiveWriter(const ArchiveConfig &config, QObject *parent = nullptr);
    // Commits what was already submitted, closes the connection, joins the thread. Answers still
    // queued for this object when it dies are dropped (the rows are committed nonetheless).
    ~ArchiveWriter() override;

    // Thread-safe. Returns the batch id. `done` runs on this object's thread after the signal.
    quint64 submit(ArchiveBatch batch, Done done = {});
    // Blocks the calling thread (never the writer's own) until the batch is committed or failed.
    // timeoutMs < 0 waits forever; on timeout the answer is an Error of kind Timeout and the batch may
    // still commit later (so do not delete queue messages on a timeout).
    Result<ArchiveBatchSummary> submitAndWait(ArchiveBatch batch, int timeoutMs = -1);

    // Retention runs on the writer thread, between batches.
    void setRetention(const RetentionPolicy &policy, std::function<void(const Status &)> done = {});
    void applyRetention(std::function<void(const Result<RetentionSummary> &)> done = {});

    void setMaxGroupSize(int batches); // default 64
    int pendingBatches() const; // submitted and not yet answered by the worker

Q_SIGNALS:
    void committed(quint64 batchId, const iw::ArchiveBatchSummary &summary);
    void failed(quint64 batchId, const iw::Error &error);

private:
    struct Pending
    {
        quint64 id = 0;
        ArchiveBatch batch;
        Done done;
        std::shared_ptr<std::promise<Result<ArchiveBatchSummary>>> promise;
    };

    quint64 enqueue(Pending p);
    void drain(class SqlArchive *archive, const Error *openError); // on the worker thread
    void answer(const Pending &p, const Result<ArchiveBatchSummary> &result); // on the worker thread

    mutable QMutex m_mutex;
    QList<Pending> m_queue;
    bool m_drainScheduled = false;
    quint64 m_nextId = 0;
    int m_maxGroupSize = 64;
    int m_inFlight = 0;
    std::unique_ptr<ArchiveThread> m_thread; // last: joined first
};

} // namespace iw
