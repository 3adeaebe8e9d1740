#pragma once

#include "monitor/NotificationMonitor.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace iw {

class FailureGroupModel;
class NotificationModel;

// The Notifications pane: the report queues. Peek (the default) or Consume (explicit, confirmed: the
// queues are shared by every client of the cluster), the approximate count of every queue and a reminder
// that peek only sees the head of each queue; the messages (every field, malformed ones with their raw
// text) and the failures grouped by ErrorCode or by Database/Table; CSV export.
class NotificationsPane : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationsPane(QWidget *parent = nullptr);
    ~NotificationsPane() override;

    void setMonitor(NotificationMonitor *monitor, NotificationModel *model, FailureGroupModel *groups);
    NotificationMonitor *monitor() const { return m_monitor; }

    QTableView *messagesView() const { return m_messages; }
    QTableView *groupsView() const { return m_groups; }
    QTabWidget *tabs() const { return m_tabs; }
    QRadioButton *peekButton() const { return m_peek; }
    QRadioButton *consumeButton() const { return m_consume; }
    QLabel *queuesLabel() const { return m_queuesLabel; }
    QLabel *peekNotice() const { return m_peekNotice; }

    // Switches to Consume after the confirmation (`confirm` = false skips it: tests, command line).
    bool requestConsume(bool confirm = true);
    void showFailureGroups();
    void exportCsv();

    // The confirmation text (names the risk).
    static QString consumeWarning();

private:
    void updateQueues();
    void updateMode();

    QPointer<NotificationMonitor> m_monitor;
    QPointer<NotificationModel> m_model;
    QPointer<FailureGroupModel> m_groupModel;
    QRadioButton *m_peek;
    QRadioButton *m_consume;
    QLabel *m_queuesLabel;
    QLabel *m_peekNotice;
    QTabWidget *m_tabs;
    QLineEdit *m_text;
    QComboBox *m_kind;
    QComboBox *m_grouping;
    QTableView *m_messages;
    QTableView *m_groups;
    QSortFilterProxyModel *m_messagesProxy;
    QSortFilterProxyModel *m_groupsProxy;
    QLabel *m_notice;
};

} // namespace iw
