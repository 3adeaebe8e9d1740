#include "simulator/IngestionMessage.h"

#include <QTest>

using namespace iw;

namespace {
const char *const kJson[] = {
    "{\"BlobPath\":\"https://acct.blob.core.windows.net/c/"
    "b.csv.gz?sas\",\"RawDataSize\":1024,\"DatabaseName\":\"db\",\"TableName\":\"t\", "
    "\"RetainBlobOnSuccess\":true,\"FlushImmediately\":false,\"IgnoreSizeLimit\":false,\"ReportLevel\":2,"
    "\"ReportMethod\":0, "
    "\"SourceMessageCreationTime\":\"2025-01-01T00:00:00.000000\",\"Id\":\"11111111-1111-1111-1111-"
    "111111111111\", "
    "\"ApplicationForTracing\":\"MyApp\",\"ClientVersionForTracing\":\"Kusto.Python.Client:1\", "
    "\"AdditionalProperties\":{\"authorizationContext\":\"tok\",\"format\":\"csv\",\"tags\":\"[\\\"a\\\"]\"}"
    "}",
    "{\"Id\":\"11111111-1111-1111-1111-111111111111\",\"BlobPath\":\"https://a/c/"
    "b?sas\",\"DatabaseName\":\"db\",\"TableName\":\"t\", "
    "\"RawDataSize\":1234,\"FlushImmediately\":false,\"ReportMethod\":1, "
    "\"AdditionalProperties\":{\"authorizationContext\":\"tok\"}, "
    "\"IngestionStatusInTable\":{\"TableConnectionString\":\"https://acct.table.core.windows.net/"
    "ingestionsstatus?sas\", "
    "\"PartitionKey\":\"11111111-1111-1111-1111-111111111111\",\"RowKey\":\"00000000-0000-0000-0000-"
    "000000000000\"}}",
    "{\"BlobPath\":\"https://a/c/"
    "b?sas\",\"DatabaseName\":\"db\",\"TableName\":\"t\",\"RetainBlobOnSuccess\":true,\"FlushImmediately\":"
    "false, "
    "\"ReportLevel\":0,\"ReportMethod\":2,\"Id\":\"22222222-2222-2222-2222-222222222222\",\"RawDataSize\":0, "
    "\"IngestionStatusInTable\":{\"tableConnectionString\":\"https://t/"
    "ingestionsstatus?sas\",\"partitionKey\":\"22222222-2222-2222-2222-222222222222\",\"rowKey\":\"22222222-"
    "2222-2222-2222-222222222222\"}, "
    "\"AdditionalProperties\":{\"authorizationContext\":\"tok\",\"format\":\"csv\"}}",
    "{\"blobPath\":\"https://a/c/"
    "b?sas\",\"rawDataSize\":1234,\"databaseName\":\"db\",\"tableName\":\"t\",\"id\":\"33333333-3333-3333-"
    "3333-333333333333\", "
    "\"retainBlobOnSuccess\":true,\"reportLevel\":\"FailuresAndSuccesses\",\"reportMethod\":\"Table\","
    "\"sourceMessageCreationTime\":\"2025-01-01T00:00:00.123\", "
    "\"flushImmediately\":false,\"ingestionStatusInTable\":{\"tableConnectionString\":\"https://t/"
    "s?sas\",\"partitionKey\":\"p\",\"rowKey\":\"r\"}, "
    "\"additionalProperties\":{\"authorizationContext\":\"tok\"}}",
    "{\"Id\":\"44444444-4444-4444-4444-444444444444\",\"BlobPath\":\"https://a/c/"
    "b\",\"RawDataSize\":\"100\",\"DatabaseName\":\"db\",\"TableName\":\"t\", "
    "\"RetainBlobOnSuccess\":\"false\",\"FlushImmediately\":\"true\",\"ReportLevel\":\"1\",\"ReportMethod\":"
    "\"0\",\"AdditionalProperties\":{}}",
    "{\"Id\":\"5\",\"BlobPath\":\"u\",\"DatabaseName\":\"d\",\"TableName\":\"t\",\"ReportLevel\":"
    "\"DoNotReport\",\"ReportMethod\":\"QueueAndTable\"}",
    "{\"Id\":\"x\",\"BlobPath\":\" https://a/c/b?sig=1 "
    "\",\"RawDataSize\":\"100\",\"DatabaseName\":\"db\",\"TableName\":\"t\", "
    "\"RetainBlobOnSuccess\":\"true\",\"FlushImmediately\":1,\"ReportLevel\":2,\"ReportMethod\":2, "
    "\"ApplicationForTracing\":\"app\",\"AdditionalProperties\":{\"format\":\"csv\"}, "
    "\"IngestionStatusInTable\":{\"TableConnectionString\":\"https://t/"
    "s?sas\",\"PartitionKey\":\"x\",\"RowKey\":\"x\"}}",
    "{\"Id\":\"x\",\"BlobPath\":\"u\"",
    "{\"BlobPath\":\"u\",\"DatabaseName\":\"d\",\"TableName\":\"t\"}",
    "{\"Id\":\"x\",\"DatabaseName\":\"d\",\"TableName\":\"t\"}",
    "{\"Id\":\"x\",\"BlobPath\":\"u\",\"DatabaseName\":\"d\"}",
    "{\"Id\":\"x\",\"BlobPath\":\"u\",\"DatabaseName\":\"d\",\"TableName\":\"t\",\"ReportLevel\":9}",
    "{\"Id\":\"x\",\"BlobPath\":\"u\",\"DatabaseName\":\"d\",\"TableName\":\"t\",\"ReportMethod\":\"Carrier "
    "pigeon\"}",
    "{\"Id\":{},\"BlobPath\":[],\"DatabaseName\":1,\"TableName\":null}"
};
} // namespace

class TestIngestionMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sdkShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("hasTable");
        QTest::addColumn<QString>("rowKey");

        QTest::newRow("python") << QByteArray(kJson[0]) << 2 << 0 << false << QString();
        QTest::newRow("go omits zero enums") << QByteArray(kJson[1]) << 0 << 1 << true
                                             << QStringLiteral("00000000-0000-0000-0000-000000000000");
        QTest::newRow("node camelCase nested") << QByteArray(kJson[2]) << 0 << 2 << true
                                               << QStringLiteral("22222222-2222-2222-2222-222222222222");
        QTest::newRow("java lower camel, string enums")
            << QByteArray(kJson[3]) << 2 << 1 << true << QStringLiteral("r");
        QTest::newRow("docs: strings everywhere") << QByteArray(kJson[4]) << 1 << 0 << false << QString();
        QTest::newRow("DoNotReport name, QueueAndTable")
            << QByteArray(kJson[5]) << 1 << 2 << false << QString();
    }
    void sdkShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, level);
        QFETCH(int, method);
        QFETCH(bool, hasTable);
        QFETCH(QString, rowKey);
        for (const QByteArray &text : { json, json.toBase64() }) {
            const auto m = IngestionMessage::parse(text);
            QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
            QVERIFY(!m->id.isEmpty());
            QVERIFY(!m->blobPath.isEmpty());
            QVERIFY(!m->databaseName.isEmpty());
            QCOMPARE(int(m->reportLevel), level);
            QCOMPARE(int(m->reportMethod), method);
            QCOMPARE(m->statusInTable.has_value(), hasTable);
            if (hasTable) {
                QVERIFY(!m->statusInTable->tableConnectionString.isEmpty());
                QVERIFY(!m->statusInTable->partitionKey.isEmpty());
                QCOMPARE(m->statusInTable->rowKey, rowKey);
            }
        }
    }

    void fieldValues()
    {
        const auto m = IngestionMessage::parse(QByteArray(kJson[6]).toBase64());
        QVERIFY(m.ok());
        QCOMPARE(m->blobPath, QStringLiteral("https://a/c/b?sig=1"));
        QCOMPARE(m->rawDataSize, 100);
        QVERIFY(m->retainBlobOnSuccess);
        QVERIFY(m->flushImmediately);
        QCOMPARE(m->applicationForTracing, QStringLiteral("app"));
        QCOMPARE(m->additionalProperties.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
        QVERIFY(m->wantsTable());
        QVERIFY(m->wantsQueue());
        QVERIFY(m->reportsFailures());
        QVERIFY(m->reportsSuccesses());
    }

    void reportingRules()
    {
        IngestionMessage m;
        m.reportMethod = ReportMethod::Table;
        QVERIFY(!m.wantsTable()); // no IngestionStatusInTable
        m.statusInTable = StatusTableTarget { QStringLiteral("u"), QStringLiteral("p"), QStringLiteral("r") };
        QVERIFY(m.wantsTable());
        QVERIFY(!m.wantsQueue());
        m.reportLevel = ReportLevel::None;
        QVERIFY(!m.reportsFailures());
        QVERIFY(!m.reportsSuccesses());
        m.reportLevel = ReportLevel::FailuresOnly;
        QVERIFY(m.reportsFailures());
        QVERIFY(!m.reportsSuccesses());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces") << QByteArray("   ");
        QTest::newRow("not base64") << QByteArray("!!!***");
        QTest::newRow("base64 of garbage") << QByteArray("aGVsbG8=");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("truncated") << QByteArray(kJson[7]);
        QTest::newRow("no id") << QByteArray(kJson[8]);
        QTest::newRow("no blob") << QByteArray(kJson[9]);
        QTest::newRow("no table") << QByteArray(kJson[10]);
        QTest::newRow("bad level") << QByteArray(kJson[11]);
        QTest::newRow("bad method") << QByteArray(kJson[12]);
        QTest::newRow("wrong types") << QByteArray(kJson[13]);
    }
    void rejects()
    {
        QFETCH(QByteArray, text);
        const auto m = IngestionMessage::parse(text);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, QStringLiteral("BadRequest_CorruptedMessage"));
    }
};

QTEST_APPLESS_MAIN(TestIngestionMessage)
#include "TestIngestionMessage.moc"
