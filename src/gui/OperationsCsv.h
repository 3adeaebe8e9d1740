#pragma once

#include "gui/ViewCsvExport.h"

#include <QList>
#include <QStringList>

namespace iw {

class OperationModel;

// The operations view as CSV: the header is the service's field names of `.show queued ingestion
// operations` (never the translated column titles, which follow the UI language), then our two computed
// columns; cells are raw values (plain integers, ISO 8601 UTC times), never locale-formatted text.
struct OperationsCsv
{
    static QStringList header();
    static CsvExportSpec spec(const OperationModel *model, const QList<int> &rows, bool redactSecrets);
};

} // namespace iw
