// Inputs the fuzzers (tests/fuzz, scripts/fuzz) found, kept as files under tests/data/fuzz/<case>/: each
// must now keep the property its fuzzer checks. One row per file, so a new finding is a new file.
#include "core/ConnectionString.h"
#include "core/CsvReader.h"
#include "core/CsvWriter.h"
#include "core/OneApiError.h"
#include "core/QueueMessageXml.h"
#include "core/Redaction.h"
#include "core/TableEntityJson.h"
#include "core/TableEntityStatus.h"

#include "../../fuzz/SasCheck.h"

#include <QBuffer>
#include <QDir>
#include <QTest>

using namespace iw;

namespace {

// One data row per file in tests/data/fuzz/<folder>/ (column "input": the bytes).
void addFiles(const QString &folder)
{
    QTest::addColumn<QByteArray>("input");
    const QDir dir(qEnvironmentVariable("IW_TEST_DATA_DIR") + QStringLiteral("/fuzz/") + folder);
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(QStringLiteral("no cases in ") + dir.path()));
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << f.readAll();
    }
}

QString describe(const ConnectionString &c)
{
    return QStringList { c.accountName,
                         c.accountKey,
                         c.sharedAccessSignature,
                         c.blobEndpoint.toString(),
                         c.queueEndpoint.toString(),
                         c.tableEndpoint.toString(),
                         c.developmentStorage ? QStringLiteral("dev") : QStringLiteral("-") }
        .join(QLatin1Char('|'));
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // An entity read from the service, written back (serialize) and read again has the same strings,
    // lone UTF-16 surrogates from "\ud83d" escapes included (they used to come back as '?').
    void tableEntitySerializeRoundTrip_data() { addFiles(QStringLiteral("TableEntityJson")); }
    void tableEntitySerializeRoundTrip()
    {
        QFETCH(QByteArray, input);
        const Result<TableEntity> read = TableEntityJson::parseEntity(input);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        const QByteArray body = TableEntityJson::serialize(*read);
        const Result<TableEntity> again = TableEntityJson::parseEntity(body);
        QVERIFY2(again.ok(), body.constData());
        QCOMPARE(again->partitionKey, read->partitionKey);
        QCOMPARE(again->rowKey, read->rowKey);
        QCOMPARE(again->properties.size(), read->properties.size());
        for (qsizetype i = 0; i < read->properties.size(); ++i) {
            QCOMPARE(again->properties.at(i).name, read->properties.at(i).name);
            QCOMPARE(again->properties.at(i).value.toString(), read->properties.at(i).value.toString());
        }
        // The reference reader agrees on the written body.
        const Result<TableEntity> ref = TableEntityJson::parseEntityReference(body);
        QVERIFY(ref.ok());
        QCOMPARE(ref->value(u"Text").toString(), read->value(u"Text").toString());
    }

    // A message put with messageBody() and returned by the queue reads back as the same text: CR and
    // CRLF used to come back as LF (XML end-of-line handling of a raw CR).
    void queueMessageRoundTrip_data() { addFiles(QStringLiteral("QueueMessageText")); }
    void queueMessageRoundTrip()
    {
        QFETCH(QByteArray, input);
        const QString text = QString::fromUtf8(input);
        QByteArray returned = QueueMessageXml::messageBody(text);
        QVERIFY(!returned.contains('\r'));
        returned.replace("<QueueMessage>",
                         "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList>"
                         "<QueueMessage><MessageId>m1</MessageId>");
        returned.append("</QueueMessagesList>");
        const Result<QList<QueueMessage>> list = QueueMessageXml::parseMessagesList(returned);
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().message));
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().messageText, text);
    }

    // A connection string that parsed writes back (toString) to one that parses to the same fields:
    // the emulator behind DevelopmentStorageProxyUri stays the emulator; a SAS-only string with explicit
    // endpoints gains no blob endpoint; "?<space>sv=" loses the space.
    void connectionStringRoundTrip_data() { addFiles(QStringLiteral("ConnectionString")); }
    void connectionStringRoundTrip()
    {
        QFETCH(QByteArray, input);
        const Result<ConnectionString> cs = ConnectionString::parse(QString::fromUtf8(input));
        QVERIFY2(cs.ok(), qPrintable(cs.ok() ? QString() : cs.error().message));
        QVERIFY(!cs->sharedAccessSignature.startsWith(QLatin1Char('?')));
        QCOMPARE(cs->sharedAccessSignature, cs->sharedAccessSignature.trimmed());
        const QString written = cs->toString();
        const Result<ConnectionString> again = ConnectionString::parse(written);
        QVERIFY2(again.ok(), qPrintable(written));
        QCOMPARE(describe(*again), describe(*cs));
    }

    // AccountName / EndpointSuffix that make no valid host are an error, not empty endpoints.
    void connectionStringInvalid_data() { addFiles(QStringLiteral("ConnectionStringInvalid")); }
    void connectionStringInvalid()
    {
        QFETCH(QByteArray, input);
        const Result<ConnectionString> cs = ConnectionString::parse(QString::fromUtf8(input));
        QVERIFY2(!cs.ok(), qPrintable(cs.ok() ? describe(*cs) : QString()));
        QCOMPARE(int(cs.error().kind), int(Error::Kind::Parse));
        QVERIFY2(cs.error().message.contains(QLatin1String("EndpointSuffix")),
                 qPrintable(cs.error().message));
    }

    // A status row whose UpdatedOn is epoch milliseconds outside years 1..9999 (or a huge double) has
    // no UpdatedOn, instead of a time that cannot be written back; in-range epoch values still read.
    void tableEntityStatusRoundTrip_data() { addFiles(QStringLiteral("TableEntityStatus")); }
    void tableEntityStatusRoundTrip()
    {
        QFETCH(QByteArray, input);
        const Result<QList<TableEntity>> page = TableEntityJson::parsePage(input);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        for (const TableEntity &e : *page) {
            const Result<IngestionStatus> s = TableEntityStatus::toIngestionStatus(e);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
            if (s->updatedOn.isValid()) {
                QVERIFY(s->updatedOn.date().year() >= 1 && s->updatedOn.date().year() <= 9999);
                QCOMPARE(s->updatedOn, QDateTime::fromMSecsSinceEpoch(1487111103114, Qt::UTC));
            }
            const QByteArray body = TableEntityJson::serialize(TableEntityStatus::fromIngestionStatus(*s));
            const Result<TableEntity> read = TableEntityJson::parseEntity(body);
            QVERIFY2(read.ok(), body.constData());
            const Result<IngestionStatus> again = TableEntityStatus::toIngestionStatus(*read);
            QVERIFY(again.ok());
            QCOMPARE(again->updatedOn, s->updatedOn);
            QCOMPARE(int(again->status), int(s->status));
        }
    }

    // redact() is idempotent and leaves nothing of a bearer or SharedKey token that has '=' inside (the
    // part after the '=' used to stay, and a second pass then changed the text again); a sig parameter
    // with a percent-encoded name is redacted, also with an upper-case escape ("s%49g=", "%53IG="); a JSON
    // member whose key hides in another's escaped value
    // ("sig":\"sig\":\"SECRET\") loses its value too.
    void redactionIdempotent_data() { addFiles(QStringLiteral("Redaction")); }
    void redactionIdempotent()
    {
        QFETCH(QByteArray, input);
        const QString once = redact(QString::fromUtf8(input));
        QCOMPARE(redact(once), once);
        // No sig parameter keeps a value, also when its name is percent-encoded ("s%69g=").
        QVERIFY2(!once.contains(QLatin1String("=abc")) && !once.contains(QLatin1String("=SIG"))
                     && !once.contains(QLatin1String("SECRET")),
                 qPrintable(once));
        const qsizetype bearer = once.indexOf(QLatin1String("Bearer "));
        if (bearer >= 0)
            QVERIFY2(QStringView(once).mid(bearer + 7).startsWith(QLatin1String("REDACTED"))
                         && !QStringView(once).mid(bearer + 15, 1).front().isLetterOrNumber(),
                     qPrintable(once));
    }

    // A storage URI, redacted as text (when it is a valid URL) and as a QUrl, keeps no signature a storage
    // service would read: names spelled with an upper-case escape ("s%49g=", "%53IG=") or upper-case
    // "SIG=" in a malformed URL used to keep their value (FuzzStorageUri).
    void storageUriRedacted_data() { addFiles(QStringLiteral("StorageUriRedaction")); }
    void storageUriRedacted()
    {
        QFETCH(QByteArray, input);
        const QString text = QString::fromUtf8(input);
        if (QUrl(text, QUrl::StrictMode).isValid()) {
            const QString redacted = redact(text);
            QVERIFY2(fuzz::noSignature(QUrl(redacted).query(QUrl::FullyEncoded)), qPrintable(redacted));
        }
        const QString redacted = redact(QUrl(text));
        QVERIFY2(fuzz::noSignature(QUrl(redacted).query(QUrl::FullyEncoded)), qPrintable(redacted));
        QCOMPARE(redact(redacted), redacted);
    }

    // A connection string, written back and redacted, keeps neither its account key nor a signature: the
    // key used to survive in a malformed TableEndpoint that ran into "...tSharedAccessSignature=" (no ';'),
    // and in a SharedAccessSignature broken over lines (FuzzConnectionString).
    void connectionStringRedacted_data() { addFiles(QStringLiteral("ConnectionStringRedaction")); }
    void connectionStringRedacted()
    {
        QFETCH(QByteArray, input);
        const Result<ConnectionString> cs = ConnectionString::parse(QString::fromUtf8(input));
        QVERIFY2(cs.ok(), qPrintable(cs.ok() ? QString() : cs.error().message));
        QVERIFY(cs->accountKey.size() >= 8);
        const QString redacted = redact(cs->toString());
        QVERIFY2(!redacted.contains(cs->accountKey), qPrintable(redacted));
        const Result<ConnectionString> shown = ConnectionString::parse(redacted);
        QVERIFY2(shown.ok(), qPrintable(redacted));
        QCOMPARE(shown->accountKey, QStringLiteral("REDACTED"));
        QVERIFY2(fuzz::noSignature(shown->sharedAccessSignature), qPrintable(redacted));
        QCOMPARE(redact(redacted), redacted);
    }

    // Rows written and read back are equal: a first cell starting with U+FEFF used to lose it (read as
    // a byte order mark). Files hold rows separated by U+001E, cells by U+001F.
    void csvRoundTrip_data() { addFiles(QStringLiteral("CsvRows")); }
    void csvRoundTrip()
    {
        QFETCH(QByteArray, input);
        QList<QStringList> rows;
        for (const QString &line : QString::fromUtf8(input).split(QChar(0x1e)))
            rows.append(line.split(QChar(0x1f)));
        for (const bool bom : { false, true }) {
            QByteArray bytes;
            {
                QBuffer buf(&bytes);
                QVERIFY(buf.open(QIODevice::WriteOnly));
                CsvWriter::Options o;
                o.byteOrderMark = bom;
                o.neutraliseFormulas = false;
                CsvWriter w(&buf, o);
                for (const QStringList &r : rows)
                    QVERIFY(w.writeRow(r).ok());
                QVERIFY(w.flush().ok());
            }
            const Result<QList<QStringList>> back = CsvReader::parse(bytes);
            QVERIFY(back.ok());
            QCOMPARE(*back, rows);
        }
    }

    // A blank @context.activityId keeps the x-ms-activity-id header's value (it used to become empty).
    void oneApiBlankActivityId_data() { addFiles(QStringLiteral("OneApiErrorBlankActivity")); }
    void oneApiBlankActivityId()
    {
        QFETCH(QByteArray, input);
        const Error e = parseOneApiError(input, 429, QStringLiteral("hdr-activity"));
        QCOMPARE(e.activityId, QStringLiteral("hdr-activity"));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "TestFuzzRegressions.moc"
