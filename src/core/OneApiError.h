#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace iw {

// Turns a Kusto error response into an iw::Error. Never fails.
//
// JSON OneApi body ({"error":{"code","message","@message","@permanent","@context":{"activityId",...}}},
// also wrapped as {"OneApiErrors":[{"error":...}]}): code = error.code; message = @message when present
// (the full description), else message; retryable = !@permanent; activityId and clientRequestId from
// @context, else the given header value. Without @permanent, retryable follows the status (408, 429, 5xx).
// Any other body (a 401's plain text, HTML from a proxy, nothing): an Error with the HTTP status and the
// text, truncated and redacted. The kind follows the status: 401/403 Auth, 404 NotFound, 429 Throttled,
// other statuses Http; with no status (an error inside a 200 body) Http.
Error parseOneApiError(const QByteArray &body, int httpStatus = 0, const QString &activityIdHeader = {});

// Whether a JSON body is a OneApi error (has an "error" object or "OneApiErrors").
bool looksLikeOneApiError(const QByteArray &body);

} // namespace iw
