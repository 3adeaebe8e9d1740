#include "models/IngestionStatusModel.h"

#include "core/CsvWriter.h"
#include "core/IngestionErrorCode.h"
#include "core/Redaction.h"
#include "core/RedactionPrefilter.h"

#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <bit>
#include <cstring>

namespace iw {

namespace {

constexpr QLatin1String kNilGuid("00000000-0000-0000-0000-000000000000");

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// Canonical 8-4-4-4-12 text, one letter case throughout: parsed into bytes, kind 1 (lower) or 2 (upper).
// Anything else (braces, mixed case, other text) returns 0: the caller pools the string, so the text
// round-trips exactly.
int parseGuid(QStringView s, std::array<quint8, 16> &out)
{
    if (s.size() != 36)
        return 0;
    bool lower = false;
    bool upper = false;
    int nibble = 0;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = s[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return 0;
            continue;
        }
        const int v = hexValue(c);
        if (v < 0)
            return 0;
        lower |= (c >= u'a' && c <= u'f');
        upper |= (c >= u'A' && c <= u'F');
        if (nibble % 2 == 0)
            out[static_cast<std::size_t>(nibble / 2)] = static_cast<quint8>(v << 4);
        else
            out[static_cast<std::size_t>(nibble / 2)] |= static_cast<quint8>(v);
        ++nibble;
    }
    if (lower && upper)
        return 0;
    return upper ? 2 : 1;
}

} // namespace

void IngestionStatusModel::formatGuid(const std::array<quint8, 16> &b, bool upper, char *out)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = digits[b[static_cast<std::size_t>(i)] >> 4];
        out[o++] = digits[b[static_cast<std::size_t>(i)] & 0xF];
    }
}

// ---------------------------------------------------------------------------------------------------------
// Keys

struct IngestionStatusModel::KeyRef
{
    int pkGuidKind = 0; // 0: pkText holds the PartitionKey
    std::array<quint8, 16> guid {};
    QString pkText;
    int rkMode = 0; // 0: RowKey = PartitionKey, 1: nil GUID, 2: rkText
    QString rkText;

    static KeyRef make(const QString &pk, const QString &rk)
    {
        KeyRef k;
        k.pkGuidKind = parseGuid(pk, k.guid);
        if (!k.pkGuidKind)
            k.pkText = pk;
        if (rk == pk)
            k.rkMode = 0;
        else if (rk == kNilGuid)
            k.rkMode = 1;
        else {
            k.rkMode = 2;
            k.rkText = rk;
        }
        return k;
    }
    std::size_t hash() const
    {
        std::size_t h
            = pkGuidKind ? qHashBits(guid.data(), guid.size(), std::size_t(pkGuidKind)) : qHash(pkText);
        return h ^ (rkMode == 2 ? qHash(rkText, 0x9e3779b9u) : std::size_t(rkMode) * 0x9e3779b97f4a7c15ull);
    }
    bool operator==(const KeyRef &o) const
    {
        if (pkGuidKind != o.pkGuidKind || rkMode != o.rkMode)
            return false;
        if (pkGuidKind ? guid != o.guid : pkText != o.pkText)
            return false;
        return rkMode != 2 || rkText == o.rkText;
    }
};

// Open addressing (linear probing) of row numbers with their key's hash; keys are read back from the rows,
// so a slot is 8 bytes. The hash is kept so that growing the table never rebuilds keys: at 65,536 rows a
// rehash that recomputed them (pooled partition keys, odd row keys) took 45 ms of GUI time in one go.
class IngestionStatusModel::RowIndex
{
public:
    explicit RowIndex(const IngestionStatusModel *model) : m_model(model) { }

    int find(const KeyRef &key, std::size_t hash) const
    {
        if (m_slots.empty())
            return -1;
        const std::size_t mask = m_slots.size() - 1;
        const auto h32 = quint32(hash);
        for (std::size_t i = h32 & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.row < 0)
                return -1;
            if (slot.hash == h32 && m_model->keyOf(m_model->rowAt(slot.row), slot.row) == key)
                return slot.row;
        }
    }
    void insert(int row, std::size_t hash)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            rehash(std::max<std::size_t>(1024, m_slots.size() * 2));
        place(row, quint32(hash));
        ++m_count;
    }
    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_count = 0;
    }
    qint64 bytesUsed() const { return qint64(m_slots.capacity() * sizeof(Slot)); }

private:
    struct Slot
    {
        qint32 row = -1;
        quint32 hash = 0; // the low 32 bits of the key's hash
    };
    // The low 32 bits of the hash pick the start slot (tables stay far below 2^32 slots), so the kept hash
    // finds the same slot again when the table grows.
    void place(int row, quint32 h32)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = h32 & mask;
        while (m_slots[i].row >= 0)
            i = (i + 1) & mask;
        m_slots[i] = { row, h32 };
    }
    void rehash(std::size_t capacity)
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(capacity, Slot {});
        for (const Slot &slot : old) {
            if (slot.row >= 0)
                place(slot.row, slot.hash);
        }
    }

    const IngestionStatusModel *m_model;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

IngestionStatusModel::KeyRef IngestionStatusModel::keyOf(const Row &r, int row) const
{
    if (r.flags & OddKey) {
        const auto &k = m_oddKeys[row];
        return KeyRef::make(k.first, k.second);
    }
    KeyRef k;
    k.pkGuidKind = idKind(r, 0);
    if (k.pkGuidKind)
        k.guid = r.sourceId.bytes;
    else
        k.pkText = decodeId(r.sourceId, CompactId::Pooled);
    k.rkMode = (r.flags & RowKeyIsNil) ? 1 : 0;
    return k;
}

// ---------------------------------------------------------------------------------------------------------

IngestionStatusModel::IngestionStatusModel(QObject *parent)
    : QAbstractTableModel(parent), m_index(new RowIndex(this))
{ }

IngestionStatusModel::~IngestionStatusModel()
{
    delete m_index;
}

int IngestionStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IngestionStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex IngestionStatusModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || column >= ColumnCount
        || row >= static_cast<int>(m_rows.size()))
        return {};
    return createIndex(row, column);
}

IngestionStatusModel::CompactId IngestionStatusModel::encodeId(const QString &text, CompactId::Kind *kind)
{
    CompactId id;
    const int k = parseGuid(text, id.bytes);
    if (k) {
        *kind = static_cast<CompactId::Kind>(k);
        return id;
    }
    *kind = CompactId::Pooled;
    const quint32 p = m_pool.intern(text);
    std::memcpy(id.bytes.data(), &p, sizeof p);
    return id;
}

QString IngestionStatusModel::decodeId(const CompactId &id, int kind) const
{
    if (kind == CompactId::Pooled) {
        quint32 p = 0;
        std::memcpy(&p, id.bytes.data(), sizeof p);
        return m_pool.at(p);
    }
    char text[36];
    formatGuid(id.bytes, kind == CompactId::GuidUpper, text);
    return QString::fromLatin1(text, 36);
}

QString IngestionStatusModel::path(const Row &r) const
{
    if (r.flags & PathPooled)
        return m_pool.at(r.pathDir);
    return m_pool.at(r.pathDir) + QString::fromUtf8(m_arena.data() + r.pathOffset, r.pathLength);
}

IngestionStatusModel::Row IngestionStatusModel::encode(const IngestionStatus &s, const Row *previous)
{
    Row r;
    r.updatedOn = s.updatedOn.isValid() ? s.updatedOn.toMSecsSinceEpoch() : kNullTime;
    r.timestamp = s.timestamp.isValid() ? s.timestamp.toMSecsSinceEpoch() : kNullTime;
    CompactId::Kind kind;
    r.sourceId = encodeId(s.ingestionSourceId, &kind);
    r.flags |= kind;
    r.operationId = encodeId(s.operationId, &kind);
    r.flags |= quint16(kind << OperationIdKindShift);
    r.activityId = encodeId(s.activityId, &kind);
    r.flags |= quint16(kind << ActivityIdKindShift);
    r.database = m_pool.intern(s.database);
    r.table = m_pool.intern(s.table);
    r.errorCode = m_pool.intern(s.errorCode);
    r.details = m_pool.intern(s.details);
    r.status = static_cast<quint8>(s.status);
    r.failureStatus = static_cast<quint8>(s.failureStatus);
    if (s.originatesFromUpdatePolicy)
        r.flags |= FromUpdatePolicy;

    // Key: stored only when it is not the SDKs' layout.
    if (s.partitionKey == s.ingestionSourceId && (s.rowKey == s.partitionKey || s.rowKey == kNilGuid)) {
        if (s.rowKey != s.partitionKey)
            r.flags |= RowKeyIsNil;
    } else {
        r.flags |= OddKey;
    }

    // Path: the folder is pooled (shared by many blobs), the file name goes to the arena.
    const QString &p = s.ingestionSourcePath;
    const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
    const QStringView base = QStringView(p).mid(slash + 1);
    if (base.size() * 3 > 0xFFFF) {
        r.flags |= PathPooled;
        r.pathDir = m_pool.intern(p);
        return r;
    }
    r.pathDir = m_pool.intern(slash < 0 ? QString() : p.left(slash + 1));
    // UTF-8 of the file name; ASCII without a temporary.
    char ascii[512];
    QByteArray utf8;
    const char *bytes = ascii;
    qsizetype length = base.size();
    bool isAscii = base.size() <= qsizetype(sizeof ascii);
    for (qsizetype i = 0; isAscii && i < base.size(); ++i) {
        const char16_t c = base[i].unicode();
        if (c >= 0x80)
            isAscii = false;
        else
            ascii[i] = static_cast<char>(c);
    }
    if (!isAscii) {
        utf8 = base.toUtf8();
        bytes = utf8.constData();
        length = utf8.size();
    }
    r.pathLength = static_cast<quint16>(length);
    if (previous && !(previous->flags & PathPooled) && previous->pathLength == length
        && std::memcmp(m_arena.data() + previous->pathOffset, bytes, static_cast<std::size_t>(length)) == 0) {
        r.pathOffset = previous->pathOffset;
        return r;
    }
    r.pathOffset = static_cast<quint32>(m_arena.size());
    m_arena.insert(m_arena.end(), bytes, bytes + length);
    return r;
}

quint32 IngestionStatusModel::columnMask(const Row &a, const Row &b)
{
    quint32 m = 0;
    const auto set = [&m](bool differs, Column c) {
        if (differs)
            m |= 1u << c;
    };
    const auto kinds = [](const Row &r, int shift) {
        return (r.flags >> shift) & 0x3;
    };
    set(a.status != b.status, Status);
    set(a.sourceId.bytes != b.sourceId.bytes || kinds(a, 0) != kinds(b, 0), IngestionSourceId);
    set(a.pathDir != b.pathDir || a.pathOffset != b.pathOffset || a.pathLength != b.pathLength
            || (a.flags & PathPooled) != (b.flags & PathPooled),
        IngestionSourcePath);
    set(a.database != b.database, Database);
    set(a.table != b.table, Table);
    set(a.updatedOn != b.updatedOn, UpdatedOn);
    set(a.operationId.bytes != b.operationId.bytes
            || kinds(a, OperationIdKindShift) != kinds(b, OperationIdKindShift),
        OperationId);
    set(a.activityId.bytes != b.activityId.bytes
            || kinds(a, ActivityIdKindShift) != kinds(b, ActivityIdKindShift),
        ActivityId);
    set(a.errorCode != b.errorCode, ErrorCode);
    set(a.failureStatus != b.failureStatus, FailureStatus);
    set(a.details != b.details, Details);
    set((a.flags & FromUpdatePolicy) != (b.flags & FromUpdatePolicy), OriginatesFromUpdatePolicy);
    return m;
}

int IngestionStatusModel::upsert(const QList<IngestionStatus> &page)
{
    const int existing = static_cast<int>(m_rows.size());
    constexpr quint32 kWholeRow = (1u << Status) | (1u << UpdatedOn); // highlight and tooltips follow these
    bool countsChanged = false;

    for (const IngestionStatus &s : page) {
        const KeyRef key = KeyRef::make(s.partitionKey, s.rowKey);
        const std::size_t hash = key.hash();
        const int row = m_index->find(key, hash);
        if (row >= 0) {
            Row &old = row < existing ? m_rows[static_cast<std::size_t>(row)]
                                      : m_staging[static_cast<std::size_t>(row - existing)];
            Row next = encode(s, &old);
            if (next.flags & OddKey)
                m_oddKeys[row] = { s.partitionKey, s.rowKey };
            const quint32 mask = columnMask(old, next);
            if (next.database != old.database) {
                m_databaseCounts.remove(old.database);
                m_databaseCounts.add(next.database);
            }
            if (next.table != old.table) {
                m_tableCounts.remove(old.table);
                m_tableCounts.add(next.table);
            }
            if (next.status != old.status) {
                --m_statusCounts[old.status];
                ++m_statusCounts[next.status];
                countsChanged = true;
            }
            old = next;
            // Signalled at once, row by row: a sorted proxy moves this row by binary search over the others,
            // which must all be in their signalled state.
            if (mask && row < existing) {
                int first = std::countr_zero(mask);
                int last = 31 - std::countl_zero(mask);
                if (mask & kWholeRow) {
                    first = 0;
                    last = ColumnCount - 1;
                }
                Q_EMIT dataChanged(index(row, first), index(row, last));
            }
            continue;
        }
        const int newRow = existing + static_cast<int>(m_staging.size());
        Row r = encode(s, nullptr);
        if (r.flags & OddKey)
            m_oddKeys.insert(newRow, { s.partitionKey, s.rowKey });
        m_staging.push_back(r);
        m_index->insert(newRow, hash);
        m_databaseCounts.add(r.database);
        m_tableCounts.add(r.table);
        ++m_statusCounts[r.status];
        countsChanged = true;
    }

    const int added = static_cast<int>(m_staging.size());
    if (added) {
        beginInsertRows({}, existing, existing + added - 1);
        if (m_rows.capacity() < m_rows.size() + m_staging.size())
            m_rows.reserve(std::max(m_rows.size() + m_staging.size(), m_rows.capacity() * 3 / 2));
        m_rows.insert(m_rows.end(), m_staging.begin(), m_staging.end());
        m_staging.clear();
        endInsertRows();
    }

    if (countsChanged)
        Q_EMIT statusCountsChanged();
    return added;
}

void IngestionStatusModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_arena.clear();
    m_arena.shrink_to_fit();
    m_oddKeys.clear();
    m_index->clear();
    m_pool = StringPool();
    m_poolSecretHints.clear();
    m_statusCounts = {};
    m_databaseCounts = {};
    m_tableCounts = {};
    endResetModel();
    Q_EMIT statusCountsChanged();
}

qint64 IngestionStatusModel::nowMs() const
{
    return m_now.isValid() ? m_now.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QDateTime IngestionStatusModel::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

bool IngestionStatusModel::longPending(const Row &r, qint64 now) const
{
    return m_longPendingSecs > 0 && r.status == quint8(OperationStatus::Pending) && r.updatedOn != kNullTime
        && now - r.updatedOn >= qint64(m_longPendingSecs) * 1000;
}

void IngestionStatusModel::setNow(const QDateTime &now)
{
    const qint64 before = nowMs();
    m_now = now;
    const qint64 after = nowMs();
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows[row];
        if (r.status == quint8(OperationStatus::Pending) && longPending(r, before) != longPending(r, after))
            Q_EMIT dataChanged(index(static_cast<int>(row), 0),
                               index(static_cast<int>(row), ColumnCount - 1));
    }
}

void IngestionStatusModel::setLongPendingSeconds(int seconds)
{
    const qint64 now = nowMs();
    std::vector<bool> before(m_rows.size());
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        before[row] = longPending(m_rows[row], now);
    m_longPendingSecs = seconds;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (before[row] != longPending(m_rows[row], now))
            Q_EMIT dataChanged(index(static_cast<int>(row), 0),
                               index(static_cast<int>(row), ColumnCount - 1));
    }
}

bool IngestionStatusModel::isLongPending(int row) const
{
    return row >= 0 && row < rowCount() && longPending(m_rows[static_cast<std::size_t>(row)], nowMs());
}

IngestionStatus IngestionStatusModel::statusAt(int row) const
{
    const Row &r = m_rows.at(static_cast<std::size_t>(row));
    IngestionStatus s;
    s.status = static_cast<OperationStatus>(r.status);
    s.ingestionSourceId = sourceIdText(r);
    if (r.flags & OddKey) {
        const auto &k = m_oddKeys[row];
        s.partitionKey = k.first;
        s.rowKey = k.second;
    } else {
        s.partitionKey = s.ingestionSourceId;
        s.rowKey = (r.flags & RowKeyIsNil) ? QString(kNilGuid) : s.partitionKey;
    }
    if (r.timestamp != kNullTime)
        s.timestamp = QDateTime::fromMSecsSinceEpoch(r.timestamp, Qt::UTC);
    s.ingestionSourcePath = path(r);
    s.database = m_pool.at(r.database);
    s.table = m_pool.at(r.table);
    if (r.updatedOn != kNullTime)
        s.updatedOn = QDateTime::fromMSecsSinceEpoch(r.updatedOn, Qt::UTC);
    s.operationId = decodeId(r.operationId, idKind(r, OperationIdKindShift));
    s.activityId = decodeId(r.activityId, idKind(r, ActivityIdKindShift));
    s.errorCode = m_pool.at(r.errorCode);
    s.failureStatus = static_cast<iw::FailureStatus>(r.failureStatus);
    s.details = m_pool.at(r.details);
    s.originatesFromUpdatePolicy = r.flags & FromUpdatePolicy;
    return s;
}

OperationStatus IngestionStatusModel::statusOf(int row) const
{
    return static_cast<OperationStatus>(m_rows.at(static_cast<std::size_t>(row)).status);
}

int IngestionStatusModel::rowForKey(const QString &partitionKey, const QString &rowKey) const
{
    const KeyRef key = KeyRef::make(partitionKey, rowKey);
    const int row = m_index->find(key, key.hash());
    return row < rowCount() ? row : -1;
}

int IngestionStatusModel::rowForSourceId(const QString &ingestionSourceId) const
{
    const QString id = ingestionSourceId.trimmed();
    if (id.isEmpty())
        return -1;
    // The SDKs' key layouts first (a hash look-up), then a scan for other layouts.
    if (const int row = rowForKey(id, id); row >= 0 && sourceIdText(m_rows[row]) == id)
        return row;
    if (const int row = rowForKey(id, kNilGuid); row >= 0 && sourceIdText(m_rows[row]) == id)
        return row;
    CompactId wanted;
    int kind = parseGuid(id, wanted.bytes);
    if (!kind) {
        const qint64 p = m_pool.find(id);
        if (p < 0)
            return -1;
        const auto pooled = static_cast<quint32>(p);
        std::memcpy(wanted.bytes.data(), &pooled, sizeof pooled);
    }
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows[row];
        if (idKind(r, 0) == kind && r.sourceId.bytes == wanted.bytes)
            return static_cast<int>(row);
    }
    // Same GUID in the other letter case.
    if (kind) {
        for (std::size_t row = 0; row < m_rows.size(); ++row) {
            const Row &r = m_rows[row];
            if (idKind(r, 0) != CompactId::Pooled && r.sourceId.bytes == wanted.bytes)
                return static_cast<int>(row);
        }
    }
    return -1;
}

QString IngestionStatusModel::statusLabel(OperationStatus s) const
{
    return tr("%1 (%2)").arg(toString(s), QLocale().toString(count(s)));
}

void IngestionStatusModel::ValueCounts::add(quint32 id)
{
    if (id >= rows.size())
        rows.resize(std::size_t(id) + 1, 0);
    if (rows[id]++ == 0)
        ids.push_back(id);
}

void IngestionStatusModel::ValueCounts::remove(quint32 id)
{
    if (id < rows.size() && rows[id] > 0 && --rows[id] == 0)
        std::erase(ids, id);
}

QStringList IngestionStatusModel::distinctValues(const ValueCounts &counts) const
{
    QStringList out;
    out.reserve(qsizetype(counts.ids.size()));
    for (const quint32 id : counts.ids)
        out.append(m_pool.at(id));
    out.sort(Qt::CaseInsensitive);
    return out;
}

QStringList IngestionStatusModel::databases() const
{
    return distinctValues(m_databaseCounts);
}

QStringList IngestionStatusModel::tables() const
{
    return distinctValues(m_tableCounts);
}

quint8 IngestionStatusModel::poolSecretHints(quint32 id) const
{
    if (id >= m_poolSecretHints.size())
        m_poolSecretHints.resize(m_pool.size(), -1);
    qint8 &h = m_poolSecretHints[id];
    if (h < 0)
        h = qint8(secretHints(m_pool.at(id)));
    return quint8(h);
}

bool IngestionStatusModel::writeCsvCells(int row, CsvWriter &csv, bool redactSecrets) const
{
    if (row < 0 || row >= rowCount())
        return false;
    const Row &r = m_rows[static_cast<std::size_t>(row)];
    const auto id = [this, &csv](const CompactId &value, int kind) {
        if (kind == CompactId::Pooled) {
            quint32 p = 0;
            std::memcpy(&p, value.bytes.data(), sizeof p);
            csv.addCell(QStringView(m_pool.at(p)));
            return;
        }
        char text[36];
        formatGuid(value.bytes, kind == CompactId::GuidUpper, text);
        csv.addCell(QLatin1String(text, 36));
    };
    // Redaction only where the prefilter sees a possible secret; pooled strings are scanned once.
    const auto secret = [&csv, redactSecrets](const QString &text, quint8 hints) {
        csv.addCell(QStringView(redactSecrets && mayHoldSecret(hints) ? redact(text) : text));
    };
    csv.addCell(QStringView(toString(static_cast<OperationStatus>(r.status))));
    id(r.sourceId, idKind(r, 0));
    // The folder ends with '/', so no word of the prefilter spans folder and file name.
    const quint8 pathHints = (r.flags & PathPooled)
        ? poolSecretHints(r.pathDir)
        : quint8(poolSecretHints(r.pathDir) | secretHints(m_arena.data() + r.pathOffset, r.pathLength));
    secret(path(r), pathHints);
    csv.addCell(QStringView(m_pool.at(r.database)));
    csv.addCell(QStringView(m_pool.at(r.table)));
    csv.addTimeCell(r.updatedOn == kNullTime ? QDateTime()
                                             : QDateTime::fromMSecsSinceEpoch(r.updatedOn, Qt::UTC));
    id(r.operationId, idKind(r, OperationIdKindShift));
    id(r.activityId, idKind(r, ActivityIdKindShift));
    csv.addCell(QStringView(m_pool.at(r.errorCode)));
    csv.addCell(QStringView(toString(static_cast<iw::FailureStatus>(r.failureStatus))));
    secret(m_pool.at(r.details), poolSecretHints(r.details));
    csv.addCell((r.flags & FromUpdatePolicy) ? QLatin1String("true") : QLatin1String("false"));
    return true;
}

qint64 IngestionStatusModel::bytesUsed() const
{
    return qint64(m_rows.capacity() * sizeof(Row)) + qint64(m_arena.capacity()) + m_pool.bytesUsed()
        + m_index->bytesUsed() + m_oddKeys.size() * 128;
}

QString IngestionStatusModel::queuedExplanation()
{
    return tr("Queued is a permanent status: this ingestion was submitted without status-table reporting "
              "(ReportMethod Queue), so the service will never update this row. Its outcome, if failures "
              "are reported, arrives in the notification queues; to track it here, ingest with ReportMethod "
              "Table or QueueAndTable.");
}

QVariant IngestionStatusModel::rawValue(const Row &r, int column) const
{
    switch (static_cast<Column>(column)) {
    case Status:
        return int(r.status);
    case IngestionSourceId:
        return sourceIdText(r);
    case IngestionSourcePath:
        return redact(path(r));
    case Database:
        return m_pool.at(r.database);
    case Table:
        return m_pool.at(r.table);
    case UpdatedOn:
        return r.updatedOn == kNullTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(r.updatedOn, Qt::UTC);
    case OperationId:
        return decodeId(r.operationId, idKind(r, OperationIdKindShift));
    case ActivityId:
        return decodeId(r.activityId, idKind(r, ActivityIdKindShift));
    case ErrorCode:
        return m_pool.at(r.errorCode);
    case FailureStatus:
        return int(r.failureStatus);
    case Details:
        return m_pool.at(r.details);
    case OriginatesFromUpdatePolicy:
        return bool(r.flags & FromUpdatePolicy);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant IngestionStatusModel::displayValue(const Row &r, int column) const
{
    switch (static_cast<Column>(column)) {
    case Status:
        return toString(static_cast<OperationStatus>(r.status));
    case UpdatedOn:
        return r.updatedOn == kNullTime
            ? QString()
            : QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.updatedOn, Qt::UTC).toLocalTime(),
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case FailureStatus:
        return r.failureStatus == quint8(iw::FailureStatus::Unknown) && r.errorCode == 0
            ? QString()
            : toString(static_cast<iw::FailureStatus>(r.failureStatus));
    case Details:
        return m_pool.at(r.details).simplified();
    case OriginatesFromUpdatePolicy:
        return (r.flags & FromUpdatePolicy) ? tr("Yes") : tr("No");
    default:
        return rawValue(r, column);
    }
}

QVariant IngestionStatusModel::toolTip(const Row &r, int column) const
{
    const auto status = static_cast<OperationStatus>(r.status);
    if (column == ErrorCode && r.errorCode != 0) {
        const IngestionErrorCode code(m_pool.at(r.errorCode));
        QString retry;
        if (code.isTransient())
            retry = tr("transient: a retry may succeed");
        else if (code.isPermanent())
            retry = tr("permanent: the same ingestion will fail again as is");
        else
            retry = tr("not a code this version knows; see FailureStatus");
        return tr("%1\nCategory: %2 (%3)\n%4")
            .arg(code.name(), IngestionErrorCode::categoryName(code.category()), retry, code.hint());
    }
    if (column == Details && r.details != 0)
        return m_pool.at(r.details);
    if (column == IngestionSourcePath)
        return redact(path(r));
    if (column == Status || column == UpdatedOn) {
        if (status == OperationStatus::Queued)
            return queuedExplanation();
        if (longPending(r, nowMs()))
            return tr("Pending for %1 (threshold %2 min). The service has not reported an outcome yet; "
                      "check the operation and the failure notifications.")
                .arg(tr("%n min", nullptr, int((nowMs() - r.updatedOn) / 60000)))
                .arg(m_longPendingSecs / 60);
        if (status == OperationStatus::Pending)
            return tr("Pending: the only temporary status; the service updates this row when it finishes.");
    }
    if (column == FailureStatus) {
        switch (static_cast<iw::FailureStatus>(r.failureStatus)) {
        case iw::FailureStatus::Permanent:
            return tr("Permanent: no retry will be executed.");
        case iw::FailureStatus::Transient:
            return tr("Transient: the service will retry.");
        case iw::FailureStatus::Exhausted:
            return tr("Exhausted: several retries also failed.");
        case iw::FailureStatus::Unknown:
            break;
        }
    }
    return {};
}

IngestionStatusModel::Highlight IngestionStatusModel::highlight(const Row &r) const
{
    switch (static_cast<OperationStatus>(r.status)) {
    case OperationStatus::Failed:
        return Highlight::Failed;
    case OperationStatus::Queued:
        return Highlight::QueuedWithoutTracking;
    case OperationStatus::Pending:
        return longPending(r, nowMs()) ? Highlight::LongPending : Highlight::None;
    default:
        return Highlight::None;
    }
}

QVariant IngestionStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(r, index.column());
    case RawValueRole:
        return rawValue(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case StatusRole:
        return QVariant::fromValue(statusAt(index.row()));
    case HighlightRole:
        return int(highlight(r));
    case LongPendingRole:
        return longPending(r, nowMs());
    case Qt::BackgroundRole:
        switch (highlight(r)) {
        case Highlight::Failed:
            return QColor(220, 40, 40, 50);
        case Highlight::LongPending:
            return QColor(255, 170, 0, 70);
        case Highlight::QueuedWithoutTracking:
            return QColor(128, 128, 128, 50);
        case Highlight::None:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant IngestionStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Status:
        return tr("Status");
    case IngestionSourceId:
        return tr("IngestionSourceId");
    case IngestionSourcePath:
        return tr("IngestionSourcePath");
    case Database:
        return tr("Database");
    case Table:
        return tr("Table");
    case UpdatedOn:
        return tr("UpdatedOn");
    case OperationId:
        return tr("OperationId");
    case ActivityId:
        return tr("ActivityId");
    case ErrorCode:
        return tr("ErrorCode");
    case FailureStatus:
        return tr("FailureStatus");
    case Details:
        return tr("Details");
    case OriginatesFromUpdatePolicy:
        return tr("OriginatesFromUpdatePolicy");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace iw
