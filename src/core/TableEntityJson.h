#pragma once

#include "core/Result.h"
#include "core/TableEntity.h"

#include <QByteArray>
#include <QList>

namespace iw {

// Table service JSON <-> TableEntity. Reads nometadata, minimalmetadata and fullmetadata: "odata.etag"
// becomes the ETag, "<Name>@odata.type" annotations type the value (Edm.Int64 strings -> qint64,
// Edm.DateTime -> QDateTime, Edm.Binary base64 -> QByteArray, Edm.Guid -> QString), other "odata.*" keys are
// dropped. Without annotations, JSON numbers become Int32 when integral and in range, else Double (so a
// whole-number Edm.Double such as 43.0 reads back as Int32 43 under no/minimal metadata: compare values
// with toDouble()). serialize() writes doubles with ".0" and an Edm.Double annotation.
// Never crashes on malformed, truncated, empty or wrong-typed input: those are Error::Kind::Parse.
class TableEntityJson
{
public:
    // {"value":[{...},{...}]} -> entities, in the order of the document, each with its properties in the
    // order they came. One pass over the bytes (TableEntityJsonReader).
    static Result<QList<TableEntity>> parsePage(const QByteArray &json);
    // One entity object (point read, insert with return-content).
    static Result<TableEntity> parseEntity(const QByteArray &json);
    // The reference implementation over QJsonDocument: the same results, except that properties come in
    // QJsonObject (sorted by name) order. Kept for tests and for rare shapes (duplicate keys, nested JSON).
    static Result<QList<TableEntity>> parsePageReference(const QByteArray &json);
    static Result<TableEntity> parseEntityReference(const QByteArray &json);
    // A body for insert/update: PartitionKey, RowKey and the properties, with @odata.type annotations for
    // Int64, Double, DateTime, Guid and Binary (so whole-number doubles stay doubles). No Timestamp.
    static QByteArray serialize(const TableEntity &entity);

    // {"odata.error":{"code":"...","message":{"value":"..."}}} -> code + message. False when not that shape.
    static bool parseODataError(const QByteArray &json, QString *code, QString *message);
};

} // namespace iw
