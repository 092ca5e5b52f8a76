#include "requestframer.h"

#include <QCoreApplication>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::RequestFramer)
};

// A chunk-size line is a hex number and perhaps extensions; nobody needs more than this.
constexpr qint64 maxChunkLineBytes = 4096;

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool isDigits(QByteArrayView text)
{
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return !text.isEmpty();
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &item : list.toByteArray().split(',')) {
        if (trimmed(item).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

QByteArrayView RequestFramer::Head::path() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArrayView(target) : QByteArrayView(target).first(question);
}

RequestFramer::RequestFramer(Limits limits)
    : m_limits(limits)
{ }

RequestFramer::Phase RequestFramer::phase() const
{
    switch (m_state) {
    case State::Start:
        return m_headBytes == 0 ? Phase::Idle : Phase::Head;
    case State::RequestLine:
    case State::Field:
        return Phase::Head;
    case State::Opaque:
        return Phase::Opaque;
    case State::Refused:
        return Phase::Refused;
    default:
        return Phase::Body;
    }
}

RequestFramer::Event RequestFramer::feed(QByteArrayView data, qsizetype *taken)
{
    *taken = 0;
    for (;;) {
        if (m_state == State::Refused)
            return Event::Refused;
        if (m_state == State::BodyStart) {
            if (const Event event = bodyStart(); event != Event::NeedMore)
                return event;
            continue;
        }
        const QByteArrayView rest = data.sliced(*taken);
        if (rest.isEmpty())
            return Event::NeedMore;

        switch (m_state) {
        case State::Start: {
            // Blank lines before a request line are allowed (RFC 9112 section 2.2).
            qsizetype blank = 0;
            while (blank < rest.size() && (rest[blank] == '\r' || rest[blank] == '\n'))
                ++blank;
            *taken += blank;
            m_headBytes += blank;
            if (m_headBytes > m_limits.maxHeadBytes)
                return refuse(400, "bad_request", Messages::tr("The request is malformed."));
            if (blank < rest.size())
                m_state = State::RequestLine;
            break;
        }
        case State::RequestLine:
        case State::Field: {
            qsizetype n = 0;
            const Line line = collectLine(rest, &n, m_limits.maxHeadBytes - m_headBytes);
            *taken += n;
            m_headBytes += n;
            if (line == Line::TooLong) {
                if (m_state == State::RequestLine)
                    return refuse(414, "uri_too_long",
                                  Messages::tr("The request line is longer than %1 bytes.")
                                      .arg(m_limits.maxHeadBytes));
                return refuse(431, "headers_too_large",
                              Messages::tr("The request headers are larger than %1 bytes.")
                                  .arg(m_limits.maxHeadBytes));
            }
            if (line == Line::Partial)
                break;
            const QByteArray text = std::exchange(m_line, {});
            const Event event = m_state == State::RequestLine ? requestLine(text) : field(text);
            if (event != Event::NeedMore)
                return event;
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_left, rest.size());
            *taken += n;
            m_bodyBytes += n;
            m_left -= n;
            if (m_state == State::ChunkData) {
                m_bodyData += n;
                if (m_left == 0)
                    m_state = State::ChunkDataEnd;
            } else if (m_left == 0) {
                startRequest();
                return Event::MessageComplete;
            }
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailer: {
            // The framing of a chunked body counts too: tiny chunks must not multiply what is
            // buffered (Qt's parser holds the request as sent until it is complete).
            const qint64 maxWire = 2 * m_limits.maxBodyBytes + m_limits.maxHeadBytes;
            const qint64 maxLine
                = m_state == State::Trailer ? m_limits.maxHeadBytes : maxChunkLineBytes;
            qsizetype n = 0;
            const Line line = collectLine(rest, &n, maxLine - m_line.size());
            *taken += n;
            m_bodyBytes += n;
            if (m_bodyBytes > maxWire)
                return refuse(413, "payload_too_large",
                              Messages::tr("The request body is larger than %1 bytes.")
                                  .arg(m_limits.maxBodyBytes));
            if (line == Line::TooLong)
                return refuse(400, "bad_request",
                              Messages::tr("A line of the chunked body is too long."));
            if (line == Line::Partial)
                break;
            const QByteArray text = std::exchange(m_line, {});
            if (const Event event = chunkLine(text); event != Event::NeedMore)
                return event;
            break;
        }
        case State::Opaque:
            // Whatever the upgraded protocol sends before its handler takes the connection.
            *taken += rest.size();
            m_bodyBytes += rest.size();
            if (m_bodyBytes > m_limits.maxBodyBytes)
                return refuse(413, "payload_too_large",
                              Messages::tr("The request body is larger than %1 bytes.")
                                  .arg(m_limits.maxBodyBytes));
            break;
        case State::BodyStart:
        case State::Refused:
            break; // handled above
        }
    }
}

RequestFramer::Line RequestFramer::collectLine(QByteArrayView data, qsizetype *taken, qint64 budget)
{
    const qsizetype newline = data.indexOf('\n');
    const qsizetype length = newline < 0 ? data.size() : newline + 1;
    *taken = length;
    // Past the budget the caller refuses: the bytes are counted, never kept.
    if (length > budget)
        return Line::TooLong;
    m_line.append(data.first(length));
    return newline >= 0 ? Line::Complete : Line::Partial;
}

RequestFramer::Event RequestFramer::refuse(int status, const char *code, const QString &message)
{
    m_state = State::Refused;
    m_line.clear();
    m_refusal = {status, QByteArray(code), message};
    return Event::Refused;
}

RequestFramer::Event RequestFramer::requestLine(QByteArrayView line)
{
    line.chop(1); // the line feed
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    const bool methodOk = !parts.value(0).isEmpty()
        && std::all_of(parts[0].cbegin(), parts[0].cend(),
                       [](char c) { return c >= 'A' && c <= 'Z'; });
    if (parts.size() != 3 || !methodOk || parts[1].isEmpty()
        || (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0"))
        return refuse(400, "bad_request", Messages::tr("The request line is malformed."));
    // A tunnel has no body framing, and this server is no proxy.
    if (parts[0] == "CONNECT")
        return refuse(400, "bad_request", Messages::tr("CONNECT is not supported."));
    m_head.method = parts[0];
    m_head.target = parts[1];
    m_state = State::Field;
    return Event::NeedMore;
}

RequestFramer::Event RequestFramer::field(QByteArrayView line)
{
    line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return headEnd();
    // Folded lines and spaces before the colon are how requests get smuggled (RFC 9112 5.1, 5.2).
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
    if (name.isEmpty() || name.contains(' ') || name.contains('\t'))
        return refuse(400, "bad_request", Messages::tr("A header line is malformed."));
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        if (!isDigits(value) || value.size() > 18)
            return refuse(400, "bad_request", Messages::tr("The Content-Length is not a number."));
        const qint64 length = value.toLongLong();
        if (m_sawLength && length != m_head.contentLength)
            return refuse(400, "bad_request",
                          Messages::tr("The request has two different Content-Length values."));
        m_sawLength = true;
        m_head.contentLength = length;
    } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        if (m_sawTransferEncoding || value.compare("chunked", Qt::CaseInsensitive) != 0)
            return refuse(400, "bad_request",
                          Messages::tr("Only the chunked transfer coding is understood."));
        m_sawTransferEncoding = true;
        m_head.chunked = true;
    } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
        m_connectionUpgrade = m_connectionUpgrade || hasToken(value, "upgrade");
    } else if (name.compare("upgrade", Qt::CaseInsensitive) == 0) {
        m_upgradeField = m_upgradeField || !value.isEmpty();
    }
    return Event::NeedMore;
}

RequestFramer::Event RequestFramer::headEnd()
{
    if (m_sawLength && m_sawTransferEncoding)
        return refuse(400, "bad_request",
                      Messages::tr("Send Content-Length or Transfer-Encoding, not both."));
    m_head.upgrade = m_connectionUpgrade && m_upgradeField;
    if (m_head.chunked)
        m_head.contentLength = -1;
    m_state = State::BodyStart;
    return Event::HeadComplete;
}

RequestFramer::Event RequestFramer::bodyStart()
{
    if (m_head.upgrade) {
        m_state = State::Opaque;
        return Event::NeedMore;
    }
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        return Event::NeedMore;
    }
    if (m_head.contentLength > m_limits.maxBodyBytes)
        return refuse(
            413, "payload_too_large",
            Messages::tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    if (m_head.contentLength == 0) {
        startRequest();
        return Event::MessageComplete;
    }
    m_left = m_head.contentLength;
    m_state = State::Body;
    return Event::NeedMore;
}

RequestFramer::Event RequestFramer::chunkLine(QByteArrayView line)
{
    line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    switch (m_state) {
    case State::ChunkSize: {
        const qsizetype semicolon = line.indexOf(';');
        const QByteArrayView hex = trimmed(semicolon < 0 ? line : line.first(semicolon));
        bool ok = !hex.isEmpty() && hex.size() <= 15;
        const qint64 size = ok ? hex.toLongLong(&ok, 16) : 0;
        if (!ok || size < 0 || hex.front() == '+' || hex.front() == '-')
            return refuse(400, "bad_request", Messages::tr("A chunk size is malformed."));
        if (size == 0) {
            m_state = State::Trailer;
        } else if (m_bodyData + size > m_limits.maxBodyBytes) {
            return refuse(413, "payload_too_large",
                          Messages::tr("The request body is larger than %1 bytes.")
                              .arg(m_limits.maxBodyBytes));
        } else {
            m_left = size;
            m_state = State::ChunkData;
        }
        return Event::NeedMore;
    }
    case State::ChunkDataEnd:
        if (!line.isEmpty())
            return refuse(400, "bad_request",
                          Messages::tr("A chunk does not end where its size says."));
        m_state = State::ChunkSize;
        return Event::NeedMore;
    default: // Trailer: its fields are ignored; an empty line ends the request.
        if (!line.isEmpty())
            return Event::NeedMore;
        startRequest();
        return Event::MessageComplete;
    }
}

void RequestFramer::startRequest()
{
    m_state = State::Start;
    m_head = {};
    m_line.clear();
    m_headBytes = 0;
    m_bodyBytes = 0;
    m_bodyData = 0;
    m_left = 0;
    m_sawLength = false;
    m_sawTransferEncoding = false;
    m_connectionUpgrade = false;
    m_upgradeField = false;
}

} // namespace Lectern::Server
