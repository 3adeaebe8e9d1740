#pragma once

#include "core/IngestionStatus.h"

#include <QAbstractProxyModel>
#include <QDateTime>
#include <QSet>

#include <vector>

namespace iw {

class IngestionStatusModel;

// Filters and sorts an IngestionStatusModel of up to a million rows: a flat index proxy (not a
// QSortFilterProxyModel) that reads the model's compact rows directly.
//
// Sorting: sort() snapshots one compact sort key per source row (pool ids ranked once over the model's
// string pool, times as integers, GUIDs as their 16 bytes, paths as folder rank + file-name prefix) and sorts
// (key, row) pairs; equal values keep the source order (stable), in both directions. The order of all
// source rows is kept, so a filter change is one linear pass, never a re-sort.
// Refresh: a changed source row is repositioned alone (two binary searches, one beginMoveRows/endMoveRows,
// or an exact rowsInserted/rowsRemoved when it enters or leaves the filter); new source rows are merged in
// with one rowsInserted per contiguous block. The proxy is never reset except when the model is (clear()).
// A filter or sort change is one layoutChanged with the persistent indexes (selection, current) carried.
//
// Filters: Status set, Database and Table (exact, case-insensitive), a time range on UpdatedOn (either end
// open), and text over IngestionSourceId, IngestionSourcePath and Details (substring, case-insensitive).
class IngestionStatusFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    struct Filter
    {
        QSet<OperationStatus> statuses; // empty: all
        QString database;
        QString table;
        QDateTime from; // invalid: open
        QDateTime to; // invalid: open; inclusive
        QString text;
        bool operator==(const Filter &) const = default;
    };

    explicit IngestionStatusFilterProxy(QObject *parent = nullptr);
    ~IngestionStatusFilterProxy() override;

    void setSourceModel(QAbstractItemModel *model) override; // must be an IngestionStatusModel (or null)
    // column -1: the model's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setFilter(const Filter &filter); // all criteria at once: one rebuild
    const Filter &filter() const { return m_filter; }
    void setStatuses(const QSet<OperationStatus> &statuses);
    void setDatabase(const QString &database);
    void setTable(const QString &table);
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    void setText(const QString &text);

    // Proxy row of a source id (jump to), or -1 when absent or filtered out.
    int proxyRowForSourceId(const QString &ingestionSourceId) const;

    // Whether a source row passes the filter (as of the last change the proxy saw).
    bool acceptsSourceRow(int sourceRow) const;
    // Heap bytes held by the proxy's mapping and sort keys (for the benchmark).
    qint64 bytesUsed() const;

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    // The snapshot of one row's value in the sort column: exact (compares like the value), so a changed
    // row can still be found at its old place after the model changed it.
    struct SortKey
    {
        quint64 a = 0;
        quint64 b = 0;
    };

    // Filtering
    void deriveFilter();
    bool filterAccepts(int sourceRow) const;
    bool textMatches(int sourceRow) const;
    bool poolMatches(std::vector<qint8> &cache, quint32 id, bool exact, const QString &needle) const;
    void refilterAll();

    // Sorting
    void buildRanks();
    SortKey keyOf(int sourceRow, quint8 *kind) const;
    int compareKeys(const SortKey &x, quint8 kx, const SortKey &y, quint8 ky) const;
    int comparePooled(quint32 a, quint32 b) const;
    // Source rows x and y (with their keys) in the proxy's order, direction included; ties: source order.
    int compareFull(const SortKey &x, quint8 kx, int xRow, const SortKey &y, quint8 ky, int yRow) const;
    bool less(int left, int right) const;
    quint8 kindOf(int sourceRow) const { return m_idColumn ? m_kinds[std::size_t(sourceRow)] : 0; }
    void computeKeys();
    void sortAll();
    // Position of `row` (with key k) in a vector sorted by less(): the first element not less than it.
    std::size_t lowerBound(const std::vector<int> &v, const SortKey &k, quint8 kind, int row) const;
    // Where `row` goes when it moves from index `at` of the sorted vector v (v still holds it at `at`).
    std::size_t newPosition(const std::vector<int> &v, std::size_t at, const SortKey &k, quint8 kind,
                            int row) const;
    int proxyRowOf(int sourceRow) const; // -1 when filtered out
    void rebuildVisible();

    // Layout changes keeping persistent indexes
    void beginLayout();
    void endLayout();

    // Source signals
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceAboutToReset();
    void onSourceReset();
    void updateRow(int sourceRow, int firstColumn, int lastColumn, const QList<int> &roles);
    void resetFromSource();

    const IngestionStatusModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_connections;

    Filter m_filter;
    // Derived from m_filter
    quint32 m_statusMask = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    bool m_timeFilter = false;
    QByteArray m_asciiNeedle; // lower-case; empty when the text is not ASCII
    bool m_needleMayBeGuid = false;
    bool m_needleHasSlash = false;
    mutable std::vector<qint8> m_databaseCache; // per pool id: -1 unknown, 0 no, 1 yes
    mutable std::vector<qint8> m_tableCache;
    mutable std::vector<qint8> m_textCache;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<quint32> m_rank; // pool id -> rank (case-insensitive order); ids beyond compare as text
    std::vector<SortKey> m_keys; // per source row, for m_sortColumn (empty when unsorted)
    std::vector<quint8> m_kinds; // per source row, the id kind when sorting by an id column
    bool m_idColumn = false;

    // Every source row in the sort order (empty when unsorted: source order), except that rows changed or
    // added since are repaired lazily, when the order is next needed (a filter change): one merge instead of
    // one O(n) move per changed row.
    std::vector<int> m_order;
    std::vector<int> m_orderPending; // rows whose place in m_order is stale or missing
    std::vector<bool> m_isPending; // per source row
    void markOrderPending(int sourceRow);
    void repairOrder();
    std::vector<int> m_visible; // proxy row -> source row
    std::vector<bool> m_accepted; // per source row
    int m_sourceRows = 0; // source rows the proxy has seen

    // Between beginLayout() and endLayout()
    QModelIndexList m_layoutFrom;
    QList<int> m_layoutSourceRows;
};

} // namespace iw
