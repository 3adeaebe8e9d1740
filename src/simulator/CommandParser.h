#pragma once

#include "core/Result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace iw {

// One management command the simulator understands, parsed from the request's `csl`.
struct MgmtCommand
{
    enum class Kind {
        ShowQueuedOperations, // .show queued ingestion operations "id" | ("id", ...)
        ShowQueuedOperationDetails, // .show queued ingestion operations "id" details
        CancelQueuedOperation, // .cancel queued ingestion operation 'id'
        IngestFromStorageQueued, // .ingest-from-storage-queued into table [database('db').]T ...
        GetIngestionResources, // .get ingestion resources
        GetKustoIdentityToken, // .get kusto identity token
    };
    Kind kind = Kind::ShowQueuedOperations;

    QStringList operationIds; // show / details / cancel

    // .ingest-from-storage-queued
    QString database; // empty: the request's context database
    QString table;
    bool enableTracking = false;
    bool skipBatching = false;
    std::optional<double> compressionFactor;
    QList<QPair<QString, QString>> properties; // with (k = v, ...), values unquoted, in order
    QStringList sourceUrls; // one or more quoted URLs after <|

    QString property(const QString &name) const; // case-insensitive, empty when absent
};

QString toString(MgmtCommand::Kind k);

// Parses the management commands of the ingest endpoint as the docs write them: keywords
// case-insensitive, string literals in single or double quotes with backslash escapes, verbatim
// @'...' strings, `//` comments. Anything else is an Error (Kind::Parse, code BadRequest_SyntaxError)
// with a message saying where parsing stopped.
class CommandParser
{
public:
    static Result<MgmtCommand> parse(QStringView csl);
};

} // namespace iw
