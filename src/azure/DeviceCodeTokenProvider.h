#pragma once

#include "azure/TokenProvider.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTimer;

namespace iw {

class HttpCall;

// OAuth2 device code sign-in against a v2.0 authority (https://login.microsoftonline.com or the
// simulator): POST /{tenant}/oauth2/v2.0/devicecode, then deviceCodeReady() tells the GUI what to show
// (the code and the page to enter it on), then /{tenant}/oauth2/v2.0/token is polled at the server's
// interval (authorization_pending: wait; slow_down: interval + 5 s; expired_token, access_denied: a clear
// error) until the operator signs in or cancel() is called. The access token is cached until shortly
// before it expires; after that a refresh token (when the authority gave one, or the caller restored one
// with setRefreshToken()) is used silently (grant_type=refresh_token) before falling back to a new device
// code. The provider never stores secrets: refreshTokenChanged() hands the refresh token to the caller,
// whose job it is to keep it in the SecretStore. Tokens are never logged.
class DeviceCodeTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    DeviceCodeTokenProvider(HttpPipeline *pipeline, QUrl authority, QString tenant, QString clientId,
                            QString scope, QObject *parent = nullptr);
    ~DeviceCodeTokenProvider() override;

    void token(QObject *context, Callback callback) override;
    void invalidate() override;
    QString describe() const override;

    // Stops a sign-in in progress: no more polls; waiting callers get Error::Kind::Canceled.
    void cancel();
    bool isSigningIn() const { return m_phase != Phase::Idle; }

    void setRefreshToken(const QString &refreshToken) { m_refreshToken = refreshToken; }
    QString refreshToken() const { return m_refreshToken; }
    QDateTime expiresOn() const { return m_expiresOn; }
    // Lower bound of the poll interval (default 1 s); the server's interval wins when larger.
    void setMinimumPollInterval(std::chrono::milliseconds ms) { m_minInterval = ms; }

    QUrl deviceCodeEndpoint() const;
    QUrl tokenEndpoint() const;

Q_SIGNALS:
    // Show `userCode` and `verificationUri` (with copy buttons) and `message` (the authority's sentence).
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QString &message,
                         qint64 expiresInSeconds);
    // The sign-in ended: ok, or the message the operator should read.
    void signInFinished(bool ok, const QString &message);
    // A new refresh token (or an empty one when it stopped working): keep it in the SecretStore.
    void refreshTokenChanged(const QString &refreshToken);

private:
    enum class Phase { Idle, Refreshing, RequestingCode, Polling };
    void finishWith(const Result<QString> &r);
    void startRefresh();
    void startDeviceCode();
    void poll();
    void schedulePoll();
    // Takes a token answer (oauth::parseTokenAnswer); false when it holds no access token.
    bool accept(const QByteArray &body);

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
    QString m_deviceCode;
    QDateTime m_codeExpiresOn;
    qint64 m_intervalMs = 5000;
    std::chrono::milliseconds m_minInterval { 1000 };
    QTimer *m_pollTimer = nullptr;
    QPointer<HttpCall> m_call;
    quint64 m_generation = 0;
};

} // namespace iw
