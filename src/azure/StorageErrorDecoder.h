#pragma once

#include "azure/HttpPipeline.h"

namespace iw {

// HttpRequest::decodeError for Azure Storage (table, queue, blob): the code from x-ms-error-code first,
// then from the body, branching on Content-Type: JSON {"odata.error":...} or XML <Error><Code>. Azurite
// answers some table errors (403, 415) in XML where Azure uses JSON. The message is the service's first
// line (RequestId/Time trailers dropped), else the reason phrase. Never the reason phrase as the code.
class StorageErrorDecoder
{
public:
    static Error decode(const HttpResponse &response);
};

} // namespace iw
