#pragma once

#include <QString>
#include <QStringView>
#include <QUrl>

namespace iw {

// Removes secrets from any text that may hold a URI or a connection string: SAS signatures (`sig=`),
// `AccountKey=`, `SharedAccessSignature=`, `client_secret=`, bearer tokens and URL user info.
// Everything else is kept so an operator can still tell which resource it is. Idempotent.
QString redact(QStringView text);
QString redact(const QUrl &url);
// A QString converts to both QStringView and QUrl: this overload settles which one is meant (the text).
inline QString redact(const QString &text)
{
    return redact(QStringView(text));
}

} // namespace iw
