#include "core/TableEntityJson.h"

#include "core/TableEntityJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <QUuid>

#include <cmath>
#include <cstdio>
#include <limits>

namespace iw {

namespace {

const QLatin1String kAnnotation("@odata.type");

QVariant convertString(const QString &s, EdmType t)
{
    switch (t) {
    case EdmType::DateTime: {
        const QDateTime dt = parseIsoDateTimeUtc(s);
        return dt.isValid() ? QVariant(dt) : QVariant(s);
    }
    case EdmType::Int64: {
        bool ok = false;
        const qint64 v = s.toLongLong(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Int32: {
        bool ok = false;
        const int v = s.toInt(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Double: {
        if (s == QLatin1String("NaN"))
            return std::numeric_limits<double>::quiet_NaN();
        if (s == QLatin1String("Infinity"))
            return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-Infinity"))
            return -std::numeric_limits<double>::infinity();
        bool ok = false;
        const double v = s.toDouble(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Binary: {
        auto r = QByteArray::fromBase64Encoding(s.toLatin1());
        return r ? QVariant(r.decoded) : QVariant(s);
    }
    case EdmType::Boolean:
        return QVariant(s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
    default:
        return s;
    }
}

bool entityFromObject(const QJsonObject &obj, TableEntity &e)
{
    // Annotations first (few per entity).
    QList<std::pair<QString, EdmType>> annotated;
    e.properties.reserve(obj.size());
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
        const QString key = it.key();
        if (key.endsWith(kAnnotation)) {
            if (it.value().isString())
                annotated.append(
                    { key.left(key.size() - kAnnotation.size()), edmTypeFromString(it.value().toString()) });
        }
    }
    const auto annotationFor = [&annotated](const QString &name) -> std::optional<EdmType> {
        for (const auto &a : annotated) {
            if (a.first == name)
                return a.second;
        }
        return std::nullopt;
    };

    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key.startsWith(QLatin1String("odata."))) {
            if (key == QLatin1String("odata.etag"))
                e.etag = v.toString();
            continue;
        }
        if (key.endsWith(kAnnotation))
            continue;
        if (key == QLatin1String("PartitionKey")) {
            if (!v.isString())
                return false;
            e.partitionKey = v.toString();
            continue;
        }
        if (key == QLatin1String("RowKey")) {
            if (!v.isString())
                return false;
            e.rowKey = v.toString();
            continue;
        }
        if (key == QLatin1String("Timestamp") && v.isString()) {
            e.timestampText = v.toString();
            e.timestamp = parseIsoDateTimeUtc(e.timestampText);
            continue;
        }
        const std::optional<EdmType> annotatedType = annotated.isEmpty() ? std::nullopt : annotationFor(key);
        TableProperty p;
        p.name = key;
        switch (v.type()) {
        case QJsonValue::String:
            p.type = annotatedType.value_or(EdmType::String);
            p.value = convertString(v.toString(), p.type);
            if (p.type != EdmType::String && p.value.metaType().id() == QMetaType::QString
                && p.type != EdmType::Guid)
                p.type = EdmType::String; // the annotation lied: keep the text
            break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            if (annotatedType == EdmType::Double) {
                p.type = EdmType::Double;
                p.value = d;
            } else if (annotatedType == EdmType::Int64) {
                p.type = EdmType::Int64;
                p.value = static_cast<qint64>(d);
            } else if (std::trunc(d) == d && d >= std::numeric_limits<int>::min()
                       && d <= std::numeric_limits<int>::max()) {
                p.type = EdmType::Int32;
                p.value = static_cast<int>(d);
            } else {
                p.type = EdmType::Double;
                p.value = d;
            }
            break;
        }
        case QJsonValue::Bool:
            p.type = EdmType::Boolean;
            p.value = v.toBool();
            break;
        case QJsonValue::Null:
            p.type = EdmType::Null;
            break;
        default: // arrays/objects are not table values: keep them as compact JSON text
            p.type = EdmType::String;
            p.value
                = QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                                : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            break;
        }
        e.properties.append(std::move(p));
    }
    return true;
}

Result<QJsonDocument> parseDocument(const QByteArray &json)
{
    if (json.isEmpty())
        return Error::parse(QStringLiteral("Empty table response"));
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return Error::parse(QStringLiteral("Table response is not JSON: %1 at offset %2")
                                .arg(err.errorString())
                                .arg(err.offset));
    if (!doc.isObject())
        return Error::parse(QStringLiteral("Table response is not a JSON object"));
    return doc;
}

} // namespace

Result<QList<TableEntity>> TableEntityJson::parsePageReference(const QByteArray &json)
{
    auto doc = parseDocument(json);
    if (!doc)
        return doc.error();
    const QJsonObject root = doc->object();
    const auto valueIt = root.constFind(QLatin1String("value"));
    if (valueIt == root.constEnd() || !valueIt->isArray())
        return Error::parse(QStringLiteral("Table response has no \"value\" array"));
    const QJsonArray arr = valueIt->toArray();
    QList<TableEntity> out;
    out.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QJsonValue v = arr.at(i);
        if (!v.isObject())
            return Error::parse(QStringLiteral("Table response: value[%1] is not an object").arg(i));
        TableEntity e;
        if (!entityFromObject(v.toObject(), e))
            return Error::parse(QStringLiteral("Table response: value[%1] has a non-string key").arg(i));
        out.append(std::move(e));
    }
    return out;
}

Result<TableEntity> TableEntityJson::parseEntityReference(const QByteArray &json)
{
    auto doc = parseDocument(json);
    if (!doc)
        return doc.error();
    TableEntity e;
    if (!entityFromObject(doc->object(), e))
        return Error::parse(QStringLiteral("Table entity has a non-string key"));
    return e;
}

Result<QList<TableEntity>> TableEntityJson::parsePage(const QByteArray &json)
{
    return TableEntityJsonReader::parsePage(json);
}

Result<TableEntity> TableEntityJson::parseEntity(const QByteArray &json)
{
    return TableEntityJsonReader::parseEntity(json);
}

namespace {

void appendJsonUtf8(QByteArray &out, const QByteArray &utf8)
{
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
}

void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    // A lone surrogate (a JSON "\ud83d" without its pair) has no UTF-8 form: toUtf8() would turn it into
    // '?'. Write it as the same \uXXXX escape so the value reads back unchanged.
    qsizetype start = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        appendJsonUtf8(out, QStringView(s).mid(start, i - start).toUtf8());
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c.unicode()));
        out += buf;
        start = i + 1;
    }
    appendJsonUtf8(out, QStringView(s).mid(start).toUtf8());
    out += '"';
}

void appendMember(QByteArray &out, const QString &name, const QByteArray &jsonValue)
{
    if (out.size() > 1)
        out += ',';
    appendJsonString(out, name);
    out += ':';
    out += jsonValue;
}

QByteArray jsonString(const QString &s)
{
    QByteArray out;
    appendJsonString(out, s);
    return out;
}

} // namespace

QByteArray TableEntityJson::serialize(const TableEntity &entity)
{
    // Written by hand so whole-number doubles keep their ".0" (Azurite stores "43" as Int32 even when
    // annotated, see Azurite#1366) and property order is kept.
    QByteArray o = "{";
    appendMember(o, QStringLiteral("PartitionKey"), jsonString(entity.partitionKey));
    appendMember(o, QStringLiteral("RowKey"), jsonString(entity.rowKey));
    for (const TableProperty &p : entity.properties) {
        const QString ann = p.name + kAnnotation;
        switch (p.type) {
        case EdmType::String:
            appendMember(o, p.name, jsonString(p.value.toString()));
            break;
        case EdmType::Boolean:
            appendMember(o, p.name, p.value.toBool() ? "true" : "false");
            break;
        case EdmType::Int32:
            appendMember(o, p.name, QByteArray::number(p.value.toInt()));
            break;
        case EdmType::Int64:
            appendMember(o, p.name, jsonString(QString::number(p.value.toLongLong())));
            appendMember(o, ann, "\"Edm.Int64\"");
            break;
        case EdmType::Double: {
            const double d = p.value.toDouble();
            QByteArray text;
            if (std::isnan(d))
                text = "\"NaN\"";
            else if (std::isinf(d))
                text = d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
            else {
                text = QByteArray::number(d, 'g', 17);
                if (!text.contains('.') && !text.contains('e') && !text.contains('E'))
                    text += ".0";
            }
            appendMember(o, p.name, text);
            appendMember(o, ann, "\"Edm.Double\"");
            break;
        }
        case EdmType::DateTime: {
            const QDateTime dt = p.value.metaType().id() == QMetaType::QDateTime
                ? p.value.toDateTime()
                : parseIsoDateTimeUtc(p.value.toString());
            appendMember(o, p.name, jsonString(dt.isValid() ? toIsoDateTimeUtc(dt) : p.value.toString()));
            appendMember(o, ann, "\"Edm.DateTime\"");
            break;
        }
        case EdmType::Guid: {
            QString g = p.value.metaType().id() == QMetaType::QUuid
                ? p.value.toUuid().toString(QUuid::WithoutBraces)
                : p.value.toString();
            if (g.startsWith(QLatin1Char('{')) && g.endsWith(QLatin1Char('}')))
                g = g.mid(1, g.size() - 2);
            appendMember(o, p.name, jsonString(g));
            appendMember(o, ann, "\"Edm.Guid\"");
            break;
        }
        case EdmType::Binary:
            appendMember(o, p.name, '"' + p.value.toByteArray().toBase64() + '"');
            appendMember(o, ann, "\"Edm.Binary\"");
            break;
        case EdmType::Null:
            break; // absent = null in the table service
        }
    }
    o += '}';
    return o;
}

bool TableEntityJson::parseODataError(const QByteArray &json, QString *code, QString *message)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    QJsonObject e = doc.object().value(QLatin1String("odata.error")).toObject();
    if (e.isEmpty())
        e = doc.object().value(QLatin1String("error")).toObject();
    if (e.isEmpty())
        return false;
    if (code)
        *code = e.value(QLatin1String("code")).toString();
    if (message) {
        const QJsonValue m = e.value(QLatin1String("message"));
        *message = m.isObject() ? m.toObject().value(QLatin1String("value")).toString() : m.toString();
    }
    return true;
}

} // namespace iw
