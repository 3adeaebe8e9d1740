// AzureCliTokenProvider against a fake `az`: a shell script the test writes into a temporary folder, so
// the provider really starts a process, reads its stdout/stderr and exit code, and times it out.
#include "azure/AzureCliTokenProvider.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace iw;

class TestAzureCliTokenProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // A fake az: records its arguments and each run, prints `stdoutText`, `stderrText`, exits `code`.
    QString writeAz(const QByteArray &stdoutText, const QByteArray &stderrText = {}, int code = 0,
                    const QByteArray &before = {})
    {
        QFile out(path(QStringLiteral("out.txt")));
        if (!out.open(QIODevice::WriteOnly) || out.write(stdoutText) != stdoutText.size())
            return {};
        out.close();
        QFile err(path(QStringLiteral("err.txt")));
        if (!err.open(QIODevice::WriteOnly) || err.write(stderrText) != stderrText.size())
            return {};
        err.close();
        const QByteArray dir = m_dir->path().toUtf8();
        const QByteArray script = "#!/bin/sh\n" + before + "echo run >> '" + dir
            + "/runs.txt'\necho \"$@\" > '" + dir + "/args.txt'\ncat '" + dir + "/out.txt'\ncat '" + dir
            + "/err.txt' >&2\nexit " + QByteArray::number(code) + "\n";
        const QString az = path(QStringLiteral("az"));
        QFile f(az);
        if (!f.open(QIODevice::WriteOnly) || f.write(script) != script.size())
            return {};
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return az;
    }

    int runs() const
    {
        QFile f(path(QStringLiteral("runs.txt")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count('\n'));
    }

    static Result<QString> fetch(AzureCliTokenProvider &p)
    {
        std::optional<Result<QString>> got;
        QObject context;
        p.token(&context, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 15000))
            return Error::make(Error::Kind::Timeout, QStringLiteral("test: no callback"));
        return *got;
    }

    static QByteArray epochJson(const QString &token, qint64 expiresInSeconds)
    {
        const qint64 epoch = QDateTime::currentSecsSinceEpoch() + expiresInSeconds;
        return "{\"accessToken\": \"" + token.toUtf8()
            + "\", \"expiresOn\": \"ignored\", \"expires_on\": " + QByteArray::number(epoch)
            + ", \"subscription\": \"sub\", \"tenant\": \"t\", \"tokenType\": \"Bearer\"}\n";
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    // Newer CLIs: "expires_on" in epoch seconds. The resource is passed, the token is cached.
    void epochExpiryAndCache()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(writeAz(epochJson(QStringLiteral("tok-epoch"), 3600)));
        const Result<QString> first = fetch(p);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first.value(), QStringLiteral("tok-epoch"));
        QFile args(path(QStringLiteral("args.txt")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(args.readAll()).trimmed(),
                 QStringLiteral(
                     "account get-access-token --resource https://kusto.kusto.windows.net --output json"));
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(p.expiresOn());
        QVERIFY2(left > 3500 && left <= 3600, qPrintable(QString::number(left)));

        // Cached: the CLI is not run again while the token is good.
        const Result<QString> second = fetch(p);
        QVERIFY(second.ok());
        QCOMPARE(second.value(), QStringLiteral("tok-epoch"));
        QCOMPARE(runs(), 1);

        // Dropped after a 401: the next caller runs the CLI again.
        p.invalidate();
        QVERIFY(fetch(p).ok());
        QCOMPARE(runs(), 2);
    }

    // Older CLIs: only "expiresOn", local time with microseconds.
    void localTimeExpiry()
    {
        const QDateTime expires = QDateTime::currentDateTime().addSecs(2 * 3600);
        const QByteArray json = "{\"accessToken\": \"tok-local\", \"expiresOn\": \""
            + expires.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8()
            + ".000000\", \"subscription\": \"s\", \"tenant\": \"t\", \"tokenType\": \"Bearer\"}";
        AzureCliTokenProvider p(QStringLiteral("https://help.kusto.windows.net"));
        p.setProgram(writeAz(json));
        const Result<QString> r = fetch(p);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), QStringLiteral("tok-local"));
        QVERIFY(qAbs(p.expiresOn().secsTo(expires.toUTC())) <= 1);
        QVERIFY(fetch(p).ok());
        QCOMPARE(runs(), 1);
    }

    // A token close to its expiry is not handed out again: the CLI is asked for a fresh one.
    void refreshedBeforeExpiry()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setRefreshMargin(std::chrono::seconds(300));
        p.setProgram(writeAz(epochJson(QStringLiteral("tok-short"), 4)));
        QVERIFY(fetch(p).ok());
        QVERIFY(fetch(p).ok()); // cached for half its life
        QCOMPARE(runs(), 1);
        QTest::qWait(2500);
        QVERIFY(fetch(p).ok()); // about 1 s left of 4: fetched anew before it expires
        QCOMPARE(runs(), 2);
    }

    void notInstalled()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(path(QStringLiteral("no-such-az")));
        const Result<QString> r = fetch(p);
        QVERIFY(!r.ok());
        QVERIFY2(
            r.error().message.contains(QStringLiteral("The Azure CLI (az) is not installed or not on PATH")),
            qPrintable(r.error().message));
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Auth));
    }

    void loggedOut()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(writeAz({}, "ERROR: Please run 'az login' to setup account.\n", 1));
        const Result<QString> r = fetch(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("Run `az login`")), qPrintable(r.error().message));
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Auth));
    }

    void otherFailureQuotesStderr()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(writeAz({}, "ERROR: AADSTS50173: The provided grant has expired.\n", 2));
        const Result<QString> r = fetch(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("exit code 2")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QStringLiteral("AADSTS50173")), qPrintable(r.error().message));
    }

    void malformedOutput_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("not json") << QByteArray("Traceback (most recent call last): secret-ish text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray("{\"accessToken\": \"tok-trunc\", \"expires_on\": 17");
        QTest::newRow("no token") << QByteArray("{\"expires_on\": 1900000000}");
        QTest::newRow("no expiry") << QByteArray("{\"accessToken\": \"tok-noexp\"}");
        QTest::newRow("bad expiry") << QByteArray("{\"accessToken\": \"tok-bad\", \"expiresOn\": \"soon\"}");
        QTest::newRow("array") << QByteArray("[1, 2]");
    }
    void malformedOutput()
    {
        QFETCH(QByteArray, output);
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(writeAz(output));
        const Result<QString> r = fetch(p);
        QVERIFY(!r.ok());
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Parse));
        QVERIFY2(r.error().message.startsWith(QStringLiteral("The Azure CLI")),
                 qPrintable(r.error().message));
        // The output may hold a token: it is never quoted back.
        QVERIFY(!r.error().message.contains(QStringLiteral("tok-")));
        QVERIFY(!r.error().message.contains(QStringLiteral("secret-ish")));
    }

    void timesOut()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setTimeout(std::chrono::milliseconds(300));
        p.setProgram(writeAz(epochJson(QStringLiteral("tok-late"), 3600), {}, 0, "exec sleep 20\n"));
        const Result<QString> r = fetch(p);
        QVERIFY(!r.ok());
        QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Timeout));
        QVERIFY2(r.error().message.contains(QStringLiteral("did not answer")), qPrintable(r.error().message));
    }

    // Two callers while the CLI runs: one run, both served.
    void concurrentCallersShareOneRun()
    {
        AzureCliTokenProvider p(QStringLiteral("https://kusto.kusto.windows.net"));
        p.setProgram(writeAz(epochJson(QStringLiteral("tok-shared"), 3600)));
        std::optional<Result<QString>> a;
        std::optional<Result<QString>> b;
        p.token(nullptr, [&a](Result<QString> r) { a.emplace(std::move(r)); });
        p.token(nullptr, [&b](Result<QString> r) { b.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return a.has_value() && b.has_value(); }, 15000));
        QVERIFY(a->ok() && b->ok());
        QCOMPARE(b->value(), QStringLiteral("tok-shared"));
        QCOMPARE(runs(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAzureCliTokenProvider)
#include "TestAzureCliTokenProvider.moc"
