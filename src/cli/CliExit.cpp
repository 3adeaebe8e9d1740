#include "cli/CliExit.h"

#include <QCoreApplication>

namespace iw {

CliExit::Code CliExit::forError(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Auth:
        return Auth;
    case Error::Kind::Network:
    case Error::Kind::Timeout:
    case Error::Kind::Throttled:
        return Network;
    case Error::Kind::NotFound:
        return NotFound;
    case Error::Kind::Usage:
        return Usage;
    case Error::Kind::Http:
    case Error::Kind::Parse:
    case Error::Kind::Canceled:
    case Error::Kind::Io:
        break;
    }
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return Auth;
    if (error.httpStatus == 404 || error.code.contains(QLatin1String("NotFound"), Qt::CaseInsensitive))
        return NotFound;
    if (error.httpStatus == 408 || error.httpStatus == 429)
        return Network;
    return Failure;
}

QString CliExit::helpText()
{
    return QCoreApplication::translate("cli",
                                       "Exit codes:\n"
                                       "  0  ok\n"
                                       "  1  other error (service error, local file, archive, answered no)\n"
                                       "  2  usage: unknown command or option, bad value, --yes needed\n"
                                       "  3  sign-in refused or impossible (HTTP 401/403, token endpoint)\n"
                                       "  4  network: unreachable, refused, timeout, throttled\n"
                                       "  5  not found: operation id, status table, report queue, profile\n");
}

} // namespace iw
