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
    qint64 authorizationCodeLifetimeSeconds = 300;
};

// The simulator's OAuth2 authority: client-credentials, device-code, authorization-code (+ PKCE S256) and
// refresh-token grants, opaque random access tokens with an expiry. The device-code and authorization-code
// grants also hand out a refresh token (single use: redeeming it returns a new one, as Entra ID rotates
// them). Pure logic with an injected clock; the HTTP side is SimulatorServer.
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
        QString refreshToken; // empty for client credentials
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

    // Authorization code + PKCE: /authorize (auto-consent) returns a code bound to the client, redirect URI
    // and S256 code challenge; the token endpoint redeems it once with the matching code_verifier.
    std::variant<QString, OAuthError> authorize(const QString &clientId, const QString &redirectUri,
                                                const QString &codeChallenge, const QString &challengeMethod);
    std::variant<Token, OAuthError> redeemAuthorizationCode(const QString &code, const QString &clientId,
                                                            const QString &redirectUri,
                                                            const QString &codeVerifier);
    // grant_type=refresh_token: a new access token and a new refresh token; the old one stops working.
    std::variant<Token, OAuthError> refresh(const QString &refreshToken);
    // Forgets every refresh token (the user's sessions were revoked).
    void revokeRefreshTokens() { m_refreshTokens.clear(); }
    int refreshTokenCount() const { return int(m_refreshTokens.size()); }

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
    struct PendingCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QDateTime expiresOn;
    };
    QHash<QString, PendingCode> m_codes;
    QHash<QString, QString> m_refreshTokens; // refresh token -> client id
    Token issueWithRefresh(const QString &clientId);
};

} // namespace iw
