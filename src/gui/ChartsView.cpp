#include "gui/ChartsView.h"

#include "gui/PaletteColors.h"
#include "gui/ProgressBarDelegate.h"
#include "models/OperationModel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSplitter>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace iw {

namespace {

// The palette part of a chart's look (the theme resets fonts and series colours: callers restyle after).
void styleChart(QChart *chart, const QPalette &palette)
{
    chart->setTheme(PaletteColors::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    QFont f = chart->titleFont();
    f.setBold(true);
    chart->setTitleFont(f);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setBackgroundRoundness(0);
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    return chart;
}

void styleAxis(QAbstractAxis *axis, const QPalette &palette)
{
    axis->setLabelsColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(palette.color(QPalette::Mid));
}

QChartView *makeView(QChart *chart, QWidget *parent, const QString &name)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 200);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

QString shortId(const QString &id)
{
    // Ids look like "<n>;<n>;<guid>": the GUID's last block tells them apart.
    const QString last = id.section(QLatin1Char(';'), -1);
    return last.size() > 12 ? QStringLiteral("…") + last.right(12) : last;
}

} // namespace

ChartsView::ChartsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartsView"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    const QString names[4] = { tr("Ingested"), tr("Failed"), tr("Canceled"), tr("Pending") };

    // Per-operation stacked bars
    QChart *ops = makeChart(tr("Operations (blobs)"));
    m_opsSeries = new QHorizontalStackedBarSeries;
    for (int i = 0; i < 4; ++i) {
        m_sets[i] = new QBarSet(names[i]);
        m_opsSeries->append(m_sets[i]);
    }
    m_opsSeries->setBarWidth(0.7);
    ops->addSeries(m_opsSeries);
    m_opsAxisY = new QBarCategoryAxis;
    m_opsAxisX = new QValueAxis;
    m_opsAxisX->setLabelFormat(QStringLiteral("%d"));
    m_opsAxisX->setRange(0, 1);
    ops->addAxis(m_opsAxisY, Qt::AlignLeft);
    ops->addAxis(m_opsAxisX, Qt::AlignBottom);
    m_opsSeries->attachAxis(m_opsAxisY);
    m_opsSeries->attachAxis(m_opsAxisX);
    m_opsView = makeView(ops, splitter, QStringLiteral("operationsChart"));

    // Totals over time
    QChart *history = makeChart(tr("Blobs by state over time"));
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(4);
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setRange(0, 1);
    history->addAxis(m_timeAxis, Qt::AlignBottom);
    history->addAxis(m_countAxis, Qt::AlignLeft);
    for (int i = 0; i < 4; ++i) {
        m_lines[i] = new QLineSeries;
        m_lines[i]->setName(names[i]);
        history->addSeries(m_lines[i]);
        m_lines[i]->attachAxis(m_timeAxis);
        m_lines[i]->attachAxis(m_countAxis);
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_timeAxis->setRange(now.addSecs(-60), now);
    m_historyView = makeView(history, splitter, QStringLiteral("historyChart"));

    // Failures by ErrorCode
    QChart *failures = makeChart(tr("Failures by ErrorCode"));
    m_failuresSeries = new QHorizontalBarSeries;
    m_failuresSet = new QBarSet(tr("Failed blobs"));
    m_failuresSeries->append(m_failuresSet);
    m_failuresSeries->setLabelsVisible(true);
    m_failuresSeries->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    failures->addSeries(m_failuresSeries);
    m_failuresAxisY = new QBarCategoryAxis;
    m_failuresAxisX = new QValueAxis;
    m_failuresAxisX->setLabelFormat(QStringLiteral("%d"));
    m_failuresAxisX->setRange(0, 1);
    failures->addAxis(m_failuresAxisY, Qt::AlignLeft);
    failures->addAxis(m_failuresAxisX, Qt::AlignBottom);
    m_failuresSeries->attachAxis(m_failuresAxisY);
    m_failuresSeries->attachAxis(m_failuresAxisX);
    failures->legend()->hide();
    m_failuresView = makeView(failures, splitter, QStringLiteral("failuresChart"));

    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({ 1000, 1000, 1000 }); // equal thirds of whatever width the dock has
    applyPalette();
    setFailuresByErrorCode({});

    m_barsTimer.setObjectName(QStringLiteral("chartsBarsTimer")); // names say whose timer in profiles
    m_barsTimer.setSingleShot(true);
    m_barsTimer.setInterval(250);
    connect(&m_barsTimer, &QTimer::timeout, this, &ChartsView::updateOperationBars);
    m_totalsTimer.setObjectName(QStringLiteral("chartsTotalsTimer"));
    m_totalsTimer.setSingleShot(true);
    m_totalsTimer.setInterval(250);
    connect(&m_totalsTimer, &QTimer::timeout, this,
            [this] { appendModelTotals(QDateTime::currentDateTimeUtc()); });
}

ChartsView::~ChartsView() = default;

void ChartsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void ChartsView::applyPalette()
{
    const QPalette pal = palette();
    for (QChartView *v : { m_opsView, m_historyView, m_failuresView })
        styleChart(v->chart(), pal);
    const QColor colors[4] = { ProgressBarDelegate::ingestedColor(), ProgressBarDelegate::failedColor(),
                               ProgressBarDelegate::canceledColor(), ProgressBarDelegate::pendingColor(pal) };
    for (int i = 0; i < 4; ++i) {
        m_sets[i]->setColor(colors[i]);
        m_sets[i]->setBorderColor(colors[i]);
        m_sets[i]->setLabelColor(pal.color(QPalette::Text));
        m_lines[i]->setPen(QPen(i == 3 ? pal.color(QPalette::Highlight) : colors[i], 2));
    }
    m_failuresSet->setColor(ProgressBarDelegate::failedColor());
    m_failuresSet->setBorderColor(ProgressBarDelegate::failedColor());
    m_failuresSet->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *> {
             m_opsAxisY, m_opsAxisX, m_timeAxis, m_countAxis, m_failuresAxisY, m_failuresAxisX })
        styleAxis(axis, pal);
}

void ChartsView::setModel(OperationModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::dataChanged, this, &ChartsView::scheduleBars);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChartsView::scheduleBars);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChartsView::scheduleBars);
    connect(model, &QAbstractItemModel::modelReset, this, &ChartsView::scheduleBars);
    updateOperationBars();
}

void ChartsView::scheduleBars()
{
    if (!m_barsTimer.isActive())
        m_barsTimer.start();
}

int ChartsView::barCount() const
{
    return m_opsAxisY->count();
}

int ChartsView::historyPointCount() const
{
    return m_lines[0]->count();
}

void ChartsView::updateOperationBars()
{
    QList<QueuedOperation> ops = m_model ? m_model->operations() : QList<QueuedOperation>();
    // In progress first, then the most recently started.
    std::sort(ops.begin(), ops.end(), [](const QueuedOperation &a, const QueuedOperation &b) {
        const bool ra = !isTerminal(a.state), rb = !isTerminal(b.state);
        if (ra != rb)
            return ra;
        return a.startedOn > b.startedOn;
    });
    if (ops.size() > kMaxBars)
        ops.resize(kMaxBars);
    std::reverse(ops.begin(), ops.end()); // horizontal bars: the first category is at the bottom

    QStringList categories;
    QList<qreal> values[4];
    qint64 maxDiscovered = 1;
    for (const QueuedOperation &op : ops) {
        QString label = shortId(op.ingestionOperationId);
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        values[0] << qreal(op.ingested);
        values[1] << qreal(op.failed);
        values[2] << qreal(op.canceled);
        values[3] << qreal(std::max<qint64>(0, op.pending));
        maxDiscovered = std::max({ maxDiscovered, op.discovered, op.done() + op.pending });
    }
    if (m_opsAxisY->categories() != categories)
        m_opsAxisY->setCategories(categories);
    for (int s = 0; s < 4; ++s) {
        QBarSet *set = m_sets[s];
        if (set->count() != values[s].size()) {
            set->remove(0, set->count());
            set->append(values[s]);
            continue;
        }
        for (int i = 0; i < values[s].size(); ++i)
            if (set->at(i) != values[s].at(i))
                set->replace(i, values[s].at(i));
    }
    const qreal max = qreal(maxDiscovered);
    if (m_opsAxisX->max() != max)
        m_opsAxisX->setRange(0, max);
    m_opsAxisX->applyNiceNumbers();
}

ChartsView::Totals ChartsView::totalsOf(const QList<QueuedOperation> &ops)
{
    Totals t;
    for (const QueuedOperation &op : ops) {
        t.ingested += op.ingested;
        t.failed += op.failed;
        t.canceled += op.canceled;
        t.pending += std::max<qint64>(0, op.pending);
    }
    return t;
}

void ChartsView::setHistory(QList<QPair<QDateTime, QueuedOperation>> snapshots)
{
    std::stable_sort(snapshots.begin(), snapshots.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QHash<QString, QueuedOperation> latest;
    Totals t;
    QList<QPointF> points[4];
    m_maxTotal = 0;
    auto add = [&t](const QueuedOperation &op, int sign) {
        t.ingested += sign * op.ingested;
        t.failed += sign * op.failed;
        t.canceled += sign * op.canceled;
        t.pending += sign * std::max<qint64>(0, op.pending);
    };
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const auto &[when, op] = snapshots.at(i);
        const auto it = latest.constFind(op.ingestionOperationId);
        if (it != latest.cend())
            add(*it, -1);
        add(op, +1);
        latest.insert(op.ingestionOperationId, op);
        // One point per second: the last snapshot of that second wins.
        const bool lastOfSecond = i + 1 == snapshots.size()
            || snapshots.at(i + 1).first.toSecsSinceEpoch() != when.toSecsSinceEpoch();
        if (!lastOfSecond)
            continue;
        const qreal x = qreal(when.toMSecsSinceEpoch());
        const qint64 v[4] = { t.ingested, t.failed, t.canceled, t.pending };
        for (int s = 0; s < 4; ++s) {
            points[s] << QPointF(x, qreal(v[s]));
            m_maxTotal = std::max(m_maxTotal, v[s]);
        }
    }
    for (int s = 0; s < 4; ++s) {
        if (points[s].size() > kMaxHistoryPoints)
            points[s] = points[s].mid(points[s].size() - kMaxHistoryPoints);
        m_lines[s]->replace(points[s]);
    }
    applyHistoryAxes();
}

void ChartsView::appendTotals(const QDateTime &when, const Totals &totals)
{
    const qreal x = qreal(when.toMSecsSinceEpoch());
    const qint64 v[4] = { totals.ingested, totals.failed, totals.canceled, totals.pending };
    for (int s = 0; s < 4; ++s) {
        QLineSeries *line = m_lines[s];
        if (line->count() > 0 && line->at(line->count() - 1).x() >= x)
            line->replace(line->count() - 1, QPointF(line->at(line->count() - 1).x(), qreal(v[s])));
        else
            line->append(x, qreal(v[s]));
        if (line->count() > kMaxHistoryPoints)
            line->removePoints(0, line->count() - kMaxHistoryPoints);
        m_maxTotal = std::max(m_maxTotal, v[s]);
    }
    applyHistoryAxes();
}

void ChartsView::appendModelTotals(const QDateTime &when)
{
    if (m_model)
        appendTotals(when, totalsOf(m_model->operations()));
}

void ChartsView::scheduleModelTotals()
{
    if (!m_totalsTimer.isActive())
        m_totalsTimer.start();
}

void ChartsView::applyHistoryAxes()
{
    if (m_lines[0]->count() == 0)
        return;
    const qint64 first = qint64(m_lines[0]->at(0).x());
    qint64 last = qint64(m_lines[0]->at(m_lines[0]->count() - 1).x());
    if (last - first < 60'000)
        last = first + 60'000;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    m_timeAxis->setFormat(last - first > 24 * 3600'000LL ? QStringLiteral("MM-dd HH:mm")
                                                         : QStringLiteral("HH:mm:ss"));
    m_countAxis->setRange(0, qreal(std::max<qint64>(1, m_maxTotal)));
    m_countAxis->applyNiceNumbers();
}

void ChartsView::setFailuresByErrorCode(const QList<QPair<QString, int>> &counts)
{
    QList<QPair<QString, int>> sorted = counts;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (sorted.size() > kMaxBars)
        sorted.resize(kMaxBars);
    std::reverse(sorted.begin(), sorted.end());
    QStringList categories;
    QList<qreal> values;
    int max = 1;
    for (const auto &[code, n] : sorted) {
        categories << (code.isEmpty() ? tr("(no code)") : code);
        values << qreal(n);
        max = std::max(max, n);
    }
    if (m_failuresAxisY->categories() != categories)
        m_failuresAxisY->setCategories(categories);
    if (m_failuresSet->count() != values.size()) {
        m_failuresSet->remove(0, m_failuresSet->count());
        m_failuresSet->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i)
            if (m_failuresSet->at(i) != values.at(i))
                m_failuresSet->replace(i, values.at(i));
    }
    // Headroom past the longest bar, so its count label does not sit on the chart's edge.
    m_failuresAxisX->setRange(0, std::max(max + std::max(1, max / 10), 5));
    m_failuresAxisX->setTickCount(6);
    m_failuresAxisX->applyNiceNumbers();
    m_failuresView->chart()->setTitle(sorted.isEmpty() ? tr("Failures by ErrorCode (none reported yet)")
                                                       : tr("Failures by ErrorCode"));
}

} // namespace iw
