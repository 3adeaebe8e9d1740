#include "simulator/MgmtService.h"

#include "core/DateTimeText.h"
#include "simulator/CommandParser.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace iw {

MgmtService::MgmtService(IngestionEngine *engine, ResourceSource resources, QString identityToken)
    : m_engine(engine), m_resources(std::move(resources)), m_identityToken(std::move(identityToken))
{ }

QByteArray MgmtService::oneApiError(const QString &code, const QString &message, const QString &type,
                                    const QString &detail, bool permanent, const QString &clientRequestId,
                                    const QString &activityId)
{
    QJsonObject context {
        { QStringLiteral("timestamp"), toDateTimeText(QDateTime::currentDateTimeUtc()) },
        { QStringLiteral("serviceAlias"), QStringLiteral("INGESTWATCH-SIM") },
        { QStringLiteral("machineName"), QStringLiteral("KSimDM000000") },
        { QStringLiteral("processName"), QStringLiteral("ingestwatch-sim") },
        { QStringLiteral("clientRequestId"), clientRequestId },
        { QStringLiteral("activityId"), activityId },
        { QStringLiteral("activityType"), QStringLiteral("DN.AdminCommand.Execute") },
    };
    QJsonObject error {
        { QStringLiteral("code"), code },        { QStringLiteral("message"), message },
        { QStringLiteral("@type"), type },       { QStringLiteral("@message"), detail },
        { QStringLiteral("@context"), context }, { QStringLiteral("@permanent"), permanent },
    };
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact);
}

SimHttpResponse MgmtService::errorResponse(int status, const QString &code, const QString &message,
                                           const QString &type, const QString &detail, bool permanent,
                                           const QString &clientRequestId, const QString &activityId)
{
    return SimHttpResponse::json(
        status, oneApiError(code, message, type, detail, permanent, clientRequestId, activityId));
}

SimHttpResponse MgmtService::handle(const QByteArray &body, const QString &crid, const QString &aid)
{
    const QString invalid = QStringLiteral("Request is invalid and cannot be executed.");
    const QString badRequestType = QStringLiteral("Kusto.Data.Exceptions.KustoBadRequestException");
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return errorResponse(
            400, QStringLiteral("General_BadRequest"), invalid, badRequestType,
            QStringLiteral("Request is invalid and cannot be processed: the body is not a JSON "
                           "object (%1).")
                .arg(pe.errorString()),
            true, crid, aid);
    const QJsonObject o = doc.object();
    const QString csl = o.value(QStringLiteral("csl")).toString();
    const QString db = o.value(QStringLiteral("db")).toString();
    if (csl.trimmed().isEmpty())
        return errorResponse(
            400, QStringLiteral("General_BadRequest"), invalid, badRequestType,
            QStringLiteral("Request is invalid and cannot be processed: the request does not "
                           "contain a 'csl' property."),
            true, crid, aid);

    const auto parsed = CommandParser::parse(csl);
    if (!parsed) {
        const bool notSupported = parsed.error().code == QLatin1String("BadRequest_NotSupported");
        return errorResponse(400, QStringLiteral("General_BadRequest"), invalid,
                             notSupported ? QStringLiteral("Kusto.Data.Exceptions.KustoNotSupportedException")
                                          : QStringLiteral("Kusto.Data.Exceptions.SyntaxException"),
                             QStringLiteral("Request is invalid and cannot be processed: ")
                                 + parsed.error().message,
                             true, crid, aid);
    }
    const MgmtCommand &cmd = parsed.value();
    KustoV1Response out;
    switch (cmd.kind) {
    case MgmtCommand::Kind::ShowQueuedOperations: {
        QList<QueuedOperation> rows;
        for (const QString &id : cmd.operationIds) {
            if (auto op = m_engine->operation(id))
                rows.append(*op);
        }
        out.tables.append(toV1Table(rows));
        break;
    }
    case MgmtCommand::Kind::ShowQueuedOperationDetails:
        out.tables.append(toV1Table(m_engine->details(cmd.operationIds.value(0))));
        break;
    case MgmtCommand::Kind::CancelQueuedOperation: {
        ++m_cancels[cmd.operationIds.value(0)];
        const auto row = m_engine->cancel(cmd.operationIds.value(0));
        if (!row)
            return errorResponse(
                400, QStringLiteral("BadRequest_EntityNotFound"),
                QStringLiteral("Request is invalid and cannot be executed."),
                QStringLiteral("Kusto.Data.Exceptions.EntityNotFoundException"),
                QStringLiteral("Entity ID '%1' of kind 'QueuedIngestionOperation' was not found.")
                    .arg(cmd.operationIds.value(0)),
                true, crid, aid);
        out.tables.append(toV1Table(QList<QueuedOperation> { *row }));
        break;
    }
    case MgmtCommand::Kind::IngestFromStorageQueued: {
        const QString database = cmd.database.isEmpty() ? db : cmd.database;
        if (database.isEmpty())
            return errorResponse(400, QStringLiteral("BadRequest_EmptyDatabaseName"), invalid, badRequestType,
                                 QStringLiteral("No database: name one with database('db').Table or in the "
                                                "request's 'db'."),
                                 true, crid, aid);
        const QString id = m_engine->submitOperation(database, cmd.table, cmd.sourceUrls);
        QueuedIngestionSubmission s;
        s.ingestionOperationId = id;
        s.clientRequestId = crid;
        s.operationInfo = QStringLiteral(".show queued ingestion operations \"%1\"").arg(id);
        out.tables.append(toV1Table(s));
        break;
    }
    case MgmtCommand::Kind::GetIngestionResources:
        out.tables.append(toV1Table(m_resources ? m_resources() : QList<IngestionResource> {}));
        break;
    case MgmtCommand::Kind::GetKustoIdentityToken:
        out.tables.append(identityTokenTable(m_identityToken));
        break;
    }
    return SimHttpResponse::json(200, out.toJson());
}

int MgmtService::cancelCount() const
{
    int n = 0;
    for (int c : m_cancels)
        n += c;
    return n;
}

} // namespace iw
