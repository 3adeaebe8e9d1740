// The device code dialog against the real ingestwatch-sim authority: the code and page are shown with
// working Copy buttons; Cancel stops the polling (no more token requests) and the waiting caller is told;
// the sign-in finishing closes it; an expired code says so.
#include "SimulatorProcess.h"
#include "azure/HttpPipeline.h"
#include "gui/DeviceCodeDialog.h"
#include "monitor/ProfileTokenProvider.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace iw;

class TestDeviceCodeDialog : public QObject
{
    Q_OBJECT

    static ConnectionProfile profile(const QUrl &sim)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("device");
        p.clusterUrl = sim;
        p.signIn = SignInMethod::DeviceCode;
        p.tenantId = QStringLiteral("t");
        p.authorityUrl = sim;
        return p;
    }

    // Wires a dialog to a provider as ConnectionDialog does.
    static void attach(DeviceCodeDialog &dialog, ProfileTokenProvider &tokens)
    {
        QObject::connect(&tokens, &ProfileTokenProvider::deviceCodeReady, &dialog,
                         &DeviceCodeDialog::showCode);
        QObject::connect(&tokens, &ProfileTokenProvider::signInFinished, &dialog, &DeviceCodeDialog::finish);
        dialog.setCancelHandler([&tokens] { tokens.cancelSignIn(); });
    }

private Q_SLOTS:
    void cancelStopsPolling()
    {
        iw::test::SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        HttpPipeline pipeline;
        int tokenPosts = 0;
        connect(&pipeline, &HttpPipeline::requestSent, this,
                [&tokenPosts](const QByteArray &, const QUrl &url, int) {
                    if (url.path().endsWith(QLatin1String("/token")))
                        ++tokenPosts;
                });
        ProfileTokenProvider tokens(profile(sim.url()), &pipeline, nullptr);
        DeviceCodeDialog dialog;
        attach(dialog, tokens);
        std::optional<Result<QString>> got;
        // Cancel as soon as the code shows, before the first poll (the simulator approves after one).
        connect(
            &tokens, &ProfileTokenProvider::deviceCodeReady, &dialog,
            [&dialog] {
                dialog.show();
                QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
            },
            Qt::QueuedConnection);
        tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 15000));
        QVERIFY(!got->ok());
        QCOMPARE(got->error().message, QStringLiteral("The sign-in was cancelled."));
        QVERIFY(!dialog.isVisible());
        QVERIFY(!dialog.userCode().isEmpty());
        const int polls = tokenPosts;
        QTest::qWait(2500);
        QCOMPARE(tokenPosts, polls);
    }

    void codeShownCopiedAndClosedOnSuccess()
    {
        iw::test::SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        HttpPipeline pipeline;
        ProfileTokenProvider tokens(profile(sim.url()), &pipeline, nullptr);
        DeviceCodeDialog dialog;
        attach(dialog, tokens);
        connect(&tokens, &ProfileTokenProvider::deviceCodeReady, &dialog, [&dialog] { dialog.show(); });
        QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
        std::optional<Result<QString>> got;
        tokens.token(this, [&got](Result<QString> r) { got.emplace(std::move(r)); });
        QVERIFY(ready.wait(10000));
        QCOMPARE(dialog.userCode(), ready.at(0).at(0).toString());
        QCOMPARE(dialog.verificationUri().path(), QStringLiteral("/devicelogin"));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("expires in")), qPrintable(dialog.statusText()));
        QTest::mouseClick(dialog.copyCodeButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.userCode());
        QTest::mouseClick(dialog.copyUrlButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.verificationUri().toString());
        QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 15000));
        QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().toString()));
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void expiredCodeSaysSo()
    {
        DeviceCodeDialog dialog;
        bool cancelled = false;
        dialog.setCancelHandler([&cancelled] { cancelled = true; });
        dialog.showCode(QStringLiteral("ABCDEFGHJ"),
                        QUrl(QStringLiteral("https://microsoft.com/devicelogin")), QString(), 0);
        dialog.show();
        QVERIFY2(dialog.statusText().contains(QStringLiteral("expired")), qPrintable(dialog.statusText()));
        dialog.finish(false, QStringLiteral("AADSTS70019: Verification code expired."));
        QVERIFY(dialog.isVisible()); // stays open with the reason
        QCOMPARE(dialog.statusText(), QStringLiteral("AADSTS70019: Verification code expired."));
        QCOMPARE(dialog.cancelButton()->text(), QStringLiteral("Close"));
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(!cancelled); // nothing left to cancel
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestDeviceCodeDialog)
#include "TestDeviceCodeDialog.moc"
