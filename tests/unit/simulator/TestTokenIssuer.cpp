// The simulator's authority as pure logic: authorization code + PKCE S256 (the right verifier, a wrong
// one, a code used twice, a redirect that is not loopback, no challenge), refresh tokens (rotated: the old
// one stops working; revoked), device code tokens carrying a refresh token.
#include "simulator/TokenIssuer.h"

#include <QCryptographicHash>
#include <QTest>

using namespace iw;

namespace {

QString challenge(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// RFC 7636 appendix B's example pair.
const QString kVerifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QString kChallenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
const QString kRedirect = QStringLiteral("http://127.0.0.1:51234/");

} // namespace

class TestTokenIssuer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7636Example() { QCOMPARE(challenge(kVerifier), kChallenge); }

    void authorizationCodeWithPkce()
    {
        TokenIssuer issuer;
        auto code = issuer.authorize(QStringLiteral("app"), kRedirect, kChallenge, QStringLiteral("S256"));
        QVERIFY(std::holds_alternative<QString>(code));
        auto t = issuer.redeemAuthorizationCode(std::get<QString>(code), QStringLiteral("app"), kRedirect,
                                                kVerifier);
        QVERIFY(std::holds_alternative<TokenIssuer::Token>(t));
        const auto &token = std::get<TokenIssuer::Token>(t);
        QVERIFY(issuer.isValid(token.accessToken));
        QVERIFY(!token.refreshToken.isEmpty());
        // Single use.
        auto again = issuer.redeemAuthorizationCode(std::get<QString>(code), QStringLiteral("app"), kRedirect,
                                                    kVerifier);
        QCOMPARE(std::get<TokenIssuer::OAuthError>(again).error, QStringLiteral("invalid_grant"));
    }

    void wrongVerifierIsRefused()
    {
        TokenIssuer issuer;
        auto code = issuer.authorize(QStringLiteral("app"), kRedirect, kChallenge, QStringLiteral("S256"));
        auto t = issuer.redeemAuthorizationCode(std::get<QString>(code), QStringLiteral("app"), kRedirect,
                                                kVerifier + QLatin1Char('x'));
        QVERIFY(std::holds_alternative<TokenIssuer::OAuthError>(t));
        QVERIFY(std::get<TokenIssuer::OAuthError>(t).description.contains(QStringLiteral("Code_Verifier")));
        // The code is gone after a failed redemption too.
        auto retry = issuer.redeemAuthorizationCode(std::get<QString>(code), QStringLiteral("app"), kRedirect,
                                                    kVerifier);
        QVERIFY(std::holds_alternative<TokenIssuer::OAuthError>(retry));
    }

    void redirectAndChallengeRequired()
    {
        TokenIssuer issuer;
        auto remote = issuer.authorize(QStringLiteral("app"), QStringLiteral("http://evil.example/"),
                                       kChallenge, QStringLiteral("S256"));
        QCOMPARE(std::get<TokenIssuer::OAuthError>(remote).aadCode, 50011);
        auto plain = issuer.authorize(QStringLiteral("app"), kRedirect, kVerifier, QStringLiteral("plain"));
        QCOMPARE(std::get<TokenIssuer::OAuthError>(plain).aadCode, 9002325);
        auto code = issuer.authorize(QStringLiteral("app"), kRedirect, kChallenge, QStringLiteral("S256"));
        auto otherRedirect = issuer.redeemAuthorizationCode(std::get<QString>(code), QStringLiteral("app"),
                                                            QStringLiteral("http://127.0.0.1:1/"), kVerifier);
        QCOMPARE(std::get<TokenIssuer::OAuthError>(otherRedirect).aadCode, 70002);
    }

    void refreshTokensRotate()
    {
        TokenIssuer issuer;
        const auto d = issuer.startDeviceCode(QStringLiteral("app"));
        QVERIFY(issuer.approveUserCode(d.userCode));
        auto first = issuer.pollDeviceCode(d.deviceCode);
        const QString rt1 = std::get<TokenIssuer::Token>(first).refreshToken;
        QVERIFY(!rt1.isEmpty());
        auto second = issuer.refresh(rt1);
        QVERIFY(std::holds_alternative<TokenIssuer::Token>(second));
        const QString rt2 = std::get<TokenIssuer::Token>(second).refreshToken;
        QVERIFY(!rt2.isEmpty() && rt2 != rt1);
        QVERIFY(issuer.isValid(std::get<TokenIssuer::Token>(second).accessToken));
        QCOMPARE(std::get<TokenIssuer::OAuthError>(issuer.refresh(rt1)).error,
                 QStringLiteral("invalid_grant"));
        issuer.revokeRefreshTokens();
        QVERIFY(std::holds_alternative<TokenIssuer::OAuthError>(issuer.refresh(rt2)));
        // Client credentials never give one.
        auto cc = issuer.clientCredentials(QStringLiteral("app"), QStringLiteral("s"));
        QVERIFY(std::get<TokenIssuer::Token>(cc).refreshToken.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenIssuer)
#include "TestTokenIssuer.moc"
