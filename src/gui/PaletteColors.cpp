#include "gui/PaletteColors.h"

#include <algorithm>
#include <cmath>

namespace iw {

namespace {

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

} // namespace

bool PaletteColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double PaletteColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor PaletteColors::readable(const QColor &color, const QPalette &palette, double minContrast)
{
    const QColor backgrounds[3] = { palette.color(QPalette::Base), palette.color(QPalette::AlternateBase),
                                    palette.color(QPalette::Window) };
    auto worst = [&](const QColor &c) {
        double w = 21.0;
        for (const QColor &b : backgrounds)
            w = std::min(w, contrast(c, b));
        return w;
    };
    const bool dark = isDark(palette);
    QColor c = color.toHsl();
    for (int step = 0; step < 40 && worst(c) < minContrast; ++step) {
        const int l = c.lightness();
        const int next = dark ? std::min(255, l + 8) : std::max(0, l - 8);
        if (next == l)
            break;
        c.setHsl(c.hslHue(), c.hslSaturation(), next);
    }
    return c.toRgb();
}

QColor PaletteColors::error(const QPalette &palette)
{
    return readable(QColor(0xd6, 0x3b, 0x3b), palette);
}

QColor PaletteColors::warning(const QPalette &palette)
{
    return readable(QColor(0xd6, 0x8a, 0x00), palette);
}

QColor PaletteColors::success(const QPalette &palette)
{
    return readable(QColor(0x2e, 0xa0, 0x43), palette);
}

QColor PaletteColors::muted(const QPalette &palette)
{
    return readable(QColor(0x8c, 0x8c, 0x99), palette);
}

QString PaletteColors::span(const QColor &color, const QString &html)
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(color.name(), html);
}

QPalette PaletteColors::darkPalette()
{
    QPalette p;
    const QColor window(53, 53, 53);
    const QColor base(42, 42, 42);
    const QColor text(230, 230, 230);
    const QColor disabled(127, 127, 127);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(66, 66, 66));
    p.setColor(QPalette::ToolTipBase, QColor(30, 30, 30));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(90, 160, 240));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(80, 80, 80));
    p.setColor(QPalette::Midlight, QColor(70, 70, 70));
    p.setColor(QPalette::Mid, QColor(100, 100, 100));
    p.setColor(QPalette::Dark, QColor(35, 35, 35));
    p.setColor(QPalette::Shadow, QColor(20, 20, 20));
    for (QPalette::ColorRole r : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, r, disabled);
    return p;
}

} // namespace iw
