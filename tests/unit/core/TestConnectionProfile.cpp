#include "core/ConnectionProfile.h"

#include <QTest>

using namespace iw;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ingestEndpoint_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cluster") << "https://mycluster.westeurope.kusto.windows.net"
                                 << "https://ingest-mycluster.westeurope.kusto.windows.net";
        QTest::newRow("path and query dropped") << "https://c.kusto.windows.net/MyDb?x=1"
                                                << "https://ingest-c.kusto.windows.net";
        QTest::newRow("already ingest") << "https://ingest-c.kusto.windows.net"
                                        << "https://ingest-c.kusto.windows.net";
        QTest::newRow("ingest upper case") << "https://INGEST-c.kusto.windows.net"
                                           << "https://ingest-c.kusto.windows.net";
        QTest::newRow("china cloud") << "https://c.chinaeast2.kusto.chinacloudapi.cn"
                                     << "https://ingest-c.chinaeast2.kusto.chinacloudapi.cn";
        QTest::newRow("loopback kept") << "http://127.0.0.1:8080"
                                       << "http://127.0.0.1:8080";
        QTest::newRow("localhost kept") << "http://localhost:8080/"
                                        << "http://localhost:8080";
        QTest::newRow("ipv6 loopback kept") << "http://[::1]:8080"
                                            << "http://[::1]:8080";
        QTest::newRow("ip kept") << "https://10.1.2.3"
                                 << "https://10.1.2.3";
        QTest::newRow("user info dropped") << "https://u:p@c.kusto.windows.net"
                                           << "https://ingest-c.kusto.windows.net";
    }
    void ingestEndpoint()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, expected);
        ConnectionProfile p;
        p.clusterUrl = QUrl(cluster);
        QCOMPARE(p.ingestEndpoint().toString(QUrl::StripTrailingSlash), expected);
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
        QTest::newRow("127.8.9.10") << "127.8.9.10" << true;
        QTest::newRow("localhost") << "LocalHost" << true;
        QTest::newRow("::1") << "::1" << true;
        QTest::newRow("10.0.0.1") << "10.0.0.1" << false;
        QTest::newRow("127.0.0.1.evil.com") << "127.0.0.1.evil.com" << false;
        QTest::newRow("localhost.evil.com") << "localhost.evil.com" << false;
        QTest::newRow("1270.0.0.1") << "1270.0.0.1" << false;
        QTest::newRow("empty") << "" << false;
    }
    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }

    void signInNamesRoundTrip()
    {
        for (SignInMethod m : { SignInMethod::None, SignInMethod::AzureCli, SignInMethod::ServicePrincipal,
                                SignInMethod::DeviceCode, SignInMethod::Browser })
            QCOMPARE(int(signInMethodFromString(toString(m))), int(m));
        QCOMPARE(int(signInMethodFromString(u"devicecode")), int(SignInMethod::DeviceCode));
        QCOMPARE(int(signInMethodFromString(u"nonsense")), int(SignInMethod::None));
    }

    // A SAS URL's secret is keyed by the URL without its query; the settings keep only that URL.
    void sasKeyIgnoresTheSas()
    {
        const QUrl withSas(
            QStringLiteral("https://acct.queue.core.windows.net/failedingestions?sv=1&sig=abc"));
        const QUrl bare(QStringLiteral("https://acct.queue.core.windows.net/failedingestions"));
        QCOMPARE(withoutSecrets(withSas), bare);
        QCOMPARE(ConnectionProfile::sasKey(withSas), ConnectionProfile::sasKey(bare));
        QVERIFY(!ConnectionProfile::sasKey(withSas).contains(QStringLiteral("sig")));
        ConnectionProfile p;
        p.manualStatusTableUrl = QUrl(QStringLiteral("https://acct.table.core.windows.net/ingestionsstatus"));
        p.manualQueueUrls = { bare.toString() };
        QVERIFY(p.secretNames().contains(ConnectionProfile::sasKey(bare)));
        QVERIFY(p.secretNames().contains(QStringLiteral("refreshToken")));
    }

    void secretKeysArePerProfile()
    {
        ConnectionProfile a, b;
        a.name = QStringLiteral("prod");
        b.name = QStringLiteral("test");
        QVERIFY(a.secretKey(u"clientSecret") != b.secretKey(u"clientSecret"));
        QVERIFY(a.secretKey(u"clientSecret") != a.secretKey(u"accountKey"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "TestConnectionProfile.moc"
