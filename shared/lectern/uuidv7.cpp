#include "uuidv7.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <array>

namespace Lectern {

QUuid createUuidV7()
{
    // RFC 9562 §6.2 method 1: a 12-bit counter in rand_a keeps ids monotonic within one
    // millisecond.
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 counter = 0;

    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    quint16 seq;
    {
        QMutexLocker lock(&mutex);
        if (ms <= lastMs) {
            ms = lastMs;
            if (++counter > 0x0fff) { // counter exhausted: borrow the next millisecond
                ++ms;
                counter = 0;
            }
        } else {
            counter = quint16(QRandomGenerator::system()->bounded(0x0400)); // leave room to count
        }
        lastMs = ms;
        seq = counter;
    }

    std::array<uchar, 16> b {};
    for (int i = 0; i < 6; ++i)
        b[i] = uchar((ms >> (8 * (5 - i))) & 0xff);
    b[6] = uchar(0x70 | ((seq >> 8) & 0x0f));
    b[7] = uchar(seq & 0xff);
    const quint64 random = QRandomGenerator::system()->generate64();
    for (int i = 0; i < 8; ++i)
        b[8 + i] = uchar((random >> (8 * i)) & 0xff);
    b[8] = uchar(0x80 | (b[8] & 0x3f)); // RFC 4122 variant

    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b.data()), 16));
}

QString uuidToString(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QString createUuidV7String()
{
    return uuidToString(createUuidV7());
}

bool isUuidString(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')
                     || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

qint64 uuidV7Timestamp(const QUuid &uuid)
{
    // QUuid::version() in Qt 6.4 knows versions up to 5 only, so read the nibble ourselves.
    const QByteArray bytes = uuid.toRfc4122();
    if (((uchar(bytes[6]) >> 4) & 0x0f) != 7)
        return -1;
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | uchar(bytes[i]);
    return ms;
}

} // namespace Lectern
