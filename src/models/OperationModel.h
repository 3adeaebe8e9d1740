#pragma once

#include "core/QueuedOperation.h"
#include "models/ProgressEstimator.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <array>
#include <optional>
#include <vector>

namespace iw {

// The queued ingestion operations the dashboard tracks, one row per IngestionOperationId.
// Refreshes are upserts: new ids are appended (rowsInserted), changed cells emit dataChanged in minimal
// per-row column ranges, unchanged rows emit nothing, and the model is never reset.
// Throughput (blobs per minute) and ETA come from a ProgressEstimator per row, fed by every upsert and
// optionally preloaded from the archive's snapshots; an in-progress operation whose done-count has not moved
// for the stall threshold is flagged (HighlightRole, BackgroundRole, stalledCount()).
class OperationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IngestionOperationId,
        State,
        Progress, // percentage done: (Ingested + Failed + Canceled) / Discovered
        Discovered,
        Pending,
        Canceled,
        Ingested,
        Failed,
        Throughput, // blobs per minute
        Eta,
        StartedOn,
        LastUpdatedOn,
        SampleFailedReasons,
        Database,
        Table,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole, // sortable raw value: QString, int (State), qint64, double, QDateTime;
                                     // invalid QVariant when unknown (no throughput / ETA yet)
        OperationRole, // the whole QueuedOperation
        HighlightRole, // int(Highlight) for the row; the GUI maps it to palette colours and icons
        StalledRole, // bool
        CancelInFlightRole, // bool
        LastChangeRole, // QDateTime at which the done-count last moved (invalid when unknown)
    };

    enum class Highlight { None, Failed, Stalled, CancelInFlight };
    Q_ENUM(Highlight)

    explicit OperationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Merges a refresh observed at `now`: one progress sample per operation, stall flags re-evaluated for
    // every row. Operations with an empty id are ignored; a later duplicate in `ops` wins.
    void upsert(const QList<QueuedOperation> &ops, const QDateTime &now);
    // Re-evaluates the stall flags at `now` without new data (e.g. from a timer).
    void reevaluate(const QDateTime &now);
    bool remove(const QString &ingestionOperationId);

    int rowForId(const QString &ingestionOperationId) const; // -1 when absent
    const QueuedOperation &operationAt(int row) const; // row must be valid
    QList<QueuedOperation> operations() const;

    // Cancel: the row shows the request in flight; the GUI refuses a second click while cancelInFlight().
    // Cleared automatically when the operation reaches a terminal state.
    bool setCancelInFlight(const QString &ingestionOperationId, bool inFlight);
    // Many at once ("cancel all"): one dataChanged per run of adjacent rows instead of one per row.
    // Returns how many rows changed.
    int setCancelInFlight(const QStringList &ingestionOperationIds, bool inFlight);
    bool cancelInFlight(const QString &ingestionOperationId) const;

    void setStallThresholdSeconds(int seconds); // default 600; <= 0 disables the flag
    int stallThresholdSeconds() const { return m_stallThresholdSecs; }
    void setThroughputWindowSeconds(int seconds); // default 600
    int throughputWindowSeconds() const { return m_windowSecs; }

    // Progress history: samples of (time, done-count). Samples for an id not yet in the model are kept
    // and used when it arrives (archive preload at start-up).
    void addSample(const QString &ingestionOperationId, const QDateTime &when, qint64 done);
    void preloadSamples(const QString &ingestionOperationId,
                        const std::vector<ProgressEstimator::Sample> &samples);

    bool isStalled(int row) const;
    int stalledCount() const { return m_stalledCount; }
    QStringList stalledIds() const;
    std::optional<double> throughput(int row) const; // blobs per minute
    std::optional<qint64> etaSeconds(int row) const;

    static QString formatDuration(qint64 seconds);

Q_SIGNALS:
    void stalledCountChanged(int count);

private:
    struct Row
    {
        QueuedOperation op;
        ProgressEstimator estimator;
        bool cancelInFlight = false;
        bool stalled = false;
    };
    using Snapshot = std::array<QVariant, ColumnCount + 1>; // raw cells + highlight

    QVariant rawValue(const Row &r, int column) const;
    QVariant displayValue(const Row &r, int column) const;
    Highlight highlight(const Row &r) const;
    Snapshot snapshot(const Row &r) const;
    void emitChanges(int row, const Snapshot &before, const Snapshot &after);
    bool updateStalled(Row &r) const;
    void updateStalledCount();
    void reindexFrom(int row);

    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, std::vector<ProgressEstimator::Sample>> m_preloaded;
    QDateTime m_now;
    int m_stallThresholdSecs = 600;
    int m_windowSecs = 600;
    int m_stalledCount = 0;
};

} // namespace iw
