#include "gui/DeviceCodeDialog.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace iw {

DeviceCodeDialog::DeviceCodeDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Sign in with a device code"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setText(tr("Open the page below in a browser (on any device), enter the code and sign in."));
    layout->addWidget(m_message);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Code:"), this), 0, 0);
    m_codeLabel = new QLabel(this);
    QFont big = m_codeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    big.setFamily(QStringLiteral("monospace"));
    m_codeLabel->setFont(big);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_codeLabel, 0, 1);
    m_copyCode = new QPushButton(tr("Copy &code"), this);
    grid->addWidget(m_copyCode, 0, 2);
    grid->addWidget(new QLabel(tr("Page:"), this), 1, 0);
    m_urlLabel = new QLabel(this);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_urlLabel, 1, 1);
    m_copyUrl = new QPushButton(tr("Copy &URL"), this);
    grid->addWidget(m_copyUrl, 1, 2);
    layout->addLayout(grid);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(tr("&Open browser"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    buttons->addWidget(m_open);
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    layout->addLayout(buttons);

    connect(m_copyCode, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_code); });
    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_uri.toString()); });
    connect(m_open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_uri); });
    connect(m_cancelButton, &QPushButton::clicked, this, &DeviceCodeDialog::reject);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &DeviceCodeDialog::tick);
}

DeviceCodeDialog::~DeviceCodeDialog() = default;

void DeviceCodeDialog::showCode(const QString &userCode, const QUrl &verificationUri, const QString &message,
                                qint64 expiresInSeconds)
{
    m_code = userCode;
    m_uri = verificationUri;
    m_waiting = true;
    m_codeLabel->setText(userCode);
    m_urlLabel->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(verificationUri.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                 verificationUri.toString().toHtmlEscaped()));
    m_urlLabel->setOpenExternalLinks(true);
    if (!message.isEmpty())
        m_message->setText(message);
    m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(std::max<qint64>(0, expiresInSeconds));
    m_cancelButton->setText(tr("Cancel"));
    m_copyCode->setEnabled(true);
    m_copyUrl->setEnabled(true);
    m_open->setEnabled(true);
    tick();
    m_ticker->start();
}

QString DeviceCodeDialog::statusText() const
{
    return m_status->text();
}

void DeviceCodeDialog::tick()
{
    if (!m_waiting)
        return;
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    if (left <= 0) {
        m_status->setText(tr("The code has expired. Waiting for the sign-in service to confirm…"));
        return;
    }
    m_status->setText(tr("Waiting for you to sign in… the code expires in %1:%2.")
                          .arg(left / 60)
                          .arg(left % 60, 2, 10, QLatin1Char('0')));
}

void DeviceCodeDialog::finish(bool ok, const QString &message)
{
    m_waiting = false;
    m_ticker->stop();
    if (ok) {
        m_status->setText(tr("Signed in."));
        accept();
        return;
    }
    m_status->setText(message.isEmpty() ? tr("The sign-in did not complete.") : message);
    m_copyCode->setEnabled(false);
    m_copyUrl->setEnabled(false);
    m_open->setEnabled(false);
    m_cancelButton->setText(tr("Close"));
}

void DeviceCodeDialog::reject()
{
    if (m_waiting) {
        m_waiting = false;
        m_ticker->stop();
        if (m_cancel)
            m_cancel();
    }
    QDialog::reject();
}

} // namespace iw
