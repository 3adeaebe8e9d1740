#pragma once

#include "core/IngestionStatus.h"

#include <QDateTime>
#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

namespace iw {

class IngestionStatusModel;

// Filters and sorts an IngestionStatusModel of up to a million rows. filterAcceptsRow() and lessThan() read
// the model's compact rows directly (no QVariant, no string built per row); string columns sort through a
// rank table of the model's string pool, built when sort() is called.
//
// Filters: Status set, Database and Table (exact, case-insensitive), a time range on UpdatedOn (either end
// open), and text over IngestionSourceId, IngestionSourcePath and Details (substring, case-insensitive).
// A filter change on a large model rebuilds the mapping at once (layoutChanged, no reset) instead of
// emitting one rowsRemoved per gap, which QSortFilterProxyModel would do in quadratic time.
class IngestionStatusFilterProxy : public QSortFilterProxyModel
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

    void setSourceModel(QAbstractItemModel *model) override; // must be an IngestionStatusModel
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const Filter &filter); // all criteria at once: one rebuild
    const Filter &filter() const { return m_filter; }
    void setStatuses(const QSet<OperationStatus> &statuses);
    void setDatabase(const QString &database);
    void setTable(const QString &table);
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    void setText(const QString &text);

    // Proxy row of a source id (jump to), or -1 when absent or filtered out.
    int proxyRowForSourceId(const QString &ingestionSourceId) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyFilter();
    bool textMatches(int sourceRow) const;
    bool poolMatches(std::vector<qint8> &cache, quint32 id, bool exact, const QString &needle) const;
    int comparePooled(quint32 a, quint32 b) const;
    void buildRanks();
    int compareRows(int column, int left, int right) const;
    void buildSortRank(int column);
    void markDirty(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    const IngestionStatusModel *m_model = nullptr;
    Filter m_filter;
    // Derived from m_filter
    quint32 m_statusMask = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QByteArray m_asciiNeedle; // lower-case; empty when the text is not ASCII
    bool m_needleMayBeGuid = false;
    bool m_needleHasSlash = false;
    mutable std::vector<qint8> m_databaseCache; // per pool id: -1 unknown, 0 no, 1 yes
    mutable std::vector<qint8> m_tableCache;
    mutable std::vector<qint8> m_textCache;
    std::vector<quint32> m_rank; // pool id -> rank (case-insensitive order); ids beyond compare as text
    // Source row -> position in the order of m_sortRankColumn, computed by sort() with std::sort over the
    // compact rows (cache-friendly), so QSortFilterProxyModel's own sort compares two integers. Rows changed
    // or added since (kDirty, or beyond the vector) compare on their values, which agrees with the ranks.
    std::vector<quint32> m_sortRank;
    int m_sortRankColumn = -1;
    QMetaObject::Connection m_dataChangedConnection;
    QMetaObject::Connection m_resetConnection;
};

} // namespace iw
