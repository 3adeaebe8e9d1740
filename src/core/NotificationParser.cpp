#include "core/NotificationParser.h"

#include "core/DateTimeText.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <cstring>
#include <optional>

namespace iw {

namespace {

using Kind = IngestionNotification::Kind;

// The service's field names; matched case-insensitively.
constexpr const char *kKnownFields[] = {
    "OperationId",
    "Database",
    "Table",
    "FailedOn",
    "SucceededOn",
    "IngestionSourceId",
    "IngestionSourcePath",
    "RootActivityId",
    "Details",
    "ErrorCode",
    "FailureStatus",
    "OriginatesFromUpdatePolicy",
    "ShouldRetry",
};

bool looksLikeJson(QStringView t)
{
    return !t.isEmpty() && (t.front() == QLatin1Char('{') || t.front() == QLatin1Char('['));
}

// Decodes the queue's base64; nullopt for anything that is not strict base64 (or base64url).
std::optional<QByteArray> decodeBase64(QStringView text)
{
    // Written through the pointer, not append(char): ~40 instructions a character less (a failure
    // notification is ~1,100 base64 characters; BenchNotifications' callgrind profile).
    QByteArray ascii(text.size(), Qt::Uninitialized);
    char *out = ascii.data();
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
        if (c.isSpace()) // line-wrapped base64
            continue;
        *out++ = static_cast<char>(c.unicode());
    }
    ascii.truncate(out - ascii.constData());
    if (ascii.isEmpty())
        return std::nullopt;
    for (const auto options : { QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding }) {
        auto r = QByteArray::fromBase64Encoding(ascii, options | QByteArray::AbortOnBase64DecodingErrors);
        if (r.decodingStatus == QByteArray::Base64DecodingStatus::Ok && !r.decoded.isEmpty())
            return std::move(r.decoded);
    }
    return std::nullopt;
}

class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &o)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            m_fields.insert(it.key().toLower(), it.value());
    }

    bool has(const char *name) const { return m_fields.contains(lowered(name)); }

    int recognised() const
    {
        int n = 0;
        for (const char *f : kKnownFields)
            n += has(f) ? 1 : 0;
        return n;
    }

    QString text(const char *name)
    {
        const QJsonValue v = value(name);
        switch (v.type()) {
        case QJsonValue::String:
            return v.toString();
        case QJsonValue::Double:
            return QString::number(v.toDouble(), 'g', 17);
        case QJsonValue::Bool:
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            return {};
        case QJsonValue::Array:
        case QJsonValue::Object:
            break;
        }
        fail(name, QStringLiteral("a string"));
        return {};
    }

    bool boolean(const char *name)
    {
        const QJsonValue v = value(name);
        if (v.isUndefined() || v.isNull())
            return false;
        if (v.isBool())
            return v.toBool();
        if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
            return v.toDouble() == 1;
        if (v.isString()) {
            const QString s = v.toString().trimmed();
            if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || s == QLatin1String("1"))
                return true;
            if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || s == QLatin1String("0")
                || s.isEmpty())
                return false;
        }
        fail(name, QStringLiteral("true or false"));
        return false;
    }

    QDateTime time(const char *name)
    {
        const QJsonValue v = value(name);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return {};
        std::optional<QDateTime> t;
        if (v.isString()) {
            t = parseDateTimeText(v.toString());
            if (!t) { // epoch numbers written as text ("1487111103114", NODE style)
                bool ok = false;
                const double d = v.toString().trimmed().toDouble(&ok);
                if (ok)
                    t = dateTimeFromEpochNumber(d);
            }
        } else if (v.isDouble()) {
            t = dateTimeFromEpochNumber(v.toDouble());
        }
        if (!t) {
            fail(name, QStringLiteral("an ISO 8601 time or a number since 1970"));
            return {};
        }
        return *t;
    }

    FailureStatus failureStatus()
    {
        const QJsonValue v = value("FailureStatus");
        if (v.isUndefined() || v.isNull())
            return FailureStatus::Unknown;
        if (v.isString()) {
            // "" (as some clients' mocks send) and names the client does not know yet stay Unknown.
            return failureStatusFromString(v.toString()).value_or(FailureStatus::Unknown);
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d >= 0 && d <= 3 && d == static_cast<int>(d))
                return static_cast<FailureStatus>(static_cast<int>(d));
        }
        fail("FailureStatus", QStringLiteral("Unknown, Permanent, Transient, Exhausted or 0..3"));
        return FailureStatus::Unknown;
    }

    const QString &error() const { return m_error; }

private:
    QJsonValue value(const char *name) const
    {
        return m_fields.value(lowered(name), QJsonValue(QJsonValue::Undefined));
    }
    // The lower-case key of a known field, made once (each lookup used to build and lower-case a new
    // string: 26 a message).
    static QString lowered(const char *name)
    {
        static const auto keys = [] {
            std::array<QString, std::size(kKnownFields)> k;
            for (std::size_t i = 0; i < k.size(); ++i)
                k[i] = QLatin1String(kKnownFields[i]).toString().toLower();
            return k;
        }();
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (std::strcmp(name, kKnownFields[i]) == 0)
                return keys[i];
        return QLatin1String(name).toString().toLower();
    }
    void fail(const char *name, const QString &expected)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("field %1 is not %2").arg(QLatin1String(name), expected);
    }

    QHash<QString, QJsonValue> m_fields;
    QString m_error;
};

IngestionNotification malformed(const QString &raw, QString why)
{
    IngestionNotification n;
    n.kind = Kind::Malformed;
    n.rawText = raw;
    n.parseError = std::move(why);
    return n;
}

} // namespace

IngestionNotification parseNotificationMessage(const QString &messageText,
                                               IngestionNotification::Kind expected)
{
    const QStringView trimmed = QStringView(messageText).trimmed();
    if (trimmed.isEmpty())
        return malformed(messageText, QStringLiteral("empty message"));

    QByteArray json;
    if (looksLikeJson(trimmed)) {
        json = trimmed.toUtf8();
    } else {
        std::optional<QByteArray> decoded = decodeBase64(trimmed);
        if (!decoded)
            return malformed(messageText, QStringLiteral("message text is neither base64 nor JSON"));
        json = std::move(*decoded);
        if (json.startsWith("\xEF\xBB\xBF"))
            json.remove(0, 3);
    }

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return malformed(
            messageText,
            QStringLiteral("invalid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return malformed(messageText, QStringLiteral("JSON is not an object"));

    FieldReader r(doc.object());
    if (r.recognised() == 0)
        return malformed(messageText,
                         QStringLiteral("no notification fields (OperationId, IngestionSourceId, ...)"));

    IngestionNotification n;
    n.kind = expected == Kind::Success ? Kind::Success : Kind::Failure;
    n.rawText = messageText;
    n.operationId = r.text("OperationId");
    n.database = r.text("Database");
    n.table = r.text("Table");
    n.failedOn = r.time("FailedOn");
    n.succeededOn = r.time("SucceededOn");
    n.ingestionSourceId = r.text("IngestionSourceId");
    n.ingestionSourcePath = r.text("IngestionSourcePath");
    n.rootActivityId = r.text("RootActivityId");
    n.details = r.text("Details");
    n.errorCode = r.text("ErrorCode");
    n.failureStatus = r.failureStatus();
    n.originatesFromUpdatePolicy = r.boolean("OriginatesFromUpdatePolicy");
    n.shouldRetry = r.boolean("ShouldRetry");
    if (!r.error().isEmpty()) {
        // Keep what was read: the operator still sees it, marked as not trusted.
        n.kind = Kind::Malformed;
        n.parseError = r.error();
    }
    return n;
}

QByteArray toNotificationJson(const IngestionNotification &n)
{
    if (n.kind == Kind::Malformed)
        return n.rawText.toUtf8(); // replay the message exactly as it was received

    QJsonObject o;
    o.insert(QStringLiteral("OperationId"), n.operationId);
    o.insert(QStringLiteral("Database"), n.database);
    o.insert(QStringLiteral("Table"), n.table);
    if (n.kind == Kind::Success)
        o.insert(QStringLiteral("SucceededOn"), toDateTimeText(n.succeededOn));
    else
        o.insert(QStringLiteral("FailedOn"), toDateTimeText(n.failedOn));
    o.insert(QStringLiteral("IngestionSourceId"), n.ingestionSourceId);
    o.insert(QStringLiteral("IngestionSourcePath"), n.ingestionSourcePath);
    o.insert(QStringLiteral("RootActivityId"), n.rootActivityId);
    if (n.kind == Kind::Failure) {
        o.insert(QStringLiteral("Details"), n.details);
        o.insert(QStringLiteral("ErrorCode"), n.errorCode);
        o.insert(QStringLiteral("FailureStatus"), toString(n.failureStatus));
        o.insert(QStringLiteral("OriginatesFromUpdatePolicy"), n.originatesFromUpdatePolicy);
        o.insert(QStringLiteral("ShouldRetry"), n.shouldRetry);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace iw
