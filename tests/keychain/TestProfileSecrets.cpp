// Profiles and their secrets with a real Secret Service (gnome-keyring in a private D-Bus session, through
// tests/with-keyring.sh): a profile for every sign-in method and both manual storage kinds saved and
// reloaded, the secrets in the keychain (as another program, secret-tool, sees them) and none of them in
// the settings file read back as text; a device code sign-in against the real ingestwatch-sim whose
// refresh token is stored in the keychain and used silently after a "restart".
#include "SimulatorProcess.h"
#include "azure/HttpPipeline.h"
#include "monitor/ProfileStore.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using iw::test::SimulatorProcess;

namespace {

const QString kService = QStringLiteral("IngestWatchProfileTest");

Status writeSecret(SecretStore &s, const QString &k, const QString &v)
{
    std::optional<Status> out;
    s.write(k, v, [&](Status r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(Status(Error::make(Error::Kind::Timeout, QStringLiteral("no answer"))));
}

Result<QString> readSecret(SecretStore &s, const QString &k)
{
    std::optional<Result<QString>> out;
    s.read(k, [&](Result<QString> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(Result<QString>(Error::make(Error::Kind::Timeout, QStringLiteral("no answer"))));
}

QString secretOr(SecretStore &s, const QString &k)
{
    const Result<QString> r = readSecret(s, k);
    return r.ok() ? r.value() : QStringLiteral("<none>");
}

QString secretToolLookup(const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key });
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool timed out>");
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestProfileSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a Secret Service: run through tests/with-keyring.sh (CTest does)");
    }

    void everyMethodSavedAndReloadedWithoutSecretsInSettings()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("ingestwatch.conf"));
        QList<ConnectionProfile> saved;
        QList<QPair<QString, QString>> secrets; // key, value
        int n = 0;
        for (SignInMethod m : { SignInMethod::None, SignInMethod::AzureCli, SignInMethod::ServicePrincipal,
                                SignInMethod::DeviceCode, SignInMethod::Browser }) {
            ConnectionProfile p;
            p.name = QStringLiteral("prod/%1 é").arg(toString(m));
            p.clusterUrl = QUrl(QStringLiteral("https://c%1.westeurope.kusto.windows.net").arg(++n));
            p.defaultDatabase = QStringLiteral("Logs");
            p.signIn = m;
            p.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
            p.clientId = QStringLiteral("11111111-2222-3333-4444-55555555555%1").arg(n);
            p.authorityUrl = QUrl(QStringLiteral("https://login.microsoftonline.com"));
            saved << p;
            if (m == SignInMethod::ServicePrincipal)
                secrets.append(
                    { p.secretKey(ConnectionProfile::kClientSecret), QStringLiteral("Cl13nt~S3cr3t.value") });
            if (m == SignInMethod::DeviceCode || m == SignInMethod::Browser)
                secrets.append({ p.secretKey(ConnectionProfile::kRefreshToken),
                                 QStringLiteral("0.ARrefresh-token-of-%1").arg(toString(m)) });
        }
        ConnectionProfile sas;
        sas.name = QStringLiteral("manual SAS");
        sas.clusterUrl = QUrl(QStringLiteral("https://ingest-c9.kusto.windows.net"));
        sas.signIn = SignInMethod::AzureCli;
        sas.storage = StorageSource::Manual;
        sas.manualKind = ManualStorageKind::SasUrls;
        // As typed by the operator, with the SAS: the store keeps only the URL.
        sas.manualStatusTableUrl = QUrl(QStringLiteral("https://acct.table.core.windows.net/ingestionsstatus"
                                                       "?sv=2021-12-02&sig=TABLESIGNATUREsecret%3D"));
        sas.manualQueueUrls = { QStringLiteral("https://acct.queue.core.windows.net/failedingestions"
                                               "?sv=2021-12-02&sig=QUEUESIGNATUREsecret%3D") };
        sas.manualSuccessQueueUrls
            = { QStringLiteral("https://acct.queue.core.windows.net/successfulingestions") };
        secrets.append({ sas.secretKey(ConnectionProfile::sasKey(sas.manualStatusTableUrl)),
                         QStringLiteral("sv=2021-12-02&sig=TABLESIGNATUREsecret%3D") });
        secrets.append({ sas.secretKey(ConnectionProfile::sasKey(QUrl(sas.manualQueueUrls.first()))),
                         QStringLiteral("sv=2021-12-02&sig=QUEUESIGNATUREsecret%3D") });
        saved << sas;
        ConnectionProfile cs;
        cs.name = QStringLiteral("manual connection string");
        cs.clusterUrl = QUrl(QStringLiteral("https://c10.kusto.windows.net"));
        cs.signIn = SignInMethod::ServicePrincipal;
        cs.storage = StorageSource::Manual;
        cs.manualKind = ManualStorageKind::ConnectionString;
        cs.manualTableName = QStringLiteral("ingestionsstatus");
        cs.manualFailedQueueNames = { QStringLiteral("failedingestions") };
        cs.manualSuccessQueueNames = { QStringLiteral("successfulingestions") };
        secrets.append(
            { cs.secretKey(ConnectionProfile::kStorageConnectionString),
              QStringLiteral("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey="
                             "QUNDT1VOVEtFWXNlY3JldHNlY3JldHNlY3JldA==;EndpointSuffix=core.windows.net") });
        saved << cs;

        {
            ProfileStore store(std::make_unique<QSettings>(ini, QSettings::IniFormat));
            FallbackSecretStore keychain(new KeychainSecretStore(kService));
            for (const ConnectionProfile &p : saved)
                store.save(p);
            for (const auto &[k, v] : secrets)
                QVERIFY(writeSecret(keychain, k, v).ok());
            QVERIFY(!keychain.usingFallback());
            store.sync();
        }

        // Reloaded as after a restart: names and URLs back, the SAS stripped from the URLs.
        ProfileStore reloaded(std::make_unique<QSettings>(ini, QSettings::IniFormat));
        for (ConnectionProfile expected : saved) {
            const auto back = reloaded.profile(expected.name);
            QVERIFY2(back.has_value(), qPrintable(expected.name));
            expected.manualStatusTableUrl = withoutSecrets(expected.manualStatusTableUrl);
            for (QString &q : expected.manualQueueUrls)
                q = withoutSecrets(QUrl(q)).toString();
            QVERIFY2(*back == expected, qPrintable(expected.name));
        }
        // The secrets are in the keychain: another program sees them, a new store reads them.
        KeychainSecretStore again(kService);
        for (const auto &[k, v] : secrets) {
            QCOMPARE(secretToolLookup(k), v);
            QCOMPARE(secretOr(again, k), v);
        }
        // ... and nowhere in the settings file.
        QFile f(ini);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("c9.kusto.windows.net")));
        for (const auto &[k, v] : secrets)
            QVERIFY2(!text.contains(v), qPrintable(k));
        QVERIFY(!text.contains(QStringLiteral("sig=")));
        QVERIFY(!text.contains(QStringLiteral("SIGNATURE")));
        QVERIFY(!text.contains(QStringLiteral("AccountKey")));
        for (const auto &[k, v] : secrets) {
            std::optional<Status> removed;
            again.remove(k, [&removed](Status s) { removed.emplace(s); });
            QVERIFY(QTest::qWaitFor([&removed] { return removed.has_value(); }, 10000));
            QVERIFY(removed->ok());
        }
    }

    // A device code sign-in against ingestwatch-sim: the refresh token goes to the keychain; after a
    // "restart" (new keychain store, new provider) the token comes without a device code.
    void refreshTokenKeptInKeychainAndReused()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString())); // its device codes approve after one poll
        ConnectionProfile p;
        p.name = QStringLiteral("sim device code");
        p.clusterUrl = sim.url();
        p.signIn = SignInMethod::DeviceCode;
        p.tenantId = QStringLiteral("tenant-a");
        p.clientId = QStringLiteral("app");
        p.authorityUrl = sim.url();
        const QString key = p.secretKey(ConnectionProfile::kRefreshToken);
        HttpPipeline pipeline;
        {
            FallbackSecretStore keychain(new KeychainSecretStore(kService));
            ProfileTokenProvider tokens(p, &pipeline, &keychain);
            QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
            std::optional<Result<QString>> got;
            tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
            QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 20000));
            QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().toString()));
            QCOMPARE(ready.size(), 1);
            QTRY_VERIFY_WITH_TIMEOUT(!secretToolLookup(key).isEmpty(), 10000);
            QVERIFY(!keychain.usingFallback());
        }
        const QString stored = secretToolLookup(key);
        KeychainSecretStore keychain(kService);
        ProfileTokenProvider tokens(p, &pipeline, &keychain);
        QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
        std::optional<Result<QString>> got;
        tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 20000));
        QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().toString()));
        QCOMPARE(ready.size(), 0);
        // Rotated by the authority and written back.
        QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(key) != stored, 10000);
        QVERIFY(!secretToolLookup(key).isEmpty());
        std::optional<Status> removed;
        keychain.remove(key, [&removed](Status s) { removed.emplace(s); });
        QVERIFY(QTest::qWaitFor([&removed] { return removed.has_value(); }, 10000));
        sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "TestProfileSecrets.moc"
