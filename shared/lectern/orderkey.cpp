#include "orderkey.h"

#include <QRandomGenerator>
#include <QStringList>

namespace Lectern {

namespace {
constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int base = 62;
constexpr int maxLength = 128;

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'A' && u <= 'Z')
        return u - 'A' + 10;
    if (u >= 'a' && u <= 'z')
        return u - 'a' + 36;
    return -1;
}

QChar digitChar(int value)
{
    return QChar::fromLatin1(digits[value]);
}

// Keys are fractions 0.d1d2d3... in base 62; a trailing '0' would make two spellings of one value,
// so valid keys never end in '0'. The midpoint walks both bounds digit by digit.
QString midpoint(const QString &a, const QString &b)
{
    // `b` empty means 1.0 (the upper end).
    QString result;
    for (int i = 0;; ++i) {
        const int da = i < a.size() ? digitValue(a[i]) : 0;
        const int db = b.isEmpty() ? base : (i < b.size() ? digitValue(b[i]) : 0);
        if (da == db) {
            result.append(digitChar(da));
            continue;
        }
        if (db - da > 1) {
            result.append(digitChar((da + db) / 2));
            return result;
        }
        // Adjacent digits: take a's digit and find room above the rest of a, under 1.0.
        result.append(digitChar(da));
        return result + midpoint(a.mid(i + 1), QString());
    }
}
} // namespace

bool OrderKey::isValid(QStringView key)
{
    if (key.isEmpty() || key.size() > maxLength || key.back() == u'0')
        return false;
    for (QChar c : key) {
        if (digitValue(c) < 0)
            return false;
    }
    return true;
}

QString OrderKey::between(const QString &before, const QString &after)
{
    if ((!before.isEmpty() && !isValid(before)) || (!after.isEmpty() && !isValid(after)))
        return {};
    if (!before.isEmpty() && !after.isEmpty() && before >= after)
        return {};
    return midpoint(before, after);
}

QString OrderKey::betweenJittered(const QString &before, const QString &after)
{
    const QString mid = between(before, after);
    if (mid.isEmpty())
        return {};
    // Two random digits below the midpoint's last one keep the key inside (before, after): the
    // midpoint is strictly inside, and appending digits moves it up by less than one unit of its
    // last place, which still lies under `after` (after differs from mid at or before that place).
    QString key = mid;
    QRandomGenerator *random = QRandomGenerator::global();
    key.append(digitChar(int(random->bounded(base))));
    key.append(digitChar(1 + int(random->bounded(base - 1))));
    if (!after.isEmpty() && key >= after)
        return mid;
    return key;
}

QStringList OrderKey::spread(int count)
{
    QStringList keys;
    QString previous;
    for (int i = 0; i < count; ++i) {
        // Evenly spaced two-digit keys for lists up to ~3800 items, then between() from the last.
        if (count <= (base - 1) * (base - 1)) {
            const int value = int((qint64(i) + 1) * (base * base - 1) / (count + 1));
            QString key;
            key.append(digitChar(value / base));
            if (value % base != 0)
                key.append(digitChar(value % base));
            if (key.isEmpty() || !isValid(key) || key <= previous)
                key = between(previous, QString());
            keys.append(key);
        } else {
            keys.append(between(previous, QString()));
        }
        previous = keys.last();
    }
    return keys;
}

} // namespace Lectern
