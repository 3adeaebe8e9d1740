#pragma once

#include "core/KustoV1.h"
#include "simulator/HttpFront.h"
#include "simulator/IngestionEngine.h"

#include <QHash>
#include <QString>

#include <functional>

namespace iw {

// The ingest endpoint's `POST /v1/rest/mgmt`: request body in, v1 result or OneApi error out.
class MgmtService
{
public:
    using ResourceSource = std::function<QList<IngestionResource>()>;

    MgmtService(IngestionEngine *engine, ResourceSource resources, QString identityToken);

    // body: {"db": .., "csl": .., "properties": string or object}.
    SimHttpResponse handle(const QByteArray &body, const QString &clientRequestId, const QString &activityId);

    // The service's error shape: {"error":{"code","message","@type","@message","@context",...,"@permanent"}}.
    static QByteArray oneApiError(const QString &code, const QString &message, const QString &type,
                                  const QString &detail, bool permanent, const QString &clientRequestId,
                                  const QString &activityId);
    static SimHttpResponse errorResponse(int status, const QString &code, const QString &message,
                                         const QString &type, const QString &detail, bool permanent,
                                         const QString &clientRequestId, const QString &activityId);

    // `.cancel queued ingestion operation` commands run, per operation id (tests: never sent twice).
    int cancelCount(const QString &operationId) const { return m_cancels.value(operationId); }
    int cancelCount() const;

private:
    IngestionEngine *m_engine;
    ResourceSource m_resources;
    QString m_identityToken;
    QHash<QString, int> m_cancels;
};

} // namespace iw
