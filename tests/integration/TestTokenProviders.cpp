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
#include <QTcpServer>
#include <QTcpSocket>
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

// A scripted OAuth2 authority for what the simulator does not do (slow_down, access_denied, refresh
// tokens): answers by grant type; each request is one connection (Connection: close).
class StubAuthority : public QObject
{
public:
    QByteArray pollAnswer2 = "{\"access_token\":\"at-1\",\"expires_in\":4,\"refresh_token\":\"rt-1\"}";
    QByteArray firstPollError = "slow_down";
    QList<QByteArray> bodies;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end).toLower();
                    const qsizetype cl = head.indexOf("content-length:");
                    const qsizetype length = cl < 0
                        ? 0
                        : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QByteArray body = buffer->mid(end + 4, length);
                    bodies.append(body);
                    s->write(answer(head.left(head.indexOf('\r')), body));
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    static QByteArray http(int status, const QByteArray &json)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Bad Request")
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
            + "\r\nConnection: close\r\n\r\n" + json;
    }
    QByteArray answer(const QByteArray &requestLine, const QByteArray &body)
    {
        if (requestLine.contains("/devicecode"))
            return http(200,
                        "{\"user_code\":\"STUBCODE\",\"device_code\":\"dc-1\",\"verification_uri\":"
                        "\"https://microsoft.com/devicelogin\",\"expires_in\":60,\"interval\":1}");
        if (body.contains("grant_type=refresh_token")) {
            if (body.contains("refresh_token=rt-1"))
                return http(200,
                            "{\"access_token\":\"at-2\",\"expires_in\":3600,\"refresh_token\":\"rt-2\"}");
            return http(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: expired\"}");
        }
        if (++m_polls == 1)
            return http(400, "{\"error\":\"" + firstPollError + "\",\"error_description\":\"stub\"}");
        return http(200, pollAnswer2);
    }
    QTcpServer m_server;
    int m_polls = 0;
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

    // slow_down stretches the interval by 5 s; the refresh token is reported, then used before the
    // access token expires instead of asking the operator again.
    void deviceCodeSlowDownAndRefreshToken()
    {
        StubAuthority stub;
        QVERIFY(stub.listen());
        DeviceCodeTokenProvider tokens(m_pipeline.get(), stub.url(), QStringLiteral("t"),
                                       QStringLiteral("app"),
                                       QStringLiteral("https://kusto.kusto.windows.net/.default"));
        QSignalSpy ready(&tokens, &DeviceCodeTokenProvider::deviceCodeReady);
        QSignalSpy refresh(&tokens, &DeviceCodeTokenProvider::refreshTokenChanged);
        Wait<QString> first;
        tokens.token(this, first.cb());
        QVERIFY(first.wait(20000));
        QVERIFY2((*first).ok(), qPrintable(first.message()));
        QCOMPARE((*first).value(), QStringLiteral("at-1"));
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).toString(), QStringLiteral("STUBCODE"));
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(refresh.at(0).at(0).toString(), QStringLiteral("rt-1"));
        QCOMPARE(tokens.refreshToken(), QStringLiteral("rt-1"));

        QTest::qWait(2200); // at-1 (4 s) is past half its life: refreshed silently
        Wait<QString> second;
        tokens.token(this, second.cb());
        QVERIFY(second.wait());
        QVERIFY2((*second).ok(), qPrintable(second.message()));
        QCOMPARE((*second).value(), QStringLiteral("at-2"));
        QCOMPARE(ready.size(), 1); // no second device code
        QCOMPARE(refresh.size(), 2);
        QCOMPARE(refresh.at(1).at(0).toString(), QStringLiteral("rt-2"));
        QVERIFY(stub.bodies.last().contains("grant_type=refresh_token"));
    }

    void deviceCodeDeclined()
    {
        StubAuthority stub;
        stub.firstPollError = "access_denied";
        QVERIFY(stub.listen());
        DeviceCodeTokenProvider tokens(m_pipeline.get(), stub.url(), QStringLiteral("t"),
                                       QStringLiteral("app"),
                                       QStringLiteral("https://kusto.kusto.windows.net/.default"));
        Wait<QString> w;
        tokens.token(this, w.cb());
        QVERIFY(w.wait());
        QVERIFY(!(*w).ok());
        QCOMPARE(w.message(), QStringLiteral("The sign-in was declined."));
        QCOMPARE(Error::kindName((*w).error().kind), Error::kindName(Error::Kind::Auth));
    }
};

QTEST_GUILESS_MAIN(TestTokenProviders)
#include "TestTokenProviders.moc"
