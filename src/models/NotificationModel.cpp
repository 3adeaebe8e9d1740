#include "models/NotificationModel.h"

#include "core/IngestionErrorCode.h"
#include "core/Redaction.h"

#include <QColor>
#include <QLocale>

namespace iw {

namespace {

QString formatTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

} // namespace

NotificationModel::NotificationModel(QObject *parent) : QAbstractTableModel(parent) { }

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int NotificationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationModel::rawValue(const IngestionNotification &n, int column) const
{
    switch (static_cast<Column>(column)) {
    case Kind:
        return int(n.kind);
    case When:
        return n.when();
    case OperationId:
        return n.operationId;
    case Database:
        return n.database;
    case Table:
        return n.table;
    case IngestionSourceId:
        return n.ingestionSourceId;
    case IngestionSourcePath:
        return redact(n.ingestionSourcePath);
    case Details:
        return n.kind == IngestionNotification::Kind::Malformed ? n.parseError : n.details;
    case ErrorCode:
        return n.errorCode;
    case FailureStatus:
        return int(n.failureStatus);
    case RootActivityId:
        return n.rootActivityId;
    case OriginatesFromUpdatePolicy:
        return n.originatesFromUpdatePolicy;
    case ShouldRetry:
        return n.shouldRetry;
    case QueueName:
        return n.queueName;
    case MessageId:
        return n.messageId;
    case InsertionTime:
        return n.insertionTime;
    case DequeueCount:
        return n.dequeueCount;
    case RawText:
        return redact(n.rawText);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NotificationModel::displayValue(const IngestionNotification &n, int column) const
{
    const bool failure = n.kind == IngestionNotification::Kind::Failure;
    switch (static_cast<Column>(column)) {
    case Kind:
        return toString(n.kind);
    case When:
        return formatTime(n.when());
    case InsertionTime:
        return formatTime(n.insertionTime);
    case FailureStatus:
        return failure ? toString(n.failureStatus) : QString();
    case OriginatesFromUpdatePolicy:
        return failure ? (n.originatesFromUpdatePolicy ? tr("Yes") : tr("No")) : QString();
    case ShouldRetry:
        return failure ? (n.shouldRetry ? tr("Yes") : tr("No")) : QString();
    case Details:
    case RawText:
        return rawValue(n, column).toString().simplified();
    default:
        return rawValue(n, column);
    }
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const IngestionNotification &n = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(n, column);
    case RawValueRole:
        return rawValue(n, column);
    case NotificationRole:
        return QVariant::fromValue(n);
    case DedupKeyRole:
        return n.dedupKey();
    case KindRole:
        return int(n.kind);
    case Qt::ToolTipRole:
        if (n.kind == IngestionNotification::Kind::Malformed
            && (column == Kind || column == Details || column == RawText))
            return tr("This message did not parse: %1\n\nRaw text:\n%2").arg(n.parseError, redact(n.rawText));
        if (column == ErrorCode && !n.errorCode.isEmpty()) {
            const IngestionErrorCode code(n.errorCode);
            return tr("%1\nCategory: %2\n%3")
                .arg(code.name(), IngestionErrorCode::categoryName(code.category()), code.hint());
        }
        if (column == Details && !n.details.isEmpty())
            return n.details;
        if (column == ShouldRetry && n.kind == IngestionNotification::Kind::Failure)
            return tr("Whether the ingestion could succeed if retried as is.");
        return {};
    case Qt::BackgroundRole:
        if (n.kind == IngestionNotification::Kind::Malformed)
            return QColor(128, 128, 128, 60);
        if (n.kind == IngestionNotification::Kind::Failure)
            return QColor(220, 40, 40, 40);
        return {};
    default:
        return {};
    }
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Kind:
        return tr("Kind");
    case When:
        return tr("FailedOn / SucceededOn");
    case OperationId:
        return tr("OperationId");
    case Database:
        return tr("Database");
    case Table:
        return tr("Table");
    case IngestionSourceId:
        return tr("IngestionSourceId");
    case IngestionSourcePath:
        return tr("IngestionSourcePath");
    case Details:
        return tr("Details");
    case ErrorCode:
        return tr("ErrorCode");
    case FailureStatus:
        return tr("FailureStatus");
    case RootActivityId:
        return tr("RootActivityId");
    case OriginatesFromUpdatePolicy:
        return tr("OriginatesFromUpdatePolicy");
    case ShouldRetry:
        return tr("ShouldRetry");
    case QueueName:
        return tr("Queue");
    case MessageId:
        return tr("MessageId");
    case InsertionTime:
        return tr("InsertionTime");
    case DequeueCount:
        return tr("DequeueCount");
    case RawText:
        return tr("Raw text");
    case ColumnCount:
        break;
    }
    return {};
}

int NotificationModel::upsert(const QList<IngestionNotification> &notifications)
{
    std::vector<IngestionNotification> added;
    QHash<QString, std::size_t> addedIndex;
    for (const IngestionNotification &n : notifications) {
        const QString key = n.dedupKey();
        const auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) {
            IngestionNotification &old = m_rows[static_cast<std::size_t>(*it)];
            if (old == n)
                continue;
            int first = -1;
            int last = -1;
            for (int c = 0; c < ColumnCount; ++c) {
                if (rawValue(old, c) != rawValue(n, c)) {
                    if (first < 0)
                        first = c;
                    last = c;
                }
            }
            --m_counts[int(old.kind)];
            ++m_counts[int(n.kind)];
            old = n;
            if (first >= 0)
                Q_EMIT dataChanged(index(*it, first), index(*it, last));
            continue;
        }
        if (const auto a = addedIndex.constFind(key); a != addedIndex.constEnd()) {
            added[*a] = n;
            continue;
        }
        addedIndex.insert(key, added.size());
        added.push_back(n);
    }
    if (added.empty())
        return 0;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (IngestionNotification &n : added) {
        m_index.insert(n.dedupKey(), static_cast<int>(m_rows.size()));
        ++m_counts[int(n.kind)];
        m_rows.push_back(std::move(n));
    }
    endInsertRows();
    return static_cast<int>(added.size());
}

bool NotificationModel::remove(const QString &dedupKey)
{
    const int row = rowForKey(dedupKey);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    --m_counts[int(m_rows[static_cast<std::size_t>(row)].kind)];
    m_rows.erase(m_rows.begin() + row);
    m_index.remove(dedupKey);
    for (std::size_t i = static_cast<std::size_t>(row); i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].dedupKey(), static_cast<int>(i));
    endRemoveRows();
    return true;
}

int NotificationModel::rowForKey(const QString &dedupKey) const
{
    return m_index.value(dedupKey, -1);
}

const IngestionNotification &NotificationModel::notificationAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row));
}

int NotificationModel::count(IngestionNotification::Kind kind) const
{
    return m_counts[int(kind)];
}

} // namespace iw
