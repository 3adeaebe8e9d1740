#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

namespace iw {

// The Entity Data Model types a table property can have.
enum class EdmType { String, Boolean, Int32, Int64, Double, DateTime, Guid, Binary, Null };
QString toString(EdmType t); // "Edm.String", ...
EdmType edmTypeFromString(QStringView s); // unknown -> String

struct TableProperty
{
    QString name;
    QVariant
        value; // QString, bool, int, qint64, double, QDateTime (UTC), QByteArray (Binary); Guid as QString
    EdmType type = EdmType::String;

    bool operator==(const TableProperty &) const = default;
};

// One generic table entity: the keys, the service's Timestamp and ETag, and the other properties in the
// order they came. Property names are case-sensitive, as in the service.
struct TableEntity
{
    QString partitionKey;
    QString rowKey;
    QString timestampText; // the Timestamp exactly as returned (7 fractional digits), for exact comparison
    QDateTime timestamp; // the same, UTC, millisecond precision
    QString etag; // odata.etag (minimal metadata) or the ETag header; empty with nometadata queries
    QList<TableProperty> properties;

    const TableProperty *property(QStringView name) const;
    QVariant value(QStringView name) const; // invalid QVariant when absent
    // Adds or replaces. The type defaults to what the value's QVariant type suggests.
    void set(const QString &name, const QVariant &value, std::optional<EdmType> type = std::nullopt);
    bool remove(QStringView name);

    bool operator==(const TableEntity &) const = default;
};

// One page of a query: the entities and the continuation (empty when this was the last page).
struct TableEntityPage
{
    QList<TableEntity> entities;
    QString nextPartitionKey;
    QString nextRowKey;
    bool hasMore() const { return !nextPartitionKey.isEmpty() || !nextRowKey.isEmpty(); }
};

// "2026-11-22T00:19:03.7323288Z" (any number of fractional digits, Z or +hh:mm) -> UTC QDateTime.
// Invalid QDateTime when it is not such a timestamp. Fast path for the common shape.
QDateTime parseIsoDateTimeUtc(QStringView text);
// The same for Latin-1/UTF-8 bytes (no QString needed), with the same rules.
QDateTime parseIsoDateTimeUtcBytes(QByteArrayView text);
// UTC -> "yyyy-MM-ddTHH:mm:ss.zzzZ" (milliseconds), the form used in $filter datetime'...' literals.
QString toIsoDateTimeUtc(const QDateTime &t);

} // namespace iw
