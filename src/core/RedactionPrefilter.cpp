#include "core/RedactionPrefilter.h"

#include "core/Redaction.h"

#include <array>

namespace iw {

namespace {

enum CharClass : quint8 {
    None = 0,
    Assign = 1, // '"', '='
    Percent = 2, // "%3d" starts here
    At = 4, // '@': always
    WordStart = 8, // a letter a secret word or trigger word starts with
};

constexpr std::array<quint8, 128> makeClasses()
{
    std::array<quint8, 128> t {};
    t['"'] = Assign;
    t['='] = Assign;
    t['%'] = Percent;
    t['@'] = At;
    for (const char c : { 'a', 'b', 'c', 'e', 'k', 'p', 's', 't' }) {
        t[std::size_t(c)] = WordStart;
        t[std::size_t(c - 'a' + 'A')] = WordStart;
    }
    return t;
}
constexpr std::array<quint8, 128> kClasses = makeClasses();

template<typename Char>
char lower(Char c)
{
    const auto u = static_cast<unsigned>(c);
    return (u >= 'A' && u <= 'Z') ? char(u + ('a' - 'A')) : char(u);
}

// Case-insensitive (ASCII) match of a lower-case word at s[i].
template<typename Char>
bool wordAt(const Char *s, qsizetype n, qsizetype i, const char *word)
{
    for (qsizetype j = 0; word[j]; ++j) {
        if (i + j >= n || lower(s[i + j]) != word[j])
            return false;
    }
    return true;
}

template<typename Char>
int hexDigit(const Char *s, qsizetype n, qsizetype i)
{
    if (i >= n)
        return -1;
    const auto u = static_cast<unsigned>(s[i]);
    if (u >= '0' && u <= '9')
        return int(u - '0');
    if ((u | 0x20) >= 'a' && (u | 0x20) <= 'f')
        return int((u | 0x20) - 'a' + 10);
    return -1;
}

// The character a percent escape at s[i] stands for ("%73"), also one encoded twice ("%2573"); -1 if none.
template<typename Char>
int escapedChar(const Char *s, qsizetype n, qsizetype i)
{
    const int hi = hexDigit(s, n, i + 1);
    const int lo = hexDigit(s, n, i + 2);
    if (hi < 0 || lo < 0)
        return -1;
    const int c = hi * 16 + lo;
    return c == '%' ? escapedChar(s, n, i + 2) : c;
}

// Char: char16_t (UTF-16) or unsigned char (UTF-8 / Latin-1 bytes).
template<typename Char>
quint8 hintsOf(const Char *s, qsizetype n)
{
    quint8 hints = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto u = static_cast<unsigned>(s[i]);
        // Anything outside ASCII might fold to one of the letters below in the matcher's case-insensitive
        // mode (U+017F 'ſ' matches 's', U+212A 'K' matches 'k').
        if (u >= 0x80)
            return SecretHints::Trigger;
        const quint8 c = kClasses[u];
        if (!c)
            continue;
        if (c == Assign) {
            hints |= SecretHints::Assignment;
        } else if (c == Percent) {
            if (wordAt(s, n, i, "%3d")) {
                hints |= SecretHints::Assignment;
            } else {
                // A letter spelled as an escape can be part of a parameter name redact() decodes
                // ("s%69g=", "%53IG="): counted as a secret word.
                const int c = escapedChar(s, n, i);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
                    hints |= SecretHints::SecretWord;
            }
        } else if (c == At) {
            return SecretHints::Trigger;
        } else {
            switch (lower(u)) {
            case 'a':
                if (wordAt(s, n, i, "authorizationcontext"))
                    hints |= SecretHints::SecretWord;
                break;
            case 'b':
                if (wordAt(s, n, i, "bearer"))
                    return SecretHints::Trigger;
                break;
            case 'c':
                if (wordAt(s, n, i, "code"))
                    hints |= SecretHints::SecretWord;
                break;
            case 'e':
                if (wordAt(s, n, i, "eyj"))
                    return SecretHints::Trigger;
                break;
            case 'k':
                if (wordAt(s, n, i, "key"))
                    hints |= SecretHints::SecretWord;
                break;
            case 'p':
                if (wordAt(s, n, i, "password") || wordAt(s, n, i, "pwd"))
                    hints |= SecretHints::SecretWord;
                break;
            case 's':
                if (wordAt(s, n, i, "sharedkey"))
                    return SecretHints::Trigger;
                if (wordAt(s, n, i, "sig") || wordAt(s, n, i, "secret"))
                    hints |= SecretHints::SecretWord;
                break;
            case 't':
                if (wordAt(s, n, i, "token"))
                    hints |= SecretHints::SecretWord;
                break;
            default:
                break;
            }
        }
    }
    return hints;
}

} // namespace

quint8 secretHints(QStringView text)
{
    return hintsOf(reinterpret_cast<const char16_t *>(text.utf16()), text.size());
}

quint8 secretHints(const char *utf8, qsizetype length)
{
    return hintsOf(reinterpret_cast<const unsigned char *>(utf8), length);
}

bool mayHoldSecret(QStringView text)
{
    return mayHoldSecret(secretHints(text));
}

QString redactIfNeeded(const QString &text)
{
    return mayHoldSecret(text) ? redact(text) : text;
}

} // namespace iw
