#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <variant>

namespace iw {

struct TokenIssuerConfig
{
    qint64 lifetimeSeconds = 3600;
    QString clientId; // when set, only this client id is accepted
    QString clientSecret; // when set, only this secret is accepted
    int deviceCodePendingPolls = 1; // polls answered authorization_pending before approval
    qint64 deviceCodeLifetimeSeconds = 900;
};

// The simulator's OAuth2 authority: client-credentials and device-code grants, opaque random access
// tokens with an expiry. Pure logic with an injected clock; the HTTP side is SimulatorServer.
class TokenIssuer
{
public:
    using Clock = std::function<QDateTime()>;
    using Config = TokenIssuerConfig;
    struct Token
    {
        QString accessToken;
        QDateTime expiresOn;
        qint64 expiresIn = 0; // seconds
    };
    struct DeviceCode
    {
        QString deviceCode;
        QString userCode;
        qint64 expiresIn = 0;
        int interval = 1;
    };
    // OAuth2 error: `error` (invalid_client, authorization_pending, expired_token, ...) + description.
    struct OAuthError
    {
        QString error;
        QString description;
        int aadCode = 0;
    };

    explicit TokenIssuer(Config config = {}, Clock clock = {});

    std::variant<Token, OAuthError> clientCredentials(const QString &clientId, const QString &clientSecret);
    DeviceCode startDeviceCode(const QString &clientId);
    std::variant<Token, OAuthError> pollDeviceCode(const QString &deviceCode);
    bool approveUserCode(const QString &userCode); // what a user would do in the browser

    bool isValid(const QString &accessToken) const; // known and not expired
    Token issue(); // a valid token without any grant (tests, --print-token)
    // Forgets every issued token (a key rollover): the next call with an old token gets 401.
    void revokeAll() { m_tokens.clear(); }

private:
    QDateTime now() const;
    struct PendingDevice
    {
        QString userCode;
        QDateTime expiresOn;
        int polls = 0;
        bool approved = false;
    };
    Config m_config;
    Clock m_clock;
    QHash<QString, QDateTime> m_tokens;
    QHash<QString, PendingDevice> m_devices;
};

} // namespace iw
