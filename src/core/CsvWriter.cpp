#include "core/CsvWriter.h"

#include <QIODevice>

#include <cstring>

namespace iw {

namespace {

constexpr qsizetype kFlushAt = 256 * 1024;

bool isFormulaStart(char16_t c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

bool needsQuotes(char16_t c)
{
    return c == u',' || c == u'"' || c == u'\r' || c == u'\n';
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device) : CsvWriter(device, Options {}) { }

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    m_buffer.reserve(kFlushAt + 64 * 1024);
}

CsvWriter::~CsvWriter()
{
    (void)flush();
}

QString CsvWriter::encodeCell(QStringView cell, bool neutraliseFormulas)
{
    QString text;
    if (neutraliseFormulas && !cell.isEmpty() && isFormulaStart(cell.front().unicode()))
        text = QLatin1Char('\'') + cell.toString();
    if (text.isNull())
        text = cell.toString();
    // A leading U+FEFF would be read back as a byte order mark and dropped: quote it.
    bool quote = text.startsWith(QChar(0xFEFF));
    for (const QChar c : text) {
        if (needsQuotes(c.unicode())) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

Status CsvWriter::checkOpen()
{
    if (!m_error.isEmpty())
        return Error::make(Error::Kind::Io, m_error);
    if (!m_device || !m_device->isWritable()) {
        m_error = QStringLiteral("CSV output is not open for writing");
        return Error::make(Error::Kind::Io, m_error);
    }
    return Unit {};
}

void CsvWriter::beginCell()
{
    if (m_cells == 0) {
        m_rowStart = m_buffer.size();
        if (!m_started) {
            m_started = true;
            if (m_options.byteOrderMark)
                m_buffer.append("\xEF\xBB\xBF");
            m_rowStart = m_buffer.size();
        }
    } else {
        m_buffer.append(',');
    }
    ++m_cells;
}

// UTF-16 that is all ASCII: one byte per character, written in place.
void CsvWriter::appendAscii(const char16_t *cell, qsizetype length, bool quote, bool neutralise)
{
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + 3 + 2 * length); // worst case: quotes, the neutralising ', every " doubled
    char *out = m_buffer.data() + at;
    if (quote)
        *out++ = '"';
    if (neutralise)
        *out++ = '\'';
    if (quote) {
        for (qsizetype i = 0; i < length; ++i) {
            const char c = static_cast<char>(cell[i]);
            if (c == '"')
                *out++ = '"';
            *out++ = c;
        }
        *out++ = '"';
    } else {
        for (qsizetype i = 0; i < length; ++i)
            out[i] = static_cast<char>(cell[i]);
        out += length;
    }
    m_buffer.resize(out - m_buffer.constData());
}

void CsvWriter::appendUtf8(const char *cell, qsizetype length, bool quote, bool neutralise)
{
    if (quote)
        m_buffer.append('"');
    if (neutralise)
        m_buffer.append('\'');
    if (quote) {
        // '"' is one byte in UTF-8 and never part of a multi-byte sequence.
        const char *p = cell;
        const char *end = cell + length;
        while (p < end) {
            const char *q = static_cast<const char *>(std::memchr(p, '"', std::size_t(end - p)));
            if (!q) {
                m_buffer.append(p, end - p);
                break;
            }
            m_buffer.append(p, q - p + 1);
            m_buffer.append('"');
            p = q + 1;
        }
        m_buffer.append('"');
    } else {
        m_buffer.append(cell, length);
    }
}

void CsvWriter::addCell(QStringView cell)
{
    beginCell();
    const auto *s = reinterpret_cast<const char16_t *>(cell.utf16());
    const qsizetype n = cell.size();
    if (n == 0)
        return;
    const bool neutralise = m_options.neutraliseFormulas && isFormulaStart(s[0]);
    // A leading U+FEFF would be read back as a byte order mark and dropped: quote it (as encodeCell does).
    bool quote = s[0] == 0xFEFF;
    char16_t any = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        any |= c;
        quote |= needsQuotes(c);
    }
    if (any < 0x80) {
        appendAscii(s, n, quote, neutralise);
    } else {
        const QByteArray utf8 = cell.toUtf8();
        appendUtf8(utf8.constData(), utf8.size(), quote, neutralise);
    }
}

void CsvWriter::addCell(QLatin1String cell)
{
    beginCell();
    const char *s = cell.data();
    const qsizetype n = cell.size();
    if (n == 0)
        return;
    const bool neutralise = m_options.neutraliseFormulas && isFormulaStart(char16_t(uchar(s[0])));
    bool quote = false;
    bool ascii = true;
    for (qsizetype i = 0; i < n; ++i) {
        quote |= needsQuotes(char16_t(uchar(s[i])));
        ascii &= uchar(s[i]) < 0x80;
    }
    if (ascii) {
        appendUtf8(s, n, quote, neutralise);
    } else {
        const QByteArray utf8 = QString(cell).toUtf8();
        appendUtf8(utf8.constData(), utf8.size(), quote, neutralise);
    }
}

void CsvWriter::addCell(qint64 number)
{
    // Digits and a minus sign: never quoted; a negative number is neutralised like any '-' cell.
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
    quint64 v = number < 0 ? quint64(0) - quint64(number) : quint64(number);
    do {
        *--p = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (number < 0)
        *--p = '-';
    addCell(QLatin1String(p, end - p));
}

void CsvWriter::addTimeCell(const QDateTime &time)
{
    if (!time.isValid()) {
        addCell(QLatin1String());
        return;
    }
    if (appendTime(time.toMSecsSinceEpoch()))
        return;
    const QString text = time.toUTC().toString(Qt::ISODateWithMs);
    addCell(QStringView(text));
}

void CsvWriter::addEpochMsCell(qint64 msSinceEpoch)
{
    if (!appendTime(msSinceEpoch))
        addTimeCell(QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC));
}

bool CsvWriter::appendTime(qint64 ms)
{
    if (ms < -62'167'219'200'000 || ms > 253'402'300'799'999) // 0000-01-01 .. 9999-12-31T23:59:59.999
        return false;
    const qint64 days = ms >= 0 ? ms / 86'400'000 : -((-ms + 86'399'999) / 86'400'000);
    const int msOfDay = int(ms - days * 86'400'000);
    const auto put = [](char *out, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[i] = char('0' + value % 10);
            value /= 10;
        }
    };
    // The times of an export are mostly of a few days: the date is worked out once per day.
    if (days != m_timeDay) {
        // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), for years 0..9999.
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        const qint64 day = doy - (153 * mp + 2) / 5 + 1;
        const qint64 month = mp < 10 ? mp + 3 : mp - 9;
        const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999)
            return false;
        put(m_timeDate, int(year), 4);
        m_timeDate[4] = '-';
        put(m_timeDate + 5, int(month), 2);
        m_timeDate[7] = '-';
        put(m_timeDate + 8, int(day), 2);
        m_timeDate[10] = 'T';
        m_timeDay = days;
    }
    beginCell();
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + 24);
    char *out = m_buffer.data() + at;
    std::memcpy(out, m_timeDate, sizeof m_timeDate);
    put(out + 11, msOfDay / 3'600'000, 2);
    out[13] = ':';
    put(out + 14, msOfDay / 60'000 % 60, 2);
    out[16] = ':';
    put(out + 17, msOfDay / 1000 % 60, 2);
    out[19] = '.';
    put(out + 20, msOfDay % 1000, 3);
    out[23] = 'Z';
    return true;
}

bool CsvWriter::addAsciiCell(const char *bytes, qsizetype length)
{
    // Eight bytes at a time: any byte >= 0x80, any byte that needs quotes (exact "has a zero byte" test).
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHigh = 0x8080808080808080ULL;
    const auto hasByte = [](quint64 w, unsigned char c) {
        const quint64 x = w ^ (kOnes * c);
        return (x - kOnes) & ~x & kHigh;
    };
    const auto *s = reinterpret_cast<const unsigned char *>(bytes);
    quint64 any = 0;
    quint64 quotes = 0;
    qsizetype i = 0;
    for (; i + 8 <= length; i += 8) {
        quint64 w;
        std::memcpy(&w, s + i, 8);
        any |= w;
        quotes |= hasByte(w, ',') | hasByte(w, '"') | hasByte(w, '\r') | hasByte(w, '\n');
    }
    bool quote = quotes != 0;
    for (; i < length; ++i) {
        const unsigned c = s[i];
        any |= c;
        quote |= c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (any & kHigh)
        return false;
    beginCell();
    if (length > 0)
        appendUtf8(bytes, length, quote, m_options.neutraliseFormulas && isFormulaStart(char16_t(s[0])));
    return true;
}

void CsvWriter::addUtf8Cell(const char *utf8, qsizetype length)
{
    if (addAsciiCell(utf8, length))
        return;
    // Outside ASCII: decoded as QString::fromUtf8 does (invalid sequences become U+FFFD), then written
    // like any text; a leading U+FEFF is quoted there.
    const QString text = QString::fromUtf8(utf8, length);
    addCell(QStringView(text));
}

Status CsvWriter::endRow()
{
    if (Status s = checkOpen(); !s) {
        if (m_cells > 0)
            m_buffer.truncate(m_rowStart);
        m_cells = 0;
        return s;
    }
    if (m_cells == 0) { // no cells: an empty line
        beginCell();
        m_cells = 0;
    } else if (m_cells == 1 && m_buffer.size() == m_rowStart) {
        m_buffer.append("\"\""); // one empty cell: not a blank line
    }
    m_buffer.append("\r\n");
    m_cells = 0;
    ++m_rows;
    if (m_buffer.size() >= kFlushAt)
        return flush();
    return Unit {};
}

Status CsvWriter::writeRow(const QStringList &cells)
{
    if (Status s = checkOpen(); !s)
        return s;
    for (const QString &cell : cells)
        addCell(QStringView(cell));
    return endRow();
}

Status CsvWriter::flush()
{
    if (!m_error.isEmpty())
        return Error::make(Error::Kind::Io, m_error);
    if (m_buffer.isEmpty())
        return Unit {};
    if (!m_device || !m_device->isWritable()) {
        m_error = QStringLiteral("CSV output is not open for writing");
        return Error::make(Error::Kind::Io, m_error);
    }
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        const qint64 n = m_device->write(m_buffer.constData() + done, m_buffer.size() - done);
        if (n <= 0) {
            m_error = QStringLiteral("writing CSV failed: %1").arg(m_device->errorString());
            m_buffer.clear();
            return Error::make(Error::Kind::Io, m_error);
        }
        done += n;
    }
    // Keep the capacity: the next rows are encoded into the same allocation.
    m_buffer.resize(0);
    return Unit {};
}

} // namespace iw
