#include "azure/StorageCredential.h"

#include "azure/SharedKeySigner.h"

namespace iw {

Result<StorageCredential> StorageCredential::sharedKey(const QString &account, const QString &base64Key)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64Key.trimmed().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (account.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("Shared key credential needs an account name"));
    if (!decoded || decoded.decoded.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("The account key is not base64"));
    StorageCredential c;
    c.m_kind = Kind::SharedKey;
    c.m_account = account;
    c.m_key = decoded.decoded;
    return c;
}

StorageCredential StorageCredential::sas(const QString &token)
{
    StorageCredential c;
    c.m_kind = Kind::Sas;
    c.m_sas = token.startsWith(QLatin1Char('?')) ? token.mid(1) : token;
    return c;
}

Result<StorageCredential> StorageCredential::fromConnectionString(const ConnectionString &cs)
{
    if (cs.hasSharedKey())
        return sharedKey(cs.accountName, cs.accountKey);
    if (cs.hasSas())
        return sas(cs.sharedAccessSignature);
    return Error::make(Error::Kind::Usage, QStringLiteral("The connection string has no credential"));
}

void StorageCredential::appendSas(QUrl &url, const QString &token)
{
    if (token.isEmpty())
        return;
    const QString q = url.query(QUrl::FullyEncoded);
    url.setQuery(q.isEmpty() ? token : q + QLatin1Char('&') + token, QUrl::TolerantMode);
}

Status StorageCredential::applyTable(HttpRequest &r, TableScheme scheme) const
{
    switch (m_kind) {
    case Kind::Anonymous:
        return Unit {};
    case Kind::Sas:
        appendSas(r.url, m_sas);
        return Unit {};
    case Kind::SharedKey:
        break;
    }
    r.removeHeader("Date");
    const QByteArray date = SharedKeySigner::rfc1123(QDateTime::currentDateTimeUtc());
    r.setHeader("x-ms-date", date);
    const QByteArray resource = SharedKeySigner::tableCanonicalResource(m_account, r.url);
    if (scheme == TableScheme::SharedKeyLite) {
        const QByteArray sts = SharedKeySigner::tableLiteStringToSign(date, resource);
        r.setHeader("Authorization",
                    "SharedKeyLite " + m_account.toUtf8() + ':' + SharedKeySigner::sign(m_key, sts));
    } else {
        const QByteArray sts = SharedKeySigner::tableStringToSign(r.verb, r.header("Content-MD5"),
                                                                  r.header("Content-Type"), date, resource);
        r.setHeader("Authorization",
                    "SharedKey " + m_account.toUtf8() + ':' + SharedKeySigner::sign(m_key, sts));
    }
    return Unit {};
}

Status StorageCredential::applyQueue(HttpRequest &r) const
{
    switch (m_kind) {
    case Kind::Anonymous:
        return Unit {};
    case Kind::Sas:
        appendSas(r.url, m_sas);
        return Unit {};
    case Kind::SharedKey:
        break;
    }
    r.removeHeader("Date");
    r.setHeader("x-ms-date", SharedKeySigner::rfc1123(QDateTime::currentDateTimeUtc()));
    // The pipeline adds x-ms-client-request-id before prepare(), so it is signed too.
    const QByteArray sts = SharedKeySigner::queueStringToSign(
        r.verb, r.headers, r.body.size(), SharedKeySigner::queueCanonicalResource(m_account, r.url));
    r.setHeader("Authorization", "SharedKey " + m_account.toUtf8() + ':' + SharedKeySigner::sign(m_key, sts));
    return Unit {};
}

namespace {

Result<StorageServiceConfig> fromCs(const ConnectionString &cs, const QUrl &endpoint, const char *service)
{
    if (endpoint.isEmpty())
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("The connection string has no %1 endpoint").arg(QLatin1String(service)));
    auto cred = StorageCredential::fromConnectionString(cs);
    if (!cred)
        return cred.error();
    StorageServiceConfig c;
    c.endpoint = endpoint;
    c.credential = cred.value();
    return c;
}

} // namespace

Result<StorageServiceConfig> StorageServiceConfig::tableFromConnectionString(const ConnectionString &cs)
{
    return fromCs(cs, cs.tableEndpoint, "table");
}
Result<StorageServiceConfig> StorageServiceConfig::queueFromConnectionString(const ConnectionString &cs)
{
    return fromCs(cs, cs.queueEndpoint, "queue");
}
Result<StorageServiceConfig> StorageServiceConfig::blobFromConnectionString(const ConnectionString &cs)
{
    return fromCs(cs, cs.blobEndpoint, "blob");
}

StorageServiceConfig StorageServiceConfig::fromStorageUri(const StorageUri &uri)
{
    StorageServiceConfig c;
    c.endpoint = uri.endpoint;
    c.credential = StorageCredential::sas(uri.sasToken);
    return c;
}

} // namespace iw
