// Sign-in against the simulator's OAuth2 authority, in process: client credentials (scope from the auth
// metadata), short-lived tokens refreshed before they expire, a revoked token re-acquired once on 401,
// a wrong secret, and the device code flow (approve, cancel, expire).
#include "azure/AuthMetadata.h"
#include "azure/DeviceCodeTokenProvider.h"
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/TokenProvider.h"
#include "simulator/SimulatorServer.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace iw;

namespace {

template<typename T>
struct Wait
{
    std::optional<Result<T>> result;
    std::function<void(Result<T>)> cb()
    {
        return [this](Result<T> r) {
            result.emplace(std::move(r));
        };
    }
    bool wait(int ms = 20000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, ms);
    }
    const Result<T> &operator*() const { return *result; }
    QString message() const { return result && !result->ok() ? result->error().message : QString(); }
};

} // namespace

class TestTokenProviders : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimulatorServer> m_sim;
    std::unique_ptr<HttpPipeline> m_pipeline;
    int m_tokenRequests = 0;
    int m_mgmtRequests = 0; // every POST /v1/rest/mgmt, 401s included

    void startSim(const TokenIssuerConfig &tokens)
    {
        SimulatorOptions o;
        o.tokens = tokens;
        o.engine.failureRate = 0;
        m_sim = std::make_unique<SimulatorServer>(o);
        QVERIFY(m_sim->start() != 0);
        m_tokenRequests = 0;
        m_mgmtRequests = 0;
        connect(m_sim.get(), &SimulatorServer::requestLogged, this, [this](const QString &line) {
            if (line.contains(QStringLiteral("/oauth2/v2.0/token")))
                ++m_tokenRequests;
            if (line.contains(QStringLiteral("/v1/rest/mgmt")))
                ++m_mgmtRequests;
        });
    }
    QUrl tokenUrl() const
    {
        return ClientCredentialsTokenProvider::tokenEndpointFor(m_sim->baseUrl(), QStringLiteral("tenant-a"));
    }
    std::unique_ptr<ClientCredentialsTokenProvider> clientCredentials(const QString &secret)
    {
        auto p = std::make_unique<ClientCredentialsTokenProvider>(m_pipeline.get(), tokenUrl(),
                                                                  QStringLiteral("app"), secret, QString());
        p->setResourceDiscovery(m_sim->baseUrl());
        return p;
    }
    Result<QString> tokenFrom(TokenProvider &p)
    {
        Wait<QString> w;
        p.token(this, w.cb());
        if (!w.wait())
            return Error::make(Error::Kind::Timeout, QStringLiteral("test: no token callback"));
        return *w;
    }
    Result<QString> identity(KustoClient &client)
    {
        Wait<QString> w;
        client.getIdentityToken(this, w.cb());
        if (!w.wait())
            return Error::make(Error::Kind::Timeout, QStringLiteral("test: no callback"));
        return *w;
    }
    static QString why(const Result<QString> &r) { return r.ok() ? QString() : r.error().toString(); }

    std::unique_ptr<DeviceCodeTokenProvider> deviceCode()
    {
        return std::make_unique<DeviceCodeTokenProvider>(
            m_pipeline.get(), m_sim->baseUrl(), QStringLiteral("tenant-a"), QStringLiteral("app"),
            AuthMetadata::scopeFor(AuthMetadata::defaultResource()));
    }
    // What the operator does in the browser: open the verification page with the code.
    bool approve(const QUrl &verificationUri, const QString &userCode)
    {
        QUrl u = verificationUri;
        u.setQuery(QStringLiteral("code=") + userCode);
        HttpRequest req;
        req.url = u;
        Wait<HttpResponse> w;
        m_pipeline->send(std::move(req), this, w.cb());
        return w.wait() && (*w).ok();
    }

private Q_SLOTS:
    void init()
    {
        m_pipeline = std::make_unique<HttpPipeline>();
        RetryPolicy p;
        p.baseDelay = std::chrono::milliseconds(20);
        p.maxDelay = std::chrono::milliseconds(200);
        m_pipeline->setRetryPolicy(p);
    }
    void cleanup()
    {
        m_pipeline.reset();
        m_sim.reset();
    }

    // The endpoint's metadata names the resource; 404 falls back to the public cloud's.
    void authMetadata()
    {
        startSim({});
        Wait<AuthMetadata> served;
        AuthMetadata::fetch(m_pipeline.get(), m_sim->baseUrl(), this, served.cb());
        QVERIFY(served.wait());
        QVERIFY((*served).ok());
        QVERIFY((*served)->fromService);
        QCOMPARE((*served)->resourceId, QStringLiteral("https://kusto.kusto.windows.net"));
        QCOMPARE((*served)->scope(), QStringLiteral("https://kusto.kusto.windows.net/.default"));
        QCOMPARE((*served)->loginEndpoint, m_sim->baseUrl());

        QUrl missing = m_sim->baseUrl();
        missing.setPath(QStringLiteral("/no-such-prefix"));
        Wait<AuthMetadata> fallback;
        AuthMetadata::fetch(m_pipeline.get(), missing, this, fallback.cb());
        QVERIFY(fallback.wait());
        QVERIFY((*fallback).ok());
        QVERIFY(!(*fallback)->fromService);
        QCOMPARE((*fallback)->scope(), QStringLiteral("https://kusto.kusto.windows.net/.default"));

        const auto custom = AuthMetadata::parse(
            "{\"AzureAD\":{\"KustoServiceResourceId\":\"https://kusto.chinacloudapi.cn/\"}}");
        QVERIFY(custom.ok());
        QCOMPARE(custom->scope(), QStringLiteral("https://kusto.chinacloudapi.cn/.default"));
        QVERIFY(!AuthMetadata::parse("not json").ok());
    }

    // Client credentials: the scope comes from the metadata, the token works on /v1/rest/mgmt.
    void clientCredentials()
    {
        startSim({});
        auto tokens = clientCredentials(QStringLiteral("secret"));
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), tokens.get());
        const Result<QString> r = identity(client);
        QVERIFY2(r.ok(), qPrintable(why(r)));
        QCOMPARE(r.value(), QStringLiteral("sim-identity-token"));
        QCOMPARE(tokens->scope(), QStringLiteral("https://kusto.kusto.windows.net/.default"));
        QVERIFY(identity(client).ok());
        QCOMPARE(m_tokenRequests, 1); // cached
    }

    void wrongSecret()
    {
        TokenIssuerConfig c;
        c.clientSecret = QStringLiteral("right");
        startSim(c);
        auto tokens = clientCredentials(QStringLiteral("wrong"));
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), tokens.get());
        const Result<QString> r = identity(client);
        QVERIFY(!r.ok());
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Auth));
        QVERIFY2(r.error().message.contains(QStringLiteral("Invalid client secret")), qPrintable(why(r)));
        QCOMPARE(r.error().code, QStringLiteral("invalid_client"));
        QCOMPARE(m_mgmtRequests, 0); // nothing sent without a token
    }

    // Tokens that live 3 s: a fresh one is fetched before the old one runs out; calls keep working.
    void shortLivedTokensAreRefreshed()
    {
        TokenIssuerConfig c;
        c.lifetimeSeconds = 3;
        startSim(c);
        auto tokens = clientCredentials(QStringLiteral("secret"));
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), tokens.get());
        const Result<QString> first = tokenFrom(*tokens);
        QVERIFY(first.ok());
        for (int i = 0; i < 3; ++i) {
            const Result<QString> r = identity(client);
            QVERIFY2(r.ok(), qPrintable(why(r)));
            QTest::qWait(1600);
        }
        const Result<QString> later = tokenFrom(*tokens);
        QVERIFY(later.ok());
        QVERIFY(later.value() != first.value()); // the first one has expired by now: replaced
        QVERIFY(m_sim->tokens().isValid(later.value()));
        QVERIFY(m_tokenRequests >= 3);
    }

    // The service forgets every token (key rollover): the next call gets 401, the client drops the
    // token, signs in once more and the call succeeds without the caller noticing.
    void revokedTokenIsReacquiredOnce()
    {
        startSim({});
        auto tokens = clientCredentials(QStringLiteral("secret"));
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), tokens.get());
        QVERIFY(identity(client).ok());
        QCOMPARE(m_tokenRequests, 1);
        m_sim->tokens().revokeAll();
        const int mgmtBefore = m_mgmtRequests;
        const Result<QString> r = identity(client);
        QVERIFY2(r.ok(), qPrintable(why(r)));
        QCOMPARE(m_tokenRequests, 2); // one re-acquire
        QCOMPARE(m_mgmtRequests - mgmtBefore, 2); // the 401, then the retry
    }

    // A token the service never accepts: one retry, then a clear error (no loop).
    void rejectedAgainGivesClearError()
    {
        startSim({});
        StaticTokenProvider bad(QStringLiteral("not-a-token"));
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), &bad);
        const Result<QString> r = identity(client);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Auth));
        QVERIFY2(r.error().message.contains(QStringLiteral("rejected the sign-in (HTTP 401) again")),
                 qPrintable(why(r)));
        QVERIFY(!r.error().message.contains(QStringLiteral("not-a-token")));
        QCOMPARE(m_mgmtRequests, 2);
    }

    // Device code: the code is announced, the operator approves it, the provider gets a token that works.
    void deviceCodeApproved()
    {
        TokenIssuerConfig c;
        c.deviceCodePendingPolls = 1000; // never approved by itself
        startSim(c);
        auto tokens = deviceCode();
        QSignalSpy ready(tokens.get(), &DeviceCodeTokenProvider::deviceCodeReady);
        QSignalSpy finished(tokens.get(), &DeviceCodeTokenProvider::signInFinished);
        KustoClient client(m_pipeline.get(), m_sim->baseUrl(), tokens.get());
        Wait<QString> call;
        client.getIdentityToken(this, call.cb());
        QVERIFY(ready.wait(10000));
        const QString userCode = ready.at(0).at(0).toString();
        const QUrl uri = ready.at(0).at(1).toUrl();
        const QString message = ready.at(0).at(2).toString();
        QVERIFY(!userCode.isEmpty());
        QCOMPARE(uri.path(), QStringLiteral("/devicelogin"));
        QVERIFY2(message.contains(userCode), qPrintable(message));
        QVERIFY(ready.at(0).at(3).toLongLong() > 0);
        QTest::qWait(1500); // a poll or two answered authorization_pending
        QVERIFY(!call.result.has_value());
        QVERIFY(tokens->isSigningIn());
        QVERIFY(approve(uri, userCode));
        QVERIFY(call.wait());
        QVERIFY2((*call).ok(), qPrintable(call.message()));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!tokens->isSigningIn());
        // Cached: no second sign-in.
        QVERIFY(identity(client).ok());
        QCOMPARE(ready.size(), 1);
    }

    // Cancel: the waiting caller is told, and polling stops.
    void deviceCodeCancelled()
    {
        TokenIssuerConfig c;
        c.deviceCodePendingPolls = 1000;
        startSim(c);
        auto tokens = deviceCode();
        QSignalSpy ready(tokens.get(), &DeviceCodeTokenProvider::deviceCodeReady);
        Wait<QString> w;
        tokens->token(this, w.cb());
        QVERIFY(ready.wait(10000));
        QTest::qWait(1200);
        tokens->cancel();
        QVERIFY(w.wait(1000));
        QVERIFY(!(*w).ok());
        QCOMPARE(Error::kindName((*w).error().kind), Error::kindName(Error::Kind::Canceled));
        QCOMPARE((*w).error().message, QStringLiteral("The sign-in was cancelled."));
        const int polls = m_tokenRequests;
        QTest::qWait(2500);
        QCOMPARE(m_tokenRequests, polls);
        QVERIFY(!tokens->isSigningIn());
    }

    // Nobody approves before the code expires: a clear error.
    void deviceCodeExpired()
    {
        TokenIssuerConfig c;
        c.deviceCodePendingPolls = 1000;
        c.deviceCodeLifetimeSeconds = 2;
        startSim(c);
        auto tokens = deviceCode();
        QSignalSpy finished(tokens.get(), &DeviceCodeTokenProvider::signInFinished);
        Wait<QString> w;
        tokens->token(this, w.cb());
        QVERIFY(w.wait(15000));
        QVERIFY(!(*w).ok());
        QCOMPARE(Error::kindName((*w).error().kind), Error::kindName(Error::Kind::Auth));
        QVERIFY2(w.message().contains(QStringLiteral("expired")), qPrintable(w.message()));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestTokenProviders)
#include "TestTokenProviders.moc"
