#pragma once

#include "core/QueuedOperation.h"
#include "models/OperationModel.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QDateTimeAxis;
class QHorizontalBarSeries;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QValueAxis;

namespace iw {

// Every chart of the dashboard, in one class so a later move to Qt Graphs touches one place:
// - per-operation stacked bars (Ingested, Failed, Canceled, Pending) of the most relevant operations;
// - blob-state totals over time, from the archive's snapshots and then every refresh;
// - failures by ErrorCode.
// Charts are built once; every update changes series values in place (no animation, no re-creation).
class ChartsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxBars = 12;
    static constexpr int kMaxHistoryPoints = 2000;

    struct Totals
    {
        qint64 ingested = 0;
        qint64 failed = 0;
        qint64 canceled = 0;
        qint64 pending = 0;
    };

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override;

    // Per-operation bars follow the model (coalesced, at most a few times a second).
    void setModel(OperationModel *model);
    // The history: snapshots (operation rows at times) replayed into totals over time.
    void setHistory(QList<QPair<QDateTime, QueuedOperation>> snapshots);
    // One more point of totals (normally the model's totals after a refresh).
    void appendTotals(const QDateTime &when, const Totals &totals);
    void appendModelTotals(const QDateTime &when);
    // appendModelTotals(now) within 250 ms, once however often it is asked for (a "cancel all" answers
    // 1,000 times; one point per answer relaid the chart each time).
    void scheduleModelTotals();
    void setFailuresByErrorCode(const QList<QPair<QString, int>> &counts);

    static Totals totalsOf(const QList<QueuedOperation> &ops);

    QChartView *operationsChartView() const { return m_opsView; }
    QChartView *historyChartView() const { return m_historyView; }
    QChartView *failuresChartView() const { return m_failuresView; }
    int barCount() const; // operations shown in the per-operation chart
    int historyPointCount() const;

protected:
    // The charts follow the palette live (a switch to dark mode while running restyles them).
    void changeEvent(QEvent *event) override;

private:
    // Theme, backgrounds, text, grid and series colours from the current palette.
    void applyPalette();
    void updateOperationBars();
    void scheduleBars();
    void applyHistoryAxes();

    QPointer<OperationModel> m_model;
    QTimer m_barsTimer;
    QTimer m_totalsTimer;

    QChartView *m_opsView = nullptr;
    QHorizontalStackedBarSeries *m_opsSeries = nullptr;
    QBarSet *m_sets[4] = {};
    QBarCategoryAxis *m_opsAxisY = nullptr;
    QValueAxis *m_opsAxisX = nullptr;

    QChartView *m_historyView = nullptr;
    QLineSeries *m_lines[4] = {};
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    qint64 m_maxTotal = 0;

    QChartView *m_failuresView = nullptr;
    QHorizontalBarSeries *m_failuresSeries = nullptr;
    QBarSet *m_failuresSet = nullptr;
    QBarCategoryAxis *m_failuresAxisY = nullptr;
    QValueAxis *m_failuresAxisX = nullptr;
};

} // namespace iw
