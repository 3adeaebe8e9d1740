// Dark mode: status text colours stay readable (WCAG AA, 4.5:1) on light and dark palettes, the blob details
// use them, and the charts follow a palette switch while the app runs.
#include "gui/ChartsView.h"
#include "gui/OperationsPane.h"
#include "gui/PaletteColors.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"

#include "FakeOperationBackend.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace iw;

class TestPaletteColors : public QObject
{
    Q_OBJECT

    static QPalette lightPalette()
    {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion->standardPalette();
    }

    static double worstContrast(const QColor &c, const QPalette &p)
    {
        double w = 21;
        for (auto role : { QPalette::Base, QPalette::AlternateBase, QPalette::Window })
            w = std::min(w, PaletteColors::contrast(c, p.color(role)));
        return w;
    }

private Q_SLOTS:
    void contrastOfKnownColours()
    {
        QVERIFY(qAbs(PaletteColors::contrast(Qt::black, Qt::white) - 21.0) < 0.01);
        QVERIFY(qAbs(PaletteColors::contrast(Qt::white, Qt::white) - 1.0) < 0.01);
    }

    void statusColoursAreReadableOnLightAndDark_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << lightPalette() << false;
        QTest::newRow("dark") << PaletteColors::darkPalette() << true;
    }
    void statusColoursAreReadableOnLightAndDark()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QCOMPARE(PaletteColors::isDark(palette), dark);
        for (const QColor &c : { PaletteColors::error(palette), PaletteColors::warning(palette),
                                 PaletteColors::success(palette), PaletteColors::muted(palette) })
            QVERIFY2(worstContrast(c, palette) >= 4.5,
                     qPrintable(QStringLiteral("%1: %2").arg(c.name()).arg(worstContrast(c, palette))));
        // Still the same hues: red stays red, green stays green.
        QVERIFY(PaletteColors::error(palette).red() > PaletteColors::error(palette).green());
        QVERIFY(PaletteColors::success(palette).green() > PaletteColors::success(palette).red());
    }

    // The details table colours each blob's IngestionStatus readably on a dark palette (alternating rows).
    void detailsStatusReadableOnDark()
    {
        OperationModel model;
        iw::test::FakeOperationBackend backend;
        OperationMonitor monitor(&model, &backend, nullptr, nullptr);
        monitor.setInterval(0);
        OperationsPane pane;
        pane.setPalette(PaletteColors::darkPalette());
        pane.setMonitor(&monitor);
        backend.add(QStringLiteral("1;1;a"), 3);
        QSignalSpy refreshed(&monitor, &OperationMonitor::refreshed);
        monitor.track({ QStringLiteral("1;1;a") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        QVERIFY(pane.selectOperation(QStringLiteral("1;1;a")));
        QTRY_COMPARE(pane.detailsView()->model()->rowCount(), 1);
        const QModelIndex status = pane.detailsView()->model()->index(0, 1);
        QCOMPARE(status.data().toString(), QStringLiteral("Succeeded"));
        const QColor fg = status.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(fg.isValid());
        QVERIFY2(worstContrast(fg, pane.detailsView()->palette()) >= 4.5, qPrintable(fg.name()));
    }

    // A palette switch while running (the desktop goes dark) restyles the charts.
    void chartsFollowAPaletteChange()
    {
        ChartsView charts;
        charts.setPalette(lightPalette());
        QCOMPARE(int(charts.failuresChartView()->chart()->theme()), int(QChart::ChartThemeLight));
        const QPalette dark = PaletteColors::darkPalette();
        charts.setPalette(dark);
        for (QChartView *v :
             { charts.operationsChartView(), charts.historyChartView(), charts.failuresChartView() }) {
            QCOMPARE(int(v->chart()->theme()), int(QChart::ChartThemeDark));
            QCOMPARE(v->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
            QCOMPARE(v->chart()->titleBrush().color(), dark.color(QPalette::Text));
        }
    }
};

QTEST_MAIN(TestPaletteColors)
#include "TestPaletteColors.moc"
