#include "simulator/IngestionMessage.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <array>

namespace iw {

namespace {

Error corrupted(const QString &why)
{
    Error e = Error::make(Error::Kind::Parse, QStringLiteral("Ingestion message: ") + why);
    e.code = QStringLiteral("BadRequest_CorruptedMessage");
    return e;
}

// Case-insensitive member lookup.
QJsonValue member(const QJsonObject &o, const char *name)
{
    const QLatin1String key(name);
    const auto exact = o.constFind(key);
    if (exact != o.constEnd())
        return exact.value();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::optional<bool> boolean(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || s == QLatin1String("1"))
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || s == QLatin1String("0")
            || s.isEmpty())
            return false;
    }
    return std::nullopt;
}

template<std::size_t N>
std::optional<int> enumValue(const QJsonValue &v, const std::array<std::pair<const char *, int>, N> &names)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        for (const auto &n : names) {
            if (d == n.second)
                return n.second;
        }
        return std::nullopt;
    }
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString().trimmed();
    bool isNumber = false;
    const int n = s.toInt(&isNumber);
    for (const auto &e : names) {
        if (isNumber ? n == e.second : s.compare(QLatin1String(e.first), Qt::CaseInsensitive) == 0)
            return e.second;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<const char *, int>, 4> kLevels {
    { { "FailuresOnly", 0 }, { "None", 1 }, { "DoNotReport", 1 }, { "FailuresAndSuccesses", 2 } }
};
constexpr std::array<std::pair<const char *, int>, 5> kMethods { { { "Queue", 0 },
                                                                   { "Table", 1 },
                                                                   { "QueueAndTable", 2 },
                                                                   { "ReportStatusToAzureMonitoring", 3 },
                                                                   { "AzureMonitoring", 3 } } };

} // namespace

QString toString(ReportLevel l)
{
    switch (l) {
    case ReportLevel::FailuresOnly:
        return QStringLiteral("FailuresOnly");
    case ReportLevel::None:
        return QStringLiteral("None");
    case ReportLevel::FailuresAndSuccesses:
        return QStringLiteral("FailuresAndSuccesses");
    }
    return {};
}

QString toString(ReportMethod m)
{
    switch (m) {
    case ReportMethod::Queue:
        return QStringLiteral("Queue");
    case ReportMethod::Table:
        return QStringLiteral("Table");
    case ReportMethod::QueueAndTable:
        return QStringLiteral("QueueAndTable");
    case ReportMethod::AzureMonitoring:
        return QStringLiteral("ReportStatusToAzureMonitoring");
    }
    return {};
}

bool IngestionMessage::wantsTable() const
{
    return statusInTable.has_value()
        && (reportMethod == ReportMethod::Table || reportMethod == ReportMethod::QueueAndTable);
}

bool IngestionMessage::wantsQueue() const
{
    return reportMethod == ReportMethod::Queue || reportMethod == ReportMethod::QueueAndTable;
}

Result<IngestionMessage> IngestionMessage::parse(const QByteArray &messageText)
{
    const QByteArray trimmed = messageText.trimmed();
    if (trimmed.isEmpty())
        return corrupted(QStringLiteral("empty message"));
    if (trimmed.size() > 1024 * 1024)
        return corrupted(QStringLiteral("message too large"));
    QByteArray json = trimmed;
    if (!trimmed.startsWith('{')) {
        auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return corrupted(QStringLiteral("neither JSON nor base64"));
        json = decoded.decoded;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return corrupted(QStringLiteral("not a JSON object (%1)").arg(pe.errorString()));
    const QJsonObject o = doc.object();

    IngestionMessage m;
    m.id = text(member(o, "Id")).trimmed();
    m.blobPath = text(member(o, "BlobPath")).trimmed();
    m.databaseName = text(member(o, "DatabaseName"));
    m.tableName = text(member(o, "TableName"));
    if (m.id.isEmpty())
        return corrupted(QStringLiteral("no Id"));
    if (m.blobPath.isEmpty())
        return corrupted(QStringLiteral("no BlobPath"));
    if (m.databaseName.isEmpty() || m.tableName.isEmpty())
        return corrupted(QStringLiteral("no DatabaseName or TableName"));

    const QJsonValue size = member(o, "RawDataSize");
    if (size.isDouble())
        m.rawDataSize = qint64(size.toDouble());
    else if (size.isString())
        m.rawDataSize = size.toString().toLongLong();
    m.retainBlobOnSuccess = boolean(member(o, "RetainBlobOnSuccess")).value_or(false);
    m.flushImmediately = boolean(member(o, "FlushImmediately")).value_or(false);

    const QJsonValue level = member(o, "ReportLevel");
    if (!level.isUndefined() && !level.isNull()) {
        const auto v = enumValue(level, kLevels);
        if (!v)
            return corrupted(QStringLiteral("unknown ReportLevel '%1'").arg(text(level)));
        m.reportLevel = static_cast<ReportLevel>(*v);
    }
    const QJsonValue method = member(o, "ReportMethod");
    if (!method.isUndefined() && !method.isNull()) {
        const auto v = enumValue(method, kMethods);
        if (!v)
            return corrupted(QStringLiteral("unknown ReportMethod '%1'").arg(text(method)));
        m.reportMethod = static_cast<ReportMethod>(*v);
    }
    m.sourceMessageCreationTime = text(member(o, "SourceMessageCreationTime"));
    m.applicationForTracing = text(member(o, "ApplicationForTracing"));
    m.clientVersionForTracing = text(member(o, "ClientVersionForTracing"));
    m.additionalProperties = member(o, "AdditionalProperties").toObject();

    const QJsonValue st = member(o, "IngestionStatusInTable");
    if (st.isObject()) {
        const QJsonObject so = st.toObject();
        StatusTableTarget t;
        t.tableConnectionString = text(member(so, "TableConnectionString"));
        t.partitionKey = text(member(so, "PartitionKey"));
        t.rowKey = text(member(so, "RowKey"));
        if (!t.tableConnectionString.isEmpty() && !t.partitionKey.isEmpty())
            m.statusInTable = t;
    }
    return m;
}

} // namespace iw
