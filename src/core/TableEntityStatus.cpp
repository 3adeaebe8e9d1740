#include "core/TableEntityStatus.h"

#include <cmath>

#include <QUuid>

namespace iw {

namespace {

QString text(const TableEntity &e, QStringView name)
{
    const QVariant v = e.value(name);
    if (!v.isValid() || v.isNull())
        return {};
    if (v.metaType().id() == QMetaType::QUuid)
        return v.toUuid().toString(QUuid::WithoutBraces);
    QString s = v.toString();
    if (s.size() == 38 && s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1Char('}')))
        s = s.mid(1, 36);
    return s;
}

// Epoch milliseconds, within years 1..9999 (a time the table can hold and a client can write back);
// anything else, or not finite, is no time.
QDateTime fromEpochMs(double ms)
{
    constexpr double kMax = 253402300799999.0; // 9999-12-31T23:59:59.999Z
    constexpr double kMin = -62135596800000.0; // 0001-01-01T00:00:00Z
    if (!std::isfinite(ms) || ms > kMax || ms < kMin)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), Qt::UTC);
}

QDateTime dateTime(const TableEntity &e, QStringView name)
{
    const QVariant v = e.value(name);
    switch (v.metaType().id()) {
    case QMetaType::QDateTime:
        return v.toDateTime().toUTC();
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Double:
        return fromEpochMs(v.toDouble());
    case QMetaType::QString: {
        const QString s = v.toString().trimmed();
        QDateTime dt = parseIsoDateTimeUtc(s);
        if (dt.isValid())
            return dt;
        bool ok = false;
        const qint64 ms = s.toLongLong(&ok); // JS SDK: Date.now().toString()
        if (ok)
            return fromEpochMs(double(ms));
        dt = QDateTime::fromString(s, Qt::RFC2822Date);
        return dt.isValid() ? dt.toUTC() : QDateTime();
    }
    default:
        return {};
    }
}

bool boolean(const TableEntity &e, QStringView name)
{
    const QVariant v = e.value(name);
    if (v.metaType().id() == QMetaType::QString)
        return v.toString().trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
            || v.toString().trimmed() == QLatin1String("1");
    return v.toBool();
}

} // namespace

Result<IngestionStatus> TableEntityStatus::toIngestionStatus(const TableEntity &e)
{
    IngestionStatus s;
    s.partitionKey = e.partitionKey;
    s.rowKey = e.rowKey;
    s.timestamp = e.timestamp;
    const QString statusText = text(e, u"Status");
    if (!statusText.isEmpty()) {
        const auto st = operationStatusFromString(statusText);
        if (!st)
            return Error::parse(QStringLiteral("Status table row %1/%2: unknown Status '%3'")
                                    .arg(e.partitionKey, e.rowKey, statusText.left(64)));
        s.status = *st;
    }
    s.ingestionSourceId = text(e, u"IngestionSourceId");
    s.ingestionSourcePath = text(e, u"IngestionSourcePath");
    s.database = text(e, u"Database");
    s.table = text(e, u"Table");
    s.updatedOn = dateTime(e, u"UpdatedOn");
    s.operationId = text(e, u"OperationId");
    s.activityId = text(e, u"ActivityId");
    s.errorCode = text(e, u"ErrorCode");
    s.failureStatus = failureStatusFromString(text(e, u"FailureStatus")).value_or(FailureStatus::Unknown);
    s.details = text(e, u"Details");
    s.originatesFromUpdatePolicy = boolean(e, u"OriginatesFromUpdatePolicy");
    return s;
}

TableEntity TableEntityStatus::fromIngestionStatus(const IngestionStatus &s)
{
    TableEntity e;
    e.partitionKey = s.partitionKey;
    e.rowKey = s.rowKey;
    const auto guid = [&e](const QString &name, const QString &value) {
        if (!QUuid::fromString(value).isNull())
            e.set(name, value, EdmType::Guid);
        else
            e.set(name, value, EdmType::String);
    };
    e.set(QStringLiteral("Status"), toString(s.status));
    guid(QStringLiteral("IngestionSourceId"), s.ingestionSourceId);
    e.set(QStringLiteral("IngestionSourcePath"), s.ingestionSourcePath);
    e.set(QStringLiteral("Database"), s.database);
    e.set(QStringLiteral("Table"), s.table);
    if (s.updatedOn.isValid())
        e.set(QStringLiteral("UpdatedOn"), s.updatedOn.toUTC(), EdmType::DateTime);
    guid(QStringLiteral("OperationId"), s.operationId);
    guid(QStringLiteral("ActivityId"), s.activityId);
    e.set(QStringLiteral("ErrorCode"), s.errorCode);
    e.set(QStringLiteral("FailureStatus"), toString(s.failureStatus));
    e.set(QStringLiteral("Details"), s.details);
    e.set(QStringLiteral("OriginatesFromUpdatePolicy"), s.originatesFromUpdatePolicy, EdmType::Boolean);
    return e;
}

} // namespace iw
