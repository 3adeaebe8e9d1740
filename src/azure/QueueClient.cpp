#include "azure/QueueClient.h"

#include "azure/StorageErrorDecoder.h"
#include "core/NotificationParser.h"

#include <algorithm>

namespace iw {

namespace {

template<typename T>
std::function<void(T)> orNoop(std::function<void(T)> cb)
{
    return cb ? cb : [](T) {
    };
}

QString encQueue(const QString &q)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(q));
}

} // namespace

QueueClient::QueueClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent)
    : QObject(parent), m_pipeline(pipeline), m_config(std::move(config))
{ }

HttpRequest QueueClient::makeRequest(const QByteArray &verb, const QString &encodedPath,
                                     const QByteArray &query) const
{
    HttpRequest r;
    r.verb = verb;
    QUrl url = m_config.endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QLatin1Char('/') + encodedPath, QUrl::TolerantMode);
    url.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(query), QUrl::TolerantMode);
    r.url = url;
    r.timeout = m_config.timeout;
    r.setHeader("x-ms-version", "2021-12-02");
    const StorageCredential cred = m_config.credential;
    r.prepare = [cred](HttpRequest &req) {
        return cred.applyQueue(req);
    };
    r.decodeError = &StorageErrorDecoder::decode;
    return r;
}

void QueueClient::createQueue(const QString &queue, QObject *context, std::function<void(Status)> callback)
{
    HttpRequest req = makeRequest("PUT", encQueue(queue));
    m_pipeline->send(std::move(req), context, [cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
        cb(r ? Status(Unit {}) : Status(r.error()));
    });
}

void QueueClient::deleteQueue(const QString &queue, QObject *context, std::function<void(Status)> callback)
{
    HttpRequest req = makeRequest("DELETE", encQueue(queue));
    m_pipeline->send(std::move(req), context, [cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
        cb(r ? Status(Unit {}) : Status(r.error()));
    });
}

void QueueClient::putMessage(const QString &queue, const QString &messageText, QObject *context,
                             std::function<void(Result<QueueMessage>)> callback,
                             std::optional<int> ttlSeconds, std::optional<int> visibilityTimeoutSeconds)
{
    QByteArray q;
    if (ttlSeconds)
        q += "messagettl=" + QByteArray::number(*ttlSeconds);
    if (visibilityTimeoutSeconds)
        q += (q.isEmpty() ? "" : "&") + QByteArray("visibilitytimeout=")
            + QByteArray::number(*visibilityTimeoutSeconds);
    HttpRequest req = makeRequest("POST", encQueue(queue) + QStringLiteral("/messages"), q);
    req.setHeader("Content-Type", "application/xml");
    req.body = QueueMessageXml::messageBody(messageText);
    // Not idempotent: a retry after a lost answer would post the message twice. Retry only what never
    // reached the service? We cannot tell; keep the pipeline's policy but callers that must not duplicate
    // can override retryPolicy.
    m_pipeline->send(std::move(req), context,
                     [messageText, cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
                         if (!r)
                             return cb(r.error());
                         auto list = QueueMessageXml::parseMessagesList(r->body);
                         if (!list)
                             return cb(list.error());
                         if (list->isEmpty())
                             return cb(Error::parse(QStringLiteral("Put Message returned no message")));
                         QueueMessage m = list->first();
                         m.messageText = messageText;
                         cb(std::move(m));
                     });
}

void QueueClient::getMessages(const QString &queue, int count, std::optional<int> visibilityTimeout,
                              QObject *context, std::function<void(Result<QList<QueueMessage>>)> callback)
{
    const int n = std::clamp(count, 1, kMaxMessagesPerRequest);
    QByteArray q = "numofmessages=" + QByteArray::number(n);
    if (visibilityTimeout)
        q += "&visibilitytimeout=" + QByteArray::number(std::max(1, *visibilityTimeout));
    else
        q += "&peekonly=true";
    HttpRequest req = makeRequest("GET", encQueue(queue) + QStringLiteral("/messages"), q);
    m_pipeline->send(std::move(req), context, [cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
        if (!r)
            return cb(r.error());
        cb(QueueMessageXml::parseMessagesList(r->body));
    });
}

void QueueClient::peekMessages(const QString &queue, int count, QObject *context,
                               std::function<void(Result<QList<QueueMessage>>)> callback)
{
    getMessages(queue, count, std::nullopt, context, std::move(callback));
}

void QueueClient::receiveMessages(const QString &queue, int count, int visibilityTimeoutSeconds,
                                  QObject *context, std::function<void(Result<QList<QueueMessage>>)> callback)
{
    getMessages(queue, count, visibilityTimeoutSeconds, context, std::move(callback));
}

void QueueClient::deleteMessage(const QString &queue, const QString &messageId, const QString &popReceipt,
                                QObject *context, std::function<void(Status)> callback)
{
    HttpRequest req
        = makeRequest("DELETE", encQueue(queue) + QStringLiteral("/messages/") + encQueue(messageId),
                      "popreceipt=" + QUrl::toPercentEncoding(popReceipt));
    m_pipeline->send(std::move(req), context, [cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
        cb(r ? Status(Unit {}) : Status(r.error()));
    });
}

void QueueClient::approximateMessageCount(const QString &queue, QObject *context,
                                          std::function<void(Result<qint64>)> callback)
{
    HttpRequest req = makeRequest("GET", encQueue(queue), "comp=metadata");
    m_pipeline->send(std::move(req), context, [cb = orNoop(std::move(callback))](Result<HttpResponse> r) {
        if (!r)
            return cb(r.error());
        bool ok = false;
        const qint64 n = r->header("x-ms-approximate-messages-count").trimmed().toLongLong(&ok);
        if (!ok)
            return cb(Error::parse(QStringLiteral("No x-ms-approximate-messages-count in the answer")));
        cb(n);
    });
}

IngestionNotification QueueClient::toNotification(const QString &queue, const QueueMessage &m,
                                                  IngestionNotification::Kind expected)
{
    IngestionNotification n = parseNotificationMessage(m.messageText, expected);
    n.queueName = queue;
    n.messageId = m.messageId;
    n.insertionTime = m.insertionTime;
    n.dequeueCount = m.dequeueCount;
    if (n.rawText.isEmpty())
        n.rawText = m.messageText;
    return n;
}

void QueueClient::peekNotifications(const QString &queue, IngestionNotification::Kind expected, int count,
                                    QObject *context,
                                    std::function<void(Result<QList<IngestionNotification>>)> callback)
{
    peekMessages(queue, count, context,
                 [queue, expected, cb = orNoop(std::move(callback))](Result<QList<QueueMessage>> r) {
                     if (!r)
                         return cb(r.error());
                     QList<IngestionNotification> out;
                     out.reserve(r->size());
                     for (const QueueMessage &m : r.value())
                         out.append(toNotification(queue, m, expected));
                     cb(std::move(out));
                 });
}

void QueueClient::receiveNotifications(const QString &queue, IngestionNotification::Kind expected, int count,
                                       int visibilityTimeoutSeconds, QObject *context,
                                       std::function<void(Result<QList<ReceivedNotification>>)> callback)
{
    receiveMessages(queue, count, visibilityTimeoutSeconds, context,
                    [queue, expected, cb = orNoop(std::move(callback))](Result<QList<QueueMessage>> r) {
                        if (!r)
                            return cb(r.error());
                        QList<ReceivedNotification> out;
                        out.reserve(r->size());
                        for (const QueueMessage &m : r.value())
                            out.append({ toNotification(queue, m, expected), m.popReceipt });
                        cb(std::move(out));
                    });
}

} // namespace iw
