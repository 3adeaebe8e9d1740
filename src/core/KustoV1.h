#pragma once

#include "core/QueuedOperation.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

namespace iw {

// Kusto REST v1 response (`/v1/rest/mgmt`, `/v1/rest/query`):
// {"Tables":[{"TableName":..,"Columns":[{"ColumnName","DataType","ColumnType"}],"Rows":[[..],..]}]}
struct KustoV1Column
{
    QString name; // ColumnName
    QString
        dataType; // DataType: the .NET type ("String", "DateTime", "Int64"); older payloads have only this
    QString columnType; // ColumnType: the Kusto type ("string", "datetime", "long"); may be missing

    // The Kusto type, falling back to DataType when ColumnType is missing.
    QString type() const { return columnType.isEmpty() ? dataType : columnType; }
    // A column of Kusto type `kustoType` ("string", "datetime", "long", ...) with the matching DataType.
    static KustoV1Column make(const QString &name, const QString &kustoType);
    bool operator==(const KustoV1Column &) const = default;
};

struct KustoV1Table
{
    QString tableName;
    QList<KustoV1Column> columns;
    QList<QJsonArray> rows; // each row has exactly columns.size() cells

    // Index of a column by name: exact match first, then ignoring case and spaces ("Started On" ==
    // "StartedOn"). -1 when absent. Several names: the first one present.
    int columnIndex(QStringView name) const;
    int columnIndex(std::initializer_list<QStringView> names) const;

    QByteArray toJson() const; // one table object
    bool operator==(const KustoV1Table &) const = default;
};

struct KustoV1Response
{
    QList<KustoV1Table> tables;

    // The primary result: with at most two tables, table 0; otherwise the last table is the table of
    // contents and its QueryResult row names the primary table. An error when there is none.
    Result<KustoV1Table> primaryTable() const;

    QByteArray toJson() const; // {"Tables":[...]}
    bool operator==(const KustoV1Response &) const = default;
};

// Parses a v1 body. Errors (kind Parse) for anything that is not that shape: not JSON, no Tables, a column
// without a name, a row that is not an array or has the wrong number of cells. A OneApi error body
// ({"error":{...}}) gives that error.
Result<KustoV1Response> parseKustoV1(const QByteArray &body);

// ---- Typed rows -----------------------------------------------------------------------------------------
// Each reads its columns by name from a table (normally primaryTable()) and fails with a Parse error naming
// the row and column when a cell has the wrong type. Missing optional columns read as empty/0.

// `.show queued ingestion operations` / `.cancel queued ingestion operation`: the 12 columns.
// Required: IngestionOperationId, State. `Pending` or `InProgress`; spaced headers ("Started On") accepted.
// Longs as numbers or strings; datetimes as strings, empty or null. A State this build does not know
// reads as InProgress (not terminal: the dashboard keeps polling it).
Result<QList<QueuedOperation>> queuedOperationsFromV1(const KustoV1Table &t);
KustoV1Table toV1Table(const QList<QueuedOperation> &ops);

// `.show queued ingestion operations "id" details`: BlobURL/BlobUrl, FailedReasons/FailedReason.
Result<QList<BlobDetail>> blobDetailsFromV1(const KustoV1Table &t);
KustoV1Table toV1Table(const QList<BlobDetail> &details);

// `.get ingestion resources`: one row per resource; several rows per type are normal.
struct IngestionResource
{
    QString resourceTypeName; // SecuredReadyForAggregationQueue, FailedIngestionsQueue, ... kept verbatim
    QString storageRoot; // URL with SAS: redact before showing
    bool operator==(const IngestionResource &) const = default;
};
Result<QList<IngestionResource>> ingestionResourcesFromV1(const KustoV1Table &t);
KustoV1Table toV1Table(const QList<IngestionResource> &resources);
// The StorageRoots of one type (case-insensitive), in the order returned.
QStringList storageRootsOf(const QList<IngestionResource> &resources, QStringView resourceTypeName);

// `.get kusto identity token`: the AuthorizationContext of the first row.
Result<QString> authorizationContextFromV1(const KustoV1Table &t);
KustoV1Table identityTokenTable(const QString &authorizationContext);

// `.ingest-from-storage-queued`: the one row.
struct QueuedIngestionSubmission
{
    QString ingestionOperationId;
    QString clientRequestId;
    QString operationInfo; // the command that shows the status
    bool operator==(const QueuedIngestionSubmission &) const = default;
};
Result<QueuedIngestionSubmission> submissionFromV1(const KustoV1Table &t);
KustoV1Table toV1Table(const QueuedIngestionSubmission &s);

} // namespace iw
