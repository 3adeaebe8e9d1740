#include "gui/StatusesPane.h"

#include "core/Redaction.h"
#include "gui/ColumnWidths.h"
#include "gui/ExportDialog.h"
#include "gui/PaletteColors.h"
#include "gui/TextCellDelegate.h"
#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"
#include "monitor/StatusMonitor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace iw {

namespace {
constexpr OperationStatus kStatuses[]
    = { OperationStatus::Pending, OperationStatus::Succeeded, OperationStatus::Failed,
        OperationStatus::Queued,  OperationStatus::Skipped,   OperationStatus::PartiallySucceeded };
}

StatusesPane::StatusesPane(QWidget *parent) : QWidget(parent), m_proxy(new IngestionStatusFilterProxy(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *sourceRow = new QHBoxLayout;
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("statusSource"));
    m_source->setPlaceholderText(
        tr("From .get ingestion resources, or a status table SAS URL, or a storage connection string"));
    m_tableName = new QLineEdit(this);
    m_tableName->setPlaceholderText(tr("Table (with a connection string)"));
    m_tableName->setMaximumWidth(200);
    auto *use = new QPushButton(tr("Use"), this);
    connect(use, &QPushButton::clicked, this, &StatusesPane::applySource);
    connect(m_source, &QLineEdit::returnPressed, this, &StatusesPane::applySource);
    m_knowledge = new QLabel(tr("Unknown: no status table"), this);
    m_knowledge->setObjectName(QStringLiteral("statusKnowledge"));
    // Wide enough for the count while a first read goes into the millions: the source field beside it keeps
    // its width instead of jumping with every digit (and the row is not laid out again per page).
    m_knowledge->setMinimumWidth(m_knowledge->fontMetrics().horizontalAdvance(
        StatusMonitor::tr("Partial: %1 rows so far, still loading").arg(QLocale().toString(8888888))));
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_tableName);
    sourceRow->addWidget(use);
    sourceRow->addWidget(m_knowledge);
    layout->addLayout(sourceRow);

    auto *filterRow = new QHBoxLayout;
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), -1);
    for (OperationStatus s : kStatuses)
        m_status->addItem(toString(s), int(s));
    m_database = new QComboBox(this);
    m_database->setObjectName(QStringLiteral("statusDatabaseFilter"));
    m_database->addItem(tr("All databases"), QString());
    m_table = new QComboBox(this);
    m_table->addItem(tr("All tables"), QString());
    m_range = new QComboBox(this);
    m_range->addItem(tr("Any time"), 0);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->addItem(tr("Last 7 days"), 7 * 86400);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Search source id, path, details"));
    m_text->setClearButtonEnabled(true);
    m_jump = new QLineEdit(this);
    m_jump->setPlaceholderText(tr("Jump to SourceId"));
    m_jump->setMaximumWidth(260);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, &StatusesPane::exportCsv);
    filterRow->addWidget(m_status);
    filterRow->addWidget(m_database);
    filterRow->addWidget(m_table);
    filterRow->addWidget(m_range);
    filterRow->addWidget(m_text, 1);
    filterRow->addWidget(m_jump);
    filterRow->addWidget(exportButton);
    layout->addLayout(filterRow);

    for (QComboBox *c : { m_status, m_database, m_table, m_range })
        connect(c, &QComboBox::currentIndexChanged, this, &StatusesPane::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &StatusesPane::applyFilter);
    connect(m_jump, &QLineEdit::returnPressed, this, [this] {
        if (!jumpTo(m_jump->text().trimmed()))
            m_notice->setText(
                tr("Source id %1 is not shown (unknown, or filtered out).").arg(m_jump->text()));
    });

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("statusesView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // paths and ids keep their telling ends
    m_view->setItemDelegate(new TextCellDelegate(m_view));
    layout->addWidget(m_view, 1);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    layout->addWidget(m_notice);
}

StatusesPane::~StatusesPane() = default;

void StatusesPane::setMonitor(StatusMonitor *monitor, IngestionStatusModel *model)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_monitor = monitor;
    m_model = model;
    m_proxy->setSourceModel(model);
    if (model) {
        connect(model, &IngestionStatusModel::statusCountsChanged, this, &StatusesPane::updateStatusCounts);
        connect(model, &QAbstractItemModel::rowsInserted, this, &StatusesPane::updateValueLists);
    }
    using C = IngestionStatusModel::Column;
    ColumnWidths::apply(m_view,
                        { { C::Status, 10 },
                          { C::IngestionSourceId, 36 },
                          { C::IngestionSourcePath, 44 },
                          { C::Database, 12 },
                          { C::Table, 14 },
                          { C::UpdatedOn, 19 },
                          { C::OperationId, 14 },
                          { C::ActivityId, 14 },
                          { C::ErrorCode, 30 },
                          { C::FailureStatus, 10 },
                          { C::Details, 60 } });
    if (monitor) {
        connect(monitor, &StatusMonitor::knowledgeChanged, this, &StatusesPane::updateKnowledge);
        connect(monitor, &StatusMonitor::progress, this, &StatusesPane::updateKnowledge);
        connect(monitor, &StatusMonitor::refreshed, this, [this](const QDateTime &, bool ok) {
            updateKnowledge();
            if (ok)
                m_notice->clear();
        });
        connect(monitor, &StatusMonitor::errorOccurred, this, [this](const Error &e, const QString &context) {
            m_notice->setText(PaletteColors::span(
                PaletteColors::error(palette()),
                tr("%1: %2").arg(context.toHtmlEscaped(), redact(e.toString()).toHtmlEscaped())));
        });
        if (monitor->hasTable())
            m_source->setPlaceholderText(monitor->tableDescription());
    }
    updateStatusCounts();
    updateValueLists();
    updateKnowledge();
}

bool StatusesPane::applySource()
{
    if (!m_monitor)
        return false;
    const QString text = m_source->text().trimmed();
    if (text.isEmpty())
        return false;
    Status s
        = text.contains(QLatin1Char(';')) || text.contains(QLatin1String("AccountName="), Qt::CaseInsensitive)
        ? m_monitor->setTableFromConnectionString(text, m_tableName->text())
        : m_monitor->setTableUri(text);
    if (!s) {
        m_notice->setText(PaletteColors::span(PaletteColors::error(palette()),
                                              redact(s.error().toString()).toHtmlEscaped()));
        return false;
    }
    // The secret stays out of the widget once applied.
    m_source->clear();
    m_source->setPlaceholderText(m_monitor->tableDescription());
    m_notice->clear();
    m_monitor->refresh();
    updateKnowledge();
    return true;
}

void StatusesPane::updateKnowledge()
{
    if (!m_monitor || !m_monitor->hasTable()) {
        m_knowledge->setText(tr("Unknown: no status table"));
        return;
    }
    m_knowledge->setText(m_monitor->knowledgeText());
    m_knowledge->setToolTip(m_monitor->tableDescription());
}

void StatusesPane::updateStatusCounts()
{
    if (!m_model)
        return;
    for (int i = 1; i < m_status->count(); ++i) {
        const auto s = static_cast<OperationStatus>(m_status->itemData(i).toInt());
        m_status->setItemText(i, m_model->statusLabel(s));
    }
}

void StatusesPane::updateValueLists()
{
    if (!m_model)
        return;
    auto fill = [](QComboBox *box, const QStringList &values) {
        if (box->count() - 1 == values.size())
            return;
        const QString current = box->currentData().toString();
        QSignalBlocker block(box);
        while (box->count() > 1)
            box->removeItem(1);
        for (const QString &v : values)
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_database, m_model->databases());
    fill(m_table, m_model->tables());
}

void StatusesPane::applyFilter()
{
    IngestionStatusFilterProxy::Filter f;
    const int status = m_status->currentData().toInt();
    if (status >= 0)
        f.statuses.insert(static_cast<OperationStatus>(status));
    f.database = m_database->currentData().toString();
    f.table = m_table->currentData().toString();
    const int secs = m_range->currentData().toInt();
    if (secs > 0)
        f.from = QDateTime::currentDateTimeUtc().addSecs(-secs);
    f.text = m_text->text().trimmed();
    m_proxy->setFilter(f);
}

bool StatusesPane::jumpTo(const QString &ingestionSourceId)
{
    const int row = m_proxy->proxyRowForSourceId(ingestionSourceId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void StatusesPane::exportCsv()
{
    QPointer<IngestionStatusModel> model = m_model;
    if (!model)
        return;
    ExportDialog::run(
        m_view,
        [model](const QList<int> &rows, bool redactSecrets) {
            return CsvExportSpec::statuses(model, rows, redactSecrets);
        },
        QStringLiteral("ingestion-statuses.csv"), this);
}

} // namespace iw
