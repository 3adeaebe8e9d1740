#include "TestData.h"

#include <QFile>
#include <QTest>

namespace iw::test {

QString dataPath(const QString &relative)
{
    QString dir = qEnvironmentVariable("IW_TEST_DATA_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(IW_SOURCE_DIR "/tests/data");
    return dir + QLatin1Char('/') + relative;
}

QByteArray readData(const QString &relative)
{
    QFile f(dataPath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("missing test data: ") + f.fileName()), __FILE__, __LINE__);
        return {};
    }
    return f.readAll();
}

} // namespace iw::test
