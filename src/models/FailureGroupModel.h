#pragma once

#include "core/IngestionNotification.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <vector>

namespace iw {

// Failures grouped by ErrorCode or by Database/Table, so that a thousand failures read as their few causes:
// count, first and last seen, whether retrying can help, a sample of the details. Fed with failure
// notifications (other kinds are ignored; the same notification twice counts once, by dedupKey()).
// Updates are incremental: a new group is appended (rowsInserted), a grown group emits dataChanged for its
// changed cells. Switching the grouping is an explicit action and resets the model.
class FailureGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Grouping { ByErrorCode, ByDatabaseTable };
    Q_ENUM(Grouping)

    enum Column {
        Group, // the ErrorCode, or "Database.Table"
        Count,
        FirstSeen,
        LastSeen,
        RetryCanHelp, // Yes / No / Mixed
        Category, // ErrorCode category (ByErrorCode), or the error codes seen (ByDatabaseTable)
        SampleDetails,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Retry { No, Yes, Mixed };
    Q_ENUM(Retry)

    enum Role {
        RawValueRole = Qt::UserRole,
        RetryRole, // int(Retry)
        GroupKeyRole, // ErrorCode, or Database + '\x1f' + Table
    };

    explicit FailureGroupModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }

    // Returns the number of failures newly counted.
    int addNotifications(const QList<IngestionNotification> &notifications);
    void clear();

    int totalFailures() const { return static_cast<int>(m_failures.size()); }
    int rowForGroup(const QString &groupKey) const;
    // Retrying can help: a Transient or Exhausted FailureStatus, or ShouldRetry.
    static bool retryCanHelp(const IngestionNotification &n);

private:
    struct Failure
    {
        QString errorCode;
        QString database;
        QString table;
        QDateTime when;
        QString details;
        bool retryable = false;
    };
    struct GroupRow
    {
        QString key;
        int count = 0;
        int retryable = 0;
        QDateTime firstSeen;
        QDateTime lastSeen;
        QString sampleDetails;
        QSet<QString> errorCodes; // ByDatabaseTable
        QString database; // ByDatabaseTable
        QString table;
    };

    QString keyOf(const Failure &f) const;
    QVariant rawValue(const GroupRow &g, int column) const;
    static Retry retry(const GroupRow &g);
    void addToGroup(GroupRow &g, const Failure &f) const;
    void rebuild();

    Grouping m_grouping = Grouping::ByErrorCode;
    std::vector<Failure> m_failures;
    QSet<QString> m_seen; // dedup keys
    std::vector<GroupRow> m_groups;
    QHash<QString, int> m_index;
};

} // namespace iw
