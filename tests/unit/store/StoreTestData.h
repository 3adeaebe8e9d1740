#pragma once

// Builders shared by the store tests (header only: tests/unit/store/Test*.cpp include it).

#include "core/IngestionNotification.h"
#include "core/QueuedOperation.h"

#include <QDateTime>
#include <QString>

namespace iw::storetest {

inline QDateTime t0()
{
    return QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
}

inline IngestionNotification failure(int i,
                                     const QString &errorCode = QStringLiteral("Stream_ClosingQuoteMissing"),
                                     const QDateTime &when = t0())
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Failure;
    n.queueName = QStringLiteral("failedingestionsqueue");
    n.messageId = QStringLiteral("msg-%1").arg(i);
    n.insertionTime = when.addSecs(i);
    n.dequeueCount = 1;
    n.operationId = QStringLiteral("3827def6-0773-4f2a-859e-c02cf395deaf");
    n.database = QStringLiteral("db1");
    n.table = QStringLiteral("Events");
    n.failedOn = when.addSecs(i);
    n.ingestionSourceId = QStringLiteral("e02acf47-dcc5-4733-8bad-%1").arg(i, 12, 10, QLatin1Char('0'));
    n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/b%1.csv.gz").arg(i);
    n.rootActivityId = QStringLiteral("3c883942-e446-4999-9b00-d4c664f06ef6");
    n.details = QStringLiteral("Stream with ID 'b%1.csv' has a malformed CSV format").arg(i);
    n.errorCode = errorCode;
    n.failureStatus = FailureStatus::Permanent;
    n.originatesFromUpdatePolicy = (i % 2) == 1;
    n.shouldRetry = (i % 3) == 1;
    return n;
}

inline IngestionNotification success(int i, const QDateTime &when = t0())
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Success;
    n.queueName = QStringLiteral("successfulingestionsqueue");
    n.messageId = QStringLiteral("ok-%1").arg(i);
    n.insertionTime = when.addSecs(i);
    n.dequeueCount = 1;
    n.operationId = QStringLiteral("3827def6-0773-4f2a-859e-c02cf395deaf");
    n.database = QStringLiteral("db1");
    n.table = QStringLiteral("Events");
    n.succeededOn = when.addSecs(i);
    n.ingestionSourceId = QStringLiteral("f13bdf58-edd6-4844-9cbe-%1").arg(i, 12, 10, QLatin1Char('0'));
    n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/a%1.csv.gz").arg(i);
    n.rootActivityId = QStringLiteral("3c883942-e446-4999-9b00-d4c664f06ef6");
    return n;
}

inline IngestionNotification malformed(int i)
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Malformed;
    n.queueName = QStringLiteral("failedingestionsqueue");
    n.messageId = QStringLiteral("bad-%1").arg(i);
    n.insertionTime = t0().addSecs(i);
    n.dequeueCount = 3;
    n.rawText = QStringLiteral("eyJPcGVyYXRpb25JZCI6%1").arg(i);
    n.parseError = QStringLiteral("not JSON: unterminated object");
    return n;
}

inline QueuedOperation operation(const QString &id, OperationState state, qint64 discovered, qint64 pending,
                                 qint64 ingested, qint64 failed = 0)
{
    QueuedOperation op;
    op.ingestionOperationId = id;
    op.startedOn = t0();
    op.lastUpdatedOn = t0().addSecs(60);
    op.state = state;
    op.discovered = discovered;
    op.pending = pending;
    op.ingested = ingested;
    op.failed = failed;
    op.database = QStringLiteral("db1");
    op.table = QStringLiteral("Events");
    return op;
}

} // namespace iw::storetest
