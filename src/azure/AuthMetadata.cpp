#include "azure/AuthMetadata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace iw {

QString AuthMetadata::scopeFor(const QString &resource)
{
    QString r = resource.trimmed();
    while (r.endsWith(QLatin1Char('/')))
        r.chop(1);
    if (r.isEmpty())
        r = defaultResource();
    return r + QStringLiteral("/.default");
}

Result<AuthMetadata> AuthMetadata::parse(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error::parse(QStringLiteral("The auth metadata of the endpoint is not JSON (%1).")
                                .arg(json.isEmpty() ? QStringLiteral("empty") : pe.errorString()));
    AuthMetadata m;
    const QJsonObject aad = doc.object().value(QStringLiteral("AzureAD")).toObject();
    const QString resource = aad.value(QStringLiteral("KustoServiceResourceId")).toString().trimmed();
    if (!resource.isEmpty()) {
        m.resourceId = resource;
        m.fromService = true;
    }
    const QUrl login(aad.value(QStringLiteral("LoginEndpoint")).toString().trimmed());
    if (login.isValid() && !login.scheme().isEmpty())
        m.loginEndpoint = login;
    return m;
}

void AuthMetadata::fetch(HttpPipeline *pipeline, const QUrl &endpoint, QObject *context,
                         std::function<void(Result<AuthMetadata>)> callback)
{
    QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    if (!pipeline) {
        QTimer::singleShot(0, [ctx, hadContext, callback] {
            if (!hadContext || ctx)
                callback(
                    Error::make(Error::Kind::Usage, QStringLiteral("Auth metadata without a pipeline.")));
        });
        return;
    }
    HttpRequest req;
    req.verb = "GET";
    QUrl url = endpoint;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1/rest/auth/metadata"));
    url.setQuery(QString());
    req.url = url;
    req.setHeader("Accept", "application/json");
    req.timeout = std::chrono::seconds(20);
    pipeline->send(std::move(req), context, [callback](Result<HttpResponse> r) {
        if (!r) {
            if (r.error().httpStatus == 404) {
                callback(AuthMetadata {}); // older or private endpoints: the public cloud's resource
                return;
            }
            Error e = r.error();
            e.message = QStringLiteral("Could not read the endpoint's sign-in metadata: %1").arg(e.message);
            callback(e);
            return;
        }
        callback(parse(r->body));
    });
}

} // namespace iw
