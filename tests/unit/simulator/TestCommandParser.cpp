#include "simulator/CommandParser.h"

#include <QTest>

using namespace iw;

class TestCommandParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showForms_data()
    {
        QTest::addColumn<QString>("csl");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("ids");

        const int show = int(MgmtCommand::Kind::ShowQueuedOperations);
        const int details = int(MgmtCommand::Kind::ShowQueuedOperationDetails);
        const int cancel = int(MgmtCommand::Kind::CancelQueuedOperation);
        const QString id = QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444");

        QTest::newRow("single double quotes")
            << QStringLiteral(".show queued ingestion operations \"%1\"").arg(id) << show
            << QStringList { id };
        QTest::newRow("single single quotes")
            << QStringLiteral(".show queued ingestion operations '%1'").arg(id) << show << QStringList { id };
        QTest::newRow("list") << QStringLiteral(".show queued ingestion operations (\"a;1\", 'b;2',\"c\")")
                              << show
                              << QStringList { QStringLiteral("a;1"), QStringLiteral("b;2"),
                                               QStringLiteral("c") };
        QTest::newRow("list of one") << QStringLiteral(".show queued ingestion operations ('a')") << show
                                     << QStringList { QStringLiteral("a") };
        QTest::newRow("details") << QStringLiteral(".show queued ingestion operations \"%1\" details").arg(id)
                                 << details << QStringList { id };
        QTest::newRow("whitespace, newlines, comment, semicolon")
            << QStringLiteral("  // comment\n.show  queued\n ingestion\toperations\n ( 'x' ) ;  ") << show
            << QStringList { QStringLiteral("x") };
        QTest::newRow("keywords any case") << QStringLiteral(".SHOW Queued Ingestion Operations 'x' DETAILS")
                                           << details << QStringList { QStringLiteral("x") };
        QTest::newRow("escaped quotes") << QStringLiteral(".show queued ingestion operations 'it\\'s' ")
                                        << show << QStringList { QStringLiteral("it's") };
        QTest::newRow("escaped double + backslash")
            << QStringLiteral(".show queued ingestion operations \"a\\\"b\\\\c\"") << show
            << QStringList { QStringLiteral("a\"b\\c") };
        QTest::newRow("verbatim") << QStringLiteral(".show queued ingestion operations @'c:\\x''y'") << show
                                  << QStringList { QStringLiteral("c:\\x'y") };
        QTest::newRow("obfuscated h string") << QStringLiteral(".show queued ingestion operations h'secret'")
                                             << show << QStringList { QStringLiteral("secret") };
        QTest::newRow("unicode escape") << QStringLiteral(".show queued ingestion operations '\\u00e9'")
                                        << show << QStringList { QString(QChar(0xe9)) };
        QTest::newRow("cancel single") << QStringLiteral(".cancel queued ingestion operation '%1'").arg(id)
                                       << cancel << QStringList { id };
        QTest::newRow("cancel double") << QStringLiteral(".cancel queued ingestion operation \"x\"") << cancel
                                       << QStringList { QStringLiteral("x") };
    }
    void showForms()
    {
        QFETCH(QString, csl);
        QFETCH(int, kind);
        QFETCH(QStringList, ids);
        const auto r = CommandParser::parse(csl);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(int(r->kind), kind);
        QCOMPARE(r->operationIds, ids);
    }

    void getCommands()
    {
        auto r = CommandParser::parse(u".get ingestion resources");
        QVERIFY(r.ok());
        QVERIFY(r->kind == MgmtCommand::Kind::GetIngestionResources);
        r = CommandParser::parse(u".get kusto identity token");
        QVERIFY(r.ok());
        QVERIFY(r->kind == MgmtCommand::Kind::GetKustoIdentityToken);
        r = CommandParser::parse(u"  .get   Kusto Identity Token ;");
        QVERIFY(r.ok());
    }

    void ingestDocExample()
    {
        const auto r
            = CommandParser::parse(u".ingest-from-storage-queued into table database ('MyDatabase').mytable\n"
                                   u"EnableTracking=true\n"
                                   u"with (format='csv', ingestionMappingReference='MyMapping')\n"
                                   u"<| 'https://sample.blob.core.windows.net/sample/test_1.csv?sv=1&sig=x'\n"
                                   u"   'https://sample.blob.core.windows.net/sample/test_2.csv?sv=1&sig=y'");
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->kind == MgmtCommand::Kind::IngestFromStorageQueued);
        QCOMPARE(r->database, QStringLiteral("MyDatabase"));
        QCOMPARE(r->table, QStringLiteral("mytable"));
        QVERIFY(r->enableTracking);
        QVERIFY(!r->skipBatching);
        QCOMPARE(r->properties.size(), 2);
        QCOMPARE(r->property(QStringLiteral("FORMAT")), QStringLiteral("csv"));
        QCOMPARE(r->property(QStringLiteral("ingestionMappingReference")), QStringLiteral("MyMapping"));
        QCOMPARE(r->sourceUrls,
                 (QStringList {
                     QStringLiteral("https://sample.blob.core.windows.net/sample/test_1.csv?sv=1&sig=x"),
                     QStringLiteral("https://sample.blob.core.windows.net/sample/test_2.csv?sv=1&sig=y") }));
    }

    void ingestVariants()
    {
        auto r = CommandParser::parse(u".ingest-from-storage-queued into table T <| \"https://a/b\"");
        QVERIFY(r.ok());
        QCOMPARE(r->database, QString());
        QCOMPARE(r->table, QStringLiteral("T"));
        QVERIFY(!r->enableTracking);
        QCOMPARE(r->sourceUrls.size(), 1);

        r = CommandParser::parse(
            u".ingest-from-storage-queued into table database(\"db\").['My Table'] SkipBatching=true "
            u"EnableTracking=false CompressionFactor=2.5 with (format=json, ignoreFirstRecord=true, "
            u"tags='[\"a\"]') <| 'u1', 'u2', 'u3'");
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->database, QStringLiteral("db"));
        QCOMPARE(r->table, QStringLiteral("My Table"));
        QVERIFY(r->skipBatching);
        QVERIFY(!r->enableTracking);
        QCOMPARE(r->compressionFactor.value_or(0), 2.5);
        QCOMPARE(r->property(QStringLiteral("format")), QStringLiteral("json"));
        QCOMPARE(r->property(QStringLiteral("ignoreFirstRecord")), QStringLiteral("true"));
        QCOMPARE(r->property(QStringLiteral("tags")), QStringLiteral("[\"a\"]"));
        QCOMPARE(r->sourceUrls.size(), 3);

        r = CommandParser::parse(u".ingest-from-storage-queued into table database('LogDb').RawLogs "
                                 u"EnableTracking=true with () <| 'x'");
        QVERIFY(r.ok());
        QCOMPARE(r->database, QStringLiteral("LogDb"));
        QCOMPARE(r->table, QStringLiteral("RawLogs"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("csl");
        QTest::addColumn<QString>("code");
        const QString syntax = QStringLiteral("BadRequest_SyntaxError");
        QTest::newRow("empty") << QString() << syntax;
        QTest::newRow("blank") << QStringLiteral("   \n ") << syntax;
        QTest::newRow("query") << QStringLiteral("print 1") << syntax;
        QTest::newRow("unknown command") << QStringLiteral(".show tables") << syntax;
        QTest::newRow("unknown verb") << QStringLiteral(".drop table T") << syntax;
        QTest::newRow("no id") << QStringLiteral(".show queued ingestion operations") << syntax;
        QTest::newRow("unquoted id") << QStringLiteral(".show queued ingestion operations abc") << syntax;
        QTest::newRow("empty list") << QStringLiteral(".show queued ingestion operations ()") << syntax;
        QTest::newRow("unclosed list") << QStringLiteral(".show queued ingestion operations ('a'") << syntax;
        QTest::newRow("trailing comma")
            << QStringLiteral(".show queued ingestion operations ('a',)") << syntax;
        QTest::newRow("list details")
            << QStringLiteral(".show queued ingestion operations ('a') details") << syntax;
        QTest::newRow("unterminated") << QStringLiteral(".show queued ingestion operations 'abc") << syntax;
        QTest::newRow("bad escape") << QStringLiteral(".show queued ingestion operations 'a\\qb'") << syntax;
        QTest::newRow("trailing junk")
            << QStringLiteral(".show queued ingestion operations 'a' 'b'") << syntax;
        QTest::newRow("cancel plural") << QStringLiteral(".cancel queued ingestion operations 'a'") << syntax;
        QTest::newRow("cancel list") << QStringLiteral(".cancel queued ingestion operation ('a')") << syntax;
        QTest::newRow("get other") << QStringLiteral(".get database schema") << syntax;
        QTest::newRow("ingest no source")
            << QStringLiteral(".ingest-from-storage-queued into table T") << syntax;
        QTest::newRow("ingest no urls")
            << QStringLiteral(".ingest-from-storage-queued into table T <|") << syntax;
        QTest::newRow("ingest unquoted url")
            << QStringLiteral(".ingest-from-storage-queued into table T <| https://x") << syntax;
        QTest::newRow("ingest bad flag")
            << QStringLiteral(".ingest-from-storage-queued into table T EnableTracking=yes <| 'u'") << syntax;
        QTest::newRow("ingest no table")
            << QStringLiteral(".ingest-from-storage-queued into table <| 'u'") << syntax;
        QTest::newRow("ingest bad with")
            << QStringLiteral(".ingest-from-storage-queued into table T with (format) <| 'u'") << syntax;
        QTest::newRow("ingest unclosed with")
            << QStringLiteral(".ingest-from-storage-queued into table T with (format='csv' <| 'u'") << syntax;
        QTest::newRow("ingest db no dot")
            << QStringLiteral(".ingest-from-storage-queued into table database('d') T <| 'u'") << syntax;
        QTest::newRow("ingest empty url") << QStringLiteral(".ingest-from-storage-queued into table T <| ''")
                                          << QStringLiteral("BadRequest_EmptyBlobUri");
        QTest::newRow("list blobs") << QStringLiteral(
            ".ingest-from-storage-queued into table T <| .list blobs "
            "(\"https://a/b\")") << QStringLiteral("BadRequest_NotSupported");
        QTest::newRow("garbage char") << QStringLiteral(".show queued ingestion operations 'a' #") << syntax;
        QTest::newRow("nul") << QString(QChar(0)) << syntax;
    }
    void errors()
    {
        QFETCH(QString, csl);
        QFETCH(QString, code);
        const auto r = CommandParser::parse(csl);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(r.error().kind == Error::Kind::Parse);
        QVERIFY(!r.error().message.isEmpty());
    }

    void neverCrashesOnPrefixes()
    {
        const QString full
            = QStringLiteral(".ingest-from-storage-queued into table database('db').T EnableTracking=true "
                             "with (format='csv', x=\"y\\\"z\") <| 'https://a/b?c=d' \"e\"");
        QVERIFY(CommandParser::parse(full).ok());
        for (int i = 0; i < full.size(); ++i)
            (void)CommandParser::parse(QStringView(full).left(i));
    }
};

QTEST_APPLESS_MAIN(TestCommandParser)
#include "TestCommandParser.moc"
