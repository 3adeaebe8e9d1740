#pragma once

#include "monitor/StatusMonitor.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace iw {

class IngestionStatusFilterProxy;
class IngestionStatusModel;

// The Statuses pane: the per-source statuses of the Azure status table. A source line (found through
// `.get ingestion resources`, or a SAS URL / connection string typed by hand), how much of the table is
// known (unknown / partial / complete), filters (Status with per-status counts, Database, Table, time range,
// text over source id/path/details), jump to a SourceId, and CSV export of all or selected rows.
class StatusesPane : public QWidget
{
    Q_OBJECT
public:
    explicit StatusesPane(QWidget *parent = nullptr);
    ~StatusesPane() override;

    void setMonitor(StatusMonitor *monitor, IngestionStatusModel *model);
    StatusMonitor *monitor() const { return m_monitor; }

    QTableView *view() const { return m_view; }
    IngestionStatusFilterProxy *proxy() const { return m_proxy; }
    QLabel *knowledgeLabel() const { return m_knowledge; }
    QComboBox *statusFilter() const { return m_status; }
    QLineEdit *textFilter() const { return m_text; }
    QLineEdit *sourceEdit() const { return m_source; }

    // Selects and scrolls to a source id; false when it is not shown.
    bool jumpTo(const QString &ingestionSourceId);
    // Applies the source line: a SAS URL (table named in its path), or "connection string" + table name.
    bool applySource();
    void exportCsv();

private:
    void updateStatusCounts();
    void updateValueLists();
    void updateKnowledge();
    void applyFilter();

    QPointer<StatusMonitor> m_monitor;
    QPointer<IngestionStatusModel> m_model;
    IngestionStatusFilterProxy *m_proxy;
    QLineEdit *m_source;
    QLineEdit *m_tableName;
    QLabel *m_knowledge;
    QComboBox *m_status;
    QComboBox *m_database;
    QComboBox *m_table;
    QComboBox *m_range;
    QLineEdit *m_text;
    QLineEdit *m_jump;
    QTableView *m_view;
    QLabel *m_notice;
};

} // namespace iw
