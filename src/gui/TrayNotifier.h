#pragma once

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace iw {

// A system-tray notification when new ingestion failures arrive: the count and the top ErrorCode.
// Clicking the message (or the icon) emits activated(), which opens the Notifications pane. Does nothing
// when the desktop has no system tray (QSystemTrayIcon::isSystemTrayAvailable()).
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(const QIcon &icon, QObject *parent = nullptr);
    ~TrayNotifier() override;

    bool isAvailable() const { return m_tray != nullptr; }
    // The text shown for `count` new failures whose most frequent ErrorCode is `topErrorCode`.
    static QString title(int count);
    static QString message(int count, const QString &topErrorCode);
    QString lastMessage() const { return m_last; }

    void notifyFailures(int count, const QString &topErrorCode);

Q_SIGNALS:
    void activated();

private:
    QSystemTrayIcon *m_tray = nullptr;
    QString m_last;
};

} // namespace iw
