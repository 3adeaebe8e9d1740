#include "monitor/KustoOperationBackend.h"

#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"

namespace iw {

namespace {
Error gone()
{
    return Error::make(Error::Kind::Canceled, QStringLiteral("The connection was closed."));
}
} // namespace

KustoOperationBackend::KustoOperationBackend(KustoClient *client, HttpPipeline *pipeline, QObject *parent)
    : OperationBackend(parent), m_client(client), m_pipeline(pipeline)
{ }

void KustoOperationBackend::show(const QStringList &ids, ShowDone done)
{
    if (!m_client)
        return done(gone());
    m_client->showOperations(ids, this, std::move(done));
}

void KustoOperationBackend::details(const QString &id, DetailsDone done)
{
    if (!m_client)
        return done(gone());
    m_client->showOperationDetails(id, this, std::move(done));
}

void KustoOperationBackend::cancel(const QString &id, CancelDone done)
{
    if (!m_client)
        return done(gone());
    m_client->cancelOperation(id, this, std::move(done));
}

void KustoOperationBackend::submit(const SubmitIngestionRequest &request, SubmitDone done)
{
    if (!m_client)
        return done(gone());
    QList<QPair<QString, QString>> properties;
    properties << qMakePair(QStringLiteral("format"), request.format);
    if (!request.mappingReference.isEmpty())
        properties << qMakePair(QStringLiteral("ingestionMappingReference"), request.mappingReference);
    m_client->ingestFromStorageQueued(request.database, request.table, request.blobUrls, properties, this,
                                      std::move(done));
}

quint64 KustoOperationBackend::requestCount() const
{
    return m_pipeline ? m_pipeline->requestsSent() : 0;
}

} // namespace iw
