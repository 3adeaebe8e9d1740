#include "core/ConnectionProfile.h"

#include <QStringList>

namespace iw {

QString toString(SignInMethod m)
{
    switch (m) {
    case SignInMethod::None:
        return QStringLiteral("None");
    case SignInMethod::AzureCli:
        return QStringLiteral("AzureCli");
    case SignInMethod::ServicePrincipal:
        return QStringLiteral("ServicePrincipal");
    case SignInMethod::DeviceCode:
        return QStringLiteral("DeviceCode");
    case SignInMethod::Browser:
        return QStringLiteral("Browser");
    }
    return QStringLiteral("None");
}

SignInMethod signInMethodFromString(QStringView s)
{
    for (SignInMethod m : { SignInMethod::None, SignInMethod::AzureCli, SignInMethod::ServicePrincipal,
                            SignInMethod::DeviceCode, SignInMethod::Browser }) {
        if (s.compare(toString(m), Qt::CaseInsensitive) == 0)
            return m;
    }
    return SignInMethod::None;
}

namespace {

// Dotted-quad IPv4 (four numbers 0..255).
bool isIPv4(const QString &host, int *firstOctet = nullptr)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || p.isEmpty() || p.size() > 3 || n < 0 || n > 255)
            return false;
    }
    if (firstOctet)
        *firstOctet = parts.first().toInt();
    return true;
}

bool isIPv6(const QString &host)
{
    QString h = host;
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    return h.contains(QLatin1Char(':'));
}

bool isIpAddress(const QString &host)
{
    return isIPv4(host) || isIPv6(host);
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    int first = -1;
    if (isIPv4(host, &first))
        return first == 127;
    QString h = host;
    h.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    return h == QLatin1String("::1") || h == QLatin1String("0:0:0:0:0:0:0:1");
}

QUrl ingestEndpointFor(const QUrl &clusterUrl)
{
    QUrl u = clusterUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                 | QUrl::RemoveUserInfo);
    const QString host = u.host();
    if (host.isEmpty())
        return u;
    const bool keep = host.startsWith(QLatin1String("ingest-"), Qt::CaseInsensitive) || isLoopbackHost(host)
        || isIpAddress(host);
    if (!keep)
        u.setHost(QStringLiteral("ingest-") + host);
    return u;
}

QUrl ConnectionProfile::ingestEndpoint() const
{
    return ingestEndpointFor(clusterUrl);
}

QString ConnectionProfile::secretKey(QStringView what) const
{
    return QStringLiteral("profile/") + name + QLatin1Char('/') + what;
}

QUrl withoutSecrets(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

QString ConnectionProfile::sasKey(const QUrl &resourceUrl)
{
    return QStringLiteral("sas:") + withoutSecrets(resourceUrl).toString();
}

QStringList ConnectionProfile::secretNames() const
{
    QStringList out { kClientSecret.toString(), kRefreshToken.toString(),
                      kStorageConnectionString.toString() };
    if (!manualStatusTableUrl.isEmpty())
        out << sasKey(manualStatusTableUrl);
    for (const QString &q : manualQueueUrls + manualSuccessQueueUrls)
        out << sasKey(QUrl(q));
    return out;
}

} // namespace iw
