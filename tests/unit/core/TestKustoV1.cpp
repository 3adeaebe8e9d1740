#include "TestData.h"
#include "core/KustoV1.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace iw;

namespace {
QByteArray raw(const char *s)
{
    return QByteArray(s);
}
QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}
KustoV1Table primary(const QString &file)
{
    const auto r = parseKustoV1(test::readData(file));
    if (!r.ok())
        qWarning("%s", qPrintable(r.error().toString()));
    return r.ok() ? r->primaryTable().value() : KustoV1Table {};
}
const QString kOpId = QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444");
} // namespace

class TestKustoV1 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDocumentedShape();
    void fallsBackToDataType();
    void primaryTableRule();
    void columnLookupByName();
    void malformedBodies_data();
    void malformedBodies();
    void oneApiErrorBodyIsThatError();
    void hugeBody();
    void writerRoundTrips();

    void queuedOperations();
    void queuedOperationsWithDocsHeaders();
    void cancelResultWithEmptyLastUpdate();
    void queuedOperationsRoundTrip();
    void queuedOperationsBadCells_data();
    void queuedOperationsBadCells();
    void blobDetails();
    void ingestionResources();
    void identityToken();
    void submission();
    void wrongTableForExtractor();
};

void TestKustoV1::parsesDocumentedShape()
{
    const auto r = parseKustoV1(test::readData(QStringLiteral("kusto/v1-hello.json")));
    QVERIFY(r.ok());
    QCOMPARE(r->tables.size(), 1);
    const KustoV1Table &t = r->tables.first();
    QCOMPARE(t.tableName, QStringLiteral("Table_0"));
    QCOMPARE(t.columns.size(), 1);
    QCOMPARE(t.columns.first().name, QStringLiteral("Text"));
    QCOMPARE(t.columns.first().type(), QStringLiteral("string"));
    QCOMPARE(t.rows.first().first().toString(), QStringLiteral("Hello, World!"));
}

void TestKustoV1::fallsBackToDataType()
{
    const KustoV1Table t = primary(QStringLiteral("kusto/version-show.json"));
    QCOMPARE(t.columns.size(), 4);
    QCOMPARE(t.columns.at(1).columnType, QString());
    QCOMPARE(t.columns.at(1).type(), QStringLiteral("DateTime"));
    QCOMPARE(t.rows.first().at(t.columnIndex(u"ServiceType")).toString(), QStringLiteral("Engine"));
}

void TestKustoV1::primaryTableRule()
{
    const auto r = parseKustoV1(test::readData(QStringLiteral("kusto/query-with-toc.json")));
    QVERIFY(r.ok());
    QCOMPARE(r->tables.size(), 4);
    const auto p = r->primaryTable();
    QVERIFY(p.ok());
    QCOMPARE(p->rows.first().first().toString(), QStringLiteral("the result"));

    // Two tables: the first is primary, whatever the second is.
    KustoV1Response two;
    two.tables = { primary(QStringLiteral("kusto/v1-hello.json")),
                   primary(QStringLiteral("kusto/version-show.json")) };
    QCOMPARE(two.primaryTable()->tableName, QStringLiteral("Table_0"));
    QCOMPARE(two.primaryTable()->columns.first().name, QStringLiteral("Text"));

    QVERIFY(!KustoV1Response {}.primaryTable().ok());

    // Three tables and no usable table of contents: an error, not a guess.
    KustoV1Response three;
    three.tables = { two.tables.first(), two.tables.first(), two.tables.first() };
    QVERIFY(!three.primaryTable().ok());
    // A TOC that points past the data tables.
    auto bad = parseKustoV1(test::readData(QStringLiteral("kusto/query-with-toc.json"))).value();
    bad.tables.last().rows[1][0] = 17;
    QVERIFY(!bad.primaryTable().ok());
}

void TestKustoV1::columnLookupByName()
{
    KustoV1Table t;
    t.columns = { KustoV1Column::make(QStringLiteral("Started On"), QStringLiteral("datetime")),
                  KustoV1Column::make(QStringLiteral("state"), QStringLiteral("string")),
                  KustoV1Column::make(QStringLiteral("State"), QStringLiteral("string")) };
    QCOMPARE(t.columnIndex(u"StartedOn"), 0);
    QCOMPARE(t.columnIndex(u"State"), 2); // exact match wins over a case-insensitive one
    QCOMPARE(t.columnIndex(u"STATE"), 1);
    QCOMPARE(t.columnIndex(u"Missing"), -1);
    QCOMPARE(t.columnIndex({ u"Pending", u"State" }), 2);
}

void TestKustoV1::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << raw("  \n");
    QTest::newRow("not json") << raw("Unauthorized");
    QTest::newRow("html") << raw("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("truncated") << test::readData(QStringLiteral("kusto/show-operations.json")).left(300);
    QTest::newRow("array") << raw("[]");
    QTest::newRow("number") << raw("42");
    QTest::newRow("no tables") << raw(R"({"Foo":[]})");
    QTest::newRow("tables is object") << raw(R"({"Tables":{}})");
    QTest::newRow("tables is string") << raw(R"({"Tables":"x"})");
    QTest::newRow("table is number") << raw(R"({"Tables":[1]})");
    QTest::newRow("no columns") << raw(R"({"Tables":[{"TableName":"T","Rows":[]}]})");
    QTest::newRow("columns is object") << raw(R"({"Tables":[{"Columns":{},"Rows":[]}]})");
    QTest::newRow("column without name")
        << raw(R"({"Tables":[{"Columns":[{"DataType":"String"}],"Rows":[]}]})");
    QTest::newRow("column name is number") << raw(R"({"Tables":[{"Columns":[{"ColumnName":3}],"Rows":[]}]})");
    QTest::newRow("column is string") << raw(R"({"Tables":[{"Columns":["Text"],"Rows":[]}]})");
    QTest::newRow("rows is object") << raw(R"({"Tables":[{"Columns":[{"ColumnName":"A"}],"Rows":{}}]})");
    QTest::newRow("row is string") << raw(R"({"Tables":[{"Columns":[{"ColumnName":"A"}],"Rows":["x"]}]})");
    QTest::newRow("row too short") << raw(
        R"({"Tables":[{"Columns":[{"ColumnName":"A"},{"ColumnName":"B"}],"Rows":[["x"]]}]})");
    QTest::newRow("row too long") << raw(
        R"({"Tables":[{"Columns":[{"ColumnName":"A"}],"Rows":[["x","y"]]}]})");
    QTest::newRow("table name is array") << raw(R"({"Tables":[{"TableName":[],"Columns":[],"Rows":[]}]})");
    QTest::newRow("deep nesting") << QByteArray(100000, '[');
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe{", 5);
}

void TestKustoV1::malformedBodies()
{
    QFETCH(QByteArray, body);
    const auto r = parseKustoV1(body);
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.isEmpty());
}

void TestKustoV1::oneApiErrorBodyIsThatError()
{
    const auto r = parseKustoV1(test::readData(QStringLiteral("kusto/wrong-endpoint.json")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("BadRequest"));
    QVERIFY(r.error().message.contains(QLatin1String("ingest-somecluster")));

    // An in-band error row, as v1 query responses carry them.
    const auto inBand = parseKustoV1(raw(
        R"({"Tables":[{"TableName":"T","Columns":[{"ColumnName":"A"}],"Rows":[{"OneApiErrors":[{"error":{"code":"LimitsExceeded","message":"Too many rows","@permanent":true}}]}]}]})"));
    QVERIFY(!inBand.ok());
    QCOMPARE(inBand.error().code, QStringLiteral("LimitsExceeded"));
}

void TestKustoV1::hugeBody()
{
    // ~10 MB: 100,000 operation rows parse, and are all there.
    QList<QueuedOperation> ops;
    for (int i = 0; i < 100000; ++i) {
        QueuedOperation o;
        o.ingestionOperationId = QStringLiteral("a;b;%1").arg(i);
        o.state = OperationState::Completed;
        o.discovered = i;
        o.sampleFailedReasons = QString(100, QLatin1Char('r'));
        ops.append(o);
    }
    KustoV1Response resp;
    resp.tables = { toV1Table(ops) };
    const QByteArray body = resp.toJson();
    QVERIFY(body.size() > 10 * 1000 * 1000);
    const auto r = parseKustoV1(body);
    QVERIFY(r.ok());
    const auto parsed = queuedOperationsFromV1(r->primaryTable().value());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 100000);
    QCOMPARE(parsed->last().discovered, 99999);

    // The same body cut short is an error.
    QVERIFY(!parseKustoV1(body.left(body.size() / 2)).ok());
    // 10 MB of one string that never ends.
    const QByteArray endless = raw(R"({"Tables":[{"TableName":")") + QByteArray(10 * 1024 * 1024, 'x');
    QVERIFY(!parseKustoV1(endless).ok());
}

void TestKustoV1::writerRoundTrips()
{
    const auto r = parseKustoV1(test::readData(QStringLiteral("kusto/query-with-toc.json")));
    QVERIFY(r.ok());
    const QByteArray json = r->toJson();
    const auto again = parseKustoV1(json);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), r.value());
    // The writer uses the service's member names.
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject t0 = root.value(QLatin1String("Tables")).toArray().first().toObject();
    QVERIFY(t0.contains(QLatin1String("TableName")));
    QVERIFY(t0.contains(QLatin1String("Rows")));
    const QJsonObject c0 = t0.value(QLatin1String("Columns")).toArray().first().toObject();
    QCOMPARE(c0.value(QLatin1String("ColumnName")).toString(), QStringLiteral("Value"));
    QCOMPARE(c0.value(QLatin1String("DataType")).toString(), QStringLiteral("String"));
    QCOMPARE(c0.value(QLatin1String("ColumnType")).toString(), QStringLiteral("string"));
}

void TestKustoV1::queuedOperations()
{
    const auto ops = queuedOperationsFromV1(primary(QStringLiteral("kusto/show-operations.json")));
    QVERIFY2(ops.ok(), qPrintable(ops.ok() ? QString() : ops.error().toString()));
    QCOMPARE(ops->size(), 2);
    const QueuedOperation &a = ops->at(0);
    QCOMPARE(a.ingestionOperationId, kOpId);
    QCOMPARE(a.startedOn, utc(2025, 1, 10, 14, 57, 41));
    QCOMPARE(a.lastUpdatedOn, utc(2025, 1, 10, 15, 15, 4));
    QCOMPARE(toString(a.state), QStringLiteral("InProgress"));
    QCOMPARE(a.discovered, 10387);
    QCOMPARE(a.pending, 9391);
    QCOMPARE(a.canceled, 0);
    QCOMPARE(a.ingested, 995);
    QCOMPARE(a.failed, 1);
    QCOMPARE(a.sampleFailedReasons, QStringLiteral("Stream with ID '*****.csv' has a malformed CSV format*"));
    QCOMPARE(a.database, QStringLiteral("MyDatabase"));
    QCOMPARE(a.table, QStringLiteral("MyTable"));
    QCOMPARE(toString(ops->at(1).state), QStringLiteral("Completed"));
    QCOMPARE(ops->at(1).done(), 25);
}

void TestKustoV1::queuedOperationsWithDocsHeaders()
{
    // The docs' example: "Started On", "InProgress" for Pending, Canceled after Failed, longs as text.
    const auto docs
        = queuedOperationsFromV1(primary(QStringLiteral("kusto/show-operations-docs-headers.json")));
    QVERIFY2(docs.ok(), qPrintable(docs.ok() ? QString() : docs.error().toString()));
    const auto plain = queuedOperationsFromV1(primary(QStringLiteral("kusto/show-operations.json")));
    QCOMPARE(docs->size(), 1);
    QCOMPARE(docs->first(), plain->first());
}

void TestKustoV1::cancelResultWithEmptyLastUpdate()
{
    const auto ops = queuedOperationsFromV1(primary(QStringLiteral("kusto/cancel-operation.json")));
    QVERIFY(ops.ok());
    const QueuedOperation &o = ops->first();
    QCOMPARE(toString(o.state), QStringLiteral("Canceled"));
    QVERIFY(isTerminal(o.state));
    QCOMPARE(o.startedOn, utc(2025, 3, 20, 15, 3, 11));
    QVERIFY(o.lastUpdatedOn.isNull());
    QCOMPARE(o.discovered, 10);
    QCOMPARE(o.pending, 10);
    QCOMPARE(o.database, QStringLiteral("TestDatabase"));
    QCOMPARE(o.table, QStringLiteral("Logs"));
}

void TestKustoV1::queuedOperationsRoundTrip()
{
    const auto ops = queuedOperationsFromV1(primary(QStringLiteral("kusto/show-operations.json")));
    QVERIFY(ops.ok());
    QList<QueuedOperation> list = ops.value();
    list.append(queuedOperationsFromV1(primary(QStringLiteral("kusto/cancel-operation.json")))->first());
    KustoV1Response resp;
    resp.tables = { toV1Table(list) };
    const auto back = parseKustoV1(resp.toJson());
    QVERIFY(back.ok());
    const auto again = queuedOperationsFromV1(back->primaryTable().value());
    QVERIFY(again.ok());
    QCOMPARE(again.value(), list);
    // The 12 documented columns, in the documented order.
    QStringList names;
    for (const auto &c : resp.tables.first().columns)
        names << c.name;
    QCOMPARE(names.join(QLatin1Char(',')),
             QStringLiteral("IngestionOperationId,StartedOn,LastUpdatedOn,State,Discovered,Pending,Canceled,"
                            "Ingested,Failed,SampleFailedReasons,Database,Table"));
}

void TestKustoV1::queuedOperationsBadCells_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("count is text") << 4 << QJsonValue(QStringLiteral("many"));
    QTest::newRow("count is fraction") << 4 << QJsonValue(1.5);
    QTest::newRow("count is bool") << 5 << QJsonValue(true);
    QTest::newRow("count is object") << 6 << QJsonValue(QJsonObject());
    QTest::newRow("count overflows") << 7 << QJsonValue(QStringLiteral("99999999999999999999999"));
    QTest::newRow("time is text") << 1 << QJsonValue(QStringLiteral("soon"));
    QTest::newRow("time is number") << 2 << QJsonValue(12345);
    QTest::newRow("empty id") << 0 << QJsonValue(QString());
    QTest::newRow("null id") << 0 << QJsonValue(QJsonValue::Null);
}

void TestKustoV1::queuedOperationsBadCells()
{
    QFETCH(int, column);
    QFETCH(QJsonValue, value);
    KustoV1Table t = primary(QStringLiteral("kusto/show-operations.json"));
    t.rows[1][column] = value;
    const auto r = queuedOperationsFromV1(t);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("row 2")), qPrintable(r.error().message));
}

void TestKustoV1::blobDetails()
{
    const auto d = blobDetailsFromV1(primary(QStringLiteral("kusto/show-details.json")));
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
    QCOMPARE(d->size(), 3);
    QCOMPARE(d->at(0).ingestionStatus, QStringLiteral("Pending"));
    QVERIFY(d->at(0).completedAt.isNull());
    QCOMPARE(d->at(1).blobUrl, QStringLiteral("https://<blobstoragelocation>/102.csv.gz"));
    QCOMPARE(d->at(1).startedAt, utc(2025, 2, 9, 14, 56, 9, 80));
    QCOMPARE(d->at(1).completedAt, utc(2024, 2, 9, 15, 2, 6, 552)); // as the docs print it
    QCOMPARE(d->at(2).failedReasons, QStringLiteral("Failed to download"));
    QCOMPARE(d->at(2).ingestionOperationId, kOpId);

    KustoV1Response resp;
    resp.tables = { toV1Table(d.value()) };
    const auto back = blobDetailsFromV1(parseKustoV1(resp.toJson())->primaryTable().value());
    QVERIFY(back.ok());
    QCOMPARE(back.value(), d.value());
}

void TestKustoV1::ingestionResources()
{
    const auto r = ingestionResourcesFromV1(primary(QStringLiteral("kusto/ingestion-resources.json")));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 6);
    const QStringList queues = storageRootsOf(r.value(), u"SecuredReadyForAggregationQueue");
    QCOMPARE(queues.size(), 2); // several rows per type
    QVERIFY(queues.at(1).startsWith(QLatin1String("https://storageaccount2.queue")));
    QCOMPARE(storageRootsOf(r.value(), u"ingestionsstatustable").size(), 1);
    QVERIFY(storageRootsOf(r.value(), u"IngestionsStatusTable").first().contains(QLatin1String("sig=")));
    QVERIFY(storageRootsOf(r.value(), u"NoSuchThing").isEmpty());

    KustoV1Response resp;
    resp.tables = { toV1Table(r.value()) };
    QCOMPARE(ingestionResourcesFromV1(parseKustoV1(resp.toJson())->primaryTable().value()).value(),
             r.value());
}

void TestKustoV1::identityToken()
{
    const auto tok = authorizationContextFromV1(primary(QStringLiteral("kusto/identity-token.json")));
    QVERIFY(tok.ok());
    QCOMPARE(tok.value(), QStringLiteral("eyJhbGciOiJub25lIn0.opaque-authorization-context"));
    QCOMPARE(authorizationContextFromV1(identityTokenTable(QStringLiteral("abc"))).value(),
             QStringLiteral("abc"));

    KustoV1Table empty = identityTokenTable(QStringLiteral("x"));
    empty.rows.clear();
    QVERIFY(!authorizationContextFromV1(empty).ok());
    KustoV1Table wrongType = identityTokenTable(QStringLiteral("x"));
    wrongType.rows[0][0] = 5;
    QVERIFY(!authorizationContextFromV1(wrongType).ok());
}

void TestKustoV1::submission()
{
    const auto s = submissionFromV1(primary(QStringLiteral("kusto/ingest-queued.json")));
    QVERIFY(s.ok());
    QCOMPARE(s->ingestionOperationId, kOpId);
    QCOMPARE(s->clientRequestId,
             QStringLiteral("Kusto.Web.KWE,Query;11112222;11112222;22223333-bbbb-3333-cccc-4444cccc5555"));
    QCOMPARE(s->operationInfo, QStringLiteral(".show queued ingestion operations \"%1\"").arg(kOpId));
    QCOMPARE(submissionFromV1(toV1Table(s.value())).value(), s.value());
}

void TestKustoV1::wrongTableForExtractor()
{
    // Each extractor, given another command's result, says which column it is missing.
    const KustoV1Table hello = primary(QStringLiteral("kusto/v1-hello.json"));
    const auto ops = queuedOperationsFromV1(hello);
    QVERIFY(!ops.ok());
    QVERIFY(ops.error().message.contains(QLatin1String("IngestionOperationId")));
    QVERIFY(!blobDetailsFromV1(hello).ok());
    QVERIFY(!ingestionResourcesFromV1(hello).ok());
    QVERIFY(!authorizationContextFromV1(hello).ok());
    QVERIFY(!submissionFromV1(hello).ok());
    // An empty result is an empty list, not an error.
    KustoV1Table none = toV1Table(QList<QueuedOperation> {});
    QVERIFY(queuedOperationsFromV1(none).ok());
    QCOMPARE(queuedOperationsFromV1(none)->size(), 0);
}

QTEST_APPLESS_MAIN(TestKustoV1)
#include "TestKustoV1.moc"
