#pragma once

#include "core/KustoV1.h"
#include "core/QueuedOperation.h"
#include "core/Result.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace iw {

// What the dashboard asks of the ingest endpoint's queued-ingestion commands. OperationMonitor talks to
// this seam only; KustoOperationBackend implements it over KustoClient (the real endpoint or
// ingestwatch-sim), tests may implement it in process. Callbacks run on the backend's thread, exactly once.
struct SubmitIngestionRequest
{
    QString database;
    QString table;
    QStringList blobUrls;
    QString format = QStringLiteral("csv");
    QString mappingReference; // empty: none
};

class OperationBackend : public QObject
{
    Q_OBJECT
public:
    using ShowDone = std::function<void(Result<QList<QueuedOperation>>)>;
    using DetailsDone = std::function<void(Result<QList<BlobDetail>>)>;
    using CancelDone = std::function<void(Result<QueuedOperation>)>;
    using SubmitDone = std::function<void(Result<QueuedIngestionSubmission>)>;

    using QObject::QObject;
    ~OperationBackend() override;

    // `.show queued ingestion operations ("id", ...)`: one command for all `ids`.
    virtual void show(const QStringList &ids, ShowDone done) = 0;
    // `.show queued ingestion operations "id" details`.
    virtual void details(const QString &id, DetailsDone done) = 0;
    // `.cancel queued ingestion operation 'id'`: the returned row.
    virtual void cancel(const QString &id, CancelDone done) = 0;
    // `.ingest-from-storage-queued ... EnableTracking=true`.
    virtual void submit(const SubmitIngestionRequest &request, SubmitDone done) = 0;

    // Requests put on the wire since creation (retries count), for the status bar.
    virtual quint64 requestCount() const = 0;
};

} // namespace iw
