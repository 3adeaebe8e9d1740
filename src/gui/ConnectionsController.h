#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QComboBox;
class QMenu;
class QToolBar;
class QWidget;

namespace iw {

class DeviceCodeDialog;
class ProfileStore;
class SecretStore;
class Session;

// What the main window needs for connections, kept out of MainWindow: the "Connections…" action (menu and
// toolbar), the profile switcher in the toolbar, and the interactive sign-in of the shown Session (device
// code dialog; the browser opened for the browser sign-in). Switching profile sets the active profile and
// emits profileActivated(name); whoever owns the Session (main.cpp) builds the new one. When nobody listens
// the operator is told the profile is used from the next start.
class ConnectionsController : public QObject
{
    Q_OBJECT
public:
    ConnectionsController(QWidget *window, QMenu *menu, QToolBar *toolBar);
    ~ConnectionsController() override;

    // Not owned. Unset: the app's settings and the OS keychain (in-memory fallback), made on first use.
    void setStores(ProfileStore *profiles, SecretStore *secrets);
    ProfileStore *profiles();
    SecretStore *secrets();

    void setSession(Session *session);
    void showConnections();
    QAction *connectionsAction() const { return m_action; }
    QComboBox *profileSwitcher() const { return m_switcher; }

Q_SIGNALS:
    void profileActivated(const QString &name);

private:
    void reloadSwitcher();
    void activate(const QString &name);

    QWidget *m_window;
    QAction *m_action = nullptr;
    QComboBox *m_switcher = nullptr;
    ProfileStore *m_profiles = nullptr;
    SecretStore *m_secrets = nullptr;
    QPointer<Session> m_session;
    QPointer<DeviceCodeDialog> m_deviceDialog;
    bool m_reloading = false;
};

} // namespace iw
