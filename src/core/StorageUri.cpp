#include "core/StorageUri.h"

#include <QRegularExpression>

namespace iw {

namespace {

// Path-style when the host is an IP address or a name without dots (localhost, azurite), or when the
// host is not an Azure storage style name "<account>.<service>.<suffix>".
bool isPathStyleHost(const QString &host)
{
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    if (host.contains(QLatin1Char(':')) || ipv4.match(host).hasMatch())
        return true;
    if (!host.contains(QLatin1Char('.')))
        return true;
    return false;
}

} // namespace

Result<StorageUri> StorageUri::parse(const QString &uri)
{
    const QUrl url(uri.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error::parse(QStringLiteral("Not an http(s) storage URI"));
    StorageUri out;
    out.sasToken = url.query(QUrl::FullyEncoded);
    const QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QUrl root
        = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemovePath | QUrl::RemoveUserInfo);
    out.pathStyle = isPathStyleHost(url.host());
    if (out.pathStyle) {
        if (segments.size() < 2)
            return Error::parse(QStringLiteral("Path-style storage URI needs /<account>/<resource>"));
        out.account = segments.at(0);
        out.resourceName = segments.at(1);
        root.setPath(QLatin1Char('/') + out.account);
    } else {
        if (segments.isEmpty())
            return Error::parse(QStringLiteral("Storage URI names no resource"));
        out.account = url.host().section(QLatin1Char('.'), 0, 0);
        out.resourceName = segments.at(0);
    }
    out.endpoint = root;
    return out;
}

QUrl StorageUri::resourceUrl() const
{
    QUrl u = endpoint;
    u.setPath(u.path() + QLatin1Char('/') + resourceName);
    return u;
}

} // namespace iw
