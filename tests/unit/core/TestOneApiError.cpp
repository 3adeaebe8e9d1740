#include "TestData.h"
#include "core/OneApiError.h"

#include <QTest>

using namespace iw;

namespace {
QByteArray raw(const char *s)
{
    return QByteArray(s);
}
} // namespace

class TestOneApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedExample();
    void wrongEndpoint();
    void kindFollowsStatus_data();
    void kindFollowsStatus();
    void nonJsonBodies_data();
    void nonJsonBodies();
    void secretsAreRedacted();
    void longTextIsTruncated();
    void fallsBackToMessageAndHeader();
    void wrappedOneApiErrors();
};

void TestOneApiError::documentedExample()
{
    const Error e = parseOneApiError(test::readData(QStringLiteral("kusto/oneapi-error.json")), 400);
    QCOMPARE(e.httpStatus, 400);
    QCOMPARE(e.code, QStringLiteral("General_BadRequest"));
    // @message is the full description and is preferred over the generic message.
    QVERIFY(e.message.startsWith(
        QLatin1String("Request is invalid and cannot be processed: Semantic error: SEM0100")));
    QCOMPARE(e.retryable, false); // @permanent: true
    QCOMPARE(e.activityId, QStringLiteral("9dcc4522-7b51-41db-a7ae-7c1bfe0696b2"));
    QCOMPARE(e.clientRequestId, QStringLiteral("Kusto.Cli;b90f3260-4123-40e6-9dc5-0d3d1ba46b67"));
    QVERIFY(e.toString().contains(QLatin1String("HTTP 400 General_BadRequest")));
}

void TestOneApiError::wrongEndpoint()
{
    const Error e = parseOneApiError(test::readData(QStringLiteral("kusto/wrong-endpoint.json")), 400,
                                     QStringLiteral("header-activity"));
    QCOMPARE(e.code, QStringLiteral("BadRequest"));
    QVERIFY(e.message.contains(QLatin1String("'https://ingest-somecluster.kusto.windows.net/'")));
    QCOMPARE(e.retryable, true); // @permanent: false
    QCOMPARE(e.activityId, QStringLiteral("87eb8fc9-78b3-4580-bcc8-6c90482f9118")); // body wins over header
}

void TestOneApiError::kindFollowsStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("401") << 401 << int(Error::Kind::Auth) << false;
    QTest::newRow("403") << 403 << int(Error::Kind::Auth) << false;
    QTest::newRow("404") << 404 << int(Error::Kind::NotFound) << false;
    QTest::newRow("429") << 429 << int(Error::Kind::Throttled) << true;
    QTest::newRow("500") << 500 << int(Error::Kind::Http) << true;
    QTest::newRow("503") << 503 << int(Error::Kind::Http) << true;
    QTest::newRow("520") << 520 << int(Error::Kind::Http) << true;
    QTest::newRow("400") << 400 << int(Error::Kind::Http) << false;
    QTest::newRow("413") << 413 << int(Error::Kind::Http) << false;
}

void TestOneApiError::kindFollowsStatus()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(bool, retryable);
    // Without @permanent the status decides whether a retry can help.
    const Error e = parseOneApiError(raw(R"({"error":{"code":"X","message":"m"}})"), status);
    QCOMPARE(Error::kindName(e.kind), Error::kindName(static_cast<Error::Kind>(kind)));
    QCOMPARE(e.retryable, retryable);
    QCOMPARE(e.httpStatus, status);
    const Error text = parseOneApiError(raw("nope"), status);
    QCOMPARE(Error::kindName(text.kind), Error::kindName(static_cast<Error::Kind>(kind)));
}

void TestOneApiError::nonJsonBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("shown");
    QTest::newRow("401 text") << raw("Unauthorized: the token is expired\r\n")
                              << QStringLiteral("Unauthorized: the token is expired");
    QTest::newRow("html") << raw("<html><h1>502 Bad Gateway</h1></html>")
                          << QStringLiteral("502 Bad Gateway");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("no response body");
    QTest::newRow("truncated json") << test::readData(QStringLiteral("kusto/oneapi-error.json")).left(60)
                                    << QStringLiteral("General_BadRequest");
    QTest::newRow("json array") << raw("[1,2]") << QStringLiteral("[1,2]");
    QTest::newRow("error is a string") << raw(R"({"error":"boom"})") << QStringLiteral("boom");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3) << QString();
}

void TestOneApiError::nonJsonBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, shown);
    const Error e = parseOneApiError(body, 401);
    QCOMPARE(e.httpStatus, 401);
    QCOMPARE(Error::kindName(e.kind), Error::kindName(Error::Kind::Auth));
    QVERIFY(!e.message.isEmpty());
    QVERIFY2(e.message.contains(shown), qPrintable(e.message));
    QVERIFY(e.code.isEmpty());
}

void TestOneApiError::secretsAreRedacted()
{
    const Error e = parseOneApiError(
        raw(R"({"error":{"code":"Download_Forbidden","@message":"Cannot read https://a.blob.core.windows.net/c/b?sv=1&sig=TOPSECRET","@permanent":true}})"),
        400);
    QVERIFY(!e.message.contains(QLatin1String("TOPSECRET")));
    QVERIFY(e.message.contains(QLatin1String("https://a.blob.core.windows.net/c/b")));
    const Error t = parseOneApiError(raw("denied for Bearer eyJ0eXAi.abc.def"), 401);
    QVERIFY(!t.message.contains(QLatin1String("eyJ0eXAi")));
}

void TestOneApiError::longTextIsTruncated()
{
    QByteArray body(10 * 1024 * 1024, 'x');
    body.prepend("sig=");
    const Error e = parseOneApiError(body, 500);
    QVERIFY(e.message.size() < 5000);
    QVERIFY(!e.message.contains(QLatin1String("xxxx")));

    const QByteArray json
        = raw(R"({"error":{"code":"C","message":")") + QByteArray(10 * 1024 * 1024, 'm') + raw(R"("}})");
    const Error j = parseOneApiError(json, 500);
    QCOMPARE(j.code, QStringLiteral("C"));
    QVERIFY(j.message.size() < 5000);
}

void TestOneApiError::fallsBackToMessageAndHeader()
{
    const Error e = parseOneApiError(
        raw(R"({"error":{"code":"General_BadRequest","message":"Plain message","@message":""}})"), 400,
        QStringLiteral("hdr-1"));
    QCOMPARE(e.message, QStringLiteral("Plain message"));
    QCOMPARE(e.activityId, QStringLiteral("hdr-1"));
    // JAVA's fallback: a top-level message.
    const Error top = parseOneApiError(raw(R"({"message":"Top level"})"), 400);
    QCOMPARE(top.message, QStringLiteral("Top level"));
}

void TestOneApiError::wrappedOneApiErrors()
{
    const QByteArray body
        = raw(R"({"OneApiErrors":[{"error":{"code":"LimitsExceeded","message":"m","@permanent":false}}]})");
    QVERIFY(looksLikeOneApiError(body));
    const QByteArray tables = raw(R"({"Tables":[]})");
    QVERIFY(!looksLikeOneApiError(tables));
    const Error e = parseOneApiError(body);
    QCOMPARE(e.code, QStringLiteral("LimitsExceeded"));
    QCOMPARE(e.retryable, true);
    QCOMPARE(e.httpStatus, 0);
}

QTEST_APPLESS_MAIN(TestOneApiError)
#include "TestOneApiError.moc"
