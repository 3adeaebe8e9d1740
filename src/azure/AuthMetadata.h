#pragma once

#include "azure/HttpPipeline.h"
#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace iw {

// What a Kusto endpoint says about signing in to it (`GET /v1/rest/auth/metadata`, no token needed):
// the resource id tokens must be issued for and the authority host. Endpoints that do not serve the
// document (404) or leave the resource out get the public cloud's resource, as the SDKs do.
struct AuthMetadata
{
    static QString defaultResource() { return QStringLiteral("https://kusto.kusto.windows.net"); }

    QString resourceId = defaultResource(); // AzureAD.KustoServiceResourceId
    QUrl loginEndpoint; // AzureAD.LoginEndpoint; empty when not given
    bool fromService = false; // false: the fallback was used

    // The OAuth2 v2.0 scope for this resource: "<resource>/.default".
    QString scope() const { return scopeFor(resourceId); }
    static QString scopeFor(const QString &resource);

    // Parses the JSON document; missing fields keep the fallbacks. Never throws.
    static Result<AuthMetadata> parse(const QByteArray &json);
    // GETs <endpoint>/v1/rest/auth/metadata through the pipeline. 404 -> the fallback; other failures
    // (network, 5xx after retries, malformed JSON) -> an Error. The callback runs once unless `context`
    // was destroyed first.
    static void fetch(HttpPipeline *pipeline, const QUrl &endpoint, QObject *context,
                      std::function<void(Result<AuthMetadata>)> callback);
};

} // namespace iw
