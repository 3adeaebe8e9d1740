#include "gui/CancelConfirmDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace iw {

CancelConfirmDialog::CancelConfirmDialog(const QList<QueuedOperation> &operations, QWidget *parent)
    : QDialog(parent), m_ops(operations)
{
    setObjectName(QStringLiteral("cancelConfirmDialog"));
    setWindowTitle(tr("Cancel queued ingestion"));
    auto *layout = new QVBoxLayout(this);

    qint64 pending = 0;
    for (const QueuedOperation &op : operations)
        pending += op.pending;
    const QLocale locale;
    if (operations.size() == 1) {
        const QueuedOperation &op = operations.first();
        m_summary = tr("Cancel operation %1 on %2.%3? %4 blob(s) are pending.")
                        .arg(op.ingestionOperationId, op.database, op.table, locale.toString(op.pending));
    } else {
        m_summary
            = tr("Cancel %n operation(s)? %1 blob(s) are pending in total.", nullptr, int(operations.size()))
                  .arg(locale.toString(pending));
    }
    auto *text = new QLabel(m_summary, this);
    text->setObjectName(QStringLiteral("summaryLabel"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);

    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("operationsList"));
    list->setRootIsDecorated(false);
    list->setHeaderLabels({ tr("IngestionOperationId"), tr("Database"), tr("Table"), tr("Pending") });
    for (const QueuedOperation &op : operations) {
        auto *item = new QTreeWidgetItem(
            list, { op.ingestionOperationId, op.database, op.table, locale.toString(op.pending) });
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->setMinimumWidth(560);
    list->setMaximumHeight(operations.size() == 1 ? 60 : 220);
    layout->addWidget(list);

    auto *note = new QLabel(tr("Cancel is best effort: blobs already being ingested may still finish. "
                               "The operation stays in view and keeps being watched."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("Cancel %n operation(s)", nullptr, int(operations.size())),
                                   QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmCancelButton"));
    m_confirm->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    QPushButton *keep = buttons->addButton(tr("Keep running"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    keep->setDefault(true);
    keep->setAutoDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString CancelConfirmDialog::summaryText() const
{
    return m_summary;
}

} // namespace iw
