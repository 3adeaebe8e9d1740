#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

class QIODevice;

namespace iw {

// Reads RFC 4180 CSV (UTF-8, optional BOM): quoted fields may hold commas, doubled quotes and line breaks;
// rows end with CRLF, LF or CR. Blank lines are skipped (a row of one empty cell is written `""`, see
// CsvWriter). A quote inside an unquoted field is kept as text. Errors: a quoted field that never closes,
// or text right after a closing quote. The `'` that CsvWriter puts before formula-like cells is not removed.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device); // streams from the device in chunks

    // The next row; nullopt at the end or after an error (see error()).
    std::optional<QStringList> next();
    const std::optional<Error> &error() const { return m_error; }
    qint64 line() const { return m_line; } // 1-based line of the next character

    // Everything at once (tests, small imports).
    static Result<QList<QStringList>> parse(const QByteArray &utf8);

private:
    bool fill(); // appends the next decoded chunk to m_text; false at the end of input
    void fail(const QString &message);

    QIODevice *m_device = nullptr;
    QByteArray m_bytes; // for parse(): the whole input
    bool m_fromBytes = false;
    QStringDecoder m_decoder { QStringDecoder::Utf8 };
    QString m_text;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_bomChecked = false;
    qint64 m_line = 1;
    std::optional<Error> m_error;
};

} // namespace iw
