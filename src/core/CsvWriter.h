#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

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
    // Writes what is buffered to the device. An Io error when the device is not writable or a write fails;
    // after an error every call returns it again.
    Status flush();

    qint64 rowsWritten() const { return m_rows; }

    // One cell as it appears in the file (quoted and neutralised as the options say).
    static QString encodeCell(QStringView cell, bool neutraliseFormulas = true);

private:
    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_started = false;
    QString m_error;
};

} // namespace iw
