#include "store/ArchiveReader.h"

#include "store/ArchiveThread.h"

namespace iw {

ArchiveReader::ArchiveReader(const ArchiveConfig &config, QObject *parent)
    : QObject(parent), m_thread(std::make_unique<ArchiveThread>(config, QStringLiteral("ArchiveReader")))
{ }

ArchiveReader::~ArchiveReader()
{
    m_thread.reset();
}

void ArchiveReader::post(Job job)
{
    m_thread->post(
        [job = std::move(job)](SqlArchive *archive, const Error *openError) { job(archive, openError); });
}

void ArchiveReader::trackedOperations(const TrackedOperationQuery &q,
                                      std::function<void(const Result<QList<TrackedOperation>> &)> done)
{
    run<QList<TrackedOperation>>([q](Archive &a) { return a.trackedOperations(q); }, std::move(done));
}

void ArchiveReader::snapshots(const SnapshotQuery &q,
                              std::function<void(const Result<QList<OperationSnapshot>> &)> done)
{
    run<QList<OperationSnapshot>>([q](Archive &a) { return a.snapshots(q); }, std::move(done));
}

void ArchiveReader::notifications(const NotificationQuery &q,
                                  std::function<void(const Result<QList<NotificationRecord>> &)> done)
{
    run<QList<NotificationRecord>>([q](Archive &a) { return a.notifications(q); }, std::move(done));
}

} // namespace iw
