#pragma once

#include "core/IngestionStatus.h"
#include "core/Result.h"
#include "core/TableEntity.h"

namespace iw {

// Mapping between a status-table entity and iw::IngestionStatus (the service's IngestionStatus class).
// Reading is tolerant, because different SDKs write the table: GUIDs as Edm.Guid or strings, UpdatedOn as
// Edm.DateTime, an ISO string or epoch milliseconds, Status and FailureStatus as names or numbers,
// OriginatesFromUpdatePolicy as bool or "true"/"false". Unknown Status text -> an Error (the row is not
// silently shown as Pending); other unknown fields are kept verbatim or left default.
class TableEntityStatus
{
public:
    static Result<IngestionStatus> toIngestionStatus(const TableEntity &entity);
    // How the service (and the simulator) writes a row: Status/FailureStatus as names, GUIDs as Edm.Guid,
    // UpdatedOn as Edm.DateTime.
    static TableEntity fromIngestionStatus(const IngestionStatus &status);
};

} // namespace iw
