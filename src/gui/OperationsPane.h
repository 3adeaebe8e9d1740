#pragma once

#include "core/QueuedOperation.h"
#include "core/Result.h"
#include "monitor/OperationMonitor.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStandardItemModel;
class QTableView;

namespace iw {

class OperationFilterProxy;

// The Operations pane: a filter bar (State, Database, Table, free text), the operations table with
// stacked progress bars, a notice line for cancel results and errors, and the per-blob details of the
// selected operation. Cancel is one click (the Cancel action, Del, or the row's context menu) plus one
// confirmation naming each operation.
class OperationsPane : public QWidget
{
    Q_OBJECT
public:
    explicit OperationsPane(QWidget *parent = nullptr);
    ~OperationsPane() override;

    void setMonitor(OperationMonitor *monitor);
    OperationMonitor *monitor() const { return m_monitor; }

    QTableView *operationsView() const { return m_view; }
    QTableView *detailsView() const { return m_detailsView; }
    OperationFilterProxy *proxy() const { return m_proxy; }
    QLabel *noticeLabel() const { return m_notice; }

    QStringList selectedIds() const;
    // Selects (and makes current) the row of `id`; false when it is not shown.
    bool selectOperation(const QString &id);
    QList<QueuedOperation> selectedOperations() const;
    // True when at least one selected operation can be cancelled now.
    bool canCancelSelection() const;

    // Confirms and cancels the selected operations (those in progress without a cancel in flight).
    void cancelSelected();
    // Cancels `ids` after one confirmation; returns the ids sent.
    QStringList cancelWithConfirmation(const QStringList &ids);

    void showNotice(const QString &text, bool error = false);

    QByteArray saveState() const; // header (order, widths, sort) and splitter
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void cancelAvailabilityChanged(bool available);
    void currentOperationChanged(const QString &id);

private:
    void onCurrentChanged();
    void loadDetails(const QString &id);
    void applyDetails(const QList<BlobDetail> &rows, quint64 generation, int from);
    void updateSummary();
    void updateCancelAvailability();
    void showContextMenu(const QPoint &pos);
    void scheduleCancelAvailability();
    // Cancel answers are summed up into one notice: shown at once when no other cancel is outstanding,
    // otherwise at most every 250 ms (a "cancel all" of 1,000 operations relaid the notice 1,000 times);
    // the sums cover every answer since the last time no cancel was outstanding.
    void noteCancelOutcome(const QString &id, const QueuedOperation *op, qint64 inFlight, const Error *error);
    void flushCancelOutcomes();

    QPointer<OperationMonitor> m_monitor;
    OperationModel *m_model = nullptr;
    OperationFilterProxy *m_proxy = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLineEdit *m_databaseFilter = nullptr;
    QLineEdit *m_tableFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLabel *m_notice = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_detailsView = nullptr;
    QStandardItemModel *m_details = nullptr;
    QString m_currentId;
    quint64 m_detailsGeneration = 0;
    // The operation's row as it was when its details were last asked for: a refresh re-reads the details
    // only when the counts or the State moved since (or the last read failed).
    std::optional<QueuedOperation> m_detailsFor;
    bool m_cancelAvailable = false;
    QTimer m_cancelAvailabilityTimer; // single shot, 0 ms: updateCancelAvailability() once per turn
    struct CancelOutcomes
    {
        int accepted = 0;
        int failed = 0;
        qint64 canceledBlobs = 0;
        qint64 inFlightBlobs = 0;
        QString lastId;
        QString lastState;
        QString lastError;
    };
    CancelOutcomes m_cancelOutcomes;
    QTimer m_cancelNoticeTimer; // single shot, 250 ms: flushCancelOutcomes()
};

} // namespace iw
