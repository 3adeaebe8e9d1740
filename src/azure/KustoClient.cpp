#include "azure/KustoClient.h"

#include "core/BackgroundThread.h"
#include "core/KqlQuote.h"
#include "core/OneApiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThreadPool>
#include <QUuid>

namespace iw {

namespace {

// The body of a v1 answer -> its primary table (on the worker thread).
Result<KustoV1Table> primaryTableOf(const QByteArray &body, int status, const QString &activity)
{
    auto parsed = parseKustoV1(body);
    if (!parsed) {
        Error e = parsed.error();
        e.httpStatus = status;
        if (e.activityId.isEmpty())
            e.activityId = activity;
        return e;
    }
    auto table = parsed->primaryTable();
    if (!table) {
        Error e = table.error();
        e.activityId = activity;
        return e;
    }
    return table.value();
}

} // namespace

KustoClient::KustoClient(HttpPipeline *pipeline, QUrl endpoint, TokenProvider *tokens, QObject *parent)
    : QObject(parent), m_pipeline(pipeline), m_endpoint(std::move(endpoint)), m_tokens(tokens),
      m_parsePool(new QThreadPool(this))
{
    m_parsePool->setMaxThreadCount(2);
    m_parsePool->setExpiryTimeout(10000);
}

KustoClient::~KustoClient()
{
    // A parse still running posts its answer to this object: wait for it (the event is then dropped).
    m_parsePool->waitForDone();
}

QByteArray KustoClient::requestBody(const QString &database, const QString &csl)
{
    const QJsonObject props { { QStringLiteral("Options"), QJsonObject {} },
                              { QStringLiteral("Parameters"), QJsonObject {} } };
    const QJsonObject o { { QStringLiteral("db"), database },
                          { QStringLiteral("csl"), csl },
                          { QStringLiteral("properties"), props } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<QString> KustoClient::showOperationsCommand(const QStringList &ids)
{
    if (ids.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("No operation ids to show."));
    QStringList quoted;
    for (const QString &id : ids) {
        auto q = kqlQuote(id);
        if (!q)
            return q.error();
        quoted.append(q.value());
    }
    return QString(QStringLiteral(".show queued ingestion operations (") + quoted.join(QStringLiteral(", "))
                   + QLatin1Char(')'));
}

Result<QString> KustoClient::showOperationDetailsCommand(const QString &id)
{
    auto q = kqlQuote(id);
    if (!q)
        return q.error();
    return QString(QStringLiteral(".show queued ingestion operations ") + q.value()
                   + QStringLiteral(" details"));
}

Result<QString> KustoClient::cancelOperationCommand(const QString &id)
{
    auto q = kqlQuote(id, KqlQuoteStyle::Single);
    if (!q)
        return q.error();
    return QString(QStringLiteral(".cancel queued ingestion operation ") + q.value());
}

Result<QString> KustoClient::ingestCommand(const QString &database, const QString &table,
                                           const QStringList &blobUrls,
                                           const QList<QPair<QString, QString>> &properties)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_\\-]*$"));
    if (blobUrls.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("No blob URLs to ingest."));
    if (table.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("No table to ingest into."));
    auto tableQ = kqlQuote(table, KqlQuoteStyle::Single);
    if (!tableQ)
        return tableQ.error();
    const QString tableRef
        = name.match(table).hasMatch() ? table : QString(QStringLiteral("[") + tableQ.value() + u']');
    QString cmd = QStringLiteral(".ingest-from-storage-queued into table ");
    if (!database.isEmpty()) {
        auto dbQ = kqlQuote(database, KqlQuoteStyle::Single);
        if (!dbQ)
            return dbQ.error();
        cmd += QStringLiteral("database(") + dbQ.value() + QStringLiteral(").");
    }
    cmd += tableRef + QStringLiteral(" EnableTracking=true");
    if (!properties.isEmpty()) {
        QStringList props;
        for (const auto &p : properties) {
            if (!name.match(p.first).hasMatch())
                return Error::make(Error::Kind::Usage,
                                   QStringLiteral("Bad ingestion property name '%1'.").arg(p.first));
            auto v = kqlQuote(p.second, KqlQuoteStyle::Single);
            if (!v)
                return v.error();
            props.append(p.first + QLatin1Char('=') + v.value());
        }
        cmd += QStringLiteral(" with (") + props.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    cmd += QStringLiteral(" <|");
    for (const QString &u : blobUrls) {
        auto q = kqlQuote(u, KqlQuoteStyle::Single);
        if (!q)
            return q.error();
        cmd += QStringLiteral("\n  ") + q.value();
    }
    return cmd;
}

void KustoClient::execute(const QString &database, const QString &csl, QObject *context,
                          std::function<void(Result<KustoV1Table>)> callback, bool idempotent)
{
    Decoder decode = [callback = std::move(callback)](Result<KustoV1Table> t) {
        return std::function<void()>([callback, t = std::move(t)] { callback(t); });
    };
    executeAttempt(database, csl, context, std::move(decode), idempotent, false);
}

void KustoClient::executeAttempt(const QString &database, const QString &csl, QObject *context,
                                 Decoder decode, bool idempotent, bool reacquired)
{
    // Errors known before any body arrives are cheap to decode: on this thread.
    auto fail = [decode](Error e) {
        decode(std::move(e))();
    };
    if (!m_pipeline || !m_tokens) {
        fail(Error::make(Error::Kind::Usage,
                         QStringLiteral("KustoClient without a pipeline or token provider.")));
        return;
    }
    QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    const QString db = database.isEmpty() ? m_defaultDb : database;
    m_tokens->token(this, [=, this](Result<QString> token) {
        if (hadContext && !ctx)
            return;
        if (!token) {
            Error e = token.error();
            if (e.kind != Error::Kind::Canceled && e.kind != Error::Kind::Network)
                e.kind = Error::Kind::Auth;
            fail(e);
            return;
        }
        HttpRequest req;
        req.verb = "POST";
        QUrl url = m_endpoint;
        QString path = url.path();
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QStringLiteral("/v1/rest/mgmt"));
        req.url = url;
        req.body = requestBody(db, csl);
        req.timeout = m_timeout;
        req.clientRequestId
            = QStringLiteral("IngestWatch;") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        req.setHeader("Accept", "application/json");
        req.setHeader("Content-Type", "application/json; charset=utf-8");
        req.setHeader("x-ms-app", m_app.toUtf8());
        req.setHeader("x-ms-version", "2024-12-12");
        const QByteArray bearer = "Bearer " + token.value().toUtf8();
        req.prepare = [bearer](HttpRequest &r) -> Status {
            r.setHeader("Authorization", bearer);
            return Unit {};
        };
        req.decodeError = [](const HttpResponse &resp) {
            return parseOneApiError(resp.body, resp.status,
                                    QString::fromLatin1(findHeader(resp.headers, "x-ms-activity-id")));
        };
        if (!idempotent) {
            // A command that changes state is not repeated blindly after a lost answer: one retry at most.
            RetryPolicy p = m_pipeline->retryPolicy();
            p.maxAttempts = std::min(p.maxAttempts, 2);
            p.retryWhenMaybeRun = false; // and never after a lost answer: it may have run
            req.retryPolicy = p;
        }
        QPointer<TokenProvider> tokens = m_tokens;
        m_pipeline->send(std::move(req), this, [=, this](Result<HttpResponse> r) {
            if (hadContext && !ctx)
                return;
            if (!r) {
                Error e = r.error();
                if (e.httpStatus == 401 && tokens && !reacquired) {
                    // Revoked or expired early: drop the token, sign in again, send once more.
                    tokens->invalidate();
                    executeAttempt(db, csl, ctx, decode, idempotent, true);
                    return;
                }
                if (e.httpStatus == 401 && tokens) {
                    const QString detail
                        = e.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.message);
                    e.message = QStringLiteral(
                                    "The service rejected the sign-in (HTTP 401) again after a new token "
                                    "was acquired with %1%2. Check that this identity has access to "
                                    "the cluster.")
                                    .arg(tokens->describe(), detail);
                }
                fail(e);
                return;
            }
            // Parse and decode off this (the GUI) thread; the answer comes back as a queued call.
            const QString activity = QString::fromLatin1(findHeader(r->headers, "x-ms-activity-id"));
            QPointer<KustoClient> self(this);
            m_parsePool->start([self, ctx, hadContext, decode, body = std::move(r.value().body),
                                status = r->status, activity]() {
                makeCurrentThreadBackground();
                std::function<void()> deliver = decode(primaryTableOf(body, status, activity));
                if (!self)
                    return;
                QMetaObject::invokeMethod(
                    self.data(),
                    [ctx, hadContext, deliver = std::move(deliver)] {
                        if (hadContext && !ctx)
                            return;
                        deliver();
                    },
                    Qt::QueuedConnection);
            });
        });
    });
}

void KustoClient::showOperations(const QStringList &ids, QObject *context,
                                 std::function<void(Result<QList<QueuedOperation>>)> callback)
{
    const auto cmd = showOperationsCommand(ids);
    if (!cmd) {
        callback(cmd.error());
        return;
    }
    executeDecoded<QList<QueuedOperation>>(
        {}, cmd.value(), context, [](const KustoV1Table &t) { return queuedOperationsFromV1(t); },
        std::move(callback));
}

void KustoClient::showOperationDetails(const QString &id, QObject *context,
                                       std::function<void(Result<QList<BlobDetail>>)> callback)
{
    const auto cmd = showOperationDetailsCommand(id);
    if (!cmd) {
        callback(cmd.error());
        return;
    }
    executeDecoded<QList<BlobDetail>>(
        {}, cmd.value(), context, [](const KustoV1Table &t) { return blobDetailsFromV1(t); },
        std::move(callback));
}

void KustoClient::cancelOperation(const QString &id, QObject *context,
                                  std::function<void(Result<QueuedOperation>)> callback)
{
    const auto cmd = cancelOperationCommand(id);
    if (!cmd) {
        callback(cmd.error());
        return;
    }
    executeDecoded<QueuedOperation>(
        {}, cmd.value(), context,
        [id](const KustoV1Table &t) -> Result<QueuedOperation> {
            auto rows = queuedOperationsFromV1(t);
            if (!rows)
                return rows.error();
            if (rows->isEmpty())
                return Error::parse(QStringLiteral("The cancel of '%1' returned no row.").arg(id));
            return rows->first();
        },
        std::move(callback), false); // changes state: never resent after a lost answer
}

void KustoClient::getIngestionResources(QObject *context,
                                        std::function<void(Result<QList<IngestionResource>>)> callback)
{
    executeDecoded<QList<IngestionResource>>(
        {}, QStringLiteral(".get ingestion resources"), context,
        [](const KustoV1Table &t) { return ingestionResourcesFromV1(t); }, std::move(callback));
}

void KustoClient::getIdentityToken(QObject *context, std::function<void(Result<QString>)> callback)
{
    executeDecoded<QString>(
        {}, QStringLiteral(".get kusto identity token"), context,
        [](const KustoV1Table &t) { return authorizationContextFromV1(t); }, std::move(callback));
}

void KustoClient::ingestFromStorageQueued(const QString &database, const QString &table,
                                          const QStringList &blobUrls,
                                          const QList<QPair<QString, QString>> &properties, QObject *context,
                                          std::function<void(Result<QueuedIngestionSubmission>)> callback)
{
    const auto cmd = ingestCommand(database, table, blobUrls, properties);
    if (!cmd) {
        callback(cmd.error());
        return;
    }
    executeDecoded<QueuedIngestionSubmission>(
        database, cmd.value(), context, [](const KustoV1Table &t) { return submissionFromV1(t); },
        std::move(callback), false);
}

} // namespace iw
