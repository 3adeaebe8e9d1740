// The baseline of BenchStartup: the smallest Qt Widgets program that shows a window (a main window with one
// label), built with the same compiler, flags and Qt in the same build. Stopped by SIGTERM, like the app.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Hello"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello, world"), &window));
    window.resize(1440, 900);
    window.show();
    return QApplication::exec();
}
