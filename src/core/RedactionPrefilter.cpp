#include "core/RedactionPrefilter.h"

#include "core/Redaction.h"

namespace iw {

namespace {

char16_t lower(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
}

// Case-insensitive (ASCII) match of a lower-case word at s[i].
bool wordAt(const char16_t *s, qsizetype n, qsizetype i, const char *word)
{
    for (qsizetype j = 0; word[j]; ++j) {
        if (i + j >= n || lower(s[i + j]) != char16_t(word[j]))
            return false;
    }
    return true;
}

} // namespace

bool mayHoldSecret(QStringView text)
{
    const auto *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    bool assignment = false; // '"', '=' or "%3d"
    bool secretWord = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = lower(s[i]);
        switch (c) {
        case u'@':
            return true;
        case u'"':
        case u'=':
            assignment = true;
            break;
        case u'%':
            assignment |= wordAt(s, n, i, "%3d");
            break;
        case u'a':
            secretWord |= wordAt(s, n, i, "authorizationcontext");
            break;
        case u'b':
            if (wordAt(s, n, i, "bearer"))
                return true;
            break;
        case u'e':
            if (wordAt(s, n, i, "eyj"))
                return true;
            break;
        case u's':
            if (wordAt(s, n, i, "sharedkey"))
                return true;
            secretWord |= wordAt(s, n, i, "sig") || wordAt(s, n, i, "secret");
            break;
        case u't':
            secretWord |= wordAt(s, n, i, "token");
            break;
        case u'k':
            secretWord |= wordAt(s, n, i, "key");
            break;
        case u'p':
            secretWord |= wordAt(s, n, i, "password") || wordAt(s, n, i, "pwd");
            break;
        default:
            // Anything outside ASCII might fold to one of the letters above in the matcher's
            // case-insensitive mode (U+017F 'ſ' matches 's', U+212A 'K' matches 'k').
            if (c >= 0x80)
                return true;
            break;
        }
        if (assignment && secretWord)
            return true;
    }
    return false;
}

QString redactIfNeeded(const QString &text)
{
    return mayHoldSecret(text) ? redact(text) : text;
}

} // namespace iw
