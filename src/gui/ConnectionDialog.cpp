#include "gui/ConnectionDialog.h"

#include "gui/DeviceCodeDialog.h"
#include "monitor/OperationBackend.h"
#include "monitor/ProfileStore.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"
#include "monitor/Session.h"

#include "ui_ConnectionDialog.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>

namespace iw {

namespace {

QStringList lines(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char('\n'));
    for (const QString &l : parts) {
        const QString t = l.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QStringList commaList(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &l : parts) {
        const QString t = l.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QStringList bareUrls(const QStringList &urls)
{
    QStringList out;
    for (const QString &u : urls)
        out << withoutSecrets(QUrl(u)).toString();
    return out;
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>()), m_profiles(profiles),
      m_secrets(secrets)
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(1, 3);
    const std::pair<SignInMethod, QString> methods[] = {
        { SignInMethod::AzureCli, tr("Azure CLI (az login)") },
        { SignInMethod::ServicePrincipal, tr("Service principal (client secret)") },
        { SignInMethod::DeviceCode, tr("Device code") },
        { SignInMethod::Browser, tr("Browser (interactive)") },
        { SignInMethod::None, tr("None") },
    };
    for (const auto &[m, label] : methods)
        m_ui->signInCombo->addItem(label, int(m));
    m_ui->manualKindCombo->addItem(tr("SAS URLs"), int(ManualStorageKind::SasUrls));
    m_ui->manualKindCombo->addItem(tr("Connection string"), int(ManualStorageKind::ConnectionString));
    m_ui->resultsTree->setColumnWidth(0, 230);
    m_ui->resultsTree->setColumnWidth(1, 360);

    auto *use = m_ui->buttonBox->addButton(tr("&Use profile"), QDialogButtonBox::AcceptRole);
    connect(use, &QPushButton::clicked, this, [this] {
        if (!save().ok())
            return;
        Q_EMIT profileChosen(selectedProfileName());
        accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->profileList, &QListWidget::currentTextChanged, this, [this] {
        if (!m_loading)
            loadSelected();
    });
    connect(m_ui->endpointEdit, &QLineEdit::textChanged, this, &ConnectionDialog::updateIngestLabel);
    connect(m_ui->signInCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateMethodFields);
    connect(m_ui->manualRadio, &QRadioButton::toggled, this, &ConnectionDialog::updateStorageFields);
    connect(m_ui->manualKindCombo, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::updateStorageFields);
    connect(m_ui->devStorageButton, &QPushButton::clicked, this, [this] {
        m_ui->connectionStringEdit->setText(QStringLiteral("UseDevelopmentStorage=true"));
        if (m_ui->tableNameEdit->text().isEmpty())
            m_ui->tableNameEdit->setText(QStringLiteral("ingestionsstatus"));
        if (m_ui->failedQueueNamesEdit->text().isEmpty())
            m_ui->failedQueueNamesEdit->setText(QStringLiteral("failedingestions"));
        if (m_ui->successQueueNamesEdit->text().isEmpty())
            m_ui->successQueueNamesEdit->setText(QStringLiteral("successfulingestions"));
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, &ConnectionDialog::duplicateProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_ui->localPresetButton, &QPushButton::clicked, this, [this] { addLocalEmulatorProfile(); });
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::test);

    if (auto *fallback = qobject_cast<FallbackSecretStore *>(m_secrets.data())) {
        connect(fallback, &FallbackSecretStore::keychainUnavailable, this,
                [this](const QString &why) { showNotice(why, true); });
    }
    if (m_secrets && !m_secrets->isPersistent())
        showNotice(tr("No system keychain: secrets typed here are kept in memory for this session only."),
                   true);
    else if (!m_secrets)
        showNotice(tr("No secret store: secrets cannot be saved."), true);

    reloadList(m_profiles->activeProfileName());
}

ConnectionDialog::~ConnectionDialog() = default;

QTreeWidget *ConnectionDialog::resultsTree() const
{
    return m_ui->resultsTree;
}

QString ConnectionDialog::noticeText() const
{
    return m_ui->noticeLabel->text();
}

void ConnectionDialog::showNotice(const QString &text, bool error)
{
    m_ui->noticeLabel->setText(text);
    m_ui->noticeLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void ConnectionDialog::reloadList(const QString &select)
{
    m_loading = true;
    m_ui->profileList->clear();
    const QList<ConnectionProfile> all = m_profiles->profiles();
    int row = 0;
    for (int i = 0; i < all.size(); ++i) {
        m_ui->profileList->addItem(all.at(i).name);
        if (all.at(i).name == select)
            row = i;
    }
    m_loading = false;
    if (m_ui->profileList->count() > 0)
        m_ui->profileList->setCurrentRow(row);
    loadSelected();
}

void ConnectionDialog::selectProfile(const QString &name)
{
    reloadList(name);
}

QString ConnectionDialog::selectedProfileName() const
{
    return m_loadedName;
}

void ConnectionDialog::loadSelected()
{
    const QListWidgetItem *item = m_ui->profileList->currentItem();
    if (!item)
        return;
    const auto p = m_profiles->profile(item->text());
    if (p)
        setFormProfile(*p);
}

void ConnectionDialog::setFormProfile(const ConnectionProfile &p)
{
    m_loadedName = p.name;
    m_ui->nameEdit->setText(p.name);
    m_ui->endpointEdit->setText(p.clusterUrl.toString());
    m_ui->databaseEdit->setText(p.defaultDatabase);
    m_ui->signInCombo->setCurrentIndex(std::max(0, m_ui->signInCombo->findData(int(p.signIn))));
    m_ui->tenantEdit->setText(p.tenantId);
    m_ui->clientIdEdit->setText(p.clientId);
    m_ui->authorityEdit->setText(p.authorityUrl.toString());
    m_ui->secretEdit->clear();
    m_ui->connectionStringEdit->clear();
    (p.storage == StorageSource::Manual ? m_ui->manualRadio : m_ui->discoveredRadio)->setChecked(true);
    m_ui->manualKindCombo->setCurrentIndex(std::max(0, m_ui->manualKindCombo->findData(int(p.manualKind))));
    m_ui->tableUrlEdit->setText(p.manualStatusTableUrl.toString());
    m_ui->failedQueuesEdit->setPlainText(p.manualQueueUrls.join(QLatin1Char('\n')));
    m_ui->successQueuesEdit->setPlainText(p.manualSuccessQueueUrls.join(QLatin1Char('\n')));
    m_ui->tableNameEdit->setText(p.manualTableName);
    m_ui->failedQueueNamesEdit->setText(p.manualFailedQueueNames.join(QStringLiteral(", ")));
    m_ui->successQueueNamesEdit->setText(p.manualSuccessQueueNames.join(QStringLiteral(", ")));
    m_ui->resultsTree->clear();
    updateIngestLabel();
    updateMethodFields();
    updateStorageFields();
    showSecretState(p);
}

// Says whether a secret is stored, never what it is.
void ConnectionDialog::showSecretState(const ConnectionProfile &p)
{
    m_ui->secretEdit->setPlaceholderText(tr("not stored"));
    m_ui->connectionStringEdit->setPlaceholderText(tr("not stored"));
    if (!m_secrets)
        return;
    const QPointer<ConnectionDialog> self(this);
    const QString name = p.name;
    const auto mark = [self, name](QLineEdit *edit) {
        return [self, name, edit](Result<QString> r) {
            if (!self || self->m_loadedName != name)
                return;
            edit->setPlaceholderText(r.ok() ? tr("stored in the keychain (type to replace)")
                                            : tr("not stored"));
        };
    };
    m_secrets->read(p.secretKey(ConnectionProfile::kClientSecret), mark(m_ui->secretEdit));
    m_secrets->read(p.secretKey(ConnectionProfile::kStorageConnectionString),
                    mark(m_ui->connectionStringEdit));
}

void ConnectionDialog::updateIngestLabel()
{
    const QUrl url = QUrl::fromUserInput(m_ui->endpointEdit->text().trimmed());
    if (m_ui->endpointEdit->text().trimmed().isEmpty() || !url.isValid() || url.host().isEmpty()) {
        m_ui->ingestEndpointLabel->setText(tr("Ingest endpoint: enter the cluster URL"));
        return;
    }
    m_ui->ingestEndpointLabel->setText(tr("Ingest endpoint: %1").arg(ingestEndpointFor(url).toString()));
}

void ConnectionDialog::updateMethodFields()
{
    const auto m = SignInMethod(m_ui->signInCombo->currentData().toInt());
    const bool tenant = m != SignInMethod::None;
    const bool client
        = m == SignInMethod::ServicePrincipal || m == SignInMethod::DeviceCode || m == SignInMethod::Browser;
    const bool secret = m == SignInMethod::ServicePrincipal;
    QFormLayout *f = m_ui->profileForm;
    f->setRowVisible(m_ui->tenantEdit, tenant);
    f->setRowVisible(m_ui->clientIdEdit, client);
    f->setRowVisible(m_ui->secretEdit, secret);
    f->setRowVisible(m_ui->authorityEdit, client);
    m_ui->clientIdEdit->setPlaceholderText(
        m == SignInMethod::ServicePrincipal
            ? tr("application (client) id")
            : tr("empty: Kusto's public client (%1)").arg(ProfileTokenProvider::kustoClientAppId()));
}

void ConnectionDialog::updateStorageFields()
{
    const bool manual = m_ui->manualRadio->isChecked();
    m_ui->manualKindCombo->setVisible(manual);
    m_ui->manualStack->setVisible(manual);
    m_ui->manualStack->setCurrentIndex(m_ui->manualKindCombo->currentIndex());
}

ConnectionProfile ConnectionDialog::formProfile() const
{
    ConnectionProfile p;
    p.name = m_ui->nameEdit->text().trimmed();
    p.clusterUrl = QUrl::fromUserInput(m_ui->endpointEdit->text().trimmed());
    p.defaultDatabase = m_ui->databaseEdit->text().trimmed();
    p.signIn = SignInMethod(m_ui->signInCombo->currentData().toInt());
    p.tenantId = m_ui->tenantEdit->text().trimmed();
    p.clientId = m_ui->clientIdEdit->text().trimmed();
    const QString authority = m_ui->authorityEdit->text().trimmed();
    p.authorityUrl = authority.isEmpty() ? QUrl() : QUrl::fromUserInput(authority);
    p.storage = m_ui->manualRadio->isChecked() ? StorageSource::Manual : StorageSource::Discovered;
    p.manualKind = ManualStorageKind(m_ui->manualKindCombo->currentData().toInt());
    const QString table = m_ui->tableUrlEdit->text().trimmed();
    p.manualStatusTableUrl = table.isEmpty() ? QUrl() : withoutSecrets(QUrl(table));
    p.manualQueueUrls = bareUrls(lines(m_ui->failedQueuesEdit->toPlainText()));
    p.manualSuccessQueueUrls = bareUrls(lines(m_ui->successQueuesEdit->toPlainText()));
    p.manualTableName = m_ui->tableNameEdit->text().trimmed();
    p.manualFailedQueueNames = commaList(m_ui->failedQueueNamesEdit->text());
    p.manualSuccessQueueNames = commaList(m_ui->successQueueNamesEdit->text());
    return p;
}

Status ConnectionDialog::save(std::function<void(Status)> done)
{
    const ConnectionProfile p = formProfile();
    auto fail = [&](const QString &why) -> Status {
        showNotice(why, true);
        Error e = Error::make(Error::Kind::Usage, why);
        if (done)
            done(e);
        return e;
    };
    if (p.name.isEmpty())
        return fail(tr("The profile needs a name."));
    if (!p.clusterUrl.isValid() || p.clusterUrl.host().isEmpty()
        || (p.clusterUrl.scheme() != QLatin1String("https")
            && p.clusterUrl.scheme() != QLatin1String("http")))
        return fail(tr("The cluster URL is not valid: use https://<cluster>.<region>.kusto.windows.net."));
    if (p.clusterUrl.scheme() == QLatin1String("http") && !isLoopbackHost(p.clusterUrl.host()))
        return fail(tr("Plain http is only allowed to this computer (127.0.0.1, localhost): use https."));
    if (p.signIn == SignInMethod::ServicePrincipal && (p.tenantId.isEmpty() || p.clientId.isEmpty()))
        return fail(tr("A service principal needs a tenant and a client id."));
    if (p.name != m_loadedName && m_profiles->profile(p.name))
        return fail(tr("A profile named %1 exists already.").arg(p.name));

    // The secrets typed in the form, by key (an empty field keeps what is stored).
    QList<QPair<QString, QString>> writes;
    if (!m_ui->secretEdit->text().isEmpty())
        writes.append({ p.secretKey(ConnectionProfile::kClientSecret), m_ui->secretEdit->text() });
    if (!m_ui->connectionStringEdit->text().trimmed().isEmpty())
        writes.append({ p.secretKey(ConnectionProfile::kStorageConnectionString),
                        m_ui->connectionStringEdit->text().trimmed() });
    QStringList sasUrls
        = lines(m_ui->failedQueuesEdit->toPlainText()) + lines(m_ui->successQueuesEdit->toPlainText());
    if (!m_ui->tableUrlEdit->text().trimmed().isEmpty())
        sasUrls << m_ui->tableUrlEdit->text().trimmed();
    for (const QString &u : sasUrls) {
        const QUrl url(u);
        if (url.hasQuery())
            writes.append({ p.secretKey(ConnectionProfile::sasKey(url)), url.query(QUrl::FullyEncoded) });
    }
    if (!writes.isEmpty() && !m_secrets)
        return fail(tr("No secret store: the secrets cannot be saved."));

    const QString oldName = m_loadedName;
    const bool renamed = !oldName.isEmpty() && oldName != p.name && m_profiles->profile(oldName).has_value();
    if (renamed) {
        ConnectionProfile old = *m_profiles->profile(oldName);
        copySecrets(old, p, true);
        m_profiles->remove(oldName);
    }
    m_profiles->save(p);
    m_profiles->sync();
    m_loadedName = p.name;

    // The form never keeps a secret once saved, and the URL fields show the URLs without their SAS.
    m_ui->secretEdit->clear();
    m_ui->connectionStringEdit->clear();
    m_ui->tableUrlEdit->setText(p.manualStatusTableUrl.toString());
    m_ui->failedQueuesEdit->setPlainText(p.manualQueueUrls.join(QLatin1Char('\n')));
    m_ui->successQueuesEdit->setPlainText(p.manualSuccessQueueUrls.join(QLatin1Char('\n')));
    m_loading = true;
    reloadList(p.name);
    m_loading = false;

    struct Pending
    {
        int left = 0;
        std::optional<Error> error;
        std::function<void(Status)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(writes.size()) + 1;
    pending->done = std::move(done);
    const QPointer<ConnectionDialog> self(this);
    auto finish = [self, pending, p] {
        if (--pending->left > 0)
            return;
        if (self) {
            if (pending->error)
                self->showNotice(tr("The profile is saved, but a secret could not be stored: %1")
                                     .arg(pending->error->message),
                                 true);
            else if (self->m_secrets && self->m_secrets->isPersistent())
                self->showNotice(tr("Saved. Secrets are in the system keychain."));
            self->showSecretState(p);
            Q_EMIT self->saved(p.name);
        }
        if (pending->done)
            pending->done(pending->error ? Status(*pending->error) : Status(Unit {}));
    };
    for (const auto &[key, value] : writes) {
        m_secrets->write(key, value, [pending, finish](Status s) {
            if (!s.ok() && !pending->error)
                pending->error = s.error();
            finish();
        });
    }
    finish();
    return Unit {};
}

void ConnectionDialog::copySecrets(const ConnectionProfile &from, const ConnectionProfile &to,
                                   bool removeFrom)
{
    if (!m_secrets)
        return;
    const QPointer<SecretStore> secrets = m_secrets;
    const QStringList names = from.secretNames();
    for (const QString &name : names) {
        const QString src = from.secretKey(name);
        const QString dst = to.secretKey(name);
        secrets->read(src, [secrets, src, dst, removeFrom](Result<QString> r) {
            if (!r || !secrets)
                return;
            secrets->write(dst, r.value(), [secrets, src, removeFrom](Status s) {
                if (s.ok() && removeFrom && secrets)
                    secrets->remove(src, [](Status) {});
            });
        });
    }
}

void ConnectionDialog::addProfile()
{
    ConnectionProfile p;
    QString name = tr("New profile");
    for (int i = 2; m_profiles->profile(name); ++i)
        name = tr("New profile %1").arg(i);
    p.name = name;
    setFormProfile(p);
    m_loadedName.clear();
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void ConnectionDialog::duplicateProfile()
{
    const auto source = m_profiles->profile(m_loadedName);
    ConnectionProfile p = formProfile();
    QString name = tr("%1 (copy)").arg(p.name);
    for (int i = 2; m_profiles->profile(name); ++i)
        name = tr("%1 (copy %2)").arg(p.name).arg(i);
    p.name = name;
    m_profiles->save(p);
    if (source)
        copySecrets(*source, p, false);
    reloadList(p.name);
}

void ConnectionDialog::removeProfile()
{
    const auto p = m_profiles->profile(m_loadedName);
    if (!p)
        return;
    if (QMessageBox::question(this, tr("Remove profile"),
                              tr("Remove the profile %1 and its secrets from the keychain?").arg(p->name))
        != QMessageBox::Yes)
        return;
    if (m_secrets) {
        const QStringList names = p->secretNames();
        for (const QString &n : names)
            m_secrets->remove(p->secretKey(n), [](Status) {});
    }
    m_profiles->remove(p->name);
    reloadList(QString());
}

void ConnectionDialog::addLocalEmulatorProfile(const QUrl &ingestUrl)
{
    QUrl url = ingestUrl;
    if (url.isEmpty()) {
        const QString file = qEnvironmentVariable("IW_LOCAL_BACKEND");
        if (!file.isEmpty()) {
            auto local = Session::localBackend(file);
            if (local)
                url = local->first.clusterUrl;
        }
    }
    ConnectionProfile p = url.isEmpty() ? ProfileStore::localProfile() : ProfileStore::localProfile(url);
    m_profiles->save(p);
    reloadList(p.name);
}

void ConnectionDialog::test()
{
    const QPointer<ConnectionDialog> self(this);
    m_ui->testButton->setEnabled(false);
    const Status s = save([self](Status) {
        if (!self)
            return;
        const auto p = self->m_profiles->profile(self->m_loadedName);
        if (p)
            self->runTester(*p);
        else
            self->m_ui->testButton->setEnabled(true);
    });
    if (!s.ok())
        m_ui->testButton->setEnabled(true);
}

void ConnectionDialog::runTester(const ConnectionProfile &p)
{
    if (m_tester)
        m_tester->deleteLater();
    m_ui->resultsTree->clear();
    m_tester = new ConnectionTester(p, m_secrets, this);
    if (!m_azProgram.isEmpty())
        m_tester->setAzureCliProgram(m_azProgram);
    connect(m_tester, &ConnectionTester::checkAdded, this, &ConnectionDialog::setRow);
    connect(m_tester, &ConnectionTester::checkUpdated, this, &ConnectionDialog::setRow);
    ProfileTokenProvider *tokens = m_tester->tokenProvider();
    connect(tokens, &ProfileTokenProvider::deviceCodeReady, this,
            [this, tokens](const QString &code, const QUrl &uri, const QString &message, qint64 expiresIn) {
                if (!m_deviceDialog) {
                    m_deviceDialog = new DeviceCodeDialog(this);
                    m_deviceDialog->setAttribute(Qt::WA_DeleteOnClose);
                    const QPointer<ProfileTokenProvider> t(tokens);
                    m_deviceDialog->setCancelHandler([t] {
                        if (t)
                            t->cancelSignIn();
                    });
                    connect(tokens, &ProfileTokenProvider::signInFinished, m_deviceDialog.data(),
                            &DeviceCodeDialog::finish);
                }
                m_deviceDialog->showCode(code, uri, message, expiresIn);
                m_deviceDialog->show();
            });
    connect(tokens, &ProfileTokenProvider::browserSignInStarted, this, [this](const QUrl &url) {
        showNotice(tr("Sign in in the browser window that opened (%1)…").arg(url.host()));
        QDesktopServices::openUrl(url);
    });
    connect(m_tester, &ConnectionTester::finished, this, [this](bool allOk) {
        m_ui->testButton->setEnabled(true);
        showNotice(allOk ? tr("Every endpoint answered.")
                         : tr("Some endpoints did not answer: see the reasons above."),
                   !allOk);
        Q_EMIT testFinished(allOk);
    });
    showNotice(tr("Testing…"));
    m_tester->start();
}

void ConnectionDialog::setRow(int index, const EndpointCheck &check)
{
    QTreeWidget *tree = m_ui->resultsTree;
    while (tree->topLevelItemCount() <= index)
        tree->addTopLevelItem(new QTreeWidgetItem);
    QTreeWidgetItem *item = tree->topLevelItem(index);
    item->setText(0, check.name);
    item->setText(1,
                  check.state == EndpointCheck::State::Pending ? ConnectionTester::toString(check.state)
                                                               : check.detail);
    item->setText(2, check.target);
    item->setToolTip(1, check.detail);
    item->setData(0, Qt::UserRole, int(check.state));
    QIcon icon;
    switch (check.state) {
    case EndpointCheck::State::Ok:
        icon = style()->standardIcon(QStyle::SP_DialogApplyButton);
        break;
    case EndpointCheck::State::Failed:
        icon = QIcon(QStringLiteral(":/icons/failed.svg"));
        break;
    case EndpointCheck::State::Pending:
        icon = style()->standardIcon(QStyle::SP_BrowserReload);
        break;
    case EndpointCheck::State::Skipped:
        icon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
        break;
    }
    item->setIcon(0, icon);
}

} // namespace iw
