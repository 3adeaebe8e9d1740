#include "core/ConnectionString.h"
#include "core/StorageUri.h"

#include <QTest>

using namespace iw;

class TestConnectionString : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void developmentStorage()
    {
        auto cs = ConnectionString::parse(u"UseDevelopmentStorage=true");
        QVERIFY(cs);
        QCOMPARE(cs->accountName, QStringLiteral("devstoreaccount1"));
        QCOMPARE(cs->accountKey, QLatin1String(ConnectionString::kDevAccountKey));
        QCOMPARE(cs->tableEndpoint, QUrl(QStringLiteral("http://127.0.0.1:10002/devstoreaccount1")));
        QCOMPARE(cs->queueEndpoint, QUrl(QStringLiteral("http://127.0.0.1:10001/devstoreaccount1")));
        QCOMPARE(cs->blobEndpoint, QUrl(QStringLiteral("http://127.0.0.1:10000/devstoreaccount1")));
        auto proxy = ConnectionString::parse(
            u"UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite");
        QVERIFY(proxy);
        QCOMPARE(proxy->tableEndpoint.host(), QStringLiteral("azurite"));
    }

    void accountKeyAndSuffix()
    {
        auto cs = ConnectionString::parse(u"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;"
                                          u"EndpointSuffix=core.chinacloudapi.cn");
        QVERIFY(cs);
        QCOMPARE(cs->tableEndpoint, QUrl(QStringLiteral("https://acct.table.core.chinacloudapi.cn")));
        QCOMPARE(cs->queueEndpoint, QUrl(QStringLiteral("https://acct.queue.core.chinacloudapi.cn")));
        QVERIFY(cs->hasSharedKey());
    }

    void explicitEndpointsAndSas()
    {
        auto cs = ConnectionString::parse(u"TableEndpoint=http://127.0.0.1:10102/devstoreaccount1/"
                                          u";SharedAccessSignature=?sv=2021-12-02&sig=x%2By");
        QVERIFY(cs);
        QCOMPARE(cs->tableEndpoint, QUrl(QStringLiteral("http://127.0.0.1:10102/devstoreaccount1")));
        QCOMPARE(cs->sharedAccessSignature, QStringLiteral("sv=2021-12-02&sig=x%2By"));
        QCOMPARE(cs->accountName, QStringLiteral("devstoreaccount1"));
        QVERIFY(!cs->hasSharedKey());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no equals") << QStringLiteral("garbage");
        QTest::newRow("no credential") << QStringLiteral("AccountName=a");
        QTest::newRow("bad key") << QStringLiteral("AccountName=a;AccountKey=!!!");
        QTest::newRow("key without account") << QStringLiteral("AccountKey=a2V5");
        QTest::newRow("bad protocol")
            << QStringLiteral("DefaultEndpointsProtocol=ftp;AccountName=a;AccountKey=a2V5");
        QTest::newRow("bad endpoint")
            << QStringLiteral("TableEndpoint=not a url;SharedAccessSignature=sig=1");
    }
    void malformed()
    {
        QFETCH(QString, text);
        QVERIFY(!ConnectionString::parse(text));
    }

    void storageUri()
    {
        auto prod = StorageUri::parse(QStringLiteral(
            "https://acct.table.core.windows.net/ingestionsstatus?sv=2019-02-02&tn=x&sig=a%2Bb"));
        QVERIFY(prod);
        QVERIFY(!prod->pathStyle);
        QCOMPARE(prod->account, QStringLiteral("acct"));
        QCOMPARE(prod->resourceName, QStringLiteral("ingestionsstatus"));
        QCOMPARE(prod->sasToken, QStringLiteral("sv=2019-02-02&tn=x&sig=a%2Bb"));
        QCOMPARE(prod->endpoint, QUrl(QStringLiteral("https://acct.table.core.windows.net")));
        QCOMPARE(prod->resourceUrl(),
                 QUrl(QStringLiteral("https://acct.table.core.windows.net/ingestionsstatus")));

        auto emu = StorageUri::parse(
            QStringLiteral("http://127.0.0.1:10001/devstoreaccount1/failedingestionsqueue?sv=1&sig=2"));
        QVERIFY(emu);
        QVERIFY(emu->pathStyle);
        QCOMPARE(emu->account, QStringLiteral("devstoreaccount1"));
        QCOMPARE(emu->resourceName, QStringLiteral("failedingestionsqueue"));
        QCOMPARE(emu->endpoint, QUrl(QStringLiteral("http://127.0.0.1:10001/devstoreaccount1")));

        QVERIFY(!StorageUri::parse(QStringLiteral("ftp://x/y")));
        QVERIFY(!StorageUri::parse(QStringLiteral("http://127.0.0.1:10001/onlyaccount")));
        QVERIFY(!StorageUri::parse(QStringLiteral("https://acct.table.core.windows.net/")));
        QVERIFY(!StorageUri::parse(QString()));
    }
};

QTEST_GUILESS_MAIN(TestConnectionString)
#include "TestConnectionString.moc"
