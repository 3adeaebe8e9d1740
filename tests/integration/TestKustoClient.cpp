#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/TokenProvider.h"
#include "simulator/SimulatorServer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

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
};

} // namespace

class TestKustoClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimulatorServer> m_sim;
    std::unique_ptr<HttpPipeline> m_pipeline;
    ClientCredentialsTokenProvider *m_tokens = nullptr;
    std::unique_ptr<KustoClient> m_client;

    QUrl tokenUrl() const
    {
        return ClientCredentialsTokenProvider::tokenEndpointFor(m_sim->baseUrl(), QStringLiteral("tenant-a"));
    }

private Q_SLOTS:
    void init()
    {
        SimulatorOptions o;
        o.engine.blobsPerSecond = 50;
        o.engine.processingMs = 200;
        o.engine.failureRate = 0;
        m_sim = std::make_unique<SimulatorServer>(o);
        QVERIFY(m_sim->start() != 0);
        m_pipeline = std::make_unique<HttpPipeline>();
        RetryPolicy p;
        p.baseDelay = std::chrono::milliseconds(20);
        p.maxDelay = std::chrono::milliseconds(200);
        m_pipeline->setRetryPolicy(p);
        m_tokens = new ClientCredentialsTokenProvider(
            m_pipeline.get(), tokenUrl(), QStringLiteral("app"), QStringLiteral("secret"),
            m_sim->baseUrl().toString() + QStringLiteral("/.default"), m_pipeline.get());
        m_client = std::make_unique<KustoClient>(m_pipeline.get(), m_sim->baseUrl(), m_tokens);
    }
    void cleanup()
    {
        m_client.reset();
        m_pipeline.reset();
        m_sim.reset();
    }

    void commandTexts()
    {
        QCOMPARE(
            KustoClient::showOperationsCommand({ QStringLiteral("a;1"), QStringLiteral("b\"2") }).value(),
            QStringLiteral(".show queued ingestion operations (\"a;1\", \"b\\\"2\")"));
        QCOMPARE(KustoClient::cancelOperationCommand(QStringLiteral("it's")).value(),
                 QStringLiteral(".cancel queued ingestion operation 'it\\'s'"));
        QVERIFY(!KustoClient::showOperationsCommand({}).ok());
        const auto ingest = KustoClient::ingestCommand(
            QStringLiteral("db"), QStringLiteral("T"), { QStringLiteral("https://a/b?sig=1") },
            { { QStringLiteral("format"), QStringLiteral("csv") } });
        QCOMPARE(ingest.value(),
                 QStringLiteral(".ingest-from-storage-queued into table database('db').T "
                                "EnableTracking=true with (format='csv') <|\n  'https://a/b?sig=1'"));
    }

    void everyCommand()
    {
        Wait<QueuedIngestionSubmission> sub;
        m_client->ingestFromStorageQueued(
            QStringLiteral("db"), QStringLiteral("T"),
            { QStringLiteral("https://a/c/1.csv?sig=x"), QStringLiteral("https://a/c/2.csv") },
            { { QStringLiteral("format"), QStringLiteral("csv") } }, this, sub.cb());
        QVERIFY(sub.wait());
        QVERIFY2((*sub).ok(), qPrintable((*sub).ok() ? QString() : (*sub).error().toString()));
        const QString id = (*sub)->ingestionOperationId;
        QVERIFY(id.count(QLatin1Char(';')) == 2);
        QVERIFY((*sub)->clientRequestId.startsWith(QStringLiteral("IngestWatch;")));

        Wait<QList<QueuedOperation>> show;
        m_client->showOperations({ id, QStringLiteral("other;id;x") }, this, show.cb());
        QVERIFY(show.wait());
        QVERIFY((*show).ok());
        QCOMPARE((*show)->size(), 1);
        QCOMPARE((*show)->first().discovered, 2);
        QCOMPARE((*show)->first().table, QStringLiteral("T"));

        QTRY_VERIFY_WITH_TIMEOUT(m_sim->engine().operation(id)->pending == 0, 10000);
        Wait<QList<BlobDetail>> details;
        m_client->showOperationDetails(id, this, details.cb());
        QVERIFY(details.wait());
        QVERIFY((*details).ok());
        QCOMPARE((*details)->size(), 2);
        QCOMPARE((*details)->at(1).ingestionStatus, QStringLiteral("Succeeded"));

        Wait<QueuedOperation> cancel;
        m_client->cancelOperation(id, this, cancel.cb());
        QVERIFY(cancel.wait());
        QVERIFY((*cancel).ok());
        QCOMPARE(int((*cancel)->state), int(OperationState::Completed));

        Wait<QList<IngestionResource>> res;
        m_client->getIngestionResources(this, res.cb());
        QVERIFY(res.wait());
        QVERIFY((*res).ok()); // empty without storage, but a valid table

        Wait<QString> identity;
        m_client->getIdentityToken(this, identity.cb());
        QVERIFY(identity.wait());
        QCOMPARE((*identity).value(), QStringLiteral("sim-identity-token"));
    }

    // A show of 1,000 operations is parsed and decoded on a worker thread; the answer arrives on the
    // client's thread, and the event loop keeps turning while the body is parsed.
    void resultsAreDecodedOffTheClientThread()
    {
        QStringList ids;
        for (int i = 0; i < 1000; ++i) {
            ids << m_sim->engine().submitOperation(QStringLiteral("db"), QStringLiteral("T"),
                                                   { QStringLiteral("https://a/c/%1.csv").arg(i) });
        }
        QThread *decodedOn = nullptr;
        QThread *deliveredOn = nullptr;
        std::optional<Result<int>> result;
        const auto cmd = KustoClient::showOperationsCommand(ids);
        QVERIFY(cmd.ok());
        m_client->executeDecoded<int>(
            {}, cmd.value(), this,
            [&decodedOn](const KustoV1Table &t) -> Result<int> {
                decodedOn = QThread::currentThread();
                auto ops = queuedOperationsFromV1(t);
                if (!ops)
                    return ops.error();
                return int(ops->size());
            },
            [&](Result<int> r) {
                deliveredOn = QThread::currentThread();
                result.emplace(std::move(r));
            });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
        QVERIFY(result->ok());
        QCOMPARE(result->value(), 1000);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(decodedOn != nullptr);
        QVERIFY(decodedOn != QThread::currentThread());

        // The typed commands go the same way: the callback sees every row, on this thread.
        Wait<QList<QueuedOperation>> show;
        m_client->showOperations(ids, this, show.cb());
        QVERIFY(show.wait());
        QVERIFY((*show).ok());
        QCOMPARE((*show)->size(), 1000);
    }

    void errors()
    {
        Wait<QueuedOperation> cancel;
        m_client->cancelOperation(QStringLiteral("no;such;op"), this, cancel.cb());
        QVERIFY(cancel.wait());
        QVERIFY(!(*cancel).ok());
        const Error e = (*cancel).error();
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.code, QStringLiteral("BadRequest_EntityNotFound"));
        QVERIFY(!e.retryable);
        QVERIFY(!e.activityId.isEmpty());
        QVERIFY(e.message.contains(QStringLiteral("no;such;op")));

        Wait<KustoV1Table> syntax;
        m_client->execute(QStringLiteral("db"), QStringLiteral(".show tables"), this, syntax.cb());
        QVERIFY(syntax.wait());
        QCOMPARE((*syntax).error().code, QStringLiteral("General_BadRequest"));
        QVERIFY((*syntax).error().message.contains(QStringLiteral("Syntax error")));

        // 401 with a body that is not JSON.
        StaticTokenProvider bad(QStringLiteral("not-a-token"));
        KustoClient badClient(m_pipeline.get(), m_sim->baseUrl(), &bad);
        Wait<QString> unauth;
        badClient.getIdentityToken(this, unauth.cb());
        QVERIFY(unauth.wait());
        QCOMPARE((*unauth).error().httpStatus, 401);
        QVERIFY((*unauth).error().kind == Error::Kind::Auth);

        // No client secret: the token endpoint refuses.
        ClientCredentialsTokenProvider noSecret(m_pipeline.get(), tokenUrl(), QStringLiteral("app"),
                                                QString(), QStringLiteral("x"));
        KustoClient noSecretClient(m_pipeline.get(), m_sim->baseUrl(), &noSecret);
        Wait<QString> denied;
        noSecretClient.getIdentityToken(this, denied.cb());
        QVERIFY(denied.wait());
        QVERIFY((*denied).error().kind == Error::Kind::Auth);
        QCOMPARE((*denied).error().code, QStringLiteral("invalid_client"));

        // A 200 whose body is not JSON.
        FaultConfig f;
        f.malformedRate = 1.0;
        m_sim->faults().setConfig(f);
        Wait<QString> malformed;
        m_client->getIdentityToken(this, malformed.cb());
        QVERIFY(malformed.wait());
        QVERIFY((*malformed).error().kind == Error::Kind::Parse);
    }

    // A token the service no longer accepts (revoked): KustoClient drops it, acquires a new one from the
    // token endpoint and sends the command once more; the caller sees a success.
    void unauthorizedThenReacquire()
    {
        Wait<QString> first;
        m_client->getIdentityToken(this, first.cb());
        QVERIFY(first.wait());
        QVERIFY((*first).ok());
        const int before = m_sim->mgmtRequests();
        m_sim->tokens().revokeAll();
        Wait<QString> again;
        m_client->getIdentityToken(this, again.cb());
        QVERIFY(again.wait());
        QVERIFY2((*again).ok(), qPrintable((*again).ok() ? QString() : (*again).error().toString()));
        QCOMPARE((*again).value(), QStringLiteral("sim-identity-token"));
        // The cached token was revoked, so this success needed the 401 and a new token (mgmtRequests counts
        // authorized requests only: the retried command).
        QCOMPARE(m_sim->mgmtRequests() - before, 1);

        // A token that no sign-in can fix: one re-acquire, then the 401 with an explanation.
        StaticTokenProvider stale(QStringLiteral("stale-token"));
        KustoClient staleClient(m_pipeline.get(), m_sim->baseUrl(), &stale);
        Wait<QString> rejected;
        staleClient.getIdentityToken(this, rejected.cb());
        QVERIFY(rejected.wait());
        QVERIFY(!(*rejected).ok());
        QCOMPARE((*rejected).error().httpStatus, 401);
        QVERIFY((*rejected).error().kind == Error::Kind::Auth);
    }

    // An answer slower than the client's timeout; a port nobody listens on.
    void timeoutAndDeadEndpoint()
    {
        SimulatorOptions o;
        o.requireAuth = false;
        o.faults.latencyMs = 2000;
        SimulatorServer slow(o);
        QVERIFY(slow.start() != 0);
        StaticTokenProvider anyToken(QStringLiteral("x"));
        KustoClient slowClient(m_pipeline.get(), slow.baseUrl(), &anyToken);
        slowClient.setTimeout(std::chrono::milliseconds(300));
        Wait<QString> timedOut;
        slowClient.getIdentityToken(this, timedOut.cb());
        QVERIFY(timedOut.wait());
        QVERIFY(!(*timedOut).ok());
        QCOMPARE(Error::kindName((*timedOut).error().kind), Error::kindName(Error::Kind::Timeout));

        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        KustoClient dead(m_pipeline.get(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort)),
                         &anyToken);
        Wait<QString> refused;
        dead.getIdentityToken(this, refused.cb());
        QVERIFY(refused.wait());
        QVERIFY(!(*refused).ok());
        QCOMPARE(Error::kindName((*refused).error().kind), Error::kindName(Error::Kind::Network));
        QCOMPARE((*refused).error().httpStatus, 0);
    }

    // --fault-truncate: the body is cut short; --fault-malformed: a 200 that is not JSON.
    void truncatedAndMalformedBodies()
    {
        FaultConfig f;
        f.truncateRate = 1.0;
        m_sim->faults().setConfig(f);
        Wait<QList<QueuedOperation>> truncated;
        m_client->showOperations({ QStringLiteral("a;b;c") }, this, truncated.cb());
        QVERIFY(truncated.wait());
        QVERIFY(!(*truncated).ok());
        const Error::Kind k = (*truncated).error().kind;
        QVERIFY2(k == Error::Kind::Parse || k == Error::Kind::Network,
                 qPrintable((*truncated).error().toString()));

        f.truncateRate = 0;
        f.malformedRate = 1.0;
        m_sim->faults().setConfig(f);
        Wait<QList<QueuedOperation>> malformed;
        m_client->showOperations({ QStringLiteral("a;b;c") }, this, malformed.cb());
        QVERIFY(malformed.wait());
        QVERIFY(!(*malformed).ok());
        QCOMPARE(Error::kindName((*malformed).error().kind), Error::kindName(Error::Kind::Parse));
    }

    void throttledThenSuccess()
    {
        FaultConfig f;
        f.throttleRate = 0.5;
        f.retryAfterSeconds = 0;
        f.seed = 3;
        m_sim->faults().setConfig(f);
        for (int i = 0; i < 6; ++i) {
            Wait<QString> identity;
            m_client->getIdentityToken(this, identity.cb());
            QVERIFY(identity.wait());
            QVERIFY2((*identity).ok() || (*identity).error().kind == Error::Kind::Throttled,
                     qPrintable((*identity).ok() ? QString() : (*identity).error().toString()));
        }
        QVERIFY(m_pipeline->retries() > 0);

        f.throttleRate = 1.0;
        m_sim->faults().setConfig(f);
        Wait<QString> always;
        m_client->getIdentityToken(this, always.cb());
        QVERIFY(always.wait());
        QVERIFY((*always).error().kind == Error::Kind::Throttled);
        QCOMPARE((*always).error().httpStatus, 429);
        QVERIFY((*always).error().retryable);
    }

    void serverErrorsAndDropsAreRetried()
    {
        FaultConfig f;
        f.serverErrorRate = 0.3;
        f.dropRate = 0.2;
        f.seed = 5;
        m_sim->faults().setConfig(f);
        int ok = 0;
        for (int i = 0; i < 5; ++i) {
            Wait<QString> identity;
            m_client->getIdentityToken(this, identity.cb());
            QVERIFY(identity.wait());
            ok += (*identity).ok() ? 1 : 0;
        }
        QVERIFY(ok > 0);
        QVERIFY(m_pipeline->retries() > 0);
    }
};

QTEST_GUILESS_MAIN(TestKustoClient)
#include "TestKustoClient.moc"
