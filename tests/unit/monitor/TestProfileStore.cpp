#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;

class TestProfileStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settingsFile() const
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("ingestwatch.conf")),
                                           QSettings::IniFormat);
    }

    static QList<ConnectionProfile> everyMethod()
    {
        QList<ConnectionProfile> out;
        for (SignInMethod m : { SignInMethod::None, SignInMethod::AzureCli, SignInMethod::ServicePrincipal,
                                SignInMethod::DeviceCode, SignInMethod::Browser }) {
            ConnectionProfile p;
            p.name = QStringLiteral("prod/%1 ü").arg(toString(m));
            p.clusterUrl = QUrl(QStringLiteral("https://c1.westeurope.kusto.windows.net"));
            p.defaultDatabase = QStringLiteral("Logs");
            p.signIn = m;
            p.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
            p.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
            out << p;
        }
        ConnectionProfile manual;
        manual.name = QStringLiteral("manual storage");
        manual.clusterUrl = QUrl(QStringLiteral("https://ingest-c2.kusto.windows.net"));
        manual.signIn = SignInMethod::AzureCli;
        manual.storage = StorageSource::Manual;
        manual.manualQueueUrls = { QStringLiteral("https://acct.queue.core.windows.net/failedingestions") };
        manual.manualStatusTableUrl
            = QUrl(QStringLiteral("https://acct.table.core.windows.net/ingestionsstatus"));
        out << manual;
        ConnectionProfile sasBoth = manual;
        sasBoth.name = QStringLiteral("manual SAS, both queue kinds");
        sasBoth.manualSuccessQueueUrls
            = { QStringLiteral("https://acct.queue.core.windows.net/successfulingestions") };
        out << sasBoth;
        ConnectionProfile cs;
        cs.name = QStringLiteral("manual connection string");
        cs.clusterUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        cs.signIn = SignInMethod::Browser;
        cs.storage = StorageSource::Manual;
        cs.manualKind = ManualStorageKind::ConnectionString;
        cs.manualTableName = QStringLiteral("ingestionsstatus");
        cs.manualFailedQueueNames = { QStringLiteral("failedingestions"), QStringLiteral("failed2") };
        cs.manualSuccessQueueNames = { QStringLiteral("successfulingestions") };
        out << cs;
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyMethodSavedAndReloaded()
    {
        const QList<ConnectionProfile> saved = everyMethod();
        {
            ProfileStore store(settingsFile());
            for (const ConnectionProfile &p : saved)
                store.save(p);
            store.setActiveProfileName(saved.at(2).name);
        }
        ProfileStore reloaded(settingsFile());
        for (const ConnectionProfile &p : saved) {
            const auto back = reloaded.profile(p.name);
            QVERIFY2(back.has_value(), qPrintable(p.name));
            QCOMPARE(*back, p);
        }
        QCOMPARE(reloaded.activeProfileName(), saved.at(2).name);
        // The local emulator profile is always there.
        QVERIFY(reloaded.profile(ProfileStore::localProfileName()).has_value());
        QCOMPARE(reloaded.profiles().size(), saved.size() + 1);
    }

    void settingsFileHoldsNoSecret()
    {
        const QString sas = QStringLiteral("sv=2021-12-02&sp=rl&sig=AbCdEfGhSecretSig%3D");
        const QString accountKey = QStringLiteral("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2U");
        const QString clientSecret = QStringLiteral("Kq8~client.secret-value_xyz");
        MemorySecretStore secrets;
        {
            ProfileStore store(settingsFile());
            ConnectionProfile p;
            p.name = QStringLiteral("with secrets");
            p.clusterUrl = QUrl(QStringLiteral("https://user:pw-in-url@c3.kusto.windows.net"));
            p.signIn = SignInMethod::ServicePrincipal;
            p.storage = StorageSource::Manual;
            // An operator pastes full SAS URLs: the store keeps the URL, the token goes to the keychain.
            p.manualQueueUrls
                = { QStringLiteral("https://acct.queue.core.windows.net/failedingestions?") + sas };
            p.manualStatusTableUrl
                = QUrl(QStringLiteral("https://acct.table.core.windows.net/ingestionsstatus?") + sas);
            store.save(p);
            secrets.write(p.secretKey(u"clientSecret"), clientSecret, [](Status) {});
            secrets.write(p.secretKey(u"accountKey"), accountKey, [](Status) {});
            store.sync();

            const auto back = store.profile(p.name);
            QVERIFY(back);
            QCOMPARE(back->manualQueueUrls,
                     QStringList { QStringLiteral("https://acct.queue.core.windows.net/failedingestions") });
            QCOMPARE(back->clusterUrl.userInfo(), QString());
        }
        QFile f(m_dir.filePath(QStringLiteral("ingestwatch.conf")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("c3.kusto.windows.net")); // the profile really is in this file
        for (const QString &secret : { QStringLiteral("AbCdEfGhSecretSig"), accountKey, clientSecret,
                                       QStringLiteral("pw-in-url"), QStringLiteral("sig=") })
            QVERIFY2(!text.contains(secret.toUtf8()), qPrintable(secret));
    }

    void removeDropsTheProfile()
    {
        ProfileStore store(settingsFile());
        ConnectionProfile p;
        p.name = QStringLiteral("temp");
        store.save(p);
        QVERIFY(store.profile(QStringLiteral("temp")));
        store.remove(QStringLiteral("temp"));
        QVERIFY(!store.profile(QStringLiteral("temp")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
