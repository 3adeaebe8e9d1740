#pragma once

#include "core/Result.h"
#include "monitor/Session.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace iw {

class ChartsView;
class ConnectionsController;
class OperationsPane;

// The dashboard: Operations in the middle; Statuses, Notifications and Charts as docks the operator can
// move, float, tab or hide; a toolbar with Refresh (F5), the auto-refresh interval, Track, Submit and
// Cancel (Del); a status bar with the last refresh per source, the request count, stalled operations and
// the last error. Window state, the table's column order/widths/sort and the interval survive a restart.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `session` (may be null: an empty window). The window does not own it.
    void setSession(Session *session);
    Session *session() const { return m_session; }

    OperationsPane *operationsPane() const;
    // Connections… and the profile switcher; its profileActivated(name) asks for a new Session.
    ConnectionsController *connections() const { return m_connections; }
    ChartsView *chartsView() const;

    // For the Statuses and Notifications panes: replaces the placeholder of that dock.
    void setStatusesPane(QWidget *pane);
    void setNotificationsPane(QWidget *pane);

    // The status bar: any source ("Operations", "Statuses", ...) reports its refreshes and errors here.
    void setSourceRefreshed(const QString &source, const QDateTime &when, bool ok);
    void showError(const QString &source, const Error &error, const QString &context = {});
    void setRequestCount(quint64 count);

    // Auto-refresh interval in seconds (0 = off), as chosen in the toolbar.
    int refreshInterval() const;
    void setRefreshInterval(int seconds);
    static QList<int> intervalChoices();

    // Screenshots of the whole window and of each pane, grabbed from the screen (QScreen::grabWindow; under
    // xcb a real screenshot of the X screen). Returns the files written.
    QStringList saveScreenshots(const QString &dir);

Q_SIGNALS:
    void refreshRequested();
    void refreshIntervalChanged(int seconds);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();
    void saveLayout() const;
    void showAbout();
    void trackOperations();
    void submitIngestion();
    void updateSourceLabel();
    void replaceDockContents(class QDockWidget *dock, QWidget *pane);

    std::unique_ptr<Ui::MainWindow> m_ui;
    QPointer<Session> m_session;
    ConnectionsController *m_connections = nullptr;
    QComboBox *m_interval = nullptr;
    QLabel *m_sourcesLabel = nullptr;
    QLabel *m_requestsLabel = nullptr;
    QLabel *m_stalledLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_noticeLabel = nullptr;
    struct SourceState
    {
        QDateTime when;
        bool ok = true;
    };
    QHash<QString, SourceState> m_sources;
    QStringList m_sourceOrder;
};

} // namespace iw
