#include "core/TableEntity.h"

#include <array>

namespace iw {

namespace {

constexpr std::array<const char *, 9> kEdmNames { "Edm.String", "Edm.Boolean", "Edm.Int32",
                                                  "Edm.Int64",  "Edm.Double",  "Edm.DateTime",
                                                  "Edm.Guid",   "Edm.Binary",  "Edm.Null" };

EdmType inferType(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::Bool:
        return EdmType::Boolean;
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::UShort:
        return EdmType::Int32;
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
        return EdmType::Int64;
    case QMetaType::Double:
    case QMetaType::Float:
        return EdmType::Double;
    case QMetaType::QDateTime:
        return EdmType::DateTime;
    case QMetaType::QByteArray:
        return EdmType::Binary;
    case QMetaType::QUuid:
        return EdmType::Guid;
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return EdmType::Null;
    default:
        return EdmType::String;
    }
}

inline int digit(char16_t u)
{
    return (u >= '0' && u <= '9') ? int(u - '0') : -1;
}

// Text access for both QStringView and QByteArrayView (Latin-1 bytes): the same parser for both.
inline char16_t at(QStringView s, qsizetype i)
{
    return s[i].unicode();
}
inline char16_t at(QByteArrayView s, qsizetype i)
{
    return static_cast<unsigned char>(s[i]);
}

template<typename View>
bool readInt(View s, qsizetype pos, int n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const int d = digit(at(s, pos + i));
        if (d < 0)
            return false;
        v = v * 10 + d;
    }
    out = v;
    return true;
}

template<typename View>
QDateTime parseIso(View s)
{
    // yyyy-MM-ddTHH:mm:ss[.f+](Z|+hh:mm|-hh:mm)
    int y, mo, d, h, mi, se;
    if (s.size() < 19 || !readInt(s, 0, 4, y) || at(s, 4) != u'-' || !readInt(s, 5, 2, mo) || at(s, 7) != u'-'
        || !readInt(s, 8, 2, d) || (at(s, 10) != u'T' && at(s, 10) != u't' && at(s, 10) != u' ')
        || !readInt(s, 11, 2, h) || at(s, 13) != u':' || !readInt(s, 14, 2, mi) || at(s, 16) != u':'
        || !readInt(s, 17, 2, se))
        return {};
    qsizetype pos = 19;
    int msec = 0;
    if (pos < s.size() && at(s, pos) == u'.') {
        ++pos;
        int scale = 100;
        const qsizetype start = pos;
        while (pos < s.size() && digit(at(s, pos)) >= 0) {
            msec += digit(at(s, pos)) * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return {};
    }
    int offsetSecs = 0;
    if (pos == s.size()) {
        // no zone: taken as UTC (the service always writes UTC)
    } else if ((at(s, pos) == u'Z' || at(s, pos) == u'z') && pos + 1 == s.size()) {
    } else if ((at(s, pos) == u'+' || at(s, pos) == u'-') && pos + 6 == s.size()) {
        int oh, om;
        if (!readInt(s, pos + 1, 2, oh) || at(s, pos + 3) != u':' || !readInt(s, pos + 4, 2, om))
            return {};
        offsetSecs = (oh * 3600 + om * 60) * (at(s, pos) == u'-' ? -1 : 1);
    } else {
        return {};
    }
    const QDate date(y, mo, d);
    const QTime time(h, mi, se == 60 ? 59 : se, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime dt(date, time, Qt::UTC);
    if (offsetSecs != 0)
        dt = dt.addSecs(-offsetSecs);
    return dt;
}

} // namespace

QString toString(EdmType t)
{
    return QLatin1String(kEdmNames[static_cast<std::size_t>(t)]);
}

EdmType edmTypeFromString(QStringView s)
{
    for (std::size_t i = 0; i < kEdmNames.size(); ++i) {
        if (s.compare(QLatin1String(kEdmNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<EdmType>(i);
    }
    return EdmType::String;
}

const TableProperty *TableEntity::property(QStringView name) const
{
    for (const TableProperty &p : properties) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QVariant TableEntity::value(QStringView name) const
{
    const TableProperty *p = property(name);
    return p ? p->value : QVariant();
}

void TableEntity::set(const QString &name, const QVariant &value, std::optional<EdmType> type)
{
    const EdmType t = type.value_or(inferType(value));
    for (TableProperty &p : properties) {
        if (p.name == name) {
            p.value = value;
            p.type = t;
            return;
        }
    }
    properties.append(TableProperty { name, value, t });
}

bool TableEntity::remove(QStringView name)
{
    return properties.removeIf([name](const TableProperty &p) { return p.name == name; }) > 0;
}

QDateTime parseIsoDateTimeUtc(QStringView s)
{
    return parseIso(s);
}

QDateTime parseIsoDateTimeUtcBytes(QByteArrayView s)
{
    return parseIso(s);
}

QString toIsoDateTimeUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace iw
