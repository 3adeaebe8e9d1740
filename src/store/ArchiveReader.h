#pragma once

#include "core/Result.h"
#include "store/Archive.h"
#include "store/ArchiveConfig.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>

namespace iw {

class ArchiveThread;

// Reads the archive off the calling thread, on its own connection (in WAL mode reads never wait for
// the writer). Queries run in the order asked; each answer is delivered on this object's thread.
// Answers for a reader that was destroyed are dropped.
class ArchiveReader : public QObject
{
    Q_OBJECT
public:
    explicit ArchiveReader(const ArchiveConfig &config, QObject *parent = nullptr);
    ~ArchiveReader() override;

    // Runs `query` on the reader thread, then `done(result)` on this object's thread.
    template<typename T>
    void run(std::function<Result<T>(Archive &)> query, std::function<void(const Result<T> &)> done);

    void trackedOperations(const TrackedOperationQuery &q,
                           std::function<void(const Result<QList<TrackedOperation>> &)> done);
    void snapshots(const SnapshotQuery &q,
                   std::function<void(const Result<QList<OperationSnapshot>> &)> done);
    void notifications(const NotificationQuery &q,
                       std::function<void(const Result<QList<NotificationRecord>> &)> done);

private:
    using Job = std::function<void(Archive *archive, const Error *openError)>;
    void post(Job job);

    std::unique_ptr<ArchiveThread> m_thread;
};

template<typename T>
void ArchiveReader::run(std::function<Result<T>(Archive &)> query,
                        std::function<void(const Result<T> &)> done)
{
    post([this, query = std::move(query), done = std::move(done)](Archive *archive, const Error *openError) {
        Result<T> r = archive ? query(*archive) : Result<T>(*openError);
        QMetaObject::invokeMethod(
            this, [done, r = std::move(r)] { done(r); }, Qt::QueuedConnection);
    });
}

} // namespace iw
