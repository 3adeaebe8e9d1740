#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace iw {

// Kusto.Ingest ReportLevel / ReportMethod, with the .NET enum values the SDKs send as numbers.
enum class ReportLevel { FailuresOnly = 0, None = 1, FailuresAndSuccesses = 2 };
enum class ReportMethod { Queue = 0, Table = 1, QueueAndTable = 2, AzureMonitoring = 3 };
QString toString(ReportLevel l);
QString toString(ReportMethod m);

// Where the client wants the status of one source written (IngestionStatusInTable).
struct StatusTableTarget
{
    QString tableConnectionString; // table URL with a SAS, as the client got it from the service
    QString partitionKey;
    QString rowKey;
};

// One ingestion message from the ready-for-aggregation queue, as any SDK writes it: PascalCase keys
// (Python, Go, Node; Node's nested IngestionStatusInTable in camelCase), lower camelCase keys (Java),
// enums as numbers or names, booleans and sizes as JSON values or strings.
struct IngestionMessage
{
    QString id; // the source id (GUID)
    QString blobPath; // with SAS
    qint64 rawDataSize = 0;
    QString databaseName;
    QString tableName;
    bool retainBlobOnSuccess = false;
    bool flushImmediately = false;
    ReportLevel reportLevel = ReportLevel::FailuresOnly; // Go omits 0 values
    ReportMethod reportMethod = ReportMethod::Queue;
    QString sourceMessageCreationTime;
    QString applicationForTracing;
    QString clientVersionForTracing;
    QJsonObject additionalProperties;
    std::optional<StatusTableTarget> statusInTable;

    bool wantsTable() const;
    bool wantsQueue() const;
    bool reportsFailures() const { return reportLevel != ReportLevel::None; }
    bool reportsSuccesses() const { return reportLevel == ReportLevel::FailuresAndSuccesses; }

    // messageText: the queue's MessageText, base64 of the JSON (plain JSON is accepted too).
    // Errors (Kind::Parse, code BadRequest_CorruptedMessage) for anything that is not a message.
    static Result<IngestionMessage> parse(const QByteArray &messageText);
};

} // namespace iw
