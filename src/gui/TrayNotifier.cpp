#include "gui/TrayNotifier.h"

#include <QSystemTrayIcon>

namespace iw {

TrayNotifier::TrayNotifier(const QIcon &icon, QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(tr("IngestWatch"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_tray->show();
}

TrayNotifier::~TrayNotifier() = default;

QString TrayNotifier::title(int count)
{
    return tr("%n new ingestion failure(s)", nullptr, count);
}

QString TrayNotifier::message(int count, const QString &topErrorCode)
{
    const QString code = topErrorCode.isEmpty() ? tr("(no ErrorCode)") : topErrorCode;
    return count == 1 ? tr("ErrorCode %1. Click to open the Notifications pane.").arg(code)
                      : tr("Most frequent ErrorCode: %1. Click to open the Notifications pane.").arg(code);
}

void TrayNotifier::notifyFailures(int count, const QString &topErrorCode)
{
    if (count <= 0)
        return;
    m_last = title(count) + QLatin1Char('\n') + message(count, topErrorCode);
    if (m_tray)
        m_tray->showMessage(title(count), message(count, topErrorCode), QSystemTrayIcon::Warning, 10000);
}

} // namespace iw
