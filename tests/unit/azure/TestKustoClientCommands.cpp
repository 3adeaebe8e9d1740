// KustoClient's wire protocol, checked against a loopback QTcpServer stub that records the raw request and
// answers with canned responses: the exact command texts, the request line, headers and body, and how
// each kind of error answer is decoded.
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/TokenProvider.h"
#include "core/KqlQuote.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace iw;

namespace {

struct RawRequest
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

// One canned answer per request, in order (the last one repeats). Connection: close after each.
class StubServer : public QObject
{
public:
    QList<QByteArray> answers;
    QList<RawRequest> requests;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    RawRequest r;
                    const QList<QByteArray> lines = buffer->left(end).split('\n');
                    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                    r.method = first.value(0);
                    r.target = first.value(1);
                    for (qsizetype i = 1; i < lines.size(); ++i) {
                        const qsizetype colon = lines[i].indexOf(':');
                        if (colon > 0)
                            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                             lines[i].mid(colon + 1).trimmed());
                    }
                    const qsizetype length = r.headers.value("content-length").toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    r.body = buffer->mid(end + 4, length);
                    requests.append(r);
                    const QByteArray answer
                        = answers.value(requests.size() - 1, answers.value(answers.size() - 1));
                    s->write(answer);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, [s, buffer] {
                    delete buffer;
                    s->deleteLater();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

QByteArray answer(int status, const QByteArray &reason, const QByteArray &body,
                  const QByteArray &extraHeaders = {}, qsizetype declaredLength = -1)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\n"
        + extraHeaders
        + "Content-Length: " + QByteArray::number(declaredLength < 0 ? body.size() : declaredLength)
        + "\r\nConnection: close\r\n\r\n" + body;
}

const QByteArray kIdentityTable
    = "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[{\"ColumnName\":\"AuthorizationContext\","
      "\"DataType\":\"String\",\"ColumnType\":\"string\"}],\"Rows\":[[\"ctx\"]]}]}";

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
    bool wait(int ms = 15000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, ms);
    }
};

// A token provider that counts invalidations (a 401 must drop the cached token) and then hands out a
// new token.
class CountingTokens : public TokenProvider
{
public:
    int invalidations = 0;
    int issued = 0;
    // A new token after each invalidation: tok-1, tok-2, ...
    void token(QObject *, Callback callback) override
    {
        if (issued == invalidations)
            ++issued;
        callback(QStringLiteral("tok-%1").arg(issued));
    }
    void invalidate() override { ++invalidations; }
    QString describe() const override { return QStringLiteral("counting"); }
};

} // namespace

class TestKustoClientCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<StubServer> m_stub;
    std::unique_ptr<HttpPipeline> m_pipeline;
    std::unique_ptr<CountingTokens> m_tokens;
    std::unique_ptr<KustoClient> m_client;

    Error identityError()
    {
        Wait<QString> w;
        m_client->getIdentityToken(this, w.cb());
        if (!w.wait())
            return Error::make(Error::Kind::Timeout, QStringLiteral("test: no callback"));
        if (w.result->ok())
            return Error::make(Error::Kind::Usage, QStringLiteral("test: unexpected success"));
        return w.result->error();
    }

private Q_SLOTS:
    void init()
    {
        m_stub = std::make_unique<StubServer>();
        QVERIFY(m_stub->listen());
        m_pipeline = std::make_unique<HttpPipeline>();
        m_pipeline->setRetryPolicy(RetryPolicy::none());
        m_tokens = std::make_unique<CountingTokens>();
        m_client = std::make_unique<KustoClient>(m_pipeline.get(), m_stub->url(), m_tokens.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_pipeline.reset();
        m_tokens.reset();
        m_stub.reset();
    }

    void showListForm()
    {
        const QStringList ids { QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444"),
                                QStringLiteral("a\"b;c"), QStringLiteral("back\\slash;x") };
        const auto cmd = KustoClient::showOperationsCommand(ids);
        QVERIFY(cmd.ok());
        QCOMPARE(cmd.value(),
                 QStringLiteral(".show queued ingestion operations (\"00001111;11112222;00001111-aaaa-2222-"
                                "bbbb-3333cccc4444\", \"a\\\"b;c\", \"back\\\\slash;x\")"));
        // Each literal reads back as the id it quotes.
        const QString text = cmd.value();
        qsizetype at = text.indexOf(QLatin1Char('(')) + 1;
        for (const QString &id : ids) {
            qsizetype used = 0;
            const auto lit = kqlReadLiteral(QStringView(text).mid(at), &used);
            QVERIFY(lit.ok());
            QCOMPARE(lit.value(), id);
            at += used;
            while (at < text.size() && (text[at] == QLatin1Char(',') || text[at] == QLatin1Char(' ')))
                ++at;
        }
        QVERIFY(!KustoClient::showOperationsCommand({}).ok());
        // A control character has no KQL escape: refused, not changed.
        QVERIFY(!KustoClient::showOperationsCommand({ QStringLiteral("a") + QChar(0x01) }).ok());
    }

    void detailsAndCancelForms()
    {
        QCOMPARE(KustoClient::showOperationDetailsCommand(QStringLiteral("a;b;c")).value(),
                 QStringLiteral(".show queued ingestion operations \"a;b;c\" details"));
        QCOMPARE(KustoClient::cancelOperationCommand(QStringLiteral("a;b;c")).value(),
                 QStringLiteral(".cancel queued ingestion operation 'a;b;c'"));
        QCOMPARE(KustoClient::cancelOperationCommand(QStringLiteral("it's;x")).value(),
                 QStringLiteral(".cancel queued ingestion operation 'it\\'s;x'"));
    }

    void ingestForm()
    {
        const auto cmd = KustoClient::ingestCommand(
            QStringLiteral("Log Db"), QStringLiteral("Raw Events"),
            { QStringLiteral("https://a.blob.core.windows.net/c/1.csv?sv=1&sig=x"),
              QStringLiteral("https://a.blob.core.windows.net/c/it's.csv") },
            { { QStringLiteral("format"), QStringLiteral("csv") },
              { QStringLiteral("ingestionMappingReference"), QStringLiteral("Map'1") } });
        QVERIFY(cmd.ok());
        QCOMPARE(
            cmd.value(),
            QStringLiteral(".ingest-from-storage-queued into table database('Log Db').['Raw Events'] "
                           "EnableTracking=true with (format='csv', ingestionMappingReference='Map\\'1') <|\n"
                           "  'https://a.blob.core.windows.net/c/1.csv?sv=1&sig=x'\n"
                           "  'https://a.blob.core.windows.net/c/it\\'s.csv'"));
        QVERIFY(!KustoClient::ingestCommand(QStringLiteral("db"), QStringLiteral("T"), {}, {}).ok());
        QVERIFY(
            !KustoClient::ingestCommand(QStringLiteral("db"), QString(), { QStringLiteral("u") }, {}).ok());
        QVERIFY(!KustoClient::ingestCommand(QStringLiteral("db"), QStringLiteral("T"),
                                            { QStringLiteral("u") },
                                            { { QStringLiteral("bad name"), QStringLiteral("v") } })
                     .ok());
    }

    void requestLineHeadersAndBody()
    {
        m_stub->answers = { answer(200, "OK", kIdentityTable) };
        m_client->setApplication(QStringLiteral("IngestWatchTest"));
        Wait<QString> w;
        m_client->getIdentityToken(this, w.cb());
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QCOMPARE(w.result->value(), QStringLiteral("ctx"));
        QCOMPARE(m_stub->requests.size(), 1);
        const RawRequest &r = m_stub->requests.first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/v1/rest/mgmt"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok-1"));
        QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(r.headers.value("x-ms-app"), QByteArray("IngestWatchTest"));
        QCOMPARE(r.headers.value("x-ms-version"), QByteArray("2024-12-12"));
        static const QRegularExpression crid(
            QStringLiteral("^IngestWatch;[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY2(crid.match(QString::fromLatin1(r.headers.value("x-ms-client-request-id"))).hasMatch(),
                 r.headers.value("x-ms-client-request-id").constData());
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("db")).toString(), QStringLiteral("NetDefaultDB"));
        QCOMPARE(body.value(QStringLiteral("csl")).toString(), QStringLiteral(".get kusto identity token"));
        QVERIFY(body.value(QStringLiteral("properties")).isObject());
        QVERIFY(body.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("Options")));

        // Each request gets its own client request id; a database given is sent as db.
        m_stub->answers
            = { answer(200, "OK",
                       "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                       "{\"ColumnName\":\"IngestionOperationId\",\"DataType\":\"String\"},"
                       "{\"ColumnName\":\"ClientRequestId\",\"DataType\":\"String\"},"
                       "{\"ColumnName\":\"OperationInfo\",\"DataType\":\"String\"}],"
                       "\"Rows\":[[\"a;b;c\",\"IngestWatch;x\",\".show queued ingestion operations "
                       "\\\"a;b;c\\\"\"]]}]}") };
        Wait<QueuedIngestionSubmission> sub;
        m_client->ingestFromStorageQueued(QStringLiteral("Db1"), QStringLiteral("T"),
                                          { QStringLiteral("https://x/y") }, {}, this, sub.cb());
        QVERIFY(sub.wait());
        QVERIFY(sub.result->ok());
        QCOMPARE(sub.result->value().ingestionOperationId, QStringLiteral("a;b;c"));
        QCOMPARE(m_stub->requests.size(), 2);
        QVERIFY(m_stub->requests[1].headers.value("x-ms-client-request-id")
                != m_stub->requests[0].headers.value("x-ms-client-request-id"));
        const QJsonObject body2 = QJsonDocument::fromJson(m_stub->requests[1].body).object();
        QCOMPARE(body2.value(QStringLiteral("db")).toString(), QStringLiteral("Db1"));
        QVERIFY(body2.value(QStringLiteral("csl"))
                    .toString()
                    .startsWith(QStringLiteral(
                        ".ingest-from-storage-queued into table database('Db1').T EnableTracking=true <|")));
    }

    void oneApiError()
    {
        m_stub->answers
            = { answer(400, "Bad Request",
                       "{\"error\":{\"code\":\"BadRequest_EntityNotFound\",\"message\":\"Entity not "
                       "found.\",\"@type\":\"Kusto.Data.Exceptions.EntityNotFoundException\","
                       "\"@message\":\"Operation 'a;b;c' was not found.\",\"@permanent\":true}}",
                       "x-ms-activity-id: 11112222-3333-4444-5555-666677778888\r\n") };
        const Error e = identityError();
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.code, QStringLiteral("BadRequest_EntityNotFound"));
        QVERIFY2(e.message.contains(QStringLiteral("a;b;c")), qPrintable(e.message));
        QVERIFY(!e.retryable);
        QCOMPARE(e.activityId, QStringLiteral("11112222-3333-4444-5555-666677778888"));
    }

    void unauthorizedReacquiresOnce()
    {
        // 401, then the same command with a fresh token succeeds.
        m_stub->answers
            = { answer(401, "Unauthorized", "", "WWW-Authenticate: Bearer error=\"invalid_token\"\r\n"),
                answer(200, "OK", kIdentityTable) };
        Wait<QString> w;
        m_client->getIdentityToken(this, w.cb());
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QCOMPARE(m_tokens->invalidations, 1);
        QCOMPARE(m_stub->requests.size(), 2);
        QCOMPARE(m_stub->requests[0].headers.value("authorization"), QByteArray("Bearer tok-1"));
        QCOMPARE(m_stub->requests[1].headers.value("authorization"), QByteArray("Bearer tok-2"));
        QCOMPARE(m_stub->requests[1].body, m_stub->requests[0].body);
    }

    void unauthorizedTwiceIsAnAuthError()
    {
        m_stub->answers = { answer(401, "Unauthorized", "") };
        const Error e = identityError();
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(Error::kindName(e.kind), Error::kindName(Error::Kind::Auth));
        QCOMPARE(m_stub->requests.size(), 2); // one re-acquire, not a loop
        QCOMPARE(m_tokens->invalidations, 1);
    }

    void throttledIsRetryable()
    {
        m_stub->answers = { answer(
            429, "Too Many Requests",
            "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"The control command was aborted due to "
            "throttling.\",\"@permanent\":false}}",
            "Retry-After: 1\r\n") };
        const Error e = identityError();
        QCOMPARE(e.httpStatus, 429);
        QCOMPARE(Error::kindName(e.kind), Error::kindName(Error::Kind::Throttled));
        QVERIFY(e.retryable);
    }

    void throttledThenSuccessWithRetries()
    {
        RetryPolicy p;
        p.baseDelay = std::chrono::milliseconds(10);
        p.maxDelay = std::chrono::milliseconds(50);
        m_pipeline->setRetryPolicy(p);
        m_stub->answers = { answer(429, "Too Many Requests", "{}", "Retry-After: 0\r\n"),
                            answer(503, "Service Unavailable", "{}"), answer(200, "OK", kIdentityTable) };
        Wait<QString> w;
        m_client->getIdentityToken(this, w.cb());
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().toString()));
        QCOMPARE(m_stub->requests.size(), 3);
        // A retry is the same request: same client request id and body.
        QCOMPARE(m_stub->requests[2].headers.value("x-ms-client-request-id"),
                 m_stub->requests[0].headers.value("x-ms-client-request-id"));
        QCOMPARE(m_stub->requests[2].body, m_stub->requests[0].body);
    }

    void malformedAndTruncatedBodies_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("not json") << answer(200, "OK", "<html>proxy</html>");
        QTest::newRow("truncated json") << answer(200, "OK", kIdentityTable.left(40));
        QTest::newRow("no tables") << answer(200, "OK", "{\"Tables\":[]}");
        QTest::newRow("wrong type") << answer(200, "OK", "{\"Tables\":42}");
        QTest::newRow("empty") << answer(200, "OK", "");
    }
    void malformedAndTruncatedBodies()
    {
        QFETCH(QByteArray, raw);
        m_stub->answers = { raw };
        const Error e = identityError();
        QVERIFY2(e.kind == Error::Kind::Parse || e.kind == Error::Kind::Http, qPrintable(e.toString()));
        QVERIFY(!e.message.isEmpty());
    }

    void bodyCutShortByTheServer()
    {
        // Content-Length promises more than arrives before the connection closes.
        m_stub->answers = { answer(200, "OK", kIdentityTable.left(30), {}, kIdentityTable.size()) };
        const Error e = identityError();
        QVERIFY2(e.kind == Error::Kind::Network || e.kind == Error::Kind::Parse, qPrintable(e.toString()));
    }

    void deadEndpoint()
    {
        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        KustoClient dead(m_pipeline.get(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                         m_tokens.get());
        Wait<QString> w;
        dead.getIdentityToken(this, w.cb());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(Error::kindName(w.result->error().kind), Error::kindName(Error::Kind::Network));
        QCOMPARE(w.result->error().httpStatus, 0);
    }
};

QTEST_GUILESS_MAIN(TestKustoClientCommands)
#include "TestKustoClientCommands.moc"
