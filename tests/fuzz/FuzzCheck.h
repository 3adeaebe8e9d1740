#pragma once

// Property checks for the libFuzzer targets: a failed check prints what differs and aborts, which
// libFuzzer reports as a crash and saves the input (crash-<sha1>).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace iw::fuzz {

[[noreturn]] inline void fail(const char *file, int line, const char *what, const QString &detail)
{
    std::fprintf(stderr, "\n*** FUZZ PROPERTY FAILED at %s:%d: %s\n%s\n", file, line, what,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

// A short, printable rendering of a string for failure messages (escapes control characters).
inline QString show(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else if (c.unicode() > 0x7e)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
        if (out.size() > 600) {
            out += QStringLiteral("...");
            break;
        }
    }
    return out + QLatin1Char('"');
}

inline QString show(const QStringList &l)
{
    QStringList parts;
    for (const QString &s : l)
        parts << show(s);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Splits the fuzzer's bytes: the first byte chooses options, the rest is the payload.
struct Input
{
    unsigned char selector = 0;
    QByteArray payload;

    Input(const unsigned char *data, size_t size)
    {
        if (size > 0) {
            selector = data[0];
            payload = QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
        }
    }
};

inline QByteArray bytes(const unsigned char *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace iw::fuzz

#define FUZZ_CHECK(cond, detail)                                                                             \
    do {                                                                                                     \
        if (!(cond))                                                                                         \
            ::iw::fuzz::fail(__FILE__, __LINE__, #cond, (detail));                                           \
    } while (0)
