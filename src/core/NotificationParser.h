#pragma once

#include "core/IngestionNotification.h"

#include <QByteArray>
#include <QString>

namespace iw {

// Turns one report-queue MessageText into a notification. The text is base64 of JSON as the service
// posts it; plain JSON is accepted too. Keys are matched case-insensitively; FailureStatus as a name or
// a number; times as ISO 8601 strings. `expected` says which queue it came from (Failure or Success).
// Never fails: a message that does not parse comes back with kind Malformed, its raw text and the reason.
IngestionNotification parseNotificationMessage(const QString &messageText,
                                               IngestionNotification::Kind expected);

// The JSON the service posts for a notification (service field names; the simulator uses this). Failure
// and Success write their own fields; times are UTC ISO 8601. A Malformed notification gives back its raw
// text unchanged, so a test backend can replay a broken message.
QByteArray toNotificationJson(const IngestionNotification &n);

} // namespace iw
