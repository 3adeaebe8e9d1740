#pragma once

#include "azure/TokenProvider.h"

#include <QDateTime>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace iw {

class HttpCall;

// Interactive sign-in in the system browser: OAuth2 authorization code with PKCE (S256) and a loopback
// redirect (RFC 8252). A QTcpServer listens on 127.0.0.1 on a random port; openBrowser() hands the
// caller the /authorize URL to open (QDesktopServices in the GUI); the authority redirects the browser to
// http://127.0.0.1:<port>/?code=...&state=...; the code is redeemed with the code_verifier at
// /{tenant}/oauth2/v2.0/token. Hand-rolled because Qt 6.4's QOAuth2AuthorizationCodeFlow has no PKCE
// (QOAuth2AuthorizationCodeFlow::setPkceMethod arrived in Qt 6.8) and Entra ID requires it for public
// clients.
//
// Like DeviceCodeTokenProvider: the access token is cached and refreshed a while before it expires
// with the refresh token (grant_type=refresh_token) when there is one; refreshTokenChanged() hands it to
// the caller for the SecretStore; the provider itself stores nothing and logs no token.
class BrowserSignInTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    BrowserSignInTokenProvider(HttpPipeline *pipeline, QUrl authority, QString tenant, QString clientId,
                               QString scope, QObject *parent = nullptr);
    ~BrowserSignInTokenProvider() override;

    void token(QObject *context, Callback callback) override;
    void invalidate() override;
    QString describe() const override;

    // Stops a sign-in in progress (closes the loopback port); waiting callers get Error::Kind::Canceled.
    void cancel();
    bool isSigningIn() const { return m_phase != Phase::Idle; }

    void setRefreshToken(const QString &refreshToken) { m_refreshToken = refreshToken; }
    QString refreshToken() const { return m_refreshToken; }
    QDateTime expiresOn() const { return m_expiresOn; }
    // How long the operator has to finish in the browser (default 5 minutes).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    QUrl authorizeEndpoint() const;
    QUrl tokenEndpoint() const;
    QUrl redirectUri() const { return m_redirect; } // valid while signing in

    // base64url(SHA-256(verifier)) without padding (RFC 7636 S256).
    static QString codeChallengeFor(const QString &verifier);

Q_SIGNALS:
    // Open this URL in the browser (the sign-in page of the authority).
    void openBrowser(const QUrl &authorizeUrl);
    void signInFinished(bool ok, const QString &message);
    void refreshTokenChanged(const QString &refreshToken);

private:
    enum class Phase { Idle, Refreshing, WaitingForBrowser, Redeeming };
    void finishWith(const Result<QString> &r);
    void startRefresh();
    void startBrowser();
    void onConnection();
    void onRedirect(QTcpSocket *socket, const QByteArray &requestLine);
    void redeem(const QString &code);
    // Takes a token answer (oauth::parseTokenAnswer); false when it holds no access token.
    bool accept(const QByteArray &body);
    void stopListening();

    QPointer<HttpPipeline> m_pipeline;
    QUrl m_authority;
    QString m_tenant;
    QString m_clientId;
    QString m_scope;
    QString m_refreshToken;
    QString m_cached;
    QDateTime m_expiresOn;
    QDateTime m_refreshAt;

    Phase m_phase = Phase::Idle;
    QTcpServer *m_server = nullptr;
    QTimer *m_timer = nullptr;
    QString m_verifier;
    QString m_state;
    QUrl m_redirect;
    std::chrono::milliseconds m_timeout { 5 * 60 * 1000 };
    QPointer<HttpCall> m_call;
    quint64 m_generation = 0;
};

} // namespace iw
