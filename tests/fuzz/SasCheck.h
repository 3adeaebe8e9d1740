#pragma once

// What Azure Storage would read as the SAS signature of a URL or a SAS token: the value of every query
// parameter whose name, percent-decoded, is "sig" (any case). Decoded as a service decodes: only valid
// escapes (QUrl::fromPercentEncoding reads "%4g" as 'g', which no service does).

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace iw::fuzz {

inline int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

inline QString decodedName(const QString &encoded)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded.at(i) == QLatin1Char('%') && i + 2 < encoded.size() && hexValue(encoded.at(i + 1)) >= 0
            && hexValue(encoded.at(i + 2)) >= 0) {
            bytes += char(hexValue(encoded.at(i + 1)) * 16 + hexValue(encoded.at(i + 2)));
            i += 2;
        } else {
            bytes += QStringView(encoded).mid(i, 1).toUtf8();
        }
    }
    return QString::fromUtf8(bytes);
}

inline QStringList sigValues(const QString &query)
{
    QStringList out;
    for (const QString &item : query.split(QLatin1Char('&'))) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = decodedName(item.left(eq));
        if (key.compare(QLatin1String("sig"), Qt::CaseInsensitive) == 0)
            out << item.mid(eq + 1);
    }
    return out;
}

// A signature is base64 (percent-encoded in a URL): what a value starts with in those characters, once
// decoded, is what could be a signature.
inline QString signaturePart(const QString &encoded)
{
    const QString value = QUrl::fromPercentEncoding(encoded.toUtf8());
    qsizetype n = 0;
    while (n < value.size()) {
        const QChar c = value.at(n);
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('%') && c != QLatin1Char('+')
            && c != QLatin1Char('/') && c != QLatin1Char('=') && c != QLatin1Char('-')
            && c != QLatin1Char('_'))
            break;
        ++n;
    }
    return value.left(n);
}

// True when every signature is gone: its signature part is empty or the redaction marker.
inline bool noSignature(const QString &query)
{
    for (const QString &v : sigValues(query)) {
        const QString part = signaturePart(v);
        if (!part.isEmpty() && part != QLatin1String("REDACTED"))
            return false;
    }
    return true;
}

} // namespace iw::fuzz
