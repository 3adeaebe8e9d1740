#include "simulator/TokenIssuer.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrl>

namespace iw {

namespace {

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString userCode()
{
    static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ";
    QString out;
    for (int i = 0; i < 9; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]));
    return out;
}

} // namespace

TokenIssuer::TokenIssuer(Config config, Clock clock) : m_config(std::move(config)), m_clock(std::move(clock))
{ }

QDateTime TokenIssuer::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

TokenIssuer::Token TokenIssuer::issue()
{
    Token t;
    t.accessToken = randomToken(32);
    t.expiresIn = m_config.lifetimeSeconds;
    t.expiresOn = now().addSecs(m_config.lifetimeSeconds);
    m_tokens.insert(t.accessToken, t.expiresOn);
    return t;
}

std::variant<TokenIssuer::Token, TokenIssuer::OAuthError>
TokenIssuer::clientCredentials(const QString &clientId, const QString &clientSecret)
{
    if (clientId.isEmpty())
        return OAuthError { QStringLiteral("invalid_request"),
                            QStringLiteral(
                                "AADSTS900144: The request body must contain the following parameter: "
                                "'client_id'."),
                            900144 };
    if (!m_config.clientId.isEmpty() && clientId != m_config.clientId)
        return OAuthError { QStringLiteral("unauthorized_client"),
                            QStringLiteral(
                                "AADSTS700016: Application with identifier '%1' was not found in the "
                                "directory.")
                                .arg(clientId),
                            700016 };
    if (clientSecret.isEmpty() || (!m_config.clientSecret.isEmpty() && clientSecret != m_config.clientSecret))
        return OAuthError { QStringLiteral("invalid_client"),
                            QStringLiteral("AADSTS7000215: Invalid client secret provided. Ensure the secret "
                                           "being sent in the request is the client secret value."),
                            7000215 };
    return issue();
}

TokenIssuer::DeviceCode TokenIssuer::startDeviceCode(const QString &)
{
    DeviceCode d;
    d.deviceCode = randomToken(24);
    d.userCode = userCode();
    d.expiresIn = m_config.deviceCodeLifetimeSeconds;
    d.interval = 1;
    m_devices.insert(d.deviceCode, PendingDevice { d.userCode, now().addSecs(d.expiresIn), 0, false });
    return d;
}

bool TokenIssuer::approveUserCode(const QString &code)
{
    for (auto it = m_devices.begin(); it != m_devices.end(); ++it) {
        if (it->userCode.compare(code.trimmed(), Qt::CaseInsensitive) == 0) {
            it->approved = true;
            return true;
        }
    }
    return false;
}

std::variant<TokenIssuer::Token, TokenIssuer::OAuthError>
TokenIssuer::pollDeviceCode(const QString &deviceCode)
{
    auto it = m_devices.find(deviceCode);
    if (it == m_devices.end())
        return OAuthError { QStringLiteral("invalid_grant"),
                            QStringLiteral("AADSTS70000: The provided device code is invalid."), 70000 };
    if (it->expiresOn <= now()) {
        m_devices.erase(it);
        return OAuthError { QStringLiteral("expired_token"),
                            QStringLiteral("AADSTS70019: Verification code expired."), 70019 };
    }
    if (!it->approved && ++it->polls <= m_config.deviceCodePendingPolls)
        return OAuthError { QStringLiteral("authorization_pending"),
                            QStringLiteral(
                                "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. "
                                "Continue polling."),
                            70016 };
    m_devices.erase(it);
    return issueWithRefresh(QString());
}

TokenIssuer::Token TokenIssuer::issueWithRefresh(const QString &clientId)
{
    Token t = issue();
    t.refreshToken = randomToken(48);
    m_refreshTokens.insert(t.refreshToken, clientId);
    return t;
}

std::variant<QString, TokenIssuer::OAuthError> TokenIssuer::authorize(const QString &clientId,
                                                                      const QString &redirectUri,
                                                                      const QString &codeChallenge,
                                                                      const QString &challengeMethod)
{
    if (clientId.isEmpty())
        return OAuthError { QStringLiteral("invalid_request"),
                            QStringLiteral("AADSTS900144: The request body must contain the following "
                                           "parameter: 'client_id'."),
                            900144 };
    if (!m_config.clientId.isEmpty() && clientId != m_config.clientId)
        return OAuthError { QStringLiteral("unauthorized_client"),
                            QStringLiteral("AADSTS700016: Application with identifier '%1' was not found in "
                                           "the directory.")
                                .arg(clientId),
                            700016 };
    const QUrl redirect(redirectUri);
    if (!redirect.isValid() || redirect.scheme() != QLatin1String("http")
        || (redirect.host() != QLatin1String("127.0.0.1") && redirect.host() != QLatin1String("localhost")))
        return OAuthError { QStringLiteral("invalid_request"),
                            QStringLiteral("AADSTS50011: The redirect URI '%1' does not match the redirect "
                                           "URIs configured for the application.")
                                .arg(redirectUri),
                            50011 };
    if (codeChallenge.isEmpty() || challengeMethod != QLatin1String("S256"))
        return OAuthError { QStringLiteral("invalid_request"),
                            QStringLiteral("AADSTS9002325: Proof Key for Code Exchange is required for "
                                           "cross-origin authorization code redemption (S256)."),
                            9002325 };
    const QString code = randomToken(32);
    m_codes.insert(code,
                   PendingCode { clientId, redirectUri, codeChallenge,
                                 now().addSecs(m_config.authorizationCodeLifetimeSeconds) });
    return code;
}

std::variant<TokenIssuer::Token, TokenIssuer::OAuthError>
TokenIssuer::redeemAuthorizationCode(const QString &code, const QString &clientId, const QString &redirectUri,
                                     const QString &codeVerifier)
{
    const auto it = m_codes.constFind(code);
    if (it == m_codes.constEnd() || it->expiresOn <= now())
        return OAuthError { QStringLiteral("invalid_grant"),
                            QStringLiteral(
                                "AADSTS70008: The provided authorization code or refresh token has "
                                "expired due to inactivity."),
                            70008 };
    const PendingCode pending = *it;
    m_codes.remove(code); // single use, even when the redemption fails
    if (pending.clientId != clientId || pending.redirectUri != redirectUri)
        return OAuthError { QStringLiteral("invalid_grant"),
                            QStringLiteral("AADSTS70002: The client id or redirect URI does not match the "
                                           "authorization request."),
                            70002 };
    const QByteArray hash = QCryptographicHash::hash(codeVerifier.toLatin1(), QCryptographicHash::Sha256);
    const QString expected
        = QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (codeVerifier.isEmpty() || expected != pending.challenge)
        return OAuthError { QStringLiteral("invalid_grant"),
                            QStringLiteral(
                                "AADSTS501481: The Code_Verifier does not match the code_challenge "
                                "supplied in the authorization request."),
                            501481 };
    return issueWithRefresh(clientId);
}

std::variant<TokenIssuer::Token, TokenIssuer::OAuthError> TokenIssuer::refresh(const QString &refreshToken)
{
    const auto it = m_refreshTokens.constFind(refreshToken);
    if (refreshToken.isEmpty() || it == m_refreshTokens.constEnd())
        return OAuthError { QStringLiteral("invalid_grant"),
                            QStringLiteral(
                                "AADSTS70008: The provided authorization code or refresh token has "
                                "expired due to inactivity."),
                            70008 };
    const QString clientId = it.value();
    m_refreshTokens.remove(refreshToken); // rotated: the old one is used up
    return issueWithRefresh(clientId);
}

bool TokenIssuer::isValid(const QString &accessToken) const
{
    const auto it = m_tokens.constFind(accessToken);
    return it != m_tokens.constEnd() && it.value() > now();
}

} // namespace iw
