#include "core/QueueMessageXml.h"
#include "core/TableEntityJson.h"
#include "core/TableEntityStatus.h"

#include <QTest>

using namespace iw;

class TestTableEntityJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nometadataPage()
    {
        const QByteArray json = "{\"value\":[{\"PartitionKey\":\"db\",\"RowKey\":\"0001\",\"Name\":\"cpu\","
                                "\"Value\":90.25,\"Count\":1, "
                                "\"UpdatedOn\":\"2024-06-15T08:30:00.1234567Z\",\"Ok\":true,\"Timestamp\":"
                                "\"2026-11-22T00:19:03.7323288Z\"}]}";
        auto r = TableEntityJson::parsePage(json);
        QVERIFY(r);
        QCOMPARE(r->size(), 1);
        const TableEntity &e = r->first();
        QCOMPARE(e.partitionKey, QStringLiteral("db"));
        QCOMPARE(e.timestampText, QStringLiteral("2026-11-22T00:19:03.7323288Z"));
        QCOMPARE(e.timestamp, QDateTime(QDate(2026, 11, 22), QTime(0, 19, 3, 732), Qt::UTC));
        QVERIFY(e.property(u"Count")->type == EdmType::Int32);
        QVERIFY(e.property(u"Value")->type == EdmType::Double);
        QVERIFY(e.property(u"UpdatedOn")->type == EdmType::String); // no annotation in nometadata
        QCOMPARE(e.value(u"Ok").toBool(), true);
    }

    void minimalmetadataAnnotations()
    {
        const QByteArray json
            = "{\"odata.metadata\":\"x\",\"odata.etag\":\"W/"
              "\\\"datetime'2026'\\\"\",\"PartitionKey\":\"web\", "
              "\"RowKey\":\"0002\",\"Big\":\"9007199254740993\",\"Big@odata.type\":\"Edm.Int64\",\"UpdatedOn@"
              "odata.type\":\"Edm.DateTime\", "
              "\"UpdatedOn\":\"2023-12-31T23:59:59Z\",\"Id@odata.type\":\"Edm.Guid\",\"Id\":\"c9da6455-213d-"
              "42c9-9a79-3e9149a57833\", \"Blob@odata.type\":\"Edm.Binary\",\"Blob\":\"AQID\"}";
        auto r = TableEntityJson::parseEntity(json);
        QVERIFY(r);
        QCOMPARE(r->etag, QStringLiteral("W/\"datetime'2026'\""));
        QCOMPARE(r->value(u"Big").toLongLong(), 9007199254740993LL);
        QCOMPARE(r->value(u"UpdatedOn").toDateTime(),
                 QDateTime(QDate(2023, 12, 31), QTime(23, 59, 59), Qt::UTC));
        QVERIFY(r->property(u"Id")->type == EdmType::Guid);
        QCOMPARE(r->value(u"Blob").toByteArray(), QByteArray("\x01\x02\x03"));
        QCOMPARE(r->properties.size(), 4);
    }

    void serializeRoundTrip()
    {
        TableEntity e;
        e.partitionKey = QStringLiteral("p \"q\"");
        e.rowKey = QStringLiteral("r\n1");
        e.set(QStringLiteral("D"), 43.0, EdmType::Double);
        e.set(QStringLiteral("L"), qint64(12), EdmType::Int64);
        e.set(QStringLiteral("T"), QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        const QByteArray json = TableEntityJson::serialize(e);
        QVERIFY(json.contains("\"D\":43.0,\"D@odata.type\":\"Edm.Double\""));
        QVERIFY(json.contains("\"L\":\"12\",\"L@odata.type\":\"Edm.Int64\""));
        auto back = TableEntityJson::parseEntity(json);
        QVERIFY(back);
        QCOMPARE(back->partitionKey, e.partitionKey);
        QCOMPARE(back->rowKey, e.rowKey);
        QCOMPARE(back->value(u"L").toLongLong(), 12);
        QCOMPARE(back->value(u"T").toDateTime(), e.value(u"T").toDateTime());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray("{\"value\":[{\"PartitionKey\":\"a\"");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no value") << QByteArray("{}");
        QTest::newRow("value not array") << QByteArray("{\"value\":3}");
        QTest::newRow("entity not object") << QByteArray("{\"value\":[1]}");
        QTest::newRow("numeric key") << QByteArray("{\"value\":[{\"PartitionKey\":1}]}");
    }
    void malformed()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!TableEntityJson::parsePage(json));
    }

    void odataError()
    {
        QString code, message;
        QVERIFY(TableEntityJson::parseODataError(
            "{\"odata.error\":{\"code\":\"TableNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"The "
            "table specified does not exist.\"}}}",
            &code, &message));
        QCOMPARE(code, QStringLiteral("TableNotFound"));
        QVERIFY(!TableEntityJson::parseODataError("<Error/>", &code, &message));
    }

    void statusMappingIsTolerant()
    {
        TableEntity e;
        e.partitionKey = e.rowKey = QStringLiteral("e02acf47-dcc5-4733-8bad-c2db3fc61ea3");
        e.set(QStringLiteral("Status"), 2); // Failed, as a number
        e.set(QStringLiteral("FailureStatus"), QStringLiteral("Transient"));
        e.set(QStringLiteral("UpdatedOn"), QStringLiteral("1704067200000")); // JS SDK: epoch ms as text
        e.set(QStringLiteral("OriginatesFromUpdatePolicy"), QStringLiteral("True"));
        e.set(QStringLiteral("OperationId"), QStringLiteral("{4b3a35e5-8b7c-4b0c-9d21-1f0f6b8f2a11}"));
        auto s = TableEntityStatus::toIngestionStatus(e);
        QVERIFY(s);
        QVERIFY(s->status == OperationStatus::Failed);
        QVERIFY(s->failureStatus == FailureStatus::Transient);
        QCOMPARE(s->updatedOn, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(s->originatesFromUpdatePolicy);
        QCOMPARE(s->operationId, QStringLiteral("4b3a35e5-8b7c-4b0c-9d21-1f0f6b8f2a11"));

        const TableEntity back = TableEntityStatus::fromIngestionStatus(s.value());
        auto again = TableEntityStatus::toIngestionStatus(back);
        QVERIFY(again);
        QCOMPARE(again.value(), s.value());

        e.set(QStringLiteral("Status"), QStringLiteral("Exploded"));
        QVERIFY(!TableEntityStatus::toIngestionStatus(e));
    }

    void queueMessagesXml()
    {
        const QByteArray xml
            = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
              "standalone=\"yes\"?><QueueMessagesList><QueueMessage><MessageId>a5a05a71-d383-4a3b-bb86-"
              "a4e51ad256ce</MessageId><InsertionTime>Sun, 22 Nov 2026 00:13:19 "
              "GMT</InsertionTime><ExpirationTime>Sun, 22 Nov 2026 01:13:19 "
              "GMT</ExpirationTime><PopReceipt>MjJOb3Y=</PopReceipt><TimeNextVisible>Sun, 22 Nov 2026 "
              "00:13:53 GMT</TimeNextVisible><DequeueCount>1</DequeueCount><MessageText>eyJqb2IiOjF9 "
              "&amp;</MessageText></QueueMessage></QueueMessagesList>";
        auto r = QueueMessageXml::parseMessagesList(xml);
        QVERIFY(r);
        QCOMPARE(r->size(), 1);
        const QueueMessage &m = r->first();
        QCOMPARE(m.messageId, QStringLiteral("a5a05a71-d383-4a3b-bb86-a4e51ad256ce"));
        QCOMPARE(m.insertionTime, QDateTime(QDate(2026, 11, 22), QTime(0, 13, 19), Qt::UTC));
        QCOMPARE(m.popReceipt, QStringLiteral("MjJOb3Y="));
        QCOMPARE(m.dequeueCount, 1);
        QCOMPARE(m.messageText, QStringLiteral("eyJqb2IiOjF9 &"));
        QVERIFY(QueueMessageXml::parseMessagesList("<QueueMessagesList/>"));
        QVERIFY(!QueueMessageXml::parseMessagesList(""));
        QVERIFY(!QueueMessageXml::parseMessagesList("<QueueMessagesList><QueueMessage><MessageId>x"));
        QVERIFY(!QueueMessageXml::parseMessagesList("<Other/>"));

        QString code, message;
        QVERIFY(QueueMessageXml::parseError(
            "<?xml version=\"1.0\"?>\n<Error>\n  <Code>QueueNotFound</Code>\n  "
            "<Message>The specified queue does not exist.\nRequestId:x</Message>\n</Error>",
            &code, &message));
        QCOMPARE(code, QStringLiteral("QueueNotFound"));
        QCOMPARE(QueueMessageXml::messageBody(QStringLiteral("<&>")),
                 QByteArray("<QueueMessage><MessageText>&lt;&amp;&gt;</MessageText></QueueMessage>"));
    }
};

QTEST_GUILESS_MAIN(TestTableEntityJson)
#include "TestTableEntityJson.moc"
