// CsvWriter + CsvReader: rows written and read back are equal (formula neutralisation off; with it on,
// a formula-like cell comes back with one leading quote). CsvReader::parse of any bytes gives rows or an
// error, and the streaming reader fed a few bytes at a time gives exactly the same.
#include "FuzzCheck.h"

#include "core/CsvReader.h"
#include "core/CsvWriter.h"

#include <QBuffer>
#include <QStringDecoder>

using namespace iw;
using iw::fuzz::show;

namespace {

// A device that hands out at most `step` bytes per read, so chunk boundaries fall everywhere: inside
// UTF-8 sequences, between CR and LF, between doubled quotes.
class TrickleDevice : public QIODevice
{
public:
    TrickleDevice(QByteArray data, int step) : m_data(std::move(data)), m_step(step) { open(ReadOnly); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>({ max, m_step, m_data.size() - m_pos });
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
    int m_step;
};

QString showRows(const QList<QStringList> &rows)
{
    QStringList parts;
    for (const QStringList &r : rows)
        parts << show(r);
    return parts.join(QLatin1Char('\n'));
}

bool formulaLike(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// The fuzzer's text as rows: '\x1e' ends a row, '\x1f' ends a cell (both are kept out of the cells).
QList<QStringList> rowsFrom(const QString &text)
{
    QList<QStringList> rows;
    for (const QString &line : text.split(QChar(0x1e))) {
        QStringList cells = line.split(QChar(0x1f));
        rows.append(cells);
    }
    return rows;
}

void checkWriteRead(const QList<QStringList> &rows, bool neutralise, bool bom)
{
    QByteArray bytes;
    {
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        CsvWriter::Options o;
        o.neutraliseFormulas = neutralise;
        o.byteOrderMark = bom;
        CsvWriter w(&buf, o);
        for (const QStringList &r : rows)
            FUZZ_CHECK(w.writeRow(r).ok(), show(r));
        FUZZ_CHECK(w.flush().ok(), QString());
        FUZZ_CHECK(w.rowsWritten() == rows.size(), QString());
    }
    const Result<QList<QStringList>> back = CsvReader::parse(bytes);
    FUZZ_CHECK(back.ok(), showRows(rows) + QStringLiteral("\n-> ") + back.error().message);
    QList<QStringList> expected = rows;
    if (neutralise) {
        for (QStringList &r : expected)
            for (QString &c : r)
                if (formulaLike(c))
                    c.prepend(QLatin1Char('\''));
    }
    FUZZ_CHECK(*back == expected,
               QStringLiteral("wrote\n") + showRows(expected) + QStringLiteral("\nread\n") + showRows(*back)
                   + QStringLiteral("\nfile ") + show(QString::fromUtf8(bytes)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const iw::fuzz::Input in(data, size);

    // 1. Any bytes: parse() gives rows or an error. For valid UTF-8, the streaming reader fed a few bytes
    // at a time agrees row by row and on the error. (Not for invalid UTF-8: Qt 6.4's stateful decoder
    // replaces a bad sequence split across reads differently, sometimes eating the next byte.)
    const Result<QList<QStringList>> all = CsvReader::parse(in.payload);
    QStringDecoder strict(QStringDecoder::Utf8);
    (void)QString(strict.decode(in.payload));
    if (!strict.hasError()) {
        TrickleDevice dev(in.payload, 1 + in.selector % 7);
        CsvReader r(&dev);
        QList<QStringList> rows;
        while (auto row = r.next())
            rows.append(std::move(*row));
        FUZZ_CHECK(bool(r.error()) == !all.ok(), show(QString::fromUtf8(in.payload)));
        if (all)
            FUZZ_CHECK(rows == *all,
                       showRows(rows) + QStringLiteral("\nvs\n") + showRows(*all) + QStringLiteral("\nfrom ")
                           + show(QString::fromUtf8(in.payload)));
    }

    // 2. Round trip of the fuzzer's text as rows. A row of no cells cannot exist here (split gives at
    // least one), and a row made of one empty cell is written "" and must come back.
    const QList<QStringList> rows = rowsFrom(QString::fromUtf8(in.payload));
    checkWriteRead(rows, (in.selector & 0x80) != 0, (in.selector & 0x40) != 0);
    return 0;
}
