// The request framing the listener applies to every connection before Qt's parser: the same
// answer however the bytes are split (one piece, or one byte at a time), limits that break on the
// byte that breaks them, and the framing tricks a request smuggler uses refused.
#include "http/requestframer.h"

#include <QTest>

using namespace Lectern::Server;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 maxHead = 1024;
constexpr qint64 maxBody = 4096;

struct Outcome
{
    QStringList events; // "head", "message", "refused 413", ...
    qint64 taken = 0;   // bytes taken before the end or the refusal
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once) and records what happens.
Outcome frame(const QByteArray &bytes, qsizetype piece)
{
    RequestFramer framer({maxHead, maxBody});
    Outcome outcome;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        QByteArrayView rest = QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at));
        for (;;) {
            qsizetype taken = 0;
            const RequestFramer::Event event = framer.feed(rest, &taken);
            outcome.taken += taken;
            rest = rest.sliced(taken);
            if (event == RequestFramer::Event::NeedMore)
                break;
            if (event == RequestFramer::Event::Refused) {
                outcome.events.append(u"refused "_s + QString::number(framer.refusal().status));
                return outcome;
            }
            outcome.events.append(event == RequestFramer::Event::HeadComplete ? u"head"_s
                                                                              : u"message"_s);
        }
    }
    return outcome;
}

QByteArray chunked(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

const QByteArray post = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n";
} // namespace

class TestRequestFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesTheSameWhateverThePieces_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("events");

        const QStringList one = {u"head"_s, u"message"_s};
        QTest::newRow("get") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << one;
        QTest::newRow("bare line feeds") << QByteArray("GET / HTTP/1.0\nHost: x\n\n") << one;
        QTest::newRow("blank lines before") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n\r\n") << one;
        QTest::newRow("content-length body")
            << QByteArray(post + "Content-Length: 5\r\n\r\nhello") << one;
        QTest::newRow("body at the limit")
            << QByteArray(post + "Content-Length: 4096\r\n\r\n" + QByteArray(maxBody, 'a')) << one;
        QTest::newRow("chunked body with trailer")
            << QByteArray(post
                          + "Transfer-Encoding: Chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\n"
                            "X-Trailer: 1\r\n\r\n")
            << one;
        QTest::newRow("chunked at the limit") << QByteArray(
            post + "Transfer-Encoding: chunked\r\n\r\n" + chunked(QByteArray(maxBody, 'c'), 1000))
                                              << one;
        QTest::newRow("pipelined")
            << QByteArray(post + "Content-Length: 2\r\n\r\n{}" + post
                          + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                          + "GET /healthz HTTP/1.1\r\n\r\n")
            << QStringList {u"head"_s,    u"message"_s, u"head"_s,
                            u"message"_s, u"head"_s,    u"message"_s};
        QTest::newRow("websocket upgrade")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n"
                          "Upgrade: websocket\r\n\r\n\x81\x05hello")
            << QStringList {u"head"_s};

        QTest::newRow("announced body too large")
            << QByteArray(post + "Content-Length: 4097\r\n\r\n")
            << QStringList {u"head"_s, u"refused 413"_s};
        QTest::newRow("chunked body too large")
            << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n"
                          + chunked(QByteArray(maxBody + 1, 'c'), 1000))
            << QStringList {u"head"_s, u"refused 413"_s};
        // One-byte chunks: six bytes on the wire per byte of body, and all of it buffered by Qt.
        QTest::newRow("chunk framing counts") << QByteArray(
            post + "Transfer-Encoding: chunked\r\n\r\n" + chunked(QByteArray(maxBody, 'c'), 1))
                                              << QStringList {u"head"_s, u"refused 413"_s};
        QTest::newRow("request line too long")
            << QByteArray("GET /" + QByteArray(2 * maxHead, 'a') + " HTTP/1.1\r\n\r\n")
            << QStringList {u"refused 414"_s};
        QTest::newRow("headers too large")
            << QByteArray("GET / HTTP/1.1\r\n" + QByteArray(2 * maxHead, 'h') + "\r\n\r\n")
            << QStringList {u"refused 431"_s};
        QTest::newRow("many small headers")
            << QByteArray("GET / HTTP/1.1\r\n" + QByteArray("X-A: b\r\n").repeated(200) + "\r\n")
            << QStringList {u"refused 431"_s};

        const QStringList bad = {u"refused 400"_s};
        QTest::newRow("length and chunked")
            << QByteArray(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") << bad;
        QTest::newRow("two lengths")
            << QByteArray(post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n") << bad;
        QTest::newRow("length not a number")
            << QByteArray(post + "Content-Length: 5x\r\n\r\n") << bad;
        QTest::newRow("negative length") << QByteArray(post + "Content-Length: -1\r\n\r\n") << bad;
        QTest::newRow("other transfer coding")
            << QByteArray(post + "Transfer-Encoding: gzip, chunked\r\n\r\n") << bad;
        QTest::newRow("space before colon")
            << QByteArray(post + "Content-Length : 5\r\n\r\nhello") << bad;
        QTest::newRow("folded header") << QByteArray(post + "X-A: b\r\n c\r\n\r\n") << bad;
        QTest::newRow("no colon") << QByteArray(post + "nonsense\r\n\r\n") << bad;
        QTest::newRow("malformed request line") << QByteArray("GET /\r\n\r\n") << bad;
        QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("not http") << QByteArray("GET / SMTP/1.0\r\n\r\n") << bad;
        QTest::newRow("connect") << QByteArray("CONNECT a:443 HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("bad chunk size")
            << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")
            << QStringList {u"head"_s, u"refused 400"_s};
        QTest::newRow("chunk longer than its size")
            << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n")
            << QStringList {u"head"_s, u"refused 400"_s};
    }

    void framesTheSameWhateverThePieces()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, events);
        for (qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(7), qsizetype(1000)}) {
            const Outcome outcome = frame(bytes, piece);
            QVERIFY2(outcome.events == events,
                     qPrintable(u"pieces of %1: %2"_s.arg(piece).arg(outcome.events.join(u", "))));
        }
    }

    // A refusal comes on the byte past the limit: a slow sender gets no further than a fast one.
    void refusesOnTheByteThatBreaksTheLimit()
    {
        const QByteArray line = "GET /" + QByteArray(10 * maxHead, 'a');
        QCOMPARE(frame(line, 1).taken, maxHead + 1);
        QCOMPARE(frame(line, 0).taken, line.size()); // counted, but never kept
        const QByteArray body = post + "Transfer-Encoding: chunked\r\n\r\n"
            + chunked(QByteArray(10 * maxBody, 'c'), 100);
        QVERIFY(frame(body, 1).taken < post.size() + 2 * maxBody);
    }

    void phasesFollowTheRequest()
    {
        RequestFramer framer({maxHead, maxBody});
        qsizetype taken = 0;
        QCOMPARE(framer.phase(), RequestFramer::Phase::Idle);
        QCOMPARE(framer.feed("POST /x HTTP/1.1\r\n", &taken), RequestFramer::Event::NeedMore);
        QCOMPARE(framer.phase(), RequestFramer::Phase::Head);
        QCOMPARE(framer.feed("Content-Length: 4\r\n\r\nab", &taken),
                 RequestFramer::Event::HeadComplete);
        QCOMPARE(framer.head().method, QByteArray("POST"));
        QCOMPARE(framer.head().path(), QByteArrayView("/x"));
        QCOMPARE(framer.head().contentLength, 4);
        QCOMPARE(framer.headBytes(), 39);
        QCOMPARE(framer.feed("ab", &taken), RequestFramer::Event::NeedMore);
        QCOMPARE(framer.phase(), RequestFramer::Phase::Body);
        QCOMPARE(framer.bodyBytes(), 2);
        QCOMPARE(framer.feed("cd", &taken), RequestFramer::Event::MessageComplete);
        QCOMPARE(framer.phase(), RequestFramer::Phase::Idle);

        QCOMPARE(
            framer.feed("GET /ws?x=1 HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n",
                        &taken),
            RequestFramer::Event::HeadComplete);
        QVERIFY(framer.head().upgrade);
        QCOMPARE(framer.head().path(), QByteArrayView("/ws"));
        QCOMPARE(framer.feed("frames", &taken), RequestFramer::Event::NeedMore);
        QCOMPARE(framer.phase(), RequestFramer::Phase::Opaque);
    }
};

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
