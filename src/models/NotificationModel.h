#pragma once

#include "core/IngestionNotification.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace iw {

// Success and failure notifications from the report queues, every field of the service's messages plus the
// queue envelope. A message that did not parse is a row of kind Malformed with its raw text and the parse
// error (in Details). Upsert by IngestionNotification::dedupKey(): peeking the same message twice adds
// nothing; new messages are appended (one rowsInserted per call), changed ones emit dataChanged; never a
// reset.
class NotificationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Kind,
        When, // FailedOn / SucceededOn
        OperationId,
        Database,
        Table,
        IngestionSourceId,
        IngestionSourcePath, // shown redacted
        Details, // the parse error for Malformed messages
        ErrorCode,
        FailureStatus,
        RootActivityId,
        OriginatesFromUpdatePolicy,
        ShouldRetry,
        QueueName,
        MessageId,
        InsertionTime,
        DequeueCount,
        RawText, // shown redacted
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole,
        NotificationRole, // the whole IngestionNotification (not redacted: redact before export)
        DedupKeyRole,
        KindRole, // int(IngestionNotification::Kind)
    };

    explicit NotificationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Returns the number of new rows.
    int upsert(const QList<IngestionNotification> &notifications);
    bool remove(const QString &dedupKey);
    int rowForKey(const QString &dedupKey) const;
    const IngestionNotification &notificationAt(int row) const;
    int count(IngestionNotification::Kind kind) const;

private:
    QVariant rawValue(const IngestionNotification &n, int column) const;
    QVariant displayValue(const IngestionNotification &n, int column) const;

    std::vector<IngestionNotification> m_rows;
    QHash<QString, int> m_index;
    int m_counts[3] = { 0, 0, 0 };
};

} // namespace iw
