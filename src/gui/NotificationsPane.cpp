#include "gui/NotificationsPane.h"

#include "core/Redaction.h"
#include "gui/ColumnWidths.h"
#include "gui/ExportDialog.h"
#include "gui/PaletteColors.h"
#include "gui/TextCellDelegate.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace iw {

namespace {

QTableView *makeView(QWidget *parent, QAbstractItemModel *model, const QString &name)
{
    auto *v = new QTableView(parent);
    v->setObjectName(name);
    v->setModel(model);
    v->setSortingEnabled(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::ExtendedSelection);
    v->setAlternatingRowColors(true);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setSectionsMovable(true);
    v->setWordWrap(false);
    v->setTextElideMode(Qt::ElideMiddle); // paths and ids keep their telling ends
    v->setItemDelegate(new TextCellDelegate(v));
    return v;
}

} // namespace

QString NotificationsPane::consumeWarning()
{
    return tr("Consume takes the messages out of the report queues: they are received, saved in this "
              "dashboard's archive and then DELETED from the queue.\n\n"
              "These queues are shared by every client of this cluster. Any other tool or SDK reading them "
              "will no longer see the messages this dashboard takes.\n\n"
              "Make this dashboard the consumer of the report queues?");
}

NotificationsPane::NotificationsPane(QWidget *parent)
    : QWidget(parent), m_messagesProxy(new QSortFilterProxyModel(this)),
      m_groupsProxy(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *modeRow = new QHBoxLayout;
    m_peek = new QRadioButton(tr("Peek"), this);
    m_peek->setToolTip(tr("Non-destructive: the messages stay in the queues for every other client."));
    m_consume = new QRadioButton(tr("Consume"), this);
    m_consume->setToolTip(tr("Receive, archive, then delete the messages (asks first)."));
    m_peek->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_peek);
    group->addButton(m_consume);
    connect(m_consume, &QRadioButton::clicked, this, [this] {
        if (!requestConsume(true))
            updateMode();
    });
    connect(m_peek, &QRadioButton::clicked, this, [this] {
        if (m_monitor)
            m_monitor->setMode(NotificationMonitor::Mode::Peek);
        updateMode();
    });
    m_queuesLabel = new QLabel(tr("No report queues"), this);
    m_queuesLabel->setObjectName(QStringLiteral("queuesLabel"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, &NotificationsPane::exportCsv);
    modeRow->addWidget(m_peek);
    modeRow->addWidget(m_consume);
    modeRow->addWidget(m_queuesLabel, 1);
    modeRow->addWidget(exportButton);
    layout->addLayout(modeRow);

    m_peekNotice = new QLabel(tr("Peek only sees the head of each queue: up to 32 visible messages per queue "
                                 "per refresh. The counts "
                                 "are approximate (they include invisible and expired messages)."),
                              this);
    m_peekNotice->setWordWrap(true);
    m_peekNotice->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_peekNotice);

    m_tabs = new QTabWidget(this);
    auto *messagesPage = new QWidget(m_tabs);
    auto *ml = new QVBoxLayout(messagesPage);
    ml->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    m_kind = new QComboBox(messagesPage);
    m_kind->addItem(tr("All kinds"), QString());
    m_kind->addItem(tr("Failures"), QStringLiteral("Failure"));
    m_kind->addItem(tr("Successes"), QStringLiteral("Success"));
    m_kind->addItem(tr("Malformed"), QStringLiteral("Malformed"));
    m_text = new QLineEdit(messagesPage);
    m_text->setPlaceholderText(tr("Search every field"));
    m_text->setClearButtonEnabled(true);
    filterRow->addWidget(m_kind);
    filterRow->addWidget(m_text, 1);
    ml->addLayout(filterRow);
    m_messagesProxy->setFilterKeyColumn(-1);
    m_messagesProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_messagesProxy->setSortRole(NotificationModel::RawValueRole);
    m_messages = makeView(messagesPage, m_messagesProxy, QStringLiteral("notificationsView"));
    ml->addWidget(m_messages, 1);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_messagesProxy->setFilterKeyColumn(-1);
        m_messagesProxy->setFilterFixedString(t);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        m_text->clear();
        m_messagesProxy->setFilterKeyColumn(kind.isEmpty() ? -1 : int(NotificationModel::Kind));
        m_messagesProxy->setFilterRegularExpression(kind.isEmpty() ? QString()
                                                                   : QStringLiteral("^%1$").arg(kind));
    });
    m_tabs->addTab(messagesPage, tr("Messages"));

    auto *groupsPage = new QWidget(m_tabs);
    auto *gl = new QVBoxLayout(groupsPage);
    gl->setContentsMargins(0, 0, 0, 0);
    m_grouping = new QComboBox(groupsPage);
    m_grouping->addItem(tr("By ErrorCode"), int(FailureGroupModel::Grouping::ByErrorCode));
    m_grouping->addItem(tr("By Database/Table"), int(FailureGroupModel::Grouping::ByDatabaseTable));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        if (m_groupModel)
            m_groupModel->setGrouping(
                static_cast<FailureGroupModel::Grouping>(m_grouping->currentData().toInt()));
    });
    gl->addWidget(m_grouping, 0, Qt::AlignLeft);
    m_groupsProxy->setSortRole(FailureGroupModel::RawValueRole);
    m_groups = makeView(groupsPage, m_groupsProxy, QStringLiteral("failureGroupsView"));
    gl->addWidget(m_groups, 1);
    m_tabs->addTab(groupsPage, tr("Failures grouped"));
    layout->addWidget(m_tabs, 1);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    layout->addWidget(m_notice);
}

NotificationsPane::~NotificationsPane() = default;

void NotificationsPane::setMonitor(NotificationMonitor *monitor, NotificationModel *model,
                                   FailureGroupModel *groups)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    m_model = model;
    m_groupModel = groups;
    m_messagesProxy->setSourceModel(model);
    m_groupsProxy->setSourceModel(groups);
    m_groups->sortByColumn(FailureGroupModel::Count, Qt::DescendingOrder);
    using C = NotificationModel::Column;
    ColumnWidths::apply(m_messages,
                        { { C::Kind, 9 },
                          { C::When, 19 },
                          { C::OperationId, 14 },
                          { C::Database, 12 },
                          { C::Table, 14 },
                          { C::IngestionSourceId, 14 },
                          { C::IngestionSourcePath, 40 },
                          { C::Details, 60 },
                          { C::ErrorCode, 30 },
                          { C::FailureStatus, 10 },
                          { C::RootActivityId, 14 },
                          { C::QueueName, 24 },
                          { C::MessageId, 14 },
                          { C::InsertionTime, 19 } });
    ColumnWidths::apply(m_groups, { { FailureGroupModel::Group, 34 } });
    m_messages->sortByColumn(C::When, Qt::DescendingOrder); // newest first
    if (monitor) {
        connect(monitor, &NotificationMonitor::queuesChanged, this, &NotificationsPane::updateQueues);
        connect(monitor, &NotificationMonitor::modeChanged, this, &NotificationsPane::updateMode);
        connect(monitor, &NotificationMonitor::refreshed, this, [this](const QDateTime &, bool ok) {
            if (ok)
                m_notice->clear();
        });
        connect(monitor, &NotificationMonitor::errorOccurred, this,
                [this](const Error &e, const QString &context) {
                    m_notice->setText(PaletteColors::span(
                        PaletteColors::error(palette()),
                        tr("%1: %2").arg(context.toHtmlEscaped(), redact(e.toString()).toHtmlEscaped())));
                });
        connect(monitor, &NotificationMonitor::consumed, this, [this](int n) {
            m_notice->setText(tr("%n message(s) archived and deleted from the queues.", nullptr, n));
        });
        m_consume->setEnabled(monitor->canConsume());
        if (!monitor->canConsume())
            m_consume->setToolTip(tr("Consuming needs a writable archive, and this session has none."));
    }
    updateQueues();
    updateMode();
}

bool NotificationsPane::requestConsume(bool confirm)
{
    if (!m_monitor || !m_monitor->canConsume())
        return false;
    if (confirm
        && QMessageBox::warning(this, tr("Consume the report queues?"), consumeWarning(),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return false;
    m_monitor->setMode(NotificationMonitor::Mode::Consume);
    updateMode();
    return m_monitor->mode() == NotificationMonitor::Mode::Consume;
}

void NotificationsPane::updateMode()
{
    const bool consume = m_monitor && m_monitor->mode() == NotificationMonitor::Mode::Consume;
    QSignalBlocker a(m_peek), b(m_consume);
    m_peek->setChecked(!consume);
    m_consume->setChecked(consume);
    m_peekNotice->setText(
        consume
            ? tr("Consuming: messages are received, archived, then deleted from the shared queues. History "
                 "stays visible from the archive.")
            : tr("Peek only sees the head of each queue: up to 32 visible messages per queue per refresh. "
                 "The counts are approximate (they include invisible and expired messages)."));
}

void NotificationsPane::updateQueues()
{
    if (!m_monitor || !m_monitor->hasQueues()) {
        m_queuesLabel->setText(tr("No report queues"));
        return;
    }
    QStringList parts;
    QStringList tips;
    const QLocale locale;
    for (const NotificationMonitor::QueueState &q : m_monitor->queues()) {
        const QString count
            = q.approximateCount < 0 ? tr("?") : tr("~%1").arg(locale.toString(q.approximateCount));
        parts << tr("%1: %2").arg(q.name, count);
        tips << tr("%1/%2 (%3): approximately %4 message(s), %5 read last time%6")
                    .arg(q.endpoint, q.name,
                         q.kind == IngestionNotification::Kind::Failure ? tr("failures") : tr("successes"),
                         count)
                    .arg(q.lastRead)
                    .arg(q.lastError.isEmpty() ? QString() : tr("; error: %1").arg(redact(q.lastError)));
    }
    m_queuesLabel->setText(parts.join(QLatin1String("   ")));
    m_queuesLabel->setToolTip(tips.join(QLatin1Char('\n')));
}

void NotificationsPane::showFailureGroups()
{
    m_tabs->setCurrentIndex(1);
}

void NotificationsPane::exportCsv()
{
    if (m_tabs->currentIndex() == 1) {
        QPointer<QSortFilterProxyModel> proxy = m_groupsProxy;
        ExportDialog::run(
            m_groups,
            [proxy](const QList<int> &rows, bool redactSecrets) {
                return CsvExportSpec::displayed(proxy ? proxy->sourceModel() : nullptr, rows, redactSecrets);
            },
            QStringLiteral("failure-groups.csv"), this);
        return;
    }
    QPointer<NotificationModel> model = m_model;
    if (!model)
        return;
    ExportDialog::run(
        m_messages,
        [model](const QList<int> &rows, bool redactSecrets) {
            return CsvExportSpec::notifications(model, rows, redactSecrets);
        },
        QStringLiteral("ingestion-notifications.csv"), this);
}

} // namespace iw
