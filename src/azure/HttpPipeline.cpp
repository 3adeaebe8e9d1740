#include "azure/HttpPipeline.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <cstring>

namespace iw {

namespace {

// A request body Qt's HTTP layer cannot send a second time. QHttpNetworkConnectionChannel resends a
// request by itself when the connection closes before the first byte of the answer (POST included); for a
// state-changing command (RetryPolicy::retryWhenMaybeRun false) that would run it twice. With this body
// the resend fails (QNetworkReply::ContentReSendError) and the lost answer is reported instead.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent) : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

QString safeUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
}

} // namespace

QByteArray findHeader(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({ name, value });
}

void HttpRequest::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const QPair<QByteArray, QByteArray> &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

void HttpCall::cancel()
{
    if (m_finished)
        return;
    if (auto *pipeline = qobject_cast<HttpPipeline *>(parent())) {
        Error e = Error::make(Error::Kind::Canceled, QStringLiteral("Request canceled"));
        e.clientRequestId = m_request.clientRequestId;
        pipeline->finish(this, std::move(e));
    }
}

HttpPipeline::HttpPipeline(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpPipeline::~HttpPipeline()
{
    cancelAll();
}

void HttpPipeline::cancelAll()
{
    const auto calls = m_calls;
    for (HttpCall *c : calls)
        c->cancel();
}

bool HttpPipeline::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress addr(host);
    return !addr.isNull() && addr.isLoopback();
}

HttpCall *HttpPipeline::send(HttpRequest request, QObject *context, HttpCallback callback)
{
    auto *call = new HttpCall(this);
    if (request.clientRequestId.isEmpty())
        request.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    call->m_policy = request.retryPolicy.value_or(m_policy);
    call->m_request = std::move(request);
    call->m_context = context;
    call->m_hasContext = context != nullptr;
    call->m_callback = std::move(callback);
    call->m_startedMs = monotonicMs();
    m_calls.append(call);

    const QUrl &url = call->m_request.url;
    Error usage;
    bool bad = false;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        usage = Error::make(Error::Kind::Usage, QStringLiteral("Invalid URL: %1").arg(safeUrl(url)));
        bad = true;
    } else if (url.scheme() == QLatin1String("http") && !m_allowInsecureHttp && !isLoopback(url)) {
        usage = Error::make(
            Error::Kind::Usage,
            QStringLiteral("Plain http is only allowed for loopback hosts: %1").arg(safeUrl(url)));
        bad = true;
    }
    if (bad) {
        usage.clientRequestId = call->m_request.clientRequestId;
        // Never call back before send() returns.
        QTimer::singleShot(0, call, [this, call, usage] { finish(call, usage); });
        return call;
    }
    QTimer::singleShot(0, call, [this, call] { startAttempt(call); });
    return call;
}

void HttpPipeline::startAttempt(HttpCall *call)
{
    if (call->m_finished)
        return;
    ++call->m_attempts;
    HttpRequest attempt = call->m_request; // prepare() works on a copy: fresh signature every attempt
    attempt.setHeader("x-ms-client-request-id", attempt.clientRequestId.toLatin1());
    if (!attempt.header("User-Agent").size())
        attempt.setHeader("User-Agent", m_userAgent);
    if (attempt.prepare) {
        Status st = attempt.prepare(attempt);
        if (!st) {
            Error e = st.error();
            e.clientRequestId = attempt.clientRequestId;
            finish(call, std::move(e));
            return;
        }
    }

    QNetworkRequest req(attempt.url);
    for (const auto &h : attempt.headers)
        req.setRawHeader(h.first, h.second);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    call->m_timedOut = false;
    QNetworkReply *reply = nullptr;
    if (!call->m_policy.retryWhenMaybeRun && !attempt.body.isEmpty()) {
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, attempt.body.size());
        auto *body = new OneShotBody(attempt.body, call);
        reply = m_nam->sendCustomRequest(req, attempt.verb, body);
        connect(reply, &QObject::destroyed, body, &QObject::deleteLater);
    } else {
        reply = m_nam->sendCustomRequest(req, attempt.verb, attempt.body);
    }
    call->m_reply = reply;
    ++m_requestsSent;
    Q_EMIT requestSent(attempt.verb, attempt.url.adjusted(QUrl::RemoveQuery), call->m_attempts);

    if (!call->m_timer) {
        call->m_timer = new QTimer(call);
        call->m_timer->setSingleShot(true);
    }
    call->m_timer->disconnect();
    connect(call->m_timer, &QTimer::timeout, call, [call] {
        if (call->m_reply) {
            call->m_timedOut = true;
            call->m_reply->abort(); // -> finished -> onReplyFinished
        }
    });
    call->m_timer->start(std::max<qint64>(1, attempt.timeout.count()));
    connect(reply, &QNetworkReply::finished, call, [this, call] { onReplyFinished(call); });
}

void HttpPipeline::onReplyFinished(HttpCall *call)
{
    QNetworkReply *reply = call->m_reply;
    if (!reply || call->m_finished)
        return;
    call->m_reply = nullptr;
    call->m_timer->stop();
    reply->deleteLater();

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (call->m_timedOut) {
        Error e = Error::make(Error::Kind::Timeout,
                              QStringLiteral("No complete answer within %1 ms from %2")
                                  .arg(call->m_request.timeout.count())
                                  .arg(safeUrl(call->m_request.url)));
        e.retryable = true;
        failOrRetry(call, std::move(e), std::nullopt);
        return;
    }
    if (!statusAttr.isValid() || reply->error() == QNetworkReply::RemoteHostClosedError
        || (statusAttr.toInt() >= 200 && statusAttr.toInt() < 300
            && reply->error() != QNetworkReply::NoError)) {
        // No HTTP answer at all (refused, reset, DNS, TLS), or a body cut short.
        Error e
            = Error::make(Error::Kind::Network,
                          QStringLiteral("%1 (%2)").arg(reply->errorString(), safeUrl(call->m_request.url)));
        e.retryable = true;
        failOrRetry(call, std::move(e), std::nullopt);
        return;
    }

    HttpResponse resp;
    resp.status = statusAttr.toInt();
    resp.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    const auto pairs = reply->rawHeaderPairs();
    resp.headers.reserve(pairs.size());
    for (const auto &p : pairs)
        resp.headers.append({ p.first, p.second });
    resp.body = reply->readAll();
    resp.attempts = call->m_attempts;
    resp.clientRequestId = call->m_request.clientRequestId;

    if (resp.status >= 200 && resp.status < 300) {
        finish(call, std::move(resp));
        return;
    }
    Error e = call->m_request.decodeError ? call->m_request.decodeError(resp) : decodeGenericError(resp);
    completeHttpError(e, resp);
    failOrRetry(call, std::move(e), RetryPolicy::parseRetryAfter(resp.header("Retry-After")));
}

void HttpPipeline::failOrRetry(HttpCall *call, Error error, std::optional<RetryPolicy::ms> retryAfter)
{
    const bool transport = error.httpStatus == 0;
    const RetryPolicy::ms elapsed(monotonicMs() - call->m_startedMs);
    std::optional<RetryPolicy::ms> wait;
    if (error.retryable)
        wait = call->m_policy.nextDelay(call->m_attempts, elapsed, error.httpStatus, transport, retryAfter,
                                        QRandomGenerator::global()->generateDouble());
    if (!wait) {
        error.clientRequestId = call->m_request.clientRequestId;
        if (call->m_attempts > 1)
            error.message += QStringLiteral(" (after %1 attempts)").arg(call->m_attempts);
        if (error.kind == Error::Kind::Http && error.httpStatus == 503 && call->m_attempts > 1)
            error.kind = Error::Kind::Throttled;
        finish(call, std::move(error));
        return;
    }
    ++m_retries;
    call->m_timer->disconnect();
    connect(call->m_timer, &QTimer::timeout, call, [this, call] { startAttempt(call); });
    call->m_timer->start(std::max<qint64>(0, wait->count()));
}

void HttpPipeline::finish(HttpCall *call, Result<HttpResponse> result)
{
    if (call->m_finished)
        return;
    call->m_finished = true;
    if (call->m_timer)
        call->m_timer->stop();
    if (QNetworkReply *reply = call->m_reply) {
        call->m_reply = nullptr;
        reply->disconnect(call);
        reply->abort();
        reply->deleteLater();
    }
    m_calls.removeOne(call);
    Q_EMIT requestFinished(result.ok(), result.ok() ? result->status : result.error().httpStatus,
                           call->m_attempts);
    HttpCallback cb = std::move(call->m_callback);
    if (cb && (!call->m_hasContext || call->m_context))
        cb(std::move(result));
    Q_EMIT call->finished();
    call->deleteLater();
}

Error HttpPipeline::decodeGenericError(const HttpResponse &response)
{
    Error e;
    e.code = QString::fromUtf8(response.header("x-ms-error-code"));
    const QByteArray ct = response.header("Content-Type").toLower();
    if (!response.body.isEmpty() && response.body.size() <= 2048
        && (ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")))
        e.message = QString::fromUtf8(response.body).simplified();
    return e;
}

void HttpPipeline::completeHttpError(Error &e, const HttpResponse &r)
{
    e.httpStatus = r.status;
    if (e.kind == Error::Kind::Parse) { // the default: the decoder did not choose a kind
        switch (r.status) {
        case 401:
        case 403:
            e.kind = Error::Kind::Auth;
            break;
        case 404:
            e.kind = Error::Kind::NotFound;
            break;
        case 408:
            e.kind = Error::Kind::Timeout;
            break;
        case 429:
            e.kind = Error::Kind::Throttled;
            break;
        default:
            e.kind = Error::Kind::Http;
        }
    }
    e.retryable = RetryPolicy::isRetryableStatus(r.status);
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(r.reasonPhrase);
    if (e.message.isEmpty())
        e.message = QStringLiteral("HTTP %1").arg(r.status);
    if (e.activityId.isEmpty()) {
        QByteArray id = r.header("x-ms-activity-id");
        if (id.isEmpty())
            id = r.header("x-ms-request-id");
        e.activityId = QString::fromLatin1(id);
    }
    if (e.clientRequestId.isEmpty())
        e.clientRequestId = r.clientRequestId;
}

} // namespace iw
