#pragma once

#include "core/QueuedOperation.h"

#include <QDialog>
#include <QList>

class QPushButton;

namespace iw {

// "Cancel these operations?" naming each operation id, its database, table and pending count. One dialog
// for one or many operations. Accepting sends the cancel; the default button keeps them running.
class CancelConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CancelConfirmDialog(const QList<QueuedOperation> &operations, QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirm; }
    QString summaryText() const;

private:
    QList<QueuedOperation> m_ops;
    QPushButton *m_confirm = nullptr;
    QString m_summary;
};

} // namespace iw
