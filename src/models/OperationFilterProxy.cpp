#include "models/OperationFilterProxy.h"

#include "models/OperationModel.h"

namespace iw {

OperationFilterProxy::OperationFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(OperationModel::RawValueRole);
    setDynamicSortFilter(true);
}

void OperationFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<const OperationModel *>(model);
    Q_ASSERT(!model || m_model);
    QSortFilterProxyModel::setSourceModel(model);
}

void OperationFilterProxy::setStates(const QSet<OperationState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    invalidateFilter();
}

void OperationFilterProxy::setDatabase(const QString &database)
{
    if (database == m_database)
        return;
    m_database = database;
    invalidateFilter();
}

void OperationFilterProxy::setTable(const QString &table)
{
    if (table == m_table)
        return;
    m_table = table;
    invalidateFilter();
}

void OperationFilterProxy::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

bool OperationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    const QueuedOperation &op = m_model->operationAt(sourceRow);
    if (!m_states.isEmpty() && !m_states.contains(op.state))
        return false;
    if (!m_database.isEmpty() && op.database.compare(m_database, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_table.isEmpty() && op.table.compare(m_table, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_text.isEmpty()) {
        return op.ingestionOperationId.contains(m_text, Qt::CaseInsensitive)
            || op.database.contains(m_text, Qt::CaseInsensitive)
            || op.table.contains(m_text, Qt::CaseInsensitive)
            || op.sampleFailedReasons.contains(m_text, Qt::CaseInsensitive);
    }
    return true;
}

} // namespace iw
