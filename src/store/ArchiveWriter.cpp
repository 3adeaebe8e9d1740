#include "store/ArchiveWriter.h"

#include "store/ArchiveError.h"
#include "store/ArchiveThread.h"
#include "store/SqlArchive.h"

#include <QMetaObject>
#include <QMutexLocker>

#include <chrono>

namespace iw {

namespace {

// Whether a failed group should be retried batch by batch: yes when one batch may be the cause (a
// statement error, one batch too big for the size cap); no when every batch would fail the same way
// (locked: each retry would wait out the busy timeout again; damaged; read-only; unreachable).
bool worthRetryingAlone(const Error &e)
{
    return !(ArchiveError::is(e, ArchiveError::Locked) || ArchiveError::is(e, ArchiveError::Corrupt)
             || ArchiveError::is(e, ArchiveError::ReadOnly) || ArchiveError::is(e, ArchiveError::CannotOpen));
}

} // namespace

ArchiveWriter::ArchiveWriter(const ArchiveConfig &config, QObject *parent)
    : QObject(parent), m_thread(std::make_unique<ArchiveThread>(config, QStringLiteral("ArchiveWriter")))
{ }

ArchiveWriter::~ArchiveWriter()
{
    m_thread.reset(); // runs the pending drain, closes the connection, joins
}

quint64 ArchiveWriter::submit(ArchiveBatch batch, Done done)
{
    Pending p;
    p.batch = std::move(batch);
    p.done = std::move(done);
    return enqueue(std::move(p));
}

Result<ArchiveBatchSummary> ArchiveWriter::submitAndWait(ArchiveBatch batch, int timeoutMs)
{
    Pending p;
    p.batch = std::move(batch);
    p.promise = std::make_shared<std::promise<Result<ArchiveBatchSummary>>>();
    std::future<Result<ArchiveBatchSummary>> answer = p.promise->get_future();
    const quint64 id = enqueue(std::move(p));
    if (timeoutMs >= 0 && answer.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready)
        return Error::make(Error::Kind::Timeout,
                           QStringLiteral("Archive batch %1 was not committed within %2 ms; it may still be")
                               .arg(id)
                               .arg(timeoutMs));
    return answer.get();
}

quint64 ArchiveWriter::enqueue(Pending p)
{
    bool schedule = false;
    quint64 id = 0;
    {
        QMutexLocker lock(&m_mutex);
        id = ++m_nextId;
        p.id = id;
        m_queue.append(std::move(p));
        ++m_inFlight;
        schedule = !m_drainScheduled;
        m_drainScheduled = true;
    }
    if (schedule)
        m_thread->post([this](SqlArchive *archive, const Error *openError) { drain(archive, openError); });
    return id;
}

void ArchiveWriter::drain(SqlArchive *archive, const Error *openError)
{
    for (;;) {
        QList<Pending> group;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty()) {
                m_drainScheduled = false;
                return;
            }
            const qsizetype n = qMin<qsizetype>(m_queue.size(), qMax(1, m_maxGroupSize));
            group = m_queue.mid(0, n);
            m_queue.remove(0, n);
        }
        if (!archive) {
            for (const Pending &p : group)
                answer(p, *openError);
            continue;
        }
        QList<ArchiveBatch> batches;
        batches.reserve(group.size());
        for (const Pending &p : group)
            batches.append(p.batch);
        const auto result = archive->commitMany(batches);
        if (result) {
            for (qsizetype i = 0; i < group.size(); ++i)
                answer(group.at(i), result->at(i));
        } else if (group.size() == 1 || !worthRetryingAlone(result.error())) {
            for (const Pending &p : group)
                answer(p, result.error());
        } else {
            for (const Pending &p : group)
                answer(p, archive->commit(p.batch));
        }
    }
}

void ArchiveWriter::answer(const Pending &p, const Result<ArchiveBatchSummary> &result)
{
    {
        QMutexLocker lock(&m_mutex);
        --m_inFlight;
    }
    if (p.promise)
        p.promise->set_value(result);
    QMetaObject::invokeMethod(
        this,
        [this, id = p.id, done = p.done, result] {
            if (result)
                Q_EMIT committed(id, *result);
            else
                Q_EMIT failed(id, result.error());
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}

void ArchiveWriter::setRetention(const RetentionPolicy &policy, std::function<void(const Status &)> done)
{
    m_thread->post([this, policy, done](SqlArchive *archive, const Error *openError) {
        Status s = archive ? archive->setRetention(policy) : Status(*openError);
        if (done)
            QMetaObject::invokeMethod(
                this, [done, s] { done(s); }, Qt::QueuedConnection);
    });
}

void ArchiveWriter::applyRetention(std::function<void(const Result<RetentionSummary> &)> done)
{
    m_thread->post([this, done](SqlArchive *archive, const Error *openError) {
        Result<RetentionSummary> r
            = archive ? archive->applyRetention() : Result<RetentionSummary>(*openError);
        if (done)
            QMetaObject::invokeMethod(
                this, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

void ArchiveWriter::setMaxGroupSize(int batches)
{
    QMutexLocker lock(&m_mutex);
    m_maxGroupSize = qMax(1, batches);
}

int ArchiveWriter::pendingBatches() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight;
}

} // namespace iw
