#include "models/IngestionStatusFilterProxy.h"

#include "models/IngestionStatusModel.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

namespace iw {

namespace {

using M = IngestionStatusModel;

constexpr int kMaxInsertBlocks = 64; // new rows spread over more blocks than this: one layoutChanged

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

// Lower-cased bytes [from, from + 8) of a string as a big-endian integer, zero-padded: orders like
// compareBytesCaseInsensitive on that window.
quint64 prefixKey(const char *s, qsizetype length, qsizetype from, int bytes)
{
    quint64 k = 0;
    for (int i = 0; i < bytes; ++i) {
        const qsizetype at = from + i;
        k = (k << 8) | (at < length ? static_cast<unsigned char>(lowerAscii(s[at])) : 0u);
    }
    return k;
}

quint64 bigEndian64(const quint8 *p)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | p[i];
    return v;
}

template<typename T>
int cmp(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

bool isPooledColumn(int column)
{
    return column == M::Database || column == M::Table || column == M::ErrorCode || column == M::Details;
}

bool isIdColumn(int column)
{
    return column == M::IngestionSourceId || column == M::OperationId || column == M::ActivityId;
}

} // namespace

IngestionStatusFilterProxy::IngestionStatusFilterProxy(QObject *parent) : QAbstractProxyModel(parent)
{
    deriveFilter();
}

IngestionStatusFilterProxy::~IngestionStatusFilterProxy() = default;

// ---------------------------------------------------------------------------------------------------------
// Source model

void IngestionStatusFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    auto *statusModel = qobject_cast<IngestionStatusModel *>(model);
    Q_ASSERT(!model || statusModel);
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = statusModel;
    QAbstractProxyModel::setSourceModel(statusModel);
    if (statusModel) {
        using A = QAbstractItemModel;
        m_connections = {
            connect(statusModel, &A::dataChanged, this, &IngestionStatusFilterProxy::onSourceDataChanged),
            connect(statusModel, &A::rowsInserted, this, &IngestionStatusFilterProxy::onSourceRowsInserted),
            connect(statusModel, &A::modelAboutToBeReset, this,
                    &IngestionStatusFilterProxy::onSourceAboutToReset),
            connect(statusModel, &A::modelReset, this, &IngestionStatusFilterProxy::onSourceReset),
            // The status model only appends and updates; anything else is taken as a reset.
            connect(statusModel, &A::rowsAboutToBeRemoved, this,
                    &IngestionStatusFilterProxy::onSourceAboutToReset),
            connect(statusModel, &A::rowsRemoved, this, &IngestionStatusFilterProxy::onSourceReset),
            connect(statusModel, &A::rowsAboutToBeMoved, this,
                    &IngestionStatusFilterProxy::onSourceAboutToReset),
            connect(statusModel, &A::rowsMoved, this, &IngestionStatusFilterProxy::onSourceReset),
            connect(statusModel, &A::layoutAboutToBeChanged, this,
                    &IngestionStatusFilterProxy::onSourceAboutToReset),
            connect(statusModel, &A::layoutChanged, this, &IngestionStatusFilterProxy::onSourceReset),
            connect(statusModel, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_model = nullptr;
                        resetFromSource();
                        endResetModel();
                    }),
        };
    }
    resetFromSource();
    endResetModel();
}

void IngestionStatusFilterProxy::resetFromSource()
{
    m_databaseCache.clear();
    m_tableCache.clear();
    m_textCache.clear();
    m_rank.clear();
    m_sourceRows = m_model ? m_model->rowCount() : 0;
    sortAll();
    refilterAll();
}

void IngestionStatusFilterProxy::onSourceAboutToReset()
{
    beginResetModel();
}

void IngestionStatusFilterProxy::onSourceReset()
{
    resetFromSource();
    endResetModel();
}

// ---------------------------------------------------------------------------------------------------------
// QAbstractProxyModel

QModelIndex IngestionStatusFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= static_cast<int>(m_visible.size()))
        return {};
    return m_model->index(m_visible[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex IngestionStatusFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QModelIndex IngestionStatusFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= static_cast<int>(m_visible.size())
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex IngestionStatusFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex IngestionStatusFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int IngestionStatusFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int IngestionStatusFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : int(M::ColumnCount);
}

bool IngestionStatusFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_visible.empty();
}

// ---------------------------------------------------------------------------------------------------------
// Filtering

void IngestionStatusFilterProxy::setFilter(const Filter &filter)
{
    Filter f = filter;
    f.text = f.text.trimmed();
    if (f == m_filter)
        return;
    beginLayout();
    m_filter = f;
    deriveFilter();
    refilterAll();
    endLayout();
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

void IngestionStatusFilterProxy::deriveFilter()
{
    m_statusMask = 0;
    for (const OperationStatus s : std::as_const(m_filter.statuses))
        m_statusMask |= 1u << static_cast<int>(s);
    m_timeFilter = m_filter.from.isValid() || m_filter.to.isValid();
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

bool IngestionStatusFilterProxy::filterAccepts(int sourceRow) const
{
    const M::Row &r = m_model->m_rows[static_cast<std::size_t>(sourceRow)];
    if (m_statusMask && !(m_statusMask & (1u << r.status)))
        return false;
    if (!m_filter.database.isEmpty() && !poolMatches(m_databaseCache, r.database, true, m_filter.database))
        return false;
    if (!m_filter.table.isEmpty() && !poolMatches(m_tableCache, r.table, true, m_filter.table))
        return false;
    if (m_timeFilter && (r.updatedOn == M::kNullTime || r.updatedOn < m_fromMs || r.updatedOn > m_toMs))
        return false;
    if (!m_filter.text.isEmpty() && !textMatches(sourceRow))
        return false;
    return true;
}

bool IngestionStatusFilterProxy::acceptsSourceRow(int sourceRow) const
{
    return sourceRow >= 0 && sourceRow < m_sourceRows && m_accepted[std::size_t(sourceRow)];
}

void IngestionStatusFilterProxy::refilterAll()
{
    // In source order (sequential reads of the rows), then the visible rows in the sort order.
    m_accepted.assign(std::size_t(m_sourceRows), false);
    for (int row = 0; row < m_sourceRows; ++row)
        m_accepted[std::size_t(row)] = filterAccepts(row);
    rebuildVisible();
}

void IngestionStatusFilterProxy::rebuildVisible()
{
    m_visible.clear();
    if (m_sortColumn >= 0) {
        repairOrder();
        for (const int row : m_order) {
            if (m_accepted[std::size_t(row)])
                m_visible.push_back(row);
        }
    } else {
        for (int row = 0; row < m_sourceRows; ++row) {
            if (m_accepted[std::size_t(row)])
                m_visible.push_back(row);
        }
    }
    if (m_visible.capacity() > 2 * m_visible.size() + 1024)
        m_visible.shrink_to_fit();
}

// ---------------------------------------------------------------------------------------------------------
// Sorting

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

int IngestionStatusFilterProxy::comparePooled(quint32 a, quint32 b) const
{
    if (a == b)
        return 0;
    if (a < m_rank.size() && b < m_rank.size())
        return cmp(m_rank[a], m_rank[b]);
    // Interned after the ranks were built.
    return m_model->m_pool.at(a).compare(m_model->m_pool.at(b), Qt::CaseInsensitive);
}

IngestionStatusFilterProxy::SortKey IngestionStatusFilterProxy::keyOf(int sourceRow, quint8 *kind) const
{
    const M::Row &r = m_model->m_rows[std::size_t(sourceRow)];
    SortKey k;
    *kind = 0;
    switch (m_sortColumn) {
    case M::Status:
        k.a = r.status;
        break;
    case M::FailureStatus:
        k.a = r.failureStatus;
        break;
    case M::OriginatesFromUpdatePolicy:
        k.a = (r.flags & M::FromUpdatePolicy) ? 1 : 0;
        break;
    case M::UpdatedOn:
        k.a = quint64(r.updatedOn) ^ (quint64(1) << 63); // order-preserving for signed values
        break;
    case M::Database:
        k.a = r.database;
        break;
    case M::Table:
        k.a = r.table;
        break;
    case M::ErrorCode:
        k.a = r.errorCode;
        break;
    case M::Details:
        k.a = r.details;
        break;
    case M::IngestionSourcePath:
        // The folder (or, for a pooled path, the whole path) and the file name in the arena, which only
        // grows: the bytes stay readable after the row changes.
        k.a = r.pathDir;
        k.b = (r.flags & M::PathPooled) ? 0 : (quint64(r.pathOffset) << 16) | r.pathLength;
        break;
    case M::IngestionSourceId:
    case M::OperationId:
    case M::ActivityId: {
        const M::CompactId &id = m_sortColumn == M::IngestionSourceId ? r.sourceId
            : m_sortColumn == M::OperationId                          ? r.operationId
                                                                      : r.activityId;
        const int shift = m_sortColumn == M::OperationId ? M::OperationIdKindShift
            : m_sortColumn == M::ActivityId              ? M::ActivityIdKindShift
                                                         : 0;
        *kind = quint8(M::idKind(r, shift));
        if (*kind == M::CompactId::Pooled) {
            quint32 p = 0;
            std::memcpy(&p, id.bytes.data(), sizeof p);
            k.a = p;
        } else {
            k.a = bigEndian64(id.bytes.data());
            k.b = bigEndian64(id.bytes.data() + 8);
        }
        break;
    }
    default:
        break;
    }
    return k;
}

int IngestionStatusFilterProxy::compareKeys(const SortKey &x, quint8 kx, const SortKey &y, quint8 ky) const
{
    switch (m_sortColumn) {
    case M::Database:
    case M::Table:
    case M::ErrorCode:
    case M::Details:
        return comparePooled(quint32(x.a), quint32(y.a));
    case M::IngestionSourcePath: {
        if (const int c = comparePooled(quint32(x.a), quint32(y.a)); c != 0)
            return c;
        const qsizetype lx = qsizetype(x.b & 0xFFFF);
        const qsizetype ly = qsizetype(y.b & 0xFFFF);
        if (lx == 0 || ly == 0)
            return cmp(lx != 0, ly != 0);
        const char *arena = m_model->m_arena.data();
        return compareBytesCaseInsensitive(arena + (x.b >> 16), lx, arena + (y.b >> 16), ly);
    }
    case M::IngestionSourceId:
    case M::OperationId:
    case M::ActivityId: {
        const bool px = kx == M::CompactId::Pooled;
        const bool py = ky == M::CompactId::Pooled;
        if (!px && !py) // hex order is byte order
            return x.a != y.a ? cmp(x.a, y.a) : cmp(x.b, y.b);
        if (px && py)
            return comparePooled(quint32(x.a), quint32(y.a));
        const auto text = [this](const SortKey &k, quint8 kind) {
            M::CompactId id;
            if (kind == M::CompactId::Pooled) {
                const auto p = quint32(k.a);
                std::memcpy(id.bytes.data(), &p, sizeof p);
            } else {
                for (int i = 0; i < 8; ++i) {
                    id.bytes[std::size_t(i)] = quint8(k.a >> (56 - 8 * i));
                    id.bytes[std::size_t(i + 8)] = quint8(k.b >> (56 - 8 * i));
                }
            }
            return m_model->decodeId(id, kind);
        };
        return text(x, kx).compare(text(y, ky), Qt::CaseInsensitive);
    }
    default:
        return cmp(x.a, y.a);
    }
}

int IngestionStatusFilterProxy::compareFull(const SortKey &x, quint8 kx, int xRow, const SortKey &y,
                                            quint8 ky, int yRow) const
{
    if (m_sortColumn >= 0) {
        int c = compareKeys(x, kx, y, ky);
        if (m_sortOrder == Qt::DescendingOrder)
            c = -c;
        if (c != 0)
            return c;
    }
    return cmp(xRow, yRow);
}

bool IngestionStatusFilterProxy::less(int left, int right) const
{
    if (m_sortColumn < 0)
        return left < right;
    return compareFull(m_keys[std::size_t(left)], kindOf(left), left, m_keys[std::size_t(right)],
                       kindOf(right), right)
        < 0;
}

std::size_t IngestionStatusFilterProxy::lowerBound(const std::vector<int> &v, const SortKey &k, quint8 kind,
                                                   int row) const
{
    if (m_sortColumn < 0)
        return std::size_t(std::lower_bound(v.begin(), v.end(), row) - v.begin());
    const auto it = std::partition_point(v.begin(), v.end(), [&](int e) {
        return compareFull(m_keys[std::size_t(e)], kindOf(e), e, k, kind, row) < 0;
    });
    return std::size_t(it - v.begin());
}

std::size_t IngestionStatusFilterProxy::newPosition(const std::vector<int> &v, std::size_t at,
                                                    const SortKey &k, quint8 kind, int row) const
{
    const auto before = [&](int e) {
        return compareFull(m_keys[std::size_t(e)], kindOf(e), e, k, kind, row) < 0;
    };
    const auto lo = std::partition_point(v.begin(), v.begin() + qsizetype(at), before);
    if (lo != v.begin() + qsizetype(at))
        return std::size_t(lo - v.begin());
    const auto hi = std::partition_point(v.begin() + qsizetype(at) + 1, v.end(), before);
    return std::size_t(hi - v.begin()) - 1;
}

void IngestionStatusFilterProxy::computeKeys()
{
    m_idColumn = isIdColumn(m_sortColumn);
    m_keys.resize(std::size_t(m_sourceRows));
    m_kinds.assign(m_idColumn ? std::size_t(m_sourceRows) : 0, 0);
    quint8 kind = 0;
    for (int row = 0; row < m_sourceRows; ++row) {
        m_keys[std::size_t(row)] = keyOf(row, &kind);
        if (m_idColumn)
            m_kinds[std::size_t(row)] = kind;
    }
}

void IngestionStatusFilterProxy::markOrderPending(int sourceRow)
{
    if (m_isPending.size() < std::size_t(m_sourceRows))
        m_isPending.resize(std::size_t(m_sourceRows), false);
    if (!m_isPending[std::size_t(sourceRow)]) {
        m_isPending[std::size_t(sourceRow)] = true;
        m_orderPending.push_back(sourceRow);
    }
}

void IngestionStatusFilterProxy::repairOrder()
{
    if (m_orderPending.empty())
        return;
    // Out with the stale places (new rows have none), then the pending rows sorted and merged in.
    std::erase_if(m_order, [this](int row) { return m_isPending[std::size_t(row)]; });
    std::sort(m_orderPending.begin(), m_orderPending.end(), [this](int a, int b) { return less(a, b); });
    const auto middle = qsizetype(m_order.size());
    m_order.insert(m_order.end(), m_orderPending.begin(), m_orderPending.end());
    std::inplace_merge(m_order.begin(), m_order.begin() + middle, m_order.end(),
                       [this](int a, int b) { return less(a, b); });
    for (const int row : m_orderPending)
        m_isPending[std::size_t(row)] = false;
    m_orderPending.clear();
}

void IngestionStatusFilterProxy::sortAll()
{
    m_orderPending.clear();
    m_isPending.assign(std::size_t(m_sourceRows), false);
    if (m_sortColumn >= M::ColumnCount)
        m_sortColumn = -1;
    if (!m_model || m_sortColumn < 0) { // without a model the column is kept for when one is set
        m_keys = {};
        m_kinds = {};
        m_order = {};
        m_idColumn = false;
        return;
    }
    const int column = m_sortColumn;
    if (isPooledColumn(column) || isIdColumn(column) || column == M::IngestionSourcePath)
        buildRanks(); // the pool may have grown since the last sort
    computeKeys();
    const auto n = std::size_t(m_sourceRows);

    // (k1, k2, row) entries with integer keys that order like compareKeys(): exact ones decide alone, the
    // others (path prefixes) are refined by compareKeys() within runs of equal keys.
    struct Entry
    {
        quint64 k1;
        quint64 k2;
        int row;
    };
    bool keyed = true;
    bool exact = true;
    std::vector<Entry> entries(n);
    if (isPooledColumn(column)) {
        for (std::size_t i = 0; i < n; ++i)
            entries[i] = { m_rank[std::size_t(m_keys[i].a)], 0, int(i) };
    } else if (column == M::IngestionSourcePath) {
        exact = false;
        const int rankBits
            = std::bit_width(m_rank.empty() ? 0u : *std::max_element(m_rank.begin(), m_rank.end()));
        const int prefixBytes = std::min(4, (64 - rankBits) / 8);
        const char *arena = m_model->m_arena.data();
        for (std::size_t i = 0; i < n; ++i) {
            const SortKey &k = m_keys[i];
            const char *file = arena + (k.b >> 16);
            const qsizetype length = qsizetype(k.b & 0xFFFF);
            const quint64 rank = m_rank[std::size_t(k.a)];
            entries[i] = { (rank << (8 * prefixBytes)) | prefixKey(file, length, 0, prefixBytes),
                           prefixKey(file, length, prefixBytes, 8), int(i) };
        }
    } else if (isIdColumn(column)) {
        const bool anyPooled
            = std::find(m_kinds.begin(), m_kinds.end(), quint8(M::CompactId::Pooled)) != m_kinds.end();
        const bool allPooled
            = std::all_of(m_kinds.begin(), m_kinds.end(), [](quint8 k) { return k == M::CompactId::Pooled; });
        if (allPooled) {
            for (std::size_t i = 0; i < n; ++i)
                entries[i] = { m_rank[std::size_t(m_keys[i].a)], 0, int(i) };
        } else if (!anyPooled) {
            for (std::size_t i = 0; i < n; ++i)
                entries[i] = { m_keys[i].a, m_keys[i].b, int(i) };
        } else {
            keyed = false; // GUIDs and other text in one column: compared as text
        }
    } else {
        for (std::size_t i = 0; i < n; ++i)
            entries[i] = { m_keys[i].a, 0, int(i) };
    }

    m_order.resize(n);
    if (!keyed) {
        entries = {};
        std::iota(m_order.begin(), m_order.end(), 0);
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return less(a, b); });
        return;
    }
    if (m_sortOrder == Qt::AscendingOrder) {
        std::sort(entries.begin(), entries.end(), [](const Entry &x, const Entry &y) {
            return x.k1 != y.k1 ? x.k1 < y.k1 : x.k2 != y.k2 ? x.k2 < y.k2 : x.row < y.row;
        });
    } else {
        std::sort(entries.begin(), entries.end(), [](const Entry &x, const Entry &y) {
            return x.k1 != y.k1 ? x.k1 > y.k1 : x.k2 != y.k2 ? x.k2 > y.k2 : x.row < y.row;
        });
    }
    for (std::size_t i = 0; i < n; ++i)
        m_order[i] = entries[i].row;
    if (!exact) {
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i + 1;
            while (j < n && entries[j].k1 == entries[i].k1 && entries[j].k2 == entries[i].k2)
                ++j;
            if (j - i > 1)
                std::sort(m_order.begin() + qsizetype(i), m_order.begin() + qsizetype(j),
                          [this](int a, int b) { return less(a, b); });
            i = j;
        }
    }
}

void IngestionStatusFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column >= M::ColumnCount)
        column = -1;
    beginLayout();
    m_sortColumn = column;
    m_sortOrder = order;
    sortAll();
    rebuildVisible();
    endLayout();
}

int IngestionStatusFilterProxy::proxyRowOf(int sourceRow) const
{
    if (!acceptsSourceRow(sourceRow))
        return -1;
    const std::size_t at = m_sortColumn >= 0
        ? lowerBound(m_visible, m_keys[std::size_t(sourceRow)], kindOf(sourceRow), sourceRow)
        : lowerBound(m_visible, {}, 0, sourceRow);
    return at < m_visible.size() && m_visible[at] == sourceRow ? int(at) : -1;
}

int IngestionStatusFilterProxy::proxyRowForSourceId(const QString &ingestionSourceId) const
{
    if (!m_model)
        return -1;
    return proxyRowOf(m_model->rowForSourceId(ingestionSourceId));
}

qint64 IngestionStatusFilterProxy::bytesUsed() const
{
    return qint64(m_keys.capacity() * sizeof(SortKey) + m_kinds.capacity() + m_order.capacity() * sizeof(int)
                  + m_orderPending.capacity() * sizeof(int) + m_isPending.capacity() / 8
                  + m_visible.capacity() * sizeof(int) + m_accepted.capacity() / 8
                  + m_rank.capacity() * sizeof(quint32));
}

// ---------------------------------------------------------------------------------------------------------
// Layout changes

void IngestionStatusFilterProxy::beginLayout()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_layoutFrom = persistentIndexList();
    m_layoutSourceRows.clear();
    m_layoutSourceRows.reserve(m_layoutFrom.size());
    for (const QModelIndex &i : std::as_const(m_layoutFrom))
        m_layoutSourceRows.append(i.row() < int(m_visible.size()) ? m_visible[std::size_t(i.row())] : -1);
}

void IngestionStatusFilterProxy::endLayout()
{
    QModelIndexList to;
    to.reserve(m_layoutFrom.size());
    for (qsizetype i = 0; i < m_layoutFrom.size(); ++i) {
        const int row = proxyRowOf(m_layoutSourceRows.at(i));
        to.append(row < 0 ? QModelIndex() : index(row, m_layoutFrom.at(i).column()));
    }
    changePersistentIndexList(m_layoutFrom, to);
    m_layoutFrom.clear();
    m_layoutSourceRows.clear();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// ---------------------------------------------------------------------------------------------------------
// Refresh

void IngestionStatusFilterProxy::onSourceDataChanged(const QModelIndex &topLeft,
                                                     const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!m_model || !topLeft.isValid() || !bottomRight.isValid())
        return;
    const int last = std::min(bottomRight.row(), m_sourceRows - 1);
    for (int row = topLeft.row(); row <= last; ++row)
        updateRow(row, topLeft.column(), bottomRight.column(), roles);
}

void IngestionStatusFilterProxy::updateRow(int sourceRow, int firstColumn, int lastColumn,
                                           const QList<int> &roles)
{
    const auto r = std::size_t(sourceRow);
    const bool was = m_accepted[r];
    const bool now = filterAccepts(sourceRow);
    const bool sorted = m_sortColumn >= 0;

    // Where the row is, by its old key.
    std::size_t proxyAt
        = was ? lowerBound(m_visible, sorted ? m_keys[r] : SortKey {}, kindOf(sourceRow), sourceRow) : 0;
    Q_ASSERT(!was || (proxyAt < m_visible.size() && m_visible[proxyAt] == sourceRow));
    bool moved = false;
    if (sorted) {
        quint8 kind = 0;
        const SortKey key = keyOf(sourceRow, &kind);
        moved = compareKeys(m_keys[r], kindOf(sourceRow), key, kind) != 0;
        if (moved) {
            m_keys[r] = key;
            if (m_idColumn)
                m_kinds[r] = kind;
            markOrderPending(sourceRow);
        } else {
            m_keys[r] = key; // same value, maybe other bytes (a path rewritten to the arena)
            if (m_idColumn)
                m_kinds[r] = kind;
        }
    }

    if (was && now) {
        if (moved) {
            const std::size_t to = newPosition(m_visible, proxyAt, m_keys[r], kindOf(sourceRow), sourceRow);
            if (to != proxyAt) {
                const int from = int(proxyAt);
                beginMoveRows({}, from, from, {}, to > proxyAt ? int(to) + 1 : int(to));
                if (to < proxyAt)
                    std::rotate(m_visible.begin() + qsizetype(to), m_visible.begin() + from,
                                m_visible.begin() + from + 1);
                else
                    std::rotate(m_visible.begin() + from, m_visible.begin() + from + 1,
                                m_visible.begin() + qsizetype(to) + 1);
                endMoveRows();
                proxyAt = to;
            }
        }
        Q_EMIT dataChanged(index(int(proxyAt), firstColumn), index(int(proxyAt), lastColumn), roles);
    } else if (was) {
        beginRemoveRows({}, int(proxyAt), int(proxyAt));
        m_visible.erase(m_visible.begin() + qsizetype(proxyAt));
        m_accepted[r] = false;
        endRemoveRows();
    } else if (now) {
        const std::size_t to
            = lowerBound(m_visible, sorted ? m_keys[r] : SortKey {}, kindOf(sourceRow), sourceRow);
        beginInsertRows({}, int(to), int(to));
        m_visible.insert(m_visible.begin() + qsizetype(to), sourceRow);
        m_accepted[r] = true;
        endInsertRows();
    }
}

void IngestionStatusFilterProxy::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!m_model || parent.isValid())
        return;
    if (first != m_sourceRows) { // not an append: the status model does not do this
        beginResetModel();
        resetFromSource();
        endResetModel();
        return;
    }
    const bool sorted = m_sortColumn >= 0;
    m_sourceRows = last + 1;
    m_accepted.resize(std::size_t(m_sourceRows), false);
    std::vector<int> added;
    added.reserve(std::size_t(last - first + 1));
    for (int row = first; row <= last; ++row) {
        m_accepted[std::size_t(row)] = filterAccepts(row);
        added.push_back(row);
    }
    if (sorted) {
        m_keys.resize(std::size_t(m_sourceRows));
        if (m_idColumn)
            m_kinds.resize(std::size_t(m_sourceRows));
        quint8 kind = 0;
        for (int row = first; row <= last; ++row) {
            m_keys[std::size_t(row)] = keyOf(row, &kind);
            if (m_idColumn)
                m_kinds[std::size_t(row)] = kind;
        }
        std::sort(added.begin(), added.end(), [this](int a, int b) { return less(a, b); });
        for (const int row : added)
            markOrderPending(row);
    }
    std::vector<int> shown;
    for (const int row : added) {
        if (m_accepted[std::size_t(row)])
            shown.push_back(row);
    }
    if (shown.empty())
        return;
    if (!sorted) {
        const int at = int(m_visible.size());
        beginInsertRows({}, at, at + int(shown.size()) - 1);
        m_visible.insert(m_visible.end(), shown.begin(), shown.end());
        endInsertRows();
        return;
    }
    // Blocks of new rows that land at the same place.
    struct Block
    {
        std::size_t at; // in the old m_visible
        std::size_t from; // in shown
        std::size_t count;
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const int row = shown[i];
        const std::size_t at = lowerBound(m_visible, m_keys[std::size_t(row)], kindOf(row), row);
        if (!blocks.empty() && blocks.back().at == at)
            ++blocks.back().count;
        else
            blocks.push_back({ at, i, 1 });
        if (blocks.size() > std::size_t(kMaxInsertBlocks))
            break;
    }
    if (blocks.size() > std::size_t(kMaxInsertBlocks)) {
        beginLayout();
        const auto middle = qsizetype(m_visible.size());
        m_visible.insert(m_visible.end(), shown.begin(), shown.end());
        std::inplace_merge(m_visible.begin(), m_visible.begin() + middle, m_visible.end(),
                           [this](int a, int b) { return less(a, b); });
        endLayout();
        return;
    }
    std::size_t offset = 0;
    for (const Block &b : blocks) {
        const int at = int(b.at + offset);
        beginInsertRows({}, at, at + int(b.count) - 1);
        m_visible.insert(m_visible.begin() + at, shown.begin() + qsizetype(b.from),
                         shown.begin() + qsizetype(b.from + b.count));
        endInsertRows();
        offset += b.count;
    }
}

} // namespace iw
