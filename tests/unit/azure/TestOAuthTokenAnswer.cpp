// The token answer and refresh grant every interactive sign-in shares (oauth:: in TokenProvider.h): what
// the device code and browser providers cache, when they refresh, and the request they refresh with.
#include "azure/TokenProvider.h"

#include <QTest>
#include <QUrlQuery>

using namespace iw;

class TestOAuthTokenAnswer : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);

private Q_SLOTS:
    void expiresIn_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("expiresIn");
        QTest::addColumn<qint64>("refreshAfter");
        QTest::newRow("number") << QByteArray(R"({"access_token":"at","expires_in":3599})") << qint64(3599)
                                << qint64(3599 - 300);
        QTest::newRow("string") << QByteArray(R"({"access_token":"at","expires_in":"3600"})") << qint64(3600)
                                << qint64(3300);
        QTest::newRow("missing") << QByteArray(R"({"access_token":"at"})") << qint64(3600) << qint64(3300);
        QTest::newRow("unreadable") << QByteArray(R"({"access_token":"at","expires_in":"soon"})")
                                    << qint64(3600) << qint64(3300);
        // Short-lived: refreshed half-way, not 5 minutes before (which would be in the past).
        QTest::newRow("short-lived") << QByteArray(R"({"access_token":"at","expires_in":120})") << qint64(120)
                                     << qint64(60);
        QTest::newRow("negative") << QByteArray(R"({"access_token":"at","expires_in":-5})") << qint64(0)
                                  << qint64(0);
    }
    void expiresIn()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, expiresIn);
        QFETCH(qint64, refreshAfter);
        const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(body, m_now);
        QVERIFY(a.ok());
        QCOMPARE(a->accessToken, QStringLiteral("at"));
        QCOMPARE(a->expiresOn, m_now.addSecs(expiresIn));
        QCOMPARE(a->refreshAt, m_now.addSecs(refreshAfter));
        QVERIFY(a->refreshToken.isEmpty());
    }

    void refreshToken()
    {
        const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(
            R"({"token_type":"Bearer","access_token":"at-2","expires_in":3600,"refresh_token":"rt-2"})",
            m_now);
        QVERIFY(a.ok());
        QCOMPARE(a->accessToken, QStringLiteral("at-2"));
        QCOMPARE(a->refreshToken, QStringLiteral("rt-2"));
    }

    void noAccessTokenIsAnAuthError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("error answer") << QByteArray(R"({"error":"authorization_pending"})");
        QTest::newRow("empty token") << QByteArray(R"({"access_token":"","refresh_token":"rt"})");
        QTest::newRow("not json") << QByteArray("<html>proxy login</html>");
        QTest::newRow("empty") << QByteArray();
    }
    void noAccessTokenIsAnAuthError()
    {
        QFETCH(QByteArray, body);
        const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(body, m_now);
        QVERIFY(!a.ok());
        QCOMPARE(Error::kindName(a.error().kind), Error::kindName(Error::Kind::Auth));
        QVERIFY2(a.error().message.contains(QLatin1String("access_token")), qPrintable(a.error().message));
    }

    void refreshTokenRequest()
    {
        const QUrl endpoint(QStringLiteral("https://login.example/t/oauth2/v2.0/token"));
        const HttpRequest req = oauth::refreshTokenRequest(
            endpoint, QStringLiteral("app id"), QStringLiteral("rt+/="), QStringLiteral("s/.default"));
        QCOMPARE(req.verb, QByteArray("POST"));
        QCOMPARE(req.url, endpoint);
        QVERIFY(req.decodeError);
        const QUrlQuery form(QString::fromLatin1(req.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded),
                 QStringLiteral("app id"));
        QCOMPARE(form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded),
                 QStringLiteral("rt+/="));
        QCOMPARE(form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("s/.default"));
    }

    void unreachableOrRefused()
    {
        for (const Error::Kind k : { Error::Kind::Network, Error::Kind::Timeout, Error::Kind::Canceled })
            QVERIFY(oauth::unreachable(Error::make(k, QStringLiteral("x"))));
        for (const Error::Kind k : { Error::Kind::Auth, Error::Kind::Http, Error::Kind::Parse })
            QVERIFY(!oauth::unreachable(Error::make(k, QStringLiteral("x"))));
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokenAnswer)
#include "TestOAuthTokenAnswer.moc"
