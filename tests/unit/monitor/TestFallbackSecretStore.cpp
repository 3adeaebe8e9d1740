// The keychain cannot be reached here on purpose: the session bus address points nowhere, so QtKeychain
// itself fails. The store must say so, keep the secret for this session in memory, and write nothing.
#include "monitor/SecretStore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;

namespace {

template<typename R, typename Start>
R waitFor(Start start)
{
    std::optional<R> out;
    start([&](R r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 15000);
    if (!out)
        return R(Error::make(Error::Kind::Timeout, QStringLiteral("no answer")));
    return std::move(*out);
}

} // namespace

class TestFallbackSecretStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_home.path() + QStringLiteral("/config")).toUtf8());
        qputenv("XDG_DATA_HOME", (m_home.path() + QStringLiteral("/data")).toUtf8());
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ingestwatch-test-bus");
        qunsetenv("DISPLAY");
    }

    void memoryStoreRoundTrip()
    {
        MemorySecretStore s;
        QVERIFY(!s.isPersistent());
        QVERIFY(
            (waitFor<Status>([&](auto cb) { s.write(QStringLiteral("a"), QStringLiteral("1"), cb); })).ok());
        QCOMPARE((waitFor<Result<QString>>([&](auto cb) { s.read(QStringLiteral("a"), cb); })).value(),
                 QStringLiteral("1"));
        QVERIFY((waitFor<Status>([&](auto cb) { s.remove(QStringLiteral("a"), cb); })).ok());
        const auto gone = waitFor<Result<QString>>([&](auto cb) { s.read(QStringLiteral("a"), cb); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, Error::Kind::NotFound);
    }

    void unreachableKeychainFallsBackToMemoryAndSaysSo()
    {
        const QString secret = QStringLiteral("AccountKey-Eby8vdM02xNOcqFl-never-on-disk");
        FallbackSecretStore store(new KeychainSecretStore(QStringLiteral("IngestWatchTest")));
        QSignalSpy unavailable(&store, &FallbackSecretStore::keychainUnavailable);

        const Status w = waitFor<Status>(
            [&](auto cb) { store.write(QStringLiteral("profile/p/accountKey"), secret, cb); });
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().toString()));
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(store.usingFallback());
        QVERIFY(!store.isPersistent());
        QVERIFY(unavailable.at(0).at(0).toString().contains(QStringLiteral("memory")));

        const auto r = waitFor<Result<QString>>(
            [&](auto cb) { store.read(QStringLiteral("profile/p/accountKey"), cb); });
        QVERIFY(r.ok());
        QCOMPARE(r.value(), secret);

        // Told once, not on every call.
        QVERIFY((waitFor<Status>([&](auto cb) {
                    store.write(QStringLiteral("x"), QStringLiteral("y"), cb);
                })).ok());
        QCOMPARE(unavailable.count(), 1);

        // Nothing under HOME holds the secret (no plaintext fallback file such as QtKeychain's QSettings).
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestFallbackSecretStore)
#include "TestFallbackSecretStore.moc"
