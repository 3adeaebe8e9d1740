#pragma once

#include "core/QueuedOperation.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace iw {

class OperationModel;

// Sorts an OperationModel on its raw values and filters by State, Database, Table and free text
// (IngestionOperationId, Database, Table, SampleFailedReasons), case-insensitively. Empty filters pass all.
class OperationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OperationFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override; // must be an OperationModel

    void setStates(const QSet<OperationState> &states);
    QSet<OperationState> states() const { return m_states; }
    void setDatabase(const QString &database); // exact, case-insensitive
    QString database() const { return m_database; }
    void setTable(const QString &table);
    QString table() const { return m_table; }
    void setText(const QString &text); // substring, case-insensitive
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const OperationModel *m_model = nullptr;
    QSet<OperationState> m_states;
    QString m_database;
    QString m_table;
    QString m_text;
};

} // namespace iw
