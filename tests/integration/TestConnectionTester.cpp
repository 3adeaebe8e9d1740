// The Test button's logic against the real local backend: ingestwatch-sim (its own OAuth2 authority) on a
// real Azurite. Every endpoint OK when discovered; manual storage with a wrong account key gives the
// status table a 403 reason (and the queues too) while the management endpoint is still OK; a dead port
// gives "Unreachable" for the management endpoint.
#include "AzuriteProcess.h"
#include "SimulatorProcess.h"
#include "monitor/ConnectionTester.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace iw;
using iw::test::AzuriteProcess;
using iw::test::SimulatorProcess;

namespace {

Status writeSecret(SecretStore &s, const QString &k, const QString &v)
{
    std::optional<Status> out;
    s.write(k, v, [&](Status r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(Status(Error::make(Error::Kind::Timeout, QStringLiteral("no answer"))));
}

QString dump(const QList<EndpointCheck> &checks)
{
    QStringList out;
    for (const EndpointCheck &c : checks)
        out << QStringLiteral("%1 [%2] %3 (%4)")
                   .arg(c.name, ConnectionTester::toString(c.state), c.detail, c.target);
    return out.join(QLatin1Char('\n'));
}

const EndpointCheck *find(const QList<EndpointCheck> &checks, const QString &prefix)
{
    for (const EndpointCheck &c : checks) {
        if (c.name.startsWith(prefix))
            return &c;
    }
    return nullptr;
}

} // namespace

class TestConnectionTester : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim;

    // Runs the tester to its end; returns whether finished() said all OK.
    static bool run(ConnectionTester &t, QList<EndpointCheck> *checks)
    {
        QSignalSpy finished(&t, &ConnectionTester::finished);
        t.start();
        if (!finished.wait(60000)) {
            *checks = t.results();
            return false;
        }
        *checks = t.results();
        return finished.at(0).at(0).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({}, SimulatorProcess::Storage::Azurite), qPrintable(m_sim.errorString()));
    }
    void cleanupTestCase() { m_sim.stop(); }

    // The "Local emulator" profile: sign-in at the simulator's authority, storage discovered.
    void everyEndpointOk()
    {
        MemorySecretStore secrets;
        ConnectionTester tester(ProfileStore::localProfile(m_sim.url()), &secrets);
        QList<EndpointCheck> checks;
        const bool ok = run(tester, &checks);
        QVERIFY2(ok, qPrintable(dump(checks)));
        const EndpointCheck *mgmt = find(checks, QStringLiteral("Management"));
        QVERIFY(mgmt);
        QCOMPARE(int(mgmt->state), int(EndpointCheck::State::Ok));
        const EndpointCheck *table = find(checks, QStringLiteral("Status table"));
        QVERIFY(table);
        QCOMPARE(int(table->state), int(EndpointCheck::State::Ok));
        QVERIFY2(table->target.contains(QStringLiteral("127.0.0.1")), qPrintable(table->target));
        QVERIFY(find(checks, QStringLiteral("Failure queue")));
        QVERIFY(find(checks, QStringLiteral("Success queue")));
        for (const EndpointCheck &c : checks) {
            QVERIFY2(c.state == EndpointCheck::State::Ok, qPrintable(dump(checks)));
            QVERIFY2(!c.target.contains(QStringLiteral("sig=")), qPrintable(c.target)); // no SAS shown
        }
    }

    // Manual storage with a connection string whose key is wrong: storage says 403, management is fine.
    void wrongAccountKeyGives403()
    {
        AzuriteProcess *azurite = m_sim.azurite();
        QVERIFY(azurite);
        ConnectionProfile p = ProfileStore::localProfile(m_sim.url());
        p.name = QStringLiteral("wrong key");
        p.storage = StorageSource::Manual;
        p.manualKind = ManualStorageKind::ConnectionString;
        p.manualTableName = QStringLiteral("ingestionsstatus");
        p.manualFailedQueueNames = { QStringLiteral("failedingestions") };
        const QString wrongKey = QString::fromLatin1(QByteArray(64, 'k').toBase64());
        const QString cs = QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;"
                                          "TableEndpoint=%3;QueueEndpoint=%4;")
                               .arg(AzuriteProcess::accountName(), wrongKey,
                                    azurite->tableEndpoint().toString(), azurite->queueEndpoint().toString());
        MemorySecretStore secrets;
        QVERIFY(writeSecret(secrets, p.secretKey(ConnectionProfile::kStorageConnectionString), cs).ok());
        ConnectionTester tester(p, &secrets);
        QList<EndpointCheck> checks;
        QVERIFY(!run(tester, &checks));
        const EndpointCheck *mgmt = find(checks, QStringLiteral("Management"));
        QVERIFY(mgmt);
        QCOMPARE(int(mgmt->state), int(EndpointCheck::State::Ok));
        const EndpointCheck *table = find(checks, QStringLiteral("Status table"));
        QVERIFY2(table, qPrintable(dump(checks)));
        QCOMPARE(int(table->state), int(EndpointCheck::State::Failed));
        QVERIFY2(table->detail.startsWith(QStringLiteral("403 Forbidden")), qPrintable(dump(checks)));
        const EndpointCheck *queue = find(checks, QStringLiteral("Failure queue failedingestions"));
        QVERIFY2(queue, qPrintable(dump(checks)));
        QVERIFY2(queue->detail.startsWith(QStringLiteral("403 Forbidden")), qPrintable(dump(checks)));
        // The key never shows up in what the operator sees.
        QVERIFY(!dump(checks).contains(wrongKey));
    }

    // Nothing listens on the port: the management endpoint is unreachable, storage is not guessed.
    void deadPortIsUnreachable()
    {
        const quint16 port = AzuriteProcess::freePort();
        ConnectionProfile p
            = ProfileStore::localProfile(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        MemorySecretStore secrets;
        ConnectionTester tester(p, &secrets);
        tester.setTimeout(std::chrono::seconds(5));
        QList<EndpointCheck> checks;
        QVERIFY(!run(tester, &checks));
        const EndpointCheck *mgmt = find(checks, QStringLiteral("Management"));
        QVERIFY(mgmt);
        QCOMPARE(int(mgmt->state), int(EndpointCheck::State::Failed));
        QVERIFY2(mgmt->detail.startsWith(QStringLiteral("Unreachable")), qPrintable(dump(checks)));
        const EndpointCheck *table = find(checks, QStringLiteral("Status table"));
        QVERIFY(table);
        QCOMPARE(int(table->state), int(EndpointCheck::State::Skipped));
    }

    // DNS: a name that cannot resolve (.invalid is reserved, RFC 2606).
    void unknownHostIsDns()
    {
        ConnectionProfile p = ProfileStore::localProfile(m_sim.url());
        p.clusterUrl = QUrl(QStringLiteral("https://nosuchcluster.invalid"));
        p.signIn = SignInMethod::AzureCli; // metadata is read first: that is what fails
        MemorySecretStore secrets;
        ConnectionTester tester(p, &secrets);
        tester.setTimeout(std::chrono::seconds(10));
        QList<EndpointCheck> checks;
        QVERIFY(!run(tester, &checks));
        const EndpointCheck *mgmt = find(checks, QStringLiteral("Management"));
        QVERIFY(mgmt);
        QVERIFY2(mgmt->detail.contains(QStringLiteral("DNS")), qPrintable(dump(checks)));
    }
};

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "TestConnectionTester.moc"
