#include "core/KustoV1.h"

#include "core/DateTimeText.h"
#include "core/OneApiError.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <optional>

namespace iw {

namespace {

// Case-insensitive member lookup: the service writes "Tables", "TableName"...; be lenient about case.
QJsonValue member(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue exact = o.value(key);
    if (!exact.isUndefined())
        return exact;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString normalised(QStringView name)
{
    QString s;
    s.reserve(name.size());
    for (const QChar c : name) {
        if (!c.isSpace() && c != QLatin1Char('_'))
            s.append(c.toLower());
    }
    return s;
}

QString dataTypeFor(const QString &kustoType)
{
    static const QHash<QString, QString> map {
        { QStringLiteral("string"), QStringLiteral("String") },
        { QStringLiteral("datetime"), QStringLiteral("DateTime") },
        { QStringLiteral("long"), QStringLiteral("Int64") },
        { QStringLiteral("int"), QStringLiteral("Int32") },
        { QStringLiteral("bool"), QStringLiteral("Boolean") },
        { QStringLiteral("real"), QStringLiteral("Double") },
        { QStringLiteral("guid"), QStringLiteral("Guid") },
        { QStringLiteral("timespan"), QStringLiteral("TimeSpan") },
        { QStringLiteral("dynamic"), QStringLiteral("Object") },
        { QStringLiteral("decimal"), QStringLiteral("Decimal") },
    };
    return map.value(kustoType.toLower(), QStringLiteral("Object"));
}

// Reads typed cells of one row, recording the first problem with its row and column.
class CellReader
{
public:
    CellReader(const KustoV1Table &t) : m_t(t) { }

    void setRow(int r) { m_row = r; }
    bool failed() const { return !m_error.isEmpty(); }
    Error error() const { return Error::parse(m_error); }

    QJsonValue cell(int col) const
    {
        if (col < 0)
            return QJsonValue(QJsonValue::Undefined);
        return m_t.rows.at(m_row).at(col);
    }

    QString text(int col)
    {
        const QJsonValue v = cell(col);
        switch (v.type()) {
        case QJsonValue::String:
            return v.toString();
        case QJsonValue::Double: {
            const double d = v.toDouble();
            if (d == std::floor(d) && std::fabs(d) < 9.0e15)
                return QString::number(static_cast<qint64>(d));
            return QString::number(d, 'g', 17);
        }
        case QJsonValue::Bool:
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Array:
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        case QJsonValue::Object:
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            break;
        }
        return {};
    }

    qint64 integer(int col)
    {
        const QJsonValue v = cell(col);
        if (v.isUndefined() || v.isNull())
            return 0;
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == std::floor(d) && std::fabs(d) <= 9.2e18)
                return static_cast<qint64>(d);
        } else if (v.isString()) {
            const QString s = v.toString().trimmed();
            if (s.isEmpty())
                return 0;
            bool ok = false;
            const qint64 n = s.toLongLong(&ok);
            if (ok)
                return n;
        }
        fail(col, QStringLiteral("a long"));
        return 0;
    }

    QDateTime time(int col)
    {
        const QJsonValue v = cell(col);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return {};
        if (v.isString()) {
            if (const auto t = parseDateTimeText(v.toString()))
                return *t;
        }
        fail(col, QStringLiteral("a datetime"));
        return {};
    }

private:
    void fail(int col, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("row %1, column %2: expected %3")
                          .arg(m_row + 1)
                          .arg(m_t.columns.at(col).name, what);
    }

    const KustoV1Table &m_t;
    int m_row = 0;
    QString m_error;
};

Error missingColumn(const KustoV1Table &t, const QString &name)
{
    QStringList have;
    for (const KustoV1Column &c : t.columns)
        have << c.name;
    return Error::parse(
        QStringLiteral("result has no %1 column (columns: %2)")
            .arg(name, have.isEmpty() ? QStringLiteral("none") : have.join(QStringLiteral(", "))));
}

QJsonValue timeCell(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toDateTimeText(t)) : QJsonValue(QJsonValue::Null);
}

KustoV1Table table(std::initializer_list<std::pair<const char *, const char *>> columns)
{
    KustoV1Table t;
    t.tableName = QStringLiteral("Table_0");
    for (const auto &[name, type] : columns)
        t.columns.append(KustoV1Column::make(QLatin1String(name), QLatin1String(type)));
    return t;
}

} // namespace

KustoV1Column KustoV1Column::make(const QString &name, const QString &kustoType)
{
    return { name, dataTypeFor(kustoType), kustoType };
}

int KustoV1Table::columnIndex(QStringView name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    const QString want = normalised(name);
    for (int i = 0; i < columns.size(); ++i) {
        if (normalised(columns.at(i).name) == want)
            return i;
    }
    return -1;
}

int KustoV1Table::columnIndex(std::initializer_list<QStringView> names) const
{
    for (const QStringView n : names) {
        const int i = columnIndex(n);
        if (i >= 0)
            return i;
    }
    return -1;
}

QByteArray KustoV1Table::toJson() const
{
    QJsonArray cols;
    for (const KustoV1Column &c : columns) {
        QJsonObject o;
        o.insert(QStringLiteral("ColumnName"), c.name);
        o.insert(QStringLiteral("DataType"), c.dataType);
        if (!c.columnType.isEmpty())
            o.insert(QStringLiteral("ColumnType"), c.columnType);
        cols.append(o);
    }
    QJsonArray rs;
    for (const QJsonArray &r : rows)
        rs.append(r);
    QJsonObject t;
    t.insert(QStringLiteral("TableName"), tableName);
    t.insert(QStringLiteral("Columns"), cols);
    t.insert(QStringLiteral("Rows"), rs);
    return QJsonDocument(t).toJson(QJsonDocument::Compact);
}

QByteArray KustoV1Response::toJson() const
{
    QJsonArray ts;
    for (const KustoV1Table &t : tables)
        ts.append(QJsonDocument::fromJson(t.toJson()).object());
    QJsonObject root;
    root.insert(QStringLiteral("Tables"), ts);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<KustoV1Table> KustoV1Response::primaryTable() const
{
    if (tables.isEmpty())
        return Error::parse(QStringLiteral("response has no tables"));
    if (tables.size() <= 2)
        return tables.first();
    const KustoV1Table &toc = tables.last();
    const int kind = toc.columnIndex(u"Kind");
    const int ordinal = toc.columnIndex(u"Ordinal");
    if (kind < 0 || ordinal < 0)
        return Error::parse(
            QStringLiteral("response has %1 tables but no table of contents").arg(tables.size()));
    for (const QJsonArray &row : toc.rows) {
        if (row.at(kind).toString().compare(QLatin1String("QueryResult"), Qt::CaseInsensitive) != 0)
            continue;
        const QJsonValue o = row.at(ordinal);
        const double d = o.isString() ? o.toString().toDouble() : o.toDouble(-1);
        if (d >= 0 && d < tables.size() - 1 && d == std::floor(d))
            return tables.at(static_cast<int>(d));
        return Error::parse(QStringLiteral("table of contents names table %1, which does not exist").arg(d));
    }
    return Error::parse(QStringLiteral("table of contents has no QueryResult"));
}

Result<KustoV1Response> parseKustoV1(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return Error::parse(QStringLiteral("empty response"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error::parse(
            QStringLiteral("response is not JSON (offset %1: %2)").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return Error::parse(QStringLiteral("response is not a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonValue tablesValue = member(root, QLatin1String("Tables"));
    if (tablesValue.isUndefined()) {
        if (looksLikeOneApiError(body))
            return parseOneApiError(body);
        return Error::parse(QStringLiteral("response has no Tables"));
    }
    if (!tablesValue.isArray())
        return Error::parse(QStringLiteral("Tables is not an array"));

    KustoV1Response resp;
    const QJsonArray tables = tablesValue.toArray();
    for (qsizetype ti = 0; ti < tables.size(); ++ti) {
        if (!tables.at(ti).isObject())
            return Error::parse(QStringLiteral("table %1 is not an object").arg(ti));
        const QJsonObject to = tables.at(ti).toObject();
        KustoV1Table t;
        const QJsonValue name = member(to, QLatin1String("TableName"));
        if (!name.isUndefined() && !name.isNull() && !name.isString())
            return Error::parse(QStringLiteral("table %1: TableName is not a string").arg(ti));
        t.tableName = name.toString();
        const QJsonValue cols = member(to, QLatin1String("Columns"));
        if (!cols.isArray())
            return Error::parse(QStringLiteral("table %1: Columns is missing or not an array").arg(ti));
        for (const QJsonValue c : cols.toArray()) {
            const QJsonObject co = c.toObject();
            const QJsonValue cn = member(co, QLatin1String("ColumnName"));
            if (!cn.isString())
                return Error::parse(QStringLiteral("table %1: a column has no ColumnName").arg(ti));
            KustoV1Column col;
            col.name = cn.toString();
            col.dataType = member(co, QLatin1String("DataType")).toString();
            col.columnType = member(co, QLatin1String("ColumnType")).toString();
            t.columns.append(col);
        }
        const QJsonValue rows = member(to, QLatin1String("Rows"));
        if (!rows.isUndefined() && !rows.isNull() && !rows.isArray())
            return Error::parse(QStringLiteral("table %1: Rows is not an array").arg(ti));
        const QJsonArray ra = rows.toArray();
        t.rows.reserve(ra.size());
        for (qsizetype ri = 0; ri < ra.size(); ++ri) {
            const QJsonValue r = ra.at(ri);
            if (!r.isArray()) {
                // v1 query errors arrive in-band as a row object ({"Exceptions":[...]}, OneApiErrors).
                if (r.isObject()) {
                    const QByteArray inner = QJsonDocument(r.toObject()).toJson(QJsonDocument::Compact);
                    if (looksLikeOneApiError(inner))
                        return parseOneApiError(inner);
                }
                return Error::parse(QStringLiteral("table %1, row %2 is not an array").arg(ti).arg(ri + 1));
            }
            QJsonArray cells = r.toArray();
            if (cells.size() != t.columns.size())
                return Error::parse(QStringLiteral("table %1, row %2 has %3 cells for %4 columns")
                                        .arg(ti)
                                        .arg(ri + 1)
                                        .arg(cells.size())
                                        .arg(t.columns.size()));
            t.rows.append(std::move(cells));
        }
        resp.tables.append(std::move(t));
    }
    return resp;
}

// ---- Typed rows -----------------------------------------------------------------------------------------

Result<QList<QueuedOperation>> queuedOperationsFromV1(const KustoV1Table &t)
{
    const int id = t.columnIndex(u"IngestionOperationId");
    if (id < 0)
        return missingColumn(t, QStringLiteral("IngestionOperationId"));
    const int state = t.columnIndex(u"State");
    if (state < 0)
        return missingColumn(t, QStringLiteral("State"));
    const int started = t.columnIndex(u"StartedOn");
    const int updated = t.columnIndex(u"LastUpdatedOn");
    const int discovered = t.columnIndex(u"Discovered");
    const int pending = t.columnIndex({ u"Pending", u"InProgress" });
    const int canceled = t.columnIndex({ u"Canceled", u"Cancelled" });
    const int ingested = t.columnIndex(u"Ingested");
    const int failed = t.columnIndex(u"Failed");
    const int reasons = t.columnIndex(u"SampleFailedReasons");
    const int database = t.columnIndex(u"Database");
    const int table = t.columnIndex(u"Table");

    QList<QueuedOperation> out;
    out.reserve(t.rows.size());
    CellReader r(t);
    for (int i = 0; i < t.rows.size(); ++i) {
        r.setRow(i);
        QueuedOperation op;
        op.ingestionOperationId = r.text(id);
        if (op.ingestionOperationId.isEmpty())
            return Error::parse(QStringLiteral("row %1: empty IngestionOperationId").arg(i + 1));
        op.startedOn = r.time(started);
        op.lastUpdatedOn = r.time(updated);
        op.state = operationStateFromString(r.text(state)).value_or(OperationState::InProgress);
        op.discovered = r.integer(discovered);
        op.pending = r.integer(pending);
        op.canceled = r.integer(canceled);
        op.ingested = r.integer(ingested);
        op.failed = r.integer(failed);
        op.sampleFailedReasons = r.text(reasons);
        op.database = r.text(database);
        op.table = r.text(table);
        if (r.failed())
            return r.error();
        out.append(std::move(op));
    }
    return out;
}

KustoV1Table toV1Table(const QList<QueuedOperation> &ops)
{
    KustoV1Table t = table({ { "IngestionOperationId", "string" },
                             { "StartedOn", "datetime" },
                             { "LastUpdatedOn", "datetime" },
                             { "State", "string" },
                             { "Discovered", "long" },
                             { "Pending", "long" },
                             { "Canceled", "long" },
                             { "Ingested", "long" },
                             { "Failed", "long" },
                             { "SampleFailedReasons", "string" },
                             { "Database", "string" },
                             { "Table", "string" } });
    t.rows.reserve(ops.size());
    for (const QueuedOperation &o : ops) {
        t.rows.append(QJsonArray { o.ingestionOperationId, timeCell(o.startedOn), timeCell(o.lastUpdatedOn),
                                   toString(o.state), o.discovered, o.pending, o.canceled, o.ingested,
                                   o.failed, o.sampleFailedReasons, o.database, o.table });
    }
    return t;
}

Result<QList<BlobDetail>> blobDetailsFromV1(const KustoV1Table &t)
{
    const int url = t.columnIndex({ u"BlobURL", u"BlobUri" });
    if (url < 0)
        return missingColumn(t, QStringLiteral("BlobURL"));
    const int id = t.columnIndex(u"IngestionOperationId");
    const int status = t.columnIndex(u"IngestionStatus");
    const int started = t.columnIndex(u"StartedAt");
    const int completed = t.columnIndex(u"CompletedAt");
    const int reasons = t.columnIndex({ u"FailedReasons", u"FailedReason" });

    QList<BlobDetail> out;
    out.reserve(t.rows.size());
    CellReader r(t);
    for (int i = 0; i < t.rows.size(); ++i) {
        r.setRow(i);
        BlobDetail d;
        d.ingestionOperationId = r.text(id);
        d.blobUrl = r.text(url);
        d.ingestionStatus = r.text(status);
        d.startedAt = r.time(started);
        d.completedAt = r.time(completed);
        d.failedReasons = r.text(reasons);
        if (r.failed())
            return r.error();
        out.append(std::move(d));
    }
    return out;
}

KustoV1Table toV1Table(const QList<BlobDetail> &details)
{
    KustoV1Table t = table({ { "IngestionOperationId", "string" },
                             { "BlobURL", "string" },
                             { "IngestionStatus", "string" },
                             { "StartedAt", "datetime" },
                             { "CompletedAt", "datetime" },
                             { "FailedReasons", "string" } });
    for (const BlobDetail &d : details)
        t.rows.append(QJsonArray { d.ingestionOperationId, d.blobUrl, d.ingestionStatus,
                                   timeCell(d.startedAt), timeCell(d.completedAt), d.failedReasons });
    return t;
}

Result<QList<IngestionResource>> ingestionResourcesFromV1(const KustoV1Table &t)
{
    const int type = t.columnIndex(u"ResourceTypeName");
    if (type < 0)
        return missingColumn(t, QStringLiteral("ResourceTypeName"));
    const int root = t.columnIndex(u"StorageRoot");
    if (root < 0)
        return missingColumn(t, QStringLiteral("StorageRoot"));
    QList<IngestionResource> out;
    CellReader r(t);
    for (int i = 0; i < t.rows.size(); ++i) {
        r.setRow(i);
        if (!r.cell(type).isString() || !r.cell(root).isString())
            return Error::parse(
                QStringLiteral("row %1: ResourceTypeName and StorageRoot must be strings").arg(i + 1));
        out.append({ r.text(type), r.text(root) });
    }
    return out;
}

KustoV1Table toV1Table(const QList<IngestionResource> &resources)
{
    KustoV1Table t = table({ { "ResourceTypeName", "string" }, { "StorageRoot", "string" } });
    for (const IngestionResource &res : resources)
        t.rows.append(QJsonArray { res.resourceTypeName, res.storageRoot });
    return t;
}

QStringList storageRootsOf(const QList<IngestionResource> &resources, QStringView resourceTypeName)
{
    QStringList out;
    for (const IngestionResource &r : resources) {
        if (QStringView(r.resourceTypeName).compare(resourceTypeName, Qt::CaseInsensitive) == 0)
            out.append(r.storageRoot);
    }
    return out;
}

Result<QString> authorizationContextFromV1(const KustoV1Table &t)
{
    const int c = t.columnIndex(u"AuthorizationContext");
    if (c < 0)
        return missingColumn(t, QStringLiteral("AuthorizationContext"));
    if (t.rows.isEmpty())
        return Error::parse(QStringLiteral("identity token result has no rows"));
    const QJsonValue v = t.rows.first().at(c);
    if (!v.isString() || v.toString().isEmpty())
        return Error::parse(QStringLiteral("AuthorizationContext is empty or not a string"));
    return v.toString();
}

KustoV1Table identityTokenTable(const QString &authorizationContext)
{
    KustoV1Table t = table({ { "AuthorizationContext", "string" } });
    t.rows.append(QJsonArray { authorizationContext });
    return t;
}

Result<QueuedIngestionSubmission> submissionFromV1(const KustoV1Table &t)
{
    const int id = t.columnIndex(u"IngestionOperationId");
    if (id < 0)
        return missingColumn(t, QStringLiteral("IngestionOperationId"));
    if (t.rows.isEmpty())
        return Error::parse(QStringLiteral("ingestion result has no rows"));
    CellReader r(t);
    QueuedIngestionSubmission s;
    s.ingestionOperationId = r.text(id);
    s.clientRequestId = r.text(t.columnIndex(u"ClientRequestId"));
    s.operationInfo = r.text(t.columnIndex(u"OperationInfo"));
    if (s.ingestionOperationId.isEmpty() && !r.cell(id).isString())
        return Error::parse(QStringLiteral("IngestionOperationId is not a string"));
    return s;
}

KustoV1Table toV1Table(const QueuedIngestionSubmission &s)
{
    KustoV1Table t = table({ { "IngestionOperationId", "string" },
                             { "ClientRequestId", "string" },
                             { "OperationInfo", "string" } });
    t.rows.append(QJsonArray { s.ingestionOperationId, s.clientRequestId, s.operationInfo });
    return t;
}

} // namespace iw
