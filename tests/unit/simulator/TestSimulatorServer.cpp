#include "core/KustoV1.h"
#include "core/OneApiError.h"
#include "simulator/SimulatorServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace iw;

namespace {

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray activityId;
    QByteArray clientRequestId;
};

} // namespace

class TestSimulatorServer : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    Reply post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
               const QByteArray &bearer = {}, const QByteArray &crid = {})
    {
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        req.setRawHeader("Accept", "application/json");
        if (!bearer.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearer);
        if (!crid.isEmpty())
            req.setRawHeader("x-ms-client-request-id", crid);
        req.setTransferTimeout(10000);
        QNetworkReply *r = m_nam.post(req, body);
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished())
            done.wait(15000);
        Reply out;
        out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.error = r->error();
        out.body = r->readAll();
        out.retryAfter = r->rawHeader("Retry-After");
        out.activityId = r->rawHeader("x-ms-activity-id");
        out.clientRequestId = r->rawHeader("x-ms-client-request-id");
        r->deleteLater();
        return out;
    }

    Reply mgmt(SimulatorServer &s, const QString &csl, const QByteArray &bearer,
               const QString &db = QStringLiteral("db"))
    {
        const QJsonObject o { { QStringLiteral("db"), db }, { QStringLiteral("csl"), csl } };
        QUrl u = s.baseUrl();
        u.setPath(QStringLiteral("/v1/rest/mgmt"));
        return post(u, QJsonDocument(o).toJson(), "application/json; charset=utf-8", bearer,
                    "IngestWatch;test-1");
    }

    static KustoV1Table table(const Reply &r)
    {
        auto parsed = parseKustoV1(r.body);
        if (!parsed)
            return {};
        auto t = parsed->primaryTable();
        return t ? t.value() : KustoV1Table {};
    }

    QByteArray token(SimulatorServer &s)
    {
        QUrl u = s.baseUrl();
        u.setPath(QStringLiteral("/tenant-1/oauth2/v2.0/token"));
        const Reply r = post(u,
                             "grant_type=client_credentials&client_id=app&client_secret=s3cret&scope=https%"
                             "3A%2F%2Fx%2F.default",
                             "application/x-www-form-urlencoded");
        return QJsonDocument::fromJson(r.body)
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }

private Q_SLOTS:
    void authAndCommands()
    {
        SimulatorOptions o;
        o.engine.blobsPerSecond = 1000;
        o.engine.processingMs = 10;
        o.engine.failureRate = 0;
        SimulatorServer s(o);
        QVERIFY(s.start() != 0);

        // No bearer: 401 with a body that is not JSON.
        Reply r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QCOMPARE(r.status, 401);
        QVERIFY(!looksLikeOneApiError(r.body));
        r = mgmt(s, QStringLiteral(".get kusto identity token"), "made-up");
        QCOMPARE(r.status, 401);

        const QByteArray t = token(s);
        QVERIFY(!t.isEmpty());
        r = mgmt(s, QStringLiteral(".get kusto identity token"), t);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.clientRequestId, QByteArray("IngestWatch;test-1"));
        QVERIFY(!r.activityId.isEmpty());
        QCOMPARE(authorizationContextFromV1(table(r)).value(), QStringLiteral("sim-identity-token"));

        // Submit, show, details, cancel.
        r = mgmt(s,
                 QStringLiteral(".ingest-from-storage-queued into table database('db').T EnableTracking=true "
                                "with (format='csv') <| 'https://a/c/1.csv?sig=x' 'https://a/c/2.csv?sig=y'"),
                 t);
        QCOMPARE(r.status, 200);
        const auto sub = submissionFromV1(table(r));
        QVERIFY(sub.ok());
        QCOMPARE(sub->clientRequestId, QStringLiteral("IngestWatch;test-1"));
        const QString id = sub->ingestionOperationId;
        QVERIFY(sub->operationInfo.contains(id));

        r = mgmt(s, QStringLiteral(".show queued ingestion operations (\"%1\", 'unknown')").arg(id), t);
        QCOMPARE(r.status, 200);
        auto ops = queuedOperationsFromV1(table(r));
        QVERIFY(ops.ok());
        QCOMPARE(ops->size(), 1);
        QCOMPARE(ops->first().discovered, 2);
        QCOMPARE(ops->first().database, QStringLiteral("db"));

        QTRY_VERIFY_WITH_TIMEOUT(s.engine().operation(id)->pending == 0, 5000);
        r = mgmt(s, QStringLiteral(".show queued ingestion operations '%1'").arg(id), t);
        ops = queuedOperationsFromV1(table(r));
        QCOMPARE(ops->first().ingested, 2);
        QCOMPARE(int(ops->first().state), int(OperationState::Completed));

        r = mgmt(s, QStringLiteral(".show queued ingestion operations '%1' details").arg(id), t);
        const auto details = blobDetailsFromV1(table(r));
        QVERIFY(details.ok());
        QCOMPARE(details->size(), 2);
        QCOMPARE(details->first().blobUrl, QStringLiteral("https://a/c/1.csv"));
        QCOMPARE(details->first().ingestionStatus, QStringLiteral("Succeeded"));

        r = mgmt(s, QStringLiteral(".cancel queued ingestion operation '%1'").arg(id), t);
        QCOMPARE(r.status, 200);
        QCOMPARE(queuedOperationsFromV1(table(r))->size(), 1);

        // Errors in the service's shape.
        r = mgmt(s, QStringLiteral(".cancel queued ingestion operation 'nope'"), t);
        QCOMPARE(r.status, 400);
        Error e = parseOneApiError(r.body, r.status);
        QCOMPARE(e.code, QStringLiteral("BadRequest_EntityNotFound"));
        QVERIFY(!e.retryable);
        r = mgmt(s, QStringLiteral(".show tables"), t);
        QCOMPARE(r.status, 400);
        e = parseOneApiError(r.body, r.status);
        QCOMPARE(e.code, QStringLiteral("General_BadRequest"));
        QVERIFY(e.message.contains(QStringLiteral("Syntax error")));
        r = mgmt(s, QStringLiteral(".ingest-from-storage-queued into table T <| 'u'"), t, QString());
        QCOMPARE(parseOneApiError(r.body, r.status).code, QStringLiteral("BadRequest_EmptyDatabaseName"));

        QUrl u = s.baseUrl();
        u.setPath(QStringLiteral("/v1/rest/mgmt"));
        r = post(u, "not json", "application/json", t);
        QCOMPARE(r.status, 400);
        QVERIFY(looksLikeOneApiError(r.body));
        u.setPath(QStringLiteral("/nothing/here"));
        QCOMPARE(post(u, "", "text/plain").status, 404);
    }

    void metadataAndDeviceCode()
    {
        SimulatorServer s(SimulatorOptions {});
        QVERIFY(s.start() != 0);
        QUrl u = s.baseUrl();
        u.setPath(QStringLiteral("/v1/rest/auth/metadata"));
        QNetworkReply *get = m_nam.get(QNetworkRequest(u));
        QSignalSpy spy(get, &QNetworkReply::finished);
        QVERIFY(spy.wait(5000));
        const QJsonObject md = QJsonDocument::fromJson(get->readAll()).object();
        get->deleteLater();
        QVERIFY(md.value(QStringLiteral("AzureAD"))
                    .toObject()
                    .contains(QStringLiteral("KustoServiceResourceId")));

        u.setPath(QStringLiteral("/common/oauth2/v2.0/devicecode"));
        Reply r = post(u, "client_id=db662dc1&scope=x", "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 200);
        const QJsonObject dc = QJsonDocument::fromJson(r.body).object();
        const QString device = dc.value(QStringLiteral("device_code")).toString();
        QVERIFY(!device.isEmpty());
        QVERIFY(dc.value(QStringLiteral("message"))
                    .toString()
                    .contains(dc.value(QStringLiteral("user_code")).toString()));

        u.setPath(QStringLiteral("/common/oauth2/v2.0/token"));
        const QByteArray form
            = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=x&device_code="
            + QUrl::toPercentEncoding(device);
        r = post(u, form, "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("authorization_pending"));
        r = post(u, form, "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 200);
        const QString tok
            = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("access_token")).toString();
        QVERIFY(s.tokens().isValid(tok));

        r = post(u, "grant_type=client_credentials&client_id=x", "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 401);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_client"));
    }

    void tokensExpire()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        TokenIssuerConfig c;
        c.lifetimeSeconds = 60;
        TokenIssuer issuer(c, [&] { return now; });
        const auto t = issuer.issue();
        QVERIFY(issuer.isValid(t.accessToken));
        now = now.addSecs(61);
        QVERIFY(!issuer.isValid(t.accessToken));
        QVERIFY(!issuer.isValid(QString()));
    }

    void faults()
    {
        SimulatorOptions o;
        o.requireAuth = false;
        o.faults.throttleRate = 1.0;
        o.faults.retryAfterSeconds = 3;
        SimulatorServer s(o);
        QVERIFY(s.start() != 0);
        Reply r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.retryAfter, QByteArray("3"));
        const Error e = parseOneApiError(r.body, r.status);
        QVERIFY(e.retryable);

        FaultConfig f;
        f.dropRate = 1.0;
        s.faults().setConfig(f);
        r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(r.status, 0);

        f = {};
        f.truncateRate = 1.0;
        s.faults().setConfig(f);
        r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QVERIFY(r.error != QNetworkReply::NoError || !parseKustoV1(r.body).ok());

        f = {};
        f.malformedRate = 1.0;
        s.faults().setConfig(f);
        r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QCOMPARE(r.status, 200);
        QVERIFY(!parseKustoV1(r.body).ok());

        f = {};
        f.serverErrorRate = 1.0;
        s.faults().setConfig(f);
        r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QVERIFY(r.status == 500 || r.status == 503);

        // Latency: the answer still arrives, later (deferred responder), and the server keeps working.
        f = {};
        s.faults().setConfig(f);
        SimulatorOptions slow;
        slow.requireAuth = false;
        slow.faults.latencyMs = 300;
        SimulatorServer s2(slow);
        QVERIFY(s2.start() != 0);
        r = mgmt(s2, QStringLiteral(".get kusto identity token"), {});
        QCOMPARE(r.status, 200);
        r = mgmt(s, QStringLiteral(".get kusto identity token"), {});
        QCOMPARE(r.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorServer)
#include "TestSimulatorServer.moc"
