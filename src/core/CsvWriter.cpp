#include "core/CsvWriter.h"

#include <QIODevice>

namespace iw {

namespace {
constexpr qsizetype kFlushAt = 256 * 1024;
}

CsvWriter::CsvWriter(QIODevice *device) : CsvWriter(device, Options {}) { }

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options) { }

CsvWriter::~CsvWriter()
{
    (void)flush();
}

QString CsvWriter::encodeCell(QStringView cell, bool neutraliseFormulas)
{
    QString text;
    if (neutraliseFormulas && !cell.isEmpty()) {
        const QChar c = cell.front();
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
            || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            text = QLatin1Char('\'') + cell.toString();
    }
    if (text.isNull())
        text = cell.toString();
    bool quote = false;
    for (const QChar c : text) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r')
            || c == QLatin1Char('\n')) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

Status CsvWriter::writeRow(const QStringList &cells)
{
    if (!m_error.isEmpty())
        return Error::make(Error::Kind::Io, m_error);
    if (!m_device || !m_device->isWritable()) {
        m_error = QStringLiteral("CSV output is not open for writing");
        return Error::make(Error::Kind::Io, m_error);
    }
    if (!m_started) {
        m_started = true;
        if (m_options.byteOrderMark)
            m_buffer.append("\xEF\xBB\xBF");
    }
    if (cells.size() == 1 && cells.first().isEmpty()) {
        m_buffer.append("\"\"");
    } else {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                m_buffer.append(',');
            m_buffer.append(encodeCell(cells.at(i), m_options.neutraliseFormulas).toUtf8());
        }
    }
    m_buffer.append("\r\n");
    ++m_rows;
    if (m_buffer.size() >= kFlushAt)
        return flush();
    return Unit {};
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
    m_buffer.clear();
    return Unit {};
}

} // namespace iw
