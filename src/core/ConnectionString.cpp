#include "core/ConnectionString.h"

#include <QHash>

namespace iw {

namespace {

QUrl endpointUrl(const QString &value)
{
    QString v = value.trimmed();
    while (v.endsWith(QLatin1Char('/')))
        v.chop(1);
    return QUrl(v, QUrl::StrictMode);
}

} // namespace

ConnectionString ConnectionString::development(const QString &host, int blobPort, int queuePort,
                                               int tablePort)
{
    ConnectionString cs;
    cs.developmentStorage = true;
    cs.accountName = QLatin1String(kDevAccountName);
    cs.accountKey = QLatin1String(kDevAccountKey);
    const auto ep = [&](int port) {
        return QUrl(QStringLiteral("http://%1:%2/%3").arg(host).arg(port).arg(cs.accountName));
    };
    cs.blobEndpoint = ep(blobPort);
    cs.queueEndpoint = ep(queuePort);
    cs.tableEndpoint = ep(tablePort);
    return cs;
}

Result<ConnectionString> ConnectionString::parse(QStringView text)
{
    QHash<QString, QString> kv;
    for (QStringView part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error::parse(QStringLiteral("Connection string: '%1' is not Key=Value")
                                    .arg(part.left(eq < 0 ? 40 : eq).toString()));
        kv.insert(part.left(eq).trimmed().toString().toLower(), part.mid(eq + 1).trimmed().toString());
    }
    if (kv.isEmpty())
        return Error::parse(QStringLiteral("Connection string is empty"));

    if (kv.value(QStringLiteral("usedevelopmentstorage")).compare(QLatin1String("true"), Qt::CaseInsensitive)
        == 0) {
        QString host = QStringLiteral("127.0.0.1");
        QString scheme = QStringLiteral("http");
        const QString proxy = kv.value(QStringLiteral("developmentstorageproxyuri"));
        if (!proxy.isEmpty()) {
            const QUrl p(proxy);
            if (!p.isValid() || p.host().isEmpty())
                return Error::parse(QStringLiteral("Connection string: bad DevelopmentStorageProxyUri"));
            host = p.host();
            scheme = p.scheme();
        }
        ConnectionString cs = development(host);
        for (QUrl *u : { &cs.blobEndpoint, &cs.queueEndpoint, &cs.tableEndpoint })
            u->setScheme(scheme);
        return cs;
    }

    ConnectionString cs;
    cs.accountName = kv.value(QStringLiteral("accountname"));
    cs.accountKey = kv.value(QStringLiteral("accountkey"));
    cs.sharedAccessSignature = kv.value(QStringLiteral("sharedaccesssignature"));
    while (cs.sharedAccessSignature.startsWith(QLatin1Char('?'))) // also "? sv=..." and "??sv=..."
        cs.sharedAccessSignature = cs.sharedAccessSignature.mid(1).trimmed();
    if (!cs.accountKey.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(cs.accountKey.toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return Error::parse(QStringLiteral("Connection string: AccountKey is not base64"));
    }
    if (cs.accountKey.isEmpty() && cs.sharedAccessSignature.isEmpty())
        return Error::parse(
            QStringLiteral("Connection string has neither AccountKey nor SharedAccessSignature"));
    if (!cs.accountKey.isEmpty() && cs.accountName.isEmpty())
        return Error::parse(QStringLiteral("Connection string has an AccountKey but no AccountName"));

    QString protocol
        = kv.value(QStringLiteral("defaultendpointsprotocol"), QStringLiteral("https")).toLower();
    if (protocol != QLatin1String("https") && protocol != QLatin1String("http"))
        return Error::parse(
            QStringLiteral("Connection string: DefaultEndpointsProtocol must be http or https"));
    const QString suffix = kv.value(QStringLiteral("endpointsuffix"), QStringLiteral("core.windows.net"));

    const auto resolve = [&](const char *key, const char *service, QUrl &out) -> bool {
        const QString explicitValue = kv.value(QLatin1String(key));
        if (!explicitValue.isEmpty()) {
            out = endpointUrl(explicitValue);
            return out.isValid() && !out.host().isEmpty()
                && (out.scheme() == QLatin1String("http") || out.scheme() == QLatin1String("https"));
        }
        if (!cs.accountName.isEmpty()) {
            // AccountName and EndpointSuffix must make a host ("a b" or "core(net" do not).
            out = QUrl(
                QStringLiteral("%1://%2.%3.%4").arg(protocol, cs.accountName, QLatin1String(service), suffix),
                QUrl::StrictMode);
            return out.isValid() && !out.host().isEmpty() && out.path().isEmpty() && !out.hasQuery()
                && !out.hasFragment() && out.userInfo().isEmpty() && out.port() == -1;
        }
        return true;
    };
    if (!resolve("blobendpoint", "blob", cs.blobEndpoint)
        || !resolve("queueendpoint", "queue", cs.queueEndpoint)
        || !resolve("tableendpoint", "table", cs.tableEndpoint))
        return Error::parse(QStringLiteral("Connection string: an endpoint is not an http(s) URL (check the "
                                           "*Endpoint values, AccountName and EndpointSuffix)"));
    if (cs.tableEndpoint.isEmpty() && cs.queueEndpoint.isEmpty() && cs.blobEndpoint.isEmpty())
        return Error::parse(QStringLiteral("Connection string has no AccountName and no endpoint"));

    // A SAS-only string with explicit endpoints: take the account from the endpoint.
    if (cs.accountName.isEmpty()) {
        for (const QUrl *u : { &cs.tableEndpoint, &cs.queueEndpoint, &cs.blobEndpoint }) {
            if (u->isEmpty())
                continue;
            const QString host = u->host();
            const QString path = u->path();
            if (path.size() > 1) // path-style: the first segment
                cs.accountName = path.mid(1).section(QLatin1Char('/'), 0, 0);
            else if (host.contains(QLatin1Char('.')))
                cs.accountName = host.section(QLatin1Char('.'), 0, 0);
            if (!cs.accountName.isEmpty())
                break;
        }
    }
    return cs;
}

QString ConnectionString::toString() const
{
    if (developmentStorage && accountKey == QLatin1String(kDevAccountKey)) {
        if (tableEndpoint == development().tableEndpoint && queueEndpoint == development().queueEndpoint)
            return QStringLiteral("UseDevelopmentStorage=true");
        // DevelopmentStorageProxyUri: the emulator's ports on another host (or scheme).
        QUrl proxy;
        proxy.setScheme(tableEndpoint.scheme());
        proxy.setHost(tableEndpoint.host());
        const QString text
            = QStringLiteral("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=") + proxy.toString();
        const Result<ConnectionString> same = parse(text);
        if (same && same->blobEndpoint == blobEndpoint && same->queueEndpoint == queueEndpoint
            && same->tableEndpoint == tableEndpoint)
            return text;
    }
    QStringList parts;
    // A SAS-only string whose account came from an endpoint: AccountName= would make parse() add the
    // endpoints that were not given, so it is written only when it adds nothing.
    const bool allEndpoints = !blobEndpoint.isEmpty() && !queueEndpoint.isEmpty() && !tableEndpoint.isEmpty();
    if (!accountName.isEmpty() && (!accountKey.isEmpty() || allEndpoints))
        parts << QStringLiteral("AccountName=") + accountName;
    if (!accountKey.isEmpty())
        parts << QStringLiteral("AccountKey=") + accountKey;
    if (!sharedAccessSignature.isEmpty())
        parts << QStringLiteral("SharedAccessSignature=") + sharedAccessSignature;
    if (!blobEndpoint.isEmpty())
        parts << QStringLiteral("BlobEndpoint=") + blobEndpoint.toString();
    if (!queueEndpoint.isEmpty())
        parts << QStringLiteral("QueueEndpoint=") + queueEndpoint.toString();
    if (!tableEndpoint.isEmpty())
        parts << QStringLiteral("TableEndpoint=") + tableEndpoint.toString();
    return parts.join(QLatin1Char(';'));
}

} // namespace iw
