#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <lectern/orderkey.h>

using namespace Lectern;
using namespace Qt::StringLiterals;

// Fractional order keys (docs/architecture.md, "Merge rules": ordering never conflicts): any insert
// or move writes one key that sorts between its neighbours by plain string comparison, the keys
// stay valid however long a list is edited, and two devices inserting at the same spot never make
// the same key.
class TestOrderKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void between_data();
    void between();
    void betweenRandomPairs_data();
    void betweenRandomPairs();
    void firstAndLast();
    void repeatedInsertion_data();
    void repeatedInsertion();
    void jitteredInsertsAreDistinct_data();
    void jitteredInsertsAreDistinct();
    void invalidInputs_data();
    void invalidInputs();
    void isValid_data();
    void isValid();
    void forIndexSkipsEqualNeighbours();
    void spread_data();
    void spread();
};

namespace {
const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// A random valid key: an integer part (its head letter gives its length: 'a'.. upwards, 'Z'..
// downwards) and a fraction of up to `maxFraction` digits that does not end in '0'.
QString randomKey(QRandomGenerator &random, int maxFraction)
{
    static const QString heads = u"XYZabc"_s;
    const QChar head = heads[random.bounded(int(heads.size()))];
    const int integerLength = head >= u'a' ? head.unicode() - u'a' + 2 : u'Z' - head.unicode() + 2;
    QString key(head);
    for (int i = 1; i < integerLength; ++i)
        key.append(QChar::fromLatin1(alphabet[random.bounded(62)]));
    const int fraction = int(random.bounded(maxFraction + 1));
    for (int i = 0; i < fraction - 1; ++i)
        key.append(QChar::fromLatin1(alphabet[random.bounded(62)]));
    if (fraction > 0)
        key.append(QChar::fromLatin1(alphabet[1 + random.bounded(61)]));
    return key;
}

// "" when `key` lies strictly between the bounds (an empty bound is open), else why not.
QString checkInside(const QString &key, const QString &before, const QString &after)
{
    if (!OrderKey::isValid(key))
        return u"\"%1\" is not a valid key"_s.arg(key);
    if (!before.isEmpty() && !(before < key))
        return u"\"%1\" is not after \"%2\""_s.arg(key, before);
    if (!after.isEmpty() && !(key < after))
        return u"\"%1\" is not before \"%2\""_s.arg(key, after);
    return QString();
}
} // namespace

void TestOrderKey::between_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    const QString smallest = u"A"_s + QString(26, u'0');
    QTest::newRow("empty list") << QString() << QString();
    QTest::newRow("before the first") << QString() << u"a0"_s;
    QTest::newRow("after the last") << u"a0"_s << QString();
    QTest::newRow("adjacent integers a1 a2") << u"a1"_s << u"a2"_s;
    QTest::newRow("adjacent digits y z") << u"ay"_s << u"az"_s;
    QTest::newRow("adjacent digits 9 A") << u"a9"_s << u"aA"_s;
    QTest::newRow("adjacent digits Z a") << u"aZ"_s << u"aa"_s;
    QTest::newRow("across zero") << u"Zz"_s << u"a0"_s;
    QTest::newRow("wide gap") << u"a1"_s << u"az"_s;
    QTest::newRow("different integer lengths") << u"az"_s << u"b00"_s;
    QTest::newRow("prefix below") << u"a0"_s << u"a0V"_s;
    QTest::newRow("prefix below deep") << u"a0"_s << u"a0001"_s;
    QTest::newRow("longer below") << u"a0zzz"_s << u"a1"_s;
    QTest::newRow("longer above") << u"a0"_s << u"a10001"_s;
    QTest::newRow("tiny gap") << u"a0V1"_s << u"a0V2"_s;
    QTest::newRow("before the smallest integer") << QString() << QString(smallest + u"1"_s);
    QTest::newRow("after the largest integer") << QString(u"z"_s + QString(26, u'z')) << QString();
    QTest::newRow("negative integers") << u"Yzz"_s << u"Z0"_s;
    QTest::newRow("long fractions") << u"a0abcdefghij1"_s << u"a0abcdefghij2"_s;
}

void TestOrderKey::between()
{
    QFETCH(QString, before);
    QFETCH(QString, after);

    const QString key = OrderKey::between(before, after);
    const QString problem = checkInside(key, before, after);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // One step never makes a key much longer than its bounds.
    QVERIFY2(key.size() <= std::max<qsizetype>({before.size(), after.size(), 2}) + 2,
             qPrintable(key));

    const QString jittered = OrderKey::betweenJittered(before, after);
    const QString jitterProblem = checkInside(jittered, before, after);
    QVERIFY2(jitterProblem.isEmpty(), qPrintable(jitterProblem));
}

void TestOrderKey::betweenRandomPairs_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("maxLength");

    for (quint32 seed = 1; seed <= 8; ++seed)
        QTest::addRow("seed %u, short fractions", seed) << seed << 2;
    for (quint32 seed = 101; seed <= 108; ++seed)
        QTest::addRow("seed %u, long fractions", seed) << seed << 12;
}

void TestOrderKey::betweenRandomPairs()
{
    QFETCH(quint32, seed);
    QFETCH(int, maxLength);

    QRandomGenerator random(seed);
    for (int i = 0; i < 2000; ++i) {
        QString a = randomKey(random, maxLength);
        QString b = randomKey(random, maxLength);
        if (a == b)
            continue;
        if (b < a)
            std::swap(a, b);
        for (const auto &[low, high] :
             {std::pair {a, b}, std::pair {a, QString()}, std::pair {QString(), b}}) {
            const QString key = OrderKey::between(low, high);
            const QString problem = checkInside(key, low, high);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const QString jittered = OrderKey::betweenJittered(low, high);
            const QString jitterProblem = checkInside(jittered, low, high);
            QVERIFY2(jitterProblem.isEmpty(), qPrintable(jitterProblem));
        }
    }
}

void TestOrderKey::firstAndLast()
{
    const QString only = OrderKey::between(QString(), QString());
    QVERIFY(OrderKey::isValid(only));
    const QString first = OrderKey::between(QString(), only);
    const QString last = OrderKey::between(only, QString());
    QVERIFY2(checkInside(first, QString(), only).isEmpty(), qPrintable(first));
    QVERIFY2(checkInside(last, only, QString()).isEmpty(), qPrintable(last));
    QVERIFY(first < only && only < last);
    // The first key of an empty list leaves room on both sides.
    QVERIFY(only.size() <= 2);
}

void TestOrderKey::repeatedInsertion_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<bool>("jittered");

    for (const QString &where : {u"front"_s, u"back"_s, u"middle"_s, u"after the first"_s,
                                 u"before the last"_s, u"random"_s}) {
        QTest::addRow("%s", qPrintable(where)) << where << false;
        QTest::addRow("%s, jittered", qPrintable(where)) << where << true;
    }
}

// 10,000 inserts at one kind of spot, as an editor or an import would do, handled as the server
// does: when a gap has no room left (between() answers ""), the list is spread afresh once. Every
// key is valid (so the server accepts it), the list stays sorted, appends and prepends keep keys
// short, and respreads are rare.
void TestOrderKey::repeatedInsertion()
{
    QFETCH(QString, where);
    QFETCH(bool, jittered);

    constexpr int inserts = 10000;
    QStringList keys {OrderKey::between(QString(), QString())};
    QRandomGenerator random(42);
    qsizetype maxLength = keys.first().size();
    int respreads = 0;
    for (int i = 0; i < inserts; ++i) {
        qsizetype at = 0; // the new key goes at index `at`
        if (where == u"front")
            at = 0;
        else if (where == u"back")
            at = keys.size();
        else if (where == u"middle")
            at = keys.size() / 2;
        else if (where == u"after the first")
            at = 1;
        else if (where == u"before the last")
            at = keys.size() - 1;
        else
            at = qsizetype(random.bounded(int(keys.size()) + 1));
        const QString low = at > 0 ? keys[at - 1] : QString();
        const QString high = at < keys.size() ? keys[at] : QString();
        QString key
            = jittered ? OrderKey::betweenJittered(low, high) : OrderKey::between(low, high);
        if (key.isEmpty()) {
            ++respreads;
            QStringList fresh = OrderKey::spread(int(keys.size()) + 1);
            key = fresh.takeAt(at);
            keys = fresh;
        } else {
            const QString problem = checkInside(key, low, high);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(u"insert %1 of %2: %3"_s.arg(i + 1).arg(inserts).arg(problem)));
        }
        keys.insert(at, key);
        maxLength = std::max(maxLength, key.size());
    }
    for (const QString &key : keys)
        QVERIFY2(OrderKey::isValid(key), qPrintable(key));
    QVERIFY(std::is_sorted(keys.cbegin(), keys.cend()));
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
    qInfo().noquote() << where << (jittered ? "jittered" : "") << "longest key after" << inserts
                      << "inserts:" << maxLength << "characters," << respreads << "respreads";
    if (where == u"front" || where == u"back" || where == u"random")
        QVERIFY2(maxLength <= 20 && respreads == 0, qPrintable(QString::number(maxLength)));
    else
        QVERIFY2(respreads <= 3, qPrintable(QString::number(respreads)));
}

void TestOrderKey::jitteredInsertsAreDistinct_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("empty list") << QString() << QString();
    QTest::newRow("at the front") << QString() << u"a0"_s;
    QTest::newRow("at the back") << u"a0"_s << QString();
    QTest::newRow("between a1 and a2") << u"a1"_s << u"a2"_s;
    QTest::newRow("between a0V and a0W") << u"a0V"_s << u"a0W"_s;
    QTest::newRow("between a0 and a0V1") << u"a0"_s << u"a0V1"_s;
    QTest::newRow("between long keys") << u"a0abcdefgh1"_s << u"a0abcdefgh2"_s;
}

// Many devices insert at the same spot while offline (each sees the same two neighbours): every key
// must differ, or the merged list has ties whose order no one chose.
void TestOrderKey::jitteredInsertsAreDistinct()
{
    QFETCH(QString, before);
    QFETCH(QString, after);

    constexpr int devices = 1000;
    QSet<QString> keys;
    int collisions = 0;
    for (int i = 0; i < devices; ++i) {
        const QString key = OrderKey::betweenJittered(before, after);
        const QString problem = checkInside(key, before, after);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (keys.contains(key))
            ++collisions;
        keys.insert(key);
    }
    QVERIFY2(
        collisions == 0,
        qPrintable(u"%1 of %2 concurrent inserts reused a key"_s.arg(collisions).arg(devices)));
}

void TestOrderKey::invalidInputs_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("before's fraction ends in 0") << u"a0V0"_s << QString();
    QTest::newRow("after's fraction ends in 0") << QString() << u"a1V0"_s;
    QTest::newRow("no integer part") << u"0"_s << QString();
    QTest::newRow("integer part too short") << u"b1"_s << QString();
    QTest::newRow("the smallest integer") << QString() << QString(u"A"_s + QString(26, u'0'));
    QTest::newRow("hyphen") << u"a0-b"_s << QString();
    QTest::newRow("space") << QString() << u"a0 W"_s;
    QTest::newRow("leading space") << u" a0"_s << QString();
    QTest::newRow("non-ASCII letter") << QString() << u"a\u00e9"_s;
    QTest::newRow("underscore") << u"a0_"_s << u"a1"_s;
    QTest::newRow("tilde") << u"a0"_s << u"a~"_s;
    QTest::newRow("too long") << QString(u"a0"_s + QString(1023, u'V')) << QString();
    QTest::newRow("equal") << u"a0"_s << u"a0"_s;
    QTest::newRow("reversed") << u"a1"_s << u"a0"_s;
    QTest::newRow("reversed by length") << u"a0V"_s << u"a0"_s;
}

void TestOrderKey::invalidInputs()
{
    QFETCH(QString, before);
    QFETCH(QString, after);

    QCOMPARE(OrderKey::between(before, after), QString());
    QCOMPARE(OrderKey::betweenJittered(before, after), QString());
}

void TestOrderKey::isValid_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("the first key") << u"a0"_s << true;
    QTest::newRow("integer and fraction") << u"a09AZaz"_s << true;
    QTest::newRow("integer ending in 0") << u"b10"_s << true;
    QTest::newRow("negative integer") << u"Zz"_s << true;
    QTest::newRow("fraction with zeros") << u"a0001"_s << true;
    QTest::newRow("1024 characters") << QString(u"a0"_s + QString(1022, u'V')) << true;
    QTest::newRow("1025 characters") << QString(u"a0"_s + QString(1023, u'V')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("fraction ends in 0") << u"a0V0"_s << false;
    QTest::newRow("integer part too short") << u"c1"_s << false;
    QTest::newRow("no head letter") << u"0"_s << false;
    QTest::newRow("dot") << u"a0.1"_s << false;
    QTest::newRow("non-ASCII digit") << u"a\u0661"_s << false;
}

void TestOrderKey::isValid()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);

    QCOMPARE(OrderKey::isValid(key), valid);
}

// Two devices can make the same key (an unjittered gap); a position between two equal keys must
// still give a valid key, after both (the ids order equal keys).
void TestOrderKey::forIndexSkipsEqualNeighbours()
{
    const QStringList keys {u"a0"_s, u"a0V"_s, u"a0V"_s, u"a1"_s};
    const QString middle = OrderKey::forIndex(keys, 2);
    QVERIFY(OrderKey::isValid(middle));
    QVERIFY(middle > u"a0V"_s);
    QVERIFY(middle < u"a1"_s);
    const QString first = OrderKey::forIndex(keys, 0);
    QVERIFY(OrderKey::isValid(first) && first < u"a0"_s);
    const QString last = OrderKey::forIndex(keys, keys.size());
    QVERIFY(OrderKey::isValid(last) && last > u"a1"_s);
    QVERIFY(OrderKey::isValid(OrderKey::forIndex({u"a0"_s, u"a0"_s}, 1)));
    QVERIFY(OrderKey::isValid(OrderKey::forIndex({}, 0)));
}

void TestOrderKey::spread_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");

    QTest::newRow("1..100") << 1 << 100;
    QTest::newRow("101..1000") << 101 << 1000;
    QTest::newRow("1001..3000") << 1001 << 3000;
    QTest::newRow("3001..4000") << 3001 << 4000;
    QTest::newRow("4001..5000") << 4001 << 5000;
}

// Fresh keys for a whole list (a duplicated or imported course): sorted, distinct, valid, short.
void TestOrderKey::spread()
{
    QFETCH(int, from);
    QFETCH(int, to);

    QCOMPARE(OrderKey::spread(0), QStringList());
    for (int n = from; n <= to; ++n) {
        const QStringList keys = OrderKey::spread(n);
        QCOMPARE(keys.size(), n);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const QString previous = i > 0 ? keys[i - 1] : QString();
            const QString problem = checkInside(keys[i], previous, QString());
            QVERIFY2(problem.isEmpty(),
                     qPrintable(u"spread(%1), key %2: %3"_s.arg(n).arg(i).arg(problem)));
            QVERIFY2(keys[i].size() <= 4,
                     qPrintable(u"spread(%1), key %2 is %3 characters long"_s.arg(n).arg(i).arg(
                         keys[i].size())));
        }
    }
}

QTEST_APPLESS_MAIN(TestOrderKey)
#include "tst_orderkey.moc"
