#pragma once

#include "store/ArchiveConfig.h"
#include "store/SqlArchive.h"

#include <QThread>

#include <functional>
#include <memory>

namespace iw {

// A worker thread that owns one SqlArchive (its own QtSql connection) and runs posted jobs on it in
// order. The archive is opened lazily by the first job (retried by later jobs while it fails) and
// closed on the thread when this object is destroyed, after every job already posted has run.
// Used by ArchiveWriter and ArchiveReader.
class ArchiveThread
{
public:
    // `archive` is null when it cannot be opened; `openError` then says why.
    using Job = std::function<void(SqlArchive *archive, const Error *openError)>;

    ArchiveThread(const ArchiveConfig &config, const QString &name);
    ~ArchiveThread();
    ArchiveThread(const ArchiveThread &) = delete;
    ArchiveThread &operator=(const ArchiveThread &) = delete;

    void post(Job job); // thread-safe

private:
    struct State;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    std::shared_ptr<State> m_state; // touched only on m_thread
};

} // namespace iw
