#pragma once

#include "core/IngestionStatus.h"
#include "models/StringPool.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <array>
#include <limits>
#include <vector>

namespace iw {

class CsvWriter;

// The per-source ingestion statuses of the Azure status table, for up to a million rows.
//
// Rows are compact (about 100 bytes plus the file name of the path): repeated strings are interned in a
// StringPool, GUIDs are kept as 16 bytes, times as msecs, enums as bytes; the PartitionKey/RowKey of the
// usual SDK layouts (PK = source id, RK = PK or the nil GUID) is not stored at all. A refresh is an upsert
// by key: new keys are appended with one rowsInserted per call, changed rows emit one dataChanged spanning
// their changed cells, the model is never reset (clear() is the explicit exception).
class IngestionStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The twelve fields of the service's IngestionStatus, in its order.
    enum Column {
        Status,
        IngestionSourceId,
        IngestionSourcePath, // shown redacted
        Database,
        Table,
        UpdatedOn,
        OperationId,
        ActivityId,
        ErrorCode,
        FailureStatus,
        Details,
        OriginatesFromUpdatePolicy,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole, // int for enums, QString, QDateTime (UTC), bool
        StatusRole, // the whole IngestionStatus (IngestionSourcePath NOT redacted: redact before export)
        HighlightRole, // int(Highlight)
        LongPendingRole, // bool
    };

    enum class Highlight { None, Failed, LongPending, QueuedWithoutTracking };
    Q_ENUM(Highlight)

    static constexpr int kStatusCount = 6; // OperationStatus values

    explicit IngestionStatusModel(QObject *parent = nullptr);
    ~IngestionStatusModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // Without the two virtual calls of QAbstractTableModel::index(): a proxy's sort calls it 40 million
    // times.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Merges one page of the status table (call once per page). Returns the number of new rows.
    // Later duplicates of a key within the page win.
    int upsert(const QList<IngestionStatus> &page);
    // Explicit operator action only ("forget everything"): a model reset.
    void clear();

    // The reference time for "long Pending" (default: the system clock when upsert is called, or the value
    // set here). Rows that cross the threshold emit dataChanged.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    void setLongPendingSeconds(int seconds); // default 3600; <= 0 disables
    int longPendingSeconds() const { return m_longPendingSecs; }
    bool isLongPending(int row) const;

    IngestionStatus statusAt(int row) const;
    OperationStatus statusOf(int row) const;
    int rowForKey(const QString &partitionKey, const QString &rowKey) const; // -1 when absent
    int rowForSourceId(const QString &ingestionSourceId) const; // jump to; -1 when absent
    // Per-status counts, kept incrementally; statusLabel() gives "Failed (12)".
    int count(OperationStatus s) const { return m_statusCounts[static_cast<std::size_t>(s)]; }
    std::array<int, kStatusCount> statusCounts() const { return m_statusCounts; }
    QString statusLabel(OperationStatus s) const;
    // Distinct values, for filter combo boxes (sorted case-insensitively). Kept incrementally: the cost is in
    // the number of distinct values, not of rows (the pane asks after every page).
    QStringList databases() const;
    QStringList tables() const;

    // Writes the twelve fields of a row as CSV cells (no endRow()), straight from the compact row: the
    // statuses export. IngestionSourcePath and Details are redacted when `redactSecrets`. Times in UTC with
    // milliseconds, enums by name, booleans true/false. False (nothing written) when the row does not exist.
    bool writeCsvCells(int row, CsvWriter &csv, bool redactSecrets) const;

    // Approximate heap bytes held by the rows, pools, arena and index.
    qint64 bytesUsed() const;

    static QString queuedExplanation();

Q_SIGNALS:
    void statusCountsChanged();

private:
    friend class IngestionStatusFilterProxy;

    // A GUID as 16 bytes, or (kind Pooled) a StringPool id in the first four bytes.
    struct CompactId
    {
        enum Kind : quint8 { Pooled, GuidLower, GuidUpper };
        std::array<quint8, 16> bytes {};
    };
    enum Flag : quint16 {
        SourceIdKindMask = 0x3,
        OperationIdKindShift = 2,
        ActivityIdKindShift = 4,
        FromUpdatePolicy = 1 << 6,
        OddKey = 1 << 7, // PartitionKey/RowKey kept in m_oddKeys
        RowKeyIsNil = 1 << 8, // RowKey = 00000000-0000-0000-0000-000000000000 (else RowKey = PartitionKey)
        PathPooled = 1 << 9, // the whole path is m_pathDir (too long for the arena's length field)
    };
    struct Row
    {
        qint64 updatedOn = 0; // msecs since epoch, kNullTime when null
        qint64 timestamp = 0;
        CompactId sourceId;
        CompactId operationId;
        CompactId activityId;
        quint32 database = 0;
        quint32 table = 0;
        quint32 errorCode = 0;
        quint32 details = 0;
        quint32 pathDir = 0; // pooled folder part of the path, up to and including the last '/'
        quint32 pathOffset = 0; // file part of the path, UTF-8 in m_arena
        quint16 pathLength = 0;
        quint8 status = 0;
        quint8 failureStatus = 0;
        quint16 flags = 0;
    };
    static constexpr qint64 kNullTime = std::numeric_limits<qint64>::min();

    struct KeyRef;
    class RowIndex;

    // Writes the 36 characters of a GUID (no terminator).
    static void formatGuid(const std::array<quint8, 16> &bytes, bool upper, char *out);
    Row encode(const IngestionStatus &s, const Row *previous);
    CompactId encodeId(const QString &text, CompactId::Kind *kind);
    QString decodeId(const CompactId &id, int kind) const;
    static int idKind(const Row &r, int shift) { return (r.flags >> shift) & 0x3; }
    QString sourceIdText(const Row &r) const { return decodeId(r.sourceId, idKind(r, 0)); }
    QString path(const Row &r) const;
    KeyRef keyOf(const Row &r, int row) const;
    static quint32 columnMask(const Row &a, const Row &b);
    const Row &rowAt(int row) const
    {
        return row < static_cast<int>(m_rows.size()) ? m_rows[row] : m_staging[row - m_rows.size()];
    }

    QVariant rawValue(const Row &r, int column) const;
    QVariant displayValue(const Row &r, int column) const;
    QVariant toolTip(const Row &r, int column) const;
    Highlight highlight(const Row &r) const;
    bool longPending(const Row &r, qint64 nowMs) const;
    qint64 nowMs() const;

    std::vector<Row> m_rows;
    std::vector<Row> m_staging; // new rows of the page being merged
    StringPool m_pool;
    std::vector<char> m_arena; // UTF-8 file names of paths
    mutable std::vector<qint8> m_poolSecretHints; // per pool id, for the export's redaction; -1 unknown
    quint8 poolSecretHints(quint32 id) const;
    QHash<int, std::pair<QString, QString>> m_oddKeys; // row -> (PartitionKey, RowKey)
    RowIndex *m_index;
    std::array<int, kStatusCount> m_statusCounts {};
    // Rows per pool id of one column, and the ids in use: the distinct values without a pass over the rows.
    struct ValueCounts
    {
        std::vector<int> rows; // per pool id
        std::vector<quint32> ids; // ids with rows > 0
        void add(quint32 id);
        void remove(quint32 id);
    };
    ValueCounts m_databaseCounts;
    ValueCounts m_tableCounts;
    QStringList distinctValues(const ValueCounts &counts) const;
    QDateTime m_now;
    int m_longPendingSecs = 3600;
};

} // namespace iw
