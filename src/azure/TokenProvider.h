#pragma once

#include "azure/HttpPipeline.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace iw {

// Where bearer tokens for the Kusto endpoint come from. Asynchronous: a provider may have to ask an
// authority (client credentials today; Azure CLI and device code later). The callback runs once, on the
// provider's thread, unless `context` was destroyed first. Tokens are secrets: never log them.
// The OAuth 2.0 (v2.0 endpoint) pieces every provider here shares.
namespace oauth {
// <authority>/<tenant>/oauth2/v2.0/<leaf>, leaf = token, devicecode or authorize.
QUrl endpoint(const QUrl &authority, const QString &tenant, const QString &leaf);
// An error answer of the authority ({"error", "error_description"}) as an Auth error; 5xx and 429 retryable.
Error decodeError(const HttpResponse &resp);
// One application/x-www-form-urlencoded field: key=percent-encoded value.
QByteArray formField(const char *key, const QString &value);
// A POST of form fields (formField, joined with '&') to an authority endpoint (token, devicecode) that
// answers JSON; its error answers are decoded by decodeError.
HttpRequest formRequest(const QUrl &url, const QByteArray &body);
// The refresh_token grant: a new access token (and often a new refresh token) without the operator.
HttpRequest refreshTokenRequest(const QUrl &tokenEndpoint, const QString &clientId,
                                const QString &refreshToken, const QString &scope);
// After a refresh_token grant failed: true when the authority was not reached (network, timeout,
// cancelled), so asking the operator to sign in again would not help; false when it refused the token
// (expired, revoked, password changed).
bool unreachable(const Error &e);

// A JSON member that is an integer, as a number or as a string ("3599"); `fallback` when absent or not one.
qint64 integerMember(const QJsonObject &o, const char *key, qint64 fallback);

// A token endpoint's answer: {"access_token", "expires_in", "refresh_token"}.
struct TokenAnswer
{
    QString accessToken;
    QString refreshToken; // empty when the authority sent none
    QDateTime expiresOn;
    // When to get a new one: 5 minutes before it expires, or half-way for short-lived tokens.
    QDateTime refreshAt;
};
// Reads the answer received at `now` (expires_in 3600 when absent or unreadable); an Auth error when it
// holds no access token.
Result<TokenAnswer> parseTokenAnswer(const QByteArray &body,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());
} // namespace oauth

class TokenProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QString>)>;
    using QObject::QObject;

    virtual void token(QObject *context, Callback callback) = 0;
    // The service rejected the last token (401): forget any cached one.
    virtual void invalidate() { }
    virtual QString describe() const = 0; // for the operator, without secrets

protected:
    // Shared by the providers that cache a token and make concurrent callers wait for one acquisition.
    // Answers `callback` with `cached` on the next event-loop turn when it is valid (now < validUntil);
    // returns false (and does nothing) otherwise.
    bool answerFromCache(const QString &cached, const QDateTime &validUntil, QObject *context,
                         const Callback &callback);
    // Queues a caller until deliver(); returns the number of callers now waiting.
    qsizetype enqueue(QObject *context, Callback callback);
    // Answers every queued caller whose context (if it had one) still exists, and empties the queue.
    void deliver(const Result<QString> &r);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        Callback callback;
    };
    QList<Waiter> m_waiting;
};

// A fixed token (tests, the simulator's printed token, a token pasted by the operator).
class StaticTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    explicit StaticTokenProvider(QString token, QObject *parent = nullptr);
    void token(QObject *context, Callback callback) override;
    QString describe() const override { return QStringLiteral("static token"); }

private:
    QString m_token;
};

// OAuth2 client credentials against a v2.0 token endpoint
// (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token, or the simulator's). Caches the token
// until a minute before it expires; concurrent callers share one request.
class ClientCredentialsTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    ClientCredentialsTokenProvider(HttpPipeline *pipeline, QUrl tokenEndpoint, QString clientId,
                                   QString clientSecret, QString scope, QObject *parent = nullptr);
    void token(QObject *context, Callback callback) override;
    void invalidate() override;
    QString describe() const override;

    // Token endpoint of a tenant on an authority host ("https://login.microsoftonline.com").
    static QUrl tokenEndpointFor(const QUrl &authority, const QString &tenant);

    // With an empty scope, the scope is "<resource>/.default" where the resource comes from
    // `<kustoEndpoint>/v1/rest/auth/metadata` (AuthMetadata), read once before the first token; without
    // an endpoint, or when the endpoint has no metadata, https://kusto.kusto.windows.net.
    void setResourceDiscovery(const QUrl &kustoEndpoint) { m_discoveryEndpoint = kustoEndpoint; }
    QString scope() const { return m_scope; }

private:
    void requestToken();

    QPointer<HttpPipeline> m_pipeline;
    QUrl m_endpoint;
    QString m_clientId;
    QString m_clientSecret;
    QString m_scope;
    QUrl m_discoveryEndpoint;
    QString m_cached;
    QDateTime m_expiresOn;
};

} // namespace iw
