#include "core/KqlQuote.h"

namespace iw {

Result<QString> kqlQuote(QStringView value, KqlQuoteStyle style)
{
    const QChar quote = style == KqlQuoteStyle::Double ? QLatin1Char('"') : QLatin1Char('\'');
    QString out;
    out.reserve(value.size() + 2);
    out += quote;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\')) {
            out += QLatin1String("\\\\");
        } else if (c == quote) {
            out += QLatin1Char('\\');
            out += c;
        } else if (c == QLatin1Char('\n')) {
            out += QLatin1String("\\n");
        } else if (c == QLatin1Char('\r')) {
            out += QLatin1String("\\r");
        } else if (c == QLatin1Char('\t')) {
            out += QLatin1String("\\t");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("control character U+%1 cannot be written in a KQL string")
                                   .arg(c.unicode(), 4, 16, QLatin1Char('0')));
        } else {
            out += c;
        }
    }
    out += quote;
    return out;
}

Result<QString> kqlReadLiteral(QStringView text, qsizetype *consumed)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && text[i].isSpace())
        ++i;
    if (i < n && (text[i] == QLatin1Char('h') || text[i] == QLatin1Char('H')))
        ++i;
    bool verbatim = false;
    if (i < n && text[i] == QLatin1Char('@')) {
        verbatim = true;
        ++i;
    }
    if (i >= n || (text[i] != QLatin1Char('"') && text[i] != QLatin1Char('\'')))
        return Error::parse(QStringLiteral("expected a quoted KQL string"));
    const QChar quote = text[i++];
    QString out;
    while (i < n) {
        const QChar c = text[i];
        if (c == quote) {
            if (verbatim && i + 1 < n && text[i + 1] == quote) {
                out += quote;
                i += 2;
                continue;
            }
            if (consumed)
                *consumed = i + 1;
            return out;
        }
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            return Error::parse(QStringLiteral("line break inside a KQL string"));
        if (c == QLatin1Char('\\') && !verbatim) {
            if (i + 1 >= n)
                break;
            const QChar e = text[i + 1];
            switch (e.unicode()) {
            case '\\':
            case '"':
            case '\'':
                out += e;
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            default:
                return Error::parse(QStringLiteral("unknown escape \\%1 in a KQL string").arg(e));
            }
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return Error::parse(QStringLiteral("unterminated KQL string"));
}

Result<QString> kqlUnquote(QStringView literal)
{
    qsizetype used = 0;
    Result<QString> r = kqlReadLiteral(literal, &used);
    if (!r.ok())
        return r;
    if (!literal.mid(used).trimmed().isEmpty())
        return Error::parse(QStringLiteral("text after the closing quote of a KQL string"));
    return r;
}

} // namespace iw
