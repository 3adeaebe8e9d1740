#pragma once

#include "core/Result.h"
#include "core/TableEntity.h"

#include <QByteArray>
#include <QList>

namespace iw {

// The fast reader behind TableEntityJson::parsePage/parseEntity: one pass over the bytes of a Table service
// JSON body (nometadata, minimalmetadata or fullmetadata) straight into TableEntity values, without a
// QJsonDocument. Property names are interned per call (every entity of a page shares the name strings),
// Timestamp and Edm.DateTime values are parsed from the bytes. Accepts and rejects exactly what the
// QJsonDocument-based reference (TableEntityJson::parsePageReference) does, with the same results; rare
// shapes (duplicate keys inside an entity, arrays/objects as values) go through the reference for that one
// entity. Never crashes on malformed, truncated, empty or huge input: those are Error::Kind::Parse.
class TableEntityJsonReader
{
public:
    static Result<QList<TableEntity>> parsePage(QByteArrayView json);
    static Result<TableEntity> parseEntity(QByteArrayView json);
};

} // namespace iw
