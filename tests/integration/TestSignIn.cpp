// Every sign-in method behind ProfileTokenProvider (what Session and the Test button use), against the
// simulator's OAuth2 authority in process: device code end to end with the refresh token kept in the
// SecretStore and used silently on the next start; the browser sign-in (authorization code + PKCE S256,
// loopback redirect) with this test acting as the browser; the service principal's secret read from the
// SecretStore; the Azure CLI missing, and a fake `az` on PATH (a test double of an external program: the
// real CLI needs an Azure account); Session wiring (device code announced through the Session).
#include "azure/BrowserSignInTokenProvider.h"
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "monitor/OperationBackend.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"
#include "monitor/Session.h"
#include "simulator/SimulatorServer.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace iw;

namespace {

template<typename T>
Result<T> waitFor(std::optional<Result<T>> &slot, int ms = 20000)
{
    if (!QTest::qWaitFor([&slot] { return slot.has_value(); }, ms))
        return Error::make(Error::Kind::Timeout, QStringLiteral("test: no callback"));
    return *slot;
}

Result<QString> tokenFrom(TokenProvider &p, int ms = 20000)
{
    std::optional<Result<QString>> got;
    QObject context;
    p.token(&context, [&got](Result<QString> r) { got.emplace(std::move(r)); });
    return waitFor(got, ms);
}

Result<QString> readSecret(SecretStore &s, const QString &k)
{
    std::optional<Result<QString>> got;
    s.read(k, [&got](Result<QString> r) { got.emplace(std::move(r)); });
    return waitFor(got);
}

QString secretOr(SecretStore &s, const QString &k, const QString &fallback)
{
    const Result<QString> r = readSecret(s, k);
    return r.ok() ? r.value() : fallback;
}

QString why(const Result<QString> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimulatorServer> m_sim;
    std::unique_ptr<HttpPipeline> m_pipeline;
    QNetworkAccessManager m_browser;

    ConnectionProfile profile(SignInMethod m) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("sim %1").arg(toString(m));
        p.clusterUrl = m_sim->baseUrl();
        p.signIn = m;
        p.tenantId = QStringLiteral("tenant-a");
        p.clientId = QStringLiteral("app");
        p.authorityUrl = m_sim->baseUrl();
        return p;
    }
    // What the operator does in the browser for the device code.
    bool approve(const QUrl &verificationUri, const QString &userCode)
    {
        QUrl u = verificationUri;
        u.setQuery(QStringLiteral("code=") + userCode);
        QNetworkReply *reply = m_browser.get(QNetworkRequest(u));
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        const bool ok = done && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }
    // The browser: opens the authorize URL and follows the authority's redirect to the loopback port.
    QByteArray browse(const QUrl &url, QUrl *finalUrl = nullptr)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_browser.get(req);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return "<browser timed out>";
        if (finalUrl)
            *finalUrl = reply->url();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private Q_SLOTS:
    void init()
    {
        SimulatorOptions o;
        o.tokens.deviceCodePendingPolls = 1000; // approved only by the "user"
        o.engine.failureRate = 0;
        m_sim = std::make_unique<SimulatorServer>(o);
        QVERIFY(m_sim->start() != 0);
        m_pipeline = std::make_unique<HttpPipeline>();
    }
    void cleanup()
    {
        m_pipeline.reset();
        m_sim.reset();
    }

    // Device code: the code is announced, the user approves, the token works; the refresh token lands in
    // the SecretStore; a "restart" (a new provider, same store) signs in silently with it.
    void deviceCodeThenRefreshTokenOnNextStart()
    {
        MemorySecretStore secrets;
        const ConnectionProfile p = profile(SignInMethod::DeviceCode);
        QString firstRefresh;
        {
            ProfileTokenProvider tokens(p, m_pipeline.get(), &secrets);
            QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
            QSignalSpy finished(&tokens, &ProfileTokenProvider::signInFinished);
            std::optional<Result<QString>> got;
            tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
            QVERIFY(ready.wait(10000));
            const QString code = ready.at(0).at(0).toString();
            QVERIFY(!code.isEmpty());
            QTest::qWait(1200); // a poll answered authorization_pending
            QVERIFY(!got.has_value());
            QVERIFY(approve(ready.at(0).at(1).toUrl(), code));
            const Result<QString> t = waitFor(got);
            QVERIFY2(t.ok(), qPrintable(why(t)));
            QVERIFY(m_sim->tokens().isValid(t.value()));
            QCOMPARE(finished.size(), 1);
            QVERIFY(finished.at(0).at(0).toBool());
            QTRY_VERIFY(readSecret(secrets, p.secretKey(ConnectionProfile::kRefreshToken)).ok());
            firstRefresh = readSecret(secrets, p.secretKey(ConnectionProfile::kRefreshToken)).value();
            QVERIFY(!firstRefresh.isEmpty());
        }
        ProfileTokenProvider again(p, m_pipeline.get(), &secrets);
        QSignalSpy ready(&again, &ProfileTokenProvider::deviceCodeReady);
        const Result<QString> t = tokenFrom(again);
        QVERIFY2(t.ok(), qPrintable(why(t)));
        QVERIFY(m_sim->tokens().isValid(t.value()));
        QCOMPARE(ready.size(), 0); // no second device code
        // The authority rotated the refresh token; the store has the new one.
        QTRY_VERIFY(secretOr(secrets, p.secretKey(ConnectionProfile::kRefreshToken), firstRefresh)
                    != firstRefresh);
    }

    // A revoked refresh token: the provider forgets it (and the store does), then asks the user again.
    void revokedRefreshTokenFallsBackToDeviceCode()
    {
        MemorySecretStore secrets;
        const ConnectionProfile p = profile(SignInMethod::DeviceCode);
        std::optional<Status> w;
        secrets.write(p.secretKey(ConnectionProfile::kRefreshToken), QStringLiteral("revoked-long-ago"),
                      [&w](Status s) { w.emplace(s); });
        ProfileTokenProvider tokens(p, m_pipeline.get(), &secrets);
        QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
        std::optional<Result<QString>> got;
        tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(ready.wait(10000));
        QVERIFY(!readSecret(secrets, p.secretKey(ConnectionProfile::kRefreshToken)).ok());
        tokens.cancelSignIn();
        const Result<QString> t = waitFor(got);
        QVERIFY(!t.ok());
        QCOMPARE(Error::kindName(t.error().kind), Error::kindName(Error::Kind::Canceled));
    }

    // Browser sign-in: authorize (auto-consent at the simulator) -> loopback redirect -> code + verifier.
    void browserSignInWithPkce()
    {
        MemorySecretStore secrets;
        const ConnectionProfile p = profile(SignInMethod::Browser);
        ProfileTokenProvider tokens(p, m_pipeline.get(), &secrets);
        QSignalSpy opened(&tokens, &ProfileTokenProvider::browserSignInStarted);
        QSignalSpy finished(&tokens, &ProfileTokenProvider::signInFinished);
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), &tokens);
        std::optional<Result<QString>> got;
        client.getIdentityToken(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(opened.wait(10000));
        const QUrl authorize = opened.at(0).at(0).toUrl();
        const QUrlQuery q(authorize);
        QCOMPARE(authorize.path(), QStringLiteral("/tenant-a/oauth2/v2.0/authorize"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")).size(), 43); // base64url(SHA-256)
        const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        // A stray request to the loopback port (another tab, a favicon) does not end the sign-in.
        QVERIFY(browse(redirect.resolved(QUrl(QStringLiteral("/favicon.ico")))).contains("only takes"));
        QVERIFY(browse(QUrl(redirect.toString() + QStringLiteral("?code=x&state=forged")))
                    .contains("does not belong"));
        QVERIFY(!got.has_value());

        QUrl landed;
        const QByteArray page = browse(authorize, &landed);
        QVERIFY2(page.contains("Signed in"), page.constData());
        QCOMPARE(landed.port(), redirect.port());
        const Result<QString> r = waitFor(got);
        QVERIFY2(r.ok(), qPrintable(why(r))); // the simulator accepted the token
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QTRY_VERIFY(readSecret(secrets, p.secretKey(ConnectionProfile::kRefreshToken)).ok());
        // The loopback port is closed once the answer came.
        QVERIFY(browse(redirect).startsWith("<browser") || browse(redirect).isEmpty());

        // Next start: silent, through the stored refresh token.
        ProfileTokenProvider again(p, m_pipeline.get(), &secrets);
        QSignalSpy openedAgain(&again, &ProfileTokenProvider::browserSignInStarted);
        const Result<QString> t = tokenFrom(again);
        QVERIFY2(t.ok(), qPrintable(why(t)));
        QCOMPARE(openedAgain.size(), 0);
    }

    // The browser sign-in nobody finishes: cancel closes the port and tells the callers.
    void browserSignInCancelled()
    {
        const ConnectionProfile p = profile(SignInMethod::Browser);
        ProfileTokenProvider tokens(p, m_pipeline.get(), nullptr);
        QSignalSpy opened(&tokens, &ProfileTokenProvider::browserSignInStarted);
        std::optional<Result<QString>> got;
        tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(opened.wait(10000));
        tokens.cancelSignIn();
        const Result<QString> t = waitFor(got, 2000);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().message, QStringLiteral("The sign-in was cancelled."));
    }

    // Service principal: the secret comes from the SecretStore; none stored gives a clear message.
    void servicePrincipalSecretFromStore()
    {
        TokenIssuerConfig c;
        c.clientSecret = QStringLiteral("the-right-secret");
        SimulatorOptions o;
        o.tokens = c;
        m_sim = std::make_unique<SimulatorServer>(o);
        QVERIFY(m_sim->start() != 0);
        const ConnectionProfile p = profile(SignInMethod::ServicePrincipal);
        MemorySecretStore secrets;
        {
            ProfileTokenProvider tokens(p, m_pipeline.get(), &secrets);
            const Result<QString> t = tokenFrom(tokens);
            QVERIFY(!t.ok());
            // The simulator is on loopback, so an empty store means the "local" secret, which this
            // simulator (started with a client secret) refuses.
            QVERIFY2(t.error().message.contains(QStringLiteral("AADSTS7000215")), qPrintable(why(t)));
        }
        std::optional<Status> w;
        secrets.write(p.secretKey(ConnectionProfile::kClientSecret), QStringLiteral("the-right-secret"),
                      [&w](Status s) { w.emplace(s); });
        ProfileTokenProvider tokens(p, m_pipeline.get(), &secrets);
        const Result<QString> t = tokenFrom(tokens);
        QVERIFY2(t.ok(), qPrintable(why(t)));
        QVERIFY(m_sim->tokens().isValid(t.value()));

        // A non-loopback authority without a stored secret: say what to do.
        ConnectionProfile remote = p;
        remote.authorityUrl = QUrl(QStringLiteral("https://login.example.invalid"));
        remote.name = QStringLiteral("other");
        ProfileTokenProvider missing(remote, m_pipeline.get(), &secrets);
        const Result<QString> m = tokenFrom(missing);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().message.contains(QStringLiteral("No client secret is stored for profile other")),
                 qPrintable(why(m)));
    }

    // Azure CLI: missing -> a clear message; a fake `az` on PATH (test double of the external program)
    // -> its token, asked for the resource from the endpoint's metadata.
    void azureCli()
    {
        const ConnectionProfile p = profile(SignInMethod::AzureCli);
        {
            ProfileTokenProvider tokens(p, m_pipeline.get(), nullptr);
            tokens.setAzureCliProgram(QStringLiteral("/nonexistent/az"));
            const Result<QString> t = tokenFrom(tokens);
            QVERIFY(!t.ok());
            QVERIFY2(t.error().message.contains(QStringLiteral("The Azure CLI (az) is not installed")),
                     qPrintable(why(t)));
        }
        QTemporaryDir dir;
        const QString expires = QString::number(QDateTime::currentSecsSinceEpoch() + 3600);
        const QByteArray script = "#!/bin/sh\necho \"$@\" > '" + dir.path().toUtf8()
            + "/args.txt'\necho '{\"accessToken\":\"cli-token\",\"expires_on\":" + expires.toUtf8()
            + ",\"tokenType\":\"Bearer\"}'\n";
        QFile f(dir.filePath(QStringLiteral("az")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", dir.path().toUtf8() + ':' + oldPath);
        ProfileTokenProvider tokens(p, m_pipeline.get(), nullptr);
        const Result<QString> t = tokenFrom(tokens);
        qputenv("PATH", oldPath);
        QVERIFY2(t.ok(), qPrintable(why(t)));
        QCOMPARE(t.value(), QStringLiteral("cli-token"));
        QFile args(dir.filePath(QStringLiteral("args.txt")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        const QByteArray a = args.readAll();
        QVERIFY2(a.contains("--resource https://kusto.kusto.windows.net"), a.constData());
        QVERIFY2(a.contains("--tenant tenant-a"), a.constData());
    }

    // The Session wires the profile's method: a device code profile announces the code through the
    // Session (what the main window shows in a DeviceCodeDialog), and cancelSignIn() stops it.
    void sessionAnnouncesDeviceCode()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        Session::Options options;
        options.archivePath = dir.filePath(QStringLiteral("archive.sqlite"));
        options.intervalSecs = 0;
        options.secrets = &secrets;
        Session session(profile(SignInMethod::DeviceCode), std::move(options));
        QVERIFY(session.operationBackend());
        QVERIFY(session.backendNotice().isEmpty());
        QSignalSpy ready(&session, &Session::deviceCodeReady);
        QSignalSpy finished(&session, &Session::signInFinished);
        session.start(); // discovery needs a token
        QVERIFY(ready.wait(10000));
        QVERIFY(approve(ready.at(0).at(1).toUrl(), ready.at(0).at(0).toString()));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).toBool());
        QTRY_VERIFY(readSecret(secrets, session.profile().secretKey(ConnectionProfile::kRefreshToken)).ok());
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "TestSignIn.moc"
