// Table service JSON: the one-pass reader (TableEntityJsonReader, behind parsePage/parseEntity) and the
// QJsonDocument reference accept and reject the same bodies and give the same entities (properties
// compared by name); an entity that was read, serialised and read again has the same keys and properties.
#include "FuzzCheck.h"

#include "core/TableEntityJson.h"
#include "core/TableEntityJsonReader.h"

#include <algorithm>

using namespace iw;
using iw::fuzz::show;

namespace {

TableEntity sorted(TableEntity e)
{
    std::stable_sort(e.properties.begin(), e.properties.end(),
                     [](const TableProperty &a, const TableProperty &b) { return a.name < b.name; });
    return e;
}

// Text form that treats NaN as equal to NaN (TableProperty::operator== does not).
QString describe(const TableEntity &e, bool withTimestamp = true)
{
    QStringList parts;
    parts << e.partitionKey << e.rowKey;
    if (withTimestamp)
        parts << e.timestampText << e.timestamp.toString(Qt::ISODateWithMs) << e.etag;
    for (const TableProperty &p : e.properties) {
        QString v = p.value.toString();
        if (p.value.metaType().id() == QMetaType::QByteArray)
            v = QString::fromLatin1(p.value.toByteArray().toHex());
        else if (p.value.metaType().id() == QMetaType::QDateTime)
            v = p.value.toDateTime().toString(Qt::ISODateWithMs);
        parts << QStringLiteral("%1:%2:%3:%4")
                     .arg(p.name, toString(p.type), QLatin1String(p.value.typeName()), v);
    }
    return parts.join(QLatin1Char('|'));
}

bool same(const TableEntity &a, const TableEntity &b)
{
    return a == b || describe(a) == describe(b);
}

QString outcome(const Result<QList<TableEntity>> &r)
{
    if (!r)
        return QStringLiteral("error: ") + r.error().message;
    QStringList parts;
    for (const TableEntity &e : *r)
        parts << describe(sorted(e));
    return parts.join(QLatin1Char('\n'));
}

void serializeRoundTrip(TableEntity e)
{
    // A null property is not written (absent is null in the table service).
    e.properties.removeIf([](const TableProperty &p) { return p.type == EdmType::Null; });
    const QByteArray body = TableEntityJson::serialize(e);
    const Result<TableEntity> back = TableEntityJson::parseEntity(body);
    FUZZ_CHECK(back.ok(),
               describe(e) + QStringLiteral("\nserialised ") + QString::fromUtf8(body) + QStringLiteral("\n")
                   + back.error().message);
    FUZZ_CHECK(describe(sorted(*back), false) == describe(sorted(e), false),
               QStringLiteral("read   ") + describe(e, false) + QStringLiteral("\nserialised ")
                   + QString::fromUtf8(body) + QStringLiteral("\nread again ") + describe(*back, false));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray json = iw::fuzz::bytes(data, size);

    const Result<QList<TableEntity>> fast = TableEntityJsonReader::parsePage(json);
    const Result<QList<TableEntity>> ref = TableEntityJson::parsePageReference(json);
    FUZZ_CHECK(fast.ok() == ref.ok(),
               show(QString::fromUtf8(json)) + QStringLiteral("\nfast ") + outcome(fast)
                   + QStringLiteral("\nref  ") + outcome(ref));
    if (fast) {
        bool equal = fast->size() == ref->size();
        for (qsizetype i = 0; equal && i < fast->size(); ++i)
            equal = same(sorted(fast->at(i)), sorted(ref->at(i)));
        FUZZ_CHECK(equal,
                   show(QString::fromUtf8(json)) + QStringLiteral("\nfast ") + outcome(fast)
                       + QStringLiteral("\nref  ") + outcome(ref));
        for (const TableEntity &e : *fast)
            serializeRoundTrip(e);
    }

    const Result<TableEntity> one = TableEntityJsonReader::parseEntity(json);
    const Result<TableEntity> oneRef = TableEntityJson::parseEntityReference(json);
    FUZZ_CHECK(one.ok() == oneRef.ok(),
               show(QString::fromUtf8(json)) + QStringLiteral("\nfast ")
                   + (one ? describe(sorted(*one)) : one.error().message) + QStringLiteral("\nref  ")
                   + (oneRef ? describe(sorted(*oneRef)) : oneRef.error().message));
    if (one) {
        FUZZ_CHECK(same(sorted(*one), sorted(*oneRef)),
                   show(QString::fromUtf8(json)) + QStringLiteral("\nfast ") + describe(sorted(*one))
                       + QStringLiteral("\nref  ") + describe(sorted(*oneRef)));
        serializeRoundTrip(*one);
    }
    return 0;
}
