#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace iw {

// KQL string literals for values such as operation ids (`00001111;11112222;<guid>`), which hold `;` and may
// hold quotes, backslashes or line breaks.
enum class KqlQuoteStyle { Double, Single };

// `"..."` or `'...'` with backslash escapes: `\\`, the quote (`\"` / `\'`), `\n`, `\r`, `\t`. Other control
// characters have no KQL escape and are refused (a Usage error) rather than changed.
Result<QString> kqlQuote(QStringView value, KqlQuoteStyle style = KqlQuoteStyle::Double);

// The inverse, for tests and the simulator's command parser. Accepts what kqlQuote writes and what people
// type: `"..."`, `'...'` with the escapes above plus `\'`/`\"` in either style; verbatim `@"..."` / `@'...'`
// (a doubled quote is one quote, backslash is literal); an `h`/`H` prefix (obfuscated literal).
// Surrounding whitespace is ignored; anything else (unterminated, unknown escape, text after the closing
// quote) is a Parse error.
Result<QString> kqlUnquote(QStringView literal);

// Reads one literal at the start of `text` (after whitespace); `consumed` is set to the number of
// characters used, so a caller can parse lists such as ("a", 'b').
Result<QString> kqlReadLiteral(QStringView text, qsizetype *consumed);

} // namespace iw
