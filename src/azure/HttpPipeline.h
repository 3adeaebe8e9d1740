#pragma once

// HttpPipeline: the one road every REST request of IngestWatch takes (storage tables, storage queues,
// the Kusto endpoint). It owns the QNetworkAccessManager, per-attempt timeouts, the client request id,
// the retry policy (backoff + jitter, Retry-After on 429/503, bounded attempts and total time),
// cancellation on shutdown, and a counter of requests put on the wire.
//
// How a client uses it:
//
//   HttpRequest req;
//   req.verb = "POST";
//   req.url = QUrl(QStringLiteral("https://help.kusto.windows.net/v1/rest/mgmt"));
//   req.setHeader("Content-Type", "application/json; charset=utf-8");
//   req.body = json;
//   req.timeout = std::chrono::seconds(30);
//   // Called before EVERY attempt (retries too): sign here, because signatures cover x-ms-date, and
//   // bearer tokens may need refreshing. Return an Error to stop without sending.
//   req.prepare = [token](HttpRequest &r) -> Status {
//       r.setHeader("Authorization", "Bearer " + token);
//       return Unit {};
//   };
//   // Turns a non-2xx response into a typed Error (service code, message). The pipeline fills in
//   // httpStatus, kind (Auth/NotFound/Throttled/Http), retryable, clientRequestId and activityId
//   // afterwards when the decoder leaves them empty. Default: HttpPipeline::decodeGenericError.
//   req.decodeError = [](const HttpResponse &resp) { return myOneApiDecoder(resp); };
//
//   HttpCall *call = pipeline->send(std::move(req), this, [this](Result<HttpResponse> r) {
//       if (!r) { showError(r.error()); return; }       // Error::kind, code, httpStatus, retryable
//       parse(r->body);                                   // 2xx only reach here
//   });
//   call->cancel();   // optional: the callback then gets Error::Kind::Canceled (at most once)
//
// The callback runs on the pipeline's thread (the GUI thread in the app), exactly once, unless the
// `context` object was destroyed first (then it is dropped silently). Parse large bodies elsewhere.
// requestsSent() counts attempts put on the wire (a retried request counts each attempt).
// Plain http:// is refused for anything but loopback hosts unless setAllowInsecureHttp(true).

#include "azure/RetryPolicy.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace iw {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive header lookup; an empty QByteArray when absent.
QByteArray findHeader(const HttpHeaders &headers, QByteArrayView name);

struct HttpResponse
{
    int status = 0;
    QByteArray reasonPhrase;
    HttpHeaders headers;
    QByteArray body;
    int attempts = 0; // how many attempts it took
    QString clientRequestId;

    QByteArray header(QByteArrayView name) const { return findHeader(headers, name); }
};

struct HttpRequest
{
    QByteArray verb = "GET"; // any verb: GET, PUT, POST, DELETE, HEAD, MERGE, PATCH ...
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    std::chrono::milliseconds timeout { 30000 }; // per attempt, from send to the last body byte
    QString clientRequestId; // sent as x-ms-client-request-id; the pipeline makes a UUID when empty

    std::function<Status(HttpRequest &)> prepare; // per attempt, on a copy of this request
    std::function<Error(const HttpResponse &)> decodeError; // non-2xx -> Error
    // Per-request override of the pipeline's policy (e.g. RetryPolicy::none() for non-idempotent calls).
    std::optional<RetryPolicy> retryPolicy;

    void setHeader(const QByteArray &name, const QByteArray &value); // replaces (case-insensitive)
    QByteArray header(QByteArrayView name) const { return findHeader(headers, name); }
    void removeHeader(QByteArrayView name);
};

using HttpCallback = std::function<void(Result<HttpResponse>)>;

// One request in flight (all its attempts). Owned by the pipeline; deletes itself after finishing.
class HttpCall : public QObject
{
    Q_OBJECT
public:
    void cancel(); // the callback gets Error::Kind::Canceled, unless it already ran
    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempts; }
    QString clientRequestId() const { return m_request.clientRequestId; }

Q_SIGNALS:
    void finished(); // after the callback ran (or was dropped)

private:
    friend class HttpPipeline;
    explicit HttpCall(QObject *parent) : QObject(parent) { }

    HttpRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext = false;
    HttpCallback m_callback;
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timer = nullptr; // attempt timeout or backoff wait
    bool m_timedOut = false;
    bool m_finished = false;
    int m_attempts = 0;
    qint64 m_startedMs = 0;
    RetryPolicy m_policy;
};

class HttpPipeline : public QObject
{
    Q_OBJECT
public:
    explicit HttpPipeline(QObject *parent = nullptr);
    ~HttpPipeline() override; // cancels everything in flight (callbacks get Canceled)

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    void setAllowInsecureHttp(bool allow) { m_allowInsecureHttp = allow; }
    void setUserAgent(const QByteArray &ua) { m_userAgent = ua; }

    // Sends the request (asynchronously; never calls back before returning). `context` may be null.
    HttpCall *send(HttpRequest request, QObject *context, HttpCallback callback);

    void cancelAll();
    int inFlight() const { return m_calls.size(); }

    quint64 requestsSent() const { return m_requestsSent; } // attempts on the wire since creation
    quint64 retries() const { return m_retries; }

    QNetworkAccessManager *network() const { return m_nam; }

    // The fallback decoder: code from x-ms-error-code, message from the body or the reason phrase.
    static Error decodeGenericError(const HttpResponse &response);
    // Fills kind/httpStatus/retryable/ids of an Error decoded from `response` where they are unset.
    static void completeHttpError(Error &error, const HttpResponse &response);
    static bool isLoopback(const QUrl &url);

Q_SIGNALS:
    void requestSent(const QByteArray &verb, const QUrl &urlWithoutQuery, int attempt);
    void requestFinished(bool ok, int httpStatus, int attempts);

private:
    friend class HttpCall;
    void startAttempt(HttpCall *call);
    void onReplyFinished(HttpCall *call);
    void failOrRetry(HttpCall *call, Error error, std::optional<RetryPolicy::ms> retryAfter);
    void finish(HttpCall *call, Result<HttpResponse> result);

    QNetworkAccessManager *m_nam;
    RetryPolicy m_policy;
    QList<HttpCall *> m_calls;
    quint64 m_requestsSent = 0;
    quint64 m_retries = 0;
    bool m_allowInsecureHttp = false;
    QByteArray m_userAgent = QByteArrayLiteral("IngestWatch/" INGESTWATCH_VERSION);
};

} // namespace iw
