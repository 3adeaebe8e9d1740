#pragma once

#include <QString>
#include <QStringView>

namespace iw {

// A cheap, conservative test run before iw::redact() on bulk text (a million CSV cells): false only when
// no rule of redact() can match, i.e. the text holds none of '@', none of "bearer", "sharedkey", "eyj"
// (case-insensitive), and not both one of '"', '=', "%3d" and one of the secret words ("sig", "secret",
// "token", "key", "password", "pwd", "code", "authorizationcontext", or a percent escape of a letter or
// '_', which may spell part of a parameter name: "s%69g", "%2573ig"); anything
// outside ASCII counts as possibly secret. Keep in step with the rules in Redaction.cpp;
// TestRedactionPrefilter checks that redact() changes nothing whenever this says false.
bool mayHoldSecret(QStringView text);

// The same test for text in pieces (a pooled folder and a file name): the hints of each piece, or-ed, give
// the answer for the whole when no secret word or "%3d" can span the pieces' boundary (a '/' between them).
struct SecretHints
{
    enum : quint8 { Assignment = 1, SecretWord = 2, Trigger = 4 };
};
quint8 secretHints(QStringView text);
quint8 secretHints(const char *utf8, qsizetype length); // any byte >= 0x80 counts as a trigger
inline bool mayHoldSecret(quint8 hints)
{
    return (hints & SecretHints::Trigger)
        || ((hints & SecretHints::Assignment) && (hints & SecretHints::SecretWord));
}

// redact(text) when mayHoldSecret(text), else the text itself (no copy).
QString redactIfNeeded(const QString &text);

} // namespace iw
