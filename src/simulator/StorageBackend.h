#pragma once

#include "azure/BlobClient.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"
#include "core/KustoV1.h"
#include "simulator/IngestionEngine.h"
#include "simulator/SasBuilder.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace iw {

// The storage account behind the simulated service (Azurite by default): creates its queues, status
// table and container, hands out SAS URIs for `.get ingestion resources`, consumes the ingestion
// messages SDKs post to the ready-for-aggregation queue, and reports finished blobs to the status
// table and the report queues as each message asks.
class StorageBackend : public QObject
{
    Q_OBJECT
public:
    struct Names
    {
        QString readyQueue = QStringLiteral("readyforaggregation-secured");
        QString failedQueue = QStringLiteral("failedingestions");
        QString successQueue = QStringLiteral("successfulingestions");
        QString statusTable = QStringLiteral("ingestionsstatus");
        QString tempContainer = QStringLiteral("tempstorage");
    };

    StorageBackend(const ConnectionString &cs, IngestionEngine *engine, QObject *parent = nullptr);
    ~StorageBackend() override;

    // Creates everything; then starts polling the ready queue every pollMs.
    void setup(std::function<void(Status)> done, int pollMs = 500);
    QList<IngestionResource> resources() const;
    const Names &names() const { return m_names; }

    // Writes statuses and notifications for blobs that reached a final state.
    void report(const QList<SimBlob> &blobs);
    // Writes the initial Pending row a client writes before posting its message (the demo's clients).
    void writePending(const SimBlob &b) { writeStatus(b); }
    // Report even blobs of `.ingest-from-storage-queued` (the demo does, so the panes have data).
    void setReportCommandBlobs(bool on) { m_reportCommandBlobs = on; }

    int consumedMessages() const { return m_consumed; }
    int pendingWrites() const { return m_pendingWrites; }

Q_SIGNALS:
    void logLine(const QString &line);

private:
    void poll();
    void writeStatus(const SimBlob &b);
    void postNotification(const SimBlob &b);

    ConnectionString m_cs;
    IngestionEngine *m_engine;
    Names m_names;
    HttpPipeline m_pipeline;
    std::unique_ptr<QueueClient> m_queues;
    std::unique_ptr<TableClient> m_tables;
    std::unique_ptr<BlobClient> m_blobs;
    std::unique_ptr<SasBuilder> m_sas;
    QTimer m_poll;
    bool m_polling = false;
    bool m_reportCommandBlobs = false;
    int m_consumed = 0;
    int m_pendingWrites = 0;
};

} // namespace iw
