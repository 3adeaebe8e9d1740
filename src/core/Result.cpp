#include "core/Result.h"

namespace iw {

QString Error::kindName(Kind k)
{
    switch (k) {
    case Kind::Parse:
        return QStringLiteral("parse error");
    case Kind::Network:
        return QStringLiteral("network error");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Http:
        return QStringLiteral("HTTP error");
    case Kind::Auth:
        return QStringLiteral("authentication error");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Throttled:
        return QStringLiteral("throttled");
    case Kind::Canceled:
        return QStringLiteral("canceled");
    case Kind::Io:
        return QStringLiteral("I/O error");
    case Kind::Usage:
        return QStringLiteral("usage error");
    }
    return QStringLiteral("error");
}

QString Error::toString() const
{
    QString s;
    if (httpStatus > 0)
        s += QStringLiteral("HTTP %1").arg(httpStatus);
    else
        s += kindName(kind);
    if (!code.isEmpty())
        s += QLatin1Char(' ') + code;
    if (!message.isEmpty())
        s += QStringLiteral(": ") + message;
    if (!activityId.isEmpty())
        s += QStringLiteral(" (activity %1)").arg(activityId);
    return s;
}

} // namespace iw
