#include "models/IngestionStatusFilterProxy.h"

#include "models/IngestionStatusModel.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <optional>

namespace iw {

namespace {

constexpr int kRebuildThreshold = 10000; // rows above which a filter change rebuilds the mapping at once
constexpr quint32 kDirty = std::numeric_limits<quint32>::max();

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

// Case-insensitive (ASCII) search of a lower-case needle in bytes.
bool containsAscii(const char *hay, qsizetype hayLength, const QByteArray &needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char first = needle[0];
    const char *nd = needle.constData();
    for (qsizetype i = 0; i + n <= hayLength; ++i) {
        if (lowerAscii(hay[i]) != first)
            continue;
        qsizetype j = 1;
        while (j < n && lowerAscii(hay[i + j]) == nd[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

int compareBytesCaseInsensitive(const char *a, qsizetype la, const char *b, qsizetype lb)
{
    const qsizetype n = std::min(la, lb);
    for (qsizetype i = 0; i < n; ++i) {
        const char ca = lowerAscii(a[i]);
        const char cb = lowerAscii(b[i]);
        if (ca != cb)
            return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb) ? -1 : 1;
    }
    return la < lb ? -1 : (la > lb ? 1 : 0);
}

template<typename T>
int cmp(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

IngestionStatusFilterProxy::IngestionStatusFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(IngestionStatusModel::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void IngestionStatusFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<const IngestionStatusModel *>(model);
    Q_ASSERT(!model || m_model);
    m_databaseCache.clear();
    m_tableCache.clear();
    m_textCache.clear();
    m_rank.clear();
    m_sortRank.clear();
    m_sortRankColumn = -1;
    disconnect(m_dataChangedConnection);
    disconnect(m_resetConnection);
    if (m_model) {
        // Connected before QSortFilterProxyModel's own slots, so ranks are marked stale before it re-sorts.
        m_dataChangedConnection = connect(m_model, &QAbstractItemModel::dataChanged, this,
                                          &IngestionStatusFilterProxy::markDirty);
        m_resetConnection = connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            m_sortRank.clear();
            m_sortRankColumn = -1;
            m_rank.clear();
        });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void IngestionStatusFilterProxy::markDirty(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_sortRank.empty() || m_sortRankColumn < topLeft.column() || m_sortRankColumn > bottomRight.column())
        return;
    const auto last = std::min<std::size_t>(std::size_t(bottomRight.row()) + 1, m_sortRank.size());
    for (auto row = std::size_t(topLeft.row()); row < last; ++row)
        m_sortRank[row] = kDirty;
}

void IngestionStatusFilterProxy::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_filter.text = m_filter.text.trimmed();
    applyFilter();
}

void IngestionStatusFilterProxy::setStatuses(const QSet<OperationStatus> &statuses)
{
    Filter f = m_filter;
    f.statuses = statuses;
    setFilter(f);
}

void IngestionStatusFilterProxy::setDatabase(const QString &database)
{
    Filter f = m_filter;
    f.database = database;
    setFilter(f);
}

void IngestionStatusFilterProxy::setTable(const QString &table)
{
    Filter f = m_filter;
    f.table = table;
    setFilter(f);
}

void IngestionStatusFilterProxy::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    Filter f = m_filter;
    f.from = from;
    f.to = to;
    setFilter(f);
}

void IngestionStatusFilterProxy::setText(const QString &text)
{
    Filter f = m_filter;
    f.text = text;
    setFilter(f);
}

void IngestionStatusFilterProxy::applyFilter()
{
    m_statusMask = 0;
    for (const OperationStatus s : m_filter.statuses)
        m_statusMask |= 1u << static_cast<int>(s);
    m_fromMs
        = m_filter.from.isValid() ? m_filter.from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_toMs = m_filter.to.isValid() ? m_filter.to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const QString &t = m_filter.text;
    bool ascii = true;
    bool guidChars = !t.isEmpty();
    for (const QChar c : t) {
        const char16_t u = c.unicode();
        ascii &= u < 0x80;
        guidChars &= (u == u'-' || (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')
                      || (u >= u'A' && u <= u'F'));
    }
    m_asciiNeedle = ascii ? t.toLatin1().toLower() : QByteArray();
    m_needleMayBeGuid = guidChars && t.size() <= 36;
    m_needleHasSlash = t.contains(QLatin1Char('/'));
    m_databaseCache.clear();
    m_tableCache.clear();
    m_textCache.clear();
    if (m_model && m_model->rowCount() > kRebuildThreshold)
        invalidate(); // layoutChanged and one linear rebuild
    else
        invalidateFilter();
}

bool IngestionStatusFilterProxy::poolMatches(std::vector<qint8> &cache, quint32 id, bool exact,
                                             const QString &needle) const
{
    if (id >= cache.size())
        cache.resize(std::max<std::size_t>(id + 1, m_model->m_pool.size()), -1);
    qint8 &c = cache[id];
    if (c < 0) {
        const QString &s = m_model->m_pool.at(id);
        c = exact ? (s.compare(needle, Qt::CaseInsensitive) == 0) : s.contains(needle, Qt::CaseInsensitive);
    }
    return c;
}

bool IngestionStatusFilterProxy::textMatches(int sourceRow) const
{
    using M = IngestionStatusModel;
    const M::Row &r = m_model->m_rows[static_cast<std::size_t>(sourceRow)];
    const QString &needle = m_filter.text;
    // Details and the folder of the path: pooled, decided once per distinct string.
    if (poolMatches(m_textCache, r.details, false, needle))
        return true;
    if (poolMatches(m_textCache, r.pathDir, false, needle))
        return true;
    if (!(r.flags & M::PathPooled)) {
        const char *base = m_model->m_arena.data() + r.pathOffset;
        if (!m_asciiNeedle.isEmpty()) {
            if (containsAscii(base, r.pathLength, m_asciiNeedle))
                return true;
        } else if (QString::fromUtf8(base, r.pathLength).contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
        // A match across the folder/file boundary holds the folder's final '/'.
        if (m_needleHasSlash && m_model->path(r).contains(needle, Qt::CaseInsensitive))
            return true;
    }
    // Source id.
    const int kind = M::idKind(r, 0);
    if (kind == M::CompactId::Pooled) {
        quint32 p = 0;
        std::memcpy(&p, r.sourceId.bytes.data(), sizeof p);
        return poolMatches(m_textCache, p, false, needle);
    }
    if (!m_needleMayBeGuid)
        return false;
    char text[36];
    M::formatGuid(r.sourceId.bytes, false, text);
    return containsAscii(text, 36, m_asciiNeedle);
}

bool IngestionStatusFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    const IngestionStatusModel::Row &r = m_model->m_rows[static_cast<std::size_t>(sourceRow)];
    if (m_statusMask && !(m_statusMask & (1u << r.status)))
        return false;
    if (!m_filter.database.isEmpty() && !poolMatches(m_databaseCache, r.database, true, m_filter.database))
        return false;
    if (!m_filter.table.isEmpty() && !poolMatches(m_tableCache, r.table, true, m_filter.table))
        return false;
    if (m_filter.from.isValid() || m_filter.to.isValid()) {
        if (r.updatedOn == IngestionStatusModel::kNullTime || r.updatedOn < m_fromMs || r.updatedOn > m_toMs)
            return false;
    }
    if (!m_filter.text.isEmpty() && !textMatches(sourceRow))
        return false;
    return true;
}

void IngestionStatusFilterProxy::buildRanks()
{
    m_rank.clear();
    if (!m_model)
        return;
    const StringPool &pool = m_model->m_pool;
    std::vector<quint32> ids(pool.size());
    std::iota(ids.begin(), ids.end(), 0u);
    std::sort(ids.begin(), ids.end(), [&pool](quint32 a, quint32 b) {
        return pool.at(a).compare(pool.at(b), Qt::CaseInsensitive) < 0;
    });
    m_rank.assign(ids.size(), 0);
    quint32 rank = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0 && pool.at(ids[i - 1]).compare(pool.at(ids[i]), Qt::CaseInsensitive) != 0)
            ++rank;
        m_rank[ids[i]] = rank;
    }
}

void IngestionStatusFilterProxy::sort(int column, Qt::SortOrder order)
{
    using M = IngestionStatusModel;
    if (column == M::Database || column == M::Table || column == M::ErrorCode || column == M::Details
        || column == M::IngestionSourcePath || column == M::IngestionSourceId || column == M::OperationId
        || column == M::ActivityId)
        buildRanks();
    buildSortRank(column);
    QSortFilterProxyModel::sort(column, order);
}

void IngestionStatusFilterProxy::buildSortRank(int column)
{
    m_sortRank.clear();
    m_sortRankColumn = -1;
    if (!m_model || column < 0 || column >= IngestionStatusModel::ColumnCount)
        return;
    using M = IngestionStatusModel;
    const auto n = static_cast<quint32>(m_model->m_rows.size());
    std::vector<quint32> order(n);
    std::iota(order.begin(), order.end(), 0u);
    // Columns with a 64-bit key sort (key, row) pairs: no indirection in the comparisons.
    const auto key = [this, column](const M::Row &r) -> std::optional<quint64> {
        switch (column) {
        case M::Status:
            return r.status;
        case M::FailureStatus:
            return r.failureStatus;
        case M::OriginatesFromUpdatePolicy:
            return (r.flags & M::FromUpdatePolicy) ? 1 : 0;
        case M::UpdatedOn:
            return quint64(r.updatedOn) ^ (quint64(1) << 63); // order-preserving for signed values
        case M::Database:
        case M::Table:
        case M::ErrorCode:
        case M::Details: {
            const quint32 id = column == M::Database ? r.database
                : column == M::Table                 ? r.table
                : column == M::ErrorCode             ? r.errorCode
                                                     : r.details;
            if (id < m_rank.size())
                return m_rank[id];
            return std::nullopt;
        }
        default:
            return std::nullopt;
        }
    };
    bool keyed = n > 0;
    std::vector<std::pair<quint64, quint32>> pairs;
    if (keyed) {
        pairs.reserve(n);
        for (quint32 i = 0; i < n && keyed; ++i) {
            const std::optional<quint64> k = key(m_model->m_rows[i]);
            keyed = k.has_value();
            if (keyed)
                pairs.emplace_back(*k, i);
        }
    }
    m_sortRank.assign(n, 0);
    if (keyed) {
        std::sort(pairs.begin(), pairs.end());
        quint32 rank = 0;
        for (quint32 i = 0; i < n; ++i) {
            if (i > 0 && pairs[i].first != pairs[i - 1].first)
                ++rank;
            m_sortRank[pairs[i].second] = rank;
        }
    } else {
        std::sort(order.begin(), order.end(),
                  [this, column](quint32 a, quint32 b) { return compareRows(column, int(a), int(b)) < 0; });
        quint32 rank = 0;
        for (quint32 i = 0; i < n; ++i) {
            if (i > 0 && compareRows(column, int(order[i - 1]), int(order[i])) != 0)
                ++rank;
            m_sortRank[order[i]] = rank;
        }
    }
    m_sortRankColumn = column;
}

int IngestionStatusFilterProxy::comparePooled(quint32 a, quint32 b) const
{
    if (a == b)
        return 0;
    if (a < m_rank.size() && b < m_rank.size())
        return cmp(m_rank[a], m_rank[b]);
    return m_model->m_pool.at(a).compare(m_model->m_pool.at(b), Qt::CaseInsensitive);
}

bool IngestionStatusFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model || left.model() != m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const auto l = std::size_t(left.row());
    const auto r = std::size_t(right.row());
    if (left.column() == m_sortRankColumn && l < m_sortRank.size() && r < m_sortRank.size()
        && m_sortRank[l] != kDirty && m_sortRank[r] != kDirty)
        return m_sortRank[l] < m_sortRank[r];
    return compareRows(left.column(), left.row(), right.row()) < 0;
}

int IngestionStatusFilterProxy::compareRows(int column, int left, int right) const
{
    using M = IngestionStatusModel;
    const M::Row &a = m_model->m_rows[static_cast<std::size_t>(left)];
    const M::Row &b = m_model->m_rows[static_cast<std::size_t>(right)];

    const auto compareIds
        = [this](const M::Row &x, const M::Row &y, const M::CompactId M::Row::*field, int shift) {
              const int kx = M::idKind(x, shift);
              const int ky = M::idKind(y, shift);
              const M::CompactId &ix = x.*field;
              const M::CompactId &iy = y.*field;
              if (kx != M::CompactId::Pooled && ky != M::CompactId::Pooled) // hex order is byte order
                  return std::memcmp(ix.bytes.data(), iy.bytes.data(), 16);
              if (kx == M::CompactId::Pooled && ky == M::CompactId::Pooled) {
                  quint32 px = 0, py = 0;
                  std::memcpy(&px, ix.bytes.data(), sizeof px);
                  std::memcpy(&py, iy.bytes.data(), sizeof py);
                  return comparePooled(px, py);
              }
              return m_model->decodeId(ix, kx).compare(m_model->decodeId(iy, ky), Qt::CaseInsensitive);
          };

    int c = 0;
    switch (static_cast<M::Column>(column)) {
    case M::Status:
        c = cmp(a.status, b.status);
        break;
    case M::IngestionSourceId:
        c = compareIds(a, b, &M::Row::sourceId, 0);
        break;
    case M::IngestionSourcePath:
        // By folder, then by file name.
        if ((a.flags | b.flags) & M::PathPooled) {
            c = m_model->path(a).compare(m_model->path(b), Qt::CaseInsensitive);
        } else {
            c = comparePooled(a.pathDir, b.pathDir);
            if (c == 0)
                c = compareBytesCaseInsensitive(m_model->m_arena.data() + a.pathOffset, a.pathLength,
                                                m_model->m_arena.data() + b.pathOffset, b.pathLength);
        }
        break;
    case M::Database:
        c = comparePooled(a.database, b.database);
        break;
    case M::Table:
        c = comparePooled(a.table, b.table);
        break;
    case M::UpdatedOn:
        c = cmp(a.updatedOn, b.updatedOn);
        break;
    case M::OperationId:
        c = compareIds(a, b, &M::Row::operationId, M::OperationIdKindShift);
        break;
    case M::ActivityId:
        c = compareIds(a, b, &M::Row::activityId, M::ActivityIdKindShift);
        break;
    case M::ErrorCode:
        c = comparePooled(a.errorCode, b.errorCode);
        break;
    case M::FailureStatus:
        c = cmp(a.failureStatus, b.failureStatus);
        break;
    case M::Details:
        c = comparePooled(a.details, b.details);
        break;
    case M::OriginatesFromUpdatePolicy:
        c = cmp(a.flags & M::FromUpdatePolicy, b.flags & M::FromUpdatePolicy);
        break;
    case M::ColumnCount:
        break;
    }
    return c;
}

int IngestionStatusFilterProxy::proxyRowForSourceId(const QString &ingestionSourceId) const
{
    if (!m_model)
        return -1;
    const int sourceRow = m_model->rowForSourceId(ingestionSourceId);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_model->index(sourceRow, 0)).row();
}

} // namespace iw
