// kqlQuote / kqlUnquote / kqlReadLiteral: quoting any value and reading it back gives the value; reading
// any text gives a value or an error, and whatever was read quotes back to the same value.
#include "FuzzCheck.h"

#include "core/KqlQuote.h"

using namespace iw;
using iw::fuzz::show;

namespace {

bool refusedByQuote(const QString &s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

void roundTrip(const QString &value)
{
    for (const KqlQuoteStyle style : { KqlQuoteStyle::Double, KqlQuoteStyle::Single }) {
        const Result<QString> quoted = kqlQuote(value, style);
        FUZZ_CHECK(quoted.ok() == !refusedByQuote(value), show(value));
        if (!quoted)
            continue;
        FUZZ_CHECK(!quoted->contains(QLatin1Char('\n')) && !quoted->contains(QLatin1Char('\r')),
                   show(*quoted));
        const Result<QString> back = kqlUnquote(*quoted);
        FUZZ_CHECK(back.ok() && *back == value,
                   show(value) + QStringLiteral(" -> ") + show(*quoted) + QStringLiteral(" -> ")
                       + (back ? show(*back) : back.error().message));
        // In a list: the reader stops right after the closing quote.
        qsizetype used = -1;
        const Result<QString> first
            = kqlReadLiteral(QString(QStringLiteral("  ") + *quoted + QStringLiteral(", 'x'")), &used);
        FUZZ_CHECK(first.ok() && *first == value && used == quoted->size() + 2, show(*quoted));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(iw::fuzz::bytes(data, size));

    roundTrip(text);

    const Result<QString> unquoted = kqlUnquote(text);
    if (unquoted)
        roundTrip(*unquoted);

    qsizetype used = -1;
    const Result<QString> lit = kqlReadLiteral(text, &used);
    if (lit) {
        FUZZ_CHECK(used > 0 && used <= text.size(), show(text));
        // The consumed prefix is one complete literal with the same value.
        const Result<QString> again = kqlUnquote(QStringView(text).left(used));
        FUZZ_CHECK(again.ok() && *again == *lit, show(text));
        // kqlUnquote accepts exactly the texts whose literal is followed by whitespace only.
        FUZZ_CHECK(unquoted.ok() == QStringView(text).mid(used).trimmed().isEmpty(), show(text));
    } else {
        FUZZ_CHECK(!unquoted.ok(), show(text));
    }
    return 0;
}
