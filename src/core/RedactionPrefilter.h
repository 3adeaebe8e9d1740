#pragma once

#include <QString>
#include <QStringView>

namespace iw {

// A cheap, conservative test run before iw::redact() on bulk text (a million CSV cells): false only when
// no rule of redact() can match, i.e. the text holds none of '@', none of "bearer", "sharedkey", "eyj"
// (case-insensitive), and not both one of '"', '=', "%3d" and one of the secret words ("sig", "secret",
// "token", "key", "password", "pwd", "authorizationcontext"); anything
// outside ASCII counts as possibly secret. Keep in step with the rules in Redaction.cpp;
// TestRedactionPrefilter checks that redact() changes nothing whenever this says false.
bool mayHoldSecret(QStringView text);

// redact(text) when mayHoldSecret(text), else the text itself (no copy).
QString redactIfNeeded(const QString &text);

} // namespace iw
