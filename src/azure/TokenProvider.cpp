#include "azure/TokenProvider.h"

#include "azure/AuthMetadata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace iw {

bool TokenProvider::answerFromCache(const QString &cached, const QDateTime &validUntil, QObject *context,
                                    const Callback &callback)
{
    if (cached.isEmpty() || QDateTime::currentDateTimeUtc() >= validUntil)
        return false;
    QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    QTimer::singleShot(0, this, [ctx, hadContext, callback, cached] {
        if (!hadContext || ctx)
            callback(cached);
    });
    return true;
}

qsizetype TokenProvider::enqueue(QObject *context, Callback callback)
{
    m_waiting.append(Waiter { QPointer<QObject>(context), context != nullptr, std::move(callback) });
    return m_waiting.size();
}

void TokenProvider::deliver(const Result<QString> &r)
{
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (const Waiter &w : waiting) {
        if (w.hadContext && !w.context)
            continue;
        w.callback(r);
    }
}

StaticTokenProvider::StaticTokenProvider(QString token, QObject *parent)
    : TokenProvider(parent), m_token(std::move(token))
{ }

void StaticTokenProvider::token(QObject *context, Callback callback)
{
    QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    const QString t = m_token;
    QTimer::singleShot(0, this, [ctx, hadContext, callback, t] {
        if (hadContext && !ctx)
            return;
        if (t.isEmpty())
            callback(Error::make(Error::Kind::Auth, QStringLiteral("No token configured.")));
        else
            callback(t);
    });
}

ClientCredentialsTokenProvider::ClientCredentialsTokenProvider(HttpPipeline *pipeline, QUrl tokenEndpoint,
                                                               QString clientId, QString clientSecret,
                                                               QString scope, QObject *parent)
    : TokenProvider(parent), m_pipeline(pipeline), m_endpoint(std::move(tokenEndpoint)),
      m_clientId(std::move(clientId)), m_clientSecret(std::move(clientSecret)), m_scope(std::move(scope))
{ }

QUrl oauth::endpoint(const QUrl &authority, const QString &tenant, const QString &leaf)
{
    QUrl u = authority;
    QString path = u.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/") + leaf);
    return u;
}

Error oauth::decodeError(const HttpResponse &resp)
{
    const QJsonObject o = QJsonDocument::fromJson(resp.body).object();
    Error e = Error::make(Error::Kind::Auth, o.value(QStringLiteral("error_description")).toString());
    e.code = o.value(QStringLiteral("error")).toString();
    if (e.message.isEmpty())
        e.message = QStringLiteral("The sign-in authority answered HTTP %1.").arg(resp.status);
    e.httpStatus = resp.status;
    e.retryable = resp.status >= 500 || resp.status == 429;
    return e;
}

QByteArray oauth::formField(const char *key, const QString &value)
{
    return QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
}

HttpRequest oauth::formRequest(const QUrl &url, const QByteArray &body)
{
    HttpRequest req;
    req.verb = "POST";
    req.url = url;
    req.setHeader("Content-Type", "application/x-www-form-urlencoded");
    req.setHeader("Accept", "application/json");
    req.body = body;
    req.decodeError = decodeError;
    return req;
}

HttpRequest oauth::refreshTokenRequest(const QUrl &tokenEndpoint, const QString &clientId,
                                       const QString &refreshToken, const QString &scope)
{
    return formRequest(tokenEndpoint,
                       formField("grant_type", QStringLiteral("refresh_token")) + '&'
                           + formField("client_id", clientId) + '&' + formField("refresh_token", refreshToken)
                           + '&' + formField("scope", scope));
}

bool oauth::unreachable(const Error &e)
{
    return e.kind == Error::Kind::Network || e.kind == Error::Kind::Timeout
        || e.kind == Error::Kind::Canceled;
}

qint64 oauth::integerMember(const QJsonObject &o, const char *key, qint64 fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return qint64(v.toDouble());
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok ? n : fallback;
}

Result<oauth::TokenAnswer> oauth::parseTokenAnswer(const QByteArray &body, const QDateTime &now)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    TokenAnswer a;
    a.accessToken = o.value(QStringLiteral("access_token")).toString();
    if (a.accessToken.isEmpty())
        return Error::make(Error::Kind::Auth,
                           QStringLiteral("The sign-in authority returned no access_token."));
    const qint64 expiresIn = std::max<qint64>(0, integerMember(o, "expires_in", 3600));
    a.expiresOn = now.addSecs(expiresIn);
    a.refreshAt = now.addSecs(expiresIn - std::min<qint64>(300, expiresIn / 2));
    a.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    return a;
}

QUrl ClientCredentialsTokenProvider::tokenEndpointFor(const QUrl &authority, const QString &tenant)
{
    return oauth::endpoint(authority, tenant, QStringLiteral("token"));
}

QString ClientCredentialsTokenProvider::describe() const
{
    return QStringLiteral("client credentials for %1 at %2")
        .arg(m_clientId, m_endpoint.toString(QUrl::RemoveQuery));
}

void ClientCredentialsTokenProvider::invalidate()
{
    m_cached.clear();
    m_expiresOn = {};
}

void ClientCredentialsTokenProvider::token(QObject *context, Callback callback)
{
    if (answerFromCache(m_cached, m_expiresOn, context, callback))
        return;
    const qsizetype waiting = enqueue(context, std::move(callback));
    if (waiting > 1)
        return; // a request is already on its way
    if (!m_pipeline) {
        deliver(Error::make(Error::Kind::Usage, QStringLiteral("Token provider without a pipeline.")));
        return;
    }
    if (!m_scope.isEmpty()) {
        requestToken();
    } else if (m_discoveryEndpoint.isEmpty()) {
        m_scope = AuthMetadata::scopeFor(AuthMetadata::defaultResource());
        requestToken();
    } else {
        AuthMetadata::fetch(m_pipeline, m_discoveryEndpoint, this, [this](Result<AuthMetadata> m) {
            if (!m) {
                Error e = m.error();
                if (e.kind == Error::Kind::Http || e.kind == Error::Kind::Parse)
                    e.kind = Error::Kind::Auth;
                deliver(e);
                return;
            }
            m_scope = m->scope();
            requestToken();
        });
    }
}

void ClientCredentialsTokenProvider::requestToken()
{
    if (!m_pipeline) {
        deliver(Error::make(Error::Kind::Usage, QStringLiteral("Token provider without a pipeline.")));
        return;
    }
    using oauth::formField;
    QByteArray body = formField("grant_type", QStringLiteral("client_credentials")) + '&'
        + formField("client_id", m_clientId) + '&' + formField("client_secret", m_clientSecret) + '&'
        + formField("scope", m_scope);
    m_pipeline->send(oauth::formRequest(m_endpoint, body), this, [this](Result<HttpResponse> r) {
        if (!r) {
            Error e = r.error();
            if (e.kind == Error::Kind::Http)
                e.kind = Error::Kind::Auth;
            deliver(e);
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(r->body, now);
        if (!a) {
            deliver(a.error());
            return;
        }
        const QString token = a->accessToken;
        m_cached = token;
        m_expiresOn = std::max(now, a->expiresOn.addSecs(-60));
        deliver(token);
    });
}

} // namespace iw
