#pragma once

#include "monitor/OperationBackend.h"

#include <QPointer>

namespace iw {

class HttpPipeline;
class KustoClient;

// OperationBackend over KustoClient: the real ingest endpoint, or ingestwatch-sim.
class KustoOperationBackend : public OperationBackend
{
    Q_OBJECT
public:
    // `client` and `pipeline` are not owned; `pipeline` is the one the client sends through (for the count).
    KustoOperationBackend(KustoClient *client, HttpPipeline *pipeline, QObject *parent = nullptr);

    void show(const QStringList &ids, ShowDone done) override;
    void details(const QString &id, DetailsDone done) override;
    void cancel(const QString &id, CancelDone done) override;
    void submit(const SubmitIngestionRequest &request, SubmitDone done) override;
    quint64 requestCount() const override;

private:
    QPointer<KustoClient> m_client;
    QPointer<HttpPipeline> m_pipeline;
};

} // namespace iw
