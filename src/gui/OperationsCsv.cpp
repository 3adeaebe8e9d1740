#include "gui/OperationsCsv.h"

#include "core/Redaction.h"
#include "models/OperationModel.h"

#include <QPointer>

namespace iw {

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QStringList OperationsCsv::header()
{
    return { QStringLiteral("IngestionOperationId"),
             QStringLiteral("State"),
             QStringLiteral("Discovered"),
             QStringLiteral("Pending"),
             QStringLiteral("Canceled"),
             QStringLiteral("Ingested"),
             QStringLiteral("Failed"),
             QStringLiteral("StartedOn"),
             QStringLiteral("LastUpdatedOn"),
             QStringLiteral("SampleFailedReasons"),
             QStringLiteral("Database"),
             QStringLiteral("Table"),
             QStringLiteral("ThroughputBlobsPerMinute"),
             QStringLiteral("EtaSeconds") };
}

CsvExportSpec OperationsCsv::spec(const OperationModel *model, const QList<int> &rows, bool redactSecrets)
{
    CsvExportSpec spec;
    spec.header = header();
    spec.model = const_cast<OperationModel *>(model);
    spec.rows = rows;
    QPointer<const OperationModel> m(model);
    spec.row = [m, redactSecrets](int row) -> QStringList {
        if (!m || row < 0 || row >= m->rowCount())
            return {};
        const QueuedOperation &op = m->operationAt(row);
        const auto throughput = m->throughput(row);
        const auto eta = isTerminal(op.state) ? std::nullopt : m->etaSeconds(row);
        return { op.ingestionOperationId,
                 toString(op.state),
                 QString::number(op.discovered),
                 QString::number(op.pending),
                 QString::number(op.canceled),
                 QString::number(op.ingested),
                 QString::number(op.failed),
                 timeText(op.startedOn),
                 timeText(op.lastUpdatedOn),
                 redactSecrets ? redact(op.sampleFailedReasons) : op.sampleFailedReasons,
                 op.database,
                 op.table,
                 throughput ? QString::number(*throughput, 'f', 1) : QString(),
                 eta ? QString::number(qint64(*eta)) : QString() };
    };
    return spec;
}

} // namespace iw
