#include "core/CsvReader.h"

#include <QIODevice>

namespace iw {

namespace {
constexpr qint64 kChunk = 64 * 1024;
}

CsvReader::CsvReader(QIODevice *device) : m_device(device) { }

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    QByteArray chunk;
    if (m_fromBytes) {
        chunk = std::move(m_bytes);
        m_bytes.clear();
        m_eof = true;
    } else if (m_device && m_device->isReadable()) {
        chunk = m_device->read(kChunk);
        if (chunk.isEmpty())
            m_eof = true;
    } else {
        m_eof = true;
    }
    const qsizetype before = m_text.size();
    m_text += m_decoder.decode(chunk);
    if (!m_bomChecked && !m_text.isEmpty()) {
        m_bomChecked = true;
        if (m_text.front() == QChar(0xFEFF))
            m_text.remove(0, 1);
    }
    return m_text.size() > before || !m_eof;
}

void CsvReader::fail(const QString &message)
{
    m_error = Error::parse(message);
}

std::optional<QStringList> CsvReader::next()
{
    if (m_error)
        return std::nullopt;
    if (m_pos > kChunk) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    const auto ensure = [this] {
        while (m_pos >= m_text.size()) {
            if (!fill())
                return false;
        }
        return true;
    };
    const auto eatLineEnd = [&] { // at '\r' or '\n'
        const QChar c = m_text.at(m_pos++);
        if (c == QLatin1Char('\r') && ensure() && m_text.at(m_pos) == QLatin1Char('\n'))
            ++m_pos;
        ++m_line;
    };

    // Skip blank lines.
    for (;;) {
        if (!ensure())
            return std::nullopt;
        const QChar c = m_text.at(m_pos);
        if (c != QLatin1Char('\r') && c != QLatin1Char('\n'))
            break;
        eatLineEnd();
    }

    QStringList row;
    QString field;
    for (;;) {
        if (ensure() && m_text.at(m_pos) == QLatin1Char('"')) {
            const qint64 startLine = m_line;
            ++m_pos;
            for (;;) {
                if (!ensure()) {
                    fail(QStringLiteral("quoted field starting on line %1 never ends").arg(startLine));
                    return std::nullopt;
                }
                const QChar c = m_text.at(m_pos++);
                if (c == QLatin1Char('"')) {
                    if (ensure() && m_text.at(m_pos) == QLatin1Char('"')) {
                        field += c;
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == QLatin1Char('\n'))
                    ++m_line;
                field += c;
            }
            if (!ensure()) {
                row.append(field);
                return row;
            }
            const QChar after = m_text.at(m_pos);
            if (after == QLatin1Char(',')) {
                ++m_pos;
                row.append(std::exchange(field, QString()));
                continue;
            }
            if (after == QLatin1Char('\r') || after == QLatin1Char('\n')) {
                eatLineEnd();
                row.append(field);
                return row;
            }
            fail(QStringLiteral("unexpected text after a closing quote on line %1").arg(m_line));
            return std::nullopt;
        }
        // Unquoted field.
        for (;;) {
            if (!ensure()) {
                row.append(field);
                return row;
            }
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char(',')) {
                ++m_pos;
                row.append(std::exchange(field, QString()));
                break;
            }
            if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                eatLineEnd();
                row.append(field);
                return row;
            }
            field += c;
            ++m_pos;
        }
    }
}

Result<QList<QStringList>> CsvReader::parse(const QByteArray &utf8)
{
    CsvReader r(nullptr);
    r.m_fromBytes = true;
    r.m_bytes = utf8;
    QList<QStringList> rows;
    while (auto row = r.next())
        rows.append(std::move(*row));
    if (r.error())
        return *r.error();
    return rows;
}

} // namespace iw
