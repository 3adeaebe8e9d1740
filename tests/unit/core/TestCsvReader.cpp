#include "TestData.h"
#include "core/CsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace iw;

namespace {
QByteArray raw(const char *s)
{
    return QByteArray(s);
}
QStringList row(std::initializer_list<const char *> cells)
{
    QStringList r;
    for (const char *c : cells)
        r << QString::fromUtf8(c);
    return r;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void importsOperationIdFile();
    void streamsAcrossChunks();
    void hugeInputs();
};

void TestCsvReader::parses_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("empty") << QByteArray() << QList<QStringList> {};
    QTest::newRow("one cell no newline") << raw("a") << QList<QStringList> { row({ "a" }) };
    QTest::newRow("crlf") << raw("a,b\r\nc,d\r\n")
                          << QList<QStringList> { row({ "a", "b" }), row({ "c", "d" }) };
    QTest::newRow("lf") << raw("a,b\nc,d") << QList<QStringList> { row({ "a", "b" }), row({ "c", "d" }) };
    QTest::newRow("cr only") << raw("a\rb\r") << QList<QStringList> { row({ "a" }), row({ "b" }) };
    QTest::newRow("empty fields") << raw(",a,,\r\n") << QList<QStringList> { row({ "", "a", "", "" }) };
    QTest::newRow("quoted comma") << raw("\"a,b\",c") << QList<QStringList> { row({ "a,b", "c" }) };
    QTest::newRow("doubled quotes") << raw("\"say \"\"hi\"\"\"")
                                    << QList<QStringList> { row({ "say \"hi\"" }) };
    QTest::newRow("embedded crlf") << raw("\"l1\r\nl2\",x\r\ny")
                                   << QList<QStringList> { row({ "l1\r\nl2", "x" }), row({ "y" }) };
    QTest::newRow("empty quoted") << raw("\"\",\"\"") << QList<QStringList> { row({ "", "" }) };
    QTest::newRow("blank lines skipped")
        << raw("\r\n\r\na\r\n\n\nb\r\n\r\n") << QList<QStringList> { row({ "a" }), row({ "b" }) };
    QTest::newRow("bom") << raw("\xEF\xBB\xBFId\r\nx") << QList<QStringList> { row({ "Id" }), row({ "x" }) };
    QTest::newRow("utf8") << raw("\xC3\xBC,\xE6\x97\xA5")
                          << QList<QStringList> { row({ "\xC3\xBC", "\xE6\x97\xA5" }) };
    QTest::newRow("quote inside unquoted kept")
        << raw("a\"b,c") << QList<QStringList> { row({ "a\"b", "c" }) };
    QTest::newRow("spaces kept") << raw(" a , b ") << QList<QStringList> { row({ " a ", " b " }) };
    QTest::newRow("ragged rows") << raw("a,b,c\r\nd\r\n")
                                 << QList<QStringList> { row({ "a", "b", "c" }), row({ "d" }) };
    QTest::newRow("neutralised cell kept as written") << raw("'=1") << QList<QStringList> { row({ "'=1" }) };
}

void TestCsvReader::parses()
{
    QFETCH(QByteArray, csv);
    QFETCH(QList<QStringList>, rows);
    const auto r = CsvReader::parse(csv);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value(), rows);
}

void TestCsvReader::rejects_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("where");
    QTest::newRow("unterminated quote") << raw("a,\"b\r\nc") << QStringLiteral("line 1");
    QTest::newRow("unterminated on line 3") << raw("a\r\nb\r\n\"c") << QStringLiteral("line 3");
    QTest::newRow("text after quote") << raw("\"a\"b,c") << QStringLiteral("line 1");
    QTest::newRow("text after quote line 2") << raw("x\n\"a\" ,c") << QStringLiteral("line 2");
    QTest::newRow("lone quote") << raw("\"") << QStringLiteral("line 1");
}

void TestCsvReader::rejects()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, where);
    const auto r = CsvReader::parse(csv);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(where), qPrintable(r.error().message));
}

void TestCsvReader::importsOperationIdFile()
{
    QByteArray bytes = test::readData(QStringLiteral("csv/operation-ids.csv"));
    QBuffer buf(&bytes);
    QVERIFY(buf.open(QIODevice::ReadOnly));
    CsvReader r(&buf);
    QList<QStringList> rows;
    while (auto row = r.next())
        rows.append(*row);
    QVERIFY(!r.error());
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0), row({ "IngestionOperationId", "Note" }));
    QCOMPARE(rows.at(1).first(), QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444"));
    QCOMPARE(rows.at(2).at(1), QStringLiteral("with \"quotes\", a comma\r\nand a line break"));
    QCOMPARE(rows.at(3), row({ "33334444;33334444;22221111-cccc-3333-dddd-5555eeee6666", "" }));
}

void TestCsvReader::streamsAcrossChunks()
{
    // Fields far larger than the reader's chunk, with quotes, line breaks and a multi-byte character at
    // every position around the chunk borders.
    QString big;
    for (int i = 0; i < 50000; ++i)
        big += (i % 7 == 0) ? QStringLiteral("\"\u00fc\r\n") : QStringLiteral("x");
    QByteArray csv;
    QString quoted = big;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    for (int r = 0; r < 5; ++r)
        csv += "id" + QByteArray::number(r) + ",\"" + quoted.toUtf8() + "\"\r\n";
    QBuffer buf(&csv);
    QVERIFY(buf.open(QIODevice::ReadOnly));
    CsvReader reader(&buf);
    int n = 0;
    while (auto row = reader.next()) {
        QCOMPARE(row->size(), 2);
        QCOMPARE(row->at(0), QStringLiteral("id%1").arg(n));
        QVERIFY(row->at(1) == big);
        ++n;
    }
    QVERIFY(!reader.error());
    QCOMPARE(n, 5);
}

void TestCsvReader::hugeInputs()
{
    // 10 MB in one unterminated quoted field: an error, no crash.
    QByteArray open = "a,\"" + QByteArray(10 * 1024 * 1024, 'x');
    const auto r = CsvReader::parse(open);
    QVERIFY(!r.ok());
    // 10 MB of binary noise: parses to something or fails, but returns.
    QByteArray noise(10 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<char>((i * 2654435761u) >> 13);
    (void)CsvReader::parse(noise);
    // A reader on a closed device yields nothing.
    QBuffer closed;
    CsvReader none(&closed);
    QVERIFY(!none.next());
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
