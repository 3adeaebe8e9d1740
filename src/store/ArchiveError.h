#pragma once

#include "core/Result.h"

#include <QLatin1String>

namespace iw {

// Error::code values the archive returns (Error::kind is Io unless said otherwise). Callers branch on
// these, never on message text.
namespace ArchiveError {
inline constexpr QLatin1String Corrupt { "archive-corrupt" }; // not a database / damaged pages
inline constexpr QLatin1String Locked { "archive-locked" }; // busy timeout expired (another writer)
inline constexpr QLatin1String DiskFull { "archive-disk-full" }; // no space, or the size cap was hit
inline constexpr QLatin1String ReadOnly { "archive-read-only" }; // a write on a read-only archive
inline constexpr QLatin1String NewerSchema { "archive-newer-schema" }; // written by a newer IngestWatch
inline constexpr QLatin1String CannotOpen { "archive-cannot-open" }; // path, permissions, no server
inline constexpr QLatin1String Sql { "archive-sql" }; // any other database error

inline Error make(QLatin1String code, const QString &message, Error::Kind kind = Error::Kind::Io)
{
    Error e = Error::make(kind, message);
    e.code = code;
    return e;
}
inline bool is(const Error &e, QLatin1String code)
{
    return e.code == code;
}
} // namespace ArchiveError

} // namespace iw
