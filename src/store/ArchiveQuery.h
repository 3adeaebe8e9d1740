#pragma once

#include "core/IngestionNotification.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace iw {

// Queries are values, not SQL: each backend turns them into its own statements, and the same query
// object drives the views, the charts and the CSV export.

struct TrackedOperationQuery
{
    bool includeUntracked = false;
    QStringList operationIds; // empty = all
};

struct SnapshotQuery
{
    QStringList operationIds; // empty = all
    QDateTime from; // observedOn >= from (null = no bound)
    QDateTime to; // observedOn < to
    int limit = 0; // 0 = no limit; the oldest first (chart order)
};

struct NotificationQuery
{
    enum class Order { NewestFirst, OldestFirst };

    std::optional<IngestionNotification::Kind> kind;
    QString errorCode; // exact ErrorCode; empty = any
    QString operationId;
    QString database;
    QString table;
    QDateTime from; // eventTime >= from
    QDateTime to; // eventTime < to
    std::optional<bool> consumed; // only consumed / only not consumed
    int limit = 0; // 0 = no limit
    Order order = Order::NewestFirst;
};

} // namespace iw
