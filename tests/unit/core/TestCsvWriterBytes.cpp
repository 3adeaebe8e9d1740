// CsvWriter's byte cells (addUtf8Cell, addAsciiCell) and addEpochMsCell write exactly what the QString
// and QDateTime cells write: same quoting, formula neutralisation, U+FEFF rule and time format.

#include "core/CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace iw;

namespace {

// The file two writers produce for the same cells, one through QString cells, one through bytes.
struct Pair
{
    QByteArray viaText;
    QByteArray viaBytes;
};

template<typename Fill>
Pair write(CsvWriter::Options options, Fill &&fill)
{
    Pair p;
    QBuffer a(&p.viaText);
    QBuffer b(&p.viaBytes);
    (void)a.open(QIODevice::WriteOnly);
    (void)b.open(QIODevice::WriteOnly);
    {
        CsvWriter wa(&a, options);
        CsvWriter wb(&b, options);
        fill(wa, wb);
        (void)wa.flush();
        (void)wb.flush();
    }
    return p;
}

QList<QByteArray> trickyCells()
{
    QList<QByteArray> cells { "",
                              "plain",
                              "exactly8",
                              "sixteen bytes ok",
                              "=1+1",
                              "+49 30 1234",
                              "-5",
                              "@SUM(A1)",
                              "\tTab",
                              "\rCR",
                              "\nLF first",
                              "a,b",
                              "say \"hi\"",
                              "\"",
                              "line\r\nbreak",
                              "https://a.blob.core.windows.net/c/b.csv?sv=1&sig=REDACTED",
                              "caf\xC3\xA9",
                              "\xEF\xBB\xBF"
                              "bom first",
                              "\xEF\xBB\xBF",
                              "\xEF\xBB\xBF=formula after bom",
                              "=\xE6\x97\xA5\xE6\x9C\xAC, quoted",
                              "\xF0\x9F\x98\x80 emoji",
                              "invalid \xC3\x28 utf-8",
                              "\xFF\xFE",
                              "tail byte after 8: 12345678\xC3\xA9" };
    // A quote-worthy or non-ASCII byte at every position of a 20-byte cell (the 8-byte blocks and the tail).
    for (const char c : { ',', '"', '\r', '\n', '\x80' }) {
        for (int at = 0; at < 20; ++at) {
            QByteArray cell(20, 'x');
            cell[at] = c;
            cells << cell;
        }
    }
    return cells;
}

} // namespace

class TestCsvWriterBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utf8CellsAreWrittenLikeTextCells_data()
    {
        QTest::addColumn<bool>("neutralise");
        QTest::addColumn<bool>("bom");
        QTest::newRow("defaults") << true << false;
        QTest::newRow("no neutralisation") << false << false;
        QTest::newRow("byte order mark") << true << true;
    }

    void utf8CellsAreWrittenLikeTextCells()
    {
        QFETCH(bool, neutralise);
        QFETCH(bool, bom);
        const QList<QByteArray> cells = trickyCells();
        const Pair p = write(CsvWriter::Options { bom, neutralise }, [&](CsvWriter &text, CsvWriter &bytes) {
            for (const QByteArray &c : cells) {
                text.addCell(QStringView(QString::fromUtf8(c)));
                text.addCell(QLatin1String("next"));
                (void)text.endRow();
                bytes.addUtf8Cell(c.constData(), c.size());
                bytes.addUtf8Cell("next", 4);
                (void)bytes.endRow();
            }
        });
        QVERIFY(!p.viaText.isEmpty());
        QCOMPARE(p.viaBytes, p.viaText);
    }

    void asciiCellsRefuseOtherBytes()
    {
        const QList<QByteArray> cells = trickyCells();
        int refused = 0;
        const Pair p = write(CsvWriter::Options {}, [&](CsvWriter &text, CsvWriter &bytes) {
            for (const QByteArray &c : cells) {
                bool ascii = true;
                for (const char ch : c)
                    ascii &= uchar(ch) < 0x80;
                if (!ascii) {
                    if (bytes.addAsciiCell(c.constData(), c.size()))
                        return; // wrote a cell it must refuse: the files will differ
                    ++refused;
                    continue;
                }
                text.addCell(QStringView(QString::fromLatin1(c)));
                QVERIFY(bytes.addAsciiCell(c.constData(), c.size()));
            }
            (void)text.endRow();
            (void)bytes.endRow();
        });
        QVERIFY(refused > 20);
        QCOMPARE(p.viaBytes, p.viaText);
        // Nothing of a refused cell: no separator either.
        QVERIFY(!p.viaBytes.contains(",,,"));
    }

    void epochMsCellsAreWrittenLikeTimeCells()
    {
        QList<qint64> times { 0,
                              1,
                              -1,
                              1735689600000,
                              1735689600000 + 86'400'000 - 1,
                              951782400000, // 2000-02-29
                              -62'167'219'200'000, // 0000-01-01
                              -62'167'219'200'001, // before year 0: the QDateTime text
                              253'402'300'799'999, // 9999-12-31T23:59:59.999
                              253'402'300'800'000, // year 10000
                              std::numeric_limits<qint64>::max(),
                              std::numeric_limits<qint64>::min() };
        // Many times of the same days, then a day back: the remembered date must follow.
        for (int i = 0; i < 500; ++i)
            times << 1735689600000 + qint64(i) * 997'331;
        times << 1735689600000 - 1;
        const Pair p = write(CsvWriter::Options {}, [&](CsvWriter &text, CsvWriter &bytes) {
            for (const qint64 t : times) {
                text.addTimeCell(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
                (void)text.endRow();
                bytes.addEpochMsCell(t);
                (void)bytes.endRow();
            }
        });
        QCOMPARE(p.viaBytes, p.viaText);
        QVERIFY(p.viaBytes.startsWith("1970-01-01T00:00:00.000Z\r\n1970-01-01T00:00:00.001Z\r\n"
                                      "1969-12-31T23:59:59.999Z\r\n2025-01-01T00:00:00.000Z\r\n"
                                      "2025-01-01T23:59:59.999Z\r\n2000-02-29T00:00:00.000Z\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriterBytes)
#include "TestCsvWriterBytes.moc"
