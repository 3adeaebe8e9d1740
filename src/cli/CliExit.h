#pragma once

#include "core/Result.h"

#include <QString>

namespace iw {

// The exit codes of `ingestwatch COMMAND`, for scripts to test, and how a typed Error maps onto them.
class CliExit
{
public:
    enum Code {
        Ok = 0,
        Failure = 1, // any other error (HTTP 5xx, a local file, the archive, the operator said no)
        Usage = 2, // unknown command or option, bad value, --yes missing off a terminal
        Auth = 3, // sign-in refused or impossible: 401/403, token endpoint, no credential
        Network = 4, // unreachable, connection refused/reset, DNS, TLS, timeout, throttled to the end
        NotFound = 5, // unknown operation id, missing status table/queue, unknown profile
    };

    // From the Error's kind, then its HTTP status, then the service error code (`*NotFound*`, as in
    // BadRequest_EntityNotFound, TableNotFound, QueueNotFound).
    static Code forError(const Error &error);
    // "3 sign-in refused (401/403, token)"-style lines for --help.
    static QString helpText();
};

} // namespace iw
