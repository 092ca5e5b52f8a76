#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Lectern::Server {

// Where the HTTP/1.1 requests on one connection begin and end (RFC 9112), worked out from the bytes
// as they arrive, in pieces of any size and at any pace: the request line, the header fields, a
// body by Content-Length or chunked, and the next request. Every byte counts against the limits
// the moment it arrives, so a refusal does not depend on how the sender splits its bytes. It keeps
// no more than the line it is reading (bounded by the head limit) and does not build the request:
// Qt's parser does that.
class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 64 * 1024; // the request line and header fields together
        qint64 maxBodyBytes = 1024 * 1024;
    };

    enum class Event {
        NeedMore,        // every byte given was taken
        HeadComplete,    // a request's head ended: head() describes it
        MessageComplete, // the request ended (head and body); the next one may follow
        Refused,         // refusal() says why; take nothing more from this connection
    };

    enum class Phase {
        Idle,   // between requests: no byte of the next one yet
        Head,   // reading a request line or header fields
        Body,   // reading a body
        Opaque, // after a protocol upgrade: the bytes are not HTTP any more
        Refused,
    };

    struct Head
    {
        QByteArray method;
        QByteArray target; // as sent: path and query
        qint64 contentLength = 0;
        bool chunked = false;
        // "Connection: upgrade" with an Upgrade field (a WebSocket handshake): what follows the
        // head belongs to the new protocol.
        bool upgrade = false;

        QByteArrayView path() const;
    };

    struct Refusal
    {
        int status = 0;
        QByteArray code;
        QString message;
    };

    explicit RequestFramer(Limits limits);

    // Takes bytes from `data` until an event, and says how many it took in `*taken`. Call again
    // with the rest after HeadComplete and MessageComplete — with no bytes too: a head may decide
    // the outcome (an announced body that is too large, an empty body).
    Event feed(QByteArrayView data, qsizetype *taken);

    Phase phase() const;
    const Head &head() const { return m_head; }
    const Refusal &refusal() const { return m_refusal; }
    // Bytes of the current request's head received so far, blank lines before it included.
    qint64 headBytes() const { return m_headBytes; }
    // Bytes of the current request's body received so far, as sent (chunk framing included).
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    enum class State {
        Start,
        RequestLine,
        Field,
        BodyStart,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Opaque,
        Refused
    };

    Event refuse(int status, const char *code, const QString &message);
    // A complete line (without its line feed) in the head or the chunk framing.
    Event requestLine(QByteArrayView line);
    Event field(QByteArrayView line);
    Event headEnd();
    Event bodyStart();
    Event chunkLine(QByteArrayView line);
    enum class Line { Partial, Complete, TooLong };
    // Bytes up to and including the next line feed go to m_line, unless they pass `budget`.
    Line collectLine(QByteArrayView data, qsizetype *taken, qint64 budget);
    void startRequest();

    Limits m_limits;
    State m_state = State::Start;
    Head m_head;
    Refusal m_refusal;
    QByteArray m_line;
    qint64 m_headBytes = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_bodyData = 0; // decoded bytes of a chunked body
    qint64 m_left = 0;     // of the Content-Length body, or of the current chunk
    bool m_sawLength = false;
    bool m_sawTransferEncoding = false;
    bool m_connectionUpgrade = false;
    bool m_upgradeField = false;
};

} // namespace Lectern::Server
