#include "azure/TableClient.h"

#include "azure/StorageErrorDecoder.h"
#include "core/BackgroundThread.h"
#include "core/TableEntityJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QUuid>

namespace iw {

namespace {

const QByteArray kAcceptNoMetadata = QByteArrayLiteral("application/json;odata=nometadata");
const QByteArray kAcceptMinimal = QByteArrayLiteral("application/json;odata=minimalmetadata");

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

void addParam(QByteArray &query, const char *name, const QString &value)
{
    if (!query.isEmpty())
        query += '&';
    query += name;
    query += '=';
    query += enc(value);
}

template<typename T>
std::function<void(Result<T>)> guarded(std::function<void(Result<T>)> cb)
{
    return cb ? cb : [](Result<T>) {
    };
}

} // namespace

// --- TableQueryJob ----------------------------------------------------------------------------------

void TableQueryJob::cancel()
{
    if (m_done || m_canceled)
        return;
    m_canceled = true;
    m_fetchDone = true;
    if (m_call)
        m_call->cancel();
    if (!m_error)
        m_error = Error::make(Error::Kind::Canceled, QStringLiteral("Query canceled"));
    if (m_parsesInFlight == 0)
        done(m_error);
}

void TableQueryJob::fetch(const QString &nextPk, const QString &nextRk)
{
    TableClient *client = m_client;
    if (!client || !client->m_pipeline) {
        m_fetchDone = true;
        done(Error::make(Error::Kind::Canceled, QStringLiteral("Table client is gone")));
        return;
    }
    QByteArray q;
    if (!m_query.filter.isEmpty())
        addParam(q, "$filter", m_query.filter);
    if (!m_query.select.isEmpty())
        addParam(q, "$select", m_query.select.join(QLatin1Char(',')));
    if (m_query.top > 0)
        addParam(q, "$top", QString::number(m_query.top));
    if (!nextPk.isEmpty())
        addParam(q, "NextPartitionKey", nextPk);
    if (!nextRk.isEmpty())
        addParam(q, "NextRowKey", nextRk);
    QUrl url = client->resourceUrl(QString::fromUtf8(enc(m_table)) + QStringLiteral("()"));
    if (!q.isEmpty())
        url.setQuery(QString::fromLatin1(q), QUrl::TolerantMode);
    HttpRequest req = client->makeRequest("GET", url, m_query.minimalMetadata);
    m_call = client->m_pipeline->send(std::move(req), this,
                                      [this](Result<HttpResponse> r) { onPage(std::move(r)); });
}

void TableQueryJob::onPage(Result<HttpResponse> r)
{
    m_call = nullptr;
    if (m_canceled)
        return;
    if (!r) {
        ++m_requests;
        m_fetchDone = true;
        m_error = r.error();
        if (m_parsesInFlight == 0)
            done(m_error);
        return;
    }
    HttpResponse resp = std::move(r).value();
    m_requests += resp.attempts;
    ++m_pages;
    const QString nextPk = QString::fromUtf8(resp.header("x-ms-continuation-NextPartitionKey"));
    const QString nextRk = QString::fromUtf8(resp.header("x-ms-continuation-NextRowKey"));
    const bool more
        = (!nextPk.isEmpty() || !nextRk.isEmpty()) && (m_query.maxPages <= 0 || m_pages < m_query.maxPages);
    // Ask for the next page before parsing this one: the fetch overlaps the parse.
    if (more)
        fetch(nextPk, nextRk);
    else
        m_fetchDone = true;

    ++m_parsesInFlight;
    QPointer<TableQueryJob> self(this);
    TableClient *client = m_client;
    QByteArray body = std::move(resp.body);
    const bool last = !more;
    client->m_parsePool->start(
        [self, body = std::move(body), nextPk, nextRk, last, filter = m_query.pageFilter]() {
            makeCurrentThreadBackground();
            Result<QList<TableEntity>> parsed = TableEntityJson::parsePage(body);
            if (parsed && filter)
                filter(parsed.value());
            Result<TableEntityPage> page = parsed
                ? Result<TableEntityPage>(TableEntityPage { std::move(parsed).value(), nextPk, nextRk })
                : Result<TableEntityPage>(parsed.error());
            // The client waits for this pool before its jobs are destroyed, so `self` is alive here.
            QMetaObject::invokeMethod(
                self.data(), [self, page, last]() mutable { self->deliver(std::move(page), last); },
                Qt::QueuedConnection);
        });
}

void TableQueryJob::deliver(Result<TableEntityPage> page, bool last)
{
    Q_UNUSED(last);
    --m_parsesInFlight;
    if (!m_canceled && !m_error) {
        if (page) {
            m_entities += page->entities.size();
            Q_EMIT pageReady(page.value());
        } else {
            m_error = page.error();
            m_fetchDone = true;
            if (m_call)
                m_call->cancel();
        }
    }
    if (m_fetchDone && m_parsesInFlight == 0)
        done(m_error);
}

void TableQueryJob::done(std::optional<Error> error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = std::move(error);
    Q_EMIT finished();
    deleteLater();
}

// --- TableClient -------------------------------------------------------------------------------------

TableClient::TableClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent)
    : QObject(parent), m_pipeline(pipeline), m_config(std::move(config)), m_parsePool(new QThreadPool(this))
{
    m_parsePool->setMaxThreadCount(1); // FIFO: pages are delivered in order
    m_parsePool->setExpiryTimeout(5000);
}

TableClient::~TableClient()
{
    for (TableQueryJob *job : findChildren<TableQueryJob *>(Qt::FindDirectChildrenOnly))
        job->cancel();
    m_parsePool->waitForDone();
}

QUrl TableClient::resourceUrl(const QString &encodedPath) const
{
    QUrl url = m_config.endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QLatin1Char('/') + encodedPath, QUrl::TolerantMode);
    url.setQuery(QString());
    return url;
}

QString TableClient::quoteLiteral(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString TableClient::dateTimeLiteral(const QDateTime &t)
{
    return QStringLiteral("datetime'%1'").arg(toIsoDateTimeUtc(t));
}

QUrl TableClient::entityUrl(const QString &table, const QString &partitionKey, const QString &rowKey) const
{
    QString pk = partitionKey;
    QString rk = rowKey;
    pk.replace(QLatin1Char('\''), QLatin1String("''"));
    rk.replace(QLatin1Char('\''), QLatin1String("''"));
    return resourceUrl(
        QString::fromUtf8(enc(table) + "(PartitionKey='" + enc(pk) + "',RowKey='" + enc(rk) + "')"));
}

HttpRequest TableClient::makeRequest(const QByteArray &verb, const QUrl &url, bool minimalMetadata) const
{
    HttpRequest r;
    r.verb = verb;
    r.url = url;
    r.timeout = m_config.timeout;
    r.setHeader("Accept", minimalMetadata ? kAcceptMinimal : kAcceptNoMetadata);
    r.setHeader("x-ms-version", "2019-02-02");
    r.setHeader("DataServiceVersion", "3.0;NetFx");
    r.setHeader("MaxDataServiceVersion", "3.0;NetFx");
    const StorageCredential cred = m_config.credential;
    const auto scheme = m_scheme;
    r.prepare = [cred, scheme](HttpRequest &req) {
        return cred.applyTable(req, scheme);
    };
    r.decodeError = &StorageErrorDecoder::decode;
    return r;
}

TableQueryJob *TableClient::query(const QString &table, const TableQuery &query)
{
    auto *job = new TableQueryJob(this);
    job->m_client = this;
    job->m_table = table;
    job->m_query = query;
    job->fetch({}, {});
    return job;
}

void TableClient::queryAll(const QString &table, const TableQuery &q, QObject *context,
                           std::function<void(Result<QList<TableEntity>>)> callback)
{
    TableQueryJob *job = query(table, q);
    auto all = std::make_shared<QList<TableEntity>>();
    connect(job, &TableQueryJob::pageReady, job,
            [all](const TableEntityPage &p) { all->append(p.entities); });
    QPointer<QObject> ctx(context);
    const bool hasCtx = context != nullptr;
    connect(job, &TableQueryJob::finished, job, [job, all, ctx, hasCtx, callback]() {
        if (!callback || (hasCtx && !ctx))
            return;
        if (job->error())
            callback(*job->error());
        else
            callback(std::move(*all));
    });
}

void TableClient::getEntity(const QString &table, const QString &partitionKey, const QString &rowKey,
                            QObject *context, std::function<void(Result<TableEntity>)> callback)
{
    HttpRequest req = makeRequest("GET", entityUrl(table, partitionKey, rowKey), true);
    m_pipeline->send(std::move(req), context, [cb = guarded(std::move(callback))](Result<HttpResponse> r) {
        if (!r)
            return cb(r.error());
        Result<TableEntity> e = TableEntityJson::parseEntity(r->body);
        if (e && e->etag.isEmpty())
            e.value().etag = QString::fromUtf8(r->header("ETag"));
        cb(std::move(e));
    });
}

void TableClient::insertEntity(const QString &table, const TableEntity &entity, QObject *context,
                               std::function<void(Result<TableEntity>)> callback)
{
    HttpRequest req = makeRequest("POST", resourceUrl(QString::fromUtf8(enc(table))));
    req.setHeader("Content-Type", "application/json");
    req.setHeader("Prefer", "return-no-content");
    req.body = TableEntityJson::serialize(entity);
    m_pipeline->send(std::move(req), context,
                     [entity, cb = guarded(std::move(callback))](Result<HttpResponse> r) {
                         if (!r)
                             return cb(r.error());
                         TableEntity out = entity;
                         out.etag = QString::fromUtf8(r->header("ETag"));
                         cb(std::move(out));
                     });
}

void TableClient::updateEntity(const QString &table, const TableEntity &entity, UpdateMode mode,
                               const QString &etag, QObject *context,
                               std::function<void(Result<QString>)> callback)
{
    HttpRequest req
        = makeRequest(mode == UpdateMode::Merge ? QByteArrayLiteral("MERGE") : QByteArrayLiteral("PUT"),
                      entityUrl(table, entity.partitionKey, entity.rowKey));
    req.setHeader("Content-Type", "application/json");
    if (!etag.isEmpty())
        req.setHeader("If-Match", etag.toUtf8());
    req.body = TableEntityJson::serialize(entity);
    m_pipeline->send(std::move(req), context, [cb = guarded(std::move(callback))](Result<HttpResponse> r) {
        if (!r)
            return cb(r.error());
        cb(QString::fromUtf8(r->header("ETag")));
    });
}

void TableClient::upsertEntity(const QString &table, const TableEntity &entity, UpdateMode mode,
                               QObject *context, std::function<void(Result<QString>)> callback)
{
    updateEntity(table, entity, mode, QString(), context, std::move(callback));
}

void TableClient::deleteEntity(const QString &table, const QString &partitionKey, const QString &rowKey,
                               const QString &etag, QObject *context, std::function<void(Status)> callback)
{
    HttpRequest req = makeRequest("DELETE", entityUrl(table, partitionKey, rowKey));
    req.setHeader("If-Match", etag.isEmpty() ? QByteArrayLiteral("*") : etag.toUtf8());
    m_pipeline->send(std::move(req), context, [cb = guarded(std::move(callback))](Result<HttpResponse> r) {
        cb(r ? Status(Unit {}) : Status(r.error()));
    });
}

void TableClient::submitBatch(const QString &table, const QList<TableEntity> &entities, bool upsert,
                              QObject *context, std::function<void(Status)> callback)
{
    auto cb = guarded(std::move(callback));
    if (entities.isEmpty() || entities.size() > 100) {
        Error e = Error::make(Error::Kind::Usage, QStringLiteral("A batch holds 1 to 100 entities"));
        QMetaObject::invokeMethod(
            this, [cb, e]() { cb(e); }, Qt::QueuedConnection);
        return;
    }
    const QByteArray batch = "batch_" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray changeset = "changeset_" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray body;
    body += "--" + batch + "\r\nContent-Type: multipart/mixed; boundary=" + changeset + "\r\n\r\n";
    const QByteArray tableUrl = resourceUrl(QString::fromUtf8(enc(table))).toEncoded();
    int id = 0;
    for (const TableEntity &e : entities) {
        body += "--" + changeset
            + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n";
        if (upsert)
            body += "MERGE " + entityUrl(table, e.partitionKey, e.rowKey).toEncoded() + " HTTP/1.1\r\n";
        else
            body += "POST " + tableUrl + " HTTP/1.1\r\n";
        body += "Content-ID: " + QByteArray::number(++id) + "\r\n";
        body += "Content-Type: application/json\r\nAccept: application/json;odata=nometadata\r\n"
                "Prefer: return-no-content\r\nDataServiceVersion: 3.0;\r\n\r\n";
        body += TableEntityJson::serialize(e) + "\r\n";
    }
    body += "--" + changeset + "--\r\n--" + batch + "--\r\n";

    HttpRequest req = makeRequest("POST", resourceUrl(QStringLiteral("$batch")));
    req.setHeader("Content-Type", "multipart/mixed; boundary=" + batch);
    req.body = std::move(body);
    m_pipeline->send(std::move(req), context, [cb](Result<HttpResponse> r) {
        if (!r)
            return cb(r.error());
        // The outer status is 202 even when the changeset failed: look at the inner statuses.
        const QByteArray &b = r->body;
        qsizetype pos = 0;
        while ((pos = b.indexOf("HTTP/1.1 ", pos)) >= 0) {
            const int status = b.mid(pos + 9, 3).toInt();
            if (status < 200 || status >= 300) {
                HttpResponse inner;
                inner.status = status;
                const qsizetype jsonStart = b.indexOf("{", pos);
                const qsizetype jsonEnd = b.indexOf("\r\n--", jsonStart);
                if (jsonStart >= 0)
                    inner.body = b.mid(jsonStart, jsonEnd < 0 ? -1 : jsonEnd - jsonStart).trimmed();
                inner.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
                Error e = StorageErrorDecoder::decode(inner);
                HttpPipeline::completeHttpError(e, inner);
                e.message = QStringLiteral("Batch operation failed: ") + e.message;
                return cb(e);
            }
            pos += 9;
        }
        cb(Unit {});
    });
}

void TableClient::createTable(const QString &table, bool ifNotExists, QObject *context,
                              std::function<void(Status)> callback)
{
    HttpRequest req = makeRequest("POST", resourceUrl(QStringLiteral("Tables")));
    req.setHeader("Content-Type", "application/json");
    req.setHeader("Prefer", "return-no-content");
    req.body = QJsonDocument(QJsonObject { { QStringLiteral("TableName"), table } })
                   .toJson(QJsonDocument::Compact);
    m_pipeline->send(std::move(req), context,
                     [ifNotExists, cb = guarded(std::move(callback))](Result<HttpResponse> r) {
                         if (!r && ifNotExists && r.error().code == QLatin1String("TableAlreadyExists"))
                             return cb(Unit {});
                         cb(r ? Status(Unit {}) : Status(r.error()));
                     });
}

void TableClient::deleteTable(const QString &table, QObject *context, std::function<void(Status)> callback)
{
    HttpRequest req = makeRequest(
        "DELETE", resourceUrl(QStringLiteral("Tables(%1)").arg(QString::fromUtf8(enc(quoteLiteral(table))))));
    m_pipeline->send(std::move(req), context, [cb = guarded(std::move(callback))](Result<HttpResponse> r) {
        cb(r ? Status(Unit {}) : Status(r.error()));
    });
}

} // namespace iw
