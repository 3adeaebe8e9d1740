#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace iw {

// Status colours that stay readable on the current palette, light or dark: each is the wanted hue made
// lighter (dark palettes) or darker (light ones) until its contrast against Base, AlternateBase and Window
// reaches WCAG AA for text (4.5:1). Fills (progress bar segments, chart bars) keep the fixed brand colours of
// ProgressBarDelegate; text and icons drawn as text use these.
struct PaletteColors
{
    static bool isDark(const QPalette &palette);
    static QColor error(const QPalette &palette);
    static QColor warning(const QPalette &palette);
    static QColor success(const QPalette &palette);
    static QColor muted(const QPalette &palette);
    // `color` adjusted to contrast >= minContrast with the palette's Base, AlternateBase and Window.
    static QColor readable(const QColor &color, const QPalette &palette, double minContrast = 4.5);
    // WCAG 2 contrast ratio, 1..21.
    static double contrast(const QColor &a, const QColor &b);
    // <span style='color:#rrggbb'>html</span> (html is inserted as is).
    static QString span(const QColor &color, const QString &html);
    // A dark Fusion palette, for the hidden IW_PALETTE=dark debug switch (screenshots, checks).
    static QPalette darkPalette();
};

} // namespace iw
