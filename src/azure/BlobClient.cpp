#include "azure/BlobClient.h"

#include "azure/StorageErrorDecoder.h"

namespace iw {

BlobClient::BlobClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent)
    : QObject(parent), m_pipeline(pipeline), m_config(std::move(config))
{ }

void BlobClient::createContainer(const QString &container, QObject *context,
                                 std::function<void(Status)> callback)
{
    if (!m_pipeline) {
        callback(Error::make(Error::Kind::Usage, QStringLiteral("BlobClient: no pipeline")));
        return;
    }
    HttpRequest req;
    req.verb = "PUT";
    QUrl url = m_config.endpoint;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + container);
    url.setQuery(QStringLiteral("restype=container"));
    req.url = url;
    req.timeout = m_config.timeout;
    req.setHeader("x-ms-version", "2021-12-02");
    const StorageCredential credential = m_config.credential;
    req.decodeError = &StorageErrorDecoder::decode;
    req.prepare = [credential](HttpRequest &r) -> Status {
        return credential.applyBlob(r);
    };
    m_pipeline->send(std::move(req), context, [callback](Result<HttpResponse> r) {
        if (r.ok() || r.error().httpStatus == 409) // ContainerAlreadyExists
            callback(Unit {});
        else
            callback(r.error());
    });
}

} // namespace iw
