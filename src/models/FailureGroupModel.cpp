#include "models/FailureGroupModel.h"

#include "core/IngestionErrorCode.h"

#include <QLocale>

#include <algorithm>

namespace iw {

FailureGroupModel::FailureGroupModel(QObject *parent) : QAbstractTableModel(parent) { }

int FailureGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int FailureGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool FailureGroupModel::retryCanHelp(const IngestionNotification &n)
{
    return isRetryable(n.failureStatus) || n.shouldRetry;
}

FailureGroupModel::Retry FailureGroupModel::retry(const GroupRow &g)
{
    if (g.retryable == 0)
        return Retry::No;
    return g.retryable == g.count ? Retry::Yes : Retry::Mixed;
}

QString FailureGroupModel::keyOf(const Failure &f) const
{
    if (m_grouping == Grouping::ByErrorCode)
        return f.errorCode;
    return f.database + QChar(0x1f) + f.table;
}

void FailureGroupModel::addToGroup(GroupRow &g, const Failure &f) const
{
    ++g.count;
    g.retryable += f.retryable ? 1 : 0;
    if (f.when.isValid()) {
        if (!g.firstSeen.isValid() || f.when < g.firstSeen)
            g.firstSeen = f.when;
        if (!g.lastSeen.isValid() || f.when > g.lastSeen) {
            g.lastSeen = f.when;
            if (!f.details.isEmpty())
                g.sampleDetails = f.details; // the latest
        }
    }
    if (g.sampleDetails.isEmpty())
        g.sampleDetails = f.details;
    if (m_grouping == Grouping::ByDatabaseTable) {
        g.database = f.database;
        g.table = f.table;
        if (!f.errorCode.isEmpty())
            g.errorCodes.insert(f.errorCode);
    }
}

QVariant FailureGroupModel::rawValue(const GroupRow &g, int column) const
{
    switch (static_cast<Column>(column)) {
    case Group:
        if (m_grouping == Grouping::ByErrorCode)
            return g.key.isEmpty() ? tr("(no ErrorCode)") : g.key;
        return QString(g.database + QLatin1Char('.') + g.table);
    case Count:
        return g.count;
    case FirstSeen:
        return g.firstSeen;
    case LastSeen:
        return g.lastSeen;
    case RetryCanHelp:
        return int(retry(g));
    case Category:
        if (m_grouping == Grouping::ByErrorCode)
            return g.key.isEmpty() ? QString()
                                   : IngestionErrorCode::categoryName(IngestionErrorCode(g.key).category());
        else {
            QStringList codes(g.errorCodes.cbegin(), g.errorCodes.cend());
            codes.sort();
            return codes.join(QStringLiteral(", "));
        }
    case SampleDetails:
        return g.sampleDetails;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FailureGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const GroupRow &g = m_groups[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(column)) {
        case FirstSeen:
        case LastSeen: {
            const QDateTime t = rawValue(g, column).toDateTime();
            return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                               : QString();
        }
        case RetryCanHelp:
            switch (retry(g)) {
            case Retry::Yes:
                return tr("Yes");
            case Retry::No:
                return tr("No");
            case Retry::Mixed:
                return tr("Mixed (%1 of %2)").arg(g.retryable).arg(g.count);
            }
            return {};
        case SampleDetails:
            return g.sampleDetails.simplified();
        default:
            return rawValue(g, column);
        }
    case RawValueRole:
        return rawValue(g, column);
    case RetryRole:
        return int(retry(g));
    case GroupKeyRole:
        return g.key;
    case Qt::TextAlignmentRole:
        if (column == Count)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == SampleDetails && !g.sampleDetails.isEmpty())
            return g.sampleDetails;
        if ((column == Group || column == Category) && m_grouping == Grouping::ByErrorCode
            && !g.key.isEmpty())
            return IngestionErrorCode(g.key).hint();
        if (column == RetryCanHelp)
            return tr("%1 of %2 failures are transient, exhausted or marked ShouldRetry: retrying them as is "
                      "may succeed.")
                .arg(g.retryable)
                .arg(g.count);
        return {};
    default:
        return {};
    }
}

QVariant FailureGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Group:
        return m_grouping == Grouping::ByErrorCode ? tr("ErrorCode") : tr("Database.Table");
    case Count:
        return tr("Count");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case RetryCanHelp:
        return tr("Retry can help");
    case Category:
        return m_grouping == Grouping::ByErrorCode ? tr("Category") : tr("Error codes");
    case SampleDetails:
        return tr("Sample details");
    case ColumnCount:
        break;
    }
    return {};
}

int FailureGroupModel::addNotifications(const QList<IngestionNotification> &notifications)
{
    const int existing = rowCount();
    std::vector<std::pair<int, std::vector<QVariant>>> before; // rows touched, their cells before
    int counted = 0;
    for (const IngestionNotification &n : notifications) {
        if (n.kind != IngestionNotification::Kind::Failure)
            continue;
        const QString dedup = n.dedupKey();
        if (m_seen.contains(dedup))
            continue;
        m_seen.insert(dedup);
        Failure f { n.errorCode, n.database, n.table, n.failedOn, n.details, retryCanHelp(n) };
        m_failures.push_back(f);
        ++counted;
        const QString key = keyOf(f);
        int row = m_index.value(key, -1);
        if (row < 0) {
            row = static_cast<int>(m_groups.size());
            m_groups.push_back(GroupRow { key, 0, 0, {}, {}, {}, {}, {}, {} });
            m_index.insert(key, row);
        } else if (row < existing && std::none_of(before.begin(), before.end(), [row](const auto &b) {
                       return b.first == row;
                   })) {
            std::vector<QVariant> cells;
            for (int c = 0; c < ColumnCount; ++c)
                cells.push_back(rawValue(m_groups[static_cast<std::size_t>(row)], c));
            before.emplace_back(row, std::move(cells));
        }
        addToGroup(m_groups[static_cast<std::size_t>(row)], f);
    }
    // New groups were appended past `existing`: announce them (the rows are already in place, which is fine
    // for views since nothing was read in between).
    if (rowCount() > existing) {
        std::vector<GroupRow> added(m_groups.begin() + existing, m_groups.end());
        m_groups.resize(static_cast<std::size_t>(existing));
        beginInsertRows({}, existing, existing + static_cast<int>(added.size()) - 1);
        m_groups.insert(m_groups.end(), added.begin(), added.end());
        endInsertRows();
    }
    std::sort(before.begin(), before.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[row, cells] : before) {
        int first = -1;
        int last = -1;
        for (int c = 0; c < ColumnCount; ++c) {
            if (cells[static_cast<std::size_t>(c)] != rawValue(m_groups[static_cast<std::size_t>(row)], c)) {
                if (first < 0)
                    first = c;
                last = c;
            }
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    return counted;
}

void FailureGroupModel::rebuild()
{
    m_groups.clear();
    m_index.clear();
    for (const Failure &f : m_failures) {
        const QString key = keyOf(f);
        int row = m_index.value(key, -1);
        if (row < 0) {
            row = static_cast<int>(m_groups.size());
            m_groups.push_back(GroupRow { key, 0, 0, {}, {}, {}, {}, {}, {} });
            m_index.insert(key, row);
        }
        addToGroup(m_groups[static_cast<std::size_t>(row)], f);
    }
}

void FailureGroupModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void FailureGroupModel::clear()
{
    beginResetModel();
    m_failures.clear();
    m_seen.clear();
    m_groups.clear();
    m_index.clear();
    endResetModel();
}

int FailureGroupModel::rowForGroup(const QString &groupKey) const
{
    return m_index.value(groupKey, -1);
}

} // namespace iw
