// Connections… offscreen, against the real local backend (ingestwatch-sim on Azurite): the operator adds a
// profile, types the endpoint (the ingest endpoint is shown as it is typed), picks the service principal
// sign-in, types a secret, clicks Test and sees one OK row per endpoint; the secret went to the
// SecretStore, the form no longer shows it and the settings file does not hold it.
#include "SimulatorProcess.h"
#include "gui/ConnectionDialog.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace iw;

namespace {

Result<QString> readSecret(SecretStore &s, const QString &k)
{
    std::optional<Result<QString>> out;
    s.read(k, [&](Result<QString> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(Result<QString>(Error::make(Error::Kind::Timeout, QStringLiteral("no answer"))));
}

QString secretOr(SecretStore &s, const QString &k)
{
    const Result<QString> r = readSecret(s, k);
    return r.ok() ? r.value() : QStringLiteral("<none>");
}

QString rows(const QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *it = tree->topLevelItem(i);
        out << it->text(0) + QStringLiteral(" | ") + it->text(1) + QStringLiteral(" | ") + it->text(2);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

// The form's widgets by their names in ui/ConnectionDialog.ui, as an operator finds them by label.
struct Form
{
    explicit Form(QWidget *d) : dialog(d) { }
    template<typename T>
    T *w(const char *name) const
    {
        T *found = dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no widget %s", name);
        return found;
    }
    QLineEdit *edit(const char *name) const { return w<QLineEdit>(name); }
    QWidget *dialog;
};

class TestConnectionDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("ingestwatch.conf")),
                                           QSettings::IniFormat);
    }

private Q_SLOTS:
    void ingestEndpointShownWhileTyping()
    {
        ProfileStore profiles(settings());
        MemorySecretStore secrets;
        ConnectionDialog dialog(&profiles, &secrets);
        dialog.show();
        const Form ui(&dialog);
        ui.edit("endpointEdit")->clear();
        QTest::keyClicks(ui.edit("endpointEdit"),
                         QStringLiteral("https://mycluster.westeurope.kusto.windows.net"));
        QCOMPARE(ui.w<QLabel>("ingestEndpointLabel")->text(),
                 QStringLiteral("Ingest endpoint: https://ingest-mycluster.westeurope.kusto.windows.net"));
        ui.edit("endpointEdit")->setText(QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(ui.w<QLabel>("ingestEndpointLabel")->text(),
                 QStringLiteral("Ingest endpoint: http://127.0.0.1:8080"));
        // Fields follow the method: no secret field for the Azure CLI.
        ui.w<QComboBox>("signInCombo")
            ->setCurrentIndex(ui.w<QComboBox>("signInCombo")->findData(int(SignInMethod::AzureCli)));
        QVERIFY(ui.edit("secretEdit")->isHidden());
        ui.w<QComboBox>("signInCombo")
            ->setCurrentIndex(ui.w<QComboBox>("signInCombo")->findData(int(SignInMethod::ServicePrincipal)));
        QVERIFY(!ui.edit("secretEdit")->isHidden());
        // Bad input: a clear message, nothing saved.
        ui.edit("nameEdit")->setText(QStringLiteral("plain http"));
        ui.edit("endpointEdit")->setText(QStringLiteral("http://cluster.example.com"));
        QVERIFY(!dialog.save().ok());
        QVERIFY2(dialog.noticeText().contains(QStringLiteral("Plain http")), qPrintable(dialog.noticeText()));
        QVERIFY(!profiles.profile(QStringLiteral("plain http")));
    }

    void testAgainstLocalBackendShowsOkRows()
    {
        iw::test::SimulatorProcess sim;
        QVERIFY2(sim.start({}, iw::test::SimulatorProcess::Storage::Azurite), qPrintable(sim.errorString()));
        ProfileStore profiles(settings());
        MemorySecretStore secrets;
        ConnectionDialog dialog(&profiles, &secrets);
        dialog.show();
        const Form ui(&dialog);

        QTest::mouseClick(ui.w<QPushButton>("addButton"), Qt::LeftButton);
        ui.edit("nameEdit")->setText(QStringLiteral("my local"));
        ui.edit("endpointEdit")->setText(sim.url().toString());
        ui.edit("databaseEdit")->setText(QStringLiteral("DemoDb"));
        ui.w<QComboBox>("signInCombo")
            ->setCurrentIndex(ui.w<QComboBox>("signInCombo")->findData(int(SignInMethod::ServicePrincipal)));
        ui.edit("tenantEdit")->setText(QStringLiteral("local"));
        ui.edit("clientIdEdit")->setText(QStringLiteral("ingestwatch-local"));
        const QString secret = QStringLiteral("typed-Secret-4711~value");
        QTest::keyClicks(ui.edit("secretEdit"), secret);
        ui.edit("authorityEdit")->setText(sim.url().toString());
        ui.w<QRadioButton>("discoveredRadio")->setChecked(true);

        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(ui.w<QPushButton>("testButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const QTreeWidget *tree = dialog.resultsTree();
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(rows(tree)));
        QVERIFY2(tree->topLevelItemCount() >= 4, qPrintable(rows(tree))); // management, table, 2+ queues
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *it = tree->topLevelItem(i);
            QCOMPARE(it->data(0, Qt::UserRole).toInt(), int(EndpointCheck::State::Ok));
            QVERIFY2(it->text(1).startsWith(QStringLiteral("OK")), qPrintable(rows(tree)));
            QVERIFY(!it->icon(0).isNull());
        }
        QVERIFY(rows(tree).contains(QStringLiteral("Status table")));

        // Saved: the profile in the settings, the secret in the SecretStore only.
        const auto saved = profiles.profile(QStringLiteral("my local"));
        QVERIFY(saved);
        QCOMPARE(int(saved->signIn), int(SignInMethod::ServicePrincipal));
        QCOMPARE(saved->ingestEndpoint(), sim.url());
        QCOMPARE(secretOr(secrets, saved->secretKey(ConnectionProfile::kClientSecret)), secret);
        QVERIFY(ui.edit("secretEdit")->text().isEmpty());
        QTRY_COMPARE(ui.edit("secretEdit")->placeholderText(),
                     QStringLiteral("stored in the keychain (type to replace)"));
        profiles.sync();
        QFile f(m_dir.filePath(QStringLiteral("ingestwatch.conf")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("clientId=ingestwatch-local"));
        QVERIFY(!text.contains(secret.toUtf8()));

        // "Use profile" hands the name to the window.
        QSignalSpy chosen(&dialog, &ConnectionDialog::profileChosen);
        QPushButton *use = nullptr;
        for (QAbstractButton *b : ui.w<QDialogButtonBox>("buttonBox")->buttons())
            if (b->text().contains(QStringLiteral("Use")))
                use = qobject_cast<QPushButton *>(b);
        QVERIFY(use);
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("my local"));
        sim.stop();
    }

    // The preset for the local backend, and a dead endpoint: the Test rows say why.
    void deadEndpointShowsReason()
    {
        ProfileStore profiles(settings());
        MemorySecretStore secrets;
        ConnectionDialog dialog(&profiles, &secrets);
        dialog.show();
        const quint16 port = iw::test::AzuriteProcess::freePort();
        dialog.addLocalEmulatorProfile(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QCOMPARE(dialog.selectedProfileName(), ProfileStore::localProfileName());
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.test();
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.at(0).at(0).toBool());
        const QTreeWidget *tree = dialog.resultsTree();
        QVERIFY(tree->topLevelItemCount() >= 1);
        QCOMPARE(tree->topLevelItem(0)->data(0, Qt::UserRole).toInt(), int(EndpointCheck::State::Failed));
        QVERIFY2(tree->topLevelItem(0)->text(1).startsWith(QStringLiteral("Unreachable")),
                 qPrintable(rows(tree)));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "TestConnectionDialog.moc"
