#include "core/Redaction.h"

#include <QTest>
#include <QUrlQuery>

using namespace iw;

namespace {
// Raw string literals stay out of macros (moc does not follow them there).
QString js(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// What a service reads from a query: the values of the parameters whose name, percent-decoded and
// case-folded, is `name`.
QStringList valuesOf(const QString &query, const QString &name)
{
    QStringList out;
    for (const QString &item : query.split(QLatin1Char('&'))) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq > 0
            && QUrl::fromPercentEncoding(item.left(eq).toUtf8()).compare(name, Qt::CaseInsensitive) == 0)
            out << item.mid(eq + 1);
    }
    return out;
}

// `name` spelled as a client could send it: each character plain, upper-case, or percent-encoded with
// upper- or lower-case hex digits.
QStringList spellingsOf(const QString &name)
{
    const auto escape = [](QChar c, bool upperHex) -> QString {
        const QString hex = QString::number(c.unicode(), 16);
        return QLatin1Char('%') + (upperHex ? hex.toUpper() : hex);
    };
    QStringList out { name, name.toUpper() };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        out << name.left(i) + escape(c, true) + name.mid(i + 1);
        out << name.left(i) + escape(c.toUpper(), false) + name.mid(i + 1);
    }
    QString all;
    for (const QChar c : name)
        all += escape(c.toUpper(), true);
    out << all;
    return out;
}
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactsText_data();
    void redactsText();
    void isIdempotent_data();
    void isIdempotent();
    void leavesCleanTextAlone_data();
    void leavesCleanTextAlone();
    void redactsUrl_data();
    void redactsUrl();
    void encodedParameterNames_data();
    void encodedParameterNames();
    void emptyAndHuge();
};

// Each row: the input, the secret that must be gone, and the parts an operator needs that must stay.
void TestRedaction::redactsText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("kept");

    QTest::newRow("sas url") << QStringLiteral(
        "https://acct.queue.core.windows.net/"
        "failedingestions?sp=rl&st=2024-01-01&se=2024-01-02&sv=2019-10-10&sr=c&sig=AbC%2Bdef%3D")
                             << QStringLiteral("AbC%2Bdef")
                             << QStringList { QStringLiteral(
                                                  "https://acct.queue.core.windows.net/failedingestions"),
                                              QStringLiteral("sp=rl"), QStringLiteral("sv=2019-10-10"),
                                              QStringLiteral("sr=c") };
    QTest::newRow("sig not last") << QStringLiteral(
        "https://a.blob.core.windows.net/c/b.csv?sig=SECRETVALUE&sv=2021")
                                  << QStringLiteral("SECRETVALUE")
                                  << QStringList { QStringLiteral("/c/b.csv"), QStringLiteral("&sv=2021") };
    QTest::newRow("upper-case SIG") << QStringLiteral("url ?SV=1&SIG=TopSecret9 failed")
                                    << QStringLiteral("TopSecret9")
                                    << QStringList { QStringLiteral("url ?SV=1&SIG="),
                                                     QStringLiteral(" failed") };
    QTest::newRow("sig in loose text")
        << QStringLiteral("Download failed for blob with sig=abcd1234/xyz+== (403)")
        << QStringLiteral("abcd1234")
        << QStringList { QStringLiteral("Download failed for blob"), QStringLiteral("(403)") };
    QTest::newRow("sig url-encoded in a nested url")
        << QStringLiteral("https://x/y?target=https%3A%2F%2Fa.blob%2Fc%3Fsv%3D1%26sig%3DNeStEd%252B%26se%3D2")
        << QStringLiteral("NeStEd")
        << QStringList { QStringLiteral("%26se%3D2"), QStringLiteral("https://x/y") };
    QTest::newRow("sig in json string")
        << js(R"({"StorageRoot":"https://a.queue/q?sv=1&sig=JsonSig%3D"})") << QStringLiteral("JsonSig")
        << QStringList { js(R"({"StorageRoot":"https://a.queue/q?sv=1&sig=)"), QStringLiteral("\"}") };
    QTest::newRow("account key") << QStringLiteral(
        "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqF/"
        "K1SZ==;EndpointSuffix=core.windows.net")
                                 << QStringLiteral("Eby8vdM02")
                                 << QStringList { QStringLiteral("AccountName=devstoreaccount1;"),
                                                  QStringLiteral(";EndpointSuffix=core.windows.net") };
    QTest::newRow("accountkey lower-case, last")
        << QStringLiteral("accountname=a;accountkey=KEYKEY==") << QStringLiteral("KEYKEY")
        << QStringList { QStringLiteral("accountname=a;") };
    QTest::newRow("shared access signature")
        << QStringLiteral("BlobEndpoint=https://a.blob.core.windows.net/"
                          ";SharedAccessSignature=sv=2021&ss=b&sig=Zm9v;QueueEndpoint=q")
        << QStringLiteral("Zm9v")
        << QStringList { QStringLiteral("BlobEndpoint=https://a.blob.core.windows.net/;"),
                         QStringLiteral(";QueueEndpoint=q") };
    QTest::newRow("client_secret form")
        << QStringLiteral("client_id=abc&client_secret=p4ss~w0rd&scope=x") << QStringLiteral("p4ss~w0rd")
        << QStringList { QStringLiteral("client_id=abc&"), QStringLiteral("&scope=x") };
    QTest::newRow("client_secret json")
        << js(R"({"client_id":"abc","client_secret":"hunter2"})") << QStringLiteral("hunter2")
        << QStringList { js(R"("client_id":"abc")") };
    QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer abc.def-ghi_jkl")
                                   << QStringLiteral("abc.def")
                                   << QStringList { QStringLiteral("Authorization: Bearer ") };
    QTest::newRow("bearer lower-case")
        << QStringLiteral("authorization: bearer tok123==") << QStringLiteral("tok123")
        << QStringList { QStringLiteral("authorization: ") };
    QTest::newRow("access_token json")
        << js(R"({"token_type":"Bearer","access_token" : "AT-123","expires_in":3599})")
        << QStringLiteral("AT-123")
        << QStringList { js(R"("token_type":"Bearer")"), js(R"("expires_in":3599)") };
    QTest::newRow("refresh_token json")
        << js(R"({"refresh_token":"RT-456"})") << QStringLiteral("RT-456") << QStringList {};
    QTest::newRow("escaped json inside json")
        << js(R"({"body":"{\"access_token\":\"ESCAPED\"}"})") << QStringLiteral("ESCAPED")
        << QStringList { QStringLiteral("body") };
    QTest::newRow("access_token query")
        << QStringLiteral("https://app/cb#access_token=FRAG&state=1") << QStringLiteral("FRAG")
        << QStringList { QStringLiteral("&state=1") };
    QTest::newRow("jwt in text") << QStringLiteral("token eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl rejected")
                                 << QStringLiteral("c2lnbmF0dXJl")
                                 << QStringList { QStringLiteral(" rejected") };
    QTest::newRow("url user info") << QStringLiteral("proxy https://alice:s3cret@proxy.example.com:8080/path")
                                   << QStringLiteral("s3cret")
                                   << QStringList { QStringLiteral("proxy.example.com:8080/path") };
    QTest::newRow("shared key header")
        << QStringLiteral("Authorization: SharedKey devstoreaccount1:c2lnbmF0dXJl=")
        << QStringLiteral("c2lnbmF0dXJl") << QStringList { QStringLiteral("SharedKey devstoreaccount1:") };
    // A service decodes and case-folds parameter names (FuzzStorageUri findings).
    QTest::newRow("sig name with an upper-case escape")
        << QStringLiteral("https://a.blob.core.windows.net/c/f.csv?sv=1&s%49g=EscSecret1&sp=r")
        << QStringLiteral("EscSecret1") << QStringList { QStringLiteral("s%49g="), QStringLiteral("&sp=r") };
    QTest::newRow("SIG name all escaped")
        << QStringLiteral("https://a/c?sv=1&%53%49%47=EscSecret2") << QStringLiteral("EscSecret2")
        << QStringList { QStringLiteral("sv=1") };
    QTest::newRow("client_secret with an escaped underscore")
        << QStringLiteral("client_id=x&client%5Fsecret=EscSecret3&scope=y") << QStringLiteral("EscSecret3")
        << QStringList { QStringLiteral("&scope=y") };
    QTest::newRow("escaped sig name in a nested url")
        << QStringLiteral("https://x/y?target=https%3A%2F%2Fa%2Fc%3Fsv%3D1%26s%2549g%3DNeStEd2%26se%3D2")
        << QStringLiteral("NeStEd2") << QStringList { QStringLiteral("%26se%3D2") };
    QTest::newRow("authorization code in a redirect")
        << QStringLiteral("GET http://127.0.0.1:53121/?code=AuthCode77&state=s1 HTTP/1.1")
        << QStringLiteral("AuthCode77") << QStringList { QStringLiteral("&state=s1") };
    // FuzzConnectionString findings: a key or SAS name glued to a malformed value before it, a SAS
    // broken over lines.
    QTest::newRow("SAS glued to a malformed endpoint")
        << QStringLiteral(
               "TableEndpoint=https://acc?.tSharedAccessSignature=?sv=1&ss=GluedKey9;AccountName=a")
        << QStringLiteral("GluedKey9") << QStringList { QStringLiteral(";AccountName=a") };
    QTest::newRow("account key glued to a word")
        << QStringLiteral("StorageAccountKey=GluedKey8==;x=1") << QStringLiteral("GluedKey8")
        << QStringList { QStringLiteral(";x=1") };
    QTest::newRow("SAS over two lines")
        << QStringLiteral("SharedAccessSignature=sv=1&sp=rl\n&se=2026&skoid=Wrapped7;QueueEndpoint=https://q")
        << QStringLiteral("Wrapped7") << QStringList { QStringLiteral(";QueueEndpoint=https://q") };
    QTest::newRow("two urls on one line")
        << QStringLiteral("from https://a/q?sig=FIRST to https://b/q?sig=SECOND") << QStringLiteral("FIRST")
        << QStringList { QStringLiteral("from https://a/q?sig="), QStringLiteral(" to https://b/q?sig=") };
    QTest::newRow("two urls, second secret")
        << QStringLiteral("from https://a/q?sig=FIRST to https://b/q?sig=SECOND") << QStringLiteral("SECOND")
        << QStringList {};
}

void TestRedaction::redactsText()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    QFETCH(QStringList, kept);

    const QString out = redact(input);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("REDACTED")), qPrintable(out));
    for (const QString &k : kept)
        QVERIFY2(out.contains(k), qPrintable(QStringLiteral("lost '%1' in: %2").arg(k, out)));
}

void TestRedaction::isIdempotent_data()
{
    redactsText_data();
}

void TestRedaction::isIdempotent()
{
    QFETCH(QString, input);
    const QString once = redact(input);
    QCOMPARE(redact(once), once);
}

void TestRedaction::leavesCleanTextAlone_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("plain url") << QStringLiteral(
        "https://acct.blob.core.windows.net/container/dir/file.csv.gz");
    QTest::newRow("url with harmless query")
        << QStringLiteral("https://a.table.core.windows.net/t?sv=2019-02-02&sp=r");
    QTest::newRow("operation id") << QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444");
    QTest::newRow("a word ending in sig") << QStringLiteral("config xsig=1 design=2");
    QTest::newRow("error text") << QStringLiteral("Stream with ID '*****.csv' has a malformed CSV format");
    QTest::newRow("connection string without key")
        << QStringLiteral("DefaultEndpointsProtocol=https;AccountName=a;EndpointSuffix=core.windows.net");
    QTest::newRow("error code") << QStringLiteral("HTTP error code=403 for https://a/b?x=1 (Forbidden)");
    QTest::newRow("escaped letters elsewhere") << QStringLiteral("https://a/b%41c?x=%41&y=1");
    QTest::newRow("SAS then a sentence") << QStringLiteral("SharedAccessSignature was not given, try again");
    QTest::newRow("empty") << QString();
    QTest::newRow("unicode") << QStringLiteral("Tabelle \u00fcber \u65e5\u672c");
}

void TestRedaction::leavesCleanTextAlone()
{
    QFETCH(QString, input);
    QCOMPARE(redact(input), input);
}

void TestRedaction::redactsUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("kept");

    QTest::newRow("sas") << QUrl(
        QStringLiteral("https://acct.queue.core.windows.net/q?sv=2019-10-10&sig=Qm9v%2Bsecret%3D&sp=rl"))
                         << QStringLiteral("Qm9v")
                         << QStringList { QStringLiteral("acct.queue.core.windows.net"), QStringLiteral("/q"),
                                          QStringLiteral("sv=2019-10-10"), QStringLiteral("sp=rl") };
    QTest::newRow("user info") << QUrl(QStringLiteral("https://bob:pa55@host.example/x"))
                               << QStringLiteral("pa55") << QStringList { QStringLiteral("host.example/x") };
    QTest::newRow("fragment token") << QUrl(QStringLiteral("https://host/cb#access_token=TOKEN1&x=1"))
                                    << QStringLiteral("TOKEN1") << QStringList { QStringLiteral("host/cb") };
    QTest::newRow("mixed-case key") << QUrl(QStringLiteral("https://h/p?Sig=ABCDEF"))
                                    << QStringLiteral("ABCDEF")
                                    << QStringList { QStringLiteral("https://h/p?Sig=") };
}

void TestRedaction::redactsUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, secret);
    QFETCH(QStringList, kept);
    const QString out = redact(url);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    for (const QString &k : kept)
        QVERIFY2(out.contains(k), qPrintable(QStringLiteral("lost '%1' in: %2").arg(k, out)));
    QCOMPARE(redact(QStringView(out)), out);
}

// Every secret parameter name the redactor knows, in every spelling a service reads as that name, in a
// well-formed and in a malformed URL (a space in the path, as a log line or a paste has it): what the
// service would read from redact(text) and from redact(QUrl) keeps no value.
void TestRedaction::encodedParameterNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    for (const char *name : { "sig", "client_secret", "access_token", "refresh_token", "id_token", "code" }) {
        for (const QString &spelling : spellingsOf(QLatin1String(name))) {
            for (const char *base : { "https://a.blob.core.windows.net/c/f.csv", "https://a/c d/f.csv" }) {
                const QString text = QLatin1String(base) + QStringLiteral("?sv=2022&") + spelling
                    + QStringLiteral("=Va1ue%2Bx&sp=r");
                QTest::newRow(qPrintable(text)) << QString::fromLatin1(name) << text;
            }
        }
    }
}

void TestRedaction::encodedParameterNames()
{
    QFETCH(QString, name);
    QFETCH(QString, text);
    QCOMPARE(valuesOf(QUrl(text).query(QUrl::FullyEncoded), name),
             QStringList { QStringLiteral("Va1ue%2Bx") });
    const QString fromText = redact(text);
    const QString fromUrl = redact(QUrl(text));
    for (const QString &out : { fromText, fromUrl }) {
        QVERIFY2(!out.contains(QLatin1String("Va1ue")), qPrintable(out));
        QCOMPARE(valuesOf(QUrl(out).query(QUrl::FullyEncoded), name),
                 QStringList { QStringLiteral("REDACTED") });
        QVERIFY2(out.contains(QLatin1String("sv=2022")) && out.contains(QLatin1String("&sp=r")),
                 qPrintable(out));
        QCOMPARE(redact(out), out);
    }
}

void TestRedaction::emptyAndHuge()
{
    QCOMPARE(redact(QUrl()), QString());
    QCOMPARE(redact(QStringView()), QString());

    // 10 MB of text with a secret at both ends: both go, the size stays about the same.
    QString big = QStringLiteral("sig=HEAD&");
    big += QString(10 * 1024 * 1024, QLatin1Char('a'));
    big += QStringLiteral(" AccountKey=TAIL==;");
    const QString out = redact(big);
    QVERIFY(!out.contains(QLatin1String("HEAD")));
    QVERIFY(!out.contains(QLatin1String("TAIL")));
    QVERIFY(out.size() > 10 * 1024 * 1024);

    // A long run of characters that looks like the start of a secret but never ends.
    const QString sigRun = QStringLiteral("sig=") + QString(1024 * 1024, QLatin1Char('Z'));
    QCOMPARE(redact(sigRun), QStringLiteral("sig=REDACTED"));
    QString encodedRun = QStringLiteral("x?sig=");
    for (int i = 0; i < 300000; ++i)
        encodedRun += QLatin1String("%2B");
    QCOMPARE(redact(encodedRun), QStringLiteral("x?sig=REDACTED"));
    const QString keyRun = QStringLiteral("AccountKey=") + QString(1024 * 1024, QLatin1Char('k'));
    QCOMPARE(redact(keyRun), QStringLiteral("AccountKey=REDACTED"));
    const QString jsonRun = QStringLiteral("{\"access_token\":\"") + QString(1024 * 1024, QLatin1Char('t'));
    QCOMPARE(redact(jsonRun), QStringLiteral("{\"access_token\":\"REDACTED"));
}

QTEST_APPLESS_MAIN(TestRedaction)
#include "TestRedaction.moc"
