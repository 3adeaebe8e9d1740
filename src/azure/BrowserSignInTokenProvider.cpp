#include "azure/BrowserSignInTokenProvider.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace iw {

namespace {

QString randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray page(int status, const QString &text)
{
    const QByteArray body = "<!doctype html><html><head><meta charset=\"utf-8\"><title>IngestWatch</title>"
                            "</head><body><p>"
        + text.toHtmlEscaped().toUtf8() + "</p></body></html>";
    return "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Bad Request")
        + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

BrowserSignInTokenProvider::BrowserSignInTokenProvider(HttpPipeline *pipeline, QUrl authority, QString tenant,
                                                       QString clientId, QString scope, QObject *parent)
    : TokenProvider(parent), m_pipeline(pipeline), m_authority(std::move(authority)),
      m_tenant(tenant.isEmpty() ? QStringLiteral("organizations") : std::move(tenant)),
      m_clientId(std::move(clientId)), m_scope(std::move(scope))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::WaitingForBrowser)
            finishWith(Error::make(Error::Kind::Timeout,
                                   QStringLiteral("The browser sign-in was not completed in time.")));
    });
}

BrowserSignInTokenProvider::~BrowserSignInTokenProvider()
{
    m_timer->stop();
    stopListening();
    if (m_call)
        m_call->cancel();
}

QUrl BrowserSignInTokenProvider::authorizeEndpoint() const
{
    return oauth::endpoint(m_authority, m_tenant, QStringLiteral("authorize"));
}

QUrl BrowserSignInTokenProvider::tokenEndpoint() const
{
    return oauth::endpoint(m_authority, m_tenant, QStringLiteral("token"));
}

QString BrowserSignInTokenProvider::describe() const
{
    return QStringLiteral("browser sign-in for %1 at %2")
        .arg(m_clientId, m_authority.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
}

QString BrowserSignInTokenProvider::codeChallengeFor(const QString &verifier)
{
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void BrowserSignInTokenProvider::invalidate()
{
    m_cached.clear();
    m_expiresOn = {};
    m_refreshAt = {};
}

void BrowserSignInTokenProvider::cancel()
{
    if (m_phase == Phase::Idle)
        return;
    finishWith(Error::make(Error::Kind::Canceled, QStringLiteral("The sign-in was cancelled.")));
}

void BrowserSignInTokenProvider::stopListening()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

void BrowserSignInTokenProvider::finishWith(const Result<QString> &r)
{
    const bool interactive = m_phase == Phase::WaitingForBrowser || m_phase == Phase::Redeeming;
    m_phase = Phase::Idle;
    ++m_generation;
    m_timer->stop();
    stopListening();
    m_verifier.clear();
    m_state.clear();
    if (m_call) {
        m_call->cancel();
        m_call = nullptr;
    }
    if (interactive)
        Q_EMIT signInFinished(r.ok(), r.ok() ? QString() : r.error().message);
    deliver(r);
}

void BrowserSignInTokenProvider::token(QObject *context, Callback callback)
{
    if (answerFromCache(m_cached, m_refreshAt, context, callback))
        return;
    enqueue(context, std::move(callback));
    if (m_phase != Phase::Idle)
        return;
    if (!m_pipeline) {
        deliver(Error::make(Error::Kind::Usage, QStringLiteral("Token provider without a pipeline.")));
        return;
    }
    if (!m_refreshToken.isEmpty())
        startRefresh();
    else
        startBrowser();
}

bool BrowserSignInTokenProvider::accept(const QByteArray &body)
{
    const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(body);
    if (!a)
        return false;
    m_cached = a->accessToken;
    m_expiresOn = a->expiresOn;
    m_refreshAt = a->refreshAt;
    if (!a->refreshToken.isEmpty() && a->refreshToken != m_refreshToken) {
        m_refreshToken = a->refreshToken;
        Q_EMIT refreshTokenChanged(m_refreshToken);
    }
    return true;
}

void BrowserSignInTokenProvider::startRefresh()
{
    m_phase = Phase::Refreshing;
    const HttpRequest req = oauth::refreshTokenRequest(tokenEndpoint(), m_clientId, m_refreshToken, m_scope);
    m_call = m_pipeline->send(req, this, [this, gen = m_generation](Result<HttpResponse> r) {
        if (gen != m_generation || m_phase != Phase::Refreshing)
            return;
        m_call = nullptr;
        if (r && accept(r->body)) {
            finishWith(m_cached);
            return;
        }
        if (!r && oauth::unreachable(r.error())) {
            finishWith(r.error());
            return;
        }
        // Refused (expired, revoked): forget it and ask the operator again.
        m_refreshToken.clear();
        Q_EMIT refreshTokenChanged(QString());
        startBrowser();
    });
}

void BrowserSignInTokenProvider::startBrowser()
{
    m_phase = Phase::WaitingForBrowser;
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        const QString why = m_server->errorString();
        finishWith(
            Error::make(Error::Kind::Network,
                        QStringLiteral("Cannot open a loopback port for the browser sign-in: %1").arg(why)));
        return;
    }
    connect(m_server, &QTcpServer::newConnection, this, &BrowserSignInTokenProvider::onConnection);
    m_redirect = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort()));
    m_verifier = randomUrlSafe(48); // 64 characters, within RFC 7636's 43..128
    m_state = randomUrlSafe(16);
    QUrlQuery q;
    const auto add = [&q](const char *k, const QString &v) {
        q.addQueryItem(QLatin1String(k), QString::fromLatin1(QUrl::toPercentEncoding(v)));
    };
    add("client_id", m_clientId);
    add("response_type", QStringLiteral("code"));
    add("redirect_uri", m_redirect.toString());
    add("response_mode", QStringLiteral("query"));
    add("scope", m_scope);
    add("state", m_state);
    add("code_challenge", codeChallengeFor(m_verifier));
    add("code_challenge_method", QStringLiteral("S256"));
    add("prompt", QStringLiteral("select_account"));
    QUrl url = authorizeEndpoint();
    url.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    m_timer->start(m_timeout);
    Q_EMIT openBrowser(url);
}

void BrowserSignInTokenProvider::onConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *s = m_server->nextPendingConnection();
        s->setParent(this); // outlives the server, which closes as soon as the answer came
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
            buffer->append(s->readAll());
            if (buffer->size() > 64 * 1024) { // not a browser's redirect
                s->abort();
                return;
            }
            const qsizetype end = buffer->indexOf("\r\n");
            if (end < 0 || !buffer->contains("\r\n\r\n"))
                return;
            const QByteArray line = buffer->left(end);
            buffer->clear();
            onRedirect(s, line);
        });
    }
}

void BrowserSignInTokenProvider::onRedirect(QTcpSocket *socket, const QByteArray &requestLine)
{
    // "GET /?code=...&state=... HTTP/1.1"
    const QList<QByteArray> parts = requestLine.split(' ');
    const QUrl target = parts.size() >= 2 ? QUrl(QString::fromLatin1(parts.at(1))) : QUrl();
    const QUrlQuery q(target);
    const auto value = [&q](const char *k) {
        return q.queryItemValue(QLatin1String(k), QUrl::FullyDecoded);
    };
    const QString code = value("code");
    const QString error = value("error");
    if (m_phase != Phase::WaitingForBrowser || target.path() != QLatin1String("/")
        || (code.isEmpty() && error.isEmpty())) {
        socket->write(page(400, QStringLiteral("This page only takes the sign-in answer.")));
        socket->disconnectFromHost();
        return; // a favicon or a stray request: keep waiting
    }
    if (value("state") != m_state) {
        socket->write(page(400, QStringLiteral("The sign-in answer does not belong to this sign-in.")));
        socket->disconnectFromHost();
        return; // not ours (CSRF protection): keep waiting for the real one
    }
    if (!error.isEmpty()) {
        const QString description = value("error_description");
        socket->write(page(200,
                           QStringLiteral("The sign-in failed: %1. You can close this page.")
                               .arg(description.isEmpty() ? error : description)));
        socket->disconnectFromHost();
        finishWith(Error::make(
            Error::Kind::Auth,
            error == QLatin1String("access_denied")
                ? QStringLiteral("The sign-in was declined.")
                : QStringLiteral("The sign-in failed: %1").arg(description.isEmpty() ? error : description)));
        return;
    }
    socket->write(page(200, QStringLiteral("Signed in to IngestWatch. You can close this page.")));
    socket->disconnectFromHost();
    stopListening();
    m_timer->stop();
    redeem(code);
}

void BrowserSignInTokenProvider::redeem(const QString &code)
{
    m_phase = Phase::Redeeming;
    const QByteArray body = oauth::formField("grant_type", QStringLiteral("authorization_code")) + '&'
        + oauth::formField("client_id", m_clientId) + '&' + oauth::formField("code", code) + '&'
        + oauth::formField("redirect_uri", m_redirect.toString()) + '&'
        + oauth::formField("code_verifier", m_verifier) + '&' + oauth::formField("scope", m_scope);
    m_call = m_pipeline->send(
        oauth::formRequest(tokenEndpoint(), body), this, [this, gen = m_generation](Result<HttpResponse> r) {
            if (gen != m_generation || m_phase != Phase::Redeeming)
                return;
            m_call = nullptr;
            if (!r) {
                Error e = r.error();
                if (e.kind == Error::Kind::Http)
                    e.kind = Error::Kind::Auth;
                e.message = QStringLiteral("The sign-in code was not accepted: %1").arg(e.message);
                finishWith(e);
                return;
            }
            if (!accept(r->body)) {
                finishWith(Error::make(Error::Kind::Auth,
                                       QStringLiteral("The sign-in authority returned no access_token.")));
                return;
            }
            finishWith(m_cached);
        });
}

} // namespace iw
