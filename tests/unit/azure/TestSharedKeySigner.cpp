#include "azure/SharedKeySigner.h"
#include "azure/StorageCredential.h"

#include <QTest>

using namespace iw;

namespace {
const QByteArray kKey = QByteArray::fromBase64(
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");
const QByteArray D = "Mon, 01 Jan 2024 00:00:00 GMT";
} // namespace

class TestSharedKeySigner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // shared/reference/azure-storage-rest.md §3.7
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("stringToSign");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("1 table SharedKey") << "GET\n\n\n" + D + "\n/devstoreaccount1/devstoreaccount1/Tables"
                                           << QByteArray("xTTIoWBK7u+nSgfft7uKiDmecLL9GEiBUE4qVj03gko=");
        QTest::newRow("2 table SharedKeyLite") << D + "\n/devstoreaccount1/devstoreaccount1/Metrics()"
                                               << QByteArray("iRuV7tza7Ys0Tu6fjSst7WWpQSprcmWS85yiPa0ZeRI=");
        QTest::newRow("3 table POST")
            << "POST\n\napplication/json\n" + D + "\n/devstoreaccount1/devstoreaccount1/Metrics"
            << QByteArray("Q/xSE8FP8zaTnXDdfa1xTWxMWMkMiwApg+vU+0aiGXg=");
        QTest::newRow("4 queue peek") << "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + D
                + "\nx-ms-version:2021-12-02\n/devstoreaccount1/devstoreaccount1/jobs/"
                  "messages\nnumofmessages:32\npeekonly:true"
                                      << QByteArray("zY5enweYQ1mdNSac+vD1cgpjobrgMYaHV2tGgKLSwY4=");
        QTest::newRow("5 queue put") << "POST\n\n\n88\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:" + D
                + "\nx-ms-version:2021-12-02\n/devstoreaccount1/devstoreaccount1/jobs/messages"
                                     << QByteArray("uEdbEOMwxVwhqbUA7qDUS+Qe3bfUWcfK3QVhI8NusvM=");
        QTest::newRow("6 table SAS") << QByteArray("r\n2024-01-01T00:00:00Z\n2024-01-02T00:00:00Z\n/table/"
                                                   "devstoreaccount1/metrics\n\n\n\n2019-02-02\n\n\n\n")
                                     << QByteArray("0asj5Jrqg1puH2MbgroBrAjhYqAQJVlbQ4Nfn7qlRv0=");
        QTest::newRow("7 queue SAS") << QByteArray(
            "rp\n2024-01-01T00:00:00Z\n2024-01-02T00:00:00Z\n/queue/devstoreaccount1/jobs\n\n\n\n2021-12-02")
                                     << QByteArray("RPLdlDH3EmhQz3H6hmOrI9tWvLyqAFhdLvv2jM1/pY8=");
        QTest::newRow("8 account SAS") << QByteArray(
            "devstoreaccount1\nrl\ntq\nsco\n2024-01-01T00:00:00Z\n2024-01-02T00:00:00Z\n\n\n2021-12-02\n\n")
                                       << QByteArray("vWHkpXDHv8ZxMmY1SRjdtDU21QuC0eJaaoXJ3e3pJVQ=");
    }
    void vectors()
    {
        QFETCH(QByteArray, stringToSign);
        QFETCH(QByteArray, signature);
        QCOMPARE(SharedKeySigner::sign(kKey, stringToSign), signature);
    }

    void rfc1123()
    {
        QCOMPARE(SharedKeySigner::rfc1123(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)), D);
        QCOMPARE(SharedKeySigner::rfc1123(QDateTime(QDate(2026, 11, 22), QTime(0, 11, 6), Qt::UTC)),
                 QByteArray("Sun, 22 Nov 2026 00:11:06 GMT"));
    }

    // The string-to-sign builders reproduce the layouts of the vectors above.
    void tableLayouts()
    {
        const QUrl tables(QStringLiteral("http://127.0.0.1:10002/devstoreaccount1/Tables"));
        const QByteArray res
            = SharedKeySigner::tableCanonicalResource(QStringLiteral("devstoreaccount1"), tables);
        QCOMPARE(res, QByteArray("/devstoreaccount1/devstoreaccount1/Tables"));
        QCOMPARE(SharedKeySigner::sign(kKey, SharedKeySigner::tableStringToSign("GET", {}, {}, D, res)),
                 QByteArray("xTTIoWBK7u+nSgfft7uKiDmecLL9GEiBUE4qVj03gko="));

        const QUrl query(
            QStringLiteral("http://127.0.0.1:10002/devstoreaccount1/Metrics()?$filter=a%20eq%201&$top=5"));
        const QByteArray res2
            = SharedKeySigner::tableCanonicalResource(QStringLiteral("devstoreaccount1"), query);
        QCOMPARE(res2, QByteArray("/devstoreaccount1/devstoreaccount1/Metrics()")); // only comp is signed
        QCOMPARE(SharedKeySigner::sign(kKey, SharedKeySigner::tableLiteStringToSign(D, res2)),
                 QByteArray("iRuV7tza7Ys0Tu6fjSst7WWpQSprcmWS85yiPa0ZeRI="));

        const QUrl comp(QStringLiteral("http://h/devstoreaccount1/Tables?comp=acl&x=1"));
        QCOMPARE(SharedKeySigner::tableCanonicalResource(QStringLiteral("devstoreaccount1"), comp),
                 QByteArray("/devstoreaccount1/devstoreaccount1/Tables?comp=acl"));
        // Production style: the account once.
        const QUrl prod(QStringLiteral("https://acct.table.core.windows.net/Tables"));
        QCOMPARE(SharedKeySigner::tableCanonicalResource(QStringLiteral("acct"), prod),
                 QByteArray("/acct/Tables"));
    }

    void entityKeyPathIsSignedAsEncoded()
    {
        const QUrl url
            = QUrl::fromEncoded("http://127.0.0.1:10102/devstoreaccount1/"
                                "Metrics(PartitionKey='a%20b',RowKey='it%27%27s%2050%25%20%C3%A9')");
        QCOMPARE(SharedKeySigner::tableCanonicalResource(QStringLiteral("devstoreaccount1"), url),
                 QByteArray("/devstoreaccount1/devstoreaccount1/"
                            "Metrics(PartitionKey='a%20b',RowKey='it%27%27s%2050%25%20%C3%A9')"));
    }

    void queueLayouts()
    {
        HttpHeaders h { { "x-ms-version", "2021-12-02" }, { "x-ms-date", D } };
        const QUrl peek(QStringLiteral(
            "http://127.0.0.1:10001/devstoreaccount1/jobs/messages?peekonly=true&numofmessages=32"));
        const QByteArray sts = SharedKeySigner::queueStringToSign(
            "GET", h, 0, SharedKeySigner::queueCanonicalResource(QStringLiteral("devstoreaccount1"), peek));
        QCOMPARE(SharedKeySigner::sign(kKey, sts),
                 QByteArray("zY5enweYQ1mdNSac+vD1cgpjobrgMYaHV2tGgKLSwY4="));

        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/xml")));
        const QUrl put(QStringLiteral("http://127.0.0.1:10001/devstoreaccount1/jobs/messages"));
        const QByteArray sts2 = SharedKeySigner::queueStringToSign(
            "POST", h, 88, SharedKeySigner::queueCanonicalResource(QStringLiteral("devstoreaccount1"), put));
        QCOMPARE(SharedKeySigner::sign(kKey, sts2),
                 QByteArray("uEdbEOMwxVwhqbUA7qDUS+Qe3bfUWcfK3QVhI8NusvM="));
    }

    void queueQueryValuesAreDecodedAndSorted()
    {
        const QUrl url
            = QUrl::fromEncoded("http://h/devstoreaccount1/?Prefix=a%2Bb%20c&comp=list&include=x&include=a");
        QCOMPARE(SharedKeySigner::queueCanonicalResource(QStringLiteral("devstoreaccount1"), url),
                 QByteArray("/devstoreaccount1/devstoreaccount1/\ncomp:list\ninclude:a,x\nprefix:a+b c"));
    }

    void canonicalizedHeadersSortedLowercase()
    {
        const HttpHeaders h { { "X-MS-Version", "2021-12-02" },
                              { "x-ms-meta-owner", "dashboard" },
                              { "Content-Type", "x" },
                              { "x-ms-client-request-id", "abc" },
                              { "x-ms-date", "d" } };
        QCOMPARE(SharedKeySigner::canonicalizedHeaders(h),
                 QByteArray("x-ms-client-request-id:abc\nx-ms-date:d\nx-ms-meta-owner:dashboard\nx-ms-"
                            "version:2021-12-02\n"));
    }

    void credentialAppliesSharedKey()
    {
        auto cred = StorageCredential::sharedKey(QStringLiteral("devstoreaccount1"),
                                                 QString::fromLatin1(kKey.toBase64()));
        QVERIFY(cred);
        HttpRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:10002/devstoreaccount1/Tables"));
        r.setHeader("Date", "should be removed");
        QVERIFY(cred->applyTable(r));
        QVERIFY(r.header("Date").isEmpty());
        const QByteArray date = r.header("x-ms-date");
        QVERIFY(date.endsWith(" GMT"));
        const QByteArray expected = "SharedKey devstoreaccount1:"
            + SharedKeySigner::sign(kKey, "GET\n\n\n" + date + "\n/devstoreaccount1/devstoreaccount1/Tables");
        QCOMPARE(r.header("Authorization"), expected);
        QVERIFY(!StorageCredential::sharedKey(QStringLiteral("a"), QStringLiteral("not base64!!")));
    }

    void credentialAppendsSas()
    {
        const StorageCredential sas = StorageCredential::sas(QStringLiteral("?sv=2021-12-02&sig=a%2Bb%3D"));
        HttpRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:10002/devstoreaccount1/T()?$top=1"));
        QVERIFY(sas.applyTable(r));
        QCOMPARE(r.url.query(QUrl::FullyEncoded), QStringLiteral("$top=1&sv=2021-12-02&sig=a%2Bb%3D"));
        QVERIFY(r.header("Authorization").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSharedKeySigner)
#include "TestSharedKeySigner.moc"
