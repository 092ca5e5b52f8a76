// The rules behind sign-in limits, without a server: which address a request counts as (trusted
// proxies, IPv6 /64), the order the worker queue serves addresses in, the back-off curve, and
// the password policy.
#include "core/clientaddress.h"
#include "http/fairqueue.h"
#include "services/loginthrottle.h"
#include "services/passwordpolicy.h"

#include <QTest>

using namespace Lectern;
using namespace Lectern::Server;
using namespace Qt::Literals::StringLiterals;

namespace {
QList<ClientAddress::Subnet> subnets(const QString &text)
{
    auto parsed = ClientAddress::parseSubnets(text);
    return parsed ? *parsed : QList<ClientAddress::Subnet>();
}

FairQueue::Job job(const QString &key, QStringList *ran, const QString &name,
                   QStringList *refused = nullptr)
{
    return {key, [ran, name] { ran->append(name); },
            [refused, name] {
                if (refused)
                    refused->append(name);
            }};
}
} // namespace

class TestSignInRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardedForIsBelievedOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("trusted");
        QTest::addColumn<QString>("client");
        QTest::newRow("no proxy configured")
            << u"127.0.0.1"_s << QByteArray("198.51.100.7") << u""_s << u"127.0.0.1"_s;
        QTest::newRow("peer is not a trusted proxy")
            << u"127.0.0.2"_s << QByteArray("198.51.100.7") << u"127.0.0.1"_s << u"127.0.0.2"_s;
        QTest::newRow("trusted proxy")
            << u"127.0.0.1"_s << QByteArray("198.51.100.7") << u"127.0.0.1"_s << u"198.51.100.7"_s;
        QTest::newRow("client-chosen entries before the real hop are ignored")
            << u"127.0.0.1"_s << QByteArray("203.0.113.9, 198.51.100.7") << u"127.0.0.1"_s
            << u"198.51.100.7"_s;
        QTest::newRow("through two trusted proxies")
            << u"127.0.0.1"_s << QByteArray("198.51.100.7, 10.0.0.3") << u"127.0.0.1, 10.0.0.0/8"_s
            << u"198.51.100.7"_s;
        QTest::newRow("IPv6 with port and brackets")
            << u"::1"_s << QByteArray("[2001:db8::5]:4711") << u"::1"_s << u"2001:db8::5"_s;
        QTest::newRow("IPv4 with port") << u"127.0.0.1"_s << QByteArray("198.51.100.7:80")
                                        << u"127.0.0.1"_s << u"198.51.100.7"_s;
        QTest::newRow("IPv4-mapped peer") << u"::ffff:127.0.0.1"_s << QByteArray("198.51.100.7")
                                          << u"127.0.0.1/32"_s << u"198.51.100.7"_s;
        QTest::newRow("garbage stops at the last readable hop")
            << u"127.0.0.1"_s << QByteArray("198.51.100.7, not-an-address") << u"127.0.0.1"_s
            << u"127.0.0.1"_s;
        QTest::newRow("empty header")
            << u"127.0.0.1"_s << QByteArray() << u"127.0.0.1"_s << u"127.0.0.1"_s;
    }

    void forwardedForIsBelievedOnlyFromTrustedProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, trusted);
        QFETCH(QString, client);
        QCOMPARE(ClientAddress::resolve(QHostAddress(peer), forwardedFor, subnets(trusted)),
                 QHostAddress(client));
    }

    void ipv6CountsPer64_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("same /64") << u"2001:db8:1:2:aaaa::1"_s << u"2001:db8:1:2:ffff:1:2:3"_s
                                  << true;
        QTest::newRow("neighbouring /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:3::1"_s << false;
        QTest::newRow("IPv4 by address") << u"192.0.2.1"_s << u"192.0.2.2"_s << false;
        QTest::newRow("IPv4-mapped is IPv4") << u"::ffff:192.0.2.1"_s << u"192.0.2.1"_s << true;
    }

    void ipv6CountsPer64()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(ClientAddress::limitKey(a) == ClientAddress::limitKey(b), same);
    }

    void limitKeys()
    {
        QCOMPARE(ClientAddress::limitKey(QStringLiteral("2001:db8:1:2:aaaa::1")),
                 QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(ClientAddress::limitKey(QStringLiteral("192.0.2.1")), QStringLiteral("192.0.2.1"));
    }

    void trustedProxyListIsChecked()
    {
        QCOMPARE(subnets(QStringLiteral("10.0.0.0/8, 192.0.2.7 fd00::/8")).size(), 3);
        QVERIFY(!ClientAddress::parseSubnets(QStringLiteral("10.0.0.0/8, proxy.example")));
        QVERIFY(!ClientAddress::parseSubnets(QStringLiteral("10.0.0.0/33")));
    }

    void queueServesAddressesInTurn()
    {
        FairQueue queue(100);
        QStringList ran;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(queue.push(job(QStringLiteral("flood"), &ran, QStringLiteral("f%1").arg(i)))
                         .refusal,
                     FairQueue::Refusal::None);
        QCOMPARE(queue.push(job(QStringLiteral("alice"), &ran, QStringLiteral("a"))).refusal,
                 FairQueue::Refusal::None);
        QCOMPARE(queue.push(job(QStringLiteral("bob"), &ran, QStringLiteral("b"))).refusal,
                 FairQueue::Refusal::None);
        while (auto next = queue.take())
            next->run();
        // The flood came first, yet everyone else waits for one of its jobs only.
        QCOMPARE(ran, (QStringList {u"f0"_s, u"a"_s, u"b"_s, u"f1"_s, u"f2"_s, u"f3"_s, u"f4"_s}));
        QCOMPARE(queue.size(), 0);
    }

    void aFullQueueMakesRoomForNewcomers()
    {
        FairQueue queue(4);
        QStringList ran;
        QStringList refused;
        for (int i = 0; i < 3; ++i)
            queue.push(job(QStringLiteral("flood"), &ran, QStringLiteral("f%1").arg(i), &refused));
        queue.push(job(QStringLiteral("other"), &ran, QStringLiteral("o")));
        // Full: the flood's own next job is refused (429)...
        QCOMPARE(queue.push(job(QStringLiteral("flood"), &ran, QStringLiteral("f3"))).refusal,
                 FairQueue::Refusal::OwnShare);
        // ...and a newcomer takes the place of the flood's newest job.
        FairQueue::Admission admitted = queue.push(job(QStringLiteral("new"), &ran, u"n"_s));
        QCOMPARE(admitted.refusal, FairQueue::Refusal::None);
        QVERIFY(admitted.evicted);
        admitted.evicted->refuse();
        QCOMPARE(refused, QStringList {u"f2"_s});
        QCOMPARE(queue.size(), 4);
        QCOMPARE(queue.queuedFor(QStringLiteral("flood")), 2);
        // When every place is held by a different address, there is nobody to push out (503).
        FairQueue even(2);
        even.push(job(QStringLiteral("x"), &ran, u"x"_s));
        even.push(job(QStringLiteral("y"), &ran, u"y"_s));
        QCOMPARE(even.push(job(QStringLiteral("z"), &ran, u"z"_s)).refusal,
                 FairQueue::Refusal::Full);
    }

    void backoffDoublesUpToItsCap()
    {
        const qint64 cap = 60'000;
        QCOMPARE(LoginThrottle::backoffMs(4, 5, cap), qint64(0));
        QCOMPARE(LoginThrottle::backoffMs(5, 5, cap), qint64(1000));
        QCOMPARE(LoginThrottle::backoffMs(6, 5, cap), qint64(2000));
        QCOMPARE(LoginThrottle::backoffMs(10, 5, cap), qint64(32'000));
        QCOMPARE(LoginThrottle::backoffMs(11, 5, cap), cap);
        QCOMPARE(LoginThrottle::backoffMs(1000, 5, cap), cap);
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("minLength");
        QTest::addColumn<QString>("weakness");
        QTest::newRow("the demo password") << u"lectern-demo"_s << 8 << u""_s;
        QTest::newRow("a passphrase") << u"correct horse battery"_s << 8 << u""_s;
        QTest::newRow("random") << u"q7#Vb!x2Lm"_s << 8 << u""_s;
        QTest::newRow("password") << u"password"_s << 8 << u"common"_s;
        QTest::newRow("Password1") << u"Password1"_s << 8 << u"common"_s;
        QTest::newRow("look-alikes and a year") << u"P@ssw0rd2024!"_s << 8 << u"common"_s;
        QTest::newRow("keyboard walk") << u"qwertyuiop"_s << 8 << u"common"_s;
        QTest::newRow("word with digits") << u"monkey123"_s << 8 << u"common"_s;
        QTest::newRow("the service's name") << u"Lectern2026"_s << 8 << u"common"_s;
        QTest::newRow("12345678") << u"12345678"_s << 8 << u"pattern"_s;
        QTest::newRow("descending") << u"87654321"_s << 8 << u"pattern"_s;
        QTest::newRow("repeated piece") << u"abcabcabc"_s << 8 << u"pattern"_s;
        QTest::newRow("eight spaces") << u"        "_s << 8 << u"one_character"_s;
        QTest::newRow("one letter") << u"aaaaaaaaaaaa"_s << 8 << u"one_character"_s;
        QTest::newRow("short") << u"x7#q"_s << 8 << u"too_short"_s;
        QTest::newRow("organisation minimum") << u"lectern-demo"_s << 14 << u"too_short"_s;
        QTest::newRow("long enough for it") << u"lectern-demo-2026"_s << 14 << u""_s;
        QTest::newRow("too long") << QString(1025, u'x') + u'y' << 8 << u"too_long"_s;
        QTest::newRow("email's local part") << u"noor.haddad"_s << 8 << u"personal"_s;
        QTest::newRow("the email") << u"noor.haddad@example.org"_s << 8 << u"personal"_s;
        QTest::newRow("name without spaces") << u"NoorHaddad"_s << 8 << u"personal"_s;
        QTest::newRow("name with a year") << u"Haddad2024"_s << 8 << u"personal"_s;
    }

    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(int, minLength);
        QFETCH(QString, weakness);
        const PasswordPolicy::Account account {QStringLiteral("noor.haddad@example.org"),
                                               QStringLiteral("Noor Haddad"), minLength};
        QCOMPARE(PasswordPolicy::weakness(password, account), weakness);
        ValidationErrors errors;
        PasswordPolicy::check(errors, QStringLiteral("password"), password, account);
        QCOMPARE(errors.has(QStringLiteral("password")), !weakness.isEmpty());
    }

    void commonListIsBundled()
    {
        // The list is compiled in: a few from it, and its size.
        QVERIFY(PasswordPolicy::isCommon(QStringLiteral("iloveyou")));
        QVERIFY(PasswordPolicy::isCommon(QStringLiteral("sunshine")));
        QVERIFY(!PasswordPolicy::isCommon(QStringLiteral("lectern-demo")));
    }
};

QTEST_GUILESS_MAIN(TestSignInRules)
#include "tst_signinrules.moc"
