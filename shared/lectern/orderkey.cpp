#include "orderkey.h"

#include <QRandomGenerator>
#include <QStringList>
#include <optional>

namespace Lectern {

// Keys are an integer part followed by a fraction, both in base 62 over ASCII-ordered digits, so
// plain string comparison orders them. The integer part's first character says its length
// ('a'..'z': 2..27 characters, growing upwards; 'A'..'Z': 2..27, growing downwards), so appending
// or prepending only increments or decrements the integer (keys grow logarithmically); only
// inserting between two neighbours again and again lengthens the fraction. A fraction never ends
// in '0' (two spellings of one value would break "strictly between"). This is the scheme of
// Evan Wallace's and Rocicorp's fractional indexing.
namespace {
const QString digits
    = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
constexpr int base = 62;
constexpr int maxLength = 1024;

int digitValue(QChar c)
{
    return int(digits.indexOf(c));
}

int integerLength(QChar head)
{
    const char16_t h = head.unicode();
    if (h >= u'a' && h <= u'z')
        return h - u'a' + 2;
    if (h >= u'A' && h <= u'Z')
        return u'Z' - h + 2;
    return -1;
}

QString smallestInteger()
{
    return QStringLiteral("A") + QString(26, u'0');
}

std::optional<QString> integerPart(const QString &key)
{
    if (key.isEmpty())
        return std::nullopt;
    const int length = integerLength(key[0]);
    if (length < 0 || key.size() < length)
        return std::nullopt;
    return key.left(length);
}

// A fraction strictly between a and b ("" for b means 1); neither may end in '0'.
QString midpoint(const QString &a, const QString &b)
{
    if (!b.isEmpty()) {
        int n = 0;
        while (n < b.size() && (n < a.size() ? a[n] : u'0') == b[n])
            ++n;
        if (n > 0)
            return b.left(n) + midpoint(a.mid(n), b.mid(n));
    }
    const int digitA = a.isEmpty() ? 0 : digitValue(a[0]);
    const int digitB = b.isEmpty() ? base : digitValue(b[0]);
    if (digitB - digitA > 1)
        return QString(digits[(digitA + digitB + 1) / 2]);
    if (b.size() > 1)
        return b.left(1);
    return QString(digits[digitA]) + midpoint(a.mid(1), QString());
}

std::optional<QString> incrementInteger(const QString &x)
{
    QString digitsOf = x.mid(1);
    bool carry = true;
    for (qsizetype i = digitsOf.size() - 1; carry && i >= 0; --i) {
        const int d = digitValue(digitsOf[i]) + 1;
        if (d == base) {
            digitsOf[i] = digits[0];
        } else {
            digitsOf[i] = digits[d];
            carry = false;
        }
    }
    if (!carry)
        return x[0] + digitsOf;
    const QChar head = x[0];
    if (head == u'Z')
        return QStringLiteral("a0");
    if (head == u'z')
        return std::nullopt;
    const QChar next(head.unicode() + 1);
    if (next > u'a')
        digitsOf.append(digits[0]);
    else
        digitsOf.chop(1);
    return next + digitsOf;
}

std::optional<QString> decrementInteger(const QString &x)
{
    QString digitsOf = x.mid(1);
    bool borrow = true;
    for (qsizetype i = digitsOf.size() - 1; borrow && i >= 0; --i) {
        const int d = digitValue(digitsOf[i]) - 1;
        if (d == -1) {
            digitsOf[i] = digits[base - 1];
        } else {
            digitsOf[i] = digits[d];
            borrow = false;
        }
    }
    if (!borrow)
        return x[0] + digitsOf;
    const QChar head = x[0];
    if (head == u'a')
        return QStringLiteral("Z") + digits[base - 1];
    if (head == u'A')
        return std::nullopt;
    const QChar previous(head.unicode() - 1);
    if (previous < u'Z')
        digitsOf.append(digits[base - 1]);
    else
        digitsOf.chop(1);
    return previous + digitsOf;
}

QString keyBetween(const QString &a, const QString &b)
{
    if (a.isEmpty()) {
        if (b.isEmpty())
            return QStringLiteral("a0");
        const QString ib = *integerPart(b);
        const QString fb = b.mid(ib.size());
        if (ib == smallestInteger())
            return ib + midpoint(QString(), fb);
        if (ib < b)
            return ib;
        return decrementInteger(ib).value_or(QString());
    }
    const QString ia = *integerPart(a);
    const QString fa = a.mid(ia.size());
    if (b.isEmpty()) {
        const auto next = incrementInteger(ia);
        return next ? *next : ia + midpoint(fa, QString());
    }
    const QString ib = *integerPart(b);
    const QString fb = b.mid(ib.size());
    if (ia == ib)
        return ia + midpoint(fa, fb);
    const auto next = incrementInteger(ia);
    if (!next)
        return {};
    if (*next < b)
        return *next;
    return ia + midpoint(fa, QString());
}
} // namespace

bool OrderKey::isValid(QStringView key)
{
    if (key.isEmpty() || key.size() > maxLength)
        return false;
    for (QChar c : key) {
        if (digitValue(c) < 0)
            return false;
    }
    const QString text = key.toString();
    const auto integer = integerPart(text);
    if (!integer || text == smallestInteger())
        return false;
    return !text.mid(integer->size()).endsWith(u'0');
}

QString OrderKey::between(const QString &before, const QString &after)
{
    if ((!before.isEmpty() && !isValid(before)) || (!after.isEmpty() && !isValid(after)))
        return {};
    if (!before.isEmpty() && !after.isEmpty() && before >= after)
        return {};
    const QString key = keyBetween(before, after);
    return isValid(key) ? key : QString();
}

QString OrderKey::betweenJittered(const QString &before, const QString &after)
{
    const QString key = between(before, after);
    if (key.isEmpty())
        return {};
    // Random low digits make two devices inserting at one spot at once produce different keys,
    // still inside (before, after): appending to a key raises it by less than its last digit.
    // Six digits: 62^5 x 61 suffixes, so devices inserting at one spot practically never collide
    // (and when they do, ordering by (key, id) still gives every replica the same order).
    QRandomGenerator *random = QRandomGenerator::global();
    QString jittered = key;
    for (int i = 0; i < 5; ++i)
        jittered.append(digits[int(random->bounded(base))]);
    jittered.append(digits[1 + int(random->bounded(base - 1))]);
    if ((!after.isEmpty() && jittered >= after) || !isValid(jittered))
        return key;
    return jittered;
}

QString OrderKey::forIndex(const QStringList &keys, qsizetype index)
{
    index = qBound<qsizetype>(0, index, keys.size());
    const QString before = index > 0 ? keys.at(index - 1) : QString();
    QString after;
    for (qsizetype i = index; i < keys.size(); ++i) {
        if (before.isEmpty() || keys.at(i) > before) {
            after = keys.at(i);
            break;
        }
    }
    return betweenJittered(before, after);
}

QStringList OrderKey::spread(int count)
{
    QStringList keys;
    QString previous;
    for (int i = 0; i < count; ++i) {
        previous = between(previous, QString());
        keys.append(previous);
    }
    return keys;
}

} // namespace Lectern
