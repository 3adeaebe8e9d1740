#include "core/OneApiError.h"

#include "core/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace iw {

namespace {

constexpr qsizetype kMaxMessage = 2000;

QString clip(QString s)
{
    s = s.trimmed();
    if (s.size() > kMaxMessage) {
        // Cut first so a secret split at the cut cannot escape redaction, then redact.
        s.truncate(kMaxMessage);
        s += QStringLiteral(" [...]");
    }
    return redact(s);
}

// Finds the "error" object of a OneApi body, or an empty object.
QJsonObject errorObject(const QJsonObject &root)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key().compare(QLatin1String("error"), Qt::CaseInsensitive) == 0 && it.value().isObject())
            return it.value().toObject();
        if (it.key().compare(QLatin1String("OneApiErrors"), Qt::CaseInsensitive) == 0
            && it.value().isArray()) {
            const QJsonArray a = it.value().toArray();
            if (!a.isEmpty() && a.first().toObject().value(QLatin1String("error")).isObject())
                return a.first().toObject().value(QLatin1String("error")).toObject();
        }
    }
    return {};
}

QString stringMember(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

Error::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
    case 403:
        return Error::Kind::Auth;
    case 404:
        return Error::Kind::NotFound;
    case 429:
        return Error::Kind::Throttled;
    default:
        return Error::Kind::Http;
    }
}

bool retryableStatus(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
}

} // namespace

bool looksLikeOneApiError(const QByteArray &body)
{
    const QJsonDocument d = QJsonDocument::fromJson(body);
    return d.isObject() && !errorObject(d.object()).isEmpty();
}

Error parseOneApiError(const QByteArray &body, int httpStatus, const QString &activityIdHeader)
{
    Error e;
    e.kind = kindForStatus(httpStatus);
    e.httpStatus = httpStatus;
    e.retryable = retryableStatus(httpStatus);
    e.activityId = activityIdHeader;

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonObject err = doc.isObject() ? errorObject(doc.object()) : QJsonObject();
    if (pe.error != QJsonParseError::NoError || !doc.isObject() || err.isEmpty()) {
        // Not a OneApi error: keep what the server said (JSON "message" if any, else the text).
        QString text;
        if (doc.isObject())
            text = stringMember(doc.object(), QLatin1String("message"));
        if (text.isEmpty())
            text = QString::fromUtf8(body.left(kMaxMessage * 4));
        e.message = text.trimmed().isEmpty() ? QStringLiteral("no response body") : clip(text);
        return e;
    }

    e.code = clip(stringMember(err, QLatin1String("code")));
    QString description = stringMember(err, QLatin1String("@message"));
    if (description.trimmed().isEmpty())
        description = stringMember(err, QLatin1String("message"));
    e.message = description.trimmed().isEmpty() ? QStringLiteral("no error message") : clip(description);
    const QJsonValue permanent = err.value(QLatin1String("@permanent"));
    if (permanent.isBool())
        e.retryable = !permanent.toBool();
    else if (permanent.isString())
        e.retryable = permanent.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) != 0;
    const QJsonObject context = err.value(QLatin1String("@context")).toObject();
    const QString activity = stringMember(context, QLatin1String("activityId"));
    if (!activity.trimmed().isEmpty()) // a blank one keeps the header's
        e.activityId = clip(activity);
    e.clientRequestId = clip(stringMember(context, QLatin1String("clientRequestId")));
    if (httpStatus == 0 && e.code.contains(QLatin1String("Throttl"), Qt::CaseInsensitive))
        e.kind = Error::Kind::Throttled;
    return e;
}

} // namespace iw
