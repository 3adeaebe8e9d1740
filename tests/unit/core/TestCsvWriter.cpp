#include "core/CsvReader.h"
#include "core/CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace iw;

namespace {
// A device that keeps only counts: proves the writer streams instead of building one big string.
class CountingDevice : public QIODevice
{
public:
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 largestWrite = 0;
    qint64 writes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        bytes += len;
        largestWrite = std::max(largestWrite, len);
        ++writes;
        for (qint64 i = 0; i < len; ++i)
            lines += data[i] == '\n' ? 1 : 0;
        return len;
    }
};

QByteArray written(const QList<QStringList> &rows, CsvWriter::Options o = {})
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    {
        CsvWriter w(&buf, o);
        for (const QStringList &r : rows) {
            if (!w.writeRow(r).ok())
                return "write failed";
        }
        if (!w.flush().ok())
            return "flush failed";
    }
    return out;
}
} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesCells_data();
    void encodesCells();
    void streamsCellsLikeEncodeCell_data() { encodesCells_data(); }
    void streamsCellsLikeEncodeCell();
    void writesNumbersAndTimes();
    void writesRowsWithCrlf();
    void byteOrderMarkOnlyWhenAsked();
    void neutralisationCanBeTurnedOff();
    void singleEmptyCellSurvives();
    void millionRowsStream();
    void reportsWriteErrors();
    void roundTripsThroughReader();
};

void TestCsvWriter::encodesCells_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("plain") << QStringLiteral("MyTable") << QStringLiteral("MyTable");
    QTest::newRow("operation id") << QStringLiteral("a;b;c") << QStringLiteral("a;b;c");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("lf") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("cr inside") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces kept") << QStringLiteral("  x  ") << QStringLiteral("  x  ");
    QTest::newRow("unicode") << QStringLiteral("\u00fcber \u65e5\u672c")
                             << QStringLiteral("\u00fcber \u65e5\u672c");
    // Formula neutralisation.
    QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")")
                       << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("+") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("-") << QStringLiteral("-5") << QStringLiteral("'-5");
    QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("cr first") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("= later is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
}

void TestCsvWriter::encodesCells()
{
    QFETCH(QString, cell);
    QFETCH(QString, encoded);
    QCOMPARE(CsvWriter::encodeCell(cell), encoded);
}

void TestCsvWriter::streamsCellsLikeEncodeCell()
{
    // The buffer encoder (UTF-8 straight into the buffer) writes what encodeCell() describes, whether the
    // cell comes as a QStringList row, through addCell() or as Latin-1, first or later in a row.
    QFETCH(QString, cell);
    QFETCH(QString, encoded);
    const QByteArray expected = encoded.toUtf8();
    QCOMPARE(written({ { cell, QStringLiteral("x") } }), expected + ",x\r\n");
    QCOMPARE(written({ { QStringLiteral("x"), cell } }), "x," + expected + "\r\n");
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    {
        CsvWriter w(&buf);
        w.addCell(QStringView(cell));
        w.addCell(QStringView(cell));
        QVERIFY(w.endRow().ok());
        bool latin1 = true;
        for (const QChar c : cell)
            latin1 &= c.unicode() < 0x100;
        if (latin1) {
            const QByteArray l1 = cell.toLatin1();
            w.addCell(QLatin1String(l1));
            QVERIFY(w.endRow().ok());
        }
        QVERIFY(w.flush().ok());
    }
    QVERIFY(out.startsWith(QByteArray(expected + ',' + expected + "\r\n")));
}

void TestCsvWriter::writesNumbersAndTimes()
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QByteArray expected;
    {
        CsvWriter w(&buf);
        w.addCell(qint64(0));
        w.addCell(qint64(1234567890123));
        w.addCell(qint64(-5)); // neutralised like the text "-5"
        w.addCell(std::numeric_limits<qint64>::min());
        QVERIFY(w.endRow().ok());
        expected += "0,1234567890123,'-5,'-9223372036854775808\r\n";
        const QList<QDateTime> times {
            QDateTime(),
            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC),
            QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(2000, 3, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 1), Qt::UTC),
            QDateTime(QDate(1600, 1, 1), QTime(12, 0), Qt::UTC),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::OffsetFromUTC, 7200), // written in UTC
            QDateTime(QDate(12000, 1, 1), QTime(0, 0), Qt::UTC), // beyond 9999: as Qt writes it
        };
        for (const QDateTime &t : times) {
            w.addTimeCell(t);
            QVERIFY(w.endRow().ok());
            const QString text = t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
            expected
                += text.isEmpty() ? QByteArray("\"\"\r\n") : CsvWriter::encodeCell(text).toUtf8() + "\r\n";
        }
        w.addCell(QStringView());
        w.addCell(QLatin1String("a,b"));
        QVERIFY(w.endRow().ok());
        expected += ",\"a,b\"\r\n";
        QVERIFY(w.flush().ok());
    }
    QCOMPARE(out, expected);
}

void TestCsvWriter::writesRowsWithCrlf()
{
    const QByteArray out = written({ { QStringLiteral("OperationId"), QStringLiteral("Details") },
                                     { QStringLiteral("op1"), QStringLiteral("two\nlines") },
                                     { QStringLiteral("op2"), QString() } });
    QCOMPARE(out, QByteArray("OperationId,Details\r\nop1,\"two\nlines\"\r\nop2,\r\n"));
}

void TestCsvWriter::byteOrderMarkOnlyWhenAsked()
{
    const QList<QStringList> rows { { QStringLiteral("\u00e4") } };
    QCOMPARE(written(rows), QByteArray("\xC3\xA4\r\n"));
    CsvWriter::Options o;
    o.byteOrderMark = true;
    QCOMPARE(written(rows, o), QByteArray("\xEF\xBB\xBF\xC3\xA4\r\n"));
    QCOMPARE(written({}, o), QByteArray()); // nothing written, not even a BOM
}

void TestCsvWriter::neutralisationCanBeTurnedOff()
{
    CsvWriter::Options o;
    o.neutraliseFormulas = false;
    QCOMPARE(written({ { QStringLiteral("-5"), QStringLiteral("=1+1") } }, o), QByteArray("-5,=1+1\r\n"));
    QCOMPARE(CsvWriter::encodeCell(QStringLiteral("=1"), false), QStringLiteral("=1"));
}

void TestCsvWriter::singleEmptyCellSurvives()
{
    const QByteArray out = written({ { QStringLiteral("a") }, { QString() }, { QStringLiteral("b") } });
    QCOMPARE(out, QByteArray("a\r\n\"\"\r\nb\r\n"));
    const auto back = CsvReader::parse(out);
    QVERIFY(back.ok());
    QCOMPARE(back->size(), 3);
    QCOMPARE(back->at(1), QStringList { QString() });
}

void TestCsvWriter::millionRowsStream()
{
    CountingDevice dev;
    dev.open(QIODevice::WriteOnly);
    CsvWriter w(&dev);
    QVERIFY(w.writeHeader({ QStringLiteral("IngestionOperationId"), QStringLiteral("Failed"),
                            QStringLiteral("Details") })
                .ok());
    const QStringList row { QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444"),
                            QStringLiteral("1"),
                            QStringLiteral("Stream with ID '*.csv' has a malformed CSV format") };
    for (int i = 0; i < 1000000; ++i) {
        if (!w.writeRow(row).ok())
            QFAIL("write failed");
    }
    QVERIFY(w.flush().ok());
    QCOMPARE(w.rowsWritten(), 1000001);
    QCOMPARE(dev.lines, 1000001);
    QVERIFY(dev.bytes > 100 * 1000 * 1000);
    QVERIFY(dev.largestWrite < 1024 * 1024); // written in pieces, never as one 100 MB string
    QVERIFY(dev.writes > 100);
}

void TestCsvWriter::reportsWriteErrors()
{
    QByteArray target;
    QBuffer readOnly(&target);
    readOnly.open(QIODevice::ReadOnly);
    CsvWriter w(&readOnly);
    const Status s = w.writeRow({ QStringLiteral("x") });
    QVERIFY(!s.ok());
    QCOMPARE(Error::kindName(s.error().kind), Error::kindName(Error::Kind::Io));
    QVERIFY(!w.writeRow({ QStringLiteral("y") }).ok()); // stays failed
    QVERIFY(!w.flush().ok());

    CsvWriter none(nullptr);
    QVERIFY(!none.writeRow({ QStringLiteral("x") }).ok());
}

void TestCsvWriter::roundTripsThroughReader()
{
    const QList<QStringList> rows {
        { QStringLiteral("IngestionOperationId"), QStringLiteral("Details"), QStringLiteral("Empty") },
        { QStringLiteral("a;b;c"), QStringLiteral("x, \"y\"\r\nz"), QString() },
        { QStringLiteral("\u65e5\u672c"), QStringLiteral("\n"), QStringLiteral(",") },
        { QStringLiteral("'quoted'"), QStringLiteral("\"\""), QStringLiteral("end") },
    };
    CsvWriter::Options o;
    o.neutraliseFormulas = false;
    o.byteOrderMark = true;
    const auto back = CsvReader::parse(written(rows, o));
    QVERIFY(back.ok());
    QCOMPARE(back.value(), rows);
}

QTEST_MAIN(TestCsvWriter)
#include "TestCsvWriter.moc"
