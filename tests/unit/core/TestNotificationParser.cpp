#include "TestData.h"
#include "core/NotificationParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace iw;
using Kind = IngestionNotification::Kind;
Q_DECLARE_METATYPE(iw::IngestionNotification::Kind)
Q_DECLARE_METATYPE(iw::FailureStatus)

namespace {
QString js(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}
QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}
} // namespace

class TestNotificationParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesServiceFailureMessage_data();
    void parsesServiceFailureMessage();
    void parsesSuccessMessage();
    void acceptsClientVariants();
    void failureStatusEncodings_data();
    void failureStatusEncodings();
    void booleanEncodings_data();
    void booleanEncodings();
    void timeEncodings_data();
    void timeEncodings();
    void malformedInputs_data();
    void malformedInputs();
    void hugeMessage();
    void roundTripsThroughServiceJson_data();
    void roundTripsThroughServiceJson();
    void writesServiceFieldNames();
    void malformedReplaysRawText();
};

void TestNotificationParser::parsesServiceFailureMessage_data()
{
    QTest::addColumn<QString>("text");
    const QByteArray json = test::readData(QStringLiteral("notifications/failure.json"));
    QTest::newRow("base64 as posted")
        << QString::fromLatin1(test::readData(QStringLiteral("notifications/failure.b64")));
    QTest::newRow("plain json") << QString::fromUtf8(json);
    QTest::newRow("base64 with line breaks")
        << b64(json).insert(40, QLatin1String("\r\n")).insert(90, QLatin1Char('\n'));
    QTest::newRow("surrounding whitespace") << QStringLiteral("  ") + b64(json) + QStringLiteral("\n");
    QTest::newRow("utf8 bom inside base64") << b64(QByteArray("\xEF\xBB\xBF") + json);
}

void TestNotificationParser::parsesServiceFailureMessage()
{
    QFETCH(QString, text);
    const IngestionNotification n = parseNotificationMessage(text, Kind::Failure);
    QCOMPARE(n.parseError, QString());
    QCOMPARE(toString(n.kind), toString(Kind::Failure));
    QCOMPARE(n.operationId, QStringLiteral("3827def6-0773-4f2a-859e-c02cf395deaf"));
    QCOMPARE(n.database, QStringLiteral("db1"));
    QCOMPARE(n.table, QStringLiteral("table1"));
    QCOMPARE(n.ingestionSourceId, QStringLiteral("e02acf47-dcc5-4733-8bad-c2db3fc61ea3"));
    QCOMPARE(n.ingestionSourcePath, QStringLiteral("https://acct.blob.core.windows.net/c/b.csv.gz"));
    QCOMPARE(n.rootActivityId, QStringLiteral("3c883942-e446-4999-9b00-d4c664f06ef6"));
    QCOMPARE(n.failedOn, utc(2017, 2, 14, 22, 25, 3, 114));
    QCOMPARE(n.when(), n.failedOn);
    QCOMPARE(n.details, QStringLiteral("Stream with ID '*****.csv' has a malformed CSV format"));
    QCOMPARE(n.errorCode, QStringLiteral("Stream_ClosingQuoteMissing"));
    QCOMPARE(toString(n.failureStatus), toString(FailureStatus::Permanent));
    QCOMPARE(n.originatesFromUpdatePolicy, false);
    QCOMPARE(n.shouldRetry, false);
    QCOMPARE(n.rawText, text); // kept exactly as received
}

void TestNotificationParser::parsesSuccessMessage()
{
    const QString text = QString::fromLatin1(test::readData(QStringLiteral("notifications/success.b64")));
    const IngestionNotification n = parseNotificationMessage(text, Kind::Success);
    QCOMPARE(toString(n.kind), toString(Kind::Success));
    QCOMPARE(n.operationId, QStringLiteral("5f0d1c1e-2b7a-4a43-9a3c-1f6f0c1b2a11"));
    QCOMPARE(n.succeededOn, utc(2024, 5, 1, 10, 0, 0, 500));
    QCOMPARE(n.when(), n.succeededOn);
    QVERIFY(!n.failedOn.isValid());
    QCOMPARE(n.errorCode, QString());
}

void TestNotificationParser::acceptsClientVariants()
{
    // Lower-case keys, epoch seconds, empty FailureStatus and booleans as strings (the Python test mock).
    const QString text
        = QString::fromLatin1(test::readData(QStringLiteral("notifications/failure-python-mock.b64")));
    const IngestionNotification n = parseNotificationMessage(text, Kind::Failure);
    QCOMPARE(n.parseError, QString());
    QCOMPARE(toString(n.kind), toString(Kind::Failure));
    QCOMPARE(n.database, QStringLiteral("db1"));
    QCOMPARE(n.errorCode, QStringLiteral("Download_SourceNotFound"));
    QCOMPARE(n.failedOn, utc(2017, 2, 14, 22, 25, 3, 114));
    QCOMPARE(toString(n.failureStatus), toString(FailureStatus::Unknown));
    QCOMPARE(n.originatesFromUpdatePolicy, false);
    QCOMPARE(n.shouldRetry, true);
}

void TestNotificationParser::failureStatusEncodings_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<FailureStatus>("expected");
    QTest::newRow("name") << js(R"({"OperationId":"x","FailureStatus":"Transient"})")
                          << FailureStatus::Transient;
    QTest::newRow("lower-case name") << js(R"({"OperationId":"x","FailureStatus":"exhausted"})")
                                     << FailureStatus::Exhausted;
    QTest::newRow("number 0") << js(R"({"OperationId":"x","FailureStatus":0})") << FailureStatus::Unknown;
    QTest::newRow("number 1") << js(R"({"OperationId":"x","FailureStatus":1})") << FailureStatus::Permanent;
    QTest::newRow("number 3") << js(R"({"OperationId":"x","FailureStatus":3})") << FailureStatus::Exhausted;
    QTest::newRow("number as text") << js(R"({"OperationId":"x","FailureStatus":"2"})")
                                    << FailureStatus::Transient;
    QTest::newRow("absent") << js(R"({"OperationId":"x"})") << FailureStatus::Unknown;
    QTest::newRow("null") << js(R"({"OperationId":"x","FailureStatus":null})") << FailureStatus::Unknown;
    QTest::newRow("new name") << js(R"({"OperationId":"x","FailureStatus":"SomethingNew"})")
                              << FailureStatus::Unknown;
}

void TestNotificationParser::failureStatusEncodings()
{
    QFETCH(QString, json);
    QFETCH(FailureStatus, expected);
    const IngestionNotification n = parseNotificationMessage(b64(json.toUtf8()), Kind::Failure);
    QCOMPARE(toString(n.kind), toString(Kind::Failure));
    QCOMPARE(toString(n.failureStatus), toString(expected));
}

void TestNotificationParser::booleanEncodings_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("true") << QStringLiteral("true") << true;
    QTest::newRow("false") << QStringLiteral("false") << false;
    QTest::newRow("\"true\"") << QStringLiteral("\"true\"") << true;
    QTest::newRow("\"True\"") << QStringLiteral("\"True\"") << true;
    QTest::newRow("\"FALSE\"") << QStringLiteral("\"FALSE\"") << false;
    QTest::newRow("1") << QStringLiteral("1") << true;
    QTest::newRow("0") << QStringLiteral("0") << false;
    QTest::newRow("null") << QStringLiteral("null") << false;
}

void TestNotificationParser::booleanEncodings()
{
    QFETCH(QString, value);
    QFETCH(bool, expected);
    const QString json
        = QStringLiteral("{\"OperationId\":\"x\",\"ShouldRetry\":%1,\"OriginatesFromUpdatePolicy\":%1}")
              .arg(value);
    const IngestionNotification n = parseNotificationMessage(json, Kind::Failure);
    QCOMPARE(toString(n.kind), toString(Kind::Failure));
    QCOMPARE(n.shouldRetry, expected);
    QCOMPARE(n.originatesFromUpdatePolicy, expected);
}

void TestNotificationParser::timeEncodings_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t = utc(2017, 2, 14, 22, 25, 3, 114);
    QTest::newRow("7 digits Z") << QStringLiteral("\"2017-02-14T22:25:03.1147331Z\"") << t;
    QTest::newRow("3 digits Z") << QStringLiteral("\"2017-02-14T22:25:03.114Z\"") << t;
    QTest::newRow("offset") << QStringLiteral("\"2017-02-14T23:25:03.114+01:00\"") << t;
    QTest::newRow("no zone is UTC") << QStringLiteral("\"2017-02-14T22:25:03.114\"") << t;
    QTest::newRow("space separator") << QStringLiteral("\"2017-02-14 22:25:03.1140000\"") << t;
    QTest::newRow("epoch seconds") << QStringLiteral("1487111103.114") << t;
    QTest::newRow("epoch milliseconds") << QStringLiteral("1487111103114") << t;
    QTest::newRow("epoch ms as text") << QStringLiteral("\"1487111103114\"") << t;
    QTest::newRow("empty string") << QStringLiteral("\"\"") << QDateTime();
    QTest::newRow("null") << QStringLiteral("null") << QDateTime();
}

void TestNotificationParser::timeEncodings()
{
    QFETCH(QString, value);
    QFETCH(QDateTime, expected);
    const QString json = QStringLiteral("{\"OperationId\":\"x\",\"FailedOn\":%1}").arg(value);
    const IngestionNotification n = parseNotificationMessage(json, Kind::Failure);
    QCOMPARE(n.parseError, QString());
    QCOMPARE(n.failedOn, expected);
    if (expected.isValid())
        QCOMPARE(n.failedOn.timeSpec(), Qt::UTC);
}

void TestNotificationParser::malformedInputs_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" \n\t");
    QTest::newRow("not base64") << QStringLiteral("this is not base64!");
    QTest::newRow("non-ascii") << QStringLiteral("\u00e9\u00e9\u00e9\u00e9");
    QTest::newRow("base64 of text") << b64("hello world");
    QTest::newRow("base64 of binary") << b64(QByteArray("\x00\xff\xfe\x01\x02", 5));
    QTest::newRow("truncated base64")
        << QString::fromLatin1(test::readData(QStringLiteral("notifications/failure.b64"))).left(101);
    QTest::newRow("truncated json") << QString::fromUtf8(
        test::readData(QStringLiteral("notifications/failure.json")).left(120));
    QTest::newRow("json array") << js(R"([{"OperationId":"x"}])");
    QTest::newRow("json array base64") << b64(R"([1,2,3])");
    QTest::newRow("json string") << b64(R"("OperationId")");
    QTest::newRow("json number") << b64("42");
    QTest::newRow("empty object") << js("{}");
    QTest::newRow("unrelated object") << js(R"({"hello":"world","n":1})");
    QTest::newRow("object as OperationId") << js(R"({"OperationId":{"a":1}})");
    QTest::newRow("array as Details") << js(R"({"OperationId":"x","Details":[1,2]})");
    QTest::newRow("bool as text") << js(R"({"OperationId":"x","ShouldRetry":"maybe"})");
    QTest::newRow("bad time") << js(R"({"OperationId":"x","FailedOn":"yesterday"})");
    QTest::newRow("impossible date") << js(R"({"OperationId":"x","FailedOn":"2017-02-30T00:00:00Z"})");
    QTest::newRow("time as object") << js(R"({"OperationId":"x","FailedOn":{}})");
    QTest::newRow("huge epoch") << js(R"({"OperationId":"x","FailedOn":1e300})");
    QTest::newRow("FailureStatus 7") << js(R"({"OperationId":"x","FailureStatus":7})");
    QTest::newRow("FailureStatus 1.5") << js(R"({"OperationId":"x","FailureStatus":1.5})");
    QTest::newRow("FailureStatus array") << js(R"({"OperationId":"x","FailureStatus":[]})");
    QTest::newRow("deep nesting") << QString(5000, QLatin1Char('[')) + QString(5000, QLatin1Char(']'));
    QTest::newRow("deep object") << QStringLiteral("{\"a\":").repeated(5000) + QStringLiteral("1")
            + QString(5000, QLatin1Char('}'));
}

void TestNotificationParser::malformedInputs()
{
    QFETCH(QString, text);
    for (const Kind expected : { Kind::Failure, Kind::Success }) {
        const IngestionNotification n = parseNotificationMessage(text, expected);
        QCOMPARE(toString(n.kind), toString(Kind::Malformed));
        QCOMPARE(n.rawText, text); // never dropped: the raw text is there for the operator
        QVERIFY(!n.parseError.isEmpty());
    }
}

void TestNotificationParser::hugeMessage()
{
    // A 10 MB Details field still parses; 10 MB of garbage is Malformed.
    QJsonObject o;
    o.insert(QStringLiteral("OperationId"), QStringLiteral("op"));
    o.insert(QStringLiteral("Details"), QString(10 * 1024 * 1024, QLatin1Char('d')));
    const QString big = b64(QJsonDocument(o).toJson(QJsonDocument::Compact));
    const IngestionNotification n = parseNotificationMessage(big, Kind::Failure);
    QCOMPARE(toString(n.kind), toString(Kind::Failure));
    QCOMPARE(n.details.size(), 10 * 1024 * 1024);

    const QString garbage(10 * 1024 * 1024, QLatin1Char('#'));
    QCOMPARE(toString(parseNotificationMessage(garbage, Kind::Failure).kind), toString(Kind::Malformed));
    const QString unterminated
        = QStringLiteral("{\"OperationId\":\"") + QString(10 * 1024 * 1024, QLatin1Char('x'));
    QCOMPARE(toString(parseNotificationMessage(unterminated, Kind::Failure).kind), toString(Kind::Malformed));
}

void TestNotificationParser::roundTripsThroughServiceJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("failure") << QStringLiteral("notifications/failure.json") << Kind::Failure;
    QTest::newRow("success") << QStringLiteral("notifications/success.json") << Kind::Success;
    QTest::newRow("python mock") << QStringLiteral("notifications/failure-python-mock.json") << Kind::Failure;
}

void TestNotificationParser::roundTripsThroughServiceJson()
{
    QFETCH(QString, file);
    QFETCH(Kind, kind);
    IngestionNotification a = parseNotificationMessage(QString::fromUtf8(test::readData(file)), kind);
    QCOMPARE(toString(a.kind), toString(kind));
    const QByteArray json = toNotificationJson(a);
    IngestionNotification b = parseNotificationMessage(b64(json), kind);
    QCOMPARE(toString(b.kind), toString(kind));
    a.rawText.clear();
    b.rawText.clear();
    QCOMPARE(b, a);
}

void TestNotificationParser::writesServiceFieldNames()
{
    IngestionNotification n;
    n.kind = Kind::Failure;
    n.operationId = QStringLiteral("op");
    n.failedOn = utc(2024, 1, 2, 3, 4, 5, 6);
    n.errorCode = QStringLiteral("BadRequest_EmptyBlob");
    n.failureStatus = FailureStatus::Permanent;
    n.shouldRetry = true;
    const QJsonObject o = QJsonDocument::fromJson(toNotificationJson(n)).object();
    const QStringList expected { QStringLiteral("Database"),
                                 QStringLiteral("Details"),
                                 QStringLiteral("ErrorCode"),
                                 QStringLiteral("FailedOn"),
                                 QStringLiteral("FailureStatus"),
                                 QStringLiteral("IngestionSourceId"),
                                 QStringLiteral("IngestionSourcePath"),
                                 QStringLiteral("OperationId"),
                                 QStringLiteral("OriginatesFromUpdatePolicy"),
                                 QStringLiteral("RootActivityId"),
                                 QStringLiteral("ShouldRetry"),
                                 QStringLiteral("Table") };
    QCOMPARE(o.keys(), expected);
    QCOMPARE(o.value(QStringLiteral("FailureStatus")).toString(), QStringLiteral("Permanent"));
    QCOMPARE(o.value(QStringLiteral("FailedOn")).toString(), QStringLiteral("2024-01-02T03:04:05.0060000Z"));
    QCOMPARE(o.value(QStringLiteral("ShouldRetry")).toBool(), true);

    n.kind = Kind::Success;
    n.succeededOn = n.failedOn;
    const QJsonObject s = QJsonDocument::fromJson(toNotificationJson(n)).object();
    QVERIFY(s.contains(QStringLiteral("SucceededOn")));
    QVERIFY(!s.contains(QStringLiteral("FailedOn")));
    QVERIFY(!s.contains(QStringLiteral("ErrorCode")));
    QVERIFY(!s.contains(QStringLiteral("ShouldRetry")));
}

void TestNotificationParser::malformedReplaysRawText()
{
    const IngestionNotification n = parseNotificationMessage(QStringLiteral("%%%garbage"), Kind::Failure);
    QCOMPARE(toNotificationJson(n), QByteArray("%%%garbage"));
}

QTEST_APPLESS_MAIN(TestNotificationParser)
#include "TestNotificationParser.moc"
