#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace iw {

// Times as the Kusto and storage services write them, always returned in UTC.
// Accepts ISO 8601 with 'T' or a space between date and time (`2025-03-20 15:03:11.0000000`), any number
// of fractional digits (kept to the millisecond), `Z`, `+hh:mm`, `+hhmm` or no zone (taken as UTC), and a
// bare date. Empty or anything else: nullopt.
std::optional<QDateTime> parseDateTimeText(QStringView text);

// Seconds (e.g. 1487111103.11) or milliseconds (e.g. 1487111103114) since 1970, told apart by size.
// Non-finite or out-of-range values: nullopt.
std::optional<QDateTime> dateTimeFromEpochNumber(double value);

// `2017-02-14T22:25:03.1140000Z`: UTC, seven fractional digits, the way the service writes times.
// A null or invalid QDateTime gives an empty string.
QString toDateTimeText(const QDateTime &t);

} // namespace iw
