#pragma once

#include "core/ConnectionProfile.h"
#include "core/Result.h"
#include "monitor/ConnectionTester.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QTreeWidget;

namespace Ui {
class ConnectionDialog;
}

namespace iw {

class DeviceCodeDialog;
class ProfileStore;
class SecretStore;

// Connections… (ui/ConnectionDialog.ui): the profiles on the left (add, duplicate, remove, a "Local
// emulator" preset), the selected one's form on the right: name, cluster or ingest URL with the ingest
// endpoint it turns into shown live under it, default database, sign-in method with the fields that method
// needs, storage discovered or set by hand (SAS URLs, or a connection string such as
// UseDevelopmentStorage=true). Secrets typed here go to the SecretStore, never to the settings file, and a
// stored secret is never shown back (the field says one is stored; typing replaces it).
// Test saves the profile, then runs a ConnectionTester (asynchronously) and lists every endpoint with an
// icon and the reason when it fails. "Use profile" makes it the active one (profileChosen).
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void selectProfile(const QString &name);
    QString selectedProfileName() const;
    // The form's profile (without secrets).
    ConnectionProfile formProfile() const;
    void setFormProfile(const ConnectionProfile &p);

    // Validates and saves the form: profile to the ProfileStore, typed secrets to the SecretStore.
    // `done` runs once the secrets are written (with the first error, if any).
    Status save(std::function<void(Status)> done = {});
    void test(); // save, then check every endpoint
    void addLocalEmulatorProfile(const QUrl &ingestUrl = {});

    ConnectionTester *tester() const { return m_tester; }
    QTreeWidget *resultsTree() const;
    QString noticeText() const;
    // For the Azure CLI sign-in while testing (tests point it at a script).
    void setAzureCliProgram(const QString &program) { m_azProgram = program; }

Q_SIGNALS:
    void profileChosen(const QString &name);
    void testFinished(bool allOk);
    void saved(const QString &name);

private:
    void reloadList(const QString &select);
    void loadSelected();
    void updateMethodFields();
    void updateIngestLabel();
    void updateStorageFields();
    void showNotice(const QString &text, bool error = false);
    void showSecretState(const ConnectionProfile &p);
    void addProfile();
    void duplicateProfile();
    void removeProfile();
    void copySecrets(const ConnectionProfile &from, const ConnectionProfile &to, bool removeFrom);
    void runTester(const ConnectionProfile &p);
    void setRow(int index, const EndpointCheck &check);

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    ProfileStore *m_profiles;
    QPointer<SecretStore> m_secrets;
    QString m_loadedName; // the profile the form was loaded from ("" for a new one)
    QPointer<ConnectionTester> m_tester;
    QPointer<DeviceCodeDialog> m_deviceDialog;
    QString m_azProgram;
    bool m_loading = false;
};

} // namespace iw
