#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>

class QIODevice;

namespace iw {

// The project's CSV writer (RFC 4180): UTF-8, CRLF after every row, a cell is quoted when it holds a comma,
// a quote, CR or LF, and quotes inside are doubled. Rows stream to the device through a small buffer, so a
// million rows never become one string.
//
// Formula neutralisation (on by default): a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a single
// quote `'` in front, so a spreadsheet shows it as text instead of running it (CSV injection). This changes
// such cells, negative numbers included (`-5` is written `'-5`): turn it off for files meant for programs.
// A row made of one empty cell is written as `""` so that it is not read back as a blank line.
class CsvWriter
{
public:
    struct Options
    {
        bool byteOrderMark = false; // EF BB BF first, for spreadsheet programs that need it
        bool neutraliseFormulas = true;
    };

    explicit CsvWriter(QIODevice *device); // default options
    CsvWriter(QIODevice *device, Options options);
    ~CsvWriter(); // flushes; call flush() first to see the error
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    Status writeHeader(const QStringList &names) { return writeRow(names); }
    Status writeRow(const QStringList &cells);

    // The same row cell by cell, without a QStringList: addCell() for each cell, then endRow(). Cells are
    // encoded straight into the UTF-8 buffer (no QString per cell); an ASCII cell is copied byte by byte.
    void addCell(QStringView cell);
    void addCell(QLatin1String cell); // ASCII text (numbers, times, enum names)
    void addCell(qint64 number);
    // A time as `2025-01-01T00:00:00.000Z` (UTC, milliseconds: what QDateTime::toString(Qt::ISODateWithMs)
    // gives for UTC); an invalid time is an empty cell.
    void addTimeCell(const QDateTime &time);
    // addTimeCell(QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)), without the QDateTime.
    void addEpochMsCell(qint64 msSinceEpoch);
    // Bytes straight from a database or a file, without a QString: addUtf8Cell() writes exactly what
    // addCell(QString::fromUtf8(utf8, length)) writes (same quoting, neutralisation and U+FEFF rule), and
    // copies an ASCII cell as it is. addAsciiCell() writes ASCII bytes like addCell(QLatin1String); when a
    // byte is outside ASCII it writes nothing and returns false, so the caller decodes the text its own way.
    void addUtf8Cell(const char *utf8, qsizetype length);
    bool addAsciiCell(const char *bytes, qsizetype length);
    Status endRow();
    // Writes what is buffered to the device. An Io error when the device is not writable or a write fails;
    // after an error every call returns it again.
    Status flush();

    qint64 rowsWritten() const { return m_rows; }

    // One cell as it appears in the file (quoted and neutralised as the options say).
    static QString encodeCell(QStringView cell, bool neutraliseFormulas = true);

private:
    Status checkOpen();
    void appendAscii(const char16_t *cell, qsizetype length, bool quote, bool neutralise);
    void appendUtf8(const char *cell, qsizetype length, bool quote, bool neutralise);
    bool appendTime(qint64 msSinceEpoch); // false (nothing written) outside the years 0..9999
    void beginCell();

    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    qsizetype m_rowStart = 0; // buffer offset of the row being written
    int m_cells = 0; // cells in the row being written
    bool m_started = false;
    qint64 m_timeDay = std::numeric_limits<qint64>::min(); // the day whose date m_timeDate holds
    char m_timeDate[11] = {}; // "YYYY-MM-DDT"
    QString m_error;
};

} // namespace iw
