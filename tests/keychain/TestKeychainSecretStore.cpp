// Runs against a real Secret Service: CTest starts it through tests/with-keyring.sh (gnome-keyring in a
// private D-Bus session). Started directly without a session bus, it skips rather than fails.
#include "monitor/SecretStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace iw;

namespace {

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

Status removeSecret(SecretStore &s, const QString &k)
{
    std::optional<Status> out;
    s.remove(k, [&](Status r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(Status(Error::make(Error::Kind::Timeout, QStringLiteral("no answer"))));
}

// What another program sees in the Secret Service for this item (libsecret's secret-tool), so the test
// proves the secret is really in the keychain and not only in this process.
QString secretToolLookup(const QString &service, const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key });
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool timed out>");
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a Secret Service: run through tests/with-keyring.sh (CTest does)");
    }

    void roundTripThroughTheRealKeychain()
    {
        const QString service = QStringLiteral("IngestWatchTest");
        const QString key = QStringLiteral("profile/prod/clientSecret");
        const QString secret = QStringLiteral("s3cr3t~with;odd=chars&sig=x/y+z==");
        KeychainSecretStore store(service);
        QVERIFY(store.isPersistent());

        const Status w = writeSecret(store, key, secret);
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().toString()));
        QCOMPARE(secretToolLookup(service, key), secret);

        // A second store object (as after a restart) reads the same secret back.
        KeychainSecretStore again(service);
        const Result<QString> r = readSecret(again, key);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r.value(), secret);

        QVERIFY(removeSecret(again, key).ok());
        const Result<QString> gone = readSecret(store, key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, Error::Kind::NotFound);
        QVERIFY(secretToolLookup(service, key).isEmpty());
        // Removing twice is fine.
        QVERIFY(removeSecret(store, key).ok());
    }

    void fallbackStaysOnKeychainWhileItWorks()
    {
        FallbackSecretStore store(new KeychainSecretStore(QStringLiteral("IngestWatchTest")));
        QSignalSpy unavailable(&store, &FallbackSecretStore::keychainUnavailable);
        QVERIFY(writeSecret(store, QStringLiteral("k"), QStringLiteral("v")).ok());
        QCOMPARE(readSecret(store, QStringLiteral("k")).value(), QStringLiteral("v"));
        QVERIFY(!store.usingFallback());
        QVERIFY(store.isPersistent());
        QCOMPARE(unavailable.count(), 0);
        QVERIFY(removeSecret(store, QStringLiteral("k")).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
