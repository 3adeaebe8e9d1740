#include "models/OperationModel.h"

#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace iw {

OperationModel::OperationModel(QObject *parent) : QAbstractTableModel(parent) { }

int OperationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OperationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OperationModel::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%n s", nullptr, static_cast<int>(seconds));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return tr("%n min", nullptr, static_cast<int>(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%n d", nullptr, static_cast<int>(hours / 24));
}

namespace {

double progressPercent(const QueuedOperation &op)
{
    if (op.discovered <= 0)
        return op.state == OperationState::Completed ? 100.0 : 0.0;
    return std::min(100.0, 100.0 * static_cast<double>(op.done()) / static_cast<double>(op.discovered));
}

} // namespace

QVariant OperationModel::rawValue(const Row &r, int column) const
{
    const QueuedOperation &op = r.op;
    switch (static_cast<Column>(column)) {
    case IngestionOperationId:
        return op.ingestionOperationId;
    case State:
        return static_cast<int>(op.state);
    case Progress:
        return progressPercent(op);
    case Discovered:
        return op.discovered;
    case Pending:
        return op.pending;
    case Canceled:
        return op.canceled;
    case Ingested:
        return op.ingested;
    case Failed:
        return op.failed;
    case Throughput:
        if (isTerminal(op.state))
            return {};
        if (const auto rate = r.estimator.blobsPerMinute())
            return *rate;
        return {};
    case Eta:
        if (const auto eta = r.estimator.etaSeconds(op.pending, isTerminal(op.state)))
            return *eta;
        return {};
    case StartedOn:
        return op.startedOn;
    case LastUpdatedOn:
        return op.lastUpdatedOn;
    case SampleFailedReasons:
        return op.sampleFailedReasons;
    case Database:
        return op.database;
    case Table:
        return op.table;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OperationModel::displayValue(const Row &r, int column) const
{
    const QueuedOperation &op = r.op;
    const QLocale locale;
    switch (static_cast<Column>(column)) {
    case State:
        if (r.cancelInFlight)
            return tr("Canceling…");
        if (r.stalled)
            return tr("%1 (stalled)").arg(toString(op.state));
        return toString(op.state);
    case Progress:
        return tr("%1 %").arg(locale.toString(progressPercent(op), 'f', 1));
    case Discovered:
    case Pending:
    case Canceled:
    case Ingested:
    case Failed:
        return locale.toString(rawValue(r, column).toLongLong());
    case Throughput: {
        const QVariant v = rawValue(r, column);
        if (!v.isValid())
            return {};
        return tr("%1/min").arg(locale.toString(v.toDouble(), 'f', v.toDouble() < 10 ? 1 : 0));
    }
    case Eta: {
        const QVariant v = rawValue(r, column);
        if (!v.isValid())
            return isTerminal(op.state) ? QString() : tr("unknown");
        return formatDuration(v.toLongLong());
    }
    case StartedOn:
    case LastUpdatedOn: {
        const QDateTime t = rawValue(r, column).toDateTime();
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    }
    case SampleFailedReasons:
        // One line in the cell; the full text is in the tooltip.
        return op.sampleFailedReasons.simplified();
    default:
        return rawValue(r, column);
    }
}

OperationModel::Highlight OperationModel::highlight(const Row &r) const
{
    if (r.cancelInFlight)
        return Highlight::CancelInFlight;
    if (r.stalled)
        return Highlight::Stalled;
    if (r.op.state == OperationState::Failed)
        return Highlight::Failed;
    return Highlight::None;
}

QVariant OperationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(r, column);
    case RawValueRole:
        return rawValue(r, column);
    case OperationRole:
        return QVariant::fromValue(r.op);
    case HighlightRole:
        return static_cast<int>(highlight(r));
    case StalledRole:
        return r.stalled;
    case CancelInFlightRole:
        return r.cancelInFlight;
    case LastChangeRole:
        if (const auto t = r.estimator.lastChangeMsecs())
            return QDateTime::fromMSecsSinceEpoch(*t, Qt::UTC);
        return QDateTime();
    case Qt::TextAlignmentRole:
        if (column >= Progress && column <= Eta)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == SampleFailedReasons || (column == Failed && r.op.failed > 0))
            return r.op.sampleFailedReasons.isEmpty() ? QVariant() : QVariant(r.op.sampleFailedReasons);
        if (column == State || column == IngestionOperationId) {
            if (r.cancelInFlight)
                return tr("A cancel request for this operation is in flight.");
            if (r.stalled) {
                const auto t = r.estimator.lastChangeMsecs();
                return tr("Stalled: no blob has completed since %1 (threshold %2).")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*t, Qt::UTC).toLocalTime(),
                                            QLocale::ShortFormat),
                         formatDuration(m_stallThresholdSecs));
            }
        }
        if (column == Eta && !isTerminal(r.op.state))
            return tr("Pending blobs divided by the throughput of the last %1.")
                .arg(formatDuration(m_windowSecs));
        return {};
    case Qt::BackgroundRole:
        // Translucent tints that read on light and dark palettes; a delegate may map HighlightRole instead.
        switch (highlight(r)) {
        case Highlight::CancelInFlight:
            return QColor(128, 128, 128, 60);
        case Highlight::Stalled:
            return QColor(255, 170, 0, 70);
        case Highlight::Failed:
            return QColor(220, 40, 40, 50);
        case Highlight::None:
            return {};
        }
        return {};
    default:
        return {};
    }
}

QVariant OperationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(section)) {
        case IngestionOperationId:
            return tr("IngestionOperationId");
        case State:
            return tr("State");
        case Progress:
            return tr("Progress");
        case Discovered:
            return tr("Discovered");
        case Pending:
            return tr("Pending");
        case Canceled:
            return tr("Canceled");
        case Ingested:
            return tr("Ingested");
        case Failed:
            return tr("Failed");
        case Throughput:
            return tr("Throughput");
        case Eta:
            return tr("ETA");
        case StartedOn:
            return tr("StartedOn");
        case LastUpdatedOn:
            return tr("LastUpdatedOn");
        case SampleFailedReasons:
            return tr("SampleFailedReasons");
        case Database:
            return tr("Database");
        case Table:
            return tr("Table");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (static_cast<Column>(section)) {
        case Progress:
            return tr("(Ingested + Failed + Canceled) / Discovered");
        case Pending:
            return tr("Blobs still to be ingested");
        case Failed:
            return tr("Blobs that failed permanently");
        case Throughput:
            return tr("Blobs completed per minute over the last %1").arg(formatDuration(m_windowSecs));
        case Eta:
            return tr("Estimated time until no blob is pending, at the current throughput");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> OperationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(OperationRole, "operation");
    names.insert(HighlightRole, "highlight");
    names.insert(StalledRole, "stalled");
    names.insert(CancelInFlightRole, "cancelInFlight");
    names.insert(LastChangeRole, "lastChange");
    return names;
}

OperationModel::Snapshot OperationModel::snapshot(const Row &r) const
{
    Snapshot s;
    for (int c = 0; c < ColumnCount; ++c)
        s[static_cast<std::size_t>(c)] = rawValue(r, c);
    s[ColumnCount]
        = static_cast<int>(highlight(r)) | (r.cancelInFlight ? 0x100 : 0) | (r.stalled ? 0x200 : 0);
    return s;
}

void OperationModel::emitChanges(int row, const Snapshot &before, const Snapshot &after)
{
    if (before[ColumnCount] != after[ColumnCount]) {
        // The row's colour, icon or state text changed: every cell repaints.
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    int c = 0;
    while (c < ColumnCount) {
        if (before[static_cast<std::size_t>(c)] == after[static_cast<std::size_t>(c)]) {
            ++c;
            continue;
        }
        int last = c;
        while (last + 1 < ColumnCount
               && before[static_cast<std::size_t>(last + 1)] != after[static_cast<std::size_t>(last + 1)])
            ++last;
        Q_EMIT dataChanged(index(row, c), index(row, last));
        c = last + 1;
    }
}

bool OperationModel::updateStalled(Row &r) const
{
    const bool stalled = m_now.isValid()
        && r.estimator.isStalled(m_now.toMSecsSinceEpoch(), qint64(m_stallThresholdSecs) * 1000,
                                 r.op.state == OperationState::InProgress);
    const bool changed = stalled != r.stalled;
    r.stalled = stalled;
    return changed;
}

void OperationModel::updateStalledCount()
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.stalled ? 1 : 0;
    if (n != m_stalledCount) {
        m_stalledCount = n;
        Q_EMIT stalledCountChanged(n);
    }
}

void OperationModel::upsert(const QList<QueuedOperation> &ops, const QDateTime &now)
{
    if (now.isValid())
        m_now = now;
    const qint64 nowMs = m_now.isValid() ? m_now.toMSecsSinceEpoch() : 0;
    std::vector<bool> visited(m_rows.size(), false);
    std::vector<Row> added;
    QHash<QString, std::size_t> addedIndex;

    for (const QueuedOperation &op : ops) {
        if (op.ingestionOperationId.isEmpty())
            continue;
        const auto it = m_index.constFind(op.ingestionOperationId);
        if (it != m_index.constEnd()) {
            const int row = *it;
            Row &r = m_rows[static_cast<std::size_t>(row)];
            const Snapshot before = snapshot(r);
            r.op = op;
            if (isTerminal(op.state))
                r.cancelInFlight = false;
            if (m_now.isValid())
                r.estimator.addSample(nowMs, op.done());
            updateStalled(r);
            visited[static_cast<std::size_t>(row)] = true;
            emitChanges(row, before, snapshot(r));
            continue;
        }
        Row *r = nullptr;
        if (const auto a = addedIndex.constFind(op.ingestionOperationId); a != addedIndex.constEnd()) {
            r = &added[*a];
        } else {
            addedIndex.insert(op.ingestionOperationId, added.size());
            added.emplace_back();
            r = &added.back();
            r->estimator.setWindowMsecs(qint64(m_windowSecs) * 1000);
            if (const auto p = m_preloaded.find(op.ingestionOperationId); p != m_preloaded.end()) {
                r->estimator.addSamples(*p);
                m_preloaded.erase(p);
            }
        }
        r->op = op;
        if (m_now.isValid())
            r->estimator.addSample(nowMs, op.done());
        updateStalled(*r);
    }

    // Time passed for the rows this refresh did not mention.
    for (std::size_t row = 0; row < visited.size(); ++row) {
        if (visited[row])
            continue;
        if (updateStalled(m_rows[row]))
            Q_EMIT dataChanged(index(static_cast<int>(row), 0),
                               index(static_cast<int>(row), ColumnCount - 1));
    }

    if (!added.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (Row &r : added) {
            m_index.insert(r.op.ingestionOperationId, static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(r));
        }
        endInsertRows();
    }
    updateStalledCount();
}

void OperationModel::reevaluate(const QDateTime &now)
{
    upsert({}, now);
}

void OperationModel::reindexFrom(int row)
{
    for (std::size_t i = static_cast<std::size_t>(row); i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].op.ingestionOperationId, static_cast<int>(i));
}

bool OperationModel::remove(const QString &ingestionOperationId)
{
    const int row = rowForId(ingestionOperationId);
    m_preloaded.remove(ingestionOperationId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_index.remove(ingestionOperationId);
    m_rows.erase(m_rows.begin() + row);
    reindexFrom(row);
    endRemoveRows();
    updateStalledCount();
    return true;
}

int OperationModel::rowForId(const QString &ingestionOperationId) const
{
    return m_index.value(ingestionOperationId, -1);
}

const QueuedOperation &OperationModel::operationAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).op;
}

QList<QueuedOperation> OperationModel::operations() const
{
    QList<QueuedOperation> out;
    out.reserve(static_cast<qsizetype>(m_rows.size()));
    for (const Row &r : m_rows)
        out.append(r.op);
    return out;
}

bool OperationModel::setCancelInFlight(const QString &ingestionOperationId, bool inFlight)
{
    if (rowForId(ingestionOperationId) < 0)
        return false;
    setCancelInFlight(QStringList { ingestionOperationId }, inFlight);
    return true;
}

int OperationModel::setCancelInFlight(const QStringList &ingestionOperationIds, bool inFlight)
{
    std::vector<int> rows;
    rows.reserve(static_cast<std::size_t>(ingestionOperationIds.size()));
    for (const QString &id : ingestionOperationIds) {
        const int row = rowForId(id);
        if (row < 0)
            continue;
        Row &r = m_rows[static_cast<std::size_t>(row)];
        if (r.cancelInFlight == inFlight)
            continue;
        r.cancelInFlight = inFlight; // the row's look (colour, icon, state text) changes: whole rows, as
                                     // emitChanges() signals a change of look
        rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1));
        i = j + 1;
    }
    return int(rows.size());
}

bool OperationModel::cancelInFlight(const QString &ingestionOperationId) const
{
    const int row = rowForId(ingestionOperationId);
    return row >= 0 && m_rows[static_cast<std::size_t>(row)].cancelInFlight;
}

void OperationModel::setStallThresholdSeconds(int seconds)
{
    if (seconds == m_stallThresholdSecs)
        return;
    m_stallThresholdSecs = seconds;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (updateStalled(m_rows[row]))
            Q_EMIT dataChanged(index(static_cast<int>(row), 0),
                               index(static_cast<int>(row), ColumnCount - 1));
    }
    updateStalledCount();
}

void OperationModel::setThroughputWindowSeconds(int seconds)
{
    seconds = std::max(1, seconds);
    if (seconds == m_windowSecs)
        return;
    m_windowSecs = seconds;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        const Snapshot before = snapshot(r);
        r.estimator.setWindowMsecs(qint64(seconds) * 1000);
        emitChanges(static_cast<int>(row), before, snapshot(r));
    }
}

void OperationModel::addSample(const QString &ingestionOperationId, const QDateTime &when, qint64 done)
{
    preloadSamples(ingestionOperationId, { ProgressEstimator::Sample { when.toMSecsSinceEpoch(), done } });
}

void OperationModel::preloadSamples(const QString &ingestionOperationId,
                                    const std::vector<ProgressEstimator::Sample> &samples)
{
    const int row = rowForId(ingestionOperationId);
    if (row < 0) {
        auto &pending = m_preloaded[ingestionOperationId];
        pending.insert(pending.end(), samples.begin(), samples.end());
        return;
    }
    Row &r = m_rows[static_cast<std::size_t>(row)];
    const Snapshot before = snapshot(r);
    r.estimator.addSamples(samples);
    updateStalled(r);
    emitChanges(row, before, snapshot(r));
    updateStalledCount();
}

bool OperationModel::isStalled(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size()
        && m_rows[static_cast<std::size_t>(row)].stalled;
}

QStringList OperationModel::stalledIds() const
{
    QStringList ids;
    for (const Row &r : m_rows) {
        if (r.stalled)
            ids.append(r.op.ingestionOperationId);
    }
    return ids;
}

std::optional<double> OperationModel::throughput(int row) const
{
    const QVariant v = rawValue(m_rows.at(static_cast<std::size_t>(row)), Throughput);
    return v.isValid() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<qint64> OperationModel::etaSeconds(int row) const
{
    const QVariant v = rawValue(m_rows.at(static_cast<std::size_t>(row)), Eta);
    return v.isValid() ? std::optional<qint64>(v.toLongLong()) : std::nullopt;
}

} // namespace iw
