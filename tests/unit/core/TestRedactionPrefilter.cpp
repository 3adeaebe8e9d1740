#include "core/Redaction.h"
#include "core/RedactionPrefilter.h"

#include <QRandomGenerator>
#include <QTest>

using iw::mayHoldSecret;
using iw::redact;
using iw::redactIfNeeded;

class TestRedactionPrefilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySecretIsSeen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("sas") << QStringLiteral(
            "https://a.blob.core.windows.net/c/f.csv?sv=2023&sig=abc%2Bdef");
        QTest::newRow("sas upper") << QStringLiteral("https://a.blob.core.windows.net/c/f.csv?SIG=abc");
        QTest::newRow("nested") << QStringLiteral("https://x/?u=https%3A%2F%2Fa%2Fb%3Fsv%3D1%26sig%3Dsecret");
        QTest::newRow("account key") << QStringLiteral("DefaultEndpointsProtocol=https;AccountKey=abc==;");
        QTest::newRow("app key") << QStringLiteral("Data Source=x;Application Key=secret");
        QTest::newRow("pwd") << QStringLiteral("Server=x;Pwd=secret");
        QTest::newRow("json token") << QStringLiteral(R"({"access_token": "eyabc"})");
        QTest::newRow("json context") << QStringLiteral(R"({"authorizationContext": "xyz"})");
        QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer abc.def");
        QTest::newRow("shared key") << QStringLiteral("Authorization: SharedKey acct:abc=");
        QTest::newRow("jwt") << QStringLiteral("token eyJhbGciOi.eyJzdWIiOi.sig");
        QTest::newRow("user info") << QStringLiteral("https://user:pass@host/path");
        QTest::newRow("client secret") << QStringLiteral("client_secret=abc&x=1");
        QTest::newRow("sig name escaped") << QStringLiteral("https://a/c?s%49g=abc");
        QTest::newRow("SIG name all escaped") << QStringLiteral("https://a/c?%53%49%47=abc");
        QTest::newRow("sig name escaped twice")
            << QStringLiteral("https://x/?u=https%3A%2F%2Fa%3F%2573ig%3Dabc");
        QTest::newRow("client secret escaped") << QStringLiteral("client%5Fsecret=abc");
        QTest::newRow("authorization code") << QStringLiteral("GET /?code=abc&state=1");
        QTest::newRow("glued account key") << QStringLiteral("StorageAccountKey=abc");
        QTest::newRow("glued SAS") << QStringLiteral("https://a?.tSharedAccessSignature=sv=1&x=y");
    }
    void everySecretIsSeen()
    {
        QFETCH(QString, text);
        QVERIFY(redact(text) != text); // a secret redact() removes...
        QVERIFY(mayHoldSecret(text)); // ...is never skipped
        QCOMPARE(redactIfNeeded(text), redact(text));
    }

    void plainTextIsSkipped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("blob url") << QStringLiteral(
            "https://contosoingest1.blob.core.windows.net/landing/sales/2024/01/02/part-00012345.csv.gz");
        QTest::newRow("details") << QStringLiteral(
            "Stream with ID 'part-1.csv' has a malformed CSV format. Expected 12 fields");
        QTest::newRow("error code") << QStringLiteral("Stream_ClosingQuoteMissing");
        QTest::newRow("guid") << QStringLiteral("3827def6-0773-4f2a-859e-000000000001");
        QTest::newRow("empty") << QString();
    }
    void plainTextIsSkipped()
    {
        // What a failure row is made of costs no regular expression.
        QFETCH(QString, text);
        QVERIFY(!mayHoldSecret(text));
        QCOMPARE(redactIfNeeded(text), text);
        QCOMPARE(redact(text), text);
    }

    void neverSkipsWhatRedactChanges()
    {
        // Random texts built from the pieces the rules look for: whenever the prefilter says "no secret",
        // redact() must leave the text exactly as it is.
        const QStringList pieces {
            QStringLiteral("sig"), QStringLiteral("SIG"), QStringLiteral("="), QStringLiteral("%3D"),
            QStringLiteral("%26"), QStringLiteral("\""), QStringLiteral(":"), QStringLiteral("@"),
            QStringLiteral("Bearer "), QStringLiteral("eyJ"), QStringLiteral("."), QStringLiteral("key"),
            QStringLiteral("Key"), QStringLiteral("token"), QStringLiteral("://"), QStringLiteral("a"),
            QStringLiteral("/"), QStringLiteral("?"), QStringLiteral("&"), QStringLiteral(" "),
            QStringLiteral(";"), QStringLiteral("Pwd"), QStringLiteral("secret"), QStringLiteral("x1"),
            QStringLiteral("https"), QStringLiteral("ſig"), QStringLiteral("\u212Aey"), QStringLiteral("é"),
            QStringLiteral("client_"), QStringLiteral("Shared"),
            // Parameter names spelled with escapes (decoded and case-folded by redact()), an
            // authorization code, the storage names glued to a word, a SAS over two lines.
            QStringLiteral("s%49g"), QStringLiteral("%53"), QStringLiteral("%49G"), QStringLiteral("%2573"),
            QStringLiteral("%5f"), QStringLiteral("%41"), QStringLiteral("%2"), QStringLiteral("code"),
            QStringLiteral("CODE"), QStringLiteral("AccountKey"), QStringLiteral("tSharedAccessSignature"),
            QStringLiteral("\n")
        };
        QRandomGenerator rng(2024);
        int skipped = 0;
        int redacted = 0;
        for (int i = 0; i < 30000; ++i) {
            QString text;
            const int n = 1 + int(rng.bounded(12));
            for (int j = 0; j < n; ++j)
                text += pieces.at(int(rng.bounded(int(pieces.size()))));
            const bool changes = redact(text) != text;
            // In pieces split at a '/' (a folder and a file name, the second as UTF-8): the same answer.
            const QString folder = text.left(int(rng.bounded(int(text.size()) + 1))) + QLatin1Char('/');
            const QByteArray file = text.mid(folder.size() - 1).toUtf8();
            const quint8 pieces = iw::secretHints(folder) | iw::secretHints(file.constData(), file.size());
            QCOMPARE(mayHoldSecret(pieces), mayHoldSecret(QString(folder + QString::fromUtf8(file))));
            redacted += changes;
            if (!mayHoldSecret(text)) {
                ++skipped;
                QVERIFY2(!changes, qPrintable(text));
            }
        }
        QVERIFY(skipped > 1000); // the prefilter does skip things...
        QVERIFY2(redacted > 1000,
                 qPrintable(QString::number(redacted))); // ...and the corpus does hold secrets
    }
};

QTEST_GUILESS_MAIN(TestRedactionPrefilter)
#include "TestRedactionPrefilter.moc"
