#include "gui/ConnectionsController.h"

#include "gui/ConnectionDialog.h"
#include "gui/DeviceCodeDialog.h"
#include "monitor/OperationBackend.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"
#include "monitor/Session.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QMenu>
#include <QMessageBox>
#include <QMetaMethod>
#include <QToolBar>

namespace iw {

ConnectionsController::ConnectionsController(QWidget *window, QMenu *menu, QToolBar *toolBar)
    : QObject(window), m_window(window)
{
    m_action = new QAction(tr("&Connections…"), this);
    m_action->setObjectName(QStringLiteral("actionConnections"));
    m_action->setToolTip(tr("Profiles, sign-in and storage; test each endpoint"));
    connect(m_action, &QAction::triggered, this, &ConnectionsController::showConnections);
    if (menu) {
        const QList<QAction *> actions = menu->actions();
        menu->insertAction(actions.isEmpty() ? nullptr : actions.first(), m_action);
        menu->insertSeparator(actions.isEmpty() ? nullptr : actions.first());
    }
    if (toolBar) {
        toolBar->addSeparator();
        m_switcher = new QComboBox(toolBar);
        m_switcher->setObjectName(QStringLiteral("profileSwitcher"));
        m_switcher->setToolTip(tr("Connection profile"));
        m_switcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        toolBar->addWidget(m_switcher);
        toolBar->addAction(m_action);
        connect(m_switcher, &QComboBox::textActivated, this, [this](const QString &name) {
            if (!m_reloading)
                activate(name);
        });
    }
}

ConnectionsController::~ConnectionsController() = default;

void ConnectionsController::setStores(ProfileStore *profiles, SecretStore *secrets)
{
    m_profiles = profiles;
    m_secrets = secrets;
    if (m_profiles)
        connect(m_profiles, &ProfileStore::profilesChanged, this, &ConnectionsController::reloadSwitcher,
                Qt::UniqueConnection);
    reloadSwitcher();
}

ProfileStore *ConnectionsController::profiles()
{
    if (!m_profiles) {
        m_profiles = new ProfileStore({}, this);
        connect(m_profiles, &ProfileStore::profilesChanged, this, &ConnectionsController::reloadSwitcher);
    }
    return m_profiles;
}

SecretStore *ConnectionsController::secrets()
{
    if (!m_secrets)
        m_secrets = new FallbackSecretStore(new KeychainSecretStore(QStringLiteral("IngestWatch")), this);
    return m_secrets;
}

void ConnectionsController::reloadSwitcher()
{
    if (!m_switcher)
        return;
    m_reloading = true;
    m_switcher->clear();
    const QList<ConnectionProfile> all = profiles()->profiles();
    for (const ConnectionProfile &p : all)
        m_switcher->addItem(p.name);
    const QString current = m_session ? m_session->profile().name : profiles()->activeProfileName();
    const int i = m_switcher->findText(current);
    if (i < 0 && !current.isEmpty())
        m_switcher->addItem(current); // e.g. the local backend given on the command line
    m_switcher->setCurrentIndex(std::max(0, m_switcher->findText(current)));
    m_reloading = false;
}

void ConnectionsController::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    reloadSwitcher();
    if (!session)
        return;
    connect(session, &Session::deviceCodeReady, this,
            [this](const QString &code, const QUrl &uri, const QString &message, qint64 expiresIn) {
                if (!m_deviceDialog) {
                    m_deviceDialog = new DeviceCodeDialog(m_window);
                    m_deviceDialog->setAttribute(Qt::WA_DeleteOnClose);
                    const QPointer<Session> s = m_session;
                    m_deviceDialog->setCancelHandler([s] {
                        if (s)
                            s->cancelSignIn();
                    });
                }
                m_deviceDialog->showCode(code, uri, message, expiresIn);
                m_deviceDialog->show();
                m_deviceDialog->raise();
            });
    connect(session, &Session::signInFinished, this, [this](bool ok, const QString &message) {
        if (m_deviceDialog)
            m_deviceDialog->finish(ok, message);
    });
    connect(session, &Session::browserSignInStarted, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
}

void ConnectionsController::showConnections()
{
    auto *dialog = new ConnectionDialog(profiles(), secrets(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session)
        dialog->selectProfile(m_session->profile().name);
    connect(dialog, &ConnectionDialog::profileChosen, this, &ConnectionsController::activate);
    connect(dialog, &ConnectionDialog::saved, this, &ConnectionsController::reloadSwitcher);
    dialog->open();
}

void ConnectionsController::activate(const QString &name)
{
    profiles()->setActiveProfileName(name);
    reloadSwitcher();
    if (m_session && m_session->profile().name == name)
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&ConnectionsController::profileActivated))) {
        Q_EMIT profileActivated(name);
        return;
    }
    QMessageBox::information(m_window, tr("Connections"),
                             tr("%1 is now the active profile: it is used from the next start.").arg(name));
}

} // namespace iw
