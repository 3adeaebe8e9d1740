#pragma once

#include <QByteArray>
#include <QString>

namespace iw::test {

// Absolute path of a file under tests/data/ (IW_TEST_DATA_DIR, set by CTest).
QString dataPath(const QString &relative);
// The bytes of a file under tests/data/; fails the current test (QFAIL-style message) when missing.
QByteArray readData(const QString &relative);

} // namespace iw::test
