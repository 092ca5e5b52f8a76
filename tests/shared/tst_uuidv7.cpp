#include <QDateTime>
#include <QSet>
#include <QTest>
#include <lectern/uuidv7.h>
#include <thread>
#include <vector>

using namespace Lectern;
using namespace Qt::StringLiterals;

// Ids are made offline on any device and must sort by creation time (docs/architecture.md, "Records
// and the registry").
class TestUuidV7 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestampOfFreshId();
    void versionAndVariant();
    void monotonicInTightLoop();
    void uniqueAcrossThreads();
    void timestampExtraction_data();
    void timestampExtraction();
    void canonicalString();
    void uuidStrings_data();
    void uuidStrings();
};

namespace {
int versionNibble(const QUuid &uuid)
{
    return (uchar(uuid.toRfc4122().at(6)) >> 4) & 0x0f;
}
int variantBits(const QUuid &uuid)
{
    return (uchar(uuid.toRfc4122().at(8)) >> 6) & 0x03;
}
} // namespace

void TestUuidV7::timestampOfFreshId()
{
    // First in the suite: no earlier burst can have made the generator borrow future milliseconds.
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QUuid id = createUuidV7();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const qint64 stamp = uuidV7Timestamp(id);
    QCOMPARE_GE(stamp, before);
    QCOMPARE_LE(stamp, after);
}

void TestUuidV7::versionAndVariant()
{
    for (int i = 0; i < 1000; ++i) {
        const QUuid id = createUuidV7();
        QCOMPARE(versionNibble(id), 7);
        QCOMPARE(variantBits(id), 0b10); // RFC 9562 variant
        QCOMPARE(id.variant(), QUuid::DCE);
        QVERIFY(!id.isNull());
    }
}

void TestUuidV7::monotonicInTightLoop()
{
    constexpr int count = 10000;
    QList<QUuid> ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.append(createUuidV7());

    QSet<QUuid> seen;
    for (int i = 0; i < count; ++i) {
        QVERIFY2(!seen.contains(ids[i]), qPrintable(uuidToString(ids[i])));
        seen.insert(ids[i]);
        if (i == 0)
            continue;
        // Both the binary order and the text order (what a database index sees) must increase.
        QVERIFY2(ids[i - 1] < ids[i],
                 qPrintable(uuidToString(ids[i - 1]) + u" !< "_s + uuidToString(ids[i])));
        QCOMPARE_LT(uuidToString(ids[i - 1]), uuidToString(ids[i]));
        QCOMPARE_LE(uuidV7Timestamp(ids[i - 1]), uuidV7Timestamp(ids[i]));
    }
    // Even a burst stays close to real time (borrowing a millisecond only after 3072 ids in one).
    QCOMPARE_LE(uuidV7Timestamp(ids.last()),
                QDateTime::currentMSecsSinceEpoch() + count / 3072 + 1);
}

void TestUuidV7::uniqueAcrossThreads()
{
    constexpr int threads = 4;
    constexpr int perThread = 2500;
    std::vector<QList<QString>> made(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&made, t] {
            for (int i = 0; i < perThread; ++i)
                made[t].append(createUuidV7String());
        });
    }
    for (std::thread &worker : workers)
        worker.join();

    QSet<QString> all;
    for (const QList<QString> &list : made) {
        for (int i = 0; i < list.size(); ++i) {
            if (i > 0) // each thread still sees its own ids increase
                QCOMPARE_LT(list[i - 1], list[i]);
            all.insert(list[i]);
        }
    }
    QCOMPARE(all.size(), threads * perThread);
}

void TestUuidV7::timestampExtraction_data()
{
    QTest::addColumn<QString>("uuid");
    QTest::addColumn<qint64>("timestamp");

    // The example from RFC 9562 appendix A.6: 2022-02-22T19:22:22Z.
    QTest::newRow("rfc 9562 example")
        << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s << qint64(0x017F22E279B0);
    QTest::newRow("epoch") << u"00000000-0000-7000-8000-000000000000"_s << qint64(0);
    QTest::newRow("largest 48-bit time")
        << u"ffffffff-ffff-7fff-bfff-ffffffffffff"_s << qint64(0xFFFFFFFFFFFF);
    QTest::newRow("upper-case text")
        << u"017F22E2-79B0-7CC3-98C4-DC0C0C07398F"_s << qint64(0x017F22E279B0);
    QTest::newRow("version 4") << u"919108f7-52d1-4320-9bac-f847db4148a8"_s << qint64(-1);
    QTest::newRow("version 1") << u"c232ab00-9414-11ec-b3c8-9f6bdeced846"_s << qint64(-1);
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << qint64(-1);
}

void TestUuidV7::timestampExtraction()
{
    QFETCH(QString, uuid);
    QFETCH(qint64, timestamp);

    const QUuid parsed = QUuid::fromString(uuid);
    QCOMPARE(uuidV7Timestamp(parsed), timestamp);
}

void TestUuidV7::canonicalString()
{
    const QUuid id = createUuidV7();
    const QString text = uuidToString(id);
    QCOMPARE(text.size(), 36);
    QCOMPARE(text, text.toLower());
    QVERIFY(!text.contains(u'{'));
    QCOMPARE(text.at(14), u'7'); // the version digit
    QVERIFY(isUuidString(text));
    QCOMPARE(QUuid::fromString(text), id);

    const QString made = createUuidV7String();
    QVERIFY(isUuidString(made));
    QCOMPARE(made, made.toLower());
    QCOMPARE(versionNibble(QUuid::fromString(made)), 7);

    QCOMPARE(uuidToString(QUuid::fromString(u"{017F22E2-79B0-7CC3-98C4-DC0C0C07398F}"_s)),
             u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s);
}

void TestUuidV7::uuidStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("v7 lower-case") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s << true;
    QTest::newRow("v4") << u"919108f7-52d1-4320-9bac-f847db4148a8"_s << true;
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << true;
    QTest::newRow("upper-case") << u"017F22E2-79B0-7CC3-98C4-DC0C0C07398F"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("braces") << u"{017f22e2-79b0-7cc3-98c4-dc0c0c07398f}"_s << false;
    QTest::newRow("urn") << u"urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s << false;
    QTest::newRow("no hyphens") << u"017f22e279b07cc398c4dc0c0c07398f"_s << false;
    QTest::newRow("one short") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398"_s << false;
    QTest::newRow("one long") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f0"_s << false;
    QTest::newRow("hyphen moved") << u"017f22e-279b0-7cc3-98c4-dc0c0c07398f"_s << false;
    QTest::newRow("non-hex letter") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398g"_s << false;
    QTest::newRow("space instead of hyphen") << u"017f22e2 79b0-7cc3-98c4-dc0c0c07398f"_s << false;
    QTest::newRow("leading space") << u" 17f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s << false;
    QTest::newRow("trailing newline") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398\n"_s << false;
    QTest::newRow("fullwidth digit") << u"017f22e2-79b0-7cc3-98c4-dc0c0c07398\uff11"_s << false;
    QTest::newRow("sql") << u"' OR 1=1 --                         "_s << false;
}

void TestUuidV7::uuidStrings()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    QCOMPARE(Lectern::isUuidString(text), valid);
}

QTEST_GUILESS_MAIN(TestUuidV7)
#include "tst_uuidv7.moc"
