#include "gui/OperationsPane.h"

#include "core/Redaction.h"
#include "gui/CancelConfirmDialog.h"
#include "gui/PaletteColors.h"
#include "gui/ProgressBarDelegate.h"
#include "gui/TextCellDelegate.h"
#include "models/OperationFilterProxy.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <functional>
#include <utility>

namespace iw {

namespace {

// Adds an icon to the State column: stalled, cancel in flight, failed.
class StateIconDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The row's one-click cancel button (drawn at the right of the State cell of operations in progress).
    std::function<void(const QModelIndex &)> onCancel;

    static bool cancellable(const QModelIndex &index)
    {
        const QueuedOperation op = index.data(OperationModel::OperationRole).value<QueuedOperation>();
        return !isTerminal(op.state) && !index.data(OperationModel::CancelInFlightRole).toBool();
    }
    static QRect buttonRect(const QRect &cell)
    {
        const int side = std::min(18, cell.height() - 4);
        return QRect(cell.right() - side - 3, cell.center().y() - side / 2, side, side);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!onCancel || !cancellable(index))
            return;
        static const QIcon cancel(QStringLiteral(":/icons/cancel.svg"));
        const bool hover = option.state & QStyle::State_MouseOver;
        painter->save();
        painter->setOpacity(hover ? 1.0 : 0.55);
        cancel.paint(painter, buttonRect(option.rect));
        painter->restore();
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        if (onCancel && event->type() == QEvent::MouseButtonRelease && cancellable(index)) {
            const auto *me = static_cast<QMouseEvent *>(event);
            if (me->button() == Qt::LeftButton
                && buttonRect(option.rect).contains(me->position().toPoint())) {
                onCancel(index);
                return true;
            }
        }
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        static const QIcon stalled(QStringLiteral(":/icons/stalled.svg"));
        static const QIcon inFlight(QStringLiteral(":/icons/cancel-pending.svg"));
        static const QIcon failed(QStringLiteral(":/icons/failed.svg"));
        switch (static_cast<OperationModel::Highlight>(index.data(OperationModel::HighlightRole).toInt())) {
        case OperationModel::Highlight::Stalled:
            option->icon = stalled;
            option->text = tr("%1 (stalled)").arg(option->text);
            break;
        case OperationModel::Highlight::CancelInFlight:
            option->icon = inFlight;
            option->text = tr("Canceling…");
            break;
        case OperationModel::Highlight::Failed:
            option->icon = failed;
            break;
        case OperationModel::Highlight::None:
            return;
        }
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
    }

    static QString tr(const char *s) { return QCoreApplication::translate("iw::OperationsPane", s); }
};

enum DetailColumn { BlobUrlColumn, StatusColumn, StartedColumn, CompletedColumn, ReasonsColumn };

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

} // namespace

OperationsPane::OperationsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("operationsPane"));
    m_cancelAvailabilityTimer.setObjectName(QStringLiteral("cancelAvailabilityTimer"));
    m_cancelAvailabilityTimer.setSingleShot(true);
    m_cancelAvailabilityTimer.setInterval(0); // the next event-loop turn
    connect(&m_cancelAvailabilityTimer, &QTimer::timeout, this, &OperationsPane::updateCancelAvailability);
    m_cancelNoticeTimer.setObjectName(QStringLiteral("cancelNoticeTimer"));
    m_cancelNoticeTimer.setSingleShot(true);
    m_cancelNoticeTimer.setInterval(250);
    connect(&m_cancelNoticeTimer, &QTimer::timeout, this, &OperationsPane::flushCancelOutcomes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    // Filter bar
    auto *filters = new QHBoxLayout;
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(tr("All states"), -1);
    m_stateFilter->addItem(tr("In progress"), int(OperationState::InProgress));
    m_stateFilter->addItem(tr("Completed"), int(OperationState::Completed));
    m_stateFilter->addItem(tr("Failed"), int(OperationState::Failed));
    m_stateFilter->addItem(tr("Canceled"), int(OperationState::Canceled));
    m_databaseFilter = new QLineEdit(this);
    m_databaseFilter->setObjectName(QStringLiteral("databaseFilter"));
    m_databaseFilter->setPlaceholderText(tr("Database"));
    m_databaseFilter->setClearButtonEnabled(true);
    m_tableFilter = new QLineEdit(this);
    m_tableFilter->setObjectName(QStringLiteral("tableFilter"));
    m_tableFilter->setPlaceholderText(tr("Table"));
    m_tableFilter->setClearButtonEnabled(true);
    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(QStringLiteral("textFilter"));
    m_textFilter->setPlaceholderText(tr("Search ids, tables, failure reasons…"));
    m_textFilter->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_databaseFilter, 1);
    filters->addWidget(m_tableFilter, 1);
    filters->addWidget(m_textFilter, 3);
    layout->addLayout(filters);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setAutoFillBackground(true);
    m_notice->setMargin(4);
    m_notice->hide();
    layout->addWidget(m_notice);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("operationsSplitter"));
    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("operationsView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // ids keep their telling GUID end
    m_view->setItemDelegate(new TextCellDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QWidget::customContextMenuRequested, this, &OperationsPane::showContextMenu);

    auto *details = new QWidget(m_splitter);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(tr("Select an operation to see its blobs."), details);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_summary);
    m_details = new QStandardItemModel(0, 5, this);
    m_details->setHorizontalHeaderLabels(
        { tr("BlobURL"), tr("IngestionStatus"), tr("StartedAt"), tr("CompletedAt"), tr("FailedReasons") });
    m_detailsView = new QTableView(details);
    m_detailsView->setObjectName(QStringLiteral("detailsView"));
    m_detailsView->setModel(m_details);
    m_detailsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detailsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_detailsView->setSortingEnabled(true);
    m_detailsView->setAlternatingRowColors(true);
    m_detailsView->setWordWrap(false);
    m_detailsView->setTextElideMode(Qt::ElideMiddle); // the blob's file name stays visible
    m_detailsView->setItemDelegate(new TextCellDelegate(m_detailsView));
    m_detailsView->verticalHeader()->hide();
    m_detailsView->horizontalHeader()->setStretchLastSection(true);
    m_detailsView->setColumnWidth(BlobUrlColumn, 420);
    m_detailsView->setColumnWidth(StatusColumn, 120);
    m_detailsView->setColumnWidth(StartedColumn, 150);
    m_detailsView->setColumnWidth(CompletedColumn, 150);
    detailsLayout->addWidget(m_detailsView, 1);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    m_proxy = new OperationFilterProxy(this);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_stateFilter->currentData().toInt();
        m_proxy->setStates(s < 0 ? QSet<OperationState>() : QSet<OperationState> { OperationState(s) });
    });
    connect(m_databaseFilter, &QLineEdit::textChanged, m_proxy, &OperationFilterProxy::setDatabase);
    connect(m_tableFilter, &QLineEdit::textChanged, m_proxy, &OperationFilterProxy::setTable);
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &OperationFilterProxy::setText);
}

OperationsPane::~OperationsPane() = default;

void OperationsPane::setMonitor(OperationMonitor *monitor)
{
    m_monitor = monitor;
    m_model = monitor ? monitor->model() : nullptr;
    if (!m_model)
        return;
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(OperationModel::Progress, new ProgressBarDelegate(m_view));
    auto *stateDelegate = new StateIconDelegate(m_view);
    stateDelegate->onCancel = [this](const QModelIndex &index) {
        const QString id = m_proxy->mapToSource(index)
                               .siblingAtColumn(OperationModel::IngestionOperationId)
                               .data()
                               .toString();
        cancelWithConfirmation({ id });
    };
    m_view->setItemDelegateForColumn(OperationModel::State, stateDelegate);
    m_view->setMouseTracking(true);
    m_view->sortByColumn(OperationModel::StartedOn, Qt::DescendingOrder);
    QHeaderView *h = m_view->horizontalHeader();
    // Database and Table right after the id: what an operator scans for first (a saved order wins).
    h->moveSection(h->visualIndex(OperationModel::Database), 1);
    h->moveSection(h->visualIndex(OperationModel::Table), 2);
    h->resizeSection(OperationModel::IngestionOperationId, 260);
    h->resizeSection(OperationModel::Database, 95);
    h->resizeSection(OperationModel::Table, 95);
    h->resizeSection(OperationModel::State, 130);
    h->resizeSection(OperationModel::Progress, 160);
    for (int c = OperationModel::Discovered; c <= OperationModel::Failed; ++c)
        h->resizeSection(c, 82);
    h->resizeSection(OperationModel::Throughput, 95);
    h->resizeSection(OperationModel::Eta, 70);
    h->resizeSection(OperationModel::StartedOn, 150);
    h->resizeSection(OperationModel::LastUpdatedOn, 150);
    h->resizeSection(OperationModel::SampleFailedReasons, 260);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OperationsPane::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OperationsPane::updateCancelAvailability);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                const int row = m_model->rowForId(m_currentId);
                if (row >= tl.row() && row <= br.row())
                    updateSummary();
                scheduleCancelAvailability();
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OperationsPane::scheduleCancelAvailability);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OperationsPane::onCurrentChanged);

    connect(monitor, &OperationMonitor::refreshed, this, [this] {
        // Blob details are worth re-reading only when the selected operation moved since the last read.
        const int row = m_model->rowForId(m_currentId);
        if (row < 0)
            return;
        const QueuedOperation &op = m_model->operationAt(row);
        const auto same = [](const QueuedOperation &a, const QueuedOperation &b) {
            return a.state == b.state && a.discovered == b.discovered && a.pending == b.pending
                && a.canceled == b.canceled && a.ingested == b.ingested && a.failed == b.failed;
        };
        if (!m_detailsFor || !same(*m_detailsFor, op))
            loadDetails(m_currentId);
    });
    connect(monitor, &OperationMonitor::cancelSucceeded, this,
            [this](const QString &id, const QueuedOperation &op, qint64 inFlight) {
                noteCancelOutcome(id, &op, inFlight, nullptr);
                if (id == m_currentId)
                    loadDetails(id);
            });
    connect(monitor, &OperationMonitor::cancelFailed, this,
            [this](const QString &id, const Error &e) { noteCancelOutcome(id, nullptr, 0, &e); });
    connect(monitor, &OperationMonitor::errorOccurred, this, [this](const Error &e, const QString &context) {
        if (context.startsWith(tr("Cancelling")))
            return; // cancelFailed says it already
        showNotice(tr("%1 failed: %2").arg(context, e.toString()), true);
    });
    connect(monitor, &OperationMonitor::refreshed, this, [this](const QDateTime &, bool ok) {
        if (ok && m_notice->property("error").toBool())
            m_notice->hide(); // the next good refresh clears an old refresh error
    });
}

QStringList OperationsPane::selectedIds() const
{
    QStringList ids;
    if (!m_model || !m_view->selectionModel())
        return ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &r : rows)
        ids << m_proxy->mapToSource(r)
                   .siblingAtColumn(OperationModel::IngestionOperationId)
                   .data()
                   .toString();
    return ids;
}

bool OperationsPane::selectOperation(const QString &id)
{
    if (!m_model)
        return false;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(m_model->rowForId(id), 0));
    if (!idx.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(idx);
    return true;
}

QList<QueuedOperation> OperationsPane::selectedOperations() const
{
    QList<QueuedOperation> ops;
    const QStringList ids = selectedIds();
    for (const QString &id : ids) {
        const int row = m_model->rowForId(id);
        if (row >= 0)
            ops << m_model->operationAt(row);
    }
    return ops;
}

bool OperationsPane::canCancelSelection() const
{
    if (!m_monitor)
        return false;
    const QStringList ids = selectedIds();
    return std::any_of(ids.cbegin(), ids.cend(),
                       [this](const QString &id) { return m_monitor->canCancel(id); });
}

void OperationsPane::updateCancelAvailability()
{
    const bool available = canCancelSelection();
    if (available == m_cancelAvailable)
        return;
    m_cancelAvailable = available;
    Q_EMIT cancelAvailabilityChanged(available);
}

void OperationsPane::scheduleCancelAvailability()
{
    // Once per event-loop turn: with every row selected, checking the selection on each of 1,000
    // dataChanged signals was quadratic.
    if (!m_cancelAvailabilityTimer.isActive())
        m_cancelAvailabilityTimer.start();
}

void OperationsPane::noteCancelOutcome(const QString &id, const QueuedOperation *op, qint64 inFlight,
                                       const Error *error)
{
    CancelOutcomes &o = m_cancelOutcomes;
    o.lastId = id;
    if (error) {
        ++o.failed;
        o.lastError = error->toString();
    } else if (op) {
        ++o.accepted;
        o.canceledBlobs += op->canceled;
        o.inFlightBlobs += std::max<qint64>(0, inFlight);
        o.lastState = toString(op->state);
    }
    if (!m_monitor || m_monitor->cancelsPending() == 0) {
        flushCancelOutcomes();
        return;
    }
    if (!m_cancelNoticeTimer.isActive())
        m_cancelNoticeTimer.start();
}

void OperationsPane::flushCancelOutcomes()
{
    m_cancelNoticeTimer.stop();
    // The totals run over the whole "cancel all": they start again only once every answer is in, so the
    // last notice counts every operation, not those of the last 250 ms.
    const int waiting = m_monitor ? m_monitor->cancelsPending() : 0;
    const CancelOutcomes o = waiting == 0 ? std::exchange(m_cancelOutcomes, {}) : m_cancelOutcomes;
    if (o.accepted + o.failed == 0)
        return;
    if (o.accepted + o.failed == 1 && waiting == 0) {
        if (o.failed)
            showNotice(tr("Cancel of %1 failed: %2").arg(o.lastId, o.lastError), true);
        else if (o.inFlightBlobs > 0)
            showNotice(tr("Cancel of %1 accepted: State %2. %n blob(s) were already in flight and "
                          "may still be ingested; the operation stays watched.",
                          nullptr, int(o.inFlightBlobs))
                           .arg(o.lastId, o.lastState));
        else
            showNotice(tr("Cancel of %1 accepted: State %2, %3 blob(s) canceled.")
                           .arg(o.lastId, o.lastState, QLocale().toString(o.canceledBlobs)));
        return;
    }
    QStringList parts;
    if (o.accepted > 0)
        parts << tr("Cancel accepted for %n operation(s): %1 blob(s) canceled.", nullptr, o.accepted)
                     .arg(QLocale().toString(o.canceledBlobs));
    if (o.inFlightBlobs > 0)
        parts << tr("%n blob(s) were already in flight and may still be ingested; the operations stay "
                    "watched.",
                    nullptr, int(std::min<qint64>(o.inFlightBlobs, INT_MAX)));
    if (o.failed > 0)
        parts << tr("Cancel failed for %n operation(s), the last (%1): %2", nullptr, o.failed)
                     .arg(o.lastId, o.lastError);
    if (waiting > 0)
        parts << tr("%n cancel(s) still waiting for an answer.", nullptr, waiting);
    showNotice(parts.join(QLatin1Char(' ')), o.failed > 0);
}

void OperationsPane::cancelSelected()
{
    cancelWithConfirmation(selectedIds());
}

QStringList OperationsPane::cancelWithConfirmation(const QStringList &ids)
{
    if (!m_monitor || !m_model)
        return {};
    QList<QueuedOperation> ops;
    for (const QString &id : ids) {
        if (!m_monitor->canCancel(id))
            continue;
        const int row = m_model->rowForId(id);
        if (row >= 0)
            ops << m_model->operationAt(row);
    }
    if (ops.isEmpty()) {
        if (!ids.isEmpty())
            showNotice(
                tr("Nothing to cancel: the selected operations are finished or already being canceled."));
        return {};
    }
    CancelConfirmDialog dialog(ops, this);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QStringList toSend;
    for (const QueuedOperation &op : ops)
        toSend << op.ingestionOperationId;
    const QStringList sent = m_monitor->cancel(toSend);
    if (!sent.isEmpty())
        showNotice(tr("Cancel sent for %n operation(s)…", nullptr, int(sent.size())));
    updateCancelAvailability();
    return sent;
}

void OperationsPane::showNotice(const QString &text, bool error)
{
    QPalette p = palette();
    if (error) {
        p.setColor(QPalette::Window, QColor(220, 40, 40, 60));
    } else {
        QColor c = p.color(QPalette::Highlight);
        c.setAlpha(50);
        p.setColor(QPalette::Window, c);
    }
    m_notice->setPalette(p);
    m_notice->setText(text);
    m_notice->setProperty("error", error);
    m_notice->show();
}

void OperationsPane::onCurrentChanged()
{
    QString id;
    const QModelIndex current
        = m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
    if (current.isValid() && m_model)
        id = m_proxy->mapToSource(current)
                 .siblingAtColumn(OperationModel::IngestionOperationId)
                 .data()
                 .toString();
    if (m_model && m_model->rowForId(id) < 0)
        id.clear();
    if (id == m_currentId && !id.isEmpty())
        return;
    m_currentId = id;
    m_details->removeRows(0, m_details->rowCount());
    updateSummary();
    updateCancelAvailability();
    Q_EMIT currentOperationChanged(id);
    if (!id.isEmpty())
        loadDetails(id);
}

void OperationsPane::loadDetails(const QString &id)
{
    if (!m_monitor || id.isEmpty())
        return;
    const quint64 generation = ++m_detailsGeneration;
    const int row = m_model ? m_model->rowForId(id) : -1;
    m_detailsFor.reset();
    if (row >= 0)
        m_detailsFor = m_model->operationAt(row);
    QPointer<OperationsPane> self(this);
    m_monitor->details(id, [self, id, generation](Result<QList<BlobDetail>> r) {
        if (!self || generation != self->m_detailsGeneration || id != self->m_currentId)
            return;
        if (!r) {
            self->m_detailsFor.reset(); // try again on the next refresh
            self->m_summary->setText(self->m_summary->text() + QLatin1Char('\n')
                                     + tr("Blob details unavailable: %1").arg(r.error().toString()));
            return;
        }
        QStandardItemModel *m = self->m_details;
        const QList<BlobDetail> &rows = r.value();
        // Update in place: same rows keep their selection and scroll position.
        if (m->rowCount() != rows.size()) {
            m->removeRows(0, m->rowCount());
            m->insertRows(0, int(rows.size()));
        }
        self->applyDetails(rows, generation, 0);
    });
}

void OperationsPane::applyDetails(const QList<BlobDetail> &rows, quint64 generation, int from)
{
    // Thousands of blobs are written in slices, one per event-loop turn, so the GUI never stalls on them.
    constexpr int kSliceRows = 300;
    if (generation != m_detailsGeneration)
        return; // a newer read (or another selection) took over
    QStandardItemModel *m = m_details;
    const int end = std::min<int>(int(rows.size()), from + kSliceRows);
    for (int i = from; i < end && i < m->rowCount(); ++i) {
        const BlobDetail &d = rows.at(i);
        const QString cells[5] = { redact(d.blobUrl), d.ingestionStatus, localTime(d.startedAt),
                                   localTime(d.completedAt), d.failedReasons };
        for (int c = 0; c < 5; ++c) {
            const QModelIndex idx = m->index(i, c);
            if (idx.data().toString() != cells[c]) {
                m->setData(idx, cells[c]);
                m->setData(idx, cells[c], Qt::ToolTipRole);
            }
        }
        const QModelIndex status = m->index(i, StatusColumn);
        const QString s = d.ingestionStatus.toLower();
        // Text colours readable on the details view's palette (light or dark, alternating rows).
        const QPalette &pal = m_detailsView->palette();
        QColor fg;
        if (s == QLatin1String("failed"))
            fg = PaletteColors::error(pal);
        else if (s == QLatin1String("succeeded"))
            fg = PaletteColors::success(pal);
        else if (s == QLatin1String("canceled"))
            fg = PaletteColors::muted(pal);
        const QVariant want = fg.isValid() ? QVariant(fg) : QVariant();
        if (status.data(Qt::ForegroundRole) != want)
            m->setData(status, want, Qt::ForegroundRole);
    }
    if (end < rows.size()) {
        QPointer<OperationsPane> self(this);
        QTimer::singleShot(0, this, [self, rows, generation, end] {
            if (self)
                self->applyDetails(rows, generation, end);
        });
    }
}

void OperationsPane::updateSummary()
{
    const int row = m_model ? m_model->rowForId(m_currentId) : -1;
    if (row < 0) {
        m_summary->setText(tr("Select an operation to see its blobs."));
        return;
    }
    const QueuedOperation &op = m_model->operationAt(row);
    const QLocale l;
    QStringList parts;
    parts << tr("<b>%1</b> — %2.%3 — %4")
                 .arg(op.ingestionOperationId.toHtmlEscaped(), op.database.toHtmlEscaped(),
                      op.table.toHtmlEscaped(), toString(op.state));
    parts << tr("%1 of %2 blobs done (%3 ingested, %4 failed, %5 canceled), %6 pending")
                 .arg(l.toString(op.done()), l.toString(op.discovered), l.toString(op.ingested),
                      l.toString(op.failed), l.toString(op.canceled), l.toString(op.pending));
    if (const auto t = m_model->throughput(row))
        parts << tr("%1 blobs/min").arg(l.toString(*t, 'f', 1));
    if (const auto eta = m_model->etaSeconds(row); eta && !isTerminal(op.state))
        parts << tr("ETA %1").arg(OperationModel::formatDuration(*eta));
    if (m_model->isStalled(row))
        parts << PaletteColors::span(PaletteColors::warning(palette()),
                                     QStringLiteral("<b>%1</b>").arg(tr("stalled")));
    if (m_model->cancelInFlight(op.ingestionOperationId))
        parts << tr("cancel in flight");
    QString text = parts.join(QStringLiteral(" — "));
    if (!op.sampleFailedReasons.isEmpty())
        text += QStringLiteral("<br>")
            + tr("SampleFailedReasons: %1").arg(op.sampleFailedReasons.toHtmlEscaped());
    m_summary->setText(text);
}

void OperationsPane::showContextMenu(const QPoint &pos)
{
    if (!m_monitor || selectedIds().isEmpty())
        return;
    QMenu menu(this);
    QAction *cancel = menu.addAction(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel operation…"));
    cancel->setEnabled(canCancelSelection());
    QAction *copy = menu.addAction(tr("Copy operation id"));
    QAction *untrack = menu.addAction(tr("Stop tracking"));
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    const QStringList ids = selectedIds();
    if (chosen == cancel)
        cancelWithConfirmation(ids);
    else if (chosen == copy)
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    else if (chosen == untrack)
        for (const QString &id : ids)
            m_monitor->untrack(id);
}

QByteArray OperationsPane::saveState() const
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << quint32(1) << m_view->horizontalHeader()->saveState() << m_splitter->saveState()
      << m_detailsView->horizontalHeader()->saveState();
    return out;
}

void OperationsPane::restoreState(const QByteArray &state)
{
    QDataStream s(state);
    quint32 version = 0;
    QByteArray header, splitter, details;
    s >> version >> header >> splitter >> details;
    if (s.status() != QDataStream::Ok || version != 1)
        return;
    m_view->horizontalHeader()->restoreState(header);
    m_splitter->restoreState(splitter);
    m_detailsView->horizontalHeader()->restoreState(details);
}

} // namespace iw
