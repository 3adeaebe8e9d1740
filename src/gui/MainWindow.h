#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace iw {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

Q_SIGNALS:
    void refreshRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();
    void saveLayout() const;
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
};

} // namespace iw
