#include "gui/MainWindow.h"

#include "ui_MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMessageBox>
#include <QSettings>

namespace iw {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/ingestwatch.svg")));

    // The three secondary panes share the bottom area as tabs; the operator can move, float or split them.
    tabifyDockWidget(m_ui->statusesDock, m_ui->notificationsDock);
    tabifyDockWidget(m_ui->notificationsDock, m_ui->chartsDock);
    m_ui->statusesDock->raise();
    for (QDockWidget *dock : { m_ui->statusesDock, m_ui->notificationsDock, m_ui->chartsDock })
        m_ui->menuView->addAction(dock->toggleViewAction());

    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

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
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About IngestWatch"),
                       tr("<b>IngestWatch %1</b><p>Watch and steer Azure Data Explorer (Kusto) queued "
                          "ingestion.</p>")
                           .arg(QStringLiteral(INGESTWATCH_VERSION)));
}

} // namespace iw
