#include "gui/MainWindow.h"

#include "gui/ChartsView.h"
#include "gui/ConnectionsController.h"
#include "gui/ExportDialog.h"
#include "gui/LanguageMenu.h"
#include "gui/NotificationsPane.h"
#include "gui/OperationsCsv.h"
#include "gui/OperationsPane.h"
#include "gui/PaletteColors.h"
#include "gui/StatusesPane.h"
#include "gui/SubmitIngestionDialog.h"
#include "gui/TrackOperationsDialog.h"
#include "gui/TrayNotifier.h"
#include "models/OperationModel.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationMonitor.h"
#include "monitor/Session.h"
#include "store/ArchiveRecords.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QTableView>
#include <QWindow>

namespace iw {

namespace {
const QString kIntervalKey = QStringLiteral("refresh/intervalSecs");
const QString kPaneKey = QStringLiteral("operations/paneState");
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    // Debug only (scripts/screenshots --dark, dark-mode checks on machines without a dark desktop theme):
    // IW_PALETTE=dark runs the app on a dark Fusion palette. Without it the app follows the system palette.
    if (qEnvironmentVariable("IW_PALETTE") == QLatin1String("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(PaletteColors::darkPalette());
    }
    m_ui->setupUi(this);
    // The installed theme icon (hicolor, from the package) when there is one, else the built-in SVG.
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.ingestwatch.IngestWatch"),
                                   QIcon(QStringLiteral(":/icons/ingestwatch.svg"))));
    m_ui->actionRefresh->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_ui->actionTrack->setIcon(QIcon(QStringLiteral(":/icons/track.svg")));
    m_ui->actionSubmit->setIcon(QIcon(QStringLiteral(":/icons/submit.svg")));
    m_ui->actionCancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_ui->mainToolBar->setObjectName(QStringLiteral("mainToolBar"));

    // The three secondary panes share the bottom area as tabs; the operator can move, float or split them.
    tabifyDockWidget(m_ui->statusesDock, m_ui->notificationsDock);
    tabifyDockWidget(m_ui->notificationsDock, m_ui->chartsDock);
    m_ui->chartsDock->raise();
    for (QDockWidget *dock : { m_ui->statusesDock, m_ui->notificationsDock, m_ui->chartsDock })
        m_ui->menuView->addAction(dock->toggleViewAction());
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_ui->mainToolBar->toggleViewAction());
    m_ui->menuView->addMenu(new LanguageMenu(this)); // System / English / Deutsch / Français
    resizeDocks({ m_ui->chartsDock }, { 330 }, Qt::Vertical);

    // Auto-refresh interval (the monitors enforce the floor; "Off" stops the timers, F5 still works).
    m_ui->mainToolBar->insertSeparator(m_ui->actionTrack);
    auto *intervalLabel = new QLabel(tr(" Auto-refresh: "), this);
    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("intervalCombo"));
    m_interval->setToolTip(tr("How often every pane is refreshed (at least every %1 s)")
                               .arg(OperationMonitor::kMinIntervalSecs));
    for (int s : intervalChoices()) {
        QString text;
        if (s == 0)
            text = tr("Off");
        else if (s < 60)
            text = tr("%1 s").arg(s);
        else
            text = tr("%1 min").arg(s / 60);
        m_interval->addItem(text, s);
    }
    m_ui->mainToolBar->insertWidget(m_ui->actionTrack, intervalLabel);
    m_ui->mainToolBar->insertWidget(m_ui->actionTrack, m_interval);
    m_ui->mainToolBar->insertSeparator(m_ui->actionTrack);
    setRefreshInterval(QSettings().value(kIntervalKey, OperationMonitor::kDefaultIntervalSecs).toInt());
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const int s = refreshInterval();
        QSettings().setValue(kIntervalKey, s);
        if (m_session)
            m_session->setInterval(s);
        Q_EMIT refreshIntervalChanged(s);
    });

    // Status bar: last refresh per source, request count, stalled operations, last error.
    m_sourcesLabel = new QLabel(tr("Not refreshed yet"), this);
    m_sourcesLabel->setObjectName(QStringLiteral("sourcesLabel"));
    m_requestsLabel = new QLabel(this);
    m_requestsLabel->setObjectName(QStringLiteral("requestsLabel"));
    m_stalledLabel = new QLabel(this);
    m_stalledLabel->setObjectName(QStringLiteral("stalledLabel"));
    m_stalledLabel->hide();
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(QStringLiteral("sessionNoticeLabel"));
    m_noticeLabel->hide();
    statusBar()->addWidget(m_sourcesLabel);
    statusBar()->addWidget(m_stalledLabel);
    statusBar()->addWidget(m_errorLabel, 1);
    statusBar()->addPermanentWidget(m_noticeLabel);
    statusBar()->addPermanentWidget(m_requestsLabel);
    setRequestCount(0);

    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_ui->actionTrack, &QAction::triggered, this, &MainWindow::trackOperations);
    connect(m_ui->actionSubmit, &QAction::triggered, this, &MainWindow::submitIngestion);
    connect(m_ui->actionCancel, &QAction::triggered, m_ui->operationsPane, &OperationsPane::cancelSelected);
    connect(m_ui->operationsPane, &OperationsPane::cancelAvailabilityChanged, m_ui->actionCancel,
            &QAction::setEnabled);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    auto *exportOperations = new QAction(tr("Export operations to CSV…"), this);
    exportOperations->setObjectName(QStringLiteral("actionExportOperations"));
    m_ui->menuOperations->addAction(exportOperations);
    connect(exportOperations, &QAction::triggered, this, [this] {
        QPointer<OperationModel> source = m_session ? m_session->operationModel() : nullptr;
        ExportDialog::run(
            m_ui->operationsPane->operationsView(),
            [source](const QList<int> &rows, bool redactSecrets) {
                // The service's field names as the header, whatever the UI language.
                return OperationsCsv::spec(source, rows, redactSecrets);
            },
            QStringLiteral("queued-operations.csv"), this);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    m_connections = new ConnectionsController(this, m_ui->menuFile, m_ui->mainToolBar);
    m_ui->actionTrack->setEnabled(false);
    m_ui->actionSubmit->setEnabled(false);

    restoreLayout();
}

MainWindow::~MainWindow() = default;

QList<int> MainWindow::intervalChoices()
{
    return { 0, 5, 10, 15, 30, 60, 120, 300 };
}

int MainWindow::refreshInterval() const
{
    return m_interval->currentData().toInt();
}

void MainWindow::setRefreshInterval(int seconds)
{
    const int clamped = OperationMonitor::clampInterval(seconds);
    int best = 0;
    const QList<int> choices = intervalChoices();
    for (int i = 0; i < choices.size(); ++i)
        if (std::abs(choices.at(i) - clamped) < std::abs(choices.at(best) - clamped))
            best = i;
    m_interval->setCurrentIndex(best);
}

OperationsPane *MainWindow::operationsPane() const
{
    return m_ui->operationsPane;
}

ChartsView *MainWindow::chartsView() const
{
    return m_ui->chartsView;
}

void MainWindow::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_connections->setSession(session);
    m_ui->actionTrack->setEnabled(session);
    m_ui->actionSubmit->setEnabled(session && session->operationBackend());
    if (!session)
        return;
    setWindowTitle(tr("IngestWatch — %1").arg(session->profile().name));
    OperationMonitor *monitor = session->operationMonitor();
    m_ui->operationsPane->setMonitor(monitor);
    m_ui->operationsPane->restoreState(QSettings().value(kPaneKey).toByteArray());
    m_ui->chartsView->setModel(session->operationModel());
    auto *statuses = new StatusesPane;
    statuses->setMonitor(session->statusMonitor(), session->statusModel());
    setStatusesPane(statuses);
    auto *notifications = new NotificationsPane;
    notifications->setMonitor(session->notificationMonitor(), session->notificationModel(),
                              session->failureGroupModel());
    setNotificationsPane(notifications);
    auto *tray = findChild<TrayNotifier *>();
    if (!tray) {
        tray = new TrayNotifier(windowIcon(), this);
        connect(tray, &TrayNotifier::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
            m_ui->notificationsDock->show();
            m_ui->notificationsDock->raise();
            if (auto *pane = qobject_cast<NotificationsPane *>(m_ui->notificationsDock->widget()))
                pane->showFailureGroups();
        });
    }
    connect(session->notificationMonitor(), &NotificationMonitor::newFailures, tray,
            &TrayNotifier::notifyFailures);
    session->setInterval(refreshInterval());

    connect(this, &MainWindow::refreshRequested, session, &Session::refreshAll);
    connect(session, &Session::sourceRefreshed, this, &MainWindow::setSourceRefreshed);
    connect(session, &Session::errorOccurred, this,
            [this](const QString &source, const Error &e, const QString &context) {
                showError(source, e, context);
            });
    connect(session, &Session::requestCountChanged, this, &MainWindow::setRequestCount);
    connect(session->operationModel(), &OperationModel::stalledCountChanged, this, [this](int n) {
        m_stalledLabel->setVisible(n > 0);
        m_stalledLabel->setText(PaletteColors::span(PaletteColors::warning(palette()),
                                                    tr("⚠ %n operation(s) stalled", nullptr, n)));
        m_stalledLabel->setToolTip(
            m_session ? m_session->operationModel()->stalledIds().join(QLatin1Char('\n')) : QString());
    });

    // Charts: the archive's history once, then a point per refresh; failures by ErrorCode per refresh.
    QPointer<MainWindow> self(this);
    auto loadFailures = [self] {
        if (!self || !self->m_session)
            return;
        self->m_session->failuresByErrorCode(QDateTime::currentDateTimeUtc().addDays(-14),
                                             [self](const Result<QList<QPair<QString, int>>> &r) {
                                                 if (self && r)
                                                     self->m_ui->chartsView->setFailuresByErrorCode(
                                                         r.value());
                                             });
    };
    connect(monitor, &OperationMonitor::historyLoaded, this, [self, loadFailures] {
        if (!self || !self->m_session)
            return;
        self->m_session->operationHistory(QDateTime::currentDateTimeUtc().addDays(-1),
                                          [self](const Result<QList<OperationSnapshot>> &r) {
                                              if (!self || !r)
                                                  return;
                                              QList<QPair<QDateTime, QueuedOperation>> points;
                                              points.reserve(r->size());
                                              for (const OperationSnapshot &s : r.value())
                                                  points.append({ s.observedOn, s.operation });
                                              self->m_ui->chartsView->setHistory(points);
                                          });
        loadFailures();
    });
    connect(monitor, &OperationMonitor::refreshed, this, [self, loadFailures](const QDateTime &when) {
        if (!self)
            return;
        self->m_ui->chartsView->appendModelTotals(when);
        loadFailures();
    });
    // Failures arrive with the notifications: re-read the counts once a batch is in the archive (a read
    // right after the refresh would race the archive writer).
    connect(session->notificationMonitor(), &NotificationMonitor::archived, this,
            [loadFailures](int) { loadFailures(); });
    connect(monitor, &OperationMonitor::cancelSucceeded, this,
            [self](const QString &, const QueuedOperation &) {
                if (self)
                    self->m_ui->chartsView->scheduleModelTotals();
            });

    QStringList notices;
    if (!session->archiveNotice().isEmpty())
        notices << session->archiveNotice();
    if (!session->backendNotice().isEmpty())
        notices << session->backendNotice();
    m_noticeLabel->setText(notices.isEmpty() ? QString() : tr("ⓘ"));
    m_noticeLabel->setToolTip(notices.join(QLatin1Char('\n')));
    m_noticeLabel->setVisible(!notices.isEmpty());
    if (!notices.isEmpty())
        m_ui->operationsPane->showNotice(notices.join(QLatin1Char(' ')));
}

void MainWindow::replaceDockContents(QDockWidget *dock, QWidget *pane)
{
    QWidget *old = dock->widget();
    dock->setWidget(pane);
    if (old && old != pane)
        old->deleteLater();
}

void MainWindow::setStatusesPane(QWidget *pane)
{
    replaceDockContents(m_ui->statusesDock, pane);
}

void MainWindow::setNotificationsPane(QWidget *pane)
{
    replaceDockContents(m_ui->notificationsDock, pane);
}

void MainWindow::setSourceRefreshed(const QString &source, const QDateTime &when, bool ok)
{
    if (!m_sources.contains(source))
        m_sourceOrder << source;
    m_sources.insert(source, { when, ok });
    if (ok && m_errorLabel->property("source").toString() == source)
        m_errorLabel->clear(); // the source works again
    updateSourceLabel();
}

void MainWindow::updateSourceLabel()
{
    QStringList parts;
    for (const QString &source : std::as_const(m_sourceOrder)) {
        const SourceState s = m_sources.value(source);
        const QString time = QLocale().toString(s.when.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        parts << (s.ok ? tr("%1: %2").arg(source, time) : tr("%1: %2 (failed)").arg(source, time));
    }
    m_sourcesLabel->setText(parts.isEmpty() ? tr("Not refreshed yet")
                                            : tr("Refreshed — %1").arg(parts.join(QStringLiteral(", "))));
}

void MainWindow::showError(const QString &source, const Error &error, const QString &context)
{
    const QString text = context.isEmpty() ? error.toString() : tr("%1: %2").arg(context, error.toString());
    m_errorLabel->setText(PaletteColors::span(
        PaletteColors::error(palette()),
        tr("Last error (%1, %2): %3")
            .arg(source.toHtmlEscaped(), QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")),
                 text.toHtmlEscaped())));
    m_errorLabel->setToolTip(text);
    m_errorLabel->setProperty("source", source);
}

void MainWindow::setRequestCount(quint64 count)
{
    m_requestsLabel->setText(tr("Requests: %1").arg(QLocale().toString(count)));
}

void MainWindow::trackOperations()
{
    if (!m_session)
        return;
    TrackOperationsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList added = m_session->operationMonitor()->track(
        dialog.ids(), dialog.imported() ? TrackSource::Imported : TrackSource::Pasted);
    m_ui->operationsPane->showNotice(tr("Tracking %n more operation(s).", nullptr, int(added.size())));
}

void MainWindow::submitIngestion()
{
    if (!m_session)
        return;
    SubmitIngestionDialog dialog(this);
    SubmitIngestionRequest initial;
    initial.database = m_session->profile().defaultDatabase;
    dialog.setRequest(initial);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<MainWindow> self(this);
    const SubmitIngestionRequest request = dialog.request();
    m_session->operationMonitor()->submit(request, [self, request](Result<QueuedIngestionSubmission> r) {
        if (!self)
            return;
        if (r)
            self->m_ui->operationsPane->showNotice(
                tr("Submitted %n blob(s) into %1.%2: tracking %3.", nullptr, int(request.blobUrls.size()))
                    .arg(request.database, request.table, r->ingestionOperationId));
        else
            self->m_ui->operationsPane->showNotice(tr("Submit failed: %1").arg(r.error().toString()), true);
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_session)
        settings.setValue(kPaneKey, m_ui->operationsPane->saveState());
    settings.setValue(kIntervalKey, refreshInterval());
}

QStringList MainWindow::saveScreenshots(const QString &dir)
{
    QDir().mkpath(dir);
    QStringList written;
    QScreen *screen = windowHandle() ? windowHandle()->screen() : QGuiApplication::primaryScreen();
    auto grab = [&](QWidget *w, const QString &name) {
        if (!w || !w->isVisible())
            return;
        QPixmap pix;
        if (screen && QGuiApplication::platformName() == QLatin1String("xcb")) {
            const QPoint topLeft = w->mapToGlobal(QPoint(0, 0));
            pix = screen->grabWindow(0, topLeft.x(), topLeft.y(), w->width(), w->height());
        } else {
            pix = w->grab(); // offscreen: the widget's own rendering
        }
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        if (pix.save(path))
            written << path;
    };
    grab(this, QStringLiteral("window"));
    grab(m_ui->operationsPane, QStringLiteral("operations"));
    for (QDockWidget *dock : { m_ui->chartsDock, m_ui->statusesDock, m_ui->notificationsDock }) {
        dock->raise();
        QApplication::processEvents();
        QApplication::processEvents();
        grab(dock, dock->objectName().replace(QLatin1String("Dock"), QString()));
    }
    m_ui->chartsDock->raise();
    return written;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About IngestWatch"),
                       tr("<b>IngestWatch %1</b><p>Watch and steer Azure Data Explorer (Kusto) queued "
                          "ingestion.</p>")
                           .arg(QStringLiteral(INGESTWATCH_VERSION)));
}

} // namespace iw
