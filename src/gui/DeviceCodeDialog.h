#pragma once

#include <QDateTime>
#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace iw {

// The device code sign-in, for the operator: the code and the page to enter it on, each with a Copy
// button, "Open browser", the time left, and Cancel. The token provider polls the authority; this dialog
// only shows and cancels. It closes itself when the sign-in succeeds; on failure or expiry it stays open
// with the reason until closed.
class DeviceCodeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeviceCodeDialog(QWidget *parent = nullptr);
    ~DeviceCodeDialog() override;

    // What to show (DeviceCodeTokenProvider::deviceCodeReady).
    void showCode(const QString &userCode, const QUrl &verificationUri, const QString &message,
                  qint64 expiresInSeconds);
    // The sign-in ended (signInFinished): closes on success, shows the reason otherwise.
    void finish(bool ok, const QString &message);
    // Called on Cancel (and when the dialog is closed while still waiting): stops the polling.
    void setCancelHandler(std::function<void()> cancel) { m_cancel = std::move(cancel); }

    QString userCode() const { return m_code; }
    QUrl verificationUri() const { return m_uri; }
    QString statusText() const;
    bool isWaiting() const { return m_waiting; }
    QPushButton *copyCodeButton() const { return m_copyCode; }
    QPushButton *copyUrlButton() const { return m_copyUrl; }
    QPushButton *cancelButton() const { return m_cancelButton; }

protected:
    void reject() override;

private:
    void tick();

    QString m_code;
    QUrl m_uri;
    QDateTime m_expiresAt;
    bool m_waiting = false;
    std::function<void()> m_cancel;
    QLabel *m_message = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copyCode = nullptr;
    QPushButton *m_copyUrl = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_ticker = nullptr;
};

} // namespace iw
