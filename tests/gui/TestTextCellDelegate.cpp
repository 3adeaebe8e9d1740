// The cached text delegate paints what the stock QStyledItemDelegate paints (same text, elision, colours,
// alignment, selection), shapes a cell's text once rather than on every repaint, and leaves icon and
// check-box cells to the stock path.
#include "gui/TextCellDelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace iw;

namespace {

struct Rendered
{
    QImage image;
    QRect ink; // bounding box of the pixels that differ from the background
};

// Paints cell (row, column) of `view` with `delegate` into an image of the cell's size.
Rendered render(QTableView &view, QAbstractItemDelegate *delegate, int row, int column, bool selected)
{
    const QModelIndex index = view.model()->index(row, column);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    option.rect = QRect(0, 0, view.columnWidth(column), view.rowHeight(row));
    option.font = view.font();
    option.fontMetrics = view.fontMetrics();
    option.textElideMode = view.textElideMode();
    option.state |= QStyle::State_Enabled | QStyle::State_Active;
    option.features = {};
    option.showDecorationSelected = true;
    if (selected)
        option.state |= QStyle::State_Selected;
    Rendered r;
    r.image = QImage(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    const QColor background = option.palette.color(QPalette::Base);
    r.image.fill(background);
    {
        QPainter p(&r.image);
        delegate->paint(&p, option, index);
    }
    const QRgb bg = r.image.pixel(0, 0);
    for (int y = 0; y < r.image.height(); ++y)
        for (int x = 0; x < r.image.width(); ++x)
            if (r.image.pixel(x, y) != bg)
                r.ink |= QRect(x, y, 1, 1);
    return r;
}

int differingPixels(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    return n;
}

} // namespace

class TestTextCellDelegate : public QObject
{
    Q_OBJECT

    QStandardItemModel m_model { 6, 1 };
    QTableView m_view;

private Q_SLOTS:
    void initTestCase()
    {
        m_model.setItem(0, 0, new QStandardItem(QStringLiteral("Succeeded")));
        m_model.setItem(
            1, 0,
            new QStandardItem(QStringLiteral("https://acct.blob.core.windows.net/landing/2026/11/22/"
                                             "part-000123-of-000999.csv.gz")));
        auto *number = new QStandardItem(QStringLiteral("1,234,567"));
        number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model.setItem(2, 0, number);
        auto *red = new QStandardItem(QStringLiteral("Failed"));
        red->setForeground(QColor(200, 0, 0));
        m_model.setItem(3, 0, red);
        auto *icon = new QStandardItem(QStringLiteral("with icon"));
        QPixmap px(12, 12);
        px.fill(Qt::blue);
        icon->setIcon(QIcon(px));
        m_model.setItem(4, 0, icon);
        m_model.setItem(5, 0, new QStandardItem(QStringLiteral("two\nlines")));
        m_view.setModel(&m_model);
        m_view.setWordWrap(false);
        m_view.setTextElideMode(Qt::ElideMiddle);
        m_view.setColumnWidth(0, 160);
        m_view.resize(300, 300);
    }

    void paintsWhatTheStockDelegatePaints_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<bool>("selected");
        QTest::newRow("short text") << 0 << false;
        QTest::newRow("long path, elided in the middle") << 1 << false;
        QTest::newRow("right-aligned number") << 2 << false;
        QTest::newRow("foreground colour") << 3 << false;
        QTest::newRow("selected") << 3 << true;
        QTest::newRow("icon: stock path") << 4 << false;
        QTest::newRow("two lines: stock path") << 5 << false;
    }

    void paintsWhatTheStockDelegatePaints()
    {
        QFETCH(int, row);
        QFETCH(bool, selected);
        QStyledItemDelegate stock;
        TextCellDelegate fast;
        const Rendered a = render(m_view, &stock, row, 0, selected);
        const Rendered b = render(m_view, &fast, row, 0, selected);
        QVERIFY(!a.ink.isEmpty());
        // The same glyphs at the same place: the ink boxes agree to a pixel, and at most a few anti-aliased
        // pixels differ (QStaticText and QTextLayout may round a glyph position differently).
        QVERIFY2(std::abs(a.ink.left() - b.ink.left()) <= 1 && std::abs(a.ink.right() - b.ink.right()) <= 1
                     && std::abs(a.ink.top() - b.ink.top()) <= 1
                     && std::abs(a.ink.bottom() - b.ink.bottom()) <= 1,
                 qPrintable(QStringLiteral("stock ink %1,%2 %3x%4, cached %5,%6 %7x%8")
                                .arg(a.ink.x())
                                .arg(a.ink.y())
                                .arg(a.ink.width())
                                .arg(a.ink.height())
                                .arg(b.ink.x())
                                .arg(b.ink.y())
                                .arg(b.ink.width())
                                .arg(b.ink.height())));
        const int diff = differingPixels(a.image, b.image);
        const int area = a.image.width() * a.image.height();
        QVERIFY2(diff * 100 <= area * 2,
                 qPrintable(QStringLiteral("%1 of %2 pixels differ").arg(diff).arg(area)));
    }

    void elidesLikeTheStyle()
    {
        const QString path = m_model.item(1, 0)->text();
        const QString shown = TextCellDelegate::elided(path, m_view.font(), Qt::ElideMiddle, 100);
        QVERIFY(shown.contains(QChar(0x2026)));
        QVERIFY(shown.startsWith(QStringLiteral("https")));
        QVERIFY(shown.endsWith(QStringLiteral("gz")));
        QVERIFY(QFontMetrics(m_view.font()).horizontalAdvance(shown) <= 100);
        QCOMPARE(TextCellDelegate::elided(QStringLiteral("short"), m_view.font(), Qt::ElideMiddle, 100),
                 QStringLiteral("short"));
    }

    void shapesATextOnce()
    {
        TextCellDelegate fast;
        for (int i = 0; i < 5; ++i)
            render(m_view, &fast, 1, 0, false);
        QCOMPARE(fast.cacheMisses(), quint64(1));
        QCOMPARE(fast.cacheHits(), quint64(4));
        // A narrower column is another layout.
        m_view.setColumnWidth(0, 90);
        render(m_view, &fast, 1, 0, false);
        QCOMPARE(fast.cacheMisses(), quint64(2));
        m_view.setColumnWidth(0, 160);
        // Cells the stock path paints are not cached.
        render(m_view, &fast, 4, 0, false);
        render(m_view, &fast, 5, 0, false);
        QCOMPARE(fast.cachedTexts(), qsizetype(2));
    }
};

QTEST_MAIN(TestTextCellDelegate)
#include "TestTextCellDelegate.moc"
